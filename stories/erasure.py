"""Erasure: a story's words and personal fields go, its consent record and audit stay.

Called by the patient's withdrawal, a withdrawal staff record from paper, a
"no" to re-confirmation, and the retention purge.  Authorizations are kept for
six years, so the consent row (revoked) and the audit trail remain; the words,
the byline, the contact email and the messages do not.
"""

from __future__ import annotations

from sqlmodel import Session, select

from stories.audit import record
from stories.consent import consent_for
from stories.db import checkpoint_after_commit
from stories.events import Event
from stories.models import Excerpt, Revision, Story, utcnow
from stories.revisions import current_revision
from stories.workflow import Action, Actor, perform


def erase_and_revoke(story: Story, actor: Actor, *, how: str, session: Session,
                     detail: str = "") -> None:
    """The shared withdrawal: status, consent revocation and erasure in one go.

    The consent record and the audit trail stay (authorizations are kept for
    six years); the words, the contact email and the display name go.
    """
    revision = current_revision(story, session=session)
    perform(story, Action.WITHDRAW, actor, session=session,
            revision_hash=revision.content_hash, detail=detail or f"by {how}",
            changes={"withdrawn_at": utcnow()})
    consent = consent_for(story, session=session)
    if consent is not None and consent.revoked_at is None:
        consent.revoked_at = utcnow()
        consent.revoked_how = how
        consent.revoked_by_staff = actor.staff_id
        session.add(consent)
    erase_text(story, session=session)
    record(session, actor_kind="system", action=Event.ERASE, story_id=story.id,
           revision_hash=revision.content_hash, detail="text and contact details erased")


def erase_text(story: Story, *, session: Session) -> None:
    """Blank every revision's and excerpt's words and the story's personal fields.

    SQLite's `secure_delete` zeroes the old words in the database file; once
    the transaction commits, the WAL (which still holds them) is checkpointed
    and truncated.  Retention's purge erases through here too.
    """
    for revision in session.exec(select(Revision).where(Revision.story_id == story.id)):
        revision.title = ""
        revision.body = ""
        revision.display_name = ""
        revision.findings = ""
        session.add(revision)
    for excerpt in session.exec(select(Excerpt).where(Excerpt.story_id == story.id)):
        excerpt.text = ""  # its hash stays: the ledger's uses still name what went out
        excerpt.patient_comment = ""
        session.add(excerpt)
    story.contact_email_enc = None
    story.patient_message = ""
    story.patient_comment = ""
    story.staff_note = ""
    story.erased_at = utcnow()
    session.add(story)
    session.flush()
    checkpoint_after_commit(session)
