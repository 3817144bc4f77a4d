"""Every payload of the shared XSS corpora, through every path text takes to a page.

Paths: submission (normalized and stored exactly as typed), export (to_safe_markdown rendered by
each site renderer with raw HTML allowed; front matter values as a theme
might print them, even unescaped), and the staff screens (render_html,
highlight_html, render_diff_html).  Engine-dependent steps run with both
sanitizer engines.
"""

from __future__ import annotations

import pytest

from stories.fields import clean_line, clean_story
from stories.frontmatter import emit, parse
from stories.markup import highlight_html, render_diff_html, render_html, to_safe_markdown
from stories.sanitize import PREVIEW_TAGS
from stories.textnorm import normalize_line, normalize_text
from tests.xss import (
    RENDERERS,
    SAFE_MARKDOWN_TAGS,
    assert_no_template_syntax,
    assert_nothing_executable,
    load_payloads,
    markdown_payloads,
)

PAYLOADS = load_payloads() + markdown_payloads()
IDS = [payload_id for payload_id, _ in PAYLOADS]
TEXTS = [payload for _, payload in PAYLOADS]
ENGINES = ["nh3", "bleach"]


def _assert_markdown_inert(markdown_text: str) -> None:
    assert_no_template_syntax(markdown_text)
    for render in RENDERERS.values():
        assert_nothing_executable(render(markdown_text), allowed_tags=SAFE_MARKDOWN_TAGS)


def test_corpora_are_loaded():
    assert len(PAYLOADS) >= 390 + 30
    assert len(set(IDS)) == len(IDS)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("payload", TEXTS, ids=IDS)
def test_payload_as_body(payload, engine):
    """Stored as typed (after normalisation), inert wherever it is shown."""
    typed = payload + "\n\nThat is my story, in my own words, as I wrote it."
    _, stored = clean_story("A title", typed)
    assert stored == normalize_text(typed).strip()
    _assert_markdown_inert(to_safe_markdown(stored))
    assert_nothing_executable(render_html(stored, engine), allowed_tags=PREVIEW_TAGS)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("payload", TEXTS, ids=IDS)
def test_payload_as_title(payload, engine):
    title = clean_line(payload, 10**6, "title", required=False)
    assert title == normalize_line(payload)
    fields, _ = parse(emit({"title": title, "tags": [title]}, "body"))
    value = fields["title"]
    assert_no_template_syntax(value)
    _assert_markdown_inert(to_safe_markdown("### " + value))
    # A theme that prints the value without escaping, in text and attributes.
    unescaped_theme = (
        f'<h1>{value}</h1><span data-title="{value}"></span><a href="/" title=\'{value}\'>{value}</a>'
    )
    assert_nothing_executable(unescaped_theme, allowed_tags={"h1", "span", "a"})


@pytest.mark.parametrize("payload", TEXTS, ids=IDS)
def test_raw_payload_on_every_path(payload):
    """Each step is safe on its own, even on text that skipped normalisation."""
    _assert_markdown_inert(to_safe_markdown(payload))
    assert_nothing_executable(render_html(payload), allowed_tags=PREVIEW_TAGS)
    fields, body = parse(emit({"title": payload}, to_safe_markdown(payload)))
    assert_no_template_syntax(fields["title"])
    assert body == to_safe_markdown(payload)
    half = max(len(payload) // 2, 1)
    spans = [(0, half, "PERSON"), (half // 2, len(payload), "URL")]
    assert_nothing_executable(highlight_html(payload, spans), allowed_tags={"mark", "br"})
    diff_tags = {"del", "ins", "br"}
    assert_nothing_executable(render_diff_html(payload, "clean text"), allowed_tags=diff_tags)
    assert_nothing_executable(render_diff_html("clean text", payload), allowed_tags=diff_tags)
