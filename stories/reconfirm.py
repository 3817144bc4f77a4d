"""Re-confirmation: "do you still stand by your story?"

Staff (or a periodic run) ask; the patient answers with her receipt code.  Yes
renews the authorization: a new consent record under the current
authorization text, with a new signature and expiry (the uses she ticked stay,
clinic-configured ones included), so the ledger shows each
authorization as signed (the newest one is the one in force).  No withdraws
the story, exactly like "Withdraw".  A story that already expired can be
renewed too; it then goes back to review before it is published again.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session, select

from stories import authorization, crypto
from stories.config import MAX_SIGNATURE_CHARS
from stories.consent import consent_for
from stories.distribution import choice
from stories.distribution.channels import allow_extra, channels
from stories.erasure import erase_and_revoke
from stories.errors import ConsentMissing
from stories.fields import clean_line
from stories.models import Consent, Story, utcnow
from stories.patient import find_story
from stories.revisions import current_revision
from stories.submission import parse_expiry
from stories.workflow import TRANSITIONS, Action, Actor, Status, perform


def request(story: Story, actor: Actor, *, session: Session) -> None:
    """Mark a story as waiting for the patient's re-confirmation."""
    revision = current_revision(story, session=session)
    perform(story, Action.REQUEST_RECONFIRMATION, actor, session=session,
            revision_hash=revision.content_hash, changes={"reconfirm_requested_at": utcnow()})


def request_due(older_than_days: int, *, session: Session, today: date | None = None) -> int:
    """Ask every published story whose consent is older than N days; return how many."""
    cutoff = (today or utcnow().date()) - timedelta(days=older_than_days)
    sources = [s.value for s in TRANSITIONS[Action.REQUEST_RECONFIRMATION].sources]
    asked = 0
    for story in session.exec(select(Story).where(Story.status.in_(sources),
                                                   Story.reconfirm_requested_at.is_(None))).all():
        consent = consent_for(story, session=session)
        if consent and consent.revoked_at is None and consent.signed_at.date() <= cutoff:
            request(story, Actor.system(), session=session)
            asked += 1
    return asked


def answer(code: str, stands_by: bool, *, signature: str = "", expires_on: date | None = None,
           session: Session) -> None:
    """The patient's answer: renew the authorization, or withdraw."""
    story = find_story(code, session=session)
    if not stands_by:
        erase_and_revoke(story, Actor.patient(), how="online", session=session,
                         detail="declined re-confirmation")
        return
    old = consent_for(story, session=session)
    if story.erased_at is not None or old is None or old.revoked_at is not None:
        raise ConsentMissing("There is no authorization to renew.")
    signature = clean_line(signature, MAX_SIGNATURE_CHARS, "signature")
    terms = authorization.current(session)
    renewed = Consent(**{
        **old.model_dump(exclude={"id"}),
        "authorization_id": terms.id, "authorization_version": terms.version,
        "authorization_sha256": terms.sha256, "signature_enc": crypto.encrypt(signature),
        "signed_at": utcnow(), "expires_on": parse_expiry(expires_on, utcnow().date()),
    })
    session.add(renewed)
    session.flush()
    kept = choice.ticked(old, session=session) - choice.ticked(renewed, session=session)
    for key in kept & set(channels()):  # her other uses stay as she chose them
        allow_extra(renewed, key, session=session)
    revision = current_revision(story, session=session)
    action = Action.RENEW if story.status == Status.EXPIRED else Action.RECONFIRM
    perform(story, action, Actor.patient(), session=session,
            revision_hash=revision.content_hash, detail=f"authorization {terms.version}",
            changes={"reconfirm_requested_at": None})
