"""Small services the Streamlit pages need that the other modules lack.

Each one checks the caller's permission itself, so a page that forgot its own
check still cannot list accounts, add staff or export as the wrong role.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlmodel import Session, select

from moderation.auth import StaffIdentity, add_staff, require
from stories.expiry import expiring_soon
from stories.export import ExportReport, export_site
from stories.models import StaffUser, utcnow


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
    """Stories whose authorization in force ends within `days`, with that end date.

    The date comes from the same query `stories.expiry` acts on; no story text is loaded.
    """
    require(who, "review")
    return [ExpiringRow(s.id, s.public_id, s.status, ends, s.reconfirm_requested_at)
            for s, ends in expiring_soon(today, days, session=session)]
