"""Review one story: decide at the top, then the text beside its findings.

The page reads top-down in the order a moderator works: the story's state and
the re-identification hints (each quoting the sentence that triggered it),
the decisions (approve, send for sign-off, request changes, reject with a
reason and a confirmation), then the highlighted text with a colour legend
beside the list of findings, each in plain words and in context with its own
Redact / Keep buttons named after the words they act on.  Edits, the diff,
notes, consent and history follow.

The page gets plain read models (`moderation.queue.ReviewView`), never ORM
rows.  Every action is a button callback whose arguments are bound when the
button is drawn: the revision hash of the text on screen goes with it, so if
someone changed the story in between, the service's compare-and-set refuses
with its "changed by someone else" message.  A callback acts as the account
signed in at the click (checked again then), not as the one that drew the
button.
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import (
    require_staff,
    run,
    show_flash,
    show_html,
    show_text,
)
from app_pages.review_actions import act_now, action_button, show_actions, show_decisions
from app_pages.staff_ui import REVIEW_KEY, label_words, staff_page
from moderation import review as actions
from moderation.queue import (
    LEGEND,
    ReviewView,
    hint_sentences,
    in_context,
    kind_words,
    review,
)
from stories.config import (
    MAX_BODY_CHARS,
    MAX_DISPLAY_NAME_CHARS,
    MAX_TITLE_CHARS,
)
from stories.markup import highlight_html, render_diff_html
from stories.scans import field_text
from stories.workflow import Action

EDIT_FOR = "review_edit_for"
FIELD_WORDS = {"title": "the title", "body": "the story", "name": "the name shown"}


def show_header(view: ReviewView) -> None:
    """Title, status, who it is shown as, sign-off state and hints."""
    story = view.story
    show_text(view.revision.title, "h2")
    st.caption(f"Id {story.public_id} · status **{story.status}** · revision "
               f"{view.revision.number}")
    topics = ", ".join(story.tags.split(",")) if story.tags else "none"
    st.caption(f"Chosen naming: {story.display_mode} · topics: {topics}")
    if view.signed_off_current:
        st.success("The patient signed off this exact text.")
    elif story.signed_off_hash:
        st.warning("The patient signed off an earlier text, not this one.")
    else:
        st.caption("The patient has not signed off this text.")
    if story.patient_comment:
        st.markdown("**The patient's comment:**")
        show_text(story.patient_comment, "blockquote")
    show_hints(view)


def show_hints(view: ReviewView) -> None:
    """Each re-identification hint, opening onto the sentence(s) that triggered it.

    One line per hint (an expander), so the decisions stay near the top.
    """
    body = view.revision.body
    for hint in view.hint_details:
        with st.expander(hint.message, icon=":material/warning:"):
            for begin, stop in hint_sentences(body, hint):
                marks = [(s - begin, e - begin, "hint") for s, e in hint.spans
                         if begin <= s and e <= stop]
                show_html('<p class="hint-sentence">' + highlight_html(body[begin:stop], marks)
                          + "</p>")


def show_legend() -> None:
    """What each highlight colour means, in plain words."""
    items = " ".join(f'<mark class="finding finding-{kinds[0].lower()}">{words}</mark>'
                     for words, kinds in LEGEND)
    show_html(f'<p class="legend">Colours: {items}</p>')


def show_text_panel(view: ReviewView) -> None:
    """The current text with every finding highlighted by kind, and the legend."""
    st.subheader("Current text")
    show_legend()

    def spans(field: str):
        return [f.finding for f in view.findings if f.field == field]

    with st.container(border=True, key="review_text"):
        show_html(f"<h3>{highlight_html(view.revision.title, spans('title'))}</h3>")
        name = view.revision.display_name
        shown = highlight_html(name, spans("name")) if name else "Anonymous"
        show_html(f"<p>Shown on the website as: <strong>{shown}</strong></p>")
        show_html(highlight_html(view.revision.body, spans("body")))


def finding_line(view: ReviewView, item) -> str:
    """One finding as HTML: its kind in words, its state, its words marked in context."""
    f = item.finding
    text = field_text(view.revision, item.field)
    near = in_context(text, f.start, f.end)
    snippet = near.before + near.words + near.after
    start = len(near.before)
    marked = highlight_html(snippet, [(start, start + len(near.words), f.kind)])
    state = "kept as it is" if item.kept else "open"
    return (f"<p><strong>{kind_words(f.kind).capitalize()}</strong> in "
            f"{FIELD_WORDS[item.field]} ({state}):<br>{marked}</p>")


def button_names(view: ReviewView) -> list[str]:
    """What each finding's buttons act on: “words” (kind), numbered when words repeat.

    Every Redact and Keep button gets a name of its own (WCAG 2.4.6, 4.1.2):
    a screen reader lists "Redact “Leeds” (a place, 2 of 2)", not eight "Redact".
    """
    bases = []
    for item in view.findings:
        f = item.finding
        words = label_words(field_text(view.revision, item.field)[f.start:f.end])
        bases.append(f"“{words}” ({kind_words(f.kind)}")
    seen: dict[str, int] = {}
    names = []
    for base in bases:
        seen[base] = seen.get(base, 0) + 1
        total = bases.count(base)
        names.append(f"{base}, {seen[base]} of {total})" if total > 1 else f"{base})")
    return names


def show_findings(view: ReviewView, expected: str) -> None:
    """Each finding in context with Redact / Keep, and Redact-all per kind."""
    st.subheader(f"Detected identifiers ({len(view.findings)})")
    if not view.findings:
        st.caption("Nothing detected. Still read the text yourself.")
        return
    can_redact = Action.EDIT in view.actions
    can_keep = Action.KEEP_FINDING in view.actions
    story_id = view.story.id
    if can_redact:
        kinds = sorted({item.finding.kind for item in view.findings})
        row = st.container(horizontal=True)
        for kind in kinds:
            count = sum(item.finding.kind == kind for item in view.findings)
            action_button(row, f"Redact all ({count}): {kind_words(kind)}",
                          f"review_redact_all_{kind}", f"Redacted all: {kind_words(kind)}.",
                          actions.redact_findings, story_id, expected, kind=kind)
    for n, (item, named) in enumerate(zip(view.findings, button_names(view), strict=True)):
        f = item.finding
        with st.container(border=True):
            show_html(finding_line(view, item))
            buttons = st.container(horizontal=True)  # sized to their names, wrapping
            if can_redact:
                action_button(buttons, f"Redact {named}", f"review_redact_{n}",
                              f"Redacted one: {kind_words(f.kind)}.", actions.redact_findings,
                              story_id, expected, keys=[item.key])
            if can_keep and not item.kept:
                action_button(buttons, f"Keep {named}", f"review_keep_{n}",
                              f"Kept one as it is: {kind_words(f.kind)}.", actions.keep_finding,
                              story_id, expected, item.key)


def show_diff(view: ReviewView) -> None:
    """The patient's original against the current text."""
    st.subheader("Changes from the patient's original")
    if view.original.content_hash == view.revision.content_hash:
        st.caption("No changes: this is exactly what the patient wrote.")
    show_html(f"<h4>{render_diff_html(view.original.title, view.revision.title)}</h4>")
    if view.original.display_name != view.revision.display_name:
        show_html("<p>Shown as: " + render_diff_html(view.original.display_name or "Anonymous",
                                                     view.revision.display_name or "Anonymous")
                  + "</p>")
    show_html(render_diff_html(view.original.body, view.revision.body))


EDIT_FIELDS = ("review_edit_title", "review_edit_body", "review_edit_name")
EDIT_KEEP = "review_edit_keep"  # a refused save keeps what the moderator typed


def _save_edit(story_id: int, expected: str) -> None:
    """Callback of "Save as a new revision": the form's fields against the text on screen."""
    title, body, name = (st.session_state.get(key, "") for key in EDIT_FIELDS)
    if not act_now("Saved a new revision.", actions.edit, story_id, expected, title, body,
                display_name=name):
        st.session_state[EDIT_KEEP] = True


def show_edit(view: ReviewView, expected: str) -> None:
    """A free edit of title and body, saved as a new revision."""
    if Action.EDIT not in view.actions:
        return
    marker = (view.story.id, view.revision.content_hash)
    keep = st.session_state.pop(EDIT_KEEP, False)
    if st.session_state.get(EDIT_FOR) != marker and not keep:
        for key, value in zip(EDIT_FIELDS, (view.revision.title, view.revision.body,
                                            view.revision.display_name), strict=True):
            st.session_state[key] = value
        st.session_state[EDIT_FOR] = marker
    with st.expander("Edit the text"), st.form("review_edit"):
        st.text_input("Title", max_chars=MAX_TITLE_CHARS, key="review_edit_title")
        st.text_input("Shown on the website as (empty: Anonymous)",
                      max_chars=MAX_DISPLAY_NAME_CHARS, key="review_edit_name")
        st.text_area("Story", height=300, max_chars=MAX_BODY_CHARS, key="review_edit_body")
        st.form_submit_button("Save as a new revision", key="review_edit_save",
                              on_click=_save_edit, args=(view.story.id, expected))


def show_consent(view: ReviewView) -> None:
    """Each consent check: pass or fail, and why."""
    with st.expander("Consent", expanded=not all(c.passed for c in view.consent_checks)):
        for check in view.consent_checks:
            mark = "✅" if check.passed else "❌"
            show_text(f"{mark} {check.name}: {check.why}")


def show_revisions(view: ReviewView) -> None:
    """Every revision, oldest first."""
    with st.expander(f"Revisions ({len(view.revisions)})"):
        st.dataframe([{"#": r.number, "By": r.author_kind, "What": r.summary or "submitted",
                       "Identifiers": r.finding_summary or "none",
                       "When": f"{r.created_at:%Y-%m-%d %H:%M}", "Hash": r.content_hash[:12]}
                      for r in view.revisions], hide_index=True, width="stretch")


def main() -> None:
    """Render the page."""
    staff_page("Review", wide=True)
    identity = require_staff("review")
    st.title("Review")
    show_flash()
    story_id = st.session_state.get(REVIEW_KEY)
    if story_id is None:
        st.info("Choose a story on the Queue page first.")
        st.page_link("app_pages/queue.py", label="Open the queue")
        return
    view = run(review, story_id, who=identity)
    if view is None:
        return
    expected = view.revision.content_hash  # the text on screen: every action names it
    show_header(view)
    show_decisions(view, expected)
    text_column, findings_column = st.columns(2, gap="large")
    with text_column:
        show_text_panel(view)
    with findings_column:
        show_findings(view, expected)
    show_diff(view)
    show_edit(view, expected)
    show_actions(view)
    show_consent(view)
    show_revisions(view)


main()
