"""The moderator's actions on one story.

Every action names the revision hash the moderator was looking at; if the
story moved on since (another moderator, the patient), it fails with
`StaleRevision` and nothing is written.  Each action is one transaction:
revision, state change and audit event together.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, select

from moderation.roles import StaffIdentity, require
from stories.config import MAX_DISPLAY_NAME_CHARS
from stories.consent import require_publishable
from stories.display_name import redact_display_name
from stories.erasure import erase_and_revoke
from stories.errors import IdentifiersRemain, InvalidInput, NotFound, SignOffMissing
from stories.fields import clean_comment, clean_line, clean_story
from stories.identifiers import (
    carry_kept,
    findings_for,
    fragments_remain,
    leftover_stamp,
    unresolved,
)
from stories.leftovers import leftover_findings, mentions, redact_with_mentions, redacted_words
from stories.models import KeptFinding, Story, utcnow
from stories.redact import redact
from stories.rejection import REASONS
from stories.revisions import add_revision, original_revision, require_current
from stories.scans import FIELDS, field_text
from stories.workflow import Action, Actor, check, perform

#: The reasons a moderator may choose, in her words (the table lives in `stories.rejection`,
#: with the sentence the patient reads for each).
REJECTION_REASONS = {code: reason.staff for code, reason in REASONS.items()}


def _load(story_id: int, who: StaffIdentity | None, session: Session) -> tuple[StaffIdentity, Story]:
    staff = require(who, "review")
    story = session.get(Story, story_id)
    if story is None:
        raise NotFound("No such story.")
    return staff, story


def _new_text(story: Story, staff: StaffIdentity, expected: str, text: dict[str, str],
              summary: str, session: Session) -> str:
    """Save `text` ({field: words}, fields as in `stories.scans.FIELDS`) as a new revision."""
    old = require_current(story, expected, session=session)
    if text == {field: field_text(old, field) for field in FIELDS}:
        raise InvalidInput("Nothing changed.")
    revision = add_revision(story, text["title"], text["body"], session=session,
                            display_name=text["name"], author_kind="staff",
                            author_id=staff.id, summary=summary)
    carry_kept(old, revision, session=session)
    perform(story, Action.EDIT, Actor.staff(staff.id), session=session,
            revision_hash=revision.content_hash, detail=summary,
            changes={"current_revision_id": revision.id})
    return revision.content_hash


def start_review(story_id: int, *, who: StaffIdentity | None, session: Session) -> None:
    """Take a submitted story into review."""
    staff, story = _load(story_id, who, session)
    revision = require_current(story, None, session=session)
    perform(story, Action.START_REVIEW, Actor.staff(staff.id), session=session,
            revision_hash=revision.content_hash)


def edit(story_id: int, expected_hash: str, title: str, body: str, *,
         who: StaffIdentity | None, session: Session, display_name: str | None = None) -> str:
    """Save a free edit as a new revision; returns its hash.

    `display_name` is the name the story is shown under ("" for anonymous);
    None keeps the current one.
    """
    staff, story = _load(story_id, who, session)
    title, body = clean_story(title, body)
    if display_name is None:
        display_name = require_current(story, expected_hash, session=session).display_name
    name = clean_line(display_name, MAX_DISPLAY_NAME_CHARS, "name to show", required=False)
    return _new_text(story, staff, expected_hash, {"title": title, "body": body, "name": name},
                     "edited", session)


def _redact_across_fields(old_title: str, old_body: str, title: str, body: str) -> tuple[str, str]:
    """A name redacted in the title is redacted in the body too, and the other way round."""
    words = {**redacted_words(old_title, title), **redacted_words(old_body, body)}
    if not words:
        return title, body
    title = redact(title, leftover_findings(title, mentions(title, words)))
    body = redact(body, leftover_findings(body, mentions(body, words)))
    return title, body


def redact_findings(story_id: int, expected_hash: str, *, who: StaffIdentity | None,
                    session: Session, keys: Iterable[tuple[str, str, int, int]] = (),
                    kind: str | None = None) -> str:
    """Replace chosen findings (by key, or every finding of `kind`) with placeholders.

    The redacted field is scanned again at once: what then shows up next to a
    placeholder, and every other mention of a redacted identifier's words, is
    redacted with it (`stories.leftovers.redact_with_mentions`; it raises
    `FragmentsRemain` if that does not settle).  The new revision is scanned
    again when it is stored, so anything else the detector finds stays open.
    """
    staff, story = _load(story_id, who, session)
    revision = require_current(story, expected_hash, session=session)
    wanted = set(keys)
    chosen = [f for f in findings_for(revision, session=session)
              if f.key in wanted or (kind is not None and f.finding.kind == kind)]
    if not chosen:
        raise InvalidInput("No matching finding to redact.")
    # "Redact all of a kind" also takes what the rescan then finds of that kind anywhere.
    touching_only = kind is None

    def picked(field: str) -> list:
        return [f.finding for f in chosen if f.field == field]

    title = redact_with_mentions(revision.title, picked("title"), touching_only=touching_only)
    body = redact_with_mentions(revision.body, picked("body"), touching_only=touching_only)
    title, body = _redact_across_fields(revision.title, revision.body, title, body)
    text = {"title": title, "body": body,
            "name": redact_display_name(revision.display_name, picked("name"))}
    kinds = sorted({f.finding.kind for f in chosen})
    summary = f"redacted {len(chosen)} ({', '.join(kinds)})"
    return _new_text(story, staff, expected_hash, text, summary, session)


def keep_finding(story_id: int, expected_hash: str, key: tuple[str, str, int, int], *,
                 who: StaffIdentity | None, session: Session) -> None:
    """Record that a detected span is not identifying and may stay."""
    staff, story = _load(story_id, who, session)
    revision = require_current(story, expected_hash, session=session)
    field, kind, start, end = key
    if key not in {f.key for f in findings_for(revision, session=session)}:
        raise InvalidInput("That finding is no longer in the text.")
    session.add(KeptFinding(revision_id=revision.id, field=field, kind=kind, start=start,
                            end=end, staff_id=staff.id))
    perform(story, Action.KEEP_FINDING, Actor.staff(staff.id), session=session,
            revision_hash=revision.content_hash, detail=f"kept {kind} {field}[{start}:{end}]")


def add_note(story_id: int, note: str, *, who: StaffIdentity | None, session: Session) -> None:
    """Replace the staff-only note (never shown to the patient or exported)."""
    staff, story = _load(story_id, who, session)
    revision = require_current(story, None, session=session)
    perform(story, Action.NOTE, Actor.staff(staff.id), session=session,
            revision_hash=revision.content_hash,
            changes={"staff_note": clean_comment(note, "note")})


def request_changes(story_id: int, expected_hash: str, message: str, *,
                    who: StaffIdentity | None, session: Session) -> None:
    """Send the story back to the patient with a message."""
    staff, story = _load(story_id, who, session)
    revision = require_current(story, expected_hash, session=session)
    message = clean_comment(message, "message")
    if not message:
        raise InvalidInput("Please write a message telling the patient what to change.")
    perform(story, Action.REQUEST_CHANGES, Actor.staff(staff.id), session=session,
            revision_hash=revision.content_hash,
            changes={"patient_message": message})


def send_for_signoff(story_id: int, expected_hash: str, message: str = "", *,
                     who: StaffIdentity | None, session: Session) -> None:
    """Ask the patient to sign off exactly the current text."""
    staff, story = _load(story_id, who, session)
    revision = require_current(story, expected_hash, session=session)
    perform(story, Action.SEND_FOR_SIGNOFF, Actor.staff(staff.id), session=session,
            revision_hash=revision.content_hash,
            changes={"patient_message": clean_comment(message, "message")})


def approve(story_id: int, expected_hash: str, *, who: StaffIdentity | None,
            session: Session) -> None:
    """Approve for publication: consent, exact sign-off and no open finding."""
    staff, story = _load(story_id, who, session)
    revision = require_current(story, expected_hash, session=session)
    check(story, Action.APPROVE, Actor.staff(staff.id))
    require_publishable(story, utcnow().date(), session=session)
    if story.signed_off_hash != revision.content_hash:
        raise SignOffMissing("The patient has not signed off this exact text.")
    remaining = unresolved(revision, session=session)
    if remaining:
        kinds = ", ".join(sorted({f.finding.kind for f in remaining}))
        raise IdentifiersRemain(f"{len(remaining)} detected identifier(s) are neither "
                                f"redacted nor kept: {kinds}.")
    if fragments_remain(original_revision(story, session=session), revision):
        raise IdentifiersRemain("Part of a redacted identifier is still in the text (another "
                                "mention, or a word next to its placeholder). Edit it out first.")
    perform(story, Action.APPROVE, Actor.staff(staff.id), session=session,
            revision_hash=revision.content_hash,
            changes={"approved_at": utcnow(), "published_on": story.published_on or utcnow().date(),
                     "checked_detector": leftover_stamp(revision.content_hash)})


def reject(story_id: int, expected_hash: str, reason: str, *, who: StaffIdentity | None,
           session: Session) -> None:
    """Reject with a reason from the fixed, neutral list."""
    staff, story = _load(story_id, who, session)
    if reason not in REJECTION_REASONS:
        raise InvalidInput("Choose a reason from the list.")
    revision = require_current(story, expected_hash, session=session)
    perform(story, Action.REJECT, Actor.staff(staff.id), session=session,
            revision_hash=revision.content_hash, detail=f"reason {reason}",
            changes={"rejection_reason": reason})


def reopen(story_id: int, expected_hash: str, *, who: StaffIdentity | None,
           session: Session) -> None:
    """Undo a rejection: the story goes back to review (its reason is cleared).

    Only while its words are kept: after the retention purge there is nothing
    left to review.
    """
    staff, story = _load(story_id, who, session)
    if story.erased_at is not None:
        raise InvalidInput("Its text was erased after the retention period, so it cannot be "
                           "reviewed again.")
    revision = require_current(story, expected_hash, session=session)
    perform(story, Action.REOPEN, Actor.staff(staff.id), session=session,
            revision_hash=revision.content_hash, changes={"rejection_reason": None})


def withdraw_for_patient(public_id: str, reason: str, how: str = "paper", *,
                         who: StaffIdentity | None, session: Session) -> None:
    """Record a withdrawal that reached the clinic on paper or by phone."""
    staff = require(who, "review")
    story = session.exec(select(Story).where(Story.public_id == public_id)).first()
    if story is None:
        raise NotFound("No story has that id.")
    if how not in ("paper", "phone", "email"):
        raise InvalidInput("How did the withdrawal reach the clinic: paper, phone or email?")
    clean_comment(reason, "reason")  # validated, but the words are not stored: may be personal
    erase_and_revoke(story, Actor.staff(staff.id), how=how, session=session,
                     detail=f"recorded by staff ({how})")
