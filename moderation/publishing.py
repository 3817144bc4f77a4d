"""Publishing, for the Export page: export as a role, the site folder, what to take down.

Each service checks the caller's permission itself, so a page that forgot its
own check still cannot export as the wrong role.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import Session, select

from moderation.roles import StaffIdentity, require
from stories.config import get_settings
from stories.errors import InvalidInput
from stories.export import ExportReport, export_site, file_name
from stories.models import Story
from stories.workflow import Status


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
