"""Schema migrations: empty to head, no drift from the models, data kept, stale schemas refused.

Every test runs on SQLite and, when STORIES_TEST_DATABASE_URL is set, on
PostgreSQL too (the `empty_database` fixture gives a database with no tables on
each backend).  The upgrade-with-data test is parametrized by every revision
before head, plus head itself (re-running `upgrade` must be a no-op), so a new
revision is covered as soon as it exists.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, Table, insert, inspect, select, text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

import cli
from moderation.queue import review as review_view
from moderation.roles import StaffIdentity
from stories import migrate
from stories.audit import GENESIS, _digest, verify_chain
from stories.db import engine_for, transaction
from stories.models import AuditEvent, AuthorizationText, Consent, Revision, StaffUser, Story
from stories.texthash import content_hash
from tests import factories as f

ROOT = Path(__file__).resolve().parents[1]
TEST_KEY = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktdGVzdC0="  # as in conftest
REVISIONS = [r.revision for r in reversed(list(
    ScriptDirectory.from_config(migrate._config()).walk_revisions()))]  # base first


def upgrade_to(engine: Engine, target: str) -> None:
    """Migrate to `target` with Alembic alone (no seeding through today's models)."""
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)


def drift(engine: Engine, metadata: MetaData = SQLModel.metadata) -> list:
    """What autogenerate would write to turn the database into `metadata`."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, metadata)


def test_revisions_form_one_line_from_0001():
    script = ScriptDirectory.from_config(migrate._config())
    assert REVISIONS[0] == "0001" and REVISIONS[-1] == migrate.head()
    assert len(script.get_heads()) == 1, "two migration heads: merge them"


def test_empty_database_upgrades_to_head_with_no_drift(empty_database):
    engine = engine_for(empty_database)
    assert migrate.current(engine) is None
    assert migrate.upgrade(engine) == migrate.head()
    assert migrate.current(engine) == migrate.head()
    tables = set(inspect(engine).get_table_names())
    assert {t.name for t in SQLModel.metadata.sorted_tables} | {"alembic_version"} == tables
    assert drift(engine) == [], "models and migrations differ: add a migration"
    migrate.require_current_schema(engine)
    with transaction(engine) as s:  # the first authorization text is seeded
        assert s.execute(text("SELECT count(*) FROM authorization_text")).scalar_one() == 1


def test_the_drift_check_does_see_a_difference(empty_database):
    engine = engine_for(empty_database)
    migrate.upgrade(engine)
    changed = MetaData()
    for table in SQLModel.metadata.sorted_tables:
        table.to_metadata(changed)
    Table("story", changed, Column("shoe_size", Integer), extend_existing=True)
    Table("brand_new", changed, Column("id", Integer, primary_key=True))
    found = drift(engine, changed)
    assert any(d[0] == "add_table" and d[1].name == "brand_new" for d in found)
    assert any(d[0] == "add_column" and d[2] == "story" and d[3].name == "shoe_size" for d in found)


#: Columns a later revision dropped, with the value an old database held.
RETIRED = {"story": {"display_name": ""}}


def _seed_at(engine: Engine) -> dict:
    """Insert one full story at whatever revision the database is at, with Core.

    The rows are built with today's models (so every field has a value or its
    default) and only the columns that exist at that revision are written; they
    make a valid story (revision, consent, authorization, staff user, audit
    event).  Returns the values as written, by table.
    """
    meta = MetaData()
    meta.reflect(engine)
    now = datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)
    event = AuditEvent(id=1, at=now.replace(microsecond=0), actor_kind="patient", actor_id=None,
                       story_id=1, action="submit", from_status=None, to_status="submitted",
                       revision_hash="c" * 64, detail="authorization 2026-11-v1", prev_hash=GENESIS)
    event.event_hash = _digest(event)
    records = [
        StaffUser(id=1, username="old-mod", password_hash="$argon2id$x", role="moderator",
                  created_at=now),
        AuthorizationText(id=1, version="2026-11-v1", body="terms", sha256="a" * 64,
                          effective_at=now),
        Story(id=1, public_id="s-old-1", receipt_hash="r" * 64, status="submitted",
              display_mode="anonymous", tags="vaginismus", current_revision_id=1,
              original_hash="c" * 64, duplicate_key="d" * 64, created_at=now, updated_at=now),
        Revision(id=1, story_id=1, number=1, title="An old story", body=f.BODY,
                 content_hash="c" * 64, author_kind="patient", created_at=now),
        Consent(id=1, story_id=1, authorization_id=1, authorization_version="2026-11-v1",
                authorization_sha256="a" * 64, use_website=True, expires_on=date(2029, 1, 1),
                signer_role="patient", attest_adult=True, attest_identity=True,
                material_connection="none", signed_at=now),
        event,
    ]
    written = {}
    with engine.begin() as conn:
        for record in records:
            table = meta.tables[record.__tablename__]
            values = {**record.model_dump(), **RETIRED.get(table.name, {})}
            kept = {k: v for k, v in values.items() if k in table.c}
            conn.execute(insert(table).values(**kept))
            written[table.name] = kept
    return written


def _same(stored, value) -> bool:
    if isinstance(value, datetime) and isinstance(stored, datetime):
        stored = stored.replace(tzinfo=UTC) if stored.tzinfo is None else stored.astimezone(UTC)
    return stored == value


@pytest.mark.parametrize("start", REVISIONS)
def test_database_with_data_upgrades_to_head_keeping_it(empty_database, start):
    engine = engine_for(empty_database)
    upgrade_to(engine, start)
    assert migrate.current(engine) == start
    written = _seed_at(engine)

    assert migrate.upgrade(engine) == migrate.head()
    assert migrate.upgrade(engine) == migrate.head()  # running it again changes nothing

    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        for name, values in written.items():
            table = meta.tables[name]
            row = conn.execute(select(table).where(table.c.id == values["id"])).mappings().one()
            for column, value in values.items():
                if column in RETIRED.get(name, {}):
                    assert column not in row, (name, column)
                    continue
                assert _same(row[column], value), (name, column, row[column], value)
            assert conn.execute(text(f"SELECT count(*) FROM {name}")).scalar_one() == 1, name
    assert drift(engine) == []
    with transaction(engine) as s:  # today's code reads the old rows
        story = s.get(Story, 1)
        assert story.public_id == "s-old-1" and story.created_at.tzinfo is not None
        assert verify_chain(s).ok
        view = review_view(1, who=StaffIdentity(id=1, username="old-mod", role="moderator"),
                           session=s)
    assert view.revision.body == f.BODY and view.story.status == "submitted"


def _cli(url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "STORIES_DATABASE_URL": url, "STORIES_ENCRYPTION_KEY": TEST_KEY}
    return subprocess.run([sys.executable, "-m", "stories", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


def test_db_status_exit_codes(empty_database):
    before = _cli(empty_database, "db", "status")
    assert before.returncode == 1
    assert f"schema none; this code needs {migrate.head()}" in before.stdout
    up = _cli(empty_database, "db", "upgrade")
    assert up.returncode == 0 and f"is at schema {migrate.head()}" in up.stdout
    after = _cli(empty_database, "db", "status")
    assert after.returncode == 0
    assert f"schema {migrate.head()}; this code needs {migrate.head()}" in after.stdout


def _stale_states() -> list[str | None]:
    """Every out-of-date state: empty, each older revision, and an unknown newer one."""
    return [None, *REVISIONS[:-1], "9999-from-newer-code"]


@pytest.mark.parametrize("at", _stale_states())
def test_out_of_date_schema_is_refused_with_the_fix_named(empty_database, monkeypatch, capsys, at):
    engine = engine_for(empty_database)
    if at == "9999-from-newer-code":
        migrate.upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": at})
    elif at is not None:
        upgrade_to(engine, at)
    with pytest.raises(migrate.SchemaOutOfDate) as refused:
        migrate.require_current_schema(engine)
    message = str(refused.value)
    assert f"at {at or 'nothing'}" in message and f"needs {migrate.head()}" in message
    assert "python -m stories db upgrade" in message

    monkeypatch.setenv("STORIES_DATABASE_URL", empty_database)
    monkeypatch.setenv("STORIES_ENCRYPTION_KEY", TEST_KEY)
    assert cli.main(["export", "--out", "site"]) == 2
    assert cli.main(["audit", "verify"]) == 2
    err = capsys.readouterr().err
    assert err.count("error: The database schema is at") == 2
    assert "Run `python -m stories db upgrade` first." in err
    assert cli.main(["db", "status"]) == 1  # `db` itself still works


def test_display_name_moves_to_every_revision_and_the_hashes_follow(empty_database):
    """0004: the name shown on the site becomes part of each revision and its hash;
    the story's original and signed-off hashes follow, the audit keeps its own."""
    engine = engine_for(empty_database)
    upgrade_to(engine, "0003")
    written = _seed_at(engine)
    old_hash = written["revision"]["content_hash"]
    with engine.begin() as conn:
        conn.execute(text("UPDATE story SET display_name = 'Rose', signed_off_hash = :h"),
                     {"h": old_hash})
    migrate.upgrade(engine)
    new_hash = content_hash("An old story", f.BODY, "Rose")
    with engine.connect() as conn:
        rev = conn.execute(text("SELECT display_name, content_hash FROM revision")).one()
        story = conn.execute(text("SELECT original_hash, signed_off_hash FROM story")).one()
        audit = conn.execute(text("SELECT revision_hash FROM audit_event")).scalar_one()
    assert tuple(rev) == ("Rose", new_hash)
    assert tuple(story) == (new_hash, new_hash)
    assert audit == "c" * 64
