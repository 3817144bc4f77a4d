"""Staff view of the email notices (admins only): the service behind the Notifications page."""

from __future__ import annotations

from sqlmodel import Session

from moderation.roles import StaffIdentity, require
from stories.notify import queue


def overview(*, who: StaffIdentity | None, session: Session) -> queue.Overview:
    """Counts by status and recent failures (masked addresses); checks the admin role itself."""
    require(who, "manage")
    return queue.overview(session=session)
