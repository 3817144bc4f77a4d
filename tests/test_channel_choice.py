"""The patient chooses every configured channel: the form's ticks, their record, every use.

Issue #15: the authorization lists the channels (website, short excerpts, the
clinic's own such as a newsletter or staff training), she ticks each, and
every use checks the consent at that moment.  The list comes from the
settings, so each consent records the list it showed: her copy stays what she
read after the clinic changes `STORIES_EXTRA_CHANNELS`.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlmodel import select

from stories import reconfirm
from stories.consent import checks, consent_for
from stories.db import transaction
from stories.distribution import choice
from stories.distribution.channels import (
    ChannelNotConsented,
    consented_channels,
    require_channel,
)
from stories.distribution.patient import chosen_channels, stop_channel
from stories.importer import import_paths
from stories.ledger import authorization_copy
from stories.models import Consent, ConsentChannel, Story
from stories.submission import InvalidSubmission, submit_story
from tests import factories as f

TODAY = date.today()
DEFAULT_OFFER = [("website", "The clinic's website"),
                 ("excerpts", "Short excerpts in print and social media"),
                 ("newsletter", "The clinic's newsletter"), ("training", "Staff training")]


def _consent(story_id: int) -> Consent:
    with transaction() as s:
        return consent_for(s.get(Story, story_id), session=s)


def _extras(story_id: int) -> list[str]:
    with transaction() as s:
        consent = consent_for(s.get(Story, story_id), session=s)
        return sorted(s.exec(select(ConsentChannel.channel)
                             .where(ConsentChannel.consent_id == consent.id)))


def _require(story_id: int, key: str) -> Consent:
    with transaction() as s:
        return require_channel(s.get(Story, story_id), key, TODAY, session=s)


def test_the_offer_is_the_channels_table_in_order(db_url):
    assert choice.offered() == DEFAULT_OFFER


def test_ticked_channels_are_recorded_built_ins_in_fields_extras_as_rows(db_url):
    receipt = f.submit(channels=["website", "newsletter", "training"])
    consent = _consent(receipt.story_id)
    assert consent.use_website and not consent.use_excerpts
    assert _extras(receipt.story_id) == ["newsletter", "training"]
    assert json.loads(consent.channels_shown) == [list(p) for p in DEFAULT_OFFER]
    with transaction() as s:
        assert consented_channels(consent, session=s) == ["website", "newsletter", "training"]


def test_an_unticked_extra_channel_is_not_recorded(db_url):
    receipt = f.submit(channels=["website", "excerpts"])
    assert _consent(receipt.story_id).use_excerpts
    assert _extras(receipt.story_id) == []


@pytest.mark.parametrize(("ticked", "message"), [
    (["website", "podcast"], choice.NOT_OFFERED),
    (["newsletter"], choice.WEBSITE_NEEDED),
    ([], choice.WEBSITE_NEEDED),
])
def test_an_unknown_channel_or_no_website_is_refused_and_nothing_stored(db_url, ticked, message):
    with pytest.raises(InvalidSubmission) as err, transaction() as s:
        submit_story(f.form(channels=ticked), session=s)
    assert err.value.problems == [("channels", message)]
    with transaction() as s:
        assert s.exec(select(Story)).all() == [] and s.exec(select(ConsentChannel)).all() == []


def test_a_list_that_changed_while_she_wrote_is_refused(db_url, monkeypatch):
    read = choice.fingerprint(choice.offered())
    monkeypatch.setenv("STORIES_EXTRA_CHANNELS", "newsletter=The clinic's monthly newsletter")
    with pytest.raises(InvalidSubmission) as err, transaction() as s:
        submit_story(f.form(channels=["website"], channels_offered=read), session=s)
    assert err.value.problems == [("form", choice.LIST_CHANGED)]
    now = choice.fingerprint(choice.offered())
    assert now != read
    with transaction() as s:
        submit_story(f.form(channels=["website"], channels_offered=now), session=s)


def test_a_use_in_an_extra_channel_needs_its_tick_at_that_moment(db_url):
    who = f.staff("admin", "boss")
    ticked = f.submit(channels=["website", "newsletter"])
    f.to_approved(ticked, who)
    unticked = f.submit(body=f.BODY + " Another one.", channels=["website", "excerpts"])
    f.to_approved(unticked, who)
    assert _require(ticked.story_id, "newsletter").story_id == ticked.story_id
    with pytest.raises(ChannelNotConsented, match="Covers the clinic's newsletter"):
        _require(unticked.story_id, "newsletter")
    with pytest.raises(ChannelNotConsented, match="Covers staff training"):
        _require(ticked.story_id, "training")
    with transaction() as s:
        stop_channel(ticked.code, "newsletter", session=s)  # she stops it on Check my story
    with pytest.raises(ChannelNotConsented, match="Covers the clinic's newsletter"):
        _require(ticked.story_id, "newsletter")
    assert _require(ticked.story_id, "website")  # the rest stays


def test_check_my_story_lists_extra_channels_by_label(db_url):
    receipt = f.submit(channels=["website", "training"])
    with transaction() as s:
        assert chosen_channels(receipt.code, session=s) == ["The clinic's website",
                                                             "Staff training"]
    with transaction() as s:
        stop_channel(receipt.code, "training", session=s)
    with transaction() as s:
        assert chosen_channels(receipt.code, session=s) == ["The clinic's website"]


def test_clinic_configured_channels_from_the_setting_are_offered_and_checked(db_url, monkeypatch):
    monkeypatch.setenv("STORIES_EXTRA_CHANNELS", "podcast=The clinic's podcast")
    assert [key for key, _ in choice.offered()] == ["website", "excerpts", "podcast"]
    receipt = f.submit(channels=["website", "podcast"])
    assert _extras(receipt.story_id) == ["podcast"]
    with pytest.raises(InvalidSubmission) as err, transaction() as s:
        submit_story(f.form(body=f.BODY + " Again.", channels=["website", "newsletter"]),
                     session=s)
    assert err.value.problems == [("channels", choice.NOT_OFFERED)]


def test_her_copy_lists_the_uses_she_read_even_after_the_setting_changed(db_url, monkeypatch):
    receipt = f.submit(channels=["website", "newsletter"])
    monkeypatch.setenv("STORIES_EXTRA_CHANNELS", "podcast=The clinic's podcast")
    with transaction() as s:
        doc = authorization_copy(receipt.code, session=s)
        story = s.get(Story, receipt.story_id)
        consent = consent_for(story, session=s)
        text_check = next(c for c in checks(story, consent, TODAY, session=s)
                          if c.name == "Authorization text on record")
    assert "**Where your story may be used.**" in doc
    assert "- The clinic's website (required to publish your story)" in doc
    assert "- Staff training" in doc and "podcast" not in doc  # the list she read, not today's
    assert "- The clinic's newsletter: yes" in doc and "- Staff training: no" in doc
    assert "- Short excerpts in print and social media: no" in doc
    assert text_check.passed  # the version's text and hash did not move


def test_a_consent_from_before_the_list_was_recorded_reads_as_the_two_built_ins(db_url):
    receipt = f.submit()
    with transaction() as s:
        consent = consent_for(s.get(Story, receipt.story_id), session=s)
        consent.channels_shown = ""  # as migration 0009 leaves older consents
        s.add(consent)
    with transaction() as s:
        doc = authorization_copy(receipt.code, session=s)
    assert "Where your story may be used" not in doc  # that version's form showed no list
    assert "- The clinic's website: yes" in doc
    assert "- Short excerpts in print and social media: no" in doc
    assert "newsletter" not in doc


def test_the_labels_are_plain_text_in_the_authorization(db_url, monkeypatch):
    monkeypatch.setenv("STORIES_EXTRA_CHANNELS", "talks=Talks *for* [staff](https://x.example)")
    section = choice.uses_section(choice.offered())
    assert r"- Talks \*for\* \[staff\]\(https://x\.example\)" in section


def test_renewing_keeps_the_extra_channels_she_ticked(db_url):
    receipt = f.submit(channels=["website", "training"], expires_on=TODAY + timedelta(days=20))
    with transaction() as s:
        reconfirm.answer(receipt.code, True, signature="Jane Q. Patient", session=s)
    with transaction() as s:
        consents = s.exec(select(Consent).where(Consent.story_id == receipt.story_id)).all()
    assert len(consents) == 2
    assert _extras(receipt.story_id) == ["training"]  # on the new (latest) consent


def test_paper_imports_accept_the_configured_channels(db_url, tmp_path):
    jl = tmp_path / "paper.jsonl"
    jl.write_text("\n".join(json.dumps(x) for x in [
        {"title": "Hope again", "body": "The physiotherapy took time, but it worked for me.",
         "authorization_reference": "P-1", "authorization_date": "2024-01-05",
         "channels": ["newsletter"], "use_excerpts": True},
        {"title": "Another", "body": "Another story that someone wrote on paper long ago.",
         "authorization_reference": "P-2", "authorization_date": "2024-01-05",
         "channels": ["radio"]},
    ]) + "\n")
    report = import_paths([jl], session_factory=transaction)
    assert len(report.imported) == 1
    assert report.skipped == [("paper.jsonl:2", "channels must list channel names from: "
                               "website, excerpts, newsletter, training.")]
    with transaction() as s:
        story = s.exec(select(Story).where(Story.public_id == report.imported[0][0])).one()
        consent = consent_for(story, session=s)
        assert consented_channels(consent, session=s) == ["website", "excerpts", "newsletter"]
    with transaction() as s:
        doc = authorization_copy(report.imported[0][2], session=s)
    assert "- The clinic's newsletter: yes" in doc
