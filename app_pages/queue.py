"""The moderation queue: counts per status, then stories oldest first.

Shows titles and the kinds of detected identifiers only (never story text);
choosing a story opens it on the Review page.
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import age, require_staff, run, show_flash
from moderation.queue import QUEUE_STATUSES, queue, status_counts
from stories.models import utcnow
from stories.workflow import Status

REVIEW_KEY = "review_story_id"


def finding_kinds(summary: str) -> str:
    """"DATE:1,PERSON:3" as "DATE 1, PERSON 3" ("none" when empty)."""
    parts = [p.replace(":", " ") for p in summary.split(",") if p]
    return ", ".join(parts) or "none"


def show_counts(counts: dict[str, int]) -> None:
    """One small metric per status."""
    statuses = list(Status)
    for start in range(0, len(statuses), 5):
        columns = st.columns(5)
        for column, status in zip(columns, statuses[start:start + 5], strict=False):
            column.metric(status.value.capitalize(), counts.get(status.value, 0))


def main() -> None:
    """Render the page."""
    identity = require_staff("review")
    st.title("Moderation queue")
    show_flash()
    counts = run(status_counts, who=identity)
    if counts is None:
        return
    show_counts(counts)
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
    labels = {i.id: f"{i.title} ({i.status}, {i.public_id})" for i in items}
    story_id = st.selectbox("Story to review", list(labels), format_func=labels.get,
                            key="queue_choice")
    if st.button("Open in Review", type="primary", key="queue_open"):
        st.session_state[REVIEW_KEY] = story_id
        st.switch_page("app_pages/review.py")


main()
