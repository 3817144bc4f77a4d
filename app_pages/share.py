"""Share your story: the patient's form, the authorization in full, the receipt code.

The form keeps every value on a refused submission (the message says what to
fix), and is emptied only after the story was stored.  The receipt code is
shown once, on the run right after submitting, and lives nowhere else.
"""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from app_pages.common import act, client_key, run, show_code_once, show_flash
from app_pages.notify_ui import after_submit, optin_checkbox
from stories import authorization, ratelimit
from stories.config import (
    MAX_BODY_CHARS,
    MAX_DISPLAY_NAME_CHARS,
    MAX_EMAIL_CHARS,
    MAX_SIGNATURE_CHARS,
    MAX_TAGS,
    MAX_TITLE_CHARS,
    get_settings,
)
from stories.submission import (
    DEFAULT_TERM_DAYS,
    DISPLAY_MODES,
    MATERIAL_CONNECTIONS,
    SIGNER_ROLES,
    TOPICS,
    SubmissionForm,
    submit_story,
)

SUBMIT_WINDOW = timedelta(hours=1)
RECEIPT_KEY = "share_receipt"
VERSION_KEY = "share_auth_version"
FIELDS = ("title", "body", "mode", "name", "tags", "email", "website", "excerpts", "expires",
          "event", "material", "material_details", "signer", "authority", "attest_identity",
          "attest_adult", "signature", "trap")
MODE_LABELS = {
    "anonymous": "Anonymous (no name at all)",
    "initials": "My initials (for example R.K.)",
    "pseudonym": "A first name or a made-up name",
}
CONNECTION_LABELS = {
    "none": "No, I have no connection with the clinic",
    "payment": "I received a payment from the clinic",
    "free_treatment": "I received free treatment from the clinic",
    "discounted_treatment": "I received discounted treatment from the clinic",
    "employment": "I work, or have worked, for the clinic",
    "family": "I have family ties with someone on the clinic's staff",
    "other": "Another connection (please describe below)",
}
SIGNER_LABELS = {
    "patient": "I am the patient who wrote this story",
    "representative": "I am the patient's legally authorized representative",
}
MARKDOWN_HELP = (
    "You can use simple formatting: leave an empty line between paragraphs, "
    "`*italic*`, `**bold**`, and lines starting with `- ` for a list. "
    "Links, pictures and code are not kept."
)


def _key(name: str) -> str:
    return f"share_{name}"


def _value(name: str):
    return st.session_state.get(_key(name))


def show_receipt(code: str) -> None:
    """The receipt code, once, with what it is for."""
    show_code_once(code, "Thank you. Your story has reached us safely.", "Your receipt code", [
        "Please copy it now and keep it somewhere private, like a password.",
        "It is the only key to your story. We do not know who you are, so "
        "**nobody at the clinic can look it up or send it to you again**.",
        "Use it on the **Check my story** page to see where your story stands, approve the final "
        "wording before anything is published, make changes when we ask, or withdraw your story "
        "at any time.",
    ])


def story_fields() -> None:
    """Title, story, how to be named, topics and contact."""
    st.text_input("Title", max_chars=MAX_TITLE_CHARS, key=_key("title"),
                  help="A few words that sum up your story.")
    # No max_chars: a browser would silently cut a pasted story.  The service
    # refuses an over-long one with a clear message and the text stays here.
    st.text_area(f"Your story (up to {MAX_BODY_CHARS:,} characters)", height=300,
                 key=_key("body"), help=MARKDOWN_HELP)
    st.caption(MARKDOWN_HELP + " Please leave out names, places and dates that could "
               "identify you or others; we will check too before anything is published.")
    st.radio("How would you like to be named?", DISPLAY_MODES, key=_key("mode"),
             format_func=MODE_LABELS.get)
    st.text_input("Initials or first name to show (leave empty if anonymous)",
                  max_chars=MAX_DISPLAY_NAME_CHARS, key=_key("name"))
    st.multiselect(f"Topics (up to {MAX_TAGS})", TOPICS, key=_key("tags"),
                   max_selections=MAX_TAGS)
    st.text_input("Contact email (optional, only if you would like us to be able to reach "
                  "you; stored encrypted, never published)", max_chars=MAX_EMAIL_CHARS,
                  key=_key("email"))
    optin_checkbox()
    with st.container(key="share_hp_box"):
        st.text_input("Leave this empty", key=_key("trap"), label_visibility="collapsed")


def consent_fields(terms_body: str, version: str) -> None:
    """The authorization in full, then every choice and statement it asks for."""
    st.subheader("Your permission")
    with st.container(border=True, height=420):
        st.markdown(terms_body)  # our own, trusted text
    st.caption(f"Authorization version {version}")
    st.checkbox("I allow the clinic to publish my story on its website (required)",
                key=_key("website"))
    st.checkbox("I also allow short excerpts in the clinic's leaflets and social media posts",
                key=_key("excerpts"))
    today = date.today()
    st.date_input("Until when may my story stay published? (optional)", value=None,
                  min_value=today + timedelta(days=1), max_value=today + timedelta(days=3650),
                  key=_key("expires"),
                  help=f"If you leave this empty, your permission lasts "
                       f"{DEFAULT_TERM_DAYS // 365} years from today.")
    st.text_input("...or until an event, for example \"until I ask you to take it down\" "
                  "(optional)", max_chars=200, key=_key("event"))
    st.radio("Have you received anything from the clinic, or do you have ties with it?",
             list(MATERIAL_CONNECTIONS), index=None, key=_key("material"),
             format_func=lambda k: CONNECTION_LABELS.get(k, MATERIAL_CONNECTIONS[k]))
    st.text_input("Details of the connection (optional)", max_chars=300,
                  key=_key("material_details"))
    st.radio("Who is signing?", SIGNER_ROLES, key=_key("signer"),
             format_func=SIGNER_LABELS.get)
    st.text_input("If you are a representative: your authority (for example, power of "
                  "attorney)", max_chars=200, key=_key("authority"))
    st.checkbox("I confirm that I am the patient who wrote this story, or their legally "
                "authorized representative, and that I have read this authorization.",
                key=_key("attest_identity"))
    st.checkbox("I confirm that I am 18 or older.", key=_key("attest_adult"))
    st.text_input("Type your full name as your signature (never published)",
                  max_chars=MAX_SIGNATURE_CHARS, key=_key("signature"))


def collect(version: str) -> SubmissionForm:
    """The form's current values as the service's `SubmissionForm`."""
    return SubmissionForm(
        title=_value("title") or "", body=_value("body") or "",
        display_mode=_value("mode") or "", display_name=_value("name") or "",
        tags=list(_value("tags") or []), contact_email=_value("email") or "",
        use_website=bool(_value("website")), use_excerpts=bool(_value("excerpts")),
        expires_on=_value("expires"), expiry_event=_value("event") or "",
        material_connection=_value("material") or "",
        material_details=_value("material_details") or "",
        signer_role=_value("signer") or "", representative_authority=_value("authority") or "",
        attest_adult=bool(_value("attest_adult")),
        attest_identity=bool(_value("attest_identity")),
        signature=_value("signature") or "", authorization_version=version,
        honeypot=_value("trap") or "",
    )


def submit(version: str) -> None:
    """Rate-limit, then store; on success clear the form and show the code."""
    allowed = act(ratelimit.hit, ratelimit.bucket("submit", client_key()), limit=get_settings().submit_limit,
                  window=SUBMIT_WINDOW,
                  message="Too many stories were sent from here in the last hour. Please try "
                          "again later; your text is still in the form.")
    receipt = run(submit_story, collect(version)) if allowed else None
    if receipt is None:
        return
    after_submit(receipt)
    for name in FIELDS:
        st.session_state.pop(_key(name), None)
    st.session_state.pop(VERSION_KEY, None)
    st.session_state[RECEIPT_KEY] = receipt.code
    st.rerun()


def main() -> None:
    """Render the page."""
    st.title("Share your story")
    show_flash()
    code = st.session_state.pop(RECEIPT_KEY, None)
    if code:
        show_receipt(code)
        st.divider()
        st.caption("You can share another story below.")
    st.markdown("Your experience can help someone who feels alone with the same pain. "
                "Take your time: nothing is published until you approve the final wording.")
    terms = run(authorization.current)
    if terms is None:
        return
    shown = st.session_state.get(VERSION_KEY, terms.version)  # what she read last time
    if shown != terms.version:
        st.warning("The authorization text was updated. Please read it again below.")
    st.session_state[VERSION_KEY] = terms.version
    with st.form("share_form", clear_on_submit=False, enter_to_submit=False):
        story_fields()
        consent_fields(terms.body, terms.version)
        sent = st.form_submit_button("Send my story", type="primary")
    if sent:
        submit(shown)


main()
