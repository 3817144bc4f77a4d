"""Submission: validation table, cleaning, one transaction, receipt codes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import func, select

from stories import receipts
from stories.config import MAX_BODY_CHARS, get_settings
from stories.db import transaction
from stories.errors import InvalidInput, RateLimited
from stories.models import AuditEvent, Consent, Revision, Story
from stories.submission import (
    DuplicateStory,
    InvalidSubmission,
    ReceiptCodeUsed,
    receipt_stored,
    share_story,
    submit_story,
)
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


def test_duplicate_submission_is_refused_with_the_lost_code_advice(db_url):
    f.submit()
    with pytest.raises(DuplicateStory, match="already reached us") as err, transaction() as s:
        submit_story(f.form(title="Another title"), session=s)
    assert receipts.LOST_CODE in str(err.value)


def test_every_problem_is_listed_at_once_each_under_its_field(db_url):
    secret = "Verysecretname"
    bad = f.form(title="", body=f"{secret} short", use_website=False, attest_adult=False,
                 signature=" ", contact_email=f"{secret}@", display_mode="pseudonym",
                 display_name="R2D2", material_connection="")
    with pytest.raises(InvalidSubmission) as err, transaction() as s:
        submit_story(bad, session=s)
    fields = [name for name, _ in err.value.problems]
    assert fields == ["title", "body", "display_name", "contact_email", "channels",
                      "material_connection", "attest_adult", "signature"]
    assert all(secret not in message for _, message in err.value.problems)
    assert isinstance(err.value, InvalidInput)  # callers that know one message still work


def test_a_representative_without_authority_is_one_problem(db_url):
    with pytest.raises(InvalidSubmission) as err, transaction() as s:
        submit_story(f.form(signer_role="representative"), session=s)
    assert err.value.problems == [("representative_authority", "Please describe your "
                                   "authority to act for the patient.")]


def share(form, client="client-a"):
    with transaction() as s:
        return share_story(form, client, session=s)


def test_only_stored_stories_count_towards_the_hourly_limit(db_url):
    limit = get_settings().submit_limit
    for _ in range(limit + 3):  # mistakes: refused, never counted
        with pytest.raises(InvalidSubmission):
            share(f.form(use_website=False))
    for n in range(limit):  # the limit is for stored stories
        share(f.form(body=f"{f.BODY} Story number {n}."))
    with pytest.raises(RateLimited):
        share(f.form(body=f"{f.BODY} One more."))
    share(f.form(body=f"{f.BODY} From elsewhere."), client="client-b")
    with transaction() as s:
        assert s.exec(select(func.count()).select_from(Story)).one() == limit + 1


@pytest.mark.parametrize("typed", [
    lambda c: c.lower(),
    lambda c: c.replace("-", " "),
    lambda c: c.replace("-", "\u2013"),  # an en dash from a word processor
    lambda c: c.replace("-", ""),
    lambda c: " " + c + "\n",
    lambda c: c.translate(str.maketrans("OIB", "018")),  # digits misread for letters
    lambda c: c.translate(str.maketrans("ABCEHKMOPTX", "АВСЕНКМОРТХ")),  # Cyrillic look-alikes
    lambda c: "".join(chr(ord(ch) + 0xFEE0) if ch.isalnum() else ch for ch in c),  # full width
])
def test_codes_are_read_however_they_are_typed(typed):
    code = "OIB2-ABCE-HKMO-PTX7-QRSU-VWYZ-DFGJ-LN34"
    assert receipts.canonical(typed(code)) == receipts.canonical(code)
    assert receipts.grouped(typed(code)) == code
    assert receipts.matches(typed(code), receipts.code_hash(code))


def test_a_code_chosen_before_sending_is_used_once_and_must_be_well_formed(db_url):
    code = receipts.new_code()
    with transaction() as s:
        receipt = submit_story(f.form(), session=s, code=code.lower())
    assert receipt.code == code
    with transaction() as s:
        assert receipt_stored(code, session=s)
    with pytest.raises(ReceiptCodeUsed), transaction() as s:
        submit_story(f.form(body=f.BODY + " Another story."), session=s, code=code)
    with pytest.raises(ValueError), transaction() as s:
        submit_story(f.form(body=f.BODY + " A third story."), session=s, code="ABCD-EFGH")
