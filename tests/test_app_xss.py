"""XSS payloads as title, body and display name, through every page that shows them.

Each payload is submitted through the share form, opened on the Review page
by a moderator and, once sent for sign-off, on the patient's page; every
piece of HTML the app lets through must contain nothing executable.
"""

from __future__ import annotations

import html

import factories as f
import pytest
from test_app_support import (
    app,
    fast_hashing,  # noqa: F401 (fixture)
    fill_share,
    html_bodies,
    messages,
    press,
    widget,
)

from stories.db import transaction
from stories.models import Revision, Story
from stories.textnorm import normalize_line, normalize_text
from tests.xss import assert_nothing_executable, load_payloads, markdown_payloads

pytestmark = pytest.mark.usefixtures("fast_hashing")
FILLER = " This is the rest of my story, long enough to be accepted by the form."


def sample() -> list[tuple[str, str]]:
    """A dozen corpus payloads spread over every file, plus Markdown attacks."""
    corpus = load_payloads()
    step = max(1, len(corpus) // 12)
    return corpus[::step][:12] + markdown_payloads()[:40:8]


def assert_inert(at) -> None:
    bodies = html_bodies(at)
    assert bodies, "the page shows story HTML"
    for body in bodies:
        assert_nothing_executable(body)


@pytest.mark.parametrize(("name", "payload"), sample(), ids=[n for n, _ in sample()])
def test_payload_is_inert_on_every_page(db_url, name, payload):
    share = app()
    title, body = ("T " + payload)[:120], FILLER + "\n\n" + payload + FILLER
    fill_share(share, title=title, body=body)
    press(share, "Send my story")
    assert not messages(share)
    code = share.code[0].value
    with transaction() as s:  # kept as typed: markup is the patient's words, not deleted
        revision = s.get(Revision, s.get(Story, 1).current_revision_id)
    assert (revision.title, revision.body) == (normalize_line(title), normalize_text(body).strip())
    moderator = f.staff("moderator")
    at = app("review", who=moderator, review_story_id=1)
    assert not messages(at)
    assert_inert(at)
    assert f"<h2>{html.escape(revision.title)}</h2>" in html_bodies(at)  # shown escaped, as text
    press(at, "Send to the patient for sign-off")
    check = app("check")
    widget(check.text_input, "check_code_input").set_value(code)
    press(check, "Open my story")
    assert "The clinic has prepared the final text" in check.info[0].value
    assert_inert(check)


RAW = [p for _, p in load_payloads()[::40]] + [p for _, p in markdown_payloads()[:12:3]]


@pytest.mark.parametrize("payload", RAW)
def test_raw_stored_payload_is_inert_too(db_url, payload):
    """Text written straight into the database (any import path) is still escaped on screen."""
    receipt = f.submit()
    moderator = f.staff("moderator")
    f.to_awaiting_signoff(receipt, moderator)
    with transaction() as s:
        revision = s.get(Revision, s.get(Story, receipt.story_id).current_revision_id)
        revision.title, revision.body = payload[:200], payload + FILLER
        s.add(revision)
    at = app("review", who=moderator, review_story_id=receipt.story_id)
    assert not messages(at)
    assert_inert(at)
    check = app("check", patient_code=receipt.code)
    assert_inert(check)


@pytest.mark.parametrize("payload", ['<img src=x onerror=alert(1)>', "[x](javascript:alert(1))"])
def test_payload_as_display_name_is_refused_and_inert(db_url, payload):
    share = app()
    fill_share(share, name=payload)
    press(share, "Send my story")
    assert len(messages(share)) == 1 and "name to show" in messages(share)[0]
    assert not share.code
    for body in html_bodies(share):
        assert_nothing_executable(body)
