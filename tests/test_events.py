"""One closed vocabulary of audit events, and the outbox written with them.

The audit log is the clinic's legal record: every name it holds is in
`stories.events.EVENTS`, the code writes no other, and every announced event
leaves exactly one outbox row in the same transaction (none when the action
rolls back).  Patient-facing tables must cover every case they are asked for.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlmodel import select

from moderation import review
from stories import patient
from stories.audit import record
from stories.db import transaction
from stories.events import EVENTS, Action, Event, UnknownEvent
from stories.models import AuditEvent, OutboxEvent, Story
from stories.patient import TIMELINE_WORDS
from stories.workflow import TRANSITIONS, Actor, Status, perform
from tests import factories as f

ROOT = Path(__file__).resolve().parents[1]
AUDIT_CALLS = {"record", "audit"}  # `stories.audit.record`, imported as either name


def _literal_actions() -> list[tuple[str, str]]:
    """(file, name) for every audit call's `action=`, given as a string or an enum member."""
    found = []
    for path in [*ROOT.glob("stories/**/*.py"), *ROOT.glob("moderation/*.py"),
                 *ROOT.glob("cli/*.py")]:
        calls = [n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.Call)
                 and getattr(n.func, "id", getattr(n.func, "attr", "")) in AUDIT_CALLS]
        enums = [n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.Attribute)
                 and isinstance(n.value, ast.Name) and n.value.id == "Event"]
        found += [(path.name, Event[n.attr].value) for n in enums if n.attr.isupper()]
        for node in (k for call in calls for k in call.keywords):
            if node.arg == "action":
                value = node.value
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.append((path.name, value.value))
                elif isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) \
                        and value.value.id in ("Action", "Event"):
                    enum = Action if value.value.id == "Action" else Event
                    found.append((path.name, enum[value.attr].value))
    return found


def test_every_event_the_code_writes_is_in_the_vocabulary():
    written = _literal_actions()
    assert written, "the scan found no audit calls: it is broken"
    assert [(where, name) for where, name in written if name not in EVENTS] == []


def test_the_vocabulary_holds_both_enums_and_nothing_else():
    assert set(EVENTS) == {a.value for a in Action} | {e.value for e in Event}
    assert {spec.about for spec in EVENTS.values()} <= {"story", "staff", "clinic"}


def test_an_unknown_event_name_is_refused(db_url):
    with pytest.raises(UnknownEvent), transaction() as s:
        record(s, actor_kind="system", action="made up")
    with transaction() as s:
        assert s.exec(select(AuditEvent)).all() == []


def test_every_announced_story_action_has_words_for_the_patient():
    """A step missing here would silently vanish from her timeline."""
    quiet = {name for name, spec in EVENTS.items() if not spec.announced}
    story_actions = {a.value for a in Action} - quiet
    assert story_actions - set(TIMELINE_WORDS) == set()


def test_every_status_has_words_on_the_patient_page():
    tree = ast.parse((ROOT / "app_pages" / "check.py").read_text())
    words = next(node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                 and any(getattr(t, "id", "") == "STATUS_WORDS" for t in node.targets))
    keys = {k.value for k in words.keys}
    assert {s.value for s in Status} - keys == set()


def _outbox(story_id: int) -> list[str]:
    with transaction() as s:
        return list(s.exec(select(OutboxEvent.event).where(OutboxEvent.story_id == story_id)
                           .order_by(OutboxEvent.id)))


def test_a_journey_announces_each_step_once_and_staff_bookkeeping_not_at_all(db_url):
    receipt = f.submit()
    who = f.staff()
    f.to_approved(receipt, who)
    with transaction() as s:
        review.add_note(receipt.story_id, "checked the consent form", who=who, session=s)
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    assert _outbox(receipt.story_id) == ["submit", "edit", "send for sign-off", "sign off",
                                         "approve", "withdraw", "erase"]
    with transaction() as s:
        audited = s.exec(select(AuditEvent.id).where(
            AuditEvent.story_id == receipt.story_id)).all()
        linked = s.exec(select(OutboxEvent.audit_event_id)).all()
    assert set(linked) <= set(audited)


def test_a_rolled_back_action_announces_nothing(db_url):
    receipt = f.submit()
    before, who = _outbox(receipt.story_id), f.staff()
    with pytest.raises(RuntimeError), transaction() as s:
        story = s.get(Story, receipt.story_id)
        perform(story, Action.START_REVIEW, Actor.staff(who.id), session=s,
                revision_hash=None)
        assert _outbox_in(s, receipt.story_id)[-1] == "start review"  # written in the transaction
        raise RuntimeError("the action failed after perform")
    assert _outbox(receipt.story_id) == before
    assert f.status(receipt.story_id) == "submitted"


def _outbox_in(session, story_id: int) -> list[str]:
    return list(session.exec(select(OutboxEvent.event).where(OutboxEvent.story_id == story_id)
                             .order_by(OutboxEvent.id)))


@pytest.mark.parametrize("action", [a for a, rule in TRANSITIONS.items() if rule.voids_signoff])
def test_a_rule_that_voids_the_sign_off_clears_it_in_perform(db_url, action):
    receipt = f.submit()
    status = sorted(TRANSITIONS[action].sources)[0]
    actor = Actor.staff(1) if "staff" in TRANSITIONS[action].actors else Actor.patient()
    if actor.kind == "staff":
        f.staff()
    with transaction() as s:
        story = s.get(Story, receipt.story_id)
        story.status, story.signed_off_hash = status.value, "f" * 64
        s.add(story)
    with transaction() as s:
        story = s.get(Story, receipt.story_id)
        perform(story, action, actor, session=s, revision_hash=None)
    with transaction() as s:
        assert s.get(Story, receipt.story_id).signed_off_hash is None
