"""Builders for tests: valid forms, staff identities, stories at each stage.

Everything goes through the real service layer, so a test that uses a story
"awaiting sign-off" got it there the way the app does.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from moderation import review
from moderation.accounts import add_staff
from moderation.roles import StaffIdentity
from stories import patient
from stories.db import transaction
from stories.identifiers import findings_for
from stories.models import Story
from stories.revisions import current_revision
from stories.submission import Receipt, SubmissionForm, submit_story

PASSWORD = "correct horse battery staple"
BODY = (
    "For years I could not tell anyone. I met my husband dave in March 2019 and we "
    "tried for months. Dr Novikova in Leeds finally explained vaginismus to me, and "
    "the dilators and physiotherapy helped. You are not broken."
)


def form(*, use_website: bool = True, use_excerpts: bool = False, **overrides) -> SubmissionForm:
    """A complete, valid submission; override any field.

    `use_website` / `use_excerpts`: shorthand for (un)ticking those two uses
    when `channels` is not given.
    """
    ticked = [key for key, on in (("website", use_website), ("excerpts", use_excerpts)) if on]
    overrides.setdefault("channels", ticked)
    base = SubmissionForm(
        title="Not broken",
        body=BODY,
        display_mode="pseudonym",
        display_name="Rose",
        tags=["vaginismus"],
        contact_email="patient@example.org",
        material_connection="none",
        signer_role="patient",
        attest_adult=True,
        attest_identity=True,
        signature="Jane Q. Patient",
    )
    return replace(base, **overrides)


def staff(role: str = "moderator", name: str | None = None) -> StaffIdentity:
    with transaction() as s:
        return add_staff(name or f"{role}-user", PASSWORD, role, session=s)


def submit(**overrides) -> Receipt:
    with transaction() as s:
        return submit_story(form(**overrides), session=s)


def current_hash(story_id: int) -> str:
    with transaction() as s:
        return current_revision(s.get(Story, story_id), session=s).content_hash


def status(story_id: int) -> str:
    with transaction() as s:
        return s.get(Story, story_id).status


def redact_everything(story_id: int, who: StaffIdentity) -> str:
    with transaction() as s:
        revision = current_revision(s.get(Story, story_id), session=s)
        keys = [f.key for f in findings_for(revision, session=s)]
        if not keys:
            return revision.content_hash
        return review.redact_findings(story_id, revision.content_hash, keys=keys, who=who, session=s)


def to_awaiting_signoff(receipt: Receipt, who: StaffIdentity) -> str:
    digest = redact_everything(receipt.story_id, who)
    with transaction() as s:
        review.send_for_signoff(receipt.story_id, digest, "Please check.", who=who, session=s)
    return digest


def to_approved(receipt: Receipt, who: StaffIdentity) -> str:
    digest = to_awaiting_signoff(receipt, who)
    with transaction() as s:
        patient.sign_off(receipt.code, digest, session=s)
    with transaction() as s:
        review.approve(receipt.story_id, digest, who=who, session=s)
    return digest


_ADMINS = itertools.count(1)


def approved(**overrides) -> tuple[Receipt, StaffIdentity]:
    """A story taken to *approved* through the real workflow, and the admin who approved it."""
    who = staff("admin", name=f"approving-admin-{next(_ADMINS)}")
    receipt = submit(**overrides)
    to_approved(receipt, who)
    return receipt, who


def public_id(story_id: int) -> str:
    """The story's opaque public id."""
    with transaction() as s:
        return s.get(Story, story_id).public_id
