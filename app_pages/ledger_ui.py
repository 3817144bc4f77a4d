"""The patient's "Where your story is used" widget, called once from Check my story.

Kept apart from `check.py` so that page stays as it is: one call,
`show_where_used(code)`.  It says which uses she allowed (and lets her stop
one: its copies then get takedown tasks), and lists every place the clinic's ledger knows
(`stories.distribution.patient.where_used`): the channel, the place, since
when, the status of its takedown and, for a use of an excerpt, its words, then says honestly that copies other
people made are beyond the clinic's reach.  The places are the clinic's
words, shown in a table (never parsed as Markdown or HTML).
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import act, flash, run
from stories.distribution.channels import channels
from stories.distribution.patient import (
    OTHERS_MAY_HAVE_COPIES,
    chosen_channels,
    stop_channel,
    where_used,
)

HEADING = "Where your story is used"
NOWHERE = "Your story has not been used anywhere yet."
CHOSEN = "You allowed the clinic to use your story in: {}. The clinic may not use it anywhere else."


def show_where_used(code: str) -> None:
    """Every place her story went and what became of it, with the honest sentence."""
    lines, chosen = run(where_used, code), run(chosen_channels, code)
    if lines is None or chosen is None:
        return
    with st.expander(HEADING, expanded=any(not u.status.startswith("In use") for u in lines)):
        if chosen:
            st.markdown(CHOSEN.format("; ".join(c.lower() for c in chosen)))
        if not lines:
            st.markdown(NOWHERE)
        else:
            quoted = any(u.excerpt for u in lines)  # the excerpt's words, when one was used
            st.dataframe([{"Where": u.where, "Channel": u.channel, "Since": u.since,
                           "Status": u.status, **({"Excerpt": u.excerpt} if quoted else {})}
                          for u in lines], hide_index=True)
        st.caption(OTHERS_MAY_HAVE_COPIES)
        if chosen:
            stop_form(code, chosen)


def stop_form(code: str, chosen: list[str]) -> None:
    """Stop one use of her story (the others stay); its copies are then taken down."""
    keys = {c.label: c.key for c in channels().values() if c.label in chosen}
    with st.form("ledger_stop"):
        label = st.selectbox("Stop one use of my story", list(keys), index=None,
                             placeholder="Choose the use to stop", key="ledger_stop_channel")
        sure = st.checkbox("Yes, stop this use. The clinic takes down its copies there.",
                           key="ledger_stop_sure")
        pressed = st.form_submit_button("Stop this use")
    if pressed and label is None:
        st.error("Please choose the use you want to stop.")
    elif pressed and not sure:
        st.error("Please tick the box to confirm that you want to stop this use.")
    elif pressed and act(stop_channel, code, keys[label]):
        flash("Done. The clinic will no longer use your story there and is taking down its "
              "copies.")
        st.rerun()
