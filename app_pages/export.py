"""Export: approved stories as a zip of Markdown files for the static website.

The export runs into a fresh temporary folder; the zip is built in memory
from the files the export wrote (names chosen by the export, never by a
title), and the report lists ids and reasons only, never story text.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import streamlit as st

from app_pages.common import private_download, require_staff, run, show_flash
from moderation.ui_support import export_as
from stories.export import FORMATS, MANIFEST, ExportReport
from stories.models import utcnow

RESULT_KEY = "export_result"
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


def show_report(report: ExportReport) -> None:
    """What the export did, by file name and id."""
    count = report.exported
    st.success(f"{count} {'story' if count == 1 else 'stories'} exported.")
    if report.expired:
        st.info(f"{report.expired} stories reached the end of their permission and were "
                "taken down first.")
    if report.written:
        st.markdown("**Files:**\n" + "\n".join(f"- `{name}`" for name in report.written))
    if report.removed:
        st.markdown("**Removed:**\n" + "\n".join(f"- `{name}`" for name in report.removed))
    if report.refused:
        st.warning("Some approved stories were not exported:")
        st.markdown("\n".join(f"- `{story_id}`: {REASONS.get(why, why)}"
                              for story_id, why in report.refused))


def main() -> None:
    """Render the page."""
    identity = require_staff("export")
    st.title("Export to the website")
    show_flash()
    st.markdown("Writes every approved story whose consent, sign-off and identifier checks "
                "pass as a Markdown file for the clinic's static site generator.")
    fmt = st.selectbox("Format", FORMATS, key="export_format")
    if st.button("Export now", type="primary", key="export_run"):
        result = export_zip(fmt, identity)
        st.session_state[RESULT_KEY] = (fmt, *result) if result else None
    saved = st.session_state.get(RESULT_KEY)
    if saved:
        saved_fmt, report, data = saved
        show_report(report)
        private_download("export", "Download the zip", lambda: data, mime="application/zip",
                         filename=f"stories-{saved_fmt}-{utcnow():%Y%m%d-%H%M}.zip",
                         permission="export")
        st.warning("Replace the site's whole stories folder with the zip's contents (delete "
                   "the old files first). Unzipping on top of an older export would leave "
                   "withdrawn or expired stories online. The command line below does this "
                   "for you.")
    st.markdown("**The same from the command line** (writes straight into a folder and only "
                "touches the files it owns):")
    st.code(f"python -m stories export --out path/to/site/_stories --format {fmt}",
            language="bash")


main()
