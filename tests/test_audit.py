"""The audit log: who, what, which revision; no text; a chain that detects tampering."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlmodel import select

from stories.audit import _digest, verify_chain
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


# --- anchoring: the log's end and a rewritten log are caught -----------------------------------

def _verify(*args) -> tuple[int, str]:
    """`python -m stories audit verify [args]`, in process: (exit code, what it printed)."""
    import contextlib
    import io

    from cli import main as cli_main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli_main(["audit", "verify", *args])
    return code, out.getvalue()


def _append_system_events(n: int) -> None:
    from stories.audit import record
    with transaction() as s:
        for _ in range(n):
            record(s, actor_kind="system", action="expire", detail="test event")


def _delete_last(n: int | None) -> None:
    with transaction() as s:
        if n is None:
            s.execute(text("DELETE FROM audit_event"))
        else:
            s.execute(text("DELETE FROM audit_event WHERE id IN "
                           "(SELECT id FROM audit_event ORDER BY id DESC LIMIT :n)"), {"n": n})


@pytest.mark.parametrize("removed", [1, 100, None], ids=["last", "last 100", "all"])
def test_verify_detects_a_cut_off_end(db_url, removed):
    _journey()
    _append_system_events(120)
    assert _verify()[0] == 0
    _delete_last(removed)
    with transaction() as s:
        assert verify_chain(s).ok  # the chain alone cannot see it...
    code, said = _verify()
    assert code == 1 and "BROKEN" in said and "removed" in said  # ...its anchor does


def _rewrite_from(event_id: int, detail: str) -> None:
    """The attacker's rewrite: change one event, then recompute every later hash."""
    with transaction() as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.id >= event_id)
                        .order_by(AuditEvent.id)).all()
        prev = events[0].prev_hash
        events[0].detail = detail
        for event in events:
            event.prev_hash = prev
            event.event_hash = _digest(event)
            prev = event.event_hash
            s.add(event)


def test_verify_detects_a_rewritten_and_rehashed_log(db_url):
    _journey()
    with transaction() as s:
        approve = s.exec(select(AuditEvent).where(AuditEvent.action == "approve")).one()
    _rewrite_from(approve.id, "approved without sign-off")
    with transaction() as s:
        assert verify_chain(s).ok
    code, said = _verify()
    assert code == 1 and "rewritten" in said


def test_a_log_from_before_checkpoints_is_anchored_once_then_guarded(db_url):
    from cli import main as cli_main
    from stories.audit import checkpoint_path
    _journey()
    checkpoint_path().unlink()  # as a database upgraded from before checkpoints has none
    code, said = _verify()
    assert code == 1 and "not anchored" in said and "audit anchor" in said
    assert cli_main(["audit", "anchor"]) == 0
    assert _verify()[0] == 0  # the existing rows verify
    _delete_last(1)
    assert _verify()[0] == 1


def test_each_export_anchors_the_log_too(db_url, tmp_path):
    import shutil

    from stories.audit import checkpoint_path
    from stories.export import export_site
    _journey()
    early = tmp_path / "early-checkpoint.json"
    shutil.copy(checkpoint_path(), early)
    _append_system_events(5)
    with transaction() as s:
        export_site(tmp_path / "site", session=s)
    _delete_last(5)  # cut the end off, and put the old checkpoint file back
    shutil.copy(early, checkpoint_path())
    assert _verify()[0] == 0  # the file alone was rolled back with the log
    code, said = _verify("--export", str(tmp_path / "site"))
    assert code == 1 and "export" in said


def test_key_rotation_re_signs_the_checkpoint(db_url, monkeypatch):
    from cli import main as cli_main
    from tests.conftest import TEST_KEY
    _journey()
    new = "bmV3LWtleS1uZXcta2V5LW5ldy1rZXktbmV3LWtleTA="
    monkeypatch.setenv("STORIES_ENCRYPTION_KEY", f"{new},{TEST_KEY}")
    assert cli_main(["rotate-key"]) == 0
    monkeypatch.setenv("STORIES_ENCRYPTION_KEY", new)  # the old key dropped
    assert _verify()[0] == 0
    _delete_last(1)
    assert _verify()[0] == 1


def test_key_rotation_does_not_bless_a_tampered_log(db_url, monkeypatch, capsys):
    from cli import main as cli_main
    from tests.conftest import TEST_KEY
    _journey()
    _delete_last(1)
    new = "bmV3LWtleS1uZXcta2V5LW5ldy1rZXktbmV3LWtleTA="
    monkeypatch.setenv("STORIES_ENCRYPTION_KEY", f"{new},{TEST_KEY}")
    assert cli_main(["rotate-key"]) == 1
    assert "NOT re-signed" in capsys.readouterr().out
    assert _verify()[0] == 1


def test_audit_verify_cli_subprocess_sees_truncation(db_url):
    from tests.test_cli import cli
    _journey()
    assert cli("audit", "verify").returncode == 0
    _delete_last(1)
    result = cli("audit", "verify")
    assert result.returncode == 1 and "BROKEN" in result.stdout


def test_events_written_in_bulk_chain_like_single_ones_and_roll_back_together(db_url):
    """`record_many` continues the chain event by event, announces each, and is all-or-nothing."""
    from stories.audit import record, record_many, verify_anchored
    from stories.events import Event
    from stories.models import OutboxEvent

    receipts = [f.submit(), f.submit(body=f.BODY + " It took a year.")]
    ids = [r.story_id for r in receipts]
    rows = [{"story_id": i, "revision_hash": "a" * 64, "detail": "first published on the website"}
            for i in ids]
    with pytest.raises(RuntimeError), transaction() as s:
        record_many(s, actor_kind="system", action=Event.PUBLISH, rows=rows)
        raise RuntimeError("the export failed after the events")
    with transaction() as s:
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "publish")).all() == []
        record(s, actor_kind="system", action=Event.PUBLISH, story_id=ids[0])  # one, then many
        assert record_many(s, actor_kind="system", action=Event.PUBLISH, rows=rows) == 2
        record(s, actor_kind="system", action=Event.PUBLISH, story_id=ids[1])  # and one after
    with transaction() as s:
        assert verify_chain(s).ok and verify_anchored(s).ok
        published = s.exec(select(AuditEvent).where(AuditEvent.action == "publish")
                           .order_by(AuditEvent.id)).all()
        assert [e.story_id for e in published] == [ids[0], *ids, ids[1]]
        announced = s.exec(select(OutboxEvent).where(OutboxEvent.event == "publish")
                           .order_by(OutboxEvent.id)).all()
        assert [o.audit_event_id for o in announced] == [e.id for e in published]
        assert [o.story_id for o in announced] == [e.story_id for e in published]
