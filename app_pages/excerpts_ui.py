"""The patient's "Short excerpts the clinic would like to use", called once from Check my story.

Kept apart from `check.py` so that page stays as it is: one call,
`show_excerpts(code)`.  Each excerpt waiting for her answer is shown exactly
(escaped plain text, never Markdown), with *I approve this excerpt* and
*Decline* (with an optional comment); both are callbacks bound to the hash of
the words drawn on her screen, so a changed excerpt is never approved unseen.
The excerpts she approved are listed below; where they are used is in
"Where your story is used".
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import act_on_click, run, show_text
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
    """One proposed excerpt, exactly, with approve and decline bound to the hash of its words."""
    shown = (code, excerpt.excerpt_id, excerpt.content_hash)
    with st.container(border=True):
        show_text(excerpt.text, "blockquote", "excerpt")
        st.button("I approve this excerpt", type="primary",
                  key=f"excerpt_approve_{excerpt.excerpt_id}", on_click=act_on_click,
                  args=("Thank you. You approved the excerpt; the clinic may now quote it.",
                        sign_off, *shown))
        with st.form(f"excerpt_decline_{excerpt.excerpt_id}"):
            st.text_area("Not happy with it? Tell the clinic why (optional)",
                         max_chars=MAX_EXCERPT_COMMENT, key=_comment_key(excerpt.excerpt_id))
            st.form_submit_button("Decline", on_click=_decline, args=shown)


def _comment_key(excerpt_id: int) -> str:
    return f"excerpt_comment_{excerpt_id}"


def _decline(code: str, excerpt_id: int, shown_hash: str) -> None:
    """Callback: decline the words whose hash was on her screen, with her comment."""
    act_on_click("You declined the excerpt. The clinic will not use it.", decline, code,
                 excerpt_id, shown_hash, st.session_state.get(_comment_key(excerpt_id), ""))


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
