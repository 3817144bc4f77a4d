"""Server-side staff login sessions: opening, using, timing out and ending them.

A login creates a `StaffSession` row; the browser holds only the random
token, in the HttpOnly cookie `COOKIE` that `server.py` sets, and the
database only its hash.  A session ends at logout, after
`STORIES_SESSION_IDLE_MINUTES` without use (its `expires_at` slides forward
while it is used) or `STORIES_SESSION_MAX_HOURS` after login, whichever
comes first.  Disabling an account or resetting its password ends all its
sessions at once (`revoke_sessions`).
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from moderation.roles import StaffIdentity
from moderation.tokens import new_token, token_hash
from stories.audit import record
from stories.config import get_settings
from stories.events import Event
from stories.models import StaffSession, StaffUser, utcnow

COOKIE = "stories_staff"  # the HttpOnly session cookie set by server.py
TOUCH_SECONDS = 60  # a used session's idle deadline is moved at most once a minute


def session_max_age() -> int:
    """Seconds from login to the absolute end of a session (the cookie's max-age)."""
    return get_settings().session_max_hours * 3600


def _idle_deadline(row: StaffSession, now) -> object:
    """When `row` ends if unused from `now` on: idle timeout, capped by the absolute one."""
    settings = get_settings()
    return min(now + timedelta(minutes=settings.session_idle_minutes),
               row.created_at + timedelta(hours=settings.session_max_hours))


def _live(row: StaffSession | None, now) -> bool:
    """Whether a session row is an unrevoked session inside both timeouts."""
    if row is None or row.kind != "session" or row.revoked_at:
        return False
    absolute = row.created_at + timedelta(hours=get_settings().session_max_hours)
    return now < row.expires_at and now < absolute


def open_session(staff_id: int, now, *, session: Session) -> str:
    """Start a session for a staff member who just proved who she is; return its token."""
    token = new_token()
    row = StaffSession(token_hash=token_hash(token), staff_id=staff_id, created_at=now,
                       expires_at=now)
    row.expires_at = _idle_deadline(row, now)
    session.add(row)
    return token


def identity_for(token: str | None, *, session: Session) -> StaffIdentity | None:
    """The staff member a session token belongs to, if it is live; using it keeps it alive.

    Each use moves the idle deadline forward (at most once a minute, so page
    reruns do not write on every click), never past the absolute end.
    """
    if not token:
        return None
    row = session.get(StaffSession, token_hash(token))
    now = utcnow()
    if not _live(row, now):
        return None
    user = session.get(StaffUser, row.staff_id)
    if user is None or not user.active:
        return None
    deadline = _idle_deadline(row, now)
    moved = (deadline - row.expires_at).total_seconds()
    if moved >= TOUCH_SECONDS or moved < 0:  # forward (throttled) or down to the absolute end
        row.expires_at = deadline
        session.add(row)
    return StaffIdentity(user.id, user.username, user.role)


def logout(token: str | None, *, session: Session) -> None:
    """Invalidate a session token on the server."""
    if not token:
        return
    row = session.get(StaffSession, token_hash(token))
    if row and row.revoked_at is None:
        row.revoked_at = utcnow()
        session.add(row)
        record(session, actor_kind="staff", actor_id=row.staff_id, action=Event.LOGOUT)


def revoke_sessions(staff_id: int, *, session: Session) -> int:
    """End every live login session (and ticket) of one account; how many were live."""
    now = utcnow()
    rows = session.exec(select(StaffSession).where(StaffSession.staff_id == staff_id,
                                                   StaffSession.revoked_at.is_(None))).all()
    for row in rows:
        row.revoked_at = now
        session.add(row)
    return len(rows)
