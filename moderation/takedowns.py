"""Staff side of the distribution ledger: record a use, see takedowns, record one done.

The services behind the *Takedowns* page and `python -m stories takedowns`.
Staff who review or publish may use them (moderators record where a story
was used, publishers post it).  Stories are named by their opaque public id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from moderation.roles import StaffIdentity
from stories.consent import consent_for
from stories.distribution import ledger, takedowns
from stories.distribution.channels import channels, consented_channels
from stories.distribution.takedowns import TaskLine
from stories.errors import NotAuthorized, NotFound
from stories.models import Distribution, Story, TakedownTask
from stories.revisions import current_revision
from stories.workflow import Status


def require_ledger_staff(who: StaffIdentity | None) -> StaffIdentity:
    """Staff who review or publish; `NotAuthorized` for anyone else."""
    if who is None or not (who.can("review") or who.can("export")):
        raise NotAuthorized("Your account is not allowed to do this.")
    return who


def _story(public_id: str, session: Session) -> Story:
    story = session.exec(select(Story).where(Story.public_id == (public_id or "").strip())).first()
    if story is None:
        raise NotFound("There is no story with that id.")
    return story


def record_use(public_id: str, channel: str, where: str, used_on: date, note: str = "", *,
               who: StaffIdentity | None, session: Session) -> Distribution:
    """Record a manual use of an approved story; refused unless she consented to the channel now."""
    who = require_ledger_staff(who)
    return ledger.record_use(_story(public_id, session), channel, where, used_on, note,
                             staff_id=who.id, session=session)


def open_tasks(*, who: StaffIdentity | None, session: Session, overdue_only: bool = False,
               include_done: bool = False) -> list[TaskLine]:
    """Read the outbox first (so a withdrawal just made shows), then list the tasks."""
    require_ledger_staff(who)
    takedowns.sync(session=session)
    return takedowns.tasks(session=session, overdue_only=overdue_only, include_done=include_done)


def record_taken_down(task_id: int, taken_down_on: date, *, who: StaffIdentity | None,
                      session: Session) -> TakedownTask:
    """Record that the copy behind `task_id` is gone (who and when are audited)."""
    who = require_ledger_staff(who)
    return takedowns.close(task_id, taken_down_on, staff_id=who.id, session=session)


@dataclass(frozen=True)
class Usable:
    """An approved story (its id and approved title) and the channels it may be used in today."""

    public_id: str
    channels: list[str]
    title: str = ""


def usable_stories(*, who: StaffIdentity | None, session: Session) -> list[Usable]:
    """Approved stories with the channels their consent ticks (the form's choices)."""
    require_ledger_staff(who)
    stories = session.exec(select(Story).where(Story.status == Status.APPROVED.value,
                                               Story.erased_at.is_(None)).order_by(Story.id))
    return [Usable(s.public_id, consented_channels(consent_for(s, session=session),
                                                   session=session),
                   current_revision(s, session=session).title) for s in stories]


def channel_labels(*, whole_story: bool = False) -> dict[str, str]:
    """{channel key: words shown}; with `whole_story`, only the channels a use of the
    whole story is recorded in (an excerpt's use is recorded on the Excerpts page)."""
    return {key: c.label for key, c in channels().items()
            if not (whole_story and c.needs_excerpt)}
