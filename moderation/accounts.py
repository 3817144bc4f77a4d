"""Account management for admins: disable, enable, unlock, reset a password, change a role.

The app's Admin page and `python -m stories staff ...` both call these.  Each
action checks the admin permission itself, writes one audit row (the account
id and what changed: never a password or a hash) and runs in the caller's
transaction.  Two rules protect the clinic from locking itself out or keeping
a departed colleague in:

* the last active admin can be neither disabled nor given another role
  (`LastActiveAdmin`);
* disabling an account, or resetting its password, revokes every live login
  session of that account at once (its `staff_session` rows), so a browser
  that is still open loses access on its next click.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from moderation import auth
from moderation.auth import ROLES, StaffIdentity, require
from stories.audit import lock_chain, record
from stories.errors import InvalidInput, NotFound, StoryError
from stories.events import Event
from stories.models import StaffSession, StaffUser, utcnow

SERVICE_PREFIX = "svc-"  # accounts that command-line actions act as: never managed here


class LastActiveAdmin(StoryError):
    """The change would leave the clinic without an active admin."""


@dataclass(frozen=True)
class AccountRow:
    """One login account as the Admin page lists it (no password data)."""

    username: str
    role: str
    active: bool
    locked_until: datetime | None  # set only while the account is locked now
    last_login_at: datetime | None

    @property
    def state(self) -> str:
        """"active", "disabled" or "locked until HH:MM UTC" in plain words."""
        if not self.active:
            return "disabled"
        if self.locked_until:
            return f"locked until {self.locked_until:%Y-%m-%d %H:%M} UTC"
        return "active"


def accounts(*, who: StaffIdentity | None, session: Session) -> list[AccountRow]:
    """Every login account (service accounts excluded), by username."""
    require(who, "manage")
    now = utcnow()
    users = session.exec(select(StaffUser).order_by(StaffUser.username)).all()
    return [AccountRow(u.username, u.role, u.active,
                       u.locked_until if u.locked_until and u.locked_until > now else None,
                       u.last_login_at)
            for u in users if not u.username.startswith(SERVICE_PREFIX)]


def _account(username: str, session: Session) -> StaffUser:
    """The login account named `username` (service accounts are not managed)."""
    name = (username or "").strip().lower()
    user = session.exec(select(StaffUser).where(StaffUser.username == name)).first()
    if user is None or name.startswith(SERVICE_PREFIX):
        raise NotFound("No staff account has that username.")
    return user


def _active_admins(session: Session) -> int:
    query = select(func.count()).select_from(StaffUser).where(
        StaffUser.role == "admin", StaffUser.active.is_(True))
    return session.exec(query).one()


def _keep_an_admin(user: StaffUser, session: Session) -> None:
    """Refuse when `user` is the only active admin.

    The audit chain's lock is taken first (PostgreSQL), so two admins removing
    each other at the same moment cannot both pass the count.
    """
    lock_chain(session)
    if user.role == "admin" and user.active and _active_admins(session) <= 1:
        raise LastActiveAdmin("This is the last active admin account. Make another account "
                              "an admin first.")


def _audit(session: Session, staff: StaffIdentity, action: Event, user: StaffUser,
           detail: str = "") -> None:
    """One audit row naming the account by id (never a password)."""
    record(session, actor_kind="staff", actor_id=staff.id, action=action,
           detail=f"staff {user.id}" + (f" {detail}" if detail else ""))


def revoke_sessions(staff_id: int, *, session: Session) -> int:
    """End every live login session (and ticket) of one account; how many were live."""
    now = utcnow()
    rows = session.exec(select(StaffSession).where(StaffSession.staff_id == staff_id,
                                                   StaffSession.revoked_at.is_(None))).all()
    for row in rows:
        row.revoked_at = now
        session.add(row)
    return len(rows)


def disable(username: str, *, who: StaffIdentity | None, session: Session) -> int:
    """Switch an account off and end its sessions; returns how many sessions ended."""
    staff = require(who, "manage")
    user = _account(username, session)
    if not user.active:
        raise InvalidInput("That account is already disabled.")
    _keep_an_admin(user, session)
    user.active = False
    session.add(user)
    ended = revoke_sessions(user.id, session=session)
    _audit(session, staff, Event.STAFF_DISABLE, user, f"sessions ended {ended}")
    return ended


def enable(username: str, *, who: StaffIdentity | None, session: Session) -> None:
    """Switch a disabled account back on (its old sessions stay ended)."""
    staff = require(who, "manage")
    user = _account(username, session)
    if user.active:
        raise InvalidInput("That account is already active.")
    user.active, user.failed_logins, user.locked_until = True, 0, None
    session.add(user)
    _audit(session, staff, Event.STAFF_ENABLE, user)


def unlock(username: str, *, who: StaffIdentity | None, session: Session) -> None:
    """Lift a lock after too many wrong passwords, and reset the failure count."""
    staff = require(who, "manage")
    user = _account(username, session)
    if not (user.locked_until and user.locked_until > utcnow()) and not user.failed_logins:
        raise InvalidInput("That account is not locked.")
    user.failed_logins, user.locked_until = 0, None
    session.add(user)
    _audit(session, staff, Event.STAFF_UNLOCK, user)


def reset_password(username: str, password: str, *, who: StaffIdentity | None,
                   session: Session) -> int:
    """Set a new password, unlock, and end the account's sessions; returns sessions ended.

    The password is hashed at once and never stored, logged or audited.
    """
    staff = require(who, "manage")
    user = _account(username, session)
    auth._check_password(password)
    user.password_hash = auth._hasher.hash(password)
    user.failed_logins, user.locked_until = 0, None
    session.add(user)
    ended = revoke_sessions(user.id, session=session)
    _audit(session, staff, Event.STAFF_RESET_PASSWORD, user, f"sessions ended {ended}")
    return ended


def set_role(username: str, role: str, *, who: StaffIdentity | None, session: Session) -> None:
    """Give an account another role; the last active admin keeps hers."""
    staff = require(who, "manage")
    if role not in ROLES:
        raise InvalidInput(f"The role must be one of: {', '.join(ROLES)}.")
    user = _account(username, session)
    if user.role == role:
        raise InvalidInput(f"That account already has the role {role}.")
    if role != "admin":
        _keep_an_admin(user, session)
    old, user.role = user.role, role
    session.add(user)
    _audit(session, staff, Event.STAFF_SET_ROLE, user, f"from {old} to {role}")


def add_staff_as(username: str, password: str, role: str, *, who: StaffIdentity | None,
                 session: Session) -> StaffIdentity:
    """`add_staff`, allowed to admins only, audited as done by `who`."""
    admin = require(who, "manage")
    return auth.add_staff(username, password, role, session=session, by=admin.id)
