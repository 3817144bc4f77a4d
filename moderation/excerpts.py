"""Staff side of excerpts: propose, retire, list, record a use, export the usable ones.

The services behind the *Excerpts* page and `python -m stories excerpts`.
Proposing and retiring are moderators' work (permission "review"); reading
the list, recording where an excerpt was used and exporting the usable ones
are open to staff who review or publish (the communications team publishes).
Stories are named by their opaque public id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import Session, select

from moderation.roles import StaffIdentity, require
from moderation.takedowns import require_ledger_staff
from stories.distribution import excerpt_export, excerpts, ledger
from stories.distribution.channels import EXCERPTS, require_channel
from stories.errors import ConsentMissing, NotFound
from stories.models import Distribution, Excerpt, Story, utcnow
from stories.revisions import current_revision
from stories.workflow import Status


def _story(public_id: str, session: Session) -> Story:
    story = session.exec(select(Story).where(Story.public_id == (public_id or "").strip())).first()
    if story is None:
        raise NotFound("There is no story with that id.")
    return story


@dataclass(frozen=True)
class Candidate:
    """An approved story whose consent allows excerpts today, with its approved text."""

    public_id: str
    title: str
    body: str


def candidates(*, who: StaffIdentity | None, session: Session) -> list[Candidate]:
    """Approved stories an excerpt may be proposed from today (the page's choices)."""
    require(who, "review")
    today = utcnow().date()
    found = []
    for story in session.exec(select(Story).where(Story.status == Status.APPROVED.value,
                                                  Story.erased_at.is_(None)).order_by(Story.id)):
        try:
            require_channel(story, EXCERPTS, today, session=session)
        except ConsentMissing:
            continue
        revision = current_revision(story, session=session)
        found.append(Candidate(story.public_id, revision.title, revision.body))
    return found


@dataclass(frozen=True)
class Preview:
    """What proposing a passage would meet: its length, origin and scan (counts and kinds only)."""

    chars: int
    verbatim: bool
    leftovers: int
    finding_kinds: list[str]


def preview(public_id: str, text: str, *, who: StaffIdentity | None, session: Session) -> Preview:
    """Check a passage before proposing it (nothing is written)."""
    require(who, "review")
    story = _story(public_id, session)
    text = excerpts.clean_excerpt(text)
    revision = current_revision(story, session=session)
    return Preview(len(text), excerpts.is_verbatim(text, revision.title, revision.body),
                   excerpts.leftover_count(story, text, session=session),
                   excerpts.finding_kinds(text))


def propose(public_id: str, text: str, *, checked_findings: bool = False,
            who: StaffIdentity | None, session: Session) -> Excerpt:
    """Propose a passage of an approved story for the patient's sign-off."""
    who = require(who, "review")
    return excerpts.propose(_story(public_id, session), text, staff_id=who.id,
                            checked_findings=checked_findings, session=session)


def retire(excerpt_id: int, *, who: StaffIdentity | None, session: Session) -> Excerpt:
    """Stop using an excerpt; its uses still out there get takedown tasks."""
    who = require(who, "review")
    return excerpts.retire(excerpt_id, staff_id=who.id, session=session)


def listing(*, who: StaffIdentity | None, session: Session, public_id: str | None = None,
            usable_only: bool = False) -> list[excerpts.ExcerptLine]:
    """Every excerpt (of one story if given), with its status and whether it is usable today."""
    require_ledger_staff(who)
    story_id = _story(public_id, session).id if public_id else None
    return excerpts.listing(session=session, story_id=story_id, usable_only=usable_only)


def record_use(excerpt_id: int, where: str, used_on: date, note: str = "", *,
               who: StaffIdentity | None, session: Session) -> Distribution:
    """Record where a signed-off excerpt was used; refused unless it is usable right now."""
    who = require_ledger_staff(who)
    excerpt = session.get(Excerpt, excerpt_id)
    if excerpt is None:
        raise NotFound("There is no such excerpt.")
    story = session.get(Story, excerpt.story_id)
    return ledger.record_use(story, EXCERPTS, where, used_on, note, staff_id=who.id,
                             session=session, excerpt=excerpt)


def export(folder: Path, *, who: StaffIdentity | None, session: Session) -> tuple[Path, int]:
    """Write the file of usable excerpts for the communications team."""
    require_ledger_staff(who)
    return excerpt_export.write_export(folder, session=session)


def export_text(*, who: StaffIdentity | None, session: Session) -> str:
    """The same file's content, for the page's download."""
    require_ledger_staff(who)
    today = utcnow().date()
    return excerpt_export.render(excerpts.listing(session=session, usable_only=True, today=today),
                                 today)
