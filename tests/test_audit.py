"""The audit log: who, what, which revision; no text; a chain that detects tampering."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import select

from stories.audit import verify_chain
from stories.db import transaction
from stories.models import AuditEvent
from tests import factories as f


def _journey():
    receipt = f.submit()
    f.to_approved(receipt, f.staff())
    return receipt


def test_every_action_is_audited_without_story_text(db_url):
    _journey()
    with transaction() as s:
        events = s.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
    actions = [e.action for e in events]
    for expected in ["submit", "edit", "send for sign-off", "sign off", "approve"]:
        assert expected in actions
    blob = " ".join(f"{e.detail} {e.revision_hash}" for e in events)
    for secret in ["dave", "Novikova", "Leeds", "patient@example.org", "Jane Q. Patient"]:
        assert secret not in blob
    approve = next(e for e in events if e.action == "approve")
    assert approve.from_status == "signed off" and approve.to_status == "approved"
    assert approve.actor_kind == "staff" and approve.actor_id
    assert len(approve.revision_hash) == 64


def test_chain_verifies_and_detects_change_removal_and_reordering(db_url):
    _journey()
    with transaction() as s:
        assert verify_chain(s).ok
        ids = s.exec(select(AuditEvent.id).order_by(AuditEvent.id)).all()
    with transaction() as s:
        s.execute(text("UPDATE audit_event SET detail = 'x' WHERE id = :i"), {"i": ids[2]})
    with transaction() as s:
        report = verify_chain(s)
    assert not report.ok and report.first_bad_id == ids[2]


def test_chain_detects_a_removed_event(db_url):
    _journey()
    with transaction() as s:
        ids = s.exec(select(AuditEvent.id).order_by(AuditEvent.id)).all()
        s.execute(text("DELETE FROM audit_event WHERE id = :i"), {"i": ids[3]})
    with transaction() as s:
        report = verify_chain(s)
    assert not report.ok and report.first_bad_id == ids[4]
