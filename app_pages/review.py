"""Review one story: decide at the top, then the text beside its findings.

The page reads top-down in the order a moderator works: the story's state and
the re-identification hints (each quoting the sentence that triggered it),
the decisions (approve, send for sign-off, request changes, reject with a
reason and a confirmation), then the highlighted text with a colour legend
beside the list of findings, each in plain words and in context with its own
Redact / Keep buttons named after the words they act on.  Edits, the diff,
notes, consent and history follow.

Every action sends the revision hash of the text the moderator was looking
at (the one rendered on the previous run), so if someone changed the story
in between, the service refuses with its "changed by someone else" message.
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import (
    act,
    flash,
    require_staff,
    run,
    seen_revision,
    show_flash,
    show_html,
    show_text,
)
from app_pages.staff_ui import label_words, staff_page
from moderation import admin as actions_admin
from moderation import review as actions
from moderation.queue import (
    LEGEND,
    ReviewView,
    hint_sentences,
    in_context,
    kind_words,
    review,
)
from moderation.roles import StaffIdentity
from stories.config import (
    MAX_BODY_CHARS,
    MAX_COMMENT_CHARS,
    MAX_DISPLAY_NAME_CHARS,
    MAX_TITLE_CHARS,
)
from stories.markup import highlight_html, render_diff_html
from stories.rejection import REASONS
from stories.scans import field_text

REVIEW_KEY = "review_story_id"
EDIT_FOR = "review_edit_for"
FIELD_WORDS = {"title": "the title", "body": "the story", "name": "the name shown"}
REJECT_PENDING = "review_reject_pending"
HOW = {"paper": "On paper (letter or form)", "phone": "By phone", "email": "By email"}


def done(message: str) -> None:
    """Confirm an action and reload the story."""
    flash(message)
    st.rerun()


def action_button(where, label: str, key: str, message: str, fn, *args, **kwargs) -> None:
    """A button that calls service `fn` and, when it went through, reloads."""
    if where.button(label, key=key) and act(fn, *args, **kwargs):
        done(message)


def show_header(view: ReviewView) -> None:
    """Title, status, who it is shown as, sign-off state and hints."""
    story = view.story
    show_text(view.revision.title, "h2")
    st.caption(f"Id {story.public_id} · status **{story.status}** · revision "
               f"{view.revision.number}")
    st.caption(f"Chosen naming: {story.display_mode} · topics: {story.tags or 'none'}")
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


def show_findings(view: ReviewView, who: StaffIdentity, expected: str) -> None:
    """Each finding in context with Redact / Keep, and Redact-all per kind."""
    st.subheader(f"Detected identifiers ({len(view.findings)})")
    if not view.findings:
        st.caption("Nothing detected. Still read the text yourself.")
        return
    can_redact = "edit" in view.actions
    can_keep = "keep finding" in view.actions
    story_id = view.story.id
    if can_redact:
        kinds = sorted({item.finding.kind for item in view.findings})
        row = st.container(horizontal=True)
        for kind in kinds:
            count = sum(item.finding.kind == kind for item in view.findings)
            action_button(row, f"Redact all ({count}): {kind_words(kind)}",
                          f"review_redact_all_{kind}", f"Redacted all: {kind_words(kind)}.",
                          actions.redact_findings, story_id, expected, kind=kind, who=who)
    for n, (item, named) in enumerate(zip(view.findings, button_names(view), strict=True)):
        f = item.finding
        with st.container(border=True):
            show_html(finding_line(view, item))
            buttons = st.container(horizontal=True)  # sized to their names, wrapping
            if can_redact:
                action_button(buttons, f"Redact {named}", f"review_redact_{n}",
                              f"Redacted one: {kind_words(f.kind)}.", actions.redact_findings,
                              story_id, expected, keys=[item.key], who=who)
            if can_keep and not item.kept:
                action_button(buttons, f"Keep {named}", f"review_keep_{n}",
                              f"Kept one as it is: {kind_words(f.kind)}.", actions.keep_finding,
                              story_id, expected, item.key, who=who)


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


def show_edit(view: ReviewView, who: StaffIdentity, expected: str) -> None:
    """A free edit of title and body, saved as a new revision."""
    if "edit" not in view.actions:
        return
    marker = (view.story.id, view.revision.content_hash)
    if st.session_state.get(EDIT_FOR) != marker and not st.session_state.get("review_edit_save"):
        st.session_state["review_edit_title"] = view.revision.title
        st.session_state["review_edit_body"] = view.revision.body
        st.session_state["review_edit_name"] = view.revision.display_name
        st.session_state[EDIT_FOR] = marker
    with st.expander("Edit the text"), st.form("review_edit"):
        title = st.text_input("Title", max_chars=MAX_TITLE_CHARS, key="review_edit_title")
        name = st.text_input("Shown on the website as (empty: Anonymous)",
                             max_chars=MAX_DISPLAY_NAME_CHARS, key="review_edit_name")
        body = st.text_area("Story", height=300, max_chars=MAX_BODY_CHARS,
                            key="review_edit_body")
        saved = st.form_submit_button("Save as a new revision", key="review_edit_save")
    if saved and run(actions.edit, view.story.id, expected, title, body, who=who,
                     display_name=name):
        done("Saved a new revision.")


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


def _message_action(view, who, expected, action: str, label: str, fn, required: bool) -> None:
    """A form with a message for the patient and one button."""
    if action not in view.actions:
        return
    with st.form(f"review_{action}"):
        words = "Message to the patient" + ("" if required else " (optional)")
        message = st.text_area(words, max_chars=MAX_COMMENT_CHARS, height=100)
        pressed = st.form_submit_button(label, type="primary" if not required else "secondary")
    if pressed and act(fn, view.story.id, expected, message, who=who):
        done(f"Done: {action}.")


def show_decisions(view: ReviewView, who: StaffIdentity, expected: str) -> None:
    """The primary actions, at the top: start, approve, sign-off, changes, reject."""
    story_id = view.story.id
    if "start review" in view.actions:
        action_button(st, "Start review", "review_start", "Review started.",
                      actions.start_review, story_id, who=who)
    if "approve" in view.actions:
        action_button(st, "Approve for publication", "review_approve",
                      "Approved. It will be published at the next export.",
                      actions.approve, story_id, expected, who=who)
    forms = [(a, t) for a, t in (("send for sign-off", "Send for sign-off"),
                                 ("request changes", "Request changes"), ("reject", "Reject"))
             if a in view.actions]
    if not forms:
        return
    st.markdown("**Decide**")
    for (action, _), tab in zip(forms, st.tabs([t for _, t in forms]), strict=True):
        with tab:
            if action == "send for sign-off":
                _message_action(view, who, expected, action, "Send to the patient for sign-off",
                                actions.send_for_signoff, False)
            elif action == "request changes":
                _message_action(view, who, expected, action, "Request changes",
                                actions.request_changes, True)
            else:
                show_reject(view, who, expected)


def show_reject(view: ReviewView, who: StaffIdentity, expected: str) -> None:
    """Reject in two steps: choose a reason (none preselected), then confirm.

    The confirmation shows the sentence the patient will read on her page.
    """
    story_id = view.story.id
    with st.form("review_reject"):
        reason = st.selectbox("Reason for not publishing", list(REASONS), index=None,
                              format_func=lambda code: REASONS[code].staff,
                              placeholder="Choose a reason", key="review_reject_reason")
        pressed = st.form_submit_button("Reject…")
    if pressed:
        if reason is None:
            st.error("Please choose a reason first.")
            st.session_state.pop(REJECT_PENDING, None)
        else:
            st.session_state[REJECT_PENDING] = (story_id, reason)
    pending = st.session_state.get(REJECT_PENDING)
    if not pending or pending[0] != story_id:
        return
    chosen = REASONS[pending[1]]
    st.warning(f"Reject this story? Reason: {chosen.staff} The patient will read on her "
               f"page: “{chosen.patient}” This cannot be undone here.")
    yes, no = st.columns(2)
    if no.button("Cancel, keep the story", key="review_reject_cancel"):
        st.session_state.pop(REJECT_PENDING, None)
        st.rerun()
    if yes.button("Yes, reject the story", type="primary", key="review_reject_confirm") and act(
            actions.reject, story_id, expected, pending[1], who=who):
        st.session_state.pop(REJECT_PENDING, None)
        done("Rejected. The patient sees the reason on her Check my story page.")


def show_actions(view: ReviewView, who: StaffIdentity, expected: str) -> None:
    """The other actions: a staff note, re-confirmation and a withdrawal by letter."""
    st.subheader("More actions")
    story_id = view.story.id
    if "note" in view.actions:
        with st.form("review_note"):
            note = st.text_area("Staff note (never shown to the patient or published)",
                                value=view.story.staff_note, max_chars=MAX_COMMENT_CHARS)
            pressed = st.form_submit_button("Save note")
        if pressed and act(actions.add_note, story_id, note, who=who):
            done("Note saved.")
    show_reconfirm(view, who)
    if "withdraw" in view.actions:
        show_withdraw(view, who)


def show_reconfirm(view: ReviewView, who: StaffIdentity) -> None:
    """Whether the author was asked if she still stands by her story; ask her."""
    if "request re-confirmation" not in view.actions:
        return
    asked = view.story.reconfirm_requested_at
    st.markdown("**Re-confirmation by the author**")
    st.caption(f"Asked on {asked:%Y-%m-%d}; waiting for her answer on the Check my story "
               "page." if asked else "Not asked.")
    label = "Ask the author to re-confirm again" if asked else "Ask the author to re-confirm"
    action_button(st, label, "review_reconfirm",
                  "Asked. The author sees the question when she opens her story with her "
                  "receipt code.", actions_admin.ask_reconfirmation, view.story.id, who=who)


def show_withdraw(view: ReviewView, who: StaffIdentity) -> None:
    """Record a withdrawal that reached the clinic on paper, by phone or email."""
    with st.expander("Record a withdrawal received on paper, by phone or email"):
        with st.form("review_withdraw"):
            how = st.selectbox("How did it reach the clinic?", list(HOW), format_func=HOW.get)
            reason = st.text_input("Reference (not stored; do not write personal details)")
            sure = st.checkbox("The patient asked to withdraw; erase the text now.")
            pressed = st.form_submit_button("Withdraw and erase")
        if pressed and not sure:
            st.error("Please tick the box to confirm.")
        elif pressed and act(actions.withdraw_for_patient, view.story.public_id, reason, how,
                             who=who):
            st.session_state.pop(REVIEW_KEY, None)
            done("Withdrawn; the text is erased.")


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
    expected = seen_revision("review", story_id, view.revision.content_hash)
    show_header(view)
    show_decisions(view, identity, expected)
    text_column, findings_column = st.columns(2, gap="large")
    with text_column:
        show_text_panel(view)
    with findings_column:
        show_findings(view, identity, expected)
    show_diff(view)
    show_edit(view, identity, expected)
    show_actions(view, identity, expected)
    show_consent(view)
    show_revisions(view)


main()
