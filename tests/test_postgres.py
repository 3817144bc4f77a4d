"""With STORIES_TEST_DATABASE_URL set, the PostgreSQL path is really the one used.

Skipped on a plain SQLite run (the rest of the suite covers SQLite).
"""

from __future__ import annotations

import os
from datetime import UTC

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from moderation import review
from stories import patient
from stories.audit import _PG_CHAIN_LOCK, lock_chain, verify_chain
from stories.db import engine_for, get_engine, transaction
from stories.errors import InvalidInput
from stories.export import export_site
from stories.models import AuditEvent, Revision, Story
from stories.submission import submit_story
from tests import factories as f

PG_URL = os.environ.get("STORIES_TEST_DATABASE_URL", "").strip()
pytestmark = pytest.mark.skipif(not PG_URL, reason="STORIES_TEST_DATABASE_URL is not set")


def test_the_configured_engine_is_postgresql_in_the_run_schema(db_url, postgres_run):
    assert db_url == postgres_run.url
    for engine in (engine_for(db_url), get_engine()):
        assert engine.dialect.name == "postgresql"
        assert engine.dialect.driver == "psycopg"
    with transaction() as s:
        assert s.get_bind().dialect.name == "postgresql"
        schema = s.execute(text("SELECT current_schema()")).scalar_one()
        version = s.execute(text("SHOW server_version_num")).scalar_one()
    assert schema == postgres_run.schema
    assert int(version) >= 120000


def test_each_test_starts_empty_with_ids_from_one(db_url):
    with transaction() as s:
        assert s.execute(text("SELECT count(*) FROM story")).scalar_one() == 0
        assert s.execute(text("SELECT count(*) FROM audit_event")).scalar_one() == 0
        assert s.execute(text("SELECT count(*) FROM authorization_text")).scalar_one() == 1
    receipt = f.submit()
    assert receipt.story_id == 1


def test_a_whole_journey_on_postgresql(db_url, tmp_path):
    receipt = f.submit()
    mod = f.staff("moderator")
    digest = f.to_approved(receipt, mod)
    with transaction() as s:
        story = s.get(Story, receipt.story_id)
        assert story.status == "approved" and story.signed_off_hash == digest
        assert story.created_at.tzinfo is not None
        assert story.created_at.utcoffset() == UTC.utcoffset(None)
        report = export_site(tmp_path / "site", "hugo", session=s)
    assert report.exported == 1
    [written] = list((tmp_path / "site").glob("*.md"))
    assert written.name == f"{receipt.public_id}.md"

    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    with transaction() as s:
        revisions = s.exec(select(Revision).where(Revision.story_id == receipt.story_id)).all()
        assert {r.body for r in revisions} == {""}
        actions = [e.action for e in s.exec(select(AuditEvent).order_by(AuditEvent.id))]
        chain = verify_chain(s)
    assert actions[0] == "submit" and actions[-2:] == ["withdraw", "erase"]
    assert chain.ok and chain.events == len(actions)


def test_a_failed_action_rolls_back_everything_on_postgresql(db_url):
    receipt = f.submit()
    mod = f.staff("moderator")
    with transaction() as s:
        events_before = verify_chain(s).events
    with pytest.raises(RuntimeError), transaction() as s:
        review.start_review(receipt.story_id, who=mod, session=s)
        raise RuntimeError("crash after the write, before the commit")
    assert f.status(receipt.story_id) == "submitted"
    with transaction() as s:
        assert verify_chain(s).events == events_before


def test_the_duplicate_check_sees_committed_stories(db_url):
    with transaction() as s:
        submit_story(f.form(), session=s)
    with pytest.raises(InvalidInput, match="already reached us"), transaction() as s:
        submit_story(f.form(), session=s)


def _chain_locks_held(session) -> int:
    query = text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() "
                 "AND objid = :k AND granted")
    return session.execute(query, {"k": _PG_CHAIN_LOCK}).scalar_one()


def test_the_chain_lock_is_taken_once_per_transaction_and_again_in_the_next(db_url):
    """`lock_chain` skips the round trip only while the transaction that holds the lock lasts."""
    with Session(get_engine()) as s:
        for _ in range(2):  # one session, two transactions: the second must lock again
            assert _chain_locks_held(s) == 0
            lock_chain(s)
            lock_chain(s)
            assert _chain_locks_held(s) == 1
            s.commit()
