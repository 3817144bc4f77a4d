"""Staff pages check the role themselves: opening one by URL shows no staff data."""

from __future__ import annotations

import factories as f
import pytest
from test_app_support import (
    app,
    fast_hashing,  # noqa: F401 (fixture)
    messages,
    screen_text,
)

pytestmark = pytest.mark.usefixtures("fast_hashing")
STAFF_PAGES = ("queue", "review", "export", "admin", "excerpts")
SECRET = "Secret garden title"


@pytest.fixture
def seeded(db_url):
    """A story with a recognisable title, and one approved story for export."""
    moderator = f.staff("moderator", "mod.one")
    f.to_approved(f.submit(title="Approved one", body=f.BODY + " Approved."), moderator)
    return f.submit(title=SECRET), moderator


def assert_no_staff_data(at, prompt: str) -> None:
    text = screen_text(at)
    assert SECRET not in text and "Approved one" not in text
    assert "mod.one" not in text
    assert not at.dataframe and not at.metric and not at.download_button
    assert "/download" not in text  # no private download form either
    assert any(prompt in m for m in messages(at))


@pytest.mark.parametrize("page", STAFF_PAGES)
def test_anonymous_visitor_sees_a_sign_in_prompt_only(seeded, page):
    receipt, _ = seeded
    at = app(page, review_story_id=receipt.story_id)
    assert_no_staff_data(at, "Please sign in")


@pytest.mark.parametrize("page", STAFF_PAGES)
def test_forged_token_is_not_a_login(seeded, page):
    receipt, _ = seeded
    at = app(page, review_story_id=receipt.story_id, staff_token="forged-token-value")
    assert_no_staff_data(at, "Please sign in")
    assert "staff_token" not in at.session_state


@pytest.mark.parametrize("page", ("export", "admin"))
def test_moderator_cannot_open_export_or_admin(seeded, page):
    receipt, moderator = seeded
    at = app(page, who=moderator, review_story_id=receipt.story_id)
    assert_no_staff_data(at, "not allowed")


@pytest.mark.parametrize("page", ("queue", "review"))
def test_publisher_cannot_open_queue_or_review(seeded, page):
    receipt, _ = seeded
    at = app(page, who=f.staff("publisher"), review_story_id=receipt.story_id)
    assert_no_staff_data(at, "not allowed")


def test_the_same_pages_do_open_for_the_right_role(seeded):
    receipt, moderator = seeded
    at = app("review", who=moderator, review_story_id=receipt.story_id)
    assert not messages(at)
    assert SECRET in screen_text(at)
