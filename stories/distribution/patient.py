"""What *Check my story* shows about where her story is used, and what was taken down.

Read-only: a copy whose consent ended (the whole story, or the one channel
she stopped) shows as "being taken down" even before the takedown consumer
has read the outbox.
Staff notes are not shown (they are the clinic's bookkeeping); the place is,
and for a use of an excerpt, the excerpt's words (she signed them off).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from stories.consent import consent_for
from stories.distribution.channels import channels, consented_channels, withdraw_channel
from stories.distribution.excerpts import ExcerptStatus
from stories.distribution.ledger import REPLACED, for_story
from stories.errors import InvalidInput
from stories.models import Excerpt, TakedownTask
from stories.patient import find_story, readable_date

ENDED = frozenset({"withdrawn", "expired", "rejected"})
#: The honest sentence: we cannot reach copies we do not control.
OTHERS_MAY_HAVE_COPIES = (
    "We remove every copy the clinic controls, listed here. We cannot reach copies other "
    "people may have made while your story was public (for example a screenshot, a share or "
    "a web archive); if you find one, tell us and we will ask for it to be removed.")


@dataclass(frozen=True)
class UseLine:
    """One place her story went, in her words."""

    channel: str
    where: str
    since: str
    status: str
    excerpt: str = ""  # the exact words of the excerpt used there ("" for the whole story)


def _where(row, labels: dict[str, str]) -> str:
    """The website row is "the clinic's website" (not a server path); others say the place."""
    return labels.get(row.channel, row.channel) if row.automatic else row.where_used


def _status(row, task: TakedownTask | None, story_ended: bool, covered: set[str],
            excerpt: Excerpt | None = None) -> str:
    """In use, being taken down, or taken down on a date (the date staff recorded, if any)."""
    if row.ended_at is not None:
        day = task.taken_down_on if task is not None and task.taken_down_on else row.ended_at
        return f"Taken down on {readable_date(day)}."
    retired = excerpt is not None and excerpt.status == ExcerptStatus.RETIRED.value
    if task is not None or story_ended or row.channel not in covered or retired:
        return ("Being taken down: removed at the next website update." if row.automatic
                else "Being taken down: the clinic is removing it.")
    return "In use."


def _same_site(line: UseLine, other: UseLine) -> bool:
    """Two website lines that read the same to her (same place and status)."""
    return (line.channel, line.where, line.status) == (other.channel, other.where, other.status)


def where_used(code: str, *, session: Session, today: date | None = None) -> list[UseLine]:
    """Every place her story went; a website file's earlier versions fold into its latest row."""
    story = find_story(code, session=session)
    labels = {k: c.label for k, c in channels().items()}
    ended = story.status in ENDED or story.erased_at is not None
    consent = consent_for(story, session=session)
    covered = set() if consent is None or consent.revoked_at is not None \
        else set(consented_channels(consent, session=session))
    rows = for_story(story.id, session=session)
    latest = {r.where_used: r.id for r in rows if r.automatic}  # rows come oldest first
    lines = []
    for row in rows:
        if row.end_reason == REPLACED or (row.automatic and latest[row.where_used] != row.id):
            continue  # an earlier version of a website file that is there again
        task = session.exec(select(TakedownTask).where(TakedownTask.distribution_id == row.id)
                            .order_by(TakedownTask.id.desc())).first()
        excerpt = session.get(Excerpt, row.excerpt_id) if row.excerpt_id is not None else None
        line = UseLine(labels.get(row.channel, row.channel), _where(row, labels),
                       readable_date(row.used_on), _status(row, task, ended, covered, excerpt),
                       excerpt.text if excerpt is not None else "")
        if not (row.automatic and any(_same_site(line, seen) for seen in lines)):
            lines.append(line)  # the site exported in two formats is still one website
    return lines


def chosen_channels(code: str, *, session: Session) -> list[str]:
    """The channels her latest authorization ticks, in words (empty once it is revoked)."""
    story = find_story(code, session=session)
    consent = consent_for(story, session=session)
    if consent is None or consent.revoked_at is not None:
        return []
    labels = {k: c.label for k, c in channels().items()}
    return [labels[k] for k in consented_channels(consent, session=session)]


def stop_channel(code: str, key: str, *, session: Session) -> None:
    """She stops one use of her story (the others stay); its copies get takedown tasks."""
    story = find_story(code, session=session)
    if story.status in ENDED or story.erased_at is not None:
        raise InvalidInput("Your story is no longer published, so there is nothing to stop.")
    withdraw_channel(story, key, actor_kind="patient", actor_id=None, session=session)
