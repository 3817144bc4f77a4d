"""The moderation queue and the review screen's read model.

Read-only services: a page calls one of these and shows the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, select

from moderation.roles import StaffIdentity, require
from stories.consent import Check, checks, consent_for
from stories.detect.hints import Hint, hint_details
from stories.errors import NotFound
from stories.expiry import expiring_soon
from stories.identifiers import FieldFinding, findings_for
from stories.leftovers import mentions, redacted_words
from stories.models import Revision, Story, utcnow
from stories.revisions import current_revision, history, original_revision
from stories.workflow import Action, Status, allowed_actions

QUEUE_STATUSES = (
    Status.SUBMITTED, Status.IN_REVIEW, Status.CHANGES_REQUESTED,
    Status.AWAITING_SIGNOFF, Status.SIGNED_OFF,
)


@dataclass(frozen=True)
class QueueItem:
    """One row of the queue: no story text beyond its title."""

    id: int
    public_id: str
    status: str
    title: str
    created_at: datetime
    updated_at: datetime
    findings: str


def status_counts(*, who: StaffIdentity | None, session: Session) -> dict[str, int]:
    """How many stories are in each status."""
    require(who, "review")
    rows = session.exec(select(Story.status, func.count()).group_by(Story.status)).all()
    counts = {s.value: 0 for s in Status}
    counts.update(dict(rows))
    return counts


def queue(statuses: list[str] | None = None, *, who: StaffIdentity | None, session: Session,
          limit: int = 50, offset: int = 0, with_findings_only: bool = False) -> list[QueueItem]:
    """Stories in the chosen statuses, oldest first."""
    require(who, "review")
    wanted = statuses or [s.value for s in QUEUE_STATUSES]
    query = (
        select(Story.id, Story.public_id, Story.status, Revision.title, Story.created_at,
               Story.updated_at, Revision.finding_summary)
        .join(Revision, Revision.id == Story.current_revision_id)
        .where(Story.status.in_(wanted))
        .order_by(Story.created_at, Story.id)
        .offset(offset)
        .limit(limit)
    )
    if with_findings_only:
        query = query.where(Revision.finding_summary != "")
    return [QueueItem(*row) for row in session.exec(query).all()]


@dataclass(frozen=True)
class StoryCard:
    """The story's own fields the review screen shows (a plain copy, not the ORM row)."""

    id: int
    public_id: str
    status: str
    display_mode: str
    tags: str
    signed_off_hash: str | None
    patient_comment: str
    staff_note: str
    reconfirm_requested_at: datetime | None

    @classmethod
    def of(cls, story: Story) -> StoryCard:
        return cls(story.id, story.public_id, story.status, story.display_mode, story.tags,
                   story.signed_off_hash, story.patient_comment, story.staff_note,
                   story.reconfirm_requested_at)


@dataclass(frozen=True)
class RevisionText:
    """One revision as the review screen shows it: its text and who made it when."""

    number: int
    title: str
    body: str
    display_name: str
    content_hash: str
    author_kind: str
    summary: str
    finding_summary: str
    created_at: datetime

    @classmethod
    def of(cls, revision: Revision) -> RevisionText:
        return cls(revision.number, revision.title, revision.body, revision.display_name,
                   revision.content_hash, revision.author_kind, revision.summary,
                   revision.finding_summary, revision.created_at)


@dataclass(frozen=True)
class ReviewView:
    """Everything the review screen shows for one story, as plain read-only values.

    `revision.content_hash` is what the page hands back with every action, so
    the service can refuse one taken on a screen that has since gone stale.
    """

    story: StoryCard
    revision: RevisionText
    original: RevisionText
    revisions: tuple[RevisionText, ...]
    findings: tuple[FieldFinding, ...]
    consent_checks: tuple[Check, ...]
    signed_off_current: bool
    actions: frozenset[Action]  # what staff may do now (`Action` members)
    hint_details: tuple[Hint, ...]  # each warning with the body spans that triggered it

    @property
    def hints(self) -> list[str]:
        """The warnings' messages only."""
        return [hint.message for hint in self.hint_details]


def review(story_id: int, *, who: StaffIdentity | None, session: Session) -> ReviewView:
    """Load one story for the review screen."""
    require(who, "review")
    story = session.get(Story, story_id)
    if story is None or story.erased_at is not None:
        raise NotFound("No such story, or its text was erased after a withdrawal.")
    revision = current_revision(story, session=session)
    found = findings_for(revision, session=session)
    body_findings = [f.finding for f in found if f.field == "body"]
    consent = consent_for(story, session=session)
    original = original_revision(story, session=session)
    return ReviewView(
        story=StoryCard.of(story),
        revision=RevisionText.of(revision),
        original=RevisionText.of(original),
        revisions=tuple(RevisionText.of(r) for r in history(story, session=session)),
        findings=tuple(found),
        consent_checks=tuple(checks(story, consent, utcnow().date(), session=session)),
        signed_off_current=story.signed_off_hash == revision.content_hash,
        actions=frozenset(a for a in allowed_actions(story.status, "staff") if a != Action.EXPIRE),
        hint_details=(*hint_details(revision.body, body_findings),
                      *byline_hints(original, revision)),
    )


BYLINE_HINT = ("The name the story is shown under is part of a name that was redacted from "
               "the text. She chose it, but check that together with the story it does not "
               "identify her.")


def byline_hints(original: Revision, revision: Revision) -> tuple[Hint, ...]:
    """A warning when the byline repeats a word of a name redacted from the title or body
    ("Sarah" over a story whose "Sarah Jones" became "[name]")."""
    if not revision.display_name:
        return ()
    words = {**redacted_words(original.title, revision.title),
             **redacted_words(original.body, revision.body)}
    return (Hint(BYLINE_HINT, ()),) if mentions(revision.display_name, words) else ()


#: Each kind of finding in a moderator's words (the review screen and its legend).
KIND_WORDS = {
    "PERSON": "a person's name",
    "LOCATION": "a place",
    "FACILITY": "a clinic, hospital or workplace",
    "DATE": "a date",
    "AGE": "an age",
    "PHONE": "a phone number",
    "EMAIL": "an email address",
    "URL": "a web address",
    "HANDLE": "a social media name",
    "ID": "an ID or reference number",
}

#: The legend: each highlight colour (see style.css), its words, and the kinds it marks.
LEGEND = (
    ("names of people", ("PERSON",)),
    ("places, clinics, workplaces", ("LOCATION", "FACILITY")),
    ("dates and ages", ("DATE", "AGE")),
    ("phone, email, web, social media, ID numbers", ("PHONE", "EMAIL", "URL", "HANDLE", "ID")),
)


def kind_words(kind: str) -> str:
    """`kind` in plain words ("a person's name"); unknown kinds read as themselves."""
    return KIND_WORDS.get(kind, kind.lower())


_WORD = re.compile(r"\S+\s*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)]*(?:\s+|$)|\n\s*\n")


@dataclass(frozen=True)
class InContext:
    """A span of text with a few words either side, for showing where a finding is."""

    before: str  # with a leading "…" when cut
    words: str
    after: str  # with a trailing "…" when cut


def in_context(text: str, start: int, end: int, words: int = 5) -> InContext:
    """The span `text[start:end]` with up to `words` words either side (on one line)."""
    left = [m.start() for m in _WORD.finditer(text, 0, start)]
    cut_left = left[-words] if len(left) > words else 0
    right = [m.end() for m in _WORD.finditer(text, end)]
    cut_right = right[words - 1] if len(right) > words else len(text)
    before = text[cut_left:start].replace("\n", " ")
    after = text[end:cut_right].replace("\n", " ").rstrip()
    return InContext(("…" if cut_left else "") + before.lstrip(), text[start:end].replace("\n", " "),
                     after + ("…" if cut_right < len(text) else ""))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the sentence(s) holding `text[start:end]`."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    stop = next((m.end() for m in _SENTENCE_END.finditer(text, end)), len(text))
    return begin, stop


def hint_sentences(text: str, hint: Hint) -> list[tuple[int, int]]:
    """The sentences (start, end) that hold a hint's triggering spans, in order, merged."""
    bounds = sorted({sentence_bounds(text, s, e) for s, e in hint.spans})
    merged: list[tuple[int, int]] = []
    for begin, stop in bounds:
        if merged and begin < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(stop, merged[-1][1]))
        else:
            merged.append((begin, stop))
    return merged


@dataclass(frozen=True)
class ExpiringRow:
    """One story whose authorization ends soon, as the queue page lists it."""

    id: int
    public_id: str
    status: str
    expires_on: date
    reconfirm_asked_at: datetime | None


def expiring_rows(today: date, days: int, *, who: StaffIdentity | None,
                  session: Session) -> list[ExpiringRow]:
    """Stories whose authorization in force ends within `days`, with that end date.

    The date comes from the same query `stories.expiry` acts on; no story text is loaded.
    """
    require(who, "review")
    return [ExpiringRow(s.id, s.public_id, s.status, ends, s.reconfirm_requested_at)
            for s, ends in expiring_soon(today, days, session=session)]
