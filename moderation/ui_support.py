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
from stories.config import get_settings
from stories.errors import InvalidInput
from stories.expiry import expiring_soon
from stories.export import ExportReport, export_site, file_name
from stories.models import Story
from stories.workflow import Status


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


def takedown_files(fmt: str, refused: list[str], *, who: StaffIdentity | None,
                   session: Session) -> list[str]:
    """Files the site may still hold of stories the export no longer publishes, by name.

    Every story ever approved (it has a publication date) that is no longer
    approved (withdrawn, expired, taken back into review) or that the export
    refused (`refused`: public ids).  Names are opaque ids, safe to show; a file
    that never reached the site is simply absent there.
    """
    require(who, "export")
    stories = session.exec(select(Story).where(Story.published_on.is_not(None))).all()
    gone = set(refused)
    return sorted(file_name(story, fmt) for story in stories
                  if story.status != Status.APPROVED.value or story.public_id in gone)


@dataclass(frozen=True)
class SiteUpdate:
    """What "Update the site folder" did: the export's report and any takedown left."""

    folder: Path
    report: ExportReport
    left_behind: list[str]  # files of stories no longer published that are still there


def site_folder() -> Path | None:
    """The site's stories folder from `STORIES_SITE_DIR`, if configured."""
    return get_settings().site_dir


def update_site_as(fmt: str, *, who: StaffIdentity | None, session: Session,
                   today: date | None = None) -> SiteUpdate:
    """`export_site` into the configured site folder (publishers and admins only).

    `export_site` deletes the files it wrote before whose story is no longer
    published; a file of such a story that it did not write (say, unzipped
    there by hand) is reported in `left_behind` for a person to delete.
    """
    require(who, "export")
    folder = site_folder()
    if folder is None:
        raise InvalidInput("No site folder is configured (STORIES_SITE_DIR).")
    report = export_site(folder, fmt, session=session, today=today)
    gone = takedown_files(fmt, [public_id for public_id, _ in report.refused], who=who,
                          session=session)
    return SiteUpdate(folder, report, [name for name in gone if (folder / name).exists()])


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
