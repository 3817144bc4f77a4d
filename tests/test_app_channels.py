"""AppTest: the share form offers every configured channel, and Check my story names them.

The boxes, the list in the authorization and the labels all come from the
channels table (built-ins plus `STORIES_EXTRA_CHANNELS`, set here through the
environment as the clinic would).
"""

from __future__ import annotations

import factories as f
import pytest
from sqlmodel import select
from test_app_support import (
    app,
    fast_hashing,  # noqa: F401 (fixture)
    fill_share,
    messages,
    open_story,
    press,
    screen_text,
    widget,
)

from stories.db import transaction
from stories.distribution import choice
from stories.models import Consent, ConsentChannel, Story

pytestmark = pytest.mark.usefixtures("fast_hashing")
PODCAST = "podcast=The clinic's podcast"


def _boxes(at) -> list[tuple[str, str]]:
    return [(c.key, c.label) for c in at.checkbox if c.key.startswith("share_channel_")]


def _terms(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _stored() -> list[tuple[bool, bool, list[str]]]:
    with transaction() as s:
        return [(c.use_website, c.use_excerpts,
                 list(s.exec(select(ConsentChannel.channel)
                             .where(ConsentChannel.consent_id == c.id))))
                for c in s.exec(select(Consent))]


def test_one_box_per_channel_and_the_authorization_lists_them_all(db_url, monkeypatch):
    monkeypatch.setenv("STORIES_EXTRA_CHANNELS", PODCAST + ";training=Staff training")
    at = app()
    assert _boxes(at) == [
        ("share_channel_website", "The clinic's website (required to publish your story)"),
        ("share_channel_excerpts", "Short excerpts in print and social media"),
        ("share_channel_podcast", "The clinic's podcast"),
        ("share_channel_training", "Staff training"),
    ]
    terms = _terms(at)
    assert "Where your story may be used" in terms
    for line in ("- The clinic's website (required to publish your story)",
                 "- Short excerpts in print and social media", "- The clinic's podcast",
                 "- Staff training"):
        assert line in terms
    assert "newsletter" not in terms  # the default list is replaced by the clinic's own


def test_ticked_extra_channel_is_stored_with_the_consent(db_url, monkeypatch):
    monkeypatch.setenv("STORIES_EXTRA_CHANNELS", PODCAST)
    at = app()
    fill_share(at, podcast=True)
    press(at, "Send my story")
    assert not messages(at) and len(at.code) == 1
    assert _stored() == [(True, False, ["podcast"])]
    assert not [k for k in at.session_state if str(k).startswith("share_channel_")]


def test_without_the_website_the_problem_shows_under_the_boxes(db_url):
    at = app()
    fill_share(at, website=False, newsletter=True)
    press(at, "Send my story")
    assert messages(at) == [choice.WEBSITE_NEEDED]
    order = [getattr(e, "key", None) or getattr(e, "value", None) for e in at.main]
    assert order.index("share_channel_training") < order.index(choice.WEBSITE_NEEDED) \
        < order.index("share_expires")
    assert _stored() == []
    assert widget(at.checkbox, "share_channel_newsletter").value  # her ticks are kept


def test_a_list_changed_while_she_wrote_is_shown_again_and_nothing_sent(db_url, monkeypatch):
    at = app()
    fill_share(at, newsletter=True)
    monkeypatch.setenv("STORIES_EXTRA_CHANNELS", PODCAST)  # the clinic changes the list
    press(at, "Send my story")
    assert choice.LIST_CHANGED in messages(at)
    assert _stored() == []
    assert ("share_channel_podcast", "The clinic's podcast") in _boxes(at)
    fill_share(at, podcast=True)
    press(at, "Send my story")
    assert _stored() == [(True, False, ["podcast"])]


def test_check_my_story_names_the_extra_channels_and_stops_one(db_url):
    who = f.staff("admin", "the.admin")
    receipt = f.submit(channels=["website", "newsletter"])
    f.to_approved(receipt, who)
    at = open_story(receipt.code)
    assert ("You allowed the clinic to use your story in: the clinic's website; "
            "the clinic's newsletter.") in screen_text(at)
    stop = widget(at.selectbox, "ledger_stop_channel")
    assert stop.options == ["The clinic's website", "The clinic's newsletter"]
    stop.set_value("The clinic's newsletter")
    widget(at.checkbox, "ledger_stop_sure").set_value(True)
    at = press(at, "Stop this use")
    assert "in: the clinic's website." in screen_text(at)
    with transaction() as s:
        assert s.exec(select(ConsentChannel)).all() == []
        assert s.get(Story, receipt.story_id).status == "approved"
