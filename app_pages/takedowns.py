"""Takedowns (staff who review or publish): copies still to come down, and the ledger's forms.

Shows every open takedown task, overdue ones first and marked (open longer
than `STORIES_TAKEDOWN_OVERDUE_DAYS`); a form to record that a copy was
taken down (who: the signed-in account; when: the date given), and a form
to record where an approved story was used, refused unless the patient's
authorization covers that channel today.  Stories are named by their
opaque id; places and notes are the clinic's words, shown in tables only.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from app_pages.common import attempt, flash, require_staff, run, show_flash
from app_pages.staff_ui import staff_page
from app_pages.use_form import place_fields, record
from moderation import takedowns

TITLE = "Takedowns"


def _place(task) -> str:
    """The clinic's words for the place, and which excerpt was quoted there (if one was)."""
    return task.where_used + (f" (excerpt {task.excerpt_id})" if task.excerpt_id else "")


def show_tasks(lines) -> None:
    """Open tasks as a table, overdue ones first."""
    overdue = [t for t in lines if t.overdue]
    columns = st.columns(2)
    columns[0].metric("Open takedowns", len(lines))
    columns[1].metric("Overdue", len(overdue))
    st.caption("Website copies close when an export no longer includes the story. If you "
               "upload the Export page's zip by hand, also delete the files it lists under "
               "“To remove from the site”.")
    if overdue:
        st.error(f"{len(overdue)} takedown(s) are overdue. Take these copies down first.")
    if not lines:
        st.success("No copy is waiting to be taken down.")
        return
    ordered = sorted(lines, key=lambda t: (not t.overdue, t.task_id))
    st.dataframe([{"task": t.task_id, "story": t.public_id, "channel": t.channel,
                   "where": "website file (removed by the next export)" if t.automatic
                   else _place(t), "why": t.reason, "opened": f"{t.opened_at:%Y-%m-%d}",
                   "days open": t.age_days, "overdue": "OVERDUE" if t.overdue else ""}
                  for t in ordered], hide_index=True)


def close_form(identity, lines) -> None:
    """Record a manual copy as taken down (website copies close themselves)."""
    manual = {t.task_id: t for t in lines if not t.automatic}
    st.subheader("Record a copy taken down")
    if not manual:
        st.caption("No copy needs a person to take it down.")
        return
    with st.form("takedown_close"):
        task_id = st.selectbox("Takedown", list(manual), key="takedown_task",
                               format_func=lambda i: f"Task {i} · story {manual[i].public_id} "
                                                     f"· {manual[i].channel}")
        day = st.date_input("Taken down on", value=date.today(), max_value=date.today(),
                            key="takedown_on")
        pressed = st.form_submit_button("Record as taken down", type="primary")
    if pressed:
        done, refused = attempt(takedowns.record_taken_down, task_id, day, who=identity)
        if done is not None:
            flash(f"Takedown {task_id} recorded as done.")
            st.rerun()
        if refused is not None:
            st.error(str(refused))


def use_form(identity) -> None:
    """Record where an approved story was used; refused unless consent covers the channel."""
    st.subheader("Record where a story was used")
    usable = run(takedowns.usable_stories, who=identity) or []
    labels = takedowns.channel_labels(whole_story=True)
    st.caption("A use of a short excerpt is recorded on the Excerpts page, with the excerpt "
               "the patient approved.")
    if not usable:
        st.caption("No approved story can be used at the moment.")
        return
    by_id = {u.public_id: u for u in usable}
    with st.form("ledger_use"):
        story = st.selectbox("Story (approved title and id)", list(by_id), key="use_story",
                             format_func=lambda p: f"{by_id[p].title} · {p} · consented: "
                                                   f"{', '.join(by_id[p].channels) or 'nothing'}")
        channel = st.selectbox("Channel", list(labels), key="use_channel",
                               format_func=lambda k: labels[k])
        where, used_on, note = place_fields("use")
        pressed = st.form_submit_button("Record this use")
    if pressed:
        record(takedowns.record_use, story, channel, where, used_on, note, who=identity)


def main() -> None:
    """Render the page."""
    staff_page(TITLE, wide=True)
    identity = require_staff("review", "export")
    st.title(TITLE)
    show_flash()
    lines = run(takedowns.open_tasks, who=identity)
    if lines is None:
        return
    show_tasks(lines)
    close_form(identity, lines)
    use_form(identity)


main()
