"""The story workflow: statuses, the transition table and `perform`.

Shaped like Discourse's `Reviewable`: an explicit status enum, one table of
which action may move a story from which statuses to which, and `perform`,
which checks the table and the story's version, changes state and writes the
audit event in the caller's transaction.  An invalid move raises; it is never
silently ignored.  Where a new story starts is a table too (`ENTRIES`, by how
it arrived), applied by `enter`: no service chooses a status itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import update
from sqlmodel import Session

from stories.audit import record
from stories.errors import InvalidTransition, StaleRevision
from stories.events import Action, Event
from stories.models import Story, utcnow


class Status(StrEnum):
    SUBMITTED = "submitted"
    IN_REVIEW = "in review"
    CHANGES_REQUESTED = "changes requested"
    AWAITING_SIGNOFF = "awaiting sign-off"
    SIGNED_OFF = "signed off"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


S = Status
OPEN = frozenset({S.SUBMITTED, S.IN_REVIEW, S.AWAITING_SIGNOFF, S.SIGNED_OFF})
ALL = frozenset(Status)
STAFF, PATIENT, SYSTEM = "staff", "patient", "system"


@dataclass(frozen=True)
class Rule:
    """From which statuses an action is allowed, where it leads, who may act, and
    what else it does.

    `to=None` means the action leaves the status as it is.  `voids_signoff`:
    the patient's sign-off no longer stands after this move (the text changed,
    or she or the clinic reopened it); `perform` clears it.
    """

    sources: frozenset[Status]
    to: Status | None
    actors: frozenset[str]
    voids_signoff: bool = False


TRANSITIONS: dict[Action, Rule] = {
    Action.START_REVIEW: Rule(frozenset({S.SUBMITTED}), S.IN_REVIEW, frozenset({STAFF})),
    Action.EDIT: Rule(OPEN | {S.APPROVED}, S.IN_REVIEW, frozenset({STAFF}), voids_signoff=True),
    Action.KEEP_FINDING: Rule(OPEN, None, frozenset({STAFF})),
    Action.NOTE: Rule(ALL - {S.WITHDRAWN}, None, frozenset({STAFF})),
    Action.REQUEST_CHANGES: Rule(OPEN | {S.APPROVED}, S.CHANGES_REQUESTED, frozenset({STAFF}),
                                 voids_signoff=True),
    Action.PATIENT_EDIT: Rule(frozenset({S.CHANGES_REQUESTED}), S.SUBMITTED, frozenset({PATIENT}),
                              voids_signoff=True),
    Action.SEND_FOR_SIGNOFF: Rule(
        frozenset({S.SUBMITTED, S.IN_REVIEW}), S.AWAITING_SIGNOFF, frozenset({STAFF})
    ),
    Action.SIGN_OFF: Rule(frozenset({S.AWAITING_SIGNOFF}), S.SIGNED_OFF, frozenset({PATIENT})),
    Action.DECLINE: Rule(frozenset({S.AWAITING_SIGNOFF}), S.IN_REVIEW, frozenset({PATIENT}),
                         voids_signoff=True),
    Action.APPROVE: Rule(frozenset({S.SIGNED_OFF}), S.APPROVED, frozenset({STAFF})),
    Action.REJECT: Rule(OPEN | {S.CHANGES_REQUESTED}, S.REJECTED, frozenset({STAFF})),
    Action.REOPEN: Rule(frozenset({S.REJECTED}), S.IN_REVIEW, frozenset({STAFF})),
    Action.WITHDRAW: Rule(ALL - {S.WITHDRAWN}, S.WITHDRAWN, frozenset({PATIENT, STAFF})),
    Action.EXPIRE: Rule(
        OPEN | {S.APPROVED, S.CHANGES_REQUESTED}, S.EXPIRED, frozenset({SYSTEM, STAFF})
    ),
    Action.REQUEST_RECONFIRMATION: Rule(
        OPEN | {S.APPROVED, S.CHANGES_REQUESTED}, None, frozenset({STAFF, SYSTEM})
    ),
    Action.RECONFIRM: Rule(OPEN | {S.APPROVED, S.CHANGES_REQUESTED}, None, frozenset({PATIENT})),
    Action.REISSUE_CODE: Rule(ALL - {S.WITHDRAWN}, None, frozenset({STAFF})),
    Action.RENEW: Rule(frozenset({S.EXPIRED}), S.IN_REVIEW, frozenset({PATIENT})),
}


@dataclass(frozen=True)
class Entry:
    """How a new story enters the workflow: the event that records it, its first status,
    who brings it in, and whether the text arrives signed off by its author."""

    event: str  # an `Action` or `Event` member
    to: Status
    actor: str
    signed_off: bool = False


#: Where each way of arriving (`Story.origin`) puts a new story.  An import waits as
#: "signed off": the paper authorization is the patient's sign-off of the text she signed,
#: and a person still approves it before it is published.
ENTRIES: dict[str, Entry] = {
    "web": Entry(Action.SUBMIT, S.SUBMITTED, PATIENT),
    "import": Entry(Event.IMPORT, S.SIGNED_OFF, SYSTEM, signed_off=True),
}


@dataclass(frozen=True)
class Actor:
    """Who acts: a patient (by receipt code), a staff member, or the system."""

    kind: str
    staff_id: int | None = None

    @staticmethod
    def patient() -> Actor:
        return Actor(PATIENT)

    @staticmethod
    def system() -> Actor:
        return Actor(SYSTEM)

    @staticmethod
    def staff(staff_id: int) -> Actor:
        return Actor(STAFF, staff_id)


def allowed_actions(status: str, actor_kind: str) -> list[Action]:
    """The actions `actor_kind` may take on a story in `status` (for the UI)."""
    return [
        a for a, r in TRANSITIONS.items() if Status(status) in r.sources and actor_kind in r.actors
    ]


def check(story: Story, action: Action, actor: Actor) -> Rule:
    """Raise `InvalidTransition` unless `actor` may take `action` now."""
    rule = TRANSITIONS[action]
    if actor.kind not in rule.actors:
        raise InvalidTransition(f"'{action}' cannot be done by a {actor.kind}.")
    if Status(story.status) not in rule.sources:
        raise InvalidTransition(
            f"'{action}' is not possible while the story is {story.status}."
        )
    return rule


def enter(story: Story, *, session: Session, revision_hash: str, detail: str = "") -> None:
    """Audit a new story's arrival, in the status `ENTRIES` gave it (`stories.intake`)."""
    entry = ENTRIES[story.origin]
    if story.status != entry.to.value:
        raise InvalidTransition(f"A new story from {story.origin!r} starts as {entry.to}.")
    record(session, actor_kind=entry.actor, actor_id=None, story_id=story.id, action=entry.event,
           from_status=None, to_status=story.status, revision_hash=revision_hash, detail=detail)


def claim(story: Story, *, session: Session, **values) -> bool:
    """Compare-and-set on `lock_version`: apply `values` only if nobody changed the
    story since it was loaded; True if it went through (the story is refreshed).

    The one place a story row is changed under concurrency: `perform` and the
    system's own jobs (retention) both go through it.
    """
    result = session.execute(
        update(Story)
        .where(Story.id == story.id, Story.lock_version == story.lock_version)
        .values(lock_version=Story.lock_version + 1, **values)
    )
    if result.rowcount != 1:
        return False
    session.refresh(story)
    return True


def perform(
    story: Story,
    action: Action,
    actor: Actor,
    *,
    session: Session,
    revision_hash: str | None,
    detail: str = "",
    changes: dict | None = None,
) -> Story:
    """Apply `action` to `story` if the table allows it, and audit it.

    The status change is a compare-and-set on `lock_version`: if another
    transaction changed the story since it was loaded, `StaleRevision` is
    raised and nothing is written.  `changes` are further column values set in
    the same statement; the rule's own consequences (a void sign-off) are
    applied here, not restated by each service.
    """
    rule = check(story, action, actor)
    before = story.status
    after = rule.to.value if rule.to else before
    values = {"status": after, "updated_at": utcnow(), **(changes or {})}
    if rule.voids_signoff:
        values["signed_off_hash"] = None
    if not claim(story, session=session, **values):
        raise StaleRevision(
            "This story was changed by someone else a moment ago. Reload it and try again."
        )
    record(
        session,
        actor_kind=actor.kind,
        actor_id=actor.staff_id,
        story_id=story.id,
        action=action.value,
        from_status=before,
        to_status=after,
        revision_hash=revision_hash,
        detail=detail,
    )
    return story
