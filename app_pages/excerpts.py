"""Excerpts (staff who review or publish): short passages of approved stories, signed off by their authors.

Moderators pick an approved story whose consent covers excerpts today, read
its approved text, paste or write a short passage, see what the scan finds
in it, and propose it: the patient approves it word for word on Check my
story.  Everyone on the page sees the excerpts with their status and whether
each may be used today, records where a usable one was used (the ledger ties
the use to the excerpt's hash), and downloads the file of usable excerpts
for print and social media.  Moderators retire an excerpt; its uses still
out there go on the takedown list.  The words are shown escaped, in tables
or as plain text, never parsed as Markdown.
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import (
    attempt,
    flash,
    private_download,
    require_staff,
    run,
    show_flash,
    show_html,
    show_text,
)
from app_pages.staff_ui import staff_page
from app_pages.use_form import place_fields, record
from moderation import excerpts as staff_excerpts
from stories.db import transaction
from stories.distribution.excerpt_export import FILE_NAME
from stories.distribution.excerpts import MAX_EXCERPT_CHARS, MIN_EXCERPT_CHARS, ExcerptStatus
from stories.markup import render_html

TITLE = "Excerpts"
_CLEAR = "_excerpt_clear"  # set after a proposal: empty the text box on the next run
RETIRABLE = (ExcerptStatus.PROPOSED.value, ExcerptStatus.SIGNED_OFF.value)


def show_preview(identity, public_id: str, text: str) -> None:
    """What the scan finds in the passage (nothing is written); a refusal shows as a caption."""
    found, refused = attempt(staff_excerpts.preview, public_id, text, who=identity)
    if refused is not None:
        st.caption(str(refused))
    if found is None:
        return
    origin = "word for word from the story" if found.verbatim else "written from the story"
    st.caption(f"{found.chars} characters, {origin}.")
    if found.leftovers:
        st.error("This excerpt holds a word of a name or detail that was removed from her "
                 "story. Leave it out.")
    if found.finding_kinds:
        kinds = ", ".join(sorted({k.lower() for k in found.finding_kinds}))
        st.warning(f"{len(found.finding_kinds)} possible identifier(s) in this excerpt: {kinds}. "
                   "Check each one before proposing it.")


def propose_form(identity) -> None:
    """Pick a story, read its approved text, write or paste the excerpt, propose it."""
    st.subheader("Propose an excerpt")
    if st.session_state.pop(_CLEAR, False):
        st.session_state["excerpt_text"] = ""
        st.session_state["excerpt_checked"] = False
    stories = run(staff_excerpts.candidates, who=identity) or []
    if not stories:
        st.caption("No approved story allows excerpts at the moment.")
        return
    by_id = {c.public_id: c for c in stories}
    public_id = st.selectbox("Story (approved title and id)", list(by_id), key="excerpt_story",
                             format_func=lambda p: f"{by_id[p].title} · {p}")
    with st.expander("Its approved text", expanded=True):
        show_text(by_id[public_id].title, "h3")
        show_html(render_html(by_id[public_id].body))
    text = st.text_area(f"The excerpt ({MIN_EXCERPT_CHARS} to {MAX_EXCERPT_CHARS} characters): "
                        "copy a passage, or write a short one from the text",
                        max_chars=MAX_EXCERPT_CHARS, key="excerpt_text")
    if text.strip():
        show_preview(identity, public_id, text)
    checked = st.checkbox("I checked every possible identifier: none of them identifies anyone",
                          key="excerpt_checked")
    if st.button("Propose to the patient", type="primary", key="excerpt_propose"):
        made, refused = attempt(staff_excerpts.propose, public_id, text,
                                checked_findings=checked, who=identity)
        if made is not None:
            st.session_state[_CLEAR] = True
            flash(f"Excerpt {made.id} proposed. The patient is asked to approve it on Check my "
                  "story.")
            st.rerun()
        if refused is not None:
            st.error(str(refused))


def show_list(lines) -> None:
    """Every excerpt in its words, with its status, whether it may be used today, her comment."""
    st.subheader("Excerpts")
    if not lines:
        st.caption("No excerpt has been proposed yet.")
        return
    for x in lines:
        with st.container(border=True):
            origin = "verbatim" if x.verbatim else "written by the clinic"
            usable = "may be used today" if x.usable else f"not usable: {x.why_not_usable}"
            st.markdown(f"**Excerpt {x.excerpt_id}** · story {x.public_id} · {x.status} · "
                        f"{origin} · {usable} · uses out there: {x.active_uses}")
            show_text(x.text, "blockquote", "excerpt")
            if x.patient_comment:
                st.caption("Her comment:")
                show_text(x.patient_comment)


def retire_form(identity, lines) -> None:
    """Retire an excerpt: no new uses; its uses still out there go on the takedown list."""
    open_ones = {x.excerpt_id: x for x in lines if x.status in RETIRABLE}
    if not open_ones:
        return
    with st.form("excerpt_retire"):
        chosen = st.selectbox("Retire an excerpt", list(open_ones), key="excerpt_retire_id",
                              format_func=lambda i: f"Excerpt {i} · story {open_ones[i].public_id}"
                                                    f" · {open_ones[i].status}")
        st.caption("Its uses still out there are put on the takedown list.")
        pressed = st.form_submit_button("Retire this excerpt")
    if pressed:
        done, refused = attempt(staff_excerpts.retire, chosen, who=identity)
        if done is not None:
            flash(f"Excerpt {chosen} retired.")
            st.rerun()
        if refused is not None:
            st.error(str(refused))


def use_form(identity, lines) -> None:
    """Record where a usable excerpt was used; the ledger ties the use to its hash."""
    usable = {x.excerpt_id: x for x in lines if x.usable}
    st.subheader("Record where an excerpt was used")
    if not usable:
        st.caption("No excerpt may be used today.")
        return
    with st.form("excerpt_use"):
        chosen = st.selectbox("Excerpt", list(usable), key="excerpt_use_id",
                              format_func=lambda i: f"Excerpt {i} · story {usable[i].public_id}")
        where, used_on, note = place_fields("excerpt_use")
        pressed = st.form_submit_button("Record this use")
    if pressed:
        record(staff_excerpts.record_use, chosen, where, used_on, note, who=identity)


def excerpts_file(identity) -> str:
    """The file of usable excerpts, made when the button is pressed."""
    with transaction() as session:
        return staff_excerpts.export_text(who=identity, session=session)


def main() -> None:
    """Render the page."""
    staff_page(TITLE, wide=True)
    identity = require_staff("review", "export")
    st.title(TITLE)
    show_flash()
    if identity.can("review"):
        propose_form(identity)
    lines = run(staff_excerpts.listing, who=identity)
    if lines is None:
        return
    show_list(lines)
    if identity.can("review"):
        retire_form(identity, lines)
    use_form(identity, lines)
    private_download("excerpts", "Download the usable excerpts", lambda: excerpts_file(identity),
                     filename=FILE_NAME, mime="text/markdown",
                     permission="review" if identity.can("review") else "export",
                     help_text="Only the excerpts that may be used today, for print and social "
                               "media.")


main()
