"""The sanitizing policy: the same tests for both engines."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stories.sanitize import (
    CLEAN_CONTENT_TAGS,
    INPUT_TAGS,
    PREVIEW_TAGS,
    URL_SCHEMES,
    allowed_attribute,
    clean_html,
    clean_text,
    resolve_engine,
)
from tests.xss import assert_nothing_executable

ENGINES = ["nh3", "bleach"]
TAG_OPEN = re.compile(r"<[A-Za-z/!?]")

# Markup-heavy text: fragments that combine into tags, comments and entities.
MARKUP = st.lists(
    st.sampled_from(
        [
            "<", ">", "/", "!", "?", "-", "&", ";", "#", "x", "3c", "60", "amp", "lt", "gt",
            "script", "b", "img", " ", "\n", "=", '"', "'", "on", "a", "<!--", "-->", "\u202e",
            "&lt;", "&amp;", "&#60;", "&#x3c;", "<script>", "</script>", "<style>", "é",
        ]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@pytest.fixture(params=ENGINES)
def engine(request):
    return request.param


def test_policy_constants():
    assert not INPUT_TAGS
    assert sorted(URL_SCHEMES) == ["https", "mailto"]
    assert {"script", "style"} <= CLEAN_CONTENT_TAGS
    assert not PREVIEW_TAGS & {"a", "img", "script", "style", "iframe", "form", "svg", "code"}


def test_engine_comes_from_settings_at_call_time(monkeypatch):
    monkeypatch.delenv("STORIES_SANITIZER", raising=False)
    assert resolve_engine() == "nh3"
    monkeypatch.setenv("STORIES_SANITIZER", "bleach")
    assert resolve_engine() == "bleach"
    assert resolve_engine("nh3") == "nh3"


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown sanitizer"):
        clean_text("x", engine="regex")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Just a story.", "Just a story."),
        ("<b>bold</b> and <i>it</i>", "bold and it"),
        ("<script>alert(1)</script>after", "after"),
        ("<style>body{}</style>after", "after"),
        ("<iframe src=x>inside</iframe>after", "after"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;after", "after"),
        ("&amp;lt;b&amp;gt;x", "x"),
        ("Tom &amp; Jerry &eacute;t&eacute;", "Tom & Jerry \u00e9t\u00e9"),
        ("a <!-- hidden --> b", "a  b"),
        ("I <3 my nurse, 2 < 3", "I <3 my nurse, 2 < 3"),
        ("<scr<script>ipt>alert(1)</script>", "ipt>alert(1)"),
        ("&#x202e;reversed", "reversed"),
        ("<img src=x onerror=alert(1)>", ""),
    ],
    ids=[
        "plain", "tags", "script", "style", "iframe", "encoded-script", "double-encoded",
        "entities", "comment", "less-than", "split-script", "encoded-bidi", "img",
    ],
)  # fmt: skip
def test_clean_text(engine, raw, expected):
    assert clean_text(raw, engine) == expected


def test_clean_text_unterminated_tag_cannot_survive(engine):
    assert not TAG_OPEN.search(clean_text("safe a<b", engine))


def test_clean_text_deep_encoding_still_reaches_a_fixed_point(engine):
    raw = "&amp;" * 1 + "amp;" * 30 + "lt;script&gt;x"
    once = clean_text(raw, engine)
    assert clean_text(once, engine) == once
    assert not TAG_OPEN.search(once)


def _assert_plain(text: str, engine: str) -> None:
    assert clean_text(text, engine) == text
    assert not TAG_OPEN.search(text)
    assert html.unescape(text) == text
    assert_nothing_executable(text)


@settings(max_examples=150, deadline=None)
@given(st.one_of(MARKUP, st.text(max_size=80)))
def test_clean_text_is_idempotent_plain_text_nh3(text):
    _assert_plain(clean_text(text, "nh3"), "nh3")


@settings(max_examples=60, deadline=None)
@given(MARKUP)
def test_clean_text_is_idempotent_plain_text_bleach(text):
    _assert_plain(clean_text(text, "bleach"), "bleach")


@pytest.mark.parametrize(
    ("tag", "name", "value", "allowed"),
    [
        ("mark", "class", "finding finding-person", True),
        ("mark", "class", "finding modal", False),
        ("mark", "title", "PERSON", True),
        ("span", "class", "diff-ins", True),
        ("mark", "onclick", "x", False),
        ("p", "class", "finding", False),
        ("mark", "style", "color:red", False),
    ],
)
def test_allowed_attribute(tag, name, value, allowed):
    assert allowed_attribute(tag, name, value) is allowed


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<p>a <em>b</em> <strong>c</strong></p>", "<p>a <em>b</em> <strong>c</strong></p>"),
        ("<h3>t</h3><h4>u</h4><hr>", "<h3>t</h3><h4>u</h4><hr>"),
        ("<ul><li>x</li></ul><blockquote>q</blockquote>", None),
        ('<mark class="finding finding-date" title="DATE">d</mark>', None),
        ("<del>old</del><ins>new</ins>", None),
        ('<p onclick="x">a</p>', "<p>a</p>"),
        ('<a href="javascript:alert(1)">link</a>', "link"),
        ('<img src="x" onerror="alert(1)">', ""),
        ("<script>alert(1)</script>ok", "ok"),
        ('<mark class="evil" style="position:fixed">m</mark>', "<mark>m</mark>"),
        ("<h1>big</h1>", "big"),
    ],
    ids=[
        "inline", "headings", "lists", "mark", "diff", "handler", "js-link", "img",
        "script", "bad-class", "h1",
    ],
)  # fmt: skip
def test_clean_html(engine, raw, expected):
    cleaned = clean_html(raw, engine)
    assert cleaned == (raw if expected is None else expected)
    assert_nothing_executable(cleaned, allowed_tags=PREVIEW_TAGS)


@settings(max_examples=60, deadline=None)
@given(MARKUP)
def test_clean_html_output_is_inert(text):
    for engine in ENGINES:
        assert_nothing_executable(clean_html(text, engine), allowed_tags=PREVIEW_TAGS)
