"""The moderation queue and the review screen's read model.

Read-only services: a page calls one of these and shows the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from moderation.auth import StaffIdentity, require
from stories.consent import Check, checks, consent_for
from stories.detect import reidentification_hints
from stories.errors import NotFound
from stories.identifiers import FieldFinding, findings_for
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
class ReviewView:
    """Everything the review screen shows for one story."""

    story: Story
    revision: Revision
    original: Revision
    revisions: list[Revision]
    findings: list[FieldFinding]
    consent_checks: list[Check]
    signed_off_current: bool
    actions: list[str]
    hints: list[str]


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
    return ReviewView(
        story=story,
        revision=revision,
        original=original_revision(story, session=session),
        revisions=history(story, session=session),
        findings=found,
        consent_checks=checks(story, consent, utcnow().date(), session=session),
        signed_off_current=story.signed_off_hash == revision.content_hash,
        actions=[a.value for a in allowed_actions(story.status, "staff") if a != Action.EXPIRE],
        hints=reidentification_hints(revision.body, body_findings),
    )
