"""The Review page's contract: plain read models in, callbacks with the on-screen hash out."""

from __future__ import annotations

import dataclasses

import factories as f
import pytest
from sqlmodel import SQLModel
from test_app_support import app, fast_hashing, messages, press, story, widget  # noqa: F401

from moderation import review
from moderation.queue import review as review_view
from moderation.sessions import logout
from stories.db import transaction
from stories.workflow import Action

pytestmark = pytest.mark.usefixtures("fast_hashing")


@pytest.fixture
def moderator(db_url):
    return f.staff("moderator")


def _values(value):
    """Every value inside a read model: dataclass fields, tuples and sets, recursively."""
    yield value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _values(getattr(value, field.name))
    elif isinstance(value, tuple | list | set | frozenset):
        for item in value:
            yield from _values(item)


def test_the_review_page_gets_frozen_read_models_and_no_orm_rows(moderator):
    receipt = f.submit(display_name="Rachel Smith from Leeds")
    with transaction() as s:
        review.edit(receipt.story_id, f.current_hash(receipt.story_id), "Edited", f.BODY,
                    who=moderator, session=s)
        view = review_view(receipt.story_id, who=moderator, session=s)
    values = list(_values(view))
    assert not [v for v in values if isinstance(v, SQLModel)]
    models = [v for v in values if dataclasses.is_dataclass(v)]
    assert {type(v).__name__ for v in models} >= {"ReviewView", "StoryCard", "RevisionText",
                                                   "FieldFinding", "Check"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.story.status = "approved"
    assert [r.number for r in view.revisions] == [1, 2] and view.original.title != "Edited"
    assert view.revision.title == "Edited" and view.story.public_id == receipt.public_id
    assert Action.EDIT in view.actions and all(isinstance(a, Action) for a in view.actions)


def test_a_click_after_a_logout_elsewhere_does_nothing(moderator):
    """A callback acts as the account signed in at the click, not the one that drew the page."""
    receipt = f.submit()
    at = app("review", who=moderator, review_story_id=receipt.story_id)
    widget(at.text_area, "review_note_text").set_value("Call back.")
    with transaction() as s:
        logout(at.session_state["staff_token"], session=s)
    press(at, "Save note")
    assert story(receipt.story_id).staff_note == ""
    assert any("Please sign in" in m for m in messages(at))


def test_a_refused_edit_keeps_what_the_moderator_typed(moderator):
    receipt = f.submit()
    at = app("review", who=moderator, review_story_id=receipt.story_id)
    with transaction() as s:  # another moderator edits meanwhile
        review.edit(receipt.story_id, f.current_hash(receipt.story_id), "Changed elsewhere",
                    f.BODY, who=moderator, session=s)
    widget(at.text_input, "review_edit_title").set_value("My own title")
    press(at, "Save as a new revision")
    assert any("changed" in m for m in messages(at))
    assert widget(at.text_input, "review_edit_title").value == "My own title"
    with transaction() as s:
        assert review_view(receipt.story_id, who=moderator,
                           session=s).revision.title == "Changed elsewhere"
    press(at, "Save as a new revision")  # now against the text it shows: saved
    assert not messages(at)
    with transaction() as s:
        assert review_view(receipt.story_id, who=moderator,
                           session=s).revision.title == "My own title"


def test_the_withdrawal_needs_the_box_ticked(moderator):
    receipt = f.submit()
    at = app("review", who=moderator, review_story_id=receipt.story_id)
    press(at, "Withdraw and erase")
    assert messages(at) == ["Please tick the box to confirm."]
    assert story(receipt.story_id).erased_at is None
