"""What a patient can do with her receipt code, and only with it.

Look up her story's status and timeline, see the exact text the clinic wants
to publish with the differences from what she wrote, sign it off or decline,
edit it when changes were requested, and withdraw at any time.  Codes are
compared by hash in constant time; lookups are slowed per client with growing
delays (`start_lookup` / `finish_lookup`), never locked: a right code opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, select

from stories import ratelimit, receipts, rejection
from stories.consent import consent_for
from stories.distribution.channels import WEBSITE
from stories.erasure import erase_and_revoke
from stories.errors import NotFound
from stories.fields import clean_comment, clean_story
from stories.models import AuditEvent, Distribution, Story, utcnow
from stories.revisions import add_revision, current_revision, original_revision, require_current
from stories.workflow import Action, Actor, allowed_actions, check, perform

LOOKUP_WINDOW = timedelta(hours=1)
FREE_LOOKUPS = 5  # wrong codes per client and hour answered without a wait
MAX_LOOKUP_DELAY = 30.0  # seconds: the longest a person with the right code waits
NOT_FOUND = ("No story matches that code. Check it and try again: spaces, dashes and "
             "capital letters do not matter.")

TIMELINE_WORDS = {
    "submit": "You shared your story.",
    "start review": "The clinic started reviewing it.",
    "edit": "The clinic edited the text.",
    "request changes": "The clinic asked you for changes.",
    "patient edit": "You sent an edited version.",
    "send for sign-off": "The clinic asked you to approve the final text.",
    "sign off": "You approved the final text.",
    "decline": "You declined the proposed text.",
    "approve": "The clinic approved it for publication.",
    "publish": "Your story appeared on the clinic's website.",
    "reject": "The clinic decided not to publish it.",
    "reopen": "The clinic took back its decision and is reviewing your story again.",
    "withdraw": "The story was withdrawn and its text erased.",
    "expire": "Your authorization expired; the story was taken down.",
    "request re-confirmation": "The clinic asked whether you still stand by your story.",
    "re-confirm": "You confirmed your story and renewed your permission.",
    "renew": "You renewed your permission; the clinic will review your story again.",
    "reissue code": "The clinic gave you a new receipt code.",
    "excerpt proposed": "The clinic asked to quote a short part of your story.",
    "excerpt signed off": "You approved a short excerpt.",
    "excerpt declined": "You declined a short excerpt.",
    "excerpt retired": "The clinic stopped using a short excerpt.",
}


@dataclass(frozen=True)
class PatientView:
    """Everything the "Check my story" page shows."""

    public_id: str
    status: str
    title: str
    body: str
    original_title: str
    original_body: str
    shown_as: str  # the name the site shows her under ("" = anonymous): part of what she signs
    original_shown_as: str
    revision_hash: str
    clinic_message: str
    timeline: list[tuple[str, str]]
    actions: list[str]
    expires_on: str
    reconfirm_requested: bool
    decision_reason: str = ""  # why the clinic declined to publish, in kind words (`stories.rejection`)
    on_website: bool = False  # a copy is on the clinic's website now (the ledger's open row)


def lookup_delay(wrong: int) -> float:
    """Seconds to wait before answering a client with `wrong` recent wrong codes.

    None for the first `FREE_LOOKUPS` (typos), then 1, 2, 4, 8, 16 seconds,
    then `MAX_LOOKUP_DELAY` for every further attempt in the hour.
    """
    if wrong < FREE_LOOKUPS:
        return 0.0
    return min(2.0 ** (wrong - FREE_LOOKUPS), MAX_LOOKUP_DELAY)


def _lookup_bucket(client_key: str) -> str:
    return ratelimit.bucket("receipt", client_key)


def start_lookup(client_key: str, *, session: Session) -> float:
    """Count this lookup as wrong until it proves right; return the wait before answering.

    Run it in its own transaction before `finish_lookup`, then wait: the
    attempt is recorded before the code is checked, so lookups sent in
    parallel count against each other too.
    """
    name = _lookup_bucket(client_key)
    wrong = ratelimit.used(name, window=LOOKUP_WINDOW, session=session)
    ratelimit.count(name, session=session)
    return lookup_delay(wrong)


def finish_lookup(code: str, client_key: str, *, session: Session) -> bool:
    """Whether `code` opens a story; a right code takes back its counted attempt.

    Never refuses a right code, however many wrong ones came before.
    """
    try:
        find_story(code, session=session)
    except NotFound:
        return False
    ratelimit.uncount(_lookup_bucket(client_key), session=session)
    return True


def find_story(code: str, *, session: Session) -> Story:
    """The story a receipt code opens, or `NotFound` (same message for all)."""
    digest = receipts.code_hash(code or "")
    story = session.exec(select(Story).where(Story.receipt_hash == digest)).first()
    if story is None or not receipts.matches(code, story.receipt_hash):
        raise NotFound(NOT_FOUND)
    return story


def readable_date(day: date | datetime) -> str:
    """A date as people write it: "29 November 2026" (the same in every locale)."""
    return f"{day.day} {day:%B %Y}"


def _timeline(story: Story, session: Session) -> list[tuple[str, str]]:
    """(day, words) per event, a run of identical entries on one day shown once.

    Eight redactions are eight audit rows but one thing the patient needs to know.
    """
    events = session.exec(
        select(AuditEvent).where(AuditEvent.story_id == story.id).order_by(AuditEvent.id)
    )
    entries: list[tuple[str, str]] = []
    for event in events:
        if event.action not in TIMELINE_WORDS:
            continue
        entry = (readable_date(event.at), TIMELINE_WORDS[event.action])
        if not entries or entries[-1] != entry:
            entries.append(entry)
    return entries


def view(code: str, *, session: Session) -> PatientView:
    """The patient's view of her story."""
    story = find_story(code, session=session)
    consent = consent_for(story, session=session)
    erased = story.erased_at is not None
    current = None if erased else current_revision(story, session=session)
    original = None if erased else original_revision(story, session=session)
    return PatientView(
        public_id=story.public_id,
        status=story.status,
        title=current.title if current else "",
        body=current.body if current else "",
        original_title=original.title if original else "",
        original_body=original.body if original else "",
        shown_as=current.display_name if current else "",
        original_shown_as=original.display_name if original else "",
        revision_hash=current.content_hash if current else "",
        clinic_message=story.patient_message,
        timeline=_timeline(story, session),
        actions=[a.value for a in allowed_actions(story.status, "patient")],
        expires_on=readable_date(consent.expires_on) if consent and consent.expires_on else "",
        reconfirm_requested=story.reconfirm_requested_at is not None,
        decision_reason=(rejection.patient_words(story.rejection_reason)
                         if story.status == "rejected" else ""),
        on_website=_on_website(story.id, session),
    )


def _on_website(story_id: int, session: Session) -> bool:
    """Whether the last site export carried the story (an open website row in the ledger)."""
    return session.exec(select(Distribution.id).where(
        Distribution.story_id == story_id, Distribution.channel == WEBSITE,
        Distribution.ended_at.is_(None))).first() is not None


def sign_off(code: str, revision_hash: str, *, session: Session) -> None:
    """Approve exactly the revision shown (by content hash)."""
    story = find_story(code, session=session)
    revision = require_current(story, revision_hash, session=session)
    perform(
        story, Action.SIGN_OFF, Actor.patient(), session=session,
        revision_hash=revision.content_hash,
        changes={"signed_off_hash": revision.content_hash, "signed_off_at": utcnow()},
    )


def decline(code: str, revision_hash: str, comment: str, *, session: Session) -> None:
    """Decline the proposed text, with a comment for the clinic."""
    story = find_story(code, session=session)
    revision = require_current(story, revision_hash, session=session)
    perform(
        story, Action.DECLINE, Actor.patient(), session=session,
        revision_hash=revision.content_hash,
        changes={"patient_comment": clean_comment(comment)},
    )


def edit(code: str, title: str, body: str, *, session: Session) -> None:
    """Send a new version after the clinic asked for changes."""
    story = find_story(code, session=session)
    check(story, Action.PATIENT_EDIT, Actor.patient())
    title, body = clean_story(title, body)
    shown_as = current_revision(story, session=session).display_name
    revision = add_revision(story, title, body, session=session, author_kind="patient",
                            display_name=shown_as, summary="edited by the patient")
    perform(
        story, Action.PATIENT_EDIT, Actor.patient(), session=session,
        revision_hash=revision.content_hash,
        changes={"current_revision_id": revision.id},
    )


def withdraw(code: str, *, session: Session) -> None:
    """Withdraw consent: revoke, leave the queue or the site, erase the text."""
    story = find_story(code, session=session)
    erase_and_revoke(story, Actor.patient(), how="online", session=session)
