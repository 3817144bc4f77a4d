"""Sliding-window rate limits kept in the database (shared by all replicas).

Buckets are named by purpose and a hash of the client key, never by raw input
such as an IP address or a typed receipt code.  `check` and `count` are
separate so a service can count only what went through (a stored story, not
a refused form); `hit` does both for limits that count every attempt.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, select

from stories.errors import RateLimited
from stories.models import RateEvent, utcnow


def bucket(purpose: str, client_key: str) -> str:
    """A bucket name that does not reveal the client key."""
    digest = hashlib.sha256(f"{purpose}:{client_key}".encode()).hexdigest()[:40]
    return f"{purpose}:{digest}"


def used(name: str, *, window: timedelta, session: Session) -> int:
    """How many events `name` holds within `window` (older ones are deleted first)."""
    since = utcnow() - window
    session.execute(delete(RateEvent).where(RateEvent.bucket == name, RateEvent.at < since))
    return session.exec(
        select(func.count()).select_from(RateEvent).where(RateEvent.bucket == name)
    ).one()


def check(name: str, *, limit: int, window: timedelta, session: Session, message: str) -> None:
    """Raise `RateLimited` when `limit` events are already counted; count nothing."""
    if used(name, window=window, session=session) >= limit:
        raise RateLimited(message)


def count(name: str, *, session: Session) -> RateEvent:
    """Count one event in `name` (part of the caller's transaction)."""
    event = RateEvent(bucket=name)
    session.add(event)
    session.flush()
    return event


def uncount(name: str, *, session: Session) -> None:
    """Remove the latest event of `name` (an attempt that turned out to be legitimate)."""
    latest = session.exec(
        select(RateEvent).where(RateEvent.bucket == name).order_by(RateEvent.id.desc())
    ).first()
    if latest is not None:
        session.delete(latest)
        session.flush()


def hit(name: str, *, limit: int, window: timedelta, session: Session, message: str) -> None:
    """Count one attempt; raise `RateLimited` when `limit` is already reached."""
    check(name, limit=limit, window=window, session=session, message=message)
    count(name, session=session)
