"""The patient's "Short excerpts the clinic would like to use", called once from Check my story.

Kept apart from `check.py` so that page stays as it is: one call,
`show_excerpts(code)`.  Each excerpt waiting for her answer is shown exactly
(escaped plain text, never Markdown), with *I approve this excerpt* and
*Decline* (with an optional comment); both name the words on her screen by
their hash (`seen_revision`), so a changed excerpt is never approved unseen.
The excerpts she approved are listed below; where they are used is in
"Where your story is used".
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import act, flash, run, seen_revision, show_text
from stories.distribution.excerpts import (
    MAX_EXCERPT_COMMENT,
    ExcerptStatus,
    decline,
    for_patient,
    sign_off,
)

HEADING = "Short excerpts the clinic would like to use"
INTRO = ("The clinic would like to quote these short parts of your story in print and social "
         "media, which you allowed. Nothing is used until you approve it, word for word. "
         "Saying no changes nothing else about your story.")
APPROVED = "Excerpts you approved"


def answer_one(code: str, excerpt) -> None:
    """One proposed excerpt, exactly, with approve and decline."""
    seen = seen_revision(f"excerpt-{excerpt.excerpt_id}", excerpt.excerpt_id,
                         excerpt.content_hash)
    with st.container(border=True):
        show_text(excerpt.text, "blockquote", "excerpt")
        if st.button("I approve this excerpt", type="primary",
                     key=f"excerpt_approve_{excerpt.excerpt_id}") \
                and act(sign_off, code, excerpt.excerpt_id, seen):
            flash("Thank you. You approved the excerpt; the clinic may now quote it.")
            st.rerun()
        with st.form(f"excerpt_decline_{excerpt.excerpt_id}"):
            comment = st.text_area("Not happy with it? Tell the clinic why (optional)",
                                   max_chars=MAX_EXCERPT_COMMENT,
                                   key=f"excerpt_comment_{excerpt.excerpt_id}")
            declined = st.form_submit_button("Decline")
        if declined and act(decline, code, excerpt.excerpt_id, seen, comment):
            flash("You declined the excerpt. The clinic will not use it.")
            st.rerun()


def show_excerpts(code: str) -> None:
    """Excerpts waiting for her answer, then the ones she approved; nothing when there are none."""
    found = run(for_patient, code)
    if not found:
        return
    waiting = [e for e in found if e.status == ExcerptStatus.PROPOSED.value]
    approved = [e for e in found if e.status == ExcerptStatus.SIGNED_OFF.value]
    st.subheader(HEADING)
    if waiting:
        st.markdown(INTRO)
        for excerpt in waiting:
            answer_one(code, excerpt)
    if approved:
        st.markdown(f"**{APPROVED}:**")
        for excerpt in approved:
            show_text(excerpt.text, "blockquote", "excerpt")
            st.caption(f"You approved it on {excerpt.answered_on}.")
