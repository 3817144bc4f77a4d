"""Submission: validation table, cleaning, one transaction, receipt codes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import func, select

from stories import receipts
from stories.config import MAX_BODY_CHARS
from stories.db import transaction
from stories.errors import InvalidInput
from stories.models import AuditEvent, Consent, Revision, Story
from stories.submission import submit_story
from tests import factories as f


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"title": ""}, "title"),
        ({"body": "too short"}, "at least"),
        ({"body": "x" * (MAX_BODY_CHARS + 1)}, "limit is 20,000"),
        ({"display_mode": "full name"}, "how you would like to be named"),
        ({"display_mode": "initials", "display_name": "Rachel Green"}, "up to four letters"),
        ({"display_mode": "pseudonym", "display_name": "R2D2"}, "letters only"),
        ({"tags": ["my town"]}, "topics"),
        ({"contact_email": "not-an-email"}, "email"),
        ({"use_website": False}, "permission for the website"),
        ({"material_connection": ""}, "connections"),
        ({"signer_role": "representative"}, "authority"),
        ({"attest_adult": False}, "confirm"),
        ({"signature": "  "}, "signature"),
        ({"expires_on": date(2000, 1, 1)}, "expiry date"),
        ({"honeypot": "http://spam"}, "could not be accepted"),
    ],
)
def test_invalid_submissions_are_refused_with_a_clear_message(db_url, overrides, message):
    with pytest.raises(InvalidInput, match=message), transaction() as s:
        submit_story(f.form(**overrides), session=s)
    with transaction() as s:
        assert s.exec(select(func.count()).select_from(Story)).one() == 0
        assert s.exec(select(func.count()).select_from(Consent)).one() == 0


def test_error_messages_never_echo_the_input(db_url):
    secret = "Rachel Verysecretname " * 2000
    with pytest.raises(InvalidInput) as err, transaction() as s:
        submit_story(f.form(body=secret), session=s)
    assert "Verysecretname" not in str(err.value)


def test_submission_stores_everything_in_one_go(db_url):
    receipt = f.submit(expires_on=date.today() + timedelta(days=400))
    with transaction() as s:
        story = s.get(Story, receipt.story_id)
        revision = s.exec(select(Revision).where(Revision.story_id == story.id)).one()
        consent = s.exec(select(Consent).where(Consent.story_id == story.id)).one()
        event = s.exec(select(AuditEvent).where(AuditEvent.story_id == story.id)).one()
    assert story.status == "submitted" and story.current_revision_id == revision.id
    assert story.receipt_hash == receipts.code_hash(receipt.code)
    assert receipt.code not in story.receipt_hash
    assert consent.authorization_version and len(consent.authorization_sha256) == 64
    assert consent.use_website and consent.expires_on == date.today() + timedelta(days=400)
    assert event.action == "submit" and event.revision_hash == revision.content_hash
    assert "PERSON" in revision.finding_summary  # detection ran on submit


def test_markup_is_kept_as_typed_and_unicode_normalized(db_url):
    """Markup-like text is the patient's words: stored as typed, escaped on output."""
    body = ("<script>alert(1)</script>I was <b>so</b> scared\u202e of the appointment, "
            "if pain<pleasure then &lt; you&me&notes x<y and z>w I'm <not> okay.\u200b")
    title = "<img src=x onerror=alert(1)>Hope &amp; 2*3=6"
    receipt = f.submit(title=title, body=body)
    with transaction() as s:
        revision = s.exec(select(Revision).where(Revision.story_id == receipt.story_id)).one()
    assert revision.title == title
    assert revision.body == body.replace("\u202e", "").replace("\u200b", "")


def test_receipt_codes_are_long_random_and_unique(db_url):
    codes = {receipts.new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(receipts.canonical(c)) * 5 >= 128 for c in codes)
    code = receipts.new_code()
    assert receipts.matches(code.lower().replace("-", " "), receipts.code_hash(code))


def test_duplicate_submission_is_refused(db_url):
    f.submit()
    with pytest.raises(InvalidInput, match="already been submitted"), transaction() as s:
        submit_story(f.form(title="Another title"), session=s)
