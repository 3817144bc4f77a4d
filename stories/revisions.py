"""Revisions: every change to what a story publishes (title, body, name) is a new, hashed row."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from stories import scans
from stories.errors import NotFound, StaleRevision
from stories.models import Revision, Story
from stories.texthash import content_hash


def current_revision(story: Story, *, session: Session) -> Revision:
    """The revision the story currently shows."""
    revision = session.get(Revision, story.current_revision_id)
    if revision is None:
        raise NotFound("This story has no text.")
    return revision


def original_revision(story: Story, *, session: Session) -> Revision:
    """The patient's own first version."""
    query = select(Revision).where(Revision.story_id == story.id).order_by(Revision.number)
    return session.exec(query.limit(1)).one()


def require_current(story: Story, expected_hash: str | None, *, session: Session) -> Revision:
    """Return the current revision, or raise if the caller saw an older one."""
    revision = current_revision(story, session=session)
    if expected_hash is not None and revision.content_hash != expected_hash:
        raise StaleRevision(
            "The story changed since you opened it (someone else edited it). "
            "Reload to see the current text; nothing was saved."
        )
    return revision


def add_revision(
    story: Story,
    title: str,
    body: str,
    *,
    session: Session,
    author_kind: str,
    display_name: str = "",
    author_id: int | None = None,
    summary: str = "",
    first: bool = False,
) -> Revision:
    """Insert the next revision (the caller points the story at it).

    `display_name` is the name the story is shown under ("" for anonymous);
    it is scanned and hashed with the title and body.

    The story row is locked first, so two concurrent edits cannot both take
    the next number: the second waits, then fails as stale in `perform`.
    """
    number = 0  # a story created in this transaction: nobody else can see it yet
    if not first:
        session.exec(select(Story.id).where(Story.id == story.id).with_for_update()).one()
        number = session.exec(
            select(func.coalesce(func.max(Revision.number), 0)).where(Revision.story_id == story.id)
        ).one()
    revision = Revision(
        story_id=story.id,
        number=number + 1,
        title=title,
        body=body,
        display_name=display_name,
        content_hash=content_hash(title, body, display_name),
        author_kind=author_kind,
        author_id=author_id,
        summary=summary[:200],
        **scans.record(title, body, display_name),
    )
    session.add(revision)
    session.flush()
    return revision


def history(story: Story, *, session: Session) -> list[Revision]:
    """All revisions, oldest first."""
    query = select(Revision).where(Revision.story_id == story.id).order_by(Revision.number)
    return list(session.exec(query))
