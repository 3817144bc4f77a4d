"""The transition table, as a table: every (status, action) is allowed or raises."""

from __future__ import annotations

import pytest

from stories.errors import InvalidTransition
from stories.models import Story
from stories.workflow import TRANSITIONS, Action, Actor, Status, allowed_actions, check

S = Status
OPEN = {S.SUBMITTED, S.IN_REVIEW, S.AWAITING_SIGNOFF, S.SIGNED_OFF}
EXPECTED = {
    # action: (allowed source statuses, target)
    Action.START_REVIEW: ({S.SUBMITTED}, S.IN_REVIEW),
    Action.SEND_FOR_SIGNOFF: ({S.SUBMITTED, S.IN_REVIEW}, S.AWAITING_SIGNOFF),
    Action.SIGN_OFF: ({S.AWAITING_SIGNOFF}, S.SIGNED_OFF),
    Action.DECLINE: ({S.AWAITING_SIGNOFF}, S.IN_REVIEW),
    Action.APPROVE: ({S.SIGNED_OFF}, S.APPROVED),
    Action.PATIENT_EDIT: ({S.CHANGES_REQUESTED}, S.SUBMITTED),
    Action.WITHDRAW: (set(Status) - {S.WITHDRAWN}, S.WITHDRAWN),
    Action.REJECT: (
        {S.SUBMITTED, S.IN_REVIEW, S.AWAITING_SIGNOFF, S.SIGNED_OFF, S.CHANGES_REQUESTED},
        S.REJECTED,
    ),
    Action.EDIT: (OPEN | {S.APPROVED}, S.IN_REVIEW),
    Action.KEEP_FINDING: (OPEN, None),
    Action.NOTE: (set(Status) - {S.WITHDRAWN}, None),
    Action.REQUEST_CHANGES: (OPEN | {S.APPROVED}, S.CHANGES_REQUESTED),
    Action.EXPIRE: (OPEN | {S.APPROVED, S.CHANGES_REQUESTED}, S.EXPIRED),
    Action.REQUEST_RECONFIRMATION: (OPEN | {S.APPROVED, S.CHANGES_REQUESTED}, None),
    Action.RECONFIRM: (OPEN | {S.APPROVED, S.CHANGES_REQUESTED}, None),
    Action.REISSUE_CODE: (set(Status) - {S.WITHDRAWN}, None),
    Action.RENEW: ({S.EXPIRED}, S.IN_REVIEW),
    Action.REOPEN: ({S.REJECTED}, S.IN_REVIEW),
}
#: The moves after which the patient's sign-off no longer stands.
VOIDS_SIGNOFF = {Action.EDIT, Action.REQUEST_CHANGES, Action.PATIENT_EDIT, Action.DECLINE}


def test_every_action_of_the_table_is_tested_here():
    assert set(EXPECTED) == set(TRANSITIONS)
    assert {a for a, rule in TRANSITIONS.items() if rule.voids_signoff} == VOIDS_SIGNOFF


def _actor_for(action: Action) -> Actor:
    kinds = TRANSITIONS[action].actors
    return Actor.staff(1) if "staff" in kinds else Actor.patient() if "patient" in kinds else Actor.system()


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("action", list(EXPECTED))
def test_table(action, status):
    sources, target = EXPECTED[action]
    story = Story(status=status.value)
    if status in sources:
        assert check(story, action, _actor_for(action)).to == target
    else:
        with pytest.raises(InvalidTransition):
            check(story, action, _actor_for(action))


@pytest.mark.parametrize(
    "action,actor",
    [
        (Action.APPROVE, Actor.patient()),
        (Action.SIGN_OFF, Actor.staff(1)),
        (Action.PATIENT_EDIT, Actor.staff(1)),
        (Action.START_REVIEW, Actor.system()),
    ],
)
def test_wrong_actor_is_refused(action, actor):
    story = Story(status=next(iter(TRANSITIONS[action].sources)).value)
    with pytest.raises(InvalidTransition):
        check(story, action, actor)


def test_published_stories_allow_patients_only_withdrawal_or_reconfirmation():
    assert allowed_actions(S.APPROVED, "patient") == [Action.WITHDRAW, Action.RECONFIRM]
    assert allowed_actions(S.WITHDRAWN, "patient") == []
    assert Action.APPROVE not in allowed_actions(S.IN_REVIEW, "staff")
