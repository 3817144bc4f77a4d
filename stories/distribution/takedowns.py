"""Takedown tasks: when consent ends, every copy still out there must come down.

Reads the outbox (`stories.outbox`) from its own cursor (`TakedownCursor`),
like the notice queue does, so each consumer keeps its own position and a
rolled-back withdrawal (which announced nothing) opens no task.  A
withdrawal, an expiry, an erasure or a retention purge opens one task per
active distribution of the story that has no open task yet; the patient
stopping one channel opens one for each copy in a channel no longer covered, and
staff retiring an excerpt one for each use of it still out there.  Website copies
are closed by the next export that removes the file
(`stories.distribution.ledger.record_export`); every other copy stays open
until staff record it taken down (`close`), which is audited with who and when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import text
from sqlmodel import Session, select

from stories.audit import record
from stories.config import get_settings
from stories.distribution.channels import covers
from stories.distribution.excerpts import ExcerptStatus
from stories.errors import InvalidInput, NotFound
from stories.events import Action, Event
from stories.models import (
    Consent,
    Distribution,
    Excerpt,
    OutboxEvent,
    Story,
    TakedownCursor,
    TakedownTask,
    utcnow,
)
from stories.outbox import read_past

#: Outbox events after which no copy may stay up.
ENDING = frozenset({Action.WITHDRAW.value, Action.EXPIRE.value, Event.ERASE.value,
                    Event.PURGE.value})
#: Outbox events after which some copies must come down (every one, or those no longer allowed).
OPENING = ENDING | {Event.CHANNEL_WITHDRAWN.value, Event.EXCERPT_RETIRED.value}
_CURSOR = "takedowns"
_PG_LOCK = 0x7A6ED0  # advisory lock id: one takedown sync at a time on PostgreSQL


class TakedownAlreadyRecorded(InvalidInput):
    """Staff tried to close a takedown task that is already done."""


def _cursor(session: Session) -> TakedownCursor:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
    cursor = session.get(TakedownCursor, _CURSOR)
    if cursor is None:
        cursor = TakedownCursor(name=_CURSOR, last_outbox_id=0)
        session.add(cursor)
        session.flush()
    return cursor


def _no_longer_covered(story_id: int, copies: list[Distribution], session: Session
                       ) -> list[Distribution]:
    """The copies whose channel her consent no longer covers (after she stopped a use)."""
    consent = session.exec(select(Consent).where(Consent.story_id == story_id)
                           .order_by(Consent.id.desc())).first()
    return [c for c in copies if not covers(consent, c.channel, session=session)]


def _of_retired_excerpts(copies: list[Distribution], session: Session) -> list[Distribution]:
    """The copies that quote an excerpt staff retired."""
    return [c for c in copies if c.excerpt_id is not None
            and session.get(Excerpt, c.excerpt_id).status == ExcerptStatus.RETIRED.value]


def _open_for(row: OutboxEvent, session: Session) -> int:
    """Open a task for every active copy the event ends that has none open; return how many.

    Consent ending (withdrawal, expiry, erasure): every copy.  One channel
    stopped: the copies in channels her consent no longer covers.  An
    excerpt retired: the copies of retired excerpts.
    """
    copies = session.exec(select(Distribution).where(
        Distribution.story_id == row.story_id, Distribution.ended_at.is_(None))).all()
    if row.event == Event.CHANNEL_WITHDRAWN.value:
        copies = _no_longer_covered(row.story_id, copies, session)
    elif row.event == Event.EXCERPT_RETIRED.value:
        copies = _of_retired_excerpts(copies, session)
    opened = 0
    for copy in copies:
        if session.exec(select(TakedownTask.id).where(
                TakedownTask.distribution_id == copy.id, TakedownTask.done_at.is_(None))).first():
            continue
        session.add(TakedownTask(distribution_id=copy.id, story_id=copy.story_id,
                                 outbox_id=row.id, reason=row.event, created_at=row.at))
        session.flush()
        opened += 1
    return opened


def sync(*, session: Session) -> int:
    """Read the outbox past the cursor; open the tasks consent's end calls for; return how many."""
    opened = 0
    for row in read_past(_cursor(session), session=session):
        if row.event in OPENING and row.story_id is not None:
            opened += _open_for(row, session)
    session.flush()
    return opened


def close_for(copy: Distribution, *, session: Session, staff_id: int | None, on: date) -> int:
    """Mark every open task of `copy` done (by the export when `staff_id` is None); return how many."""
    tasks = session.exec(select(TakedownTask).where(
        TakedownTask.distribution_id == copy.id, TakedownTask.done_at.is_(None))).all()
    for task in tasks:
        task.done_at, task.taken_down_on, task.done_by = utcnow(), on, staff_id
        session.add(task)
    return len(tasks)


def close(task_id: int, taken_down_on: date, *, staff_id: int, session: Session,
          today: date | None = None) -> TakedownTask:
    """Staff record that a copy was taken down (who: `staff_id`; when: `taken_down_on`); audited."""
    from stories.distribution.ledger import TAKEN_DOWN, end  # the ledger imports this module

    today = today or utcnow().date()
    task = session.get(TakedownTask, task_id)
    if task is None:
        raise NotFound("There is no such takedown task.")
    if task.done_at is not None:
        raise TakedownAlreadyRecorded("This takedown was already recorded.")
    if taken_down_on > today:
        raise InvalidInput("The takedown date cannot be in the future.")
    copy = session.get(Distribution, task.distribution_id)
    close_for(copy, session=session, staff_id=staff_id, on=taken_down_on)
    end(copy, TAKEN_DOWN, session=session)
    record(session, actor_kind="staff", actor_id=staff_id, action=Event.TAKEDOWN_RECORDED,
           story_id=task.story_id, revision_hash=copy.revision_hash,
           detail=f"takedown {task.id}, distribution {copy.id}, channel {copy.channel}, "
                  f"taken down on {taken_down_on.isoformat()}")
    session.flush()
    return task


@dataclass(frozen=True)
class TaskLine:
    """One takedown task as staff see it (no story text: the opaque id and the place)."""

    task_id: int
    public_id: str
    channel: str
    where_used: str
    automatic: bool
    reason: str
    opened_at: datetime
    age_days: int
    overdue: bool
    done_at: datetime | None
    taken_down_on: date | None
    excerpt_id: int | None = None  # the excerpt quoted there, for a use of one


def tasks(*, session: Session, now: datetime | None = None, overdue_only: bool = False,
          include_done: bool = False) -> list[TaskLine]:
    """Takedown tasks, oldest first: open ones (and done ones if asked), overdue ones marked.

    Overdue: open for longer than `STORIES_TAKEDOWN_OVERDUE_DAYS`.
    """
    now = now or utcnow()
    limit = timedelta(days=get_settings().takedown_overdue_days)
    query = (select(TakedownTask, Distribution, Story.public_id)
             .join(Distribution, Distribution.id == TakedownTask.distribution_id)
             .join(Story, Story.id == TakedownTask.story_id).order_by(TakedownTask.id))
    if not include_done:
        query = query.where(TakedownTask.done_at.is_(None))
    lines = []
    for task, copy, public_id in session.exec(query):
        opened = task.created_at
        overdue = task.done_at is None and now - opened > limit
        if overdue_only and not overdue:
            continue
        lines.append(TaskLine(task.id, public_id, copy.channel, copy.where_used, copy.automatic,
                              task.reason, opened, (now - opened).days, overdue, task.done_at,
                              task.taken_down_on, copy.excerpt_id))
    return lines
