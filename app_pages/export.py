"""Export: approved stories as a zip of Markdown files for the static website.

The export runs into a fresh temporary folder; the zip is built in memory
from the files the export wrote (names chosen by the export, never by a
title), and the report lists ids and reasons only, never story text.

The page names what the export did: files written, unchanged, and the files
**to remove from the site** (stories withdrawn, expired or no longer
publishable), by their opaque file names.  With `STORIES_SITE_DIR` set,
"Update the site folder" applies the export there (`export_site`, which
deletes the files of stories no longer published), so withdrawn stories
really leave the site.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import streamlit as st

from app_pages.common import private_download, require_staff, run, show_flash
from app_pages.staff_ui import staff_page
from moderation.publishing import SiteUpdate, export_as, site_folder, takedown_files, update_site_as
from stories.export import FORMATS, ExportReport
from stories.export_files import MANIFEST
from stories.models import utcnow

RESULT_KEY = "export_result"
TAKEDOWN_KEY = "export_takedown"
SITE_KEY = "export_site_update"
REASONS = {
    "consent": "the consent no longer allows publication (revoked, expired or incomplete)",
    "sign-off": "the patient has not signed off the current text",
}


def build_zip(folder: Path, names: list[str]) -> bytes:
    """A zip of `names` (and the export's manifest) from `folder`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in [*names, MANIFEST]:
            path = folder / name
            if path.is_file():
                archive.write(path, arcname=name)
    return buffer.getvalue()


def export_zip(fmt: str, who) -> tuple[ExportReport, bytes] | None:
    """Export into a temporary folder; return the report and the zip bytes."""
    with tempfile.TemporaryDirectory(prefix="stories-export-") as tmp:
        report = run(export_as, Path(tmp), fmt, who=who)
        if report is None:
            return None
        return report, build_zip(Path(tmp), report.written)


def file_list(names: list[str]) -> str:
    """Markdown bullets of file names (opaque ids: safe to show)."""
    return "\n".join(f"- `{name}`" for name in names)


def show_report(report: ExportReport) -> None:
    """What the export did, by file name and id: written, unchanged, refused."""
    count = report.exported
    st.success(f"{count} {'story' if count == 1 else 'stories'} exported: "
               f"{len(report.written)} written, {report.unchanged} unchanged.")
    if report.expired:
        st.info(f"{report.expired} stories reached the end of their permission and were "
                "taken down first.")
    if report.written:
        st.markdown("**Files written:**\n" + file_list(report.written))
    if report.refused:
        st.warning("Some approved stories were not exported:")
        st.markdown("\n".join(f"- `{story_id}`: {REASONS.get(why, why)}"
                              for story_id, why in report.refused))


def show_takedown(names: list[str]) -> None:
    """The files to delete from the website by hand (zip mode)."""
    if not names:
        st.caption("Nothing to remove from the site: no published story was withdrawn, "
                   "expired or stopped.")
        return
    st.error(f"To remove from the site ({len(names)}): these stories were withdrawn, "
             "expired or may no longer be published. Delete these files from the site's "
             "stories folder if they are there:")
    st.markdown(file_list(names))


def show_site_update(update: SiteUpdate) -> None:
    """What "Update the site folder" did, including what it deleted."""
    report = update.report
    st.success(f"The site folder is up to date: {len(report.written)} written, "
               f"{report.unchanged} unchanged, {len(report.removed)} removed.")
    if report.removed:
        st.markdown("**Removed from the site folder:**\n" + file_list(report.removed))
    if report.written:
        st.markdown("**Files written:**\n" + file_list(report.written))
    if update.left_behind:
        st.error("Still in the site folder, but not written by this app, so not deleted. "
                 "Delete them by hand:")
        st.markdown(file_list(update.left_behind))
    if report.refused:
        st.warning("Some approved stories were not exported:")
        st.markdown("\n".join(f"- `{story_id}`: {REASONS.get(why, why)}"
                              for story_id, why in report.refused))


def site_section(fmt: str, identity) -> None:
    """Apply the export to the configured site folder, if there is one."""
    folder = site_folder()
    st.subheader("Update the website's folder")
    if folder is None:
        st.caption("No site folder is configured (set STORIES_SITE_DIR to the site's stories "
                   "folder to update it from here). Use the zip and the list of files to "
                   "remove.")
        return
    st.markdown(f"Writes the export straight into `{folder}` and deletes the files of "
                "stories that were withdrawn or expired.")
    if st.button("Update the site folder", type="primary", key="export_site_run"):
        st.session_state[SITE_KEY] = run(update_site_as, fmt, who=identity)
    update = st.session_state.get(SITE_KEY)
    if update:
        show_site_update(update)


def main() -> None:
    """Render the page."""
    staff_page("Export")
    identity = require_staff("export")
    st.title("Export to the website")
    show_flash()
    st.markdown("Writes every approved story whose consent, sign-off and identifier checks "
                "pass as a Markdown file for the clinic's static site generator.")
    fmt = st.selectbox("Format", FORMATS, key="export_format")
    if st.button("Export now", type="primary", key="export_run"):
        result = export_zip(fmt, identity)
        st.session_state[RESULT_KEY] = (fmt, *result) if result else None
        st.session_state[TAKEDOWN_KEY] = run(
            takedown_files, fmt, [story_id for story_id, _ in result[0].refused],
            who=identity) if result else None
    saved = st.session_state.get(RESULT_KEY)
    if saved:
        saved_fmt, report, data = saved
        show_report(report)
        show_takedown(st.session_state.get(TAKEDOWN_KEY) or [])
        private_download("export", "Download the zip", lambda: data, mime="application/zip",
                         filename=f"stories-{saved_fmt}-{utcnow():%Y%m%d-%H%M}.zip",
                         permission="export")
        st.warning("Replace the site's whole stories folder with the zip's contents (delete "
                   "the old files first). Unzipping on top of an older export would leave "
                   "withdrawn or expired stories online. The command line below does this "
                   "for you.")
    site_section(fmt, identity)
    st.markdown("**The same from the command line** (writes straight into a folder and only "
                "touches the files it owns):")
    st.code(f"python -m stories export --out path/to/site/_stories --format {fmt}",
            language=None)  # plain: the bash colours fail WCAG contrast


main()
