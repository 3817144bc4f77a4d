"""The whole journey through the service layer, and its guard rails."""

from __future__ import annotations

import pytest
from sqlmodel import select

from moderation import review
from stories import crypto, patient
from stories.db import transaction
from stories.errors import (
    ConsentMissing,
    IdentifiersRemain,
    InvalidTransition,
    NotAuthorized,
    NotFound,
    SignOffMissing,
    StaleRevision,
)
from stories.export import export_site
from stories.models import AuditEvent, Consent, Revision, Story
from stories.revisions import current_revision
from tests import factories as f


def test_full_journey_submit_redact_signoff_approve_export_withdraw(db_url, tmp_path):
    receipt = f.submit()
    mod = f.staff("moderator")
    assert f.status(receipt.story_id) == "submitted"
    digest = f.to_awaiting_signoff(receipt, mod)
    with transaction() as s:
        seen = patient.view(receipt.code, session=s)
    assert seen.status == "awaiting sign-off"
    assert seen.revision_hash == digest
    assert "dave" not in seen.body and "Novikova" not in seen.body
    assert "dave" in seen.original_body  # the patient sees what she wrote too
    with transaction() as s:
        patient.sign_off(receipt.code, digest, session=s)
    with transaction() as s:
        review.approve(receipt.story_id, digest, who=mod, session=s)
    assert f.status(receipt.story_id) == "approved"

    out = tmp_path / "site"
    with transaction() as s:
        report = export_site(out, "jekyll", session=s)
    files = sorted(p.name for p in out.glob("*.md"))
    assert report.exported == 1 and len(files) == 1
    assert receipt.public_id in files[0]

    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    with transaction() as s:
        report = export_site(out, "jekyll", session=s)
    assert list(out.glob("*.md")) == []
    assert report.removed == files


def test_withdrawal_erases_text_and_contact_but_keeps_consent_and_audit(db_url):
    receipt = f.submit()
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    with transaction() as s:
        story = s.get(Story, receipt.story_id)
        revisions = s.exec(select(Revision).where(Revision.story_id == story.id)).all()
        consent = s.exec(select(Consent).where(Consent.story_id == story.id)).one()
        events = s.exec(select(AuditEvent).where(AuditEvent.story_id == story.id)
                        .order_by(AuditEvent.id)).all()
    assert story.status == "withdrawn" and story.erased_at is not None
    assert all(r.title == "" and r.body == "" for r in revisions)
    assert story.contact_email_enc is None
    assert consent.revoked_at is not None and consent.revoked_how == "online"
    assert consent.signature_enc is not None  # the authorization itself is kept
    assert [e.action for e in events][-2:] == ["withdraw", "erase"]


def test_contact_and_signature_are_encrypted_at_rest(db_url):
    receipt = f.submit(contact_email="secret.person@example.org", signature="Secret Signer")
    with transaction() as s:
        story = s.get(Story, receipt.story_id)
        consent = s.exec(select(Consent).where(Consent.story_id == story.id)).one()
        assert b"secret.person" not in story.contact_email_enc
        assert crypto.decrypt(story.contact_email_enc) == "secret.person@example.org"
        assert b"Secret Signer" not in consent.signature_enc
        assert crypto.decrypt(consent.signature_enc) == "Secret Signer"


def test_approval_requires_signoff_of_exact_current_text(db_url):
    receipt = f.submit()
    mod = f.staff()
    digest = f.to_awaiting_signoff(receipt, mod)
    with transaction() as s:
        patient.sign_off(receipt.code, digest, session=s)
    # An edit after sign-off invalidates it: back to review, sign-off gone.
    with transaction() as s:
        rev = current_revision(s.get(Story, receipt.story_id), session=s)
        new = review.edit(receipt.story_id, digest, rev.title, rev.body + " Thank you.", who=mod,
                          session=s)
    assert f.status(receipt.story_id) == "in review"
    with pytest.raises(InvalidTransition), transaction() as s:
        review.approve(receipt.story_id, new, who=mod, session=s)
    with pytest.raises(SignOffMissing), transaction() as s:
        s.get(Story, receipt.story_id).status = "signed off"  # simulate a forged status
        review.approve(receipt.story_id, new, who=mod, session=s)


def test_approval_refuses_unresolved_identifiers(db_url):
    receipt = f.submit()
    mod = f.staff()
    digest = f.current_hash(receipt.story_id)
    with transaction() as s:
        review.send_for_signoff(receipt.story_id, digest, who=mod, session=s)
    with transaction() as s:
        patient.sign_off(receipt.code, digest, session=s)
    with pytest.raises(IdentifiersRemain) as err, transaction() as s:
        review.approve(receipt.story_id, digest, who=mod, session=s)
    assert "PERSON" in str(err.value) and "dave" not in str(err.value)


def test_kept_findings_count_as_resolved(db_url):
    from stories.identifiers import findings_for

    receipt = f.submit()
    mod = f.staff()
    digest = f.current_hash(receipt.story_id)
    with transaction() as s:
        rev = current_revision(s.get(Story, receipt.story_id), session=s)
        keys = [x.key for x in findings_for(rev, session=s)]
    for key in keys:
        with transaction() as s:
            review.keep_finding(receipt.story_id, digest, key, who=mod, session=s)
    with transaction() as s:
        review.send_for_signoff(receipt.story_id, digest, who=mod, session=s)
    with transaction() as s:
        patient.sign_off(receipt.code, digest, session=s)
    with transaction() as s:
        review.approve(receipt.story_id, digest, who=mod, session=s)
    assert f.status(receipt.story_id) == "approved"
    with transaction() as s:
        details = [e.detail for e in s.exec(select(AuditEvent).where(AuditEvent.action == "keep finding"))]
    assert details and all(d.startswith("kept ") and "dave" not in d for d in details)


def test_approval_rechecks_consent(db_url):
    receipt = f.submit()
    mod = f.staff()
    digest = f.to_awaiting_signoff(receipt, mod)
    with transaction() as s:
        patient.sign_off(receipt.code, digest, session=s)
    with transaction() as s:
        consent = s.exec(select(Consent).where(Consent.story_id == receipt.story_id)).one()
        consent.use_website = False
        s.add(consent)
    with pytest.raises(ConsentMissing, match="Covers the website"), transaction() as s:
        review.approve(receipt.story_id, digest, who=mod, session=s)


def test_stale_revision_is_refused_and_nothing_is_written(db_url):
    receipt = f.submit()
    one, two = f.staff(name="mod-one"), f.staff(name="mod-two")
    seen = f.current_hash(receipt.story_id)
    with transaction() as s:
        rev = current_revision(s.get(Story, receipt.story_id), session=s)
        review.edit(receipt.story_id, seen, rev.title, rev.body + " First.", who=one, session=s)
    with pytest.raises(StaleRevision), transaction() as s:
        review.edit(receipt.story_id, seen, "Other title", rev.body + " Second.", who=two, session=s)
    with transaction() as s:
        count = len(s.exec(select(Revision).where(Revision.story_id == receipt.story_id)).all())
    assert count == 2


def test_request_changes_then_patient_edit_returns_to_queue(db_url):
    receipt = f.submit()
    mod = f.staff()
    digest = f.current_hash(receipt.story_id)
    with transaction() as s:
        review.request_changes(receipt.story_id, digest, "Please remove the town.", who=mod, session=s)
    with transaction() as s:
        seen = patient.view(receipt.code, session=s)
    assert seen.status == "changes requested" and seen.clinic_message == "Please remove the town."
    with transaction() as s:
        patient.edit(receipt.code, "Not broken", f.BODY.replace("in Leeds", ""), session=s)
    assert f.status(receipt.story_id) == "submitted"


def test_decline_goes_back_to_review_with_comment(db_url):
    receipt = f.submit()
    digest = f.to_awaiting_signoff(receipt, f.staff())
    with transaction() as s:
        patient.decline(receipt.code, digest, "Please keep my first sentence.", session=s)
    with transaction() as s:
        story = s.get(Story, receipt.story_id)
    assert story.status == "in review" and story.patient_comment == "Please keep my first sentence."


def test_wrong_code_is_not_found_and_roles_are_enforced(db_url):
    receipt = f.submit()
    with pytest.raises(NotFound), transaction() as s:
        patient.view("AAAA-BBBB-CCCC-DDDD", session=s)
    publisher = f.staff("publisher")
    with pytest.raises(NotAuthorized), transaction() as s:
        review.start_review(receipt.story_id, who=publisher, session=s)
    with pytest.raises(NotAuthorized), transaction() as s:
        review.start_review(receipt.story_id, who=None, session=s)


def test_reject_needs_a_listed_reason(db_url):
    receipt = f.submit()
    mod = f.staff()
    digest = f.current_hash(receipt.story_id)
    from stories.errors import InvalidInput

    with pytest.raises(InvalidInput), transaction() as s:
        review.reject(receipt.story_id, digest, "I just don't like it", who=mod, session=s)
    with transaction() as s:
        review.reject(receipt.story_id, digest, "off-topic", who=mod, session=s)
    assert f.status(receipt.story_id) == "rejected"


def test_a_rejection_is_undone_by_reopening_while_the_text_is_kept(db_url):
    """A moderator's mistaken rejection: the story goes back to review, the patient is told."""
    from datetime import timedelta

    from stories.errors import InvalidInput
    from stories.retention import purge

    receipt, other = f.submit(), f.submit(body=f.BODY + " Another story.")
    mod = f.staff()
    for r in (receipt, other):
        with transaction() as s:
            review.reject(r.story_id, f.current_hash(r.story_id), "off-topic", who=mod, session=s)
    with transaction() as s:
        review.reopen(receipt.story_id, f.current_hash(receipt.story_id), who=mod, session=s)
    with transaction() as s:
        saved = s.get(Story, receipt.story_id)
        assert (saved.status, saved.rejection_reason) == ("in review", None)
        assert s.exec(select(AuditEvent.action).where(AuditEvent.story_id == saved.id)
                      .order_by(AuditEvent.id.desc())).first() == "reopen"
        timeline = [words for _, words in patient.view(receipt.code, session=s).timeline]
    assert timeline[-1] == "The clinic took back its decision and is reviewing your story again."
    with transaction() as s:  # the other one, after the retention period: nothing left to review
        s.get(Story, other.story_id).updated_at -= timedelta(days=400)
    with transaction() as s:
        assert purge(session=s).purged
    with pytest.raises(InvalidInput, match="erased"), transaction() as s:
        review.reopen(other.story_id, f.current_hash(other.story_id), who=mod, session=s)
    assert f.status(other.story_id) == "rejected"
