"""Small services the Streamlit pages need that the other modules lack.

Each one checks the caller's permission itself, so a page that forgot its own
check still cannot list accounts, add staff or export as the wrong role.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from moderation.admin import expiring
from moderation.auth import StaffIdentity, add_staff, require
from stories.export import ExportReport, export_site
from stories.models import Consent, StaffUser, utcnow


@dataclass(frozen=True)
class StaffRow:
    """One account as the admin page lists it: no password data."""

    username: str
    role: str
    active: bool
    locked: bool
    last_login_at: datetime | None


def list_staff(*, who: StaffIdentity | None, session: Session) -> list[StaffRow]:
    """Every login account (service accounts excluded), by username."""
    require(who, "manage")
    now = utcnow()
    users = session.exec(select(StaffUser).order_by(StaffUser.username)).all()
    return [
        StaffRow(u.username, u.role, u.active, bool(u.locked_until and u.locked_until > now),
                 u.last_login_at)
        for u in users
        if not u.username.startswith("svc-")
    ]


def add_staff_as(username: str, password: str, role: str, *, who: StaffIdentity | None,
                 session: Session) -> StaffIdentity:
    """`add_staff`, allowed to admins only, audited as done by `who`."""
    admin = require(who, "manage")
    return add_staff(username, password, role, session=session, by=admin.id)


def export_as(out: Path, fmt: str, *, who: StaffIdentity | None, session: Session,
              today: date | None = None) -> ExportReport:
    """`export_site`, allowed to publishers and admins only."""
    require(who, "export")
    return export_site(out, fmt, session=session, today=today)


@dataclass(frozen=True)
class ExpiringRow:
    """One story whose authorization ends soon, as the queue page lists it."""

    id: int
    public_id: str
    status: str
    expires_on: date
    reconfirm_asked_at: datetime | None


def expiring_rows(today: date, days: int, *, who: StaffIdentity | None,
                  session: Session) -> list[ExpiringRow]:
    """`moderation.admin.expiring` with the end date that puts each story on the list.

    The date is the earliest unrevoked consent expiry, the one
    `stories.expiry` acts on; no story text is loaded.
    """
    stories = expiring(today, days, who=who, session=session)
    if not stories:
        return []
    ends = dict(session.exec(
        select(Consent.story_id, func.min(Consent.expires_on))
        .where(Consent.story_id.in_([s.id for s in stories]), Consent.revoked_at.is_(None),
               Consent.expires_on.is_not(None))
        .group_by(Consent.story_id)
    ).all())
    return [ExpiringRow(s.id, s.public_id, s.status, ends[s.id], s.reconfirm_requested_at)
            for s in stories]
