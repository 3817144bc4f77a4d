"""Retention purge: texts of stories that will never be published go; consent and audit stay.

Time passing is simulated with `today` (the purge runs "in the future"); only
the CLI test, which has no such option, back-dates one story's last change.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from cli import main as cli_main
from moderation import review
from stories import patient
from stories.audit import record, verify_chain
from stories.db import transaction
from stories.errors import InvalidInput
from stories.expiry import expire_due
from stories.models import AuditEvent, Consent, Notification, Revision, Story, utcnow
from stories.retention import DEFAULT_RETENTION_DAYS, due, purge, retention_days
from tests import factories as f

SECRET_WORDS = ("dave", "Novikova", "Leeds")


def _reject(receipt, who) -> None:
    with transaction() as s:
        review.reject(receipt.story_id, f.current_hash(receipt.story_id), "off-topic", who=who,
                      session=s)


def _snapshot(story_id: int) -> tuple[list[dict], list[dict], list[str]]:
    with transaction() as s:
        consents = [c.model_dump() for c in s.exec(select(Consent).where(Consent.story_id == story_id))]
        events = [e.model_dump() for e in s.exec(select(AuditEvent).where(
            AuditEvent.story_id == story_id).order_by(AuditEvent.id))]
        texts = [r.title + r.body + r.display_name
                 for r in s.exec(select(Revision).where(Revision.story_id == story_id))]
    return consents, events, texts


def _later(days: int):
    return utcnow().date() + timedelta(days=days)


@pytest.fixture
def mod(db_url):
    return f.staff("moderator")


def test_old_rejected_story_loses_its_text_but_keeps_consent_and_audit(mod):
    receipt = f.submit()
    f.redact_everything(receipt.story_id, mod)  # two revisions, both to be erased
    _reject(receipt, mod)
    consents_before, events_before, texts_before = _snapshot(receipt.story_id)
    assert len(texts_before) == 2 and any(w in texts_before[0] for w in SECRET_WORDS)

    with transaction() as s:
        report = purge(180, session=s, today=_later(181))
    assert report.purged == [receipt.public_id] and report.days == 180

    consents, events, texts = _snapshot(receipt.story_id)
    assert texts == ["", ""]
    assert consents == consents_before  # every field, signature included
    assert events[:-1] == events_before  # history untouched, one event added
    purge_event = events[-1]
    assert purge_event["action"] == "purge" and purge_event["actor_kind"] == "system"
    assert purge_event["from_status"] == purge_event["to_status"] == "rejected"
    assert not any(w in str(purge_event) for w in SECRET_WORDS)
    with transaction() as s:
        story = s.get(Story, receipt.story_id)
        assert story.status == "rejected" and story.erased_at is not None
        assert story.contact_email_enc is None
        assert verify_chain(s).ok


def test_recent_and_publishable_stories_are_left_alone(mod):
    rejected = f.submit()
    _reject(rejected, mod)
    approved = f.submit(body=f.BODY + " Approved one.")
    f.to_approved(approved, mod)
    waiting = f.submit(body=f.BODY + " Still waiting.")
    with transaction() as s:
        assert purge(180, session=s, today=_later(179)).purged == []  # too recent
    with transaction() as s:
        report = purge(180, session=s, today=_later(400))
    assert report.purged == [rejected.public_id]
    for kept in (approved, waiting):
        assert all(_snapshot(kept.story_id)[2]), "a live story lost its text"


def test_expired_story_is_purged_unless_reconfirmed_since(mod):
    first = f.submit(expires_on=_later(10))
    second = f.submit(body=f.BODY + " Another.", expires_on=_later(10))
    with transaction() as s:
        assert expire_due(_later(10), session=s) == 2
    with transaction() as s:  # the guard: a re-confirmation recorded after the expiry
        record(s, actor_kind="patient", action="re-confirm", story_id=second.story_id)
    with transaction() as s:
        report = purge(30, session=s, today=_later(60))
    assert report.purged == [first.public_id]
    assert _snapshot(first.story_id)[2] == [""] and all(_snapshot(second.story_id)[2])


def test_withdrawn_stories_are_already_erased_and_purged_only_once(mod):
    gone = f.submit()
    with transaction() as s:
        patient.withdraw(gone.code, session=s)
    rejected = f.submit(body=f.BODY + " Rejected.")
    _reject(rejected, mod)
    with transaction() as s:
        assert [st.public_id for st in due(1, session=s, today=_later(5))] == [rejected.public_id]
        assert purge(1, session=s, today=_later(5)).purged == [rejected.public_id]
    with transaction() as s:
        assert purge(1, session=s, today=_later(500)).purged == []  # nothing left to erase
        actions = [e.action for e in s.exec(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions.count("purge") == 1


def test_the_period_comes_from_the_environment(db_url, monkeypatch, mod):
    monkeypatch.delenv("STORIES_RETENTION_DAYS", raising=False)
    assert retention_days() == DEFAULT_RETENTION_DAYS == 180
    monkeypatch.setenv("STORIES_RETENTION_DAYS", "30")
    assert retention_days() == 30
    receipt = f.submit()
    _reject(receipt, mod)
    with transaction() as s:
        assert purge(session=s, today=_later(20)).purged == []
    with transaction() as s:
        assert purge(session=s, today=_later(31)).purged == [receipt.public_id]
    for bad in ("0", "-5", "soon"):
        monkeypatch.setenv("STORIES_RETENTION_DAYS", bad)
        with pytest.raises(InvalidInput):
            retention_days()


def test_cli_retention_purge(db_url, mod, capsys):
    receipt = f.submit()
    _reject(receipt, mod)
    assert cli_main(["retention", "purge", "--days", "1"]) == 0  # rejected today: too recent
    assert "0 stories erased" in capsys.readouterr().out
    assert cli_main(["retention", "purge", "--days", "0"]) == 2
    assert "at least one day" in capsys.readouterr().err
    with transaction() as s:
        s.get(Story, receipt.story_id).updated_at = utcnow() - timedelta(days=3)
    assert cli_main(["retention", "purge", "--days", "2"]) == 0
    out = capsys.readouterr().out
    assert "1 stories erased" in out and receipt.public_id in out
    assert "0 finished email notices deleted" in out
    assert _snapshot(receipt.story_id)[2] == [""]


def test_finished_notices_older_than_the_period_are_deleted(db_url):
    """Sent, failed and suppressed notices go with the period; pending and recent ones stay."""
    old, recent = utcnow() - timedelta(days=40), utcnow() - timedelta(days=5)
    rows = {"sent-old": ("sent", old), "failed-old": ("failed", old),
            "suppressed-old": ("suppressed", old), "pending-old": ("pending", old),
            "sent-recent": ("sent", recent)}
    with transaction() as s:
        for key, (status, created) in rows.items():
            s.add(Notification(kind="status", dedup_key=key, status=status, created_at=created,
                               recipient_hint="r***@e***.org", address_index="x" * 64))
    with transaction() as s:
        report = purge(30, session=s)
    assert report.notices_deleted == 3
    with transaction() as s:
        left = set(s.exec(select(Notification.dedup_key)))
    assert left == {"pending-old", "sent-recent"}
