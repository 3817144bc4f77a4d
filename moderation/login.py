"""Signing staff in: password login with lockout, and single sign-on matching.

Failed logins are counted per account; after `MAX_FAILURES` the account is
locked for `LOCK_MINUTES`, and every failure answers with the same generic
message (`GENERIC_LOGIN_ERROR`), so the answer never tells whether a
username exists or is locked.  A successful login opens a server-side
session (`moderation.sessions`).
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from moderation.passwords import verify_password, verify_unknown
from moderation.roles import StaffIdentity
from moderation.sessions import open_session
from stories.audit import record
from stories.errors import AuthenticationFailed
from stories.events import Event
from stories.models import StaffUser, utcnow

MAX_FAILURES = 5
LOCK_MINUTES = 15
GENERIC_LOGIN_ERROR = "Username or password is wrong, or the account is locked for a while."


def _user(username: str | None, session: Session) -> StaffUser | None:
    """The account named `username` (compared lowercased), if any."""
    name = (username or "").strip().lower()
    return session.exec(select(StaffUser).where(StaffUser.username == name)).first()


def login(username: str, password: str, *, session: Session) -> str:
    """Check a password; return a new session token, or raise the generic error.

    The failure counter is written by the caller's transaction even when this
    raises, so call it in a transaction of its own and commit on failure too:
    see `attempt_login`.
    """
    user = _user(username, session)
    now = utcnow()
    if user is None or not user.active:
        verify_unknown(password)  # same work whether or not the user exists
        raise AuthenticationFailed(GENERIC_LOGIN_ERROR)
    if user.locked_until and user.locked_until > now:
        raise AuthenticationFailed(GENERIC_LOGIN_ERROR)
    if not verify_password(user.password_hash, password):
        _count_failure(user, now, session)
        raise AuthenticationFailed(GENERIC_LOGIN_ERROR)
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    token = open_session(user.id, now, session=session)
    record(session, actor_kind="staff", actor_id=user.id, action=Event.LOGIN)
    return token


def _count_failure(user: StaffUser, now, session: Session) -> None:
    """One more wrong password; the `MAX_FAILURES`th locks the account a while."""
    user.failed_logins += 1
    if user.failed_logins >= MAX_FAILURES:
        user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
        user.failed_logins = 0
        record(session, actor_kind="system", action=Event.STAFF_LOCKED, detail=f"staff {user.id}")
    session.add(user)


def attempt_login(username: str, password: str, *, session: Session) -> str | None:
    """`login` that never raises, so a failure's counter commits; None on failure."""
    try:
        return login(username, password, session=session)
    except AuthenticationFailed:
        return None


def identity_for_sso(email: str | None, verified: bool, *, session: Session) -> StaffIdentity | None:
    """The staff account for a single-sign-on user, matched by verified email.

    SSO (Streamlit's OIDC `st.login`) only proves who someone is; what they
    may do still comes from an active account whose username is that email,
    created by an admin.  Unknown or unverified emails get no access.
    """
    if not email or not verified:
        return None
    user = _user(email, session)
    if user is None or not user.active:
        return None
    return StaffIdentity(user.id, user.username, user.role)
