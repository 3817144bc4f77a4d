"""Every event the audit log can hold, defined once (like datasette's `events.py`).

The audit log is the clinic's legal record, so its vocabulary is closed:
`stories.audit.record` refuses a name that is not here.  Two kinds of events:

* `Action`: what moves a story through the workflow (`stories.workflow`'s
  transition table is keyed by it, and `perform` writes it);
* `Event`: everything else that is audited: a story arriving (submit,
  import), its text being erased or purged, and staff or system events that
  concern no story (login, accounts, authorization versions).

`EVENTS` says, for each name, what it is about and whether it is *announced*:
an announced event also gets an `OutboxEvent` row in the same transaction
(`stories.outbox`), which later work (messages to the patient, takedown
tasks) reads; a rolled-back action announces nothing.  Adding an event means
adding it to one enum and to `EVENTS`; `tests/test_events.py` fails when a
name is missing from the table, or when a patient-facing table misses one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Action(StrEnum):
    """The workflow actions (the keys of `stories.workflow.TRANSITIONS`)."""

    SUBMIT = "submit"
    START_REVIEW = "start review"
    EDIT = "edit"
    KEEP_FINDING = "keep finding"
    NOTE = "note"
    REQUEST_CHANGES = "request changes"
    PATIENT_EDIT = "patient edit"
    SEND_FOR_SIGNOFF = "send for sign-off"
    SIGN_OFF = "sign off"
    DECLINE = "decline"
    APPROVE = "approve"
    REJECT = "reject"
    REOPEN = "reopen"  # a rejection undone: back to review while the text is kept
    WITHDRAW = "withdraw"
    EXPIRE = "expire"
    REQUEST_RECONFIRMATION = "request re-confirmation"
    RECONFIRM = "re-confirm"
    REISSUE_CODE = "reissue code"
    RENEW = "renew"


class Event(StrEnum):
    """Audited events that are not workflow moves."""

    IMPORT = "import"
    PUBLISH = "publish"  # the first export that carried the story to the website
    ERASE = "erase"
    PURGE = "purge"
    STAFF_ADD = "staff add"
    STAFF_LOCKED = "staff locked"
    STAFF_DISABLE = "staff disable"
    STAFF_ENABLE = "staff enable"
    STAFF_UNLOCK = "staff unlock"
    STAFF_RESET_PASSWORD = "staff reset password"  # noqa: S105 (an event name, not a secret)
    STAFF_SET_ROLE = "staff set role"
    LOGIN = "login"
    LOGOUT = "logout"
    PUBLISH_AUTHORIZATION = "publish authorization"
    LOST_CODE_REQUEST = "lost code request"  # someone asked for new codes by email (no address)
    CODE_SENT_BY_EMAIL = "code sent by email"  # a story got a new code, mailed to its contact
    DISTRIBUTION_RECORDED = "distribution recorded"  # a copy went somewhere (ledger row)
    TAKEDOWN_RECORDED = "takedown recorded"  # staff recorded a copy taken down (who, when)
    CHANNEL_WITHDRAWN = "channel withdrawn"  # the patient stopped one use (consent narrowed)
    EXCERPT_PROPOSED = "excerpt proposed"  # staff proposed a short passage to quote
    EXCERPT_SIGNED_OFF = "excerpt signed off"  # the patient approved the passage word for word
    EXCERPT_DECLINED = "excerpt declined"  # the patient said no to the passage
    EXCERPT_RETIRED = "excerpt retired"  # staff stopped using the passage (its uses come down)


@dataclass(frozen=True)
class EventSpec:
    """What an event is about ("story", "staff" or "clinic") and whether it is announced."""

    about: str
    announced: bool


_STORY = EventSpec("story", announced=True)
_STORY_QUIET = EventSpec("story", announced=False)  # staff bookkeeping the patient never hears of

#: Every audit event name: what it is about and whether it reaches the outbox.
EVENTS: dict[str, EventSpec] = {
    **{action.value: _STORY for action in Action},
    Action.KEEP_FINDING.value: _STORY_QUIET,
    Action.NOTE.value: _STORY_QUIET,
    Event.IMPORT.value: _STORY,
    Event.PUBLISH.value: _STORY,
    Event.ERASE.value: _STORY,
    Event.PURGE.value: _STORY,
    Event.STAFF_ADD.value: EventSpec("staff", announced=False),
    **{e.value: EventSpec("staff", announced=False) for e in (
        Event.STAFF_LOCKED, Event.STAFF_DISABLE, Event.STAFF_ENABLE, Event.STAFF_UNLOCK,
        Event.STAFF_RESET_PASSWORD, Event.STAFF_SET_ROLE)},
    Event.LOGIN.value: EventSpec("staff", announced=False),
    Event.LOGOUT.value: EventSpec("staff", announced=False),
    Event.PUBLISH_AUTHORIZATION.value: EventSpec("clinic", announced=False),
    # Same record whether or not the address matched a story: the log cannot tell either.
    Event.LOST_CODE_REQUEST.value: EventSpec("clinic", announced=False),
    # Not announced: its message carries the new code and is queued by `stories.notify.lostcode`.
    Event.CODE_SENT_BY_EMAIL.value: _STORY_QUIET,
    # The distribution ledger (`stories.distribution`): staff bookkeeping, shown to the
    # patient from the ledger itself, so not announced.
    Event.DISTRIBUTION_RECORDED.value: _STORY_QUIET,
    Event.TAKEDOWN_RECORDED.value: _STORY_QUIET,
    # Announced: the takedown consumer opens tasks for the copies in that channel.
    Event.CHANNEL_WITHDRAWN.value: _STORY,
    # Excerpts (`stories.distribution.excerpts`); audit rows name the excerpt, never its words.
    # Proposed: announced, so she gets a notice that her answer is needed.  Retired:
    # announced, so the takedown consumer opens tasks for the excerpt's uses.  Her own
    # answers are news to nobody but the clinic, which reads them on the Excerpts page.
    Event.EXCERPT_PROPOSED.value: _STORY,
    Event.EXCERPT_SIGNED_OFF.value: _STORY_QUIET,
    Event.EXCERPT_DECLINED.value: _STORY_QUIET,
    Event.EXCERPT_RETIRED.value: _STORY,
}


class UnknownEvent(ValueError):
    """An audit event whose name is not in `EVENTS` (a programming error)."""


def spec(name: str) -> EventSpec:
    """The table entry for `name`; raises `UnknownEvent` for a name not in the vocabulary."""
    try:
        return EVENTS[name]
    except KeyError:
        raise UnknownEvent(f"{name!r} is not an audit event; add it to stories.events") from None
