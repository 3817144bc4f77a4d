"""The one-time setup code that lets the first admin account be created.

On a database with no staff the app prints a code to the console of whoever
started it, so only a person with access to the server can create the first
admin.  The code lives `SETUP_CODE_HOURS`, is stored only as a hash, and dies
when used.
"""

from __future__ import annotations

import hmac
from datetime import timedelta

from sqlmodel import Session, select

from moderation.accounts import add_staff, staff_count
from moderation.roles import StaffIdentity
from moderation.tokens import new_token, token_hash
from stories.errors import NotAuthorized
from stories.models import SetupCode, utcnow

SETUP_CODE_HOURS = 24


def issue_setup_code(*, session: Session) -> str | None:
    """On a database with no staff, create a one-time code (else None)."""
    if staff_count(session=session):
        return None
    code = new_token(18)
    session.add(SetupCode(code_hash=token_hash(code),
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
    given = token_hash(code or "")
    match = next((c for c in live if hmac.compare_digest(c.code_hash, given)), None)
    if match is None:
        raise NotAuthorized("The setup code is wrong or has expired. Restart the app for a new one.")
    match.used_at = now
    session.add(match)
    return add_staff(username, password, "admin", session=session)
