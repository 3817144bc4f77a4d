"""Review one story: findings, redaction, edits, consent, and the workflow actions.

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
from moderation import admin as actions_admin
from moderation import review as actions
from moderation.auth import StaffIdentity
from moderation.queue import ReviewView, review
from stories.config import (
    MAX_BODY_CHARS,
    MAX_COMMENT_CHARS,
    MAX_DISPLAY_NAME_CHARS,
    MAX_TITLE_CHARS,
)
from stories.markup import highlight_html, render_diff_html
from stories.scans import field_text

REVIEW_KEY = "review_story_id"
EDIT_FOR = "review_edit_for"
FIELD_WORDS = {"title": "the title", "body": "the story", "name": "the name shown"}
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
    for hint in view.hints:
        st.warning(hint)


def show_text_panel(view: ReviewView) -> None:
    """The current text with every finding highlighted by kind."""
    st.subheader("Current text")

    def spans(field: str):
        return [f.finding for f in view.findings if f.field == field]

    with st.container(border=True):
        show_html(f"<h3>{highlight_html(view.revision.title, spans('title'))}</h3>")
        name = view.revision.display_name
        shown = highlight_html(name, spans("name")) if name else "Anonymous"
        show_html(f"<p>Shown on the website as: <strong>{shown}</strong></p>")
        show_html(highlight_html(view.revision.body, spans("body")))


def show_findings(view: ReviewView, who: StaffIdentity, expected: str) -> None:
    """Each finding with Redact / Keep, and Redact-all per kind."""
    st.subheader(f"Detected identifiers ({len(view.findings)})")
    if not view.findings:
        st.caption("Nothing detected. Still read the text yourself.")
        return
    can_redact = "edit" in view.actions
    can_keep = "keep finding" in view.actions
    story_id = view.story.id
    for n, item in enumerate(view.findings):
        f = item.finding
        words = field_text(view.revision, item.field)[f.start:f.end]
        left, mid, right = st.columns([6, 1, 1])
        with left:
            state = "kept" if item.kept else "open"
            show_text(f"{f.kind} in {FIELD_WORDS[item.field]} at {f.start}-{f.end} ({state}): "
                      f"“{words}”")
        if can_redact:
            action_button(mid, "Redact", f"review_redact_{n}", f"Redacted one {f.kind}.",
                          actions.redact_findings, story_id, expected, keys=[item.key], who=who)
        if can_keep and not item.kept:
            action_button(right, "Keep", f"review_keep_{n}", f"Kept one {f.kind} as it is.",
                          actions.keep_finding, story_id, expected, item.key, who=who)
    if can_redact:
        kinds = sorted({item.finding.kind for item in view.findings})
        for column, kind in zip(st.columns(len(kinds)), kinds, strict=True):
            action_button(column, f"Redact all {kind}", f"review_redact_all_{kind}",
                          f"Redacted every {kind}.", actions.redact_findings, story_id,
                          expected, kind=kind, who=who)


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
        message = st.text_area(words, max_chars=MAX_COMMENT_CHARS)
        pressed = st.form_submit_button(label)
    if pressed and act(fn, view.story.id, expected, message, who=who):
        done(f"Done: {action}.")


def show_actions(view: ReviewView, who: StaffIdentity, expected: str) -> None:
    """Buttons and forms for the actions the story's status allows."""
    st.subheader("Actions")
    story_id = view.story.id
    if "start review" in view.actions:
        action_button(st, "Start review", "review_start", "Review started.",
                      actions.start_review, story_id, who=who)
    if "approve" in view.actions:
        action_button(st, "Approve for publication", "review_approve",
                      "Approved. It will be published at the next export.",
                      actions.approve, story_id, expected, who=who)
    _message_action(view, who, expected, "request changes", "Request changes",
                    actions.request_changes, True)
    _message_action(view, who, expected, "send for sign-off", "Send to the patient for sign-off",
                    actions.send_for_signoff, False)
    if "reject" in view.actions:
        with st.form("review_reject"):
            reason = st.selectbox("Reason", list(actions.REJECTION_REASONS),
                                  format_func=actions.REJECTION_REASONS.get)
            pressed = st.form_submit_button("Reject")
        if pressed and act(actions.reject, story_id, expected, reason, who=who):
            done("Rejected.")
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
    show_text_panel(view)
    show_findings(view, identity, expected)
    show_diff(view)
    show_edit(view, identity, expected)
    show_actions(view, identity, expected)
    show_consent(view)
    show_revisions(view)


main()
