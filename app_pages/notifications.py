"""Notifications (admins): whether email notices are on, counts by status, recent failures.

Addresses are never shown in full (only a masked hint such as p•••@e•••.org),
and no message text is stored to show.
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import require_staff, run, show_flash
from moderation.notices import overview

OFF = ("Notifications are **off**: no SMTP server is configured (`STORIES_SMTP_URL`). "
       "No patient receives any email, and the opt-in is not offered.")
ON = ("Notifications are **on**. Messages are sent by `python -m stories notify send`, "
      "which should run every few minutes (cron or a systemd timer).")


def main() -> None:
    """Render the page."""
    identity = require_staff("manage")
    st.title("Notifications")
    show_flash()
    view = run(overview, who=identity)
    if view is None:
        return
    (st.success if view.on else st.warning)(ON if view.on else OFF)
    columns = st.columns(len(view.counts) + 1)
    for column, (status, count) in zip(columns, view.counts.items(), strict=False):
        column.metric(status.capitalize(), count)
    columns[-1].metric("Stories with notices on", view.opted_in)
    st.subheader("Recent failures")
    if not view.failures:
        st.caption("No message has failed.")
        return
    st.dataframe(
        [{"message": n.id, "kind": n.kind, "to": n.recipient, "attempts": n.attempts,
          "why": n.error, "queued": f"{n.created_at:%Y-%m-%d %H:%M}"} for n in view.failures],
        hide_index=True)


main()
