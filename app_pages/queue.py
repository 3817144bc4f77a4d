"""The moderation queue: counts per status, then stories oldest first.

Shows titles and the kinds of detected identifiers only (never story text);
choosing a story opens it on the Review page.  Overdue takedowns are named
above the queue, so nobody misses a copy that should be gone.  Below it, the stories
whose authorization ends soon, so staff can ask their authors to re-confirm.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from app_pages.common import age, require_staff, run, show_flash
from app_pages.staff_ui import REVIEW_KEY, staff_page
from moderation.queue import QUEUE_STATUSES, expiring_rows, kind_words, queue, status_counts
from moderation.roles import StaffIdentity
from moderation.takedowns import open_tasks
from stories.config import get_settings
from stories.models import utcnow
from stories.workflow import Status


def finding_kinds(summary: str) -> str:
    """"DATE:1,PERSON:3" in plain words: "1 × date, 3 × person's name" ("none" when empty)."""
    parts = []
    for part in filter(None, summary.split(",")):
        kind, _, count = part.partition(":")
        noun = kind_words(kind).removeprefix("an ").removeprefix("a ")
        parts.append(f"{count} × {noun}")
    return ", ".join(parts) or "none"


def show_counts(counts: dict[str, int]) -> None:
    """One small metric per status."""
    statuses = list(Status)
    for start in range(0, len(statuses), 5):
        columns = st.columns(5)
        for column, status in zip(columns, statuses[start:start + 5], strict=False):
            column.metric(status.value.capitalize(), counts.get(status.value, 0))


def open_in_review(labels: dict[int, str], key: str) -> None:
    """A story chooser and an "Open in Review" button."""
    story_id = st.selectbox("Story to review", list(labels), format_func=labels.get,
                            key=f"{key}_choice")
    if st.button("Open in Review", type="primary", key=f"{key}_open"):
        st.session_state[REVIEW_KEY] = story_id
        st.switch_page("app_pages/review.py")


def show_queue(identity: StaffIdentity) -> None:
    """The status filter, the matching stories, and a way to open one."""
    chosen = st.multiselect("Show stories that are", [s.value for s in Status],
                            default=[s.value for s in QUEUE_STATUSES], key="queue_filter")
    items = run(queue, chosen or None, who=identity) or []
    if not items:
        st.info("No story matches this filter.")
        return
    now = utcnow()
    st.dataframe(
        [{"Title": i.title, "Status": i.status, "Waiting for": age(i.created_at, now),
          "Detected identifiers": finding_kinds(i.findings), "Id": i.public_id} for i in items],
        hide_index=True, width="stretch",
    )
    open_in_review({i.id: f"{i.title} ({i.status}, {i.public_id})" for i in items}, "queue")


def show_expiring(identity: StaffIdentity) -> None:
    """Stories whose authorization ends within the notice period (ids only, no text)."""
    days = get_settings().expiry_notice_days
    st.subheader(f"Authorizations ending within {days} days")
    rows = run(expiring_rows, date.today(), days, who=identity)
    if rows is None:
        return
    if not rows:
        st.caption("None. No authorization ends in that time.")
        return
    st.caption("When an authorization ends, the story is taken down. Open one in Review "
               "to ask its author whether she still stands by it.")
    st.dataframe(
        [{"Id": r.public_id, "Status": r.status, "Ends on": str(r.expires_on),
          "Re-confirmation": f"asked {r.reconfirm_asked_at:%Y-%m-%d}"
          if r.reconfirm_asked_at else "not asked"} for r in rows],
        hide_index=True, width="stretch",
    )
    open_in_review({r.id: f"{r.public_id} ({r.status}, ends {r.expires_on})" for r in rows},
                   "queue_expiring")


def show_overdue_takedowns(identity: StaffIdentity) -> None:
    """Above the queue: copies of withdrawn or expired stories still out past their time."""
    overdue = run(open_tasks, who=identity, overdue_only=True)
    if overdue:
        st.error(f"{len(overdue)} overdue takedown(s): a copy of a withdrawn or expired story "
                 "is still recorded as in use. Take it down and record it.")
        st.page_link("app_pages/takedowns.py", label="Open the takedowns")


def main() -> None:
    """Render the page."""
    staff_page("Queue")
    identity = require_staff("review")
    st.title("Moderation queue")
    show_flash()
    counts = run(status_counts, who=identity)
    if counts is None:
        return
    show_counts(counts)
    show_overdue_takedowns(identity)
    show_queue(identity)
    st.divider()
    show_expiring(identity)


main()
