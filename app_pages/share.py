"""Share your story: the patient's form, the authorization in full, the receipt.

A refused form keeps every value and lists every problem at once, each under
its field.  After the story was stored the page shows only the receipt: the
code, a copy and a download, and the way to *Check my story*.  The code stays
in this browser session's state (never in the URL, never re-derived from the
text) until she says she saved it, so pressing Send twice, or coming back to
this page, shows the receipt again instead of losing it.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import streamlit as st

from app_pages.common import attempt, client_key, run, show_flash, show_terms
from app_pages.notify_ui import after_submit, optin_checkbox
from app_pages.share_receipt import CHECK_PAGE, RECEIPT_KEY, TO_TOP_KEY, show_receipt
from stories import authorization, receipts
from stories.choices import DEFAULT_TERM_DAYS, DISPLAY_MODES, MATERIAL_CONNECTIONS, SIGNER_ROLES, TOPICS
from stories.config import (
    MAX_BODY_CHARS,
    MAX_DISPLAY_NAME_CHARS,
    MAX_EMAIL_CHARS,
    MAX_SIGNATURE_CHARS,
    MAX_TAGS,
    MAX_TITLE_CHARS,
)
from stories.distribution import choice
from stories.submission import (
    DuplicateStory,
    InvalidSubmission,
    ReceiptCodeUsed,
    SubmissionForm,
    receipt_stored,
    share_story,
)
from stories.textnorm import removed_characters

REMOVAL_ACK_KEY = "share_removal_ack"
SHARE_PAGE = "app_pages/share.py"
SENDING_KEY = "share_sending_code"  # the code chosen before sending, kept across cut-short runs
PROBLEMS_KEY = "share_problems"  # {widget name: [messages]} from the last refused Send
VERSION_KEY = "share_auth_version"
OFFER_KEY = "share_channels_offered"  # fingerprint of the list of uses she read last run
USES_QUESTION = "**Where may the clinic use your story?** Tick each use you allow."
#: The service's field names (`SubmissionForm`) and the widgets they belong under.
FIELD_WIDGETS = {
    "title": "title", "body": "body", "display_mode": "mode", "display_name": "name",
    "tags": "tags", "contact_email": "email", "channels": "channels",
    "expires_on": "expires", "expiry_event": "event", "material_connection": "material",
    "material_details": "material_details", "signer_role": "signer",
    "representative_authority": "authority", "attest_identity": "attest_identity",
    "attest_adult": "attest_adult", "signature": "signature",
}
FIELDS = ("title", "body", "mode", "name", "tags", "email", "expires",
          "event", "material", "material_details", "signer", "authority", "attest_identity",
          "attest_adult", "signature", "trap")
#: Each widget's name in the summary above Send (a phone shows the problem far above it),
#: in the order of the form.
FIELD_NAMES = {
    "title": "Title", "body": "Your story", "mode": "How you are named", "name": "Your name",
    "tags": "Topics", "email": "Contact email", "channels": "Where the clinic may use it",
    "expires": "Until when", "event": "Ending event", "material": "Connection with the clinic",
    "material_details": "Details of the connection", "signer": "Who is signing",
    "authority": "Representative's authority", "attest_identity": "Confirmation",
    "attest_adult": "Age", "signature": "Signature",
}
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
    "Everything else (links, HTML, symbols such as `<` `>` `*` `_` `#`) is shown exactly as "
    "you typed it."
)


def _key(name: str) -> str:
    return f"share_{name}"


def _value(name: str):
    return st.session_state.get(_key(name))


def field_problems(name: str) -> None:
    """The problems the last Send found with widget `name`, right under it."""
    for message in st.session_state.get(PROBLEMS_KEY, {}).get(name, []):
        st.error(message, icon=":material/error:")


def story_fields() -> None:
    """Title, story, how to be named, topics and contact."""
    st.text_input("Title", max_chars=MAX_TITLE_CHARS, key=_key("title"),
                  help="A few words that sum up your story.")
    field_problems("title")
    # No max_chars: a browser would silently cut a pasted story.  The service
    # refuses an over-long one with a clear message and the text stays here.
    st.text_area(f"Your story (up to {MAX_BODY_CHARS:,} characters)", height=300,
                 key=_key("body"), help=MARKDOWN_HELP)
    field_problems("body")
    st.caption(MARKDOWN_HELP + " Please leave out names, places and dates that could "
               "identify you or others; we will check too before anything is published.")
    st.radio("How would you like to be named?", DISPLAY_MODES, key=_key("mode"),
             format_func=MODE_LABELS.get)
    field_problems("mode")
    st.text_input("Initials or first name to show (leave empty if anonymous)",
                  max_chars=MAX_DISPLAY_NAME_CHARS, key=_key("name"))
    field_problems("name")
    topic_boxes()
    st.text_input("Contact email (optional, only if you would like us to be able to reach "
                  "you; stored encrypted, never published)", max_chars=MAX_EMAIL_CHARS,
                  key=_key("email"))
    field_problems("email")
    optin_checkbox()
    # Abuse control for scripts that fill every field: hidden with display:none
    # (style.css), so it is no Tab stop, not in the accessibility tree and
    # takes no space; people never meet it.
    with st.container(key="share_hp_box"):
        st.text_input("Leave this empty", key=_key("trap"), label_visibility="collapsed")


def _topic_key(topic: str) -> str:
    return _key(f"topic_{topic}")


def topic_boxes() -> None:
    """One box per topic from the clinic's list: each a choice she makes herself (a
    multiselect's "select all" would tag her story with conditions she never chose)."""
    st.markdown(f"**Topics** (optional, up to {MAX_TAGS}): what your story is about")
    for topic in TOPICS:
        st.checkbox(topic, key=_topic_key(topic))
    field_problems("tags")


def _channel_key(key: str) -> str:
    """The widget of channel `key` (prefixed: a clinic's key may be any word, e.g. "title")."""
    return _key(f"channel_{key}")


def channel_boxes(offer: list[tuple[str, str]]) -> None:
    """One box per use, labelled from the channels table; the website one is required."""
    st.markdown(USES_QUESTION)
    for key, label in offer:
        st.checkbox(label + (choice.REQUIRED_NOTE if key == choice.WEBSITE else ""),
                    key=_channel_key(key))
    field_problems("channels")


def consent_fields(terms_body: str, version: str, offer: list[tuple[str, str]]) -> None:
    """The authorization in full with its list of uses, then every choice and statement it
    asks for."""
    st.subheader("Your permission")
    with st.container(border=True, key="share_terms"):  # full height: no inner scroll box
        show_terms(terms_body)
        st.markdown(choice.uses_section(offer))  # the clinic's labels, escaped
    st.caption(f"Authorization version {version}")
    channel_boxes(offer)
    today = date.today()
    st.date_input("Until when may my story stay published? (optional)", value=None,
                  min_value=today + timedelta(days=1), max_value=today + timedelta(days=3650),
                  key=_key("expires"),
                  help=f"If you leave this empty, your permission lasts "
                       f"{DEFAULT_TERM_DAYS // 365} years from today.")
    field_problems("expires")
    st.text_input("...or until an event, for example \"until I ask you to take it down\" "
                  "(optional)", max_chars=200, key=_key("event"))
    field_problems("event")
    st.radio("Have you received anything from the clinic, or do you have ties with it?",
             list(MATERIAL_CONNECTIONS), index=None, key=_key("material"),
             format_func=lambda k: CONNECTION_LABELS.get(k, MATERIAL_CONNECTIONS[k]))
    field_problems("material")
    st.text_input("Details of the connection (optional)", max_chars=300,
                  key=_key("material_details"))
    field_problems("material_details")
    st.radio("Who is signing?", SIGNER_ROLES, key=_key("signer"),
             format_func=SIGNER_LABELS.get)
    field_problems("signer")
    st.text_input("If you are a representative: your authority (for example, power of "
                  "attorney)", max_chars=200, key=_key("authority"))
    field_problems("authority")
    st.checkbox("I confirm that I am the patient who wrote this story, or their legally "
                "authorized representative, and that I have read this authorization.",
                key=_key("attest_identity"))
    field_problems("attest_identity")
    st.checkbox("I confirm that I am 18 or older.", key=_key("attest_adult"))
    field_problems("attest_adult")
    st.text_input("Type your full name as your signature (never published)",
                  max_chars=MAX_SIGNATURE_CHARS, key=_key("signature"))
    field_problems("signature")


def collect(version: str, offered: str = "") -> SubmissionForm:
    """The form's current values as the service's `SubmissionForm`.

    `offered`: the fingerprint of the list of uses she read.
    """
    return SubmissionForm(
        title=_value("title") or "", body=_value("body") or "",
        display_mode=_value("mode") or "", display_name=_value("name") or "",
        tags=[t for t in TOPICS if st.session_state.get(_topic_key(t))], contact_email=_value("email") or "",
        channels=[key for key, _ in choice.offered() if st.session_state.get(_channel_key(key))],
        channels_offered=offered,
        expires_on=_value("expires"), expiry_event=_value("event") or "",
        material_connection=_value("material") or "",
        material_details=_value("material_details") or "",
        signer_role=_value("signer") or "", representative_authority=_value("authority") or "",
        attest_adult=bool(_value("attest_adult")),
        attest_identity=bool(_value("attest_identity")),
        signature=_value("signature") or "", authorization_version=version,
        honeypot=_value("trap") or "",
    )


def _text_fields(form: SubmissionForm) -> tuple[str, ...]:
    return (form.title, form.body, form.display_name, form.expiry_event, form.material_details,
            form.representative_authority, form.signature)


def removal_confirmed(form: SubmissionForm) -> bool:
    """Whether nothing is removed from her text, or she was told what and sent it again.

    Stored text is what she typed after Unicode normalisation, which drops
    invisible and control characters.  If there are any, the first press of
    "Send" names them (by Unicode name, no text) and stores nothing; pressing
    again with the same text sends it.
    """
    removed = sorted({item for text in _text_fields(form) for item in removed_characters(text)})
    if not removed:
        return True
    digest = hashlib.sha256("\x00".join(_text_fields(form)).encode()).hexdigest()
    if st.session_state.get(REMOVAL_ACK_KEY) == digest:
        return True
    st.session_state[REMOVAL_ACK_KEY] = digest
    st.warning("Before we store your story: it contains invisible or control characters that "
               "we remove (nothing else is changed): " + "; ".join(removed) + ". Press "
               "\u201cSend my story\u201d again to send it without them.")
    return False


def refused(problems: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The service's (field, message) problems grouped by the widget they belong under."""
    grouped: dict[str, list[str]] = {}
    for field_name, message in problems:
        grouped.setdefault(FIELD_WIDGETS.get(field_name, "form"), []).append(message)
    return grouped


def submit(version: str, offered: str) -> None:
    """Store the story (the service checks and counts the rate limit).

    The receipt code is chosen and kept in this session *before* sending: a
    second press can cut this run short after the story was committed, and
    the next run must still find the code (`recover_receipt`).  Refused:
    every problem goes under its field for the next run, the text stays.
    Stored: the form is emptied and the page shows only the receipt.
    """
    if not removal_confirmed(collect(version, offered)):
        return
    pending = st.session_state.setdefault(SENDING_KEY, receipts.new_code())
    st.session_state.pop(PROBLEMS_KEY, None)
    receipt, refusal = attempt(share_story, collect(version, offered), client_key(),
                               code=pending)
    if receipt is not None:
        after_submit(receipt)
    stored = receipt is not None or isinstance(refusal, DuplicateStory | ReceiptCodeUsed)
    if stored and recover_receipt():
        st.switch_page(SHARE_PAGE)  # a new page run starts at the top
    if isinstance(refusal, InvalidSubmission):
        st.session_state[PROBLEMS_KEY] = refused(refusal.problems)
        st.rerun()
    if refusal is not None:
        st.error(str(refusal))


def recover_receipt() -> bool:
    """Promote this session's pending code to the receipt once its story is stored.

    Only the code this browser session chose is ever shown; nothing is looked
    up or derived from the story text.
    """
    pending = st.session_state.get(SENDING_KEY)
    if pending and run(receipt_stored, pending):
        st.session_state[RECEIPT_KEY] = pending
        st.session_state[TO_TOP_KEY] = True
        st.session_state.pop(SENDING_KEY, None)
        for name in FIELDS:  # the story, email and signature leave the browser session
            st.session_state.pop(_key(name), None)
        for name in [n for n in st.session_state
                     if str(n).startswith((_channel_key(""), _topic_key("")))]:
            st.session_state.pop(name, None)  # every use and topic box, offered now or before
        st.session_state.pop(VERSION_KEY, None)
        st.session_state.pop(OFFER_KEY, None)
        st.session_state.pop(REMOVAL_ACK_KEY, None)
        return True
    return False


def problems_summary() -> None:
    """Above Send: how many things to fix, and any problem that belongs to no one field."""
    problems = st.session_state.get(PROBLEMS_KEY, {})
    count = sum(len(messages) for messages in problems.values())
    for message in problems.get("form", []):
        st.error(message, icon=":material/error:")
    named = [words for name, words in FIELD_NAMES.items() if problems.get(name)]
    if count > len(problems.get("form", [])):
        st.warning(f"Nothing was sent yet. Please correct {'this' if count == 1 else 'these'}, "
                   f"marked above: {', '.join(named)}. Your text is kept.")


def main() -> None:
    """Render the page: the pending receipt alone, or the form."""
    st.set_page_config(page_title="Share your story · Patient stories")
    st.title("Share your story")
    show_flash()
    code = st.session_state.get(RECEIPT_KEY)
    if not code and recover_receipt():  # a run cut short right after storing
        st.switch_page(SHARE_PAGE)  # a new page run starts at the top
    if code:
        show_receipt(code)
        return
    st.page_link(CHECK_PAGE, label="Already shared your story? Check my story",
                 icon=":material/search:")
    st.markdown("Your experience can help someone who feels alone with the same pain. "
                "Take your time: nothing is published until you approve the final wording.")
    terms = run(authorization.current)
    if terms is None:
        return
    shown = st.session_state.get(VERSION_KEY, terms.version)  # what she read last time
    if shown != terms.version:
        st.warning("The authorization text was updated. Please read it again below.")
    st.session_state[VERSION_KEY] = terms.version
    offer = choice.offered()
    offered = st.session_state.get(OFFER_KEY, choice.fingerprint(offer))  # the list she read
    if offered != choice.fingerprint(offer):
        st.warning("The list of places where your story may be used was updated. Please read "
                   "it again below.")
    st.session_state[OFFER_KEY] = choice.fingerprint(offer)
    with st.form("share_form", clear_on_submit=False, enter_to_submit=False):
        story_fields()
        consent_fields(terms.body, terms.version, offer)
        problems_summary()
        sent = st.form_submit_button("Send my story", type="primary")
    if sent:
        submit(shown, offered)


main()
