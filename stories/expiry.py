"""Authorizations that have run out: take the story down, warn staff ahead."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from stories.models import Consent, Story
from stories.revisions import current_revision
from stories.workflow import TRANSITIONS, Action, Actor, perform

_EXPIRABLE = [s.value for s in TRANSITIONS[Action.EXPIRE].sources]


def _with_consent_until(cutoff: date, session: Session) -> list[tuple[Story, date]]:
    """(story, end date) of each story whose authorization in force ends by `cutoff`.

    Only each story's latest consent counts: a renewal replaces the one before.
    """
    latest = select(func.max(Consent.id)).group_by(Consent.story_id).scalar_subquery()
    query = (
        select(Story, Consent.expires_on)
        .join(Consent, (Consent.story_id == Story.id) & Consent.id.in_(latest))
        .where(Story.status.in_(_EXPIRABLE), Consent.revoked_at.is_(None),
               Consent.expires_on.is_not(None), Consent.expires_on <= cutoff)
        .order_by(Consent.expires_on)
    )
    return [(story, ends) for story, ends in session.exec(query).all()]


def expire_due(today: date, *, session: Session) -> int:
    """Move every story whose authorization expired to `expired`; return how many."""
    due = _with_consent_until(today, session)
    for story, _ in due:
        revision = current_revision(story, session=session)
        perform(story, Action.EXPIRE, Actor.system(), session=session,
                revision_hash=revision.content_hash, detail="authorization expired")
    return len(due)


def expiring_soon(today: date, days: int, *, session: Session) -> list[tuple[Story, date]]:
    """(story, end date) of authorizations ending within `days`, soonest first."""
    return _with_consent_until(today + timedelta(days=days), session)
