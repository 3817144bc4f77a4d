"""The "Share your story" page: valid, invalid, too long, honeypot, rate limit."""

from __future__ import annotations

import pytest
from sqlmodel import select
from test_app_support import (
    app,
    fast_hashing,  # noqa: F401 (fixture)
    fill_share,
    messages,
    press,
    widget,
)

from stories.config import MAX_BODY_CHARS
from stories.db import transaction
from stories.models import Revision, Story

pytestmark = pytest.mark.usefixtures("fast_hashing")


def stories() -> list[tuple[str, str]]:
    with transaction() as s:
        rows = s.exec(select(Story.status, Revision.title)
                      .join(Revision, Revision.id == Story.current_revision_id)).all()
    return [tuple(r) for r in rows]


def test_form_shows_the_full_authorization_and_its_version(db_url):
    at = app()
    text = "\n".join(m.value for m in at.markdown)
    assert "Authorization to publish your story" in text
    assert "You can revoke this at any time" in text
    assert any("Authorization version 2026-11-v1" in c.value for c in at.caption)
    assert not at.query_params


def test_valid_story_gives_a_receipt_code_once_and_clears_the_form(db_url):
    at = app()
    fill_share(at)
    press(at, "Send my story")
    assert not messages(at)
    assert len(at.code) == 1
    code = at.code[0].value
    assert len(code) >= 10
    assert any("nobody at the clinic can look it up" in m.value for m in at.markdown)
    assert stories() == [("submitted", "Not broken")]
    assert widget(at.text_input, "share_title").value == ""
    assert widget(at.text_area, "share_body").value == ""
    assert code not in str(at.query_params)
    at.run()  # any later run: the code is gone
    assert not at.code


def test_markup_like_text_is_stored_exactly_as_typed(db_url):
    at = app()
    title = "I'm <not> okay & 2*3=6"
    body = ("if pain<pleasure then I went back. x<y and z>w, you&me&notes, &lt; and "
            "\u00af\\_(\u30c4)_/\u00af <script in my diary")
    fill_share(at, title=title, body=body)
    press(at, "Send my story")
    assert not messages(at) and not messages(at, "warning")
    assert len(at.code) == 1
    with transaction() as s:
        revision = s.exec(select(Revision)).one()
    assert (revision.title, revision.body) == (title, body)


def test_removed_invisible_characters_are_named_before_anything_is_stored(db_url):
    at = app()
    body = "It was hard\u200b to say. " * 4 + "Then\u202e it got better."
    fill_share(at, body=body)
    press(at, "Send my story")
    (warning,) = messages(at, "warning")
    assert "ZERO WIDTH SPACE (U+200B) x4" in warning and "RIGHT-TO-LEFT OVERRIDE" in warning
    assert "It was hard" not in warning  # names characters, never her text
    assert not at.code and stories() == []
    assert widget(at.text_area, "share_body").value == body  # kept in the form
    press(at, "Send my story")  # the same text again: she has been told
    assert len(at.code) == 1 and not messages(at, "warning")
    with transaction() as s:
        stored = s.exec(select(Revision.body)).one()
    assert stored == body.replace("\u200b", "").replace("\u202e", "").strip()


def test_missing_permission_shows_a_clear_error_and_keeps_the_text(db_url):
    at = app()
    fill_share(at, website=False)
    press(at, "Send my story")
    assert any("permission for the website" in m for m in messages(at))
    assert widget(at.text_area, "share_body").value.startswith("For years")
    assert widget(at.text_input, "share_title").value == "Not broken"
    assert not at.code
    assert stories() == []


def test_story_limit_is_visible_and_enforced_without_losing_text(db_url):
    at = app()
    body = widget(at.text_area, "share_body")
    assert "20,000 characters" in body.label
    too_long = "word " * (MAX_BODY_CHARS // 5 + 10)
    fill_share(at, body=too_long)
    press(at, "Send my story")
    assert any("the limit is 20,000" in m for m in messages(at))
    assert widget(at.text_area, "share_body").value == too_long  # nothing lost
    with transaction() as s:
        assert s.exec(select(Revision.body)).all() == []


def test_too_short_story_is_refused_and_kept(db_url):
    at = app()
    fill_share(at, body="Too short to share.")
    press(at, "Send my story")
    assert messages(at) == ["Your story needs at least 40 characters."]
    assert widget(at.text_area, "share_body").value == "Too short to share."
    assert widget(at.checkbox, "share_attest_adult").value is True
    assert stories() == []


def test_honeypot_is_refused(db_url):
    at = app()
    fill_share(at, trap="http://spam.example")
    press(at, "Send my story")
    assert messages(at) == ["Your submission could not be accepted."]
    assert stories() == []


def test_submissions_are_rate_limited(db_url):
    at = app()
    for _ in range(5):
        fill_share(at, website=False)
        press(at, "Send my story")
        assert "permission for the website" in messages(at)[0]
    fill_share(at)
    press(at, "Send my story")
    assert any("Too many stories" in m for m in messages(at))
    assert stories() == []
