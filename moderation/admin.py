"""Admin and staff consent tasks: authorization versions, lost codes, expiry, re-confirmation."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from moderation.roles import StaffIdentity, require
from stories import authorization, receipts, reconfirm
from stories.audit import record as audit
from stories.errors import InvalidInput, NotFound
from stories.expiry import expiring_soon
from stories.models import AuthorizationText, Story
from stories.revisions import current_revision
from stories.workflow import Action, Actor, perform

#: How an admin may have verified a patient's identity before reissuing her code.
VERIFICATION_METHODS = ("in person", "phone call-back", "signed letter")


def publish_authorization(version: str, body: str, *, who: StaffIdentity | None,
                          session: Session) -> AuthorizationText:
    """Publish a new authorization version (admins only); old consents keep theirs."""
    staff = require(who, "manage")
    record = authorization.publish(version, body, session=session, staff_id=staff.id)
    audit(session, actor_kind="staff", actor_id=staff.id, action="publish authorization",
          detail=f"version {record.version} sha256 {record.sha256[:16]}")
    return record


def authorization_versions(*, who: StaffIdentity | None, session: Session) -> list[AuthorizationText]:
    """Every version, newest first."""
    require(who, "review")
    query = select(AuthorizationText).order_by(AuthorizationText.effective_at.desc())
    return list(session.exec(query))


def reissue_code(public_id: str, verification: str, *, who: StaffIdentity | None,
                 session: Session) -> str:
    """Give a patient a new receipt code after verifying her identity (admins only).

    The old code stops working.  `verification` says how identity was checked
    (e.g. "in person, photo ID"); it must not contain personal data and is
    stored as a category only.
    """
    staff = require(who, "manage")
    if verification not in VERIFICATION_METHODS:
        raise InvalidInput(f"Choose how identity was verified: {', '.join(VERIFICATION_METHODS)}.")
    story = session.exec(select(Story).where(Story.public_id == public_id)).first()
    if story is None:
        raise NotFound("No story has that id.")
    code = receipts.new_code()
    perform(story, Action.REISSUE_CODE, Actor.staff(staff.id), session=session,
            revision_hash=current_revision(story, session=session).content_hash,
            detail=f"identity verified: {verification}",
            changes={"receipt_hash": receipts.code_hash(code)})
    return code


def expiring(today: date, days: int, *, who: StaffIdentity | None, session: Session) -> list[Story]:
    """Stories whose authorization ends within `days`, soonest first."""
    require(who, "review")
    return [story for story, _ in expiring_soon(today, days, session=session)]


def ask_reconfirmation(story_id: int, *, who: StaffIdentity | None, session: Session) -> None:
    """Ask the patient whether she still stands by her story."""
    staff = require(who, "review")
    story = session.get(Story, story_id)
    if story is None:
        raise NotFound("No such story.")
    reconfirm.request(story, Actor.staff(staff.id), session=session)
