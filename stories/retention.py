"""Retention: erase the words of stories that will never be published.

A story that was rejected, withdrawn, or whose authorization expired (and was
not re-confirmed since) keeps its text only for a while, so staff can answer
questions about it.  After `STORIES_RETENTION_DAYS` (default 180) since it
last changed, `purge` erases its text exactly as a withdrawal does
(`stories.erasure.erase_text`: every revision's title and body, the contact
email, display name, messages and staff note).  What stays: the story row
(status, dates, hashes), every consent record (authorizations are kept for
six years) and the audit trail, which gains one "purge" event per story,
holding no text.  Finished email notices (sent, failed or suppressed) older
than the same period are deleted (`stories.notify.queue.forget_finished`):
their masked address and address HMAC tie an address to a story's news.

Each story is claimed with a compare-and-set on `lock_version`, so a purge
running while a moderator acts on the same story skips it (the next run will
see it again) instead of overwriting the moderator's change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from stories.audit import record
from stories.config import SETTINGS, SettingInvalid, get_settings
from stories.erasure import erase_text
from stories.errors import InvalidInput
from stories.events import Event
from stories.models import AuditEvent, Revision, Story, utcnow
from stories.notify.queue import forget_finished
from stories.workflow import Action, Status, claim

RETENTION_ENV = "STORIES_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = int(next(s.default for s in SETTINGS if s.env == RETENTION_ENV))
PURGEABLE = (Status.REJECTED.value, Status.WITHDRAWN.value, Status.EXPIRED.value)


def retention_days() -> int:
    """The configured period (`STORIES_RETENTION_DAYS`, default 180), validated."""
    try:
        return get_settings().retention_days
    except SettingInvalid as exc:
        raise InvalidInput(str(exc)) from None


def _checked(days: int) -> int:
    if days < 1:
        raise InvalidInput("The retention period must be at least one day.")
    return days


@dataclass
class PurgeReport:
    """What a purge did: opaque story ids only, never text."""

    days: int
    cutoff: date
    purged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # changed by someone else meanwhile
    notices_deleted: int = 0


_CONFIRMING = (Action.RECONFIRM.value, Action.RENEW.value)  # the author stood by it again


def _reconfirmed_since_expiry(story_id: int, session: Session) -> bool:
    def last(*actions: str):
        return session.exec(select(func.max(AuditEvent.id)).where(
            AuditEvent.story_id == story_id, AuditEvent.action.in_(actions))).one()

    expired_at, reconfirmed_at = last(Action.EXPIRE.value), last(*_CONFIRMING)
    return reconfirmed_at is not None and (expired_at is None or reconfirmed_at > expired_at)


def due(older_than_days: int, *, session: Session, today: date) -> list[Story]:
    """Stories whose text should go: purgeable status, not yet erased, unchanged since the cutoff."""
    cutoff = datetime.combine(today - timedelta(days=_checked(older_than_days)), time.min, UTC)
    changed = func.coalesce(Story.withdrawn_at, Story.updated_at)
    query = (
        select(Story)
        .where(Story.status.in_(PURGEABLE), Story.erased_at.is_(None), changed < cutoff)
        .order_by(Story.id)
    )
    return [s for s in session.exec(query).all()
            if s.status != Status.EXPIRED.value or not _reconfirmed_since_expiry(s.id, session)]


def purge(older_than_days: int | None = None, *, session: Session,
          today: date | None = None) -> PurgeReport:
    """Erase the text of every story `due`; audit each one; return what was done."""
    days = retention_days() if older_than_days is None else _checked(older_than_days)
    today = today or utcnow().date()
    report = PurgeReport(days=days, cutoff=today - timedelta(days=days))
    for story in due(days, session=session, today=today):
        if not claim(story, session=session):
            report.skipped.append(story.public_id)
            continue
        revision = session.get(Revision, story.current_revision_id)
        erase_text(story, session=session)
        record(session, actor_kind="system", actor_id=None, action=Event.PURGE, story_id=story.id,
               from_status=story.status, to_status=story.status,
               revision_hash=revision.content_hash if revision else None,
               detail=f"text erased after {days} days (retention)")
        report.purged.append(story.public_id)
    report.notices_deleted = forget_finished(
        datetime.combine(report.cutoff, time.min, UTC), session=session)
    return report
