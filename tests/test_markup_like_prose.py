"""Prose that looks like markup is kept exactly and shown exactly (issue #10 items 8 and 9).

The cases live in ``tests/data/markup_like_prose.json`` (math, arrows, hearts,
emoticons, angle-bracket asides, entities, code-like text, e-mail-ish text,
Markdown-significant characters).  For each: submitting it stores the text as
typed (after Unicode normalisation), a comment keeps it as typed, and the
export's Markdown renders, on every renderer, to the same visible text (minus
the formatting the share form promises, where the case says so).  Hugo and
Jekyll are checked on real builds in `tests.test_site_builds`.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import select

from stories.db import transaction
from stories.fields import clean_comment
from stories.markup import reader_text, render_html, to_safe_markdown
from stories.models import Revision
from stories.textnorm import normalize_text
from tests import factories as f
from tests.xss import RENDERERS, SAFE_MARKDOWN_TAGS, assert_nothing_executable

CASES_FILE = Path(__file__).resolve().parent / "data" / "markup_like_prose.json"
CASES = json.loads(CASES_FILE.read_text(encoding="utf-8"))["cases"]
IDS = [case["id"] for case in CASES]


def visible_text(html: str) -> str:
    """The text a browser shows for `html`, whitespace collapsed (entities decoded)."""

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def expected_visible(case: dict) -> str:
    return " ".join(case.get("visible", normalize_text(case["text"])).split())


def test_there_are_at_least_sixty_cases():
    assert len(CASES) >= 60
    assert len(set(IDS)) == len(IDS)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_submitted_text_is_stored_as_typed(db_url, case):
    text = case["text"]
    title = " ".join(text.split())[:120]
    receipt = f.submit(title=title, body=text)
    with transaction() as s:
        revision = s.exec(select(Revision).where(Revision.story_id == receipt.story_id)).one()
    assert revision.body == normalize_text(text).strip()
    assert revision.title == title


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_comment_is_kept_as_typed(case):
    assert clean_comment(case["text"]) == normalize_text(case["text"]).strip()


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_export_renders_the_typed_text(case, renderer):
    html = RENDERERS[renderer](to_safe_markdown(case["text"]))
    assert visible_text(html) == expected_visible(case)
    assert_nothing_executable(html, allowed_tags=SAFE_MARKDOWN_TAGS)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_reader_text_agrees_with_the_table(case):
    assert " ".join(reader_text(case["text"]).split()) == expected_visible(case)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_review_preview_shows_the_typed_text(case):
    assert visible_text(render_html(case["text"])) == expected_visible(case)


# Prose built from words, spaces, newlines and every character that means
# something to Markdown, a typographer or a template engine.
PROSE_TOKENS = (
    "a", "word", " ", " ", "\n", "\n\n", "*", "**", "_", "__", "-", "--", "- ", "+", "1.",
    "2)", ">", "#", "###", "...", "=", "[", "]", "(", ")", "!", "<", "/", "&", ";", "`",
    "~", "|", ":", "@", "$", "^", "{", "}", "{{", "\\", "'", '"', "www.x.y", "&lt;",
    "&#60;", "<3", "<not>", "2*3", "\u00af\\_(\u30c4)_/\u00af", ".", ",", "é", "❤️",
)  # fmt: skip
PROSE = st.lists(st.sampled_from(PROSE_TOKENS), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(PROSE)
def test_any_prose_renders_as_the_reader_text_everywhere(text):
    expected = " ".join(reader_text(text).split())
    safe = to_safe_markdown(text)
    for name, render in RENDERERS.items():
        assert visible_text(render(safe)) == expected, name
