"""The review page's decisions and other actions, each a button callback.

`show_decisions` draws the primary actions at the top of the review screen
(start, approve, reopen, send for sign-off, request changes, reject in two
steps); `show_actions` the others (staff note, re-confirmation, a withdrawal
received on paper).  Every callback gets its arguments when the button is
drawn, including the hash of the text on screen, and acts as the account
signed in at the click (`act_now`), so a stale screen is refused by the service.
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import act_on_click, current_identity, refuse
from app_pages.staff_ui import REVIEW_KEY
from moderation import admin as actions_admin
from moderation import review as actions
from moderation.queue import ReviewView
from stories.config import MAX_COMMENT_CHARS
from stories.rejection import REASONS
from stories.workflow import Action

REJECT_PENDING = "review_reject_pending"
HOW = {"paper": "On paper (letter or form)", "phone": "By phone", "email": "By email"}


def act_now(message: str, fn, *args, **kwargs) -> bool:
    """Button callback: service `fn` as the account signed in now; `message` when done."""
    return act_on_click(message, fn, *args, who=current_identity(), **kwargs)


def action_button(where, label: str, key: str, message: str, fn, *args, **kwargs) -> None:
    """A button whose callback calls service `fn` with the arguments bound now."""
    where.button(label, key=key, on_click=act_now, args=(message, fn, *args), kwargs=kwargs)


def _send_message(story_id: int, expected: str, action: Action, fn) -> None:
    """Callback of a message form: the typed message, against the text on screen."""
    message = st.session_state.get(f"review_{action}_message", "")
    act_now(f"Done: {action}.", fn, story_id, expected, message)


def _message_action(view: ReviewView, expected: str, action: Action, label: str, fn,
                    required: bool) -> None:
    """A form with a message for the patient and one button."""
    if action not in view.actions:
        return
    with st.form(f"review_{action}"):
        words = "Message to the patient" + ("" if required else " (optional)")
        st.text_area(words, max_chars=MAX_COMMENT_CHARS, height=100,
                     key=f"review_{action}_message")
        st.form_submit_button(label, type="primary" if not required else "secondary",
                              on_click=_send_message,
                              args=(view.story.id, expected, action, fn))


def show_decisions(view: ReviewView, expected: str) -> None:
    """The primary actions, at the top: start, approve, sign-off, changes, reject."""
    story_id = view.story.id
    if Action.START_REVIEW in view.actions:
        action_button(st, "Start review", "review_start", "Review started.",
                      actions.start_review, story_id)
    if Action.APPROVE in view.actions:
        action_button(st, "Approve for publication", "review_approve",
                      "Approved. It will be published at the next export.",
                      actions.approve, story_id, expected)
    if Action.REOPEN in view.actions:
        st.caption("This story was rejected. Reopening it takes it back into review; the "
                   "patient sees on her page that the clinic is reviewing it again.")
        action_button(st, "Reopen for review", "review_reopen",
                      "Reopened. The story is in review again.", actions.reopen, story_id,
                      expected)
    forms = [(a, t) for a, t in ((Action.SEND_FOR_SIGNOFF, "Send for sign-off"),
                                 (Action.REQUEST_CHANGES, "Request changes"),
                                 (Action.REJECT, "Reject"))
             if a in view.actions]
    if not forms:
        return
    st.markdown("**Decide**")
    for (action, _), tab in zip(forms, st.tabs([t for _, t in forms]), strict=True):
        with tab:
            if action == Action.SEND_FOR_SIGNOFF:
                _message_action(view, expected, action, "Send to the patient for sign-off",
                                actions.send_for_signoff, False)
            elif action == Action.REQUEST_CHANGES:
                _message_action(view, expected, action, "Request changes",
                                actions.request_changes, True)
            else:
                show_reject(view, expected)


def _forget_reject() -> None:
    """Callback of "Cancel": drop the pending rejection."""
    st.session_state.pop(REJECT_PENDING, None)


def _reject(story_id: int, expected: str, reason: str) -> None:
    """Callback of "Yes, reject": the chosen reason, against the text on screen."""
    if act_now("Rejected. The patient sees the reason on her Check my story page.",
            actions.reject, story_id, expected, reason):
        _forget_reject()


def show_reject(view: ReviewView, expected: str) -> None:
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
               f"page: “{chosen.patient}” You can reopen it later from this page while its text is "
               "kept.")
    yes, no = st.columns(2)
    no.button("Cancel, keep the story", key="review_reject_cancel", on_click=_forget_reject)
    yes.button("Yes, reject the story", type="primary", key="review_reject_confirm",
               on_click=_reject, args=(story_id, expected, pending[1]))


def _save_note(story_id: int) -> None:
    """Callback of "Save note"."""
    act_now("Note saved.", actions.add_note, story_id, st.session_state.get("review_note_text", ""))


def show_actions(view: ReviewView) -> None:
    """The other actions: a staff note, re-confirmation and a withdrawal by letter."""
    st.subheader("More actions")
    if Action.NOTE in view.actions:
        with st.form("review_note"):
            st.text_area("Staff note (never shown to the patient or published)",
                         value=view.story.staff_note, max_chars=MAX_COMMENT_CHARS,
                         key="review_note_text")
            st.form_submit_button("Save note", on_click=_save_note, args=(view.story.id,))
    show_reconfirm(view)
    if Action.WITHDRAW in view.actions:
        show_withdraw(view)


def show_reconfirm(view: ReviewView) -> None:
    """Whether the author was asked if she still stands by her story; ask her."""
    if Action.REQUEST_RECONFIRMATION not in view.actions:
        return
    asked = view.story.reconfirm_requested_at
    st.markdown("**Re-confirmation by the author**")
    st.caption(f"Asked on {asked:%Y-%m-%d}; waiting for her answer on the Check my story "
               "page." if asked else "Not asked.")
    label = "Ask the author to re-confirm again" if asked else "Ask the author to re-confirm"
    action_button(st, label, "review_reconfirm",
                  "Asked. The author sees the question when she opens her story with her "
                  "receipt code.", actions_admin.ask_reconfirmation, view.story.id)


def _withdraw(public_id: str) -> None:
    """Callback of "Withdraw and erase": only with the box ticked; then leave the story."""
    if not st.session_state.get("review_withdraw_sure"):
        refuse("Please tick the box to confirm.")
        return
    how = st.session_state.get("review_withdraw_how")
    reason = st.session_state.get("review_withdraw_reason", "")
    if act_now("Withdrawn; the text is erased.", actions.withdraw_for_patient, public_id, reason,
            how):
        st.session_state.pop(REVIEW_KEY, None)


def show_withdraw(view: ReviewView) -> None:
    """Record a withdrawal that reached the clinic on paper, by phone or email."""
    with (st.expander("Record a withdrawal received on paper, by phone or email"),
          st.form("review_withdraw")):
        st.selectbox("How did it reach the clinic?", list(HOW), format_func=HOW.get,
                     key="review_withdraw_how")
        st.text_input("Reference (not stored; do not write personal details)",
                      key="review_withdraw_reason")
        st.checkbox("The patient asked to withdraw; erase the text now.",
                    key="review_withdraw_sure")
        st.form_submit_button("Withdraw and erase", on_click=_withdraw,
                              args=(view.story.public_id,))
