"""Helpers shared by the excerpt tests: an approved story, propose, sign, use, sync."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import select

from moderation import excerpts as staff_excerpts
from stories.db import transaction
from stories.distribution import excerpts, takedowns
from stories.events import Event
from stories.models import AuditEvent, Distribution, Excerpt
from tests import factories as f

ROOT = Path(__file__).resolve().parents[1]
TODAY = date.today()
QUOTE = "the dilators and physiotherapy helped. You are not broken."
WRITTEN = "Slowly, with physiotherapy, things got better for me."
NAMED = "My sister Margaret held my hand through it all, and it helped."
LEFTOVER = "Dr Novikova finally explained it to me, and it helped."


approved_story = f.approved
story_public_id = f.public_id


def propose_excerpt(receipt, who, text=QUOTE, checked=False) -> Excerpt:
    with transaction() as s:
        return staff_excerpts.propose(story_public_id(receipt.story_id), text, checked_findings=checked,
                                      who=who, session=s)


def sign_excerpt(receipt, excerpt: Excerpt, seen: str | None = None):
    with transaction() as s:
        return excerpts.sign_off(receipt.code, excerpt.id, seen or excerpt.content_hash, session=s)


def use_excerpt(excerpt: Excerpt, who, where="spring leaflet") -> Distribution:
    with transaction() as s:
        return staff_excerpts.record_use(excerpt.id, where, TODAY, who=who, session=s)


def excerpt_row(excerpt_id: int) -> Excerpt:
    with transaction() as s:
        return s.get(Excerpt, excerpt_id)


def audit_rows(action: Event) -> list[AuditEvent]:
    with transaction() as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == action.value)
                           .order_by(AuditEvent.id)))


def sync_takedowns() -> int:
    with transaction() as s:
        return takedowns.sync(session=s)


def task_copies(story_id: int) -> list[tuple[int, str]]:
    """(distribution id, reason) of every takedown task of the story."""
    with transaction() as s:
        return [(t.distribution_id, t.reason) for t in s.exec(
            select(takedowns.TakedownTask).where(takedowns.TakedownTask.story_id == story_id)
            .order_by(takedowns.TakedownTask.id))]


