"""`submit_story`: the patient's form, checked, cleaned, detected and stored.

Order of operations for every text field: normalize Unicode and control
characters (`stories.textnorm`), enforce the size limit, then detect
identifiers.  Nothing else is removed or rewritten: a patient's words are
stored exactly as she typed them ("I'm <not> okay", "2*3=6", "&lt;"), and
markup is neutralised by escaping wherever text is shown or exported
(`stories.markup`, `stories.sitemarkdown`, `stories.frontmatter`, the app's pages).  Everything
(story, first revision, consent with the uses she ticked, audit event) is
written in the caller's one transaction, through the one path that stores a
new story (`stories.intake`), and the receipt code is returned once and stored
only as a hash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, select

from stories import authorization, crypto, ratelimit, receipts
from stories.choices import (
    DEFAULT_TERM_DAYS,
    DISPLAY_MODES,
    MATERIAL_CONNECTIONS,
    MAX_TERM_DAYS,
    SIGNER_ROLES,
    TOPICS,
)
from stories.config import (
    MAX_DISPLAY_NAME_CHARS,
    MAX_EMAIL_CHARS,
    MAX_SIGNATURE_CHARS,
    MAX_TAGS,
    MAX_TITLE_CHARS,
    get_settings,
)
from stories.distribution import choice
from stories.errors import InvalidInput
from stories.fields import clean_line, clean_story
from stories.intake import NewStory, already_stored, create_story
from stories.models import Consent, Story, utcnow
from stories.textnorm import (
    normalize_line,
)

INITIALS = re.compile(r"^(?:[^\W\d_]\.? ?){1,4}$")
_PSEUDONYM = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ '\-.])*$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")


@dataclass
class SubmissionForm:
    """What the "Share your story" form sends; every field is untrusted."""

    title: str
    body: str
    display_mode: str
    display_name: str = ""
    tags: list[str] = field(default_factory=list)
    contact_email: str = ""
    channels: list[str] = field(default_factory=list)  # the keys of the uses she ticked
    channels_offered: str = ""  # `choice.fingerprint` of the list she read ("": not checked)
    expires_on: date | None = None
    expiry_event: str = ""
    material_connection: str = ""
    material_details: str = ""
    signer_role: str = "patient"
    representative_authority: str = ""
    attest_adult: bool = False
    attest_identity: bool = False
    signature: str = ""
    authorization_version: str = ""
    honeypot: str = ""


@dataclass(frozen=True)
class Receipt:
    """Shown once to the patient: the code; ids are for the caller, not shown."""

    code: str
    public_id: str
    story_id: int


def display_name_for(mode: str, name: str) -> str:
    """The name to show for `mode`, checked: "" when anonymous, initials or letters otherwise."""
    if mode not in DISPLAY_MODES:
        raise InvalidInput("Please choose how you would like to be named.")
    if mode == "anonymous":
        return ""
    name = clean_line(name, MAX_DISPLAY_NAME_CHARS, "name to show")
    pattern = INITIALS if mode == "initials" else _PSEUDONYM
    if not pattern.match(name):
        hint = "up to four letters, e.g. R.K." if mode == "initials" else "letters only"
        raise InvalidInput(f"The name to show should be {hint}.")
    return name


def tags_for(tags: list[str]) -> str:
    """The chosen topics, stored comma-separated; only topics from `TOPICS` are accepted."""
    chosen = [t for t in dict.fromkeys(tags or []) if t in TOPICS]
    if len(chosen) != len(set(tags or [])) or len(chosen) > MAX_TAGS:
        raise InvalidInput(f"Choose up to {MAX_TAGS} topics from the list.")
    return ",".join(chosen)


def _email(value: str) -> str:
    email = normalize_line(value or "")
    if email and (len(email) > MAX_EMAIL_CHARS or not _EMAIL.match(email)):
        raise InvalidInput("The contact email does not look like an email address.")
    return email


def parse_expiry(expires_on: date | None, today: date) -> date:
    if expires_on is None:
        return today + timedelta(days=DEFAULT_TERM_DAYS)
    if not today < expires_on <= today + timedelta(days=MAX_TERM_DAYS):
        raise InvalidInput("The expiry date must be in the future and within ten years.")
    return expires_on


class InvalidSubmission(InvalidInput):
    """The form has problems: every one of them, each named by its field.

    `problems` is a list of (field, message); the fields are `SubmissionForm`
    attribute names (or "form" for the form as a whole).  Messages never
    repeat what was typed.
    """

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = list(problems)
        super().__init__(" ".join(message for _, message in self.problems))


class DuplicateStory(InvalidInput):
    """The same words were already submitted (and not withdrawn)."""


class ReceiptCodeUsed(InvalidInput):
    """The receipt code chosen for a new story already opens a stored story."""


class _Problems:
    """Collects field problems so that one press of Send lists them all."""

    def __init__(self) -> None:
        self.found: list[tuple[str, str]] = []

    def add(self, field_name: str, message: str) -> None:
        self.found.append((field_name, message))

    def check(self, field_name: str, fn, *args, **kwargs):
        """`fn(*args, **kwargs)`, or None after noting its `InvalidInput` under `field_name`."""
        try:
            return fn(*args, **kwargs)
        except InvalidInput as exc:
            self.add(field_name, str(exc))
            return None

    def raise_any(self) -> None:
        if self.found:
            raise InvalidSubmission(self.found)


def _consent_fields(form: SubmissionForm, today: date, problems: _Problems) -> dict:
    """The consent's columns; every missing choice or statement is noted in `problems`."""
    problems.check("channels", choice.check_choice, form.channels)
    if form.channels_offered and form.channels_offered != choice.fingerprint(choice.offered()):
        problems.add("form", choice.LIST_CHANGED)
    expires_on = problems.check("expires_on", parse_expiry, form.expires_on, today)
    if form.material_connection not in MATERIAL_CONNECTIONS:
        problems.add("material_connection", "Please answer the question about connections "
                                            "with the clinic.")
    authority = problems.check("representative_authority", clean_line,
                               form.representative_authority, 200, "authority", required=False)
    if form.signer_role not in SIGNER_ROLES:
        problems.add("signer_role", "Please say whether you are the patient or their "
                                    "representative.")
    elif form.signer_role == "representative" and authority == "":
        problems.add("representative_authority", "Please describe your authority to act for "
                                                 "the patient.")
    if not form.attest_identity:
        problems.add("attest_identity", "Please confirm that you are the patient or their "
                                        "representative and have read the authorization.")
    if not form.attest_adult:
        problems.add("attest_adult", "Please confirm that you are 18 or older.")
    return {
        "expires_on": expires_on,
        "expiry_event": problems.check("expiry_event", clean_line, form.expiry_event, 200,
                                       "expiry event", required=False),
        "signer_role": form.signer_role,
        "representative_authority": authority,
        "attest_adult": True,
        "attest_identity": True,
        "material_connection": form.material_connection,
        "material_details": problems.check("material_details", clean_line,
                                           form.material_details, 300,
                                           "details of the connection", required=False),
    }


def _refuse_duplicate(body: str, session: Session) -> None:
    if already_stored(body, "web", session=session):
        raise DuplicateStory(
            "This story has already reached us, so it was not sent again. " + receipts.LOST_CODE
        )


#: A title that passes `clean_line`, used to check the story text on its own
#: through `clean_story` when the real title has a problem of its own.
_STAND_IN_TITLE = "Untitled"


def _story_fields(form: SubmissionForm, problems: _Problems) -> tuple[str, str, str]:
    """Title, body and display name, each problem noted under its own field."""
    title = problems.check("title", clean_line, form.title, MAX_TITLE_CHARS, "title")
    cleaned = problems.check("body", clean_story, title or _STAND_IN_TITLE, form.body)
    body = cleaned[1] if cleaned else ""
    name_field = "display_name" if form.display_mode in DISPLAY_MODES else "display_mode"
    display_name = problems.check(name_field, display_name_for, form.display_mode,
                                  form.display_name)
    return title or "", body, display_name or ""


def check_form(form: SubmissionForm, *, session: Session) -> dict:
    """Every field checked and cleaned; `InvalidSubmission` lists all the problems.

    The honeypot is answered alone and vaguely: a bot learns nothing.
    """
    if form.honeypot:
        raise InvalidSubmission([("form", "Your submission could not be accepted.")])
    problems = _Problems()
    title, body, display_name = _story_fields(form, problems)
    tags = problems.check("tags", tags_for, form.tags)
    email = problems.check("contact_email", _email, form.contact_email)
    consent_fields = _consent_fields(form, utcnow().date(), problems)
    signature = problems.check("signature", clean_line, form.signature, MAX_SIGNATURE_CHARS,
                               "signature")
    terms = authorization.current(session)
    if form.authorization_version and form.authorization_version != terms.version:
        problems.add("form", "The authorization was updated while you wrote. Please read it "
                             "again.")
    problems.raise_any()
    return {"title": title, "body": body, "display_name": display_name, "tags": tags,
            "email": email, "consent": consent_fields, "signature": signature, "terms": terms,
            "channels": choice.check_choice(form.channels)}


def receipt_stored(code: str, *, session: Session) -> bool:
    """Whether a story was stored under `code` (the page's pending code, see `submit_story`)."""
    digest = receipts.code_hash(code or "")
    return session.exec(select(Story.id).where(Story.receipt_hash == digest)).first() is not None


def _new_story_code(code: str | None, session: Session) -> str:
    """`code` if the caller chose one (well formed and unused), else a fresh one."""
    if code is None:
        return receipts.new_code()
    if not receipts.well_formed(code):
        raise ValueError("a receipt code must come from receipts.new_code()")
    if receipt_stored(code, session=session):
        raise ReceiptCodeUsed("This story has already reached us.")
    return receipts.grouped(code)


def submit_story(form: SubmissionForm, *, session: Session, code: str | None = None) -> Receipt:
    """Validate and store a new story with its consent; return the receipt.

    `code`: a receipt code from `receipts.new_code()` that the caller already
    keeps (the share page keeps it in the browser session before sending, so
    that a run cut short after the commit cannot lose it); None for a new one.
    """
    checked = check_form(form, session=session)
    terms = checked["terms"]
    _refuse_duplicate(checked["body"], session)  # two sent at once: the second sees the first
    code = _new_story_code(code, session)
    new = NewStory(title=checked["title"], body=checked["body"], display_mode=form.display_mode,
                   display_name=checked["display_name"], tags=checked["tags"],
                   contact_email_enc=crypto.encrypt(checked["email"]))
    story, _ = create_story(new, code, session=session, detail=lambda _: f"authorization {terms.version}")
    consent = Consent(
        story_id=story.id,
        authorization_id=terms.id,
        authorization_version=terms.version,
        authorization_sha256=terms.sha256,
        signature_enc=crypto.encrypt(checked["signature"]),
        **checked["consent"],
    )
    choice.record_choice(consent, checked["channels"], session=session)
    return Receipt(code=code, public_id=story.public_id, story_id=story.id)


SUBMIT_WINDOW = timedelta(hours=1)
SUBMIT_LIMITED = ("Too many stories were sent from here in the last hour. Please try again "
                  "later; your text is still in the form.")


def share_story(form: SubmissionForm, client_key: str, *, session: Session,
                code: str | None = None) -> Receipt:
    """Submit from the public form: refused when this client already stored its hourly
    limit of stories, and counted only when the story was stored.

    A refused form (any `InvalidInput`) rolls the whole transaction back, so
    mistakes never use up the limit; `client_key` is already a hash.
    """
    name = ratelimit.bucket("submit", client_key)
    ratelimit.check(name, limit=get_settings().submit_limit, window=SUBMIT_WINDOW,
                    session=session, message=SUBMIT_LIMITED)
    receipt = submit_story(form, session=session, code=code)
    ratelimit.count(name, session=session)
    return receipt
