"""A new story arriving: the one path that stores a story with its first revision.

The share form (`stories.submission.submit_story`) and the import of stories
the old website already published (`stories.importer`) both clean and check
their input their own way, then call `create_story`: one place builds the
story row, its receipt hash and its first revision (scanned like every
revision), and takes its first status from the workflow's `ENTRIES` table,
which also audits the arrival (`stories.workflow.enter`).  The caller adds the
consent and owns the transaction.

`already_stored` is the one duplicate check: the same words (case and
spacing ignored) are stored only once.  A story its author withdrew does not
stop her sending it again from the form, but it does stop an import: running
the import of the old site again must never bring back a withdrawn story.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from stories import receipts
from stories.audit import lock_chain
from stories.models import Revision, Story
from stories.revisions import add_revision
from stories.workflow import ENTRIES, Status, enter


@dataclass(frozen=True)
class NewStory:
    """What a new story is stored with, already cleaned and checked by its caller."""

    title: str
    body: str
    display_mode: str
    display_name: str  # "" for anonymous
    tags: str  # comma-separated topics from `stories.choices.TOPICS`
    origin: str = "web"  # a key of `stories.workflow.ENTRIES`: how it arrived
    summary: str = ""  # the first revision's summary ("" reads as "submitted")
    contact_email_enc: bytes | None = None
    published_on: date | None = None  # when the old website first published it


def duplicate_key(body: str) -> str:
    """A fingerprint of the words alone (case and spacing ignored)."""
    words = " ".join(body.casefold().split())
    return hashlib.sha256(words.encode()).hexdigest()


def already_stored(body: str, origin: str, *, session: Session) -> bool:
    """Whether the same words are stored already (for `origin`'s rule, see above).

    Takes the audit chain's lock first (PostgreSQL), so two identical stories
    sent at the same moment cannot both pass: the second sees the first.
    """
    lock_chain(session)
    query = select(Story.id).where(Story.duplicate_key == duplicate_key(body))
    if origin == "web":
        query = query.where(Story.status != Status.WITHDRAWN.value)
    return session.exec(query).first() is not None


def create_story(new: NewStory, code: str, *, session: Session,
                 detail: Callable[[Revision], str]) -> tuple[Story, Revision]:
    """Store `new` under receipt `code` with its first revision; audit its arrival.

    The first status (and whether the text counts as signed off) comes from
    `ENTRIES[new.origin]`.  `detail(revision)` is the arrival's audit detail
    (codes such as the kinds of findings, never words from the story).
    """
    entry = ENTRIES[new.origin]
    story = Story(public_id=receipts.public_id(), receipt_hash=receipts.code_hash(code),
                  status=entry.to.value, display_mode=new.display_mode, tags=new.tags,
                  contact_email_enc=new.contact_email_enc, duplicate_key=duplicate_key(new.body),
                  origin=new.origin, published_on=new.published_on)
    session.add(story)
    session.flush()
    revision = add_revision(story, new.title, new.body, session=session, author_kind="patient",
                            display_name=new.display_name, summary=new.summary, first=True)
    story.current_revision_id, story.original_hash = revision.id, revision.content_hash
    if entry.signed_off:
        story.signed_off_hash = revision.content_hash
    session.add(story)
    enter(story, session=session, revision_hash=revision.content_hash,
          detail=detail(revision))
    return story, revision
