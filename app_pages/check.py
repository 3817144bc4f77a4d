"""Check my story: everything a patient can do with her receipt code.

The code lives only in `st.session_state` (never in the URL) and only after a
lookup succeeded.  The code field is not masked (a show/hide toggle masks it)
and forgives spaces, dashes, case and look-alike characters; wrong codes slow
down this client's next lookups with growing delays, but a right code always
opens (`stories.patient.start_lookup`).
"""

from __future__ import annotations

import time
from datetime import date, timedelta

import streamlit as st

from app_pages.common import (
    act,
    act_on_click,
    browser_id,
    client_key,
    flash,
    private_download,
    run,
    show_flash,
    show_html,
    show_terms,
    show_text,
)
from app_pages.excerpts_ui import show_excerpts
from app_pages.ledger_ui import show_where_used
from app_pages.notify_ui import lost_code_form, manage_notifications
from app_pages.share_receipt import RECEIPT_KEY  # set until she saved her code
from moderation.browser import DOWNLOADS
from stories import authorization, ledger, patient, receipts, reconfirm
from stories.choices import DEFAULT_TERM_DAYS
from stories.config import (
    MAX_BODY_CHARS,
    MAX_COMMENT_CHARS,
    MAX_SIGNATURE_CHARS,
    MAX_TITLE_CHARS,
    get_settings,
)
from stories.db import transaction
from stories.distribution.patient import chosen_channels
from stories.frontmatter import neutralize_value
from stories.markup import render_diff_html, render_html
from stories.patient import PatientView

CODE_KEY = "patient_code"
SHARE_PAGE = "app_pages/share.py"
RENEWED_USES = "Your story stays allowed only in: {}."
SLOWED = ("Several codes that did not match were tried from your connection within the last "
          "hour, so each new try waits a little longer (at most half a minute). The right code "
          "always opens.")
STATUS_WORDS = {
    "submitted": "We have your story. Someone from the clinic will read it soon.",
    "in review": "The clinic is reading your story and checking that nothing could "
                 "identify you.",
    "changes requested": "The clinic has asked you for some changes. Please read their "
                         "message below.",
    "awaiting sign-off": "The clinic has prepared the final text. Nothing is published "
                         "until you approve it, word for word.",
    "signed off": "You approved the final text. The clinic will publish it soon.",
    "approved": "Your story is approved. It appears on the clinic's website at the next "
                "update of the website, usually within a day.",
    "rejected": "The clinic decided not to publish your story. Thank you for sharing it "
                "with us.",
    "withdrawn": "You withdrew your story. Its text has been erased from our records. If "
                 "it was on the clinic's website, it is removed at the next update of the "
                 "website, usually within a day.",
    "expired": "Your permission has expired, so your story was taken off the website.",
}
ON_WEBSITE = "Your story is approved and appears on the clinic's website."


def open_form() -> None:
    """Ask for the receipt code; keep it for this visit once it opens a story."""
    st.markdown("Enter the receipt code you were given when you shared your story. "
                "Spaces, dashes and capital letters do not matter.")
    pending = st.session_state.get(RECEIPT_KEY)
    if pending and "check_code_input" not in st.session_state:  # just shared, this session
        st.session_state["check_code_input"] = receipts.grouped(pending)
    hidden = st.toggle("Hide the code while I type it", key="check_code_hidden",
                       help="For when someone could look at your screen.")
    with st.form("check_open"):
        code = st.text_input("Receipt code", type="password" if hidden else "default",
                             key="check_code_input", autocomplete="off",
                             placeholder="For example ABCD-EFGH-…")
        opened = st.form_submit_button("Open my story", type="primary")
    st.caption(receipts.lost_code_advice(get_settings().notifications_on))
    if opened:
        open_story(code)


def open_story(code: str) -> None:
    """Look the code up, after this client's wait; open it or say it matched nothing."""
    code = receipts.grouped(code or "")
    if not code:
        st.error("Please enter your receipt code.")
        return
    wait = run(patient.start_lookup, client_key())
    if wait is None:
        return
    if wait:
        st.info(SLOWED, icon=":material/hourglass_top:")
        with st.spinner("Checking your code…"):
            time.sleep(wait)
    opened = run(patient.finish_lookup, code, client_key())
    if opened:
        st.session_state[CODE_KEY] = code
        st.rerun()
    elif opened is False:
        st.error(patient.NOT_FOUND)


def show_status(view: PatientView) -> None:
    """Status in plain words, the clinic's message and the timeline."""
    on_site = view.status == "approved" and view.on_website
    st.info(ON_WEBSITE if on_site else STATUS_WORDS.get(view.status, f"Status: {view.status}."))
    if view.decision_reason:
        st.markdown(f"**Why:** {view.decision_reason}")
    if view.clinic_message:
        st.markdown("**Message from the clinic:**")
        show_text(view.clinic_message, "blockquote")
    if view.expires_on and view.status not in ("withdrawn", "rejected"):
        st.caption(f"Your permission to publish lasts until {view.expires_on}.")
    with st.expander("What has happened so far", expanded=False):
        st.markdown("\n".join(f"- {day}: {words}" for day, words in view.timeline))


def shown_as(name: str) -> str:
    """How the site names the author: her chosen name, or "Anonymous"."""
    return name or "Anonymous"


def show_title_as_published(title: str) -> None:
    """Say so when the website shows some characters of the title as look-alikes.

    The export writes `<`, `>`, quotes and braces of a title as look-alike
    characters (`stories.frontmatter.neutralize_value`) so that no website
    theme can read them as code; she sees exactly how before she signs off.
    """
    published = neutralize_value(title)
    if published != title:
        st.caption("On the website a few characters of your title are shown as look-alikes, "
                   "so that no website can mistake them for code. Your title will read:")
        show_text(published, "p", "published-title")


def show_proposal(code: str, view: PatientView) -> None:
    """The exact proposed text, the changes from hers, approve or decline.

    Both answers are callbacks bound to the hash of the text drawn on her
    screen, so a text changed since is refused by the service, never approved unseen.
    """
    st.subheader("The text we would like to publish")
    marked = st.toggle("Mark what the clinic changed from what you wrote", value=True,
                       key="check_show_changes")
    with st.container(border=True):  # the text once: with its changes marked, or clean
        if marked:
            st.caption("Removed words are struck through, added words are highlighted.")
            show_html(f"<h3>{render_diff_html(view.original_title, view.title)}</h3>")
            show_html("Shown as: " + render_diff_html(shown_as(view.original_shown_as),
                                                      shown_as(view.shown_as)))
            show_html(render_diff_html(view.original_body, view.body))
        else:
            show_text(view.title, "h3")
            show_text(f"Shown as: {shown_as(view.shown_as)}")
            show_html(render_html(view.body))
    show_title_as_published(view.title)
    st.button("I approve this exact text", type="primary", key="check_signoff",
              on_click=act_on_click, args=(SIGNED_OFF, patient.sign_off, code, view.revision_hash))
    with st.form("check_decline"):
        st.text_area("Not happy with it? Tell the clinic what you would like instead (optional)",
                     max_chars=MAX_COMMENT_CHARS, key=DECLINE_COMMENT)
        st.form_submit_button("Decline", on_click=decline, args=(code, view.revision_hash))


SIGNED_OFF = "Thank you. You approved the text; the clinic will publish it soon."
DECLINE_COMMENT = "check_decline_comment"


def decline(code: str, shown_hash: str) -> None:
    """Callback: decline the text whose hash was on her screen, with her comment."""
    act_on_click("You declined the proposed text. The clinic will read your comment.",
                 patient.decline, code, shown_hash, st.session_state.get(DECLINE_COMMENT, ""))


def show_edit(code: str, view: PatientView) -> None:
    """An edit form prefilled with the current text."""
    st.subheader("Edit your story")
    with st.form("check_edit"):
        title = st.text_input("Title", value=view.title, max_chars=MAX_TITLE_CHARS)
        body = st.text_area(f"Your story (up to {MAX_BODY_CHARS:,} characters)",
                            value=view.body, height=300, max_chars=MAX_BODY_CHARS)
        sent = st.form_submit_button("Send my changes", type="primary")
    if sent and act(patient.edit, code, title, body):
        flash("Thank you. The clinic has your new version.")
        st.rerun()


WITHDRAW_UNCONFIRMED = "check_withdraw_unconfirmed"


def show_withdraw(code: str) -> None:
    """Withdraw, with an explicit confirmation.

    A press without the tick reruns with the section open and the reminder in
    it, so the reminder cannot vanish inside a closed section.
    """
    unconfirmed = st.session_state.pop(WITHDRAW_UNCONFIRMED, False)
    with st.expander("Withdraw my story", expanded=unconfirmed):
        st.markdown("Withdrawing removes your story from the clinic's queue and website, "
                    "ends every other use of it (excerpts, newsletters and the rest: the "
                    "clinic takes down every copy it controls) and erases its text from our "
                    "records. This cannot be undone.")
        if unconfirmed:
            st.error("Please tick the box to confirm that you want to withdraw.")
        with st.form("check_withdraw"):
            sure = st.checkbox("Yes, I want to withdraw my story and have its text erased.")
            pressed = st.form_submit_button("Withdraw my story")
        if pressed and not sure:
            st.session_state[WITHDRAW_UNCONFIRMED] = True
            st.rerun()
        elif pressed and act(patient.withdraw, code):
            flash("Your story has been withdrawn and its text erased from our records. If it "
                  "was on the website, it is removed at the next update, usually within a day.")
            st.rerun()


DOWNLOAD_SLOT = "authorization"


def authorization_file(code: str) -> str | None:
    """Her authorization document, made now (when she presses the button)."""
    with transaction() as session:
        return ledger.authorization_copy(code, session=session)


def show_download(code: str) -> None:
    """Her own copy of the authorization(s) she signed, as a Markdown file.

    It holds her typed signature, so it is made only when this browser posts
    the button's token, never parked at an anonymous media URL.
    """
    private_download(DOWNLOAD_SLOT, "Download a copy of my authorization",
                     lambda: authorization_file(code), filename="authorization.md",
                     mime="text/markdown",
                     help_text="The permission you gave us, with your choices and your "
                               "signature, exactly as you signed it.")


def close_story() -> None:
    """Forget the code on this page and end its download."""
    st.session_state.pop(CODE_KEY, None)
    browser = browser_id()
    if browser:
        DOWNLOADS.forget(browser, DOWNLOAD_SLOT)


def show_reconfirm(code: str, view: PatientView) -> None:
    """"Do you still stand by your story?", when the clinic asked and it can be answered."""
    if not {"re-confirm", "renew"} & set(view.actions) or not view.reconfirm_requested:
        return
    with st.container(border=True):
        st.subheader("Do you still stand by your story?")
        st.markdown("The clinic would like to check that you are still happy for your story "
                    "to be shared. There is no wrong answer, and your care does not depend "
                    "on it in any way.")
        reconfirm_yes(code)
        reconfirm_no(code)


def reconfirm_yes(code: str) -> None:
    """Renew the permission: a typed signature and an optional new end date."""
    terms = run(authorization.current)
    if terms is None:
        return
    st.markdown("**Yes, keep it published.** You renew your permission under the "
                "authorization below; your other choices stay as they were.")
    chosen = run(chosen_channels, code)
    if chosen:
        st.markdown(RENEWED_USES.format("; ".join(c.lower() for c in chosen)))
    with st.expander(f"Read the authorization you are renewing (version {terms.version})"):
        show_terms(terms.body)
    today = date.today()
    with st.form("check_reconfirm_yes"):
        expires = st.date_input(
            "Until when may it stay published? (optional)", value=None,
            min_value=today + timedelta(days=1), max_value=today + timedelta(days=3650),
            key="check_reconfirm_expires",
            help=f"If you leave this empty, your permission lasts "
                 f"{DEFAULT_TERM_DAYS // 365} years from today.")
        signature = st.text_input("Type your full name as your signature (never published)",
                                  max_chars=MAX_SIGNATURE_CHARS, key="check_reconfirm_signature")
        pressed = st.form_submit_button("Yes, keep it published", type="primary")
    if pressed and act(reconfirm.answer, code, True, signature=signature, expires_on=expires):
        flash("Thank you for confirming. Your permission has been renewed.")
        st.rerun()


def reconfirm_no(code: str) -> None:
    """Take the story down: the same as withdrawing, with a confirmation."""
    st.markdown("**No, take it down.** Your story is removed from the website and its "
                "text is erased from our records. This cannot be undone.")
    with st.form("check_reconfirm_no"):
        sure = st.checkbox("Yes, please take my story down and erase its text.",
                           key="check_reconfirm_sure")
        pressed = st.form_submit_button("No, take it down")
    if pressed and not sure:
        st.error("Please tick the box to confirm that you want your story taken down.")
    elif pressed and act(reconfirm.answer, code, False):
        flash("Your story has been taken down and its text erased from our records. If it was "
              "on the website, it is removed at the next update, usually within a day.")
        st.rerun()


def show_story(code: str) -> None:
    """Everything about the story the code opens."""
    view = run(patient.view, code)
    if view is None:
        close_story()
        return
    show_status(view)
    show_reconfirm(code, view)
    if view.status == "awaiting sign-off":
        show_proposal(code, view)
    elif view.status == "changes requested":
        show_edit(code, view)
    elif view.status != "withdrawn":
        with st.expander("Your story as it stands"):
            show_text(view.title, "h3")
            show_text(f"Shown as: {shown_as(view.shown_as)}")
            show_html(render_html(view.body))
    show_excerpts(code)
    show_where_used(code)
    if "withdraw" in view.actions:
        show_withdraw(code)
    show_download(code)
    manage_notifications(code)
    if st.button("Close my story", key="check_close"):
        close_story()
        st.rerun()


def main() -> None:
    """Render the page."""
    st.set_page_config(page_title="Check my story · Patient stories")
    st.title("Check my story")
    show_flash()
    code = st.session_state.get(CODE_KEY)
    if code:
        show_story(code)
    else:
        open_form()
        lost_code_form()
    st.page_link(SHARE_PAGE, label="Share your story", icon=":material/edit_note:")


main()
