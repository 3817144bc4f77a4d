"""Excerpts: a short passage of an approved story, signed off by her, used only where she allowed.

A moderator picks a passage of the approved text (or writes a short one
from it) and proposes it (`propose`): the story must be approved in the text
she signed off and her consent must be valid today and cover the excerpts
channel (`channels.require_channel`).  The passage is bounded, cleaned like
every field (`stories.fields`) and scanned: a word of an identifier that was
redacted from her story refuses it outright (`stories.leftovers`), any other
detected identifier refuses it unless the moderator confirms she checked
each one (audited as a count).  The patient then signs it off or declines it
with her receipt code, naming the exact words she was shown by their hash
(`sign_off`, `decline`), as she does for the story.  Staff may retire an
excerpt; its uses still out there then get takedown tasks
(`stories.distribution.takedowns` reads the announced event).

An excerpt is *usable* (`require_usable`) only while it is signed off, cut
from the story's current text, and the story's consent covers excerpts at
that very moment.  Words are insert-only: another passage is a new row.
Audit rows name the excerpt and its hash, never its words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import update
from sqlmodel import Session, func, select

from stories.audit import record
from stories.detect import detect
from stories.distribution.channels import EXCERPTS, require_channel
from stories.errors import (
    ConsentMissing,
    IdentifiersRemain,
    InvalidInput,
    InvalidTransition,
    NotFound,
    StaleRevision,
)
from stories.events import Event
from stories.fields import clean_line
from stories.leftovers import mentions, redacted_words
from stories.models import Distribution, Excerpt, Story, utcnow
from stories.patient import find_story, readable_date
from stories.revisions import current_revision, original_revision
from stories.scans import field_text
from stories.texthash import excerpt_hash
from stories.workflow import Status

MIN_EXCERPT_CHARS = 20
MAX_EXCERPT_CHARS = 500
MAX_EXCERPT_COMMENT = 500


class ExcerptStatus(StrEnum):
    """Where an excerpt stands (the one list; `Excerpt.status` holds these values)."""

    PROPOSED = "proposed"
    SIGNED_OFF = "signed off"
    DECLINED = "declined"
    RETIRED = "retired"


X = ExcerptStatus


@dataclass(frozen=True)
class Move:
    """From which statuses an event may move an excerpt, and to which."""

    sources: frozenset[ExcerptStatus]
    to: ExcerptStatus


#: Every change of an excerpt's status, keyed by its audit event.
MOVES: dict[Event, Move] = {
    Event.EXCERPT_SIGNED_OFF: Move(frozenset({X.PROPOSED}), X.SIGNED_OFF),
    Event.EXCERPT_DECLINED: Move(frozenset({X.PROPOSED}), X.DECLINED),
    Event.EXCERPT_RETIRED: Move(frozenset({X.PROPOSED, X.SIGNED_OFF}), X.RETIRED),
}


class ExcerptLeftovers(IdentifiersRemain):
    """The passage holds a word of an identifier that was redacted from her story."""


class ExcerptFindings(IdentifiersRemain):
    """The passage may hold identifiers, and the moderator has not confirmed she checked them."""


class ExcerptNotUsable(ConsentMissing):
    """The excerpt may not be used now (not signed off, retired, or cut from an older text)."""


def clean_excerpt(text: str) -> str:
    """The passage on one line, normalized, between the bounds; never quoted in a message."""
    text = clean_line(text, MAX_EXCERPT_CHARS, "excerpt")
    if len(text) < MIN_EXCERPT_CHARS:
        raise InvalidInput(f"An excerpt needs at least {MIN_EXCERPT_CHARS} characters.")
    return text


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def is_verbatim(text: str, title: str, body: str) -> bool:
    """Whether `text` is word for word in the title or the body (spacing aside)."""
    return _squeezed(text) in _squeezed(body) or _squeezed(text) in _squeezed(title)


def leftover_count(story: Story, text: str, *, session: Session) -> int:
    """How many words of identifiers redacted since her original text are in `text`."""
    original = original_revision(story, session=session)
    current = current_revision(story, session=session)
    words: dict[str, str] = {}
    for field in ("title", "body"):
        words.update(redacted_words(field_text(original, field), field_text(current, field)))
    return len(mentions(text, words))


def finding_kinds(text: str) -> list[str]:
    """The kinds of every identifier the detector sees in `text` (one entry per finding)."""
    return [f.kind for f in detect(text)]


def _kinds_words(kinds: list[str]) -> str:
    return ", ".join(sorted({k.lower() for k in kinds}))


def _refuse_duplicate(story: Story, digest: str, session: Session) -> None:
    """The same words may not wait for her answer twice, nor be proposed again once approved."""
    twin = session.exec(select(Excerpt.id, Excerpt.status).where(
        Excerpt.story_id == story.id, Excerpt.content_hash == digest,
        Excerpt.status.in_([X.PROPOSED.value, X.SIGNED_OFF.value]))).first()
    if twin is not None:
        raise InvalidInput(f"This excerpt is already {twin[1]} (excerpt {twin[0]}).")


def propose(story: Story, text: str, *, staff_id: int | None, checked_findings: bool = False,
            session: Session, today: date | None = None) -> Excerpt:
    """Propose a passage of an approved story for her sign-off; refused as the module says."""
    today = today or utcnow().date()
    require_channel(story, EXCERPTS, today, session=session)
    text = clean_excerpt(text)
    if leftover_count(story, text, session=session):
        raise ExcerptLeftovers("The excerpt holds a word of a name or detail that was removed "
                               "from her story. Leave it out.")
    kinds = finding_kinds(text)
    if kinds and not checked_findings:
        raise ExcerptFindings(f"The excerpt may identify someone ({len(kinds)} possible "
                              f"identifier(s): {_kinds_words(kinds)}). Check each one; if it "
                              "identifies nobody, confirm that you checked them.")
    _refuse_duplicate(story, excerpt_hash(text), session)
    revision = current_revision(story, session=session)
    excerpt = Excerpt(story_id=story.id, text=text, content_hash=excerpt_hash(text),
                      revision_hash=revision.content_hash,
                      verbatim=is_verbatim(text, revision.title, revision.body),
                      status=X.PROPOSED.value, proposed_by=staff_id, finding_count=len(kinds))
    session.add(excerpt)
    session.flush()
    checked = f", {len(kinds)} possible identifier(s) checked by staff" if kinds else ""
    record(session, actor_kind="staff", actor_id=staff_id, action=Event.EXCERPT_PROPOSED,
           story_id=story.id, revision_hash=excerpt.content_hash,
           detail=f"excerpt {excerpt.id}, {'verbatim' if excerpt.verbatim else 'written'}"
                  f"{checked}")
    return excerpt


def _move(excerpt: Excerpt, event: Event, *, actor_kind: str, actor_id: int | None,
          session: Session, detail: str = "", **values) -> Excerpt:
    """Change the excerpt's status if `MOVES` allows it (compare-and-set), and audit it."""
    move = MOVES[event]
    if X(excerpt.status) not in move.sources:
        raise InvalidTransition(f"This excerpt is {excerpt.status}, so that is no longer "
                                "possible.")
    done = session.execute(update(Excerpt).where(Excerpt.id == excerpt.id,
                                                 Excerpt.status == excerpt.status)
                           .values(status=move.to.value, **values))
    if done.rowcount != 1:
        raise StaleRevision("This excerpt was changed a moment ago. Reload and try again.")
    session.refresh(excerpt)
    record(session, actor_kind=actor_kind, actor_id=actor_id, action=event,
           story_id=excerpt.story_id, revision_hash=excerpt.content_hash,
           detail=f"excerpt {excerpt.id}{detail}")
    return excerpt


def from_current_text(excerpt: Excerpt, story: Story, *, session: Session) -> bool:
    """Whether the excerpt was cut from the text the story shows now (a later edit voids it)."""
    if story.erased_at is not None:
        return False
    return excerpt.revision_hash == current_revision(story, session=session).content_hash


def _hers(code: str, excerpt_id: int, seen_hash: str, session: Session) -> tuple[Story, Excerpt]:
    """Her story and one of its excerpts, exactly as she was shown it."""
    story = find_story(code, session=session)
    excerpt = session.get(Excerpt, excerpt_id)
    if excerpt is None or excerpt.story_id != story.id:
        raise NotFound("There is no such excerpt of your story.")
    if excerpt.content_hash != seen_hash:
        raise StaleRevision("This excerpt changed since you opened it. Reload the page to "
                            "see it as it is now; nothing was saved.")
    return story, excerpt


def sign_off(code: str, excerpt_id: int, seen_hash: str, *, session: Session) -> Excerpt:
    """She approves exactly the words she was shown (`seen_hash`)."""
    story, excerpt = _hers(code, excerpt_id, seen_hash, session)
    if story.status != Status.APPROVED.value or not from_current_text(excerpt, story,
                                                                      session=session):
        raise InvalidInput("Your story changed since the clinic proposed this excerpt, so it "
                           "can no longer be approved. The clinic will ask again if it still "
                           "wants to quote you.")
    return _move(excerpt, Event.EXCERPT_SIGNED_OFF, actor_kind="patient", actor_id=None,
                 session=session, answered_at=utcnow())


def decline(code: str, excerpt_id: int, seen_hash: str, comment: str = "", *,
            session: Session) -> Excerpt:
    """She says no to the excerpt she was shown, optionally telling the clinic why."""
    _, excerpt = _hers(code, excerpt_id, seen_hash, session)
    comment = clean_line(comment, MAX_EXCERPT_COMMENT, "comment", required=False)
    return _move(excerpt, Event.EXCERPT_DECLINED, actor_kind="patient", actor_id=None,
                 session=session, detail=", with a comment" if comment else "",
                 answered_at=utcnow(), patient_comment=comment)


def active_uses(excerpt_id: int, *, session: Session) -> list[Distribution]:
    """The excerpt's uses still out there (not ended)."""
    return list(session.exec(select(Distribution).where(
        Distribution.excerpt_id == excerpt_id, Distribution.ended_at.is_(None))
        .order_by(Distribution.id)))


def retire(excerpt_id: int, *, staff_id: int | None, session: Session) -> Excerpt:
    """Staff stop using an excerpt; its uses still out there get takedown tasks (announced)."""
    excerpt = session.get(Excerpt, excerpt_id)
    if excerpt is None:
        raise NotFound("There is no such excerpt.")
    uses = len(active_uses(excerpt.id, session=session))
    return _move(excerpt, Event.EXCERPT_RETIRED, actor_kind="staff", actor_id=staff_id,
                 session=session, detail=f", {uses} use(s) to take down",
                 retired_at=utcnow(), retired_by=staff_id)


def require_usable(excerpt: Excerpt, story: Story, today: date, *, session: Session) -> None:
    """Refuse a use of `excerpt` unless it may be used right now (see the module docstring)."""
    if excerpt.story_id != story.id:
        raise NotFound("That excerpt is not from this story.")
    require_channel(story, EXCERPTS, today, session=session)
    if excerpt.status != X.SIGNED_OFF.value:
        raise ExcerptNotUsable(f"This excerpt may not be used: it is {excerpt.status}, not "
                               "signed off by the patient.")
    if not from_current_text(excerpt, story, session=session):
        raise ExcerptNotUsable("This excerpt may not be used: the story's text changed since "
                               "it was cut. Retire it and propose it again.")


WITHDRAWN_WITH_STORY = ("The story was withdrawn and its text erased: none of its excerpts "
                        "may be used, and their uses are on the takedown list.")


def usable_now(excerpt: Excerpt, story: Story, today: date, *, session: Session) -> str:
    """"" when the excerpt may be used today, else why not (for the staff list)."""
    if story.erased_at is not None:
        return WITHDRAWN_WITH_STORY
    try:
        require_usable(excerpt, story, today, session=session)
    except (ConsentMissing, NotFound) as exc:
        return str(exc)
    return ""


@dataclass(frozen=True)
class ExcerptLine:
    """One excerpt as staff see it: the words, where it stands, and whether it may be used."""

    excerpt_id: int
    public_id: str
    text: str
    content_hash: str
    status: str
    verbatim: bool
    finding_count: int
    proposed_at: datetime
    answered_at: datetime | None
    patient_comment: str
    active_uses: int
    why_not_usable: str  # "" when usable today

    @property
    def usable(self) -> bool:
        return not self.why_not_usable


def listing(*, session: Session, story_id: int | None = None, usable_only: bool = False,
            today: date | None = None) -> list[ExcerptLine]:
    """Excerpts of every story (or one), oldest first; only the usable ones if asked."""
    today = today or utcnow().date()
    query = select(Excerpt, Story).join(Story, Story.id == Excerpt.story_id).order_by(Excerpt.id)
    if story_id is not None:
        query = query.where(Excerpt.story_id == story_id)
    if usable_only:
        query = query.where(Excerpt.status == X.SIGNED_OFF.value,
                            Story.status == Status.APPROVED.value, Story.erased_at.is_(None))
    uses = dict(session.exec(select(Distribution.excerpt_id, func.count()).where(
        Distribution.excerpt_id.is_not(None), Distribution.ended_at.is_(None))
        .group_by(Distribution.excerpt_id)).all())
    lines = []
    for excerpt, story in session.exec(query).all():
        why = usable_now(excerpt, story, today, session=session)
        if usable_only and why:
            continue
        lines.append(ExcerptLine(excerpt.id, story.public_id, excerpt.text, excerpt.content_hash,
                                 excerpt.status, excerpt.verbatim, excerpt.finding_count,
                                 excerpt.proposed_at, excerpt.answered_at,
                                 excerpt.patient_comment, uses.get(excerpt.id, 0), why))
    return lines


@dataclass(frozen=True)
class PatientExcerpt:
    """One excerpt as she sees it on Check my story."""

    excerpt_id: int
    text: str
    content_hash: str
    status: str
    answered_on: str  # "" while she has not answered


def _may_ask(story: Story, session: Session) -> bool:
    """Whether she may be asked about excerpts now: the use is still allowed today."""
    try:
        require_channel(story, EXCERPTS, utcnow().date(), session=session)
    except ConsentMissing:
        return False
    return True


def for_patient(code: str, *, session: Session) -> list[PatientExcerpt]:
    """Excerpts waiting for her answer and those she signed off.

    A proposal is shown only while it can still be used: cut from her current
    text, and her consent still covering excerpts today.
    """
    story = find_story(code, session=session)
    if story.erased_at is not None:
        return []
    rows = session.exec(select(Excerpt).where(
        Excerpt.story_id == story.id,
        Excerpt.status.in_([X.PROPOSED.value, X.SIGNED_OFF.value])).order_by(Excerpt.id)).all()
    ask = any(e.status == X.PROPOSED.value for e in rows) and _may_ask(story, session)
    return [PatientExcerpt(e.id, e.text, e.content_hash, e.status,
                           readable_date(e.answered_at) if e.answered_at else "")
            for e in rows
            if e.status == X.SIGNED_OFF.value
            or (ask and from_current_text(e, story, session=session))]
