"""The audit log: insert-only, hash-chained events.

Like Coral's moderation actions, each event is tied to the revision (by its
content hash) that was acted on; `actor_id=None` with `actor_kind="system"`
means the system acted.  Events hold no story text and no personal data: the
`detail` field carries codes (a rejection reason, kinds and positions of kept
findings), never words from a story.

Each event's hash covers its fields and the previous event's hash, and
`prev_hash` is unique, so the chain cannot fork and `verify_chain` detects any
changed, removed or reordered event.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session, select

from stories.events import spec
from stories.models import AuditEvent, utcnow
from stories.outbox import announce

GENESIS = "0" * 64
_PG_CHAIN_LOCK = 0x5107E5  # advisory lock id serializing chain appends on PostgreSQL
_LOCK_HELD = "stories.audit.chain_lock"  # session.info key: the transaction holding the lock


def _digest(event: AuditEvent) -> str:
    fields = {
        "at": event.at.isoformat(),
        "actor_kind": event.actor_kind,
        "actor_id": event.actor_id,
        "story_id": event.story_id,
        "action": event.action,
        "from_status": event.from_status,
        "to_status": event.to_status,
        "revision_hash": event.revision_hash,
        "detail": event.detail,
        "prev_hash": event.prev_hash,
    }
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def lock_chain(session: Session) -> None:
    """Serialize writers on PostgreSQL until the transaction ends (SQLite already is).

    Every action appends to the chain, so this is also the cheapest way to make
    a check-then-insert (such as the duplicate-story check) atomic.  Taking it
    again in the same transaction costs no round trip.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    transaction = session.get_transaction()
    if transaction is None or session.info.get(_LOCK_HELD) is not transaction:
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_CHAIN_LOCK})
        session.info[_LOCK_HELD] = session.get_transaction()


def _last_hash(session: Session) -> str:
    lock_chain(session)
    last = session.exec(select(AuditEvent.event_hash).order_by(AuditEvent.id.desc()).limit(1))
    return last.first() or GENESIS


def record(session: Session, *, actor_kind: str, action: str, **fields) -> AuditEvent:
    """Append one event in the caller's transaction and return it.

    `action` must be a name in `stories.events` (the closed vocabulary); an
    announced event also gets its outbox row here, in the same transaction.
    """
    announced = spec(action).announced
    event = AuditEvent(
        at=utcnow().replace(microsecond=0),
        actor_kind=actor_kind,
        action=action,
        prev_hash=_last_hash(session),
        event_hash="",
        **fields,
    )
    event.event_hash = _digest(event)
    session.add(event)
    session.flush()
    if announced:
        announce(event, session=session)
    return event


@dataclass(frozen=True)
class ChainReport:
    """Outcome of `verify_chain`: ok, how many events, and the first bad one."""

    ok: bool
    events: int
    first_bad_id: int | None = None
    problem: str = ""


def verify_chain(session: Session) -> ChainReport:
    """Walk the chain in id order and recompute every hash."""
    prev = GENESIS
    count = 0
    for event in session.exec(select(AuditEvent).order_by(AuditEvent.id)):
        count += 1
        if event.prev_hash != prev:
            return ChainReport(False, count, event.id, "an event is missing or out of order")
        if _digest(event) != event.event_hash:
            return ChainReport(False, count, event.id, "an event was changed")
        prev = event.event_hash
    return ChainReport(True, count)
