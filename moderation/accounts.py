"""Staff accounts: creating them, and what admins do to them.

`add_staff` creates an account (username and role rules, a hashed password);
the setup code, the command line and `add_staff_as` (the Admin page) call it.
The admin actions (disable, enable, unlock, reset a password, change a role)
are called by the app's Admin page and `python -m stories staff ...`.  Each
admin action checks the admin permission itself, writes one audit row (the account
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

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from moderation.passwords import check_password_rules, hash_password
from moderation.roles import ROLES, StaffIdentity, require
from moderation.service_accounts import SERVICE_PREFIX
from moderation.sessions import revoke_sessions
from stories.audit import lock_chain, record
from stories.errors import InvalidInput, NotFound, StoryError
from stories.events import Event
from stories.models import StaffUser, utcnow

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@+-]{2,63}$")  # an email works too (for SSO)


def add_staff(username: str, password: str, role: str, *, session: Session,
              by: int | None = None) -> StaffIdentity:
    """Create an account (username lowercased); `by` is the admin who did, if any."""
    username = (username or "").strip().lower()
    if not _USERNAME.match(username):
        raise InvalidInput("A username is 3-64 characters: a-z, 0-9, dot, dash, underscore, @, +.")
    _check_role(role)
    check_password_rules(password)
    if session.exec(select(StaffUser).where(StaffUser.username == username)).first():
        raise InvalidInput("That username is taken.")
    user = StaffUser(username=username, password_hash=hash_password(password), role=role)
    session.add(user)
    session.flush()
    record(session, actor_kind="staff" if by else "system", actor_id=by, action=Event.STAFF_ADD,
           detail=f"staff {user.id} role {role}")
    return StaffIdentity(user.id, user.username, user.role)


def _check_role(role: str) -> None:
    """Raise `InvalidInput` unless `role` is one of `ROLES`."""
    if role not in ROLES:
        raise InvalidInput(f"The role must be one of: {', '.join(ROLES)}.")


def staff_count(*, session: Session) -> int:
    """How many staff accounts exist (service accounts included)."""
    return session.exec(select(func.count()).select_from(StaffUser)).one()


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
    check_password_rules(password)
    user.password_hash = hash_password(password)
    user.failed_logins, user.locked_until = 0, None
    session.add(user)
    ended = revoke_sessions(user.id, session=session)
    _audit(session, staff, Event.STAFF_RESET_PASSWORD, user, f"sessions ended {ended}")
    return ended


def set_role(username: str, role: str, *, who: StaffIdentity | None, session: Session) -> None:
    """Give an account another role; the last active admin keeps hers."""
    staff = require(who, "manage")
    _check_role(role)
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
    return add_staff(username, password, role, session=session, by=admin.id)
