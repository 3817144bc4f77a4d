"""Service accounts: the disabled admin accounts that command-line actions act as.

A service account has no usable password and `active=False`, so nobody can
log in as it; it exists so the audit rows of operator commands name a staff
id.  Its username starts with `SERVICE_PREFIX`, and the Admin page neither
lists nor manages such accounts.
"""

from __future__ import annotations

from sqlmodel import Session, select

from moderation.roles import StaffIdentity
from stories.models import StaffUser

SERVICE_PREFIX = "svc-"


def service_account(name: str, *, session: Session) -> StaffIdentity:
    """The service account `svc-<name>`, created on first use."""
    username = f"{SERVICE_PREFIX}{name}"
    user = session.exec(select(StaffUser).where(StaffUser.username == username)).first()
    if user is None:
        user = StaffUser(username=username, password_hash="!", role="admin", active=False)  # noqa: S106 (not a password: unusable hash)
        session.add(user)
        session.flush()
    return StaffIdentity(user.id, user.username, user.role)
