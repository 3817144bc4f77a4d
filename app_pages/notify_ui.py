"""The patient's email-notice widgets, called from the share and check pages.

Kept apart from those pages so they can change freely: each page calls one
function (`optin_checkbox` in the share form, `after_submit` once the story
is stored, `manage_notifications` and `lost_code_form` on Check my story).
Nothing shows when notices are off (no SMTP server configured), so nobody is
promised a message that will never come.
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import act, client_key, flash, run
from stories.config import MAX_EMAIL_CHARS, get_settings
from stories.notify import lostcode, optin

OPTIN_KEY = "share_notify"
OPTIN_LABEL = "Email me when there is news about my story"
OPTIN_HELP = ("Optional. We then write to the contact email above, only to say that there is "
              "news and that you can read it on Check my story. The email never says what "
              "your story is about, and it comes from a neutral sender.")


def notices_on() -> bool:
    """Whether this clinic sends email notices at all."""
    return get_settings().notifications_on


def optin_checkbox() -> None:
    """The opt-in on the share form (inside its `st.form`), off by default."""
    if notices_on():
        st.checkbox(OPTIN_LABEL, value=False, key=OPTIN_KEY, help=OPTIN_HELP)


def after_submit(receipt) -> None:
    """Record the opt-in for the story just stored (and index its contact address)."""
    wanted = bool(st.session_state.pop(OPTIN_KEY, False))
    on = run(optin.after_submit, receipt.story_id, wanted)
    if wanted and on is False:
        flash("We will not send you email notices: there is no contact email with your "
              "story. You can add one on Check my story.")


def manage_notifications(code: str) -> None:
    """Turn notices on or off, change the address, or delete it (Check my story)."""
    if not notices_on():
        return
    current = run(optin.choice, code)
    if current is None or not current.available:
        return
    with st.expander("Email notices", expanded=False):
        if current.address_hint:
            state = "on" if current.notify else "off"
            st.markdown(f"Email notices are **{state}**. Your address: {current.address_hint}")
        else:
            st.markdown("We have no email address for your story.")
        st.caption(OPTIN_HELP)
        with st.form("check_notify", clear_on_submit=True):
            notify = st.checkbox(OPTIN_LABEL, value=current.notify, key="check_notify_on")
            address = st.text_input("New email address (leave empty to keep the one we have)",
                                    max_chars=MAX_EMAIL_CHARS, key="check_notify_address")
            saved = st.form_submit_button("Save my choice")
        if saved and run(optin.change, code, notify, address) is not None:
            flash("Your choice is saved.")
            st.rerun()
        forget = current.address_hint and st.button("Delete my email address",
                                                    key="check_notify_forget")
        if forget and act(optin.forget, code):
            flash("Your email address is deleted. We can no longer write to you.")
            st.rerun()


def lost_code_form() -> None:
    """"I lost my code": a new code by email, answered the same whatever the address."""
    if not notices_on():
        return
    with st.expander("I lost my code", expanded=False):
        st.markdown("If you gave us an email address with your story, enter it here. Each "
                    "story shared with that address gets a new receipt code, sent to that "
                    "address; the old code stops working. If you gave no address, please "
                    "contact the clinic.")
        with st.form("check_lost_code", clear_on_submit=True):
            address = st.text_input("Your email address", max_chars=MAX_EMAIL_CHARS,
                                    key="check_lost_address")
            sent = st.form_submit_button("Send me a new code")
        if sent:
            answer = run(lostcode.request_codes, address, client_key())
            if answer:
                st.success(answer)
