"""From announced events to messages: the notice queue.

Reads the outbox (`stories.outbox`) from its own cursor (`NotifyCursor`), so
other consumers of the same rows keep their own position.  Outbox ids are
committed in order (every audit append holds the chain lock until commit),
so a cursor never skips a row.  Each event that means news for the patient
becomes one `Notification` for a story whose author opted in; the
`dedup_key` makes a second queuing of the same news impossible.

"Published" is derived from the story's first `approve` (the export
publishes every approved story at its next run); a later re-approval is not
news again.  An authorization ending within `STORIES_EXPIRY_NOTICE_DAYS` is
found by date, once per end date.  After a withdrawal the notice is queued
and the address is dropped; so it is after any other erasure (retention purge).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, text
from sqlmodel import Session, select

from stories import crypto
from stories.config import get_settings
from stories.events import Action, Event
from stories.expiry import expiring_soon
from stories.models import ContactPreference, Notification, NotifyCursor, OutboxEvent, utcnow
from stories.notify import optin
from stories.notify.templates import MESSAGES
from stories.outbox import read_past

PENDING, SENT, FAILED, SUPPRESSED = "pending", "sent", "failed", "suppressed"
STATUSES = (PENDING, SENT, FAILED, SUPPRESSED)
CODE_KIND = "your new code"
CONFIRM_KIND = "notices on"
#: Outbox event -> message kind.  Everything else announced is not news for her.
EVENT_MESSAGES: dict[str, str] = {
    Action.SEND_FOR_SIGNOFF.value: "signoff requested",
    Action.REQUEST_CHANGES.value: "changes requested",
    Event.PUBLISH.value: "published",  # the first export that carried it to the website
    Action.REJECT.value: "not published",
    Action.REOPEN.value: "reviewed again",
    Action.REQUEST_RECONFIRMATION.value: "reconfirmation requested",
    Action.WITHDRAW.value: "withdrawal recorded",
    Action.REISSUE_CODE.value: "new code issued",
    Event.EXCERPT_PROPOSED.value: "excerpt proposed",
}
EXPIRY_KIND = "authorization ending"
#: After these the story's address goes (its text and contact were erased); a withdrawal's
#: own notice is queued first.
ERASING = frozenset({Action.WITHDRAW.value, Event.ERASE.value, Event.PURGE.value})
_CURSOR = "notices"
_PG_QUEUE_LOCK = 0x5107E6  # advisory lock id: one queue step at a time on PostgreSQL


def _lock(session: Session) -> None:
    """Serialize queue steps (SQLite's BEGIN IMMEDIATE already does)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_QUEUE_LOCK})


def _sent_today(address_index: str, now: datetime, session: Session) -> int:
    """News messages to this address queued in the last 24 hours (not counting suppressed)."""
    return session.exec(select(func.count()).select_from(Notification).where(
        Notification.address_index == address_index, Notification.kind != CODE_KIND,
        Notification.status.in_([PENDING, SENT]),
        Notification.created_at >= now - timedelta(days=1))).one()


def enqueue(story_id: int, kind: str, dedup_key: str, *, session: Session, now: datetime,
            secret: str | None = None, always: bool = False) -> Notification | None:
    """Queue one message for a story's notice address; None when she has none (or opted out).

    `always`: send even without opt-in (a new code she asked for).  Past the
    daily cap per address the row is stored as suppressed, without the address.
    """
    if kind not in MESSAGES:
        raise KeyError(kind)
    pref = session.get(ContactPreference, story_id)
    if pref is None or pref.address_enc is None or not (pref.notify or always):
        return None
    if session.exec(select(Notification.id).where(Notification.dedup_key == dedup_key)).first():
        return None
    address = optin.readable(pref.address_enc)
    if address is None:
        return None
    capped = kind != CODE_KIND and \
        _sent_today(pref.address_index, now, session) >= get_settings().notify_daily_cap
    row = Notification(
        story_id=story_id, kind=kind, dedup_key=dedup_key, address_index=pref.address_index,
        recipient_hint=optin.mask(address), created_at=now, next_attempt_at=now,
        status=SUPPRESSED if capped else PENDING,
        recipient_enc=None if capped else crypto.encrypt(address),
        secret_enc=None if capped else crypto.encrypt(secret),
        last_error="daily cap per address reached" if capped else "",
    )
    session.add(row)
    session.flush()
    return row


def _cursor(session: Session) -> NotifyCursor:
    cursor = session.get(NotifyCursor, _CURSOR)
    if cursor is None:
        cursor = NotifyCursor(name=_CURSOR, last_outbox_id=0)
        session.add(cursor)
        session.flush()
    return cursor


def _from_outbox(row: OutboxEvent, session: Session, now: datetime) -> int:
    """Queue what one outbox row means for its story; 1 if a message was queued."""
    kind = EVENT_MESSAGES.get(row.event)
    if row.story_id is None:
        return 0
    queued = False
    if kind is not None:
        key = f"published:{row.story_id}" if kind == "published" else f"outbox:{row.id}"
        queued = enqueue(row.story_id, kind, key, session=session, now=now) is not None
    if row.event in ERASING:
        optin.drop(row.story_id, session=session)  # nothing more to tell her
    return int(queued)


def queue_news(*, session: Session, now: datetime | None = None) -> int:
    """Read the outbox past the cursor and queue the news; add expiry notices; return how many."""
    now = now or utcnow()
    _lock(session)
    queued = sum(_from_outbox(row, session, now)
                 for row in read_past(_cursor(session), session=session))
    return queued + queue_expiry_notices(session=session, now=now)


def queue_expiry_notices(*, session: Session, now: datetime) -> int:
    """One notice per story whose authorization ends within the notice period (per end date)."""
    days = get_settings().expiry_notice_days
    queued = 0
    for story, ends in expiring_soon(now.date(), days, session=session):
        if enqueue(story.id, EXPIRY_KIND, f"expiry:{story.id}:{ends}", session=session, now=now):
            queued += 1
    return queued


@dataclass(frozen=True)
class FailedMessage:
    """A failed message as staff see it: no address in full, no text."""

    id: int
    kind: str
    recipient: str
    attempts: int
    error: str
    created_at: datetime


@dataclass(frozen=True)
class Overview:
    """Counts by status and the latest failures, for the staff page and the CLI."""

    on: bool
    counts: dict[str, int]
    failures: list[FailedMessage]
    opted_in: int


def overview(*, session: Session, failures: int = 20) -> Overview:
    """How notices stand: on or off, counts by status, recent failures."""
    counts = dict.fromkeys(STATUSES, 0)
    for status, n in session.exec(select(Notification.status, func.count())
                                  .group_by(Notification.status)):
        counts[status] = n
    failed = session.exec(select(Notification).where(Notification.status == FAILED)
                          .order_by(Notification.id.desc()).limit(failures)).all()
    opted = session.exec(select(func.count()).select_from(ContactPreference)
                         .where(ContactPreference.notify.is_(True))).one()
    return Overview(
        on=get_settings().notifications_on, counts=counts, opted_in=opted,
        failures=[FailedMessage(n.id, n.kind, n.recipient_hint, n.attempts, n.last_error,
                                n.created_at) for n in failed])


def forget_finished(before: datetime, *, session: Session) -> int:
    """Delete sent, failed and suppressed notices created before `before`; return how many.

    A finished row keeps only a masked address and the address's HMAC, but
    even those link an address to a story's news; retention ends them with
    the stories' text.  Pending rows stay: they still have work to do.
    """
    rows = session.exec(select(Notification).where(
        Notification.status.in_((SENT, FAILED, SUPPRESSED)), Notification.created_at < before)).all()
    for row in rows:
        session.delete(row)
    session.flush()
    return len(rows)
