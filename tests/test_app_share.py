"""The "Share your story" page: valid, invalid, too long, honeypot, rate limit."""

from __future__ import annotations

import re

import factories
import pytest
from sqlmodel import select
from test_app_support import (
    VALID_BODY,
    app,
    fast_hashing,  # noqa: F401 (fixture)
    fill_share,
    messages,
    press,
    widget,
)

from stories import receipts
from stories.config import MAX_BODY_CHARS
from stories.db import transaction
from stories.models import Revision, Story
from stories.submission import submit_story

pytestmark = pytest.mark.usefixtures("fast_hashing")


def stories() -> list[tuple[str, str]]:
    with transaction() as s:
        rows = s.exec(select(Story.status, Revision.title)
                      .join(Revision, Revision.id == Story.current_revision_id)).all()
    return [tuple(r) for r in rows]


def test_form_shows_the_full_authorization_and_its_version(db_url):
    at = app()
    text = "\n".join(m.value for m in at.markdown)
    assert "### Authorization to publish your story" in text  # below the page title
    assert "You can revoke this at any time" in text
    assert any("Authorization version 2026-11-v1" in c.value for c in at.caption)
    assert not at.query_params


def test_valid_story_shows_only_the_receipt_until_she_saved_the_code(db_url):
    at = app()
    fill_share(at)
    press(at, "Send my story")
    assert not messages(at)
    assert len(at.code) == 1
    code = at.code[0].value
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){7}", code)
    assert "Thank you" in messages(at, "success")[0]
    assert any(receipts.LOST_CODE in c.value for c in at.caption)
    assert widget(at.download_button, "share_receipt_download")
    assert stories() == [("submitted", "Not broken")]
    assert not at.text_area and not at.text_input  # only the receipt: no filled form
    assert "share_body" not in at.session_state and "share_signature" not in at.session_state
    assert code not in str(at.query_params)
    at.run()  # a second Send, a rerun, a visit to another page and back: the code stays
    assert [c.value for c in at.code] == [code]
    at.switch_page("app_pages/check.py").run()
    assert widget(at.text_input, "check_code_input").value == code  # ready to check
    at.switch_page("app_pages/share.py").run()
    assert [c.value for c in at.code] == [code]
    assert widget(at.button, "share_receipt_close").disabled  # two steps, not one press
    widget(at.checkbox, "share_receipt_saved").check().run()
    press(at, "Close the receipt (the code is not shown again)")
    assert not at.code
    assert widget(at.text_area, "share_body").value == ""
    assert widget(at.text_input, "share_signature").value == ""
    assert stories() == [("submitted", "Not broken")]


def test_every_problem_is_shown_under_its_field_and_a_fixed_one_goes(db_url):
    at = app()
    fill_share(at, title="", website=False, signature="", attest_adult=False)
    press(at, "Send my story")
    assert messages(at) == [
        "Please fill in your title.",
        "To publish your story we need your permission for the website.",
        "Please confirm that you are 18 or older.",
        "Please fill in your signature.",
    ]
    assert messages(at, "warning") == [
        "Nothing was sent yet. Please correct these, marked above: Title, Where the clinic may "
        "use it, Age, Signature. Your text is kept."]
    assert stories() == []
    order = [getattr(e, "key", None) or getattr(e, "value", None) for e in at.main]
    assert order.index("share_title") < order.index("Please fill in your title.") \
        < order.index("share_body")  # the message is right under its field
    widget(at.text_input, "share_title").set_value("Not broken")
    widget(at.text_input, "share_signature").set_value("Jane Patient")
    press(at, "Send my story")
    assert messages(at) == [
        "To publish your story we need your permission for the website.",
        "Please confirm that you are 18 or older.",
    ]
    assert widget(at.text_area, "share_body").value.startswith("For years")


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
    assert "Please correct this, marked above: Your story." in messages(at, "warning")[0]
    assert widget(at.text_area, "share_body").value == "Too short to share."
    assert widget(at.checkbox, "share_attest_adult").value is True
    assert stories() == []


def test_honeypot_is_refused(db_url):
    at = app()
    fill_share(at, trap="http://spam.example")
    press(at, "Send my story")
    assert messages(at) == ["Your submission could not be accepted."]
    assert stories() == []


def test_refused_sends_do_not_count_but_stored_stories_do(db_url):
    at = app()
    for _ in range(6):  # more mistakes than the hourly limit of 5
        fill_share(at, website=False)
        press(at, "Send my story")
        assert "permission for the website" in messages(at)[0]
    for n in range(5):
        fill_share(at, body=f"{VALID_BODY} Story {n}.")
        press(at, "Send my story")
        assert not messages(at) and at.code
        widget(at.checkbox, "share_receipt_saved").check().run()
        press(at, "Close the receipt (the code is not shown again)")
    fill_share(at, body=f"{VALID_BODY} One too many.")
    press(at, "Send my story")
    assert any("Too many stories" in m for m in messages(at))
    assert widget(at.text_area, "share_body").value.endswith("One too many.")
    assert len(stories()) == 5


@pytest.mark.parametrize("same_text", [True, False])
def test_a_press_cut_short_after_storing_still_ends_on_her_receipt(db_url, same_text):
    """A second press of Send can stop the first run right after its commit: the
    next run finds the code this session chose before sending, and shows it."""
    at = app()
    body = VALID_BODY if same_text else VALID_BODY + " The second press."
    fill_share(at, body=body)
    code = receipts.new_code()
    at.session_state["share_sending_code"] = code
    with transaction() as s:  # what the first, cut-short run committed
        submit_story(factories.form(body=VALID_BODY), session=s, code=code)
    press(at, "Send my story")
    assert not messages(at)
    assert [c.value for c in at.code] == [code]
    assert not at.text_area
    assert len(stories()) == 1


def test_the_same_story_from_another_session_gets_the_lost_code_answer(db_url):
    first = app()
    fill_share(first)
    press(first, "Send my story")
    other = app()  # a reload: a new browser session, which never saw the code
    fill_share(other)
    press(other, "Send my story")
    assert not other.code
    assert messages(other) == ["This story has already reached us, so it was not sent "
                               "again. " + receipts.LOST_CODE]
    assert widget(other.text_area, "share_body").value == VALID_BODY


def test_topics_are_boxes_she_ticks_one_by_one_and_more_than_the_limit_is_refused(db_url):
    """No "select all": each topic on her public story is one she ticked herself."""
    from stories.choices import TOPICS
    from stories.config import MAX_TAGS

    at = app()
    assert [c.label for c in at.checkbox if c.key.startswith("share_topic_")] == list(TOPICS)
    assert not at.multiselect
    fill_share(at, tags=list(TOPICS[:MAX_TAGS + 1]))
    press(at, "Send my story")
    assert any(f"up to {MAX_TAGS} topics" in m for m in messages(at))
    assert stories() == [] and not at.code
    widget(at.checkbox, f"share_topic_{TOPICS[0]}").uncheck()
    press(at, "Send my story")
    assert at.code
    with transaction() as s:
        [story] = s.exec(select(Story)).all()
    assert story.tags.split(",") == list(TOPICS[1:MAX_TAGS + 1])
