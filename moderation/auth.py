"""Staff accounts, passwords, login sessions and the first-admin setup code.

Passwords are argon2id hashes (argon2-cffi).  Failed logins are counted per
account; after `MAX_FAILURES` the account is locked for `LOCK_MINUTES`, and
every failure answers with the same generic message.  A login creates a
server-side `StaffSession`; the browser holds only the random token, in the
HttpOnly cookie `server.py` sets.  A session ends at logout, after
`STORIES_SESSION_IDLE_MINUTES` without use (its `expires_at` slides forward
while it is used) or `STORIES_SESSION_MAX_HOURS` after login, whichever
comes first.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func
from sqlmodel import Session, select

from stories.audit import record
from stories.config import get_settings
from stories.errors import AuthenticationFailed, InvalidInput, NotAuthorized
from stories.models import SetupCode, StaffSession, StaffUser, utcnow

ROLES = ("moderator", "publisher", "admin")
MAX_FAILURES = 5
LOCK_MINUTES = 15
TOUCH_SECONDS = 60  # a used session's idle deadline is moved at most once a minute
SETUP_CODE_HOURS = 24
MIN_PASSWORD = 12
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@+-]{2,63}$")  # an email works too (for SSO)
GENERIC_LOGIN_ERROR = "Username or password is wrong, or the account is locked for a while."
COOKIE = "stories_staff"  # the HttpOnly session cookie set by server.py
_hasher = PasswordHasher()  # argon2id with the library's recommended parameters


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash to verify against for unknown users (made on first use, not at import)."""
    return _hasher.hash(secrets.token_hex(16))

# Which roles may do what.  Admins may do everything.
PERMISSIONS = {
    "review": {"moderator", "admin"},
    "export": {"publisher", "admin"},
    "manage": {"admin"},
}


@dataclass(frozen=True)
class StaffIdentity:
    """The signed-in staff member, as pages and services see them."""

    id: int
    username: str
    role: str

    def can(self, permission: str) -> bool:
        return self.role in PERMISSIONS[permission]


def require(identity: StaffIdentity | None, permission: str) -> StaffIdentity:
    """Raise `NotAuthorized` unless `identity` holds `permission`."""
    if identity is None or not identity.can(permission):
        raise NotAuthorized("Your account is not allowed to do this.")
    return identity


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD or len(password) > 1024:
        raise InvalidInput(f"A password needs {MIN_PASSWORD} to 1024 characters.")


def add_staff(username: str, password: str, role: str, *, session: Session,
              by: int | None = None) -> StaffIdentity:
    """Create an account (username lowercased)."""
    username = (username or "").strip().lower()
    if not _USERNAME.match(username):
        raise InvalidInput("A username is 3-64 characters: a-z, 0-9, dot, dash, underscore, @, +.")
    if role not in ROLES:
        raise InvalidInput(f"The role must be one of: {', '.join(ROLES)}.")
    _check_password(password)
    if session.exec(select(StaffUser).where(StaffUser.username == username)).first():
        raise InvalidInput("That username is taken.")
    user = StaffUser(username=username, password_hash=_hasher.hash(password), role=role)
    session.add(user)
    session.flush()
    record(session, actor_kind="staff" if by else "system", actor_id=by, action="staff add",
           detail=f"staff {user.id} role {role}")
    return StaffIdentity(user.id, user.username, user.role)


def staff_count(*, session: Session) -> int:
    """How many staff accounts exist."""
    return session.exec(select(func.count()).select_from(StaffUser)).one()


def login(username: str, password: str, *, session: Session) -> str:
    """Check a password; return a new session token, or raise the generic error.

    The failure counter is written by the caller's transaction even when this
    raises, so call it in a transaction of its own and commit on failure too:
    see `attempt_login`.
    """
    user = session.exec(
        select(StaffUser).where(StaffUser.username == (username or "").strip().lower())
    ).first()
    now = utcnow()
    if user is None or not user.active:
        _verify(_dummy_hash(), password)  # same work whether or not the user exists
        raise AuthenticationFailed(GENERIC_LOGIN_ERROR)
    if user.locked_until and user.locked_until > now:
        raise AuthenticationFailed(GENERIC_LOGIN_ERROR)
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILURES:
            user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
            record(session, actor_kind="system", action="staff locked", detail=f"staff {user.id}")
        session.add(user)
        raise AuthenticationFailed(GENERIC_LOGIN_ERROR)
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    token = secrets.token_urlsafe(32)
    row = StaffSession(token_hash=_token_hash(token), staff_id=user.id, created_at=now,
                       expires_at=now)
    row.expires_at = _idle_deadline(row, now)
    session.add(row)
    record(session, actor_kind="staff", actor_id=user.id, action="login")
    return token


def attempt_login(username: str, password: str, *, session: Session) -> str | None:
    """`login` that never raises, so a failure's counter commits; None on failure."""
    try:
        return login(username, password, session=session)
    except AuthenticationFailed:
        return None


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, (password or "")[:1024])
    except (VerificationError, InvalidHashError):
        return False


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


def identity_for(token: str | None, *, session: Session) -> StaffIdentity | None:
    """The staff member a session token belongs to, if it is live; using it keeps it alive.

    Each use moves the idle deadline forward (at most once a minute, so page
    reruns do not write on every click), never past the absolute end.
    """
    if not token:
        return None
    row = session.get(StaffSession, _token_hash(token))
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


def identity_for_sso(email: str | None, verified: bool, *, session: Session) -> StaffIdentity | None:
    """The staff account for a single-sign-on user, matched by verified email.

    SSO (Streamlit's OIDC `st.login`) only proves who someone is; what they
    may do still comes from an active account whose username is that email,
    created by an admin.  Unknown or unverified emails get no access.
    """
    if not email or not verified:
        return None
    user = session.exec(select(StaffUser).where(StaffUser.username == email.strip().lower())).first()
    if user is None or not user.active:
        return None
    return StaffIdentity(user.id, user.username, user.role)


def logout(token: str | None, *, session: Session) -> None:
    """Invalidate a session token on the server."""
    if not token:
        return
    row = session.get(StaffSession, _token_hash(token))
    if row and row.revoked_at is None:
        row.revoked_at = utcnow()
        session.add(row)
        record(session, actor_kind="staff", actor_id=row.staff_id, action="logout")


def issue_setup_code(*, session: Session) -> str | None:
    """On a database with no staff, create a one-time code (else None).

    The code is printed to the console of whoever started the app, so only a
    person with access to the server can create the first admin.
    """
    if staff_count(session=session):
        return None
    code = secrets.token_urlsafe(18)
    session.add(SetupCode(code_hash=_token_hash(code),
                          expires_at=utcnow() + timedelta(hours=SETUP_CODE_HOURS)))
    return code


def create_first_admin(code: str, username: str, password: str, *, session: Session) -> StaffIdentity:
    """Use a setup code to create the first admin; the code then dies."""
    if staff_count(session=session):
        raise NotAuthorized("Setup is already complete.")
    now = utcnow()
    live = session.exec(
        select(SetupCode).where(SetupCode.used_at.is_(None), SetupCode.expires_at > now)
    ).all()
    match = next((c for c in live if hmac.compare_digest(c.code_hash, _token_hash(code or ""))), None)
    if match is None:
        raise NotAuthorized("The setup code is wrong or has expired. Restart the app for a new one.")
    match.used_at = now
    session.add(match)
    return add_staff(username, password, "admin", session=session)


def service_account(name: str, *, session: Session) -> StaffIdentity:
    """A disabled admin account that actions from the command line act as.

    It has no usable password and `active=False`, so nobody can log in as it;
    it exists so audit rows of operator commands name a staff id.
    """
    username = f"svc-{name}"
    user = session.exec(select(StaffUser).where(StaffUser.username == username)).first()
    if user is None:
        user = StaffUser(username=username, password_hash="!", role="admin", active=False)  # noqa: S106 (not a password: unusable hash)
        session.add(user)
        session.flush()
    return StaffIdentity(user.id, user.username, user.role)
