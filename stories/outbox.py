"""The outbox: announced events, written with their audit event, read by consumers.

Shaped like Discourse's `after_commit -> Jobs.enqueue`, but transactional:
`stories.audit.record` calls `announce` for every event that `stories.events`
marks as announced, in the same transaction, so a consumer (patient messages,
takedown tasks) sees exactly the actions that committed and nothing of one
that rolled back.  Rows name the story and the event, never text.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import insert
from sqlmodel import Session, select

from stories.models import AuditEvent, OutboxEvent, utcnow


def announce(event: AuditEvent, *, session: Session) -> OutboxEvent:
    """Add the outbox row for an audit event just written in this transaction."""
    row = OutboxEvent(audit_event_id=event.id, story_id=event.story_id, event=event.action,
                      at=event.at)
    session.add(row)
    return row


def announce_many(events: list[tuple[int, int | None, str, datetime]], *,
                  session: Session) -> None:
    """Outbox rows for audit events written in bulk: (audit id, story id, event, at) each."""
    session.execute(insert(OutboxEvent), [
        {"audit_event_id": audit_id, "story_id": story_id, "event": event, "at": at}
        for audit_id, story_id, event, at in events])


def pending(*, session: Session, events: frozenset[str] | None = None,
            limit: int = 100) -> list[OutboxEvent]:
    """Rows not yet done, oldest first (optionally only some event names)."""
    query = select(OutboxEvent).where(OutboxEvent.done_at.is_(None))
    if events is not None:
        query = query.where(OutboxEvent.event.in_(sorted(events)))
    return list(session.exec(query.order_by(OutboxEvent.id).limit(limit)))


def mark_done(row: OutboxEvent, *, session: Session) -> None:
    """Record that the consumer finished with `row`."""
    row.done_at = utcnow()
    session.add(row)


BATCH = 500


def read_past(cursor, *, session: Session, batch: int = BATCH) -> Iterator[OutboxEvent]:
    """Every outbox row after `cursor.last_outbox_id`, oldest first, moving the cursor.

    A consumer (notices, takedown tasks) keeps its own cursor row, so each reads
    every event once and none depends on another's progress.  The cursor moves
    in the caller's transaction: a consumer that fails rolls back to where it was.
    """
    while rows := session.exec(select(OutboxEvent).where(OutboxEvent.id > cursor.last_outbox_id)
                               .order_by(OutboxEvent.id).limit(batch)).all():
        yield from rows
        cursor.last_outbox_id = rows[-1].id
        session.add(cursor)
