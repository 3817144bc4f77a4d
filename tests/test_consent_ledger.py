"""Issue 4: the consent ledger, patient control, expiry, re-confirmation, import."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from cryptography.fernet import Fernet
from sqlmodel import select

from moderation import admin, review
from stories import crypto, patient, reconfirm
from stories.db import transaction
from stories.errors import InvalidInput, NotAuthorized, NotFound
from stories.export import export_site
from stories.importer import import_paths
from stories.ledger import authorization_copy
from stories.models import AuditEvent, Consent, Story
from stories.rekey import rotate_all
from tests import factories as f

NEW_TEXT = "# Authorization v2\n\n" + ("Plain-language terms covering every required element. " * 8)


def _consents(story_id):
    with transaction() as s:
        return s.exec(select(Consent).where(Consent.story_id == story_id).order_by(Consent.id)).all()


def test_new_authorization_version_applies_to_new_consents_only(db_url):
    old = f.submit()
    who = f.staff("admin", "boss")
    with transaction() as s:
        admin.publish_authorization("2027-01-v2", NEW_TEXT, who=who, session=s)
    new = f.submit(body=f.BODY + " Written after the new version.")
    assert _consents(old.story_id)[0].authorization_version == "2026-11-v1"
    assert _consents(new.story_id)[0].authorization_version == "2027-01-v2"
    with pytest.raises(NotAuthorized), transaction() as s:
        admin.publish_authorization("v3", NEW_TEXT, who=f.staff("moderator"), session=s)


def test_patient_downloads_the_exact_authorization_she_signed(db_url):
    receipt = f.submit(signature="Jane Q. Patient", use_excerpts=True)
    with transaction() as s:
        doc = authorization_copy(receipt.code, session=s)
    assert "version 2026-11-v1" in doc and "Your treatment does not depend on this" in doc
    assert "Jane Q. Patient" in doc and "Short excerpts in print and social media: yes" in doc
    with pytest.raises(NotFound), transaction() as s:
        authorization_copy("WRONG-CODE", session=s)


def test_reissued_code_replaces_the_old_one_and_is_audited(db_url):
    receipt = f.submit()
    who = f.staff("admin", "boss")
    with pytest.raises(InvalidInput), transaction() as s:
        admin.reissue_code(receipt.public_id, "she seemed nice", who=who, session=s)
    with transaction() as s:
        code = admin.reissue_code(receipt.public_id, "in person", who=who, session=s)
    with pytest.raises(NotFound), transaction() as s:
        patient.view(receipt.code, session=s)
    with transaction() as s:
        assert patient.view(code, session=s).status == "submitted"
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "reissue code")).one()
    assert event.actor_id == who.id and "in person" in event.detail and code not in event.detail


def test_receipt_lookups_slow_down_per_client(db_url):
    waits = []
    for _ in range(patient.FREE_LOOKUPS + 2):
        with transaction() as s:
            waits.append(patient.start_lookup("client-1", session=s))
    assert waits == [0.0] * patient.FREE_LOOKUPS + [1.0, 2.0]
    with transaction() as s:  # another client is not affected
        assert patient.start_lookup("client-2", session=s) == 0.0


def test_reconfirm_yes_renews_the_authorization(db_url):
    receipt = f.submit(expires_on=date.today() + timedelta(days=20))
    with transaction() as s:
        assert reconfirm.request_due(0, session=s) == 1
    with transaction() as s:
        assert s.get(Story, receipt.story_id).reconfirm_requested_at is not None
    with transaction() as s:
        reconfirm.answer(receipt.code, True, signature="Jane Q. Patient",
                         expires_on=date.today() + timedelta(days=700), session=s)
    first, second = _consents(receipt.story_id)
    assert second.expires_on == date.today() + timedelta(days=700) and second.signed_at > first.signed_at
    with transaction() as s:
        assert s.get(Story, receipt.story_id).reconfirm_requested_at is None


def test_reconfirm_no_withdraws_a_published_story(db_url, tmp_path):
    receipt = f.submit()
    f.to_approved(receipt, f.staff())
    with transaction() as s:
        export_site(tmp_path / "site", session=s)
    with transaction() as s:
        reconfirm.answer(receipt.code, False, session=s)
    with transaction() as s:
        report = export_site(tmp_path / "site", session=s)
    assert f.status(receipt.story_id) == "withdrawn" and len(report.removed) == 1


def test_expiring_stories_are_listed_ahead(db_url):
    soon = f.submit(expires_on=date.today() + timedelta(days=10))
    f.submit(body=f.BODY + " Later.", expires_on=date.today() + timedelta(days=300))
    who = f.staff()
    with transaction() as s:
        rows = admin.expiring(date.today(), 30, who=who, session=s)
    assert [r.id for r in rows] == [soon.story_id]


def test_import_markdown_and_jsonl_under_governance(db_url, tmp_path):
    md = tmp_path / "old-story.md"
    md.write_text("---\ntitle: Finding hope\nauthor: H.\ndate: 2023-04-01\n"
                  "authorization_reference: PAPER-0042\nauthorization_date: 2023-03-20\n"
                  "expires_on: 2027-03-20\nmaterial_connection: none\n---\n\n"
                  "It took two years of physiotherapy, but the dilators and patience worked for me.\n")
    jl = tmp_path / "more.jsonl"
    jl.write_text("\n".join(json.dumps(x) for x in [
        {"title": "Dave and me",
         "body": "My husband dave and I finally have a normal life again, after the therapy.",
         "authorization_reference": "P-7", "authorization_date": "2024-01-05"},
        {"title": "No consent data", "body": "This one has no authorization reference at all, sadly."},
        [1, 2, 3],
    ]) + "\n")
    report = import_paths([md, jl], session_factory=transaction)
    statuses = sorted(status for _, status, _ in report.imported)
    assert statuses == ["signed off", "signed off"]  # a paper authorization is not a review
    assert len(report.skipped) == 2
    again = import_paths([md], session_factory=transaction)
    assert again.imported == [] and again.skipped == [("old-story.md", "already imported")]
    with transaction() as s:
        consent = s.exec(select(Consent).where(Consent.paper_reference == "PAPER-0042")).one()
    assert consent.expires_on == date(2027, 3, 20) and consent.authorization_version == "paper"
    site = tmp_path / "site"
    with transaction() as s:
        assert export_site(site, session=s).exported == 0  # nothing before a person approves
    with transaction() as s:
        story = s.exec(select(Story).join(Consent, Consent.story_id == Story.id)
                       .where(Consent.paper_reference == "PAPER-0042")).one()
    who = f.staff()
    with transaction() as s:  # her paper signature covers the text she signed: no new sign-off
        review.approve(story.id, f.current_hash(story.id), who=who, session=s)
    with transaction() as s:
        assert export_site(site, session=s).exported == 1
    code = next(code for public_id, _, code in report.imported if public_id == story.public_id)
    with transaction() as s:
        patient.withdraw(code, session=s)  # the author can withdraw with the code she was given
    with transaction() as s:
        assert export_site(site, session=s).removed


def test_key_rotation_reencrypts_everything(db_url, monkeypatch):
    receipt = f.submit(contact_email="keep.me@example.org")
    from tests.conftest import TEST_KEY

    new_key = Fernet.generate_key().decode()
    monkeypatch.setenv("STORIES_ENCRYPTION_KEY", f"{new_key},{TEST_KEY}")
    with transaction() as s:
        assert rotate_all(session=s) == 2
    monkeypatch.setenv("STORIES_ENCRYPTION_KEY", new_key)
    with transaction() as s:
        assert crypto.decrypt(s.get(Story, receipt.story_id).contact_email_enc) == "keep.me@example.org"


def test_production_refuses_to_run_without_a_key(db_url, monkeypatch):
    monkeypatch.delenv("STORIES_ENCRYPTION_KEY")
    with pytest.raises(crypto.KeyMissing):
        crypto.configured_keys()
    monkeypatch.setenv("STORIES_MODE", "demo")
    assert crypto.configured_keys()


def test_a_renewed_authorization_does_not_expire_on_the_old_date(db_url, tmp_path):
    from stories.expiry import expire_due

    receipt = f.submit(expires_on=date.today() + timedelta(days=10))
    f.to_approved(receipt, f.staff())
    with transaction() as s:
        reconfirm.answer(receipt.code, True, signature="Jane Q. Patient",
                         expires_on=date.today() + timedelta(days=700), session=s)
    other = f.staff(name="mod-two")
    with transaction() as s:
        assert expire_due(date.today() + timedelta(days=11), session=s) == 0
        assert admin.expiring(date.today(), 30, who=other, session=s) == []
    assert f.status(receipt.story_id) == "approved"


def test_an_expired_story_can_be_renewed_and_goes_back_to_review(db_url):
    from stories.expiry import expire_due

    receipt = f.submit(expires_on=date.today() + timedelta(days=5))
    f.to_approved(receipt, f.staff())
    with transaction() as s:
        expire_due(date.today() + timedelta(days=6), session=s)
    assert f.status(receipt.story_id) == "expired"
    with transaction() as s:
        assert "renew" in patient.view(receipt.code, session=s).actions
        reconfirm.answer(receipt.code, True, signature="Jane Q. Patient", session=s)
    assert f.status(receipt.story_id) == "in review"


def test_imported_paper_authorization_never_becomes_the_current_text(db_url, tmp_path):
    from stories import authorization

    item = tmp_path / "x.jsonl"
    item.write_text(json.dumps({"title": "Old", "body": "It took patience but the physiotherapy helped me.",
                                "authorization_reference": "P-1", "authorization_date": "2024-01-05"}))
    assert import_paths([item], session_factory=transaction).imported
    with transaction() as s:
        assert authorization.current(s).version == "2026-11-v1"


def test_expiring_list_shows_the_end_date_in_force_after_a_renewal(db_url):
    from moderation.queue import expiring_rows

    receipt = f.submit(expires_on=date.today() + timedelta(days=10))
    with transaction() as s:
        reconfirm.answer(receipt.code, True, signature="Jane Q. Patient",
                         expires_on=date.today() + timedelta(days=20), session=s)
    who = f.staff()
    with transaction() as s:
        rows = expiring_rows(date.today(), 30, who=who, session=s)
    assert [(r.public_id, r.expires_on) for r in rows] == [
        (receipt.public_id, date.today() + timedelta(days=20))]
