"""Sliding-window rate limits kept in the database (shared by all replicas).

Buckets are named by purpose and a hash of the client key, never by raw input
such as an IP address or a typed receipt code.
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


def hit(name: str, *, limit: int, window: timedelta, session: Session, message: str) -> None:
    """Count one attempt; raise `RateLimited` when `limit` is already reached."""
    since = utcnow() - window
    session.execute(delete(RateEvent).where(RateEvent.bucket == name, RateEvent.at < since))
    used = session.exec(
        select(func.count()).select_from(RateEvent).where(RateEvent.bucket == name)
    ).one()
    if used >= limit:
        raise RateLimited(message)
    session.add(RateEvent(bucket=name))
    session.flush()
