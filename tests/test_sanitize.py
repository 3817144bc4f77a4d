"""The sanitizing policy: the same tests for both engines."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stories.fields import clean_comment
from stories.markup import reader_text, render_html
from stories.sanitize import (
    CLEAN_CONTENT_TAGS,
    PREVIEW_TAGS,
    URL_SCHEMES,
    allowed_attribute,
    clean_html,
    resolve_engine,
)
from stories.textnorm import normalize_text
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
        clean_html("x", engine="regex")


@pytest.mark.parametrize(
    "raw",
    [
        "Just a story.",
        "<b>bold</b> and <i>it</i>",
        "<script>alert(1)</script>after",
        "<style>body{}</style>after",
        "<iframe src=x>inside</iframe>after",
        "&lt;script&gt;alert(1)&lt;/script&gt;after",
        "&amp;lt;b&amp;gt;x",
        "Tom &amp; Jerry &eacute;t&eacute;",
        "a <!-- hidden --> b",
        "I <3 my nurse, 2 < 3",
        "<scr<script>ipt>alert(1)</script>",
        "&#x202e;reversed",
        "<img src=x onerror=alert(1)>",
        "if pain<pleasure then I went back",
        "I'm <not> okay and the rest of my story",
        "x<y and z>w",
        "you&me&notes",
    ],
    ids=[
        "plain", "tags", "script", "style", "iframe", "encoded-script", "double-encoded",
        "entities", "comment", "less-than", "split-script", "encoded-bidi", "img",
        "unterminated", "aside", "math", "entity-like",
    ],
)  # fmt: skip
def test_markup_is_kept_as_typed_and_shown_escaped(engine, raw):
    """No input filter deletes markup-like text; the preview shows it as text."""
    assert clean_comment(raw) == raw
    preview = render_html(raw, engine)
    assert_nothing_executable(preview, allowed_tags=PREVIEW_TAGS)
    assert _visible(preview) == " ".join(reader_text(raw).split())


def _visible(html_text: str) -> str:
    parser = _Text()
    parser.feed(html_text)
    parser.close()
    return " ".join("".join(parser.parts).split())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@settings(max_examples=150, deadline=None)
@given(st.one_of(MARKUP, st.text(max_size=80)))
def test_any_text_is_stored_as_normalized_and_previewed_inert_nh3(text):
    stored = clean_comment(text)
    assert stored == normalize_text(text).strip()
    assert_nothing_executable(render_html(stored, "nh3"), allowed_tags=PREVIEW_TAGS)


@settings(max_examples=60, deadline=None)
@given(MARKUP)
def test_any_text_is_stored_as_normalized_and_previewed_inert_bleach(text):
    stored = clean_comment(text)
    assert stored == normalize_text(text).strip()
    assert_nothing_executable(render_html(stored, "bleach"), allowed_tags=PREVIEW_TAGS)


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
