"""Exported-style pages in a real browser: no payload may run a script.

Every corpus payload is stored (normalized, otherwise as typed) and exported: its
Markdown is rendered by each site renderer with raw HTML allowed, its title
printed as an *unescaping* theme would, and it goes through our own staff
screens.  All payloads of one path share a page, so the whole test takes a
few seconds.  A positive control proves the trap sees real execution.
"""

from __future__ import annotations

import pytest

from stories.fields import clean_line
from stories.frontmatter import emit, parse
from stories.markup import highlight_html, render_diff_html, render_html, to_safe_markdown
from stories.textnorm import normalize_text
from tests.browser_util import TrappedPage, launch_chromium
from tests.xss import RENDERERS, load_payloads, markdown_payloads

pytestmark = pytest.mark.browser

PAYLOADS = [payload for _, payload in load_payloads() + markdown_payloads()]


def _stored(payload: str) -> str:
    return normalize_text(payload).strip()


def _title(payload: str) -> str:
    fields, _ = parse(emit({"title": clean_line(payload, 10**6, "title", required=False)}, ""))
    return fields["title"]


def _unescaped_theme(title: str) -> str:
    return f"<h2 data-title=\"{title}\">{title}</h2><p title='{title}'>{title}</p>"


def _pages() -> dict[str, str]:
    """Path name -> one HTML document holding every payload through that path."""
    stored = [_stored(payload) for payload in PAYLOADS]
    pages = {
        f"{name}/{source}": [render(to_safe_markdown(text)) for text in texts]
        for name, render in RENDERERS.items()
        for source, texts in (("stored", stored), ("raw", PAYLOADS))
    }
    pages["theme/title-unescaped"] = [_unescaped_theme(_title(p)) for p in PAYLOADS]
    pages["staff/render_html"] = [render_html(text) for text in stored]
    pages["staff/highlight_html"] = [
        highlight_html(p, [(0, max(len(p) // 2, 1), "PERSON")]) for p in PAYLOADS
    ]
    pages["staff/render_diff_html"] = [render_diff_html(p, text) for p, text in zip(PAYLOADS, stored)]
    return {
        name: "<!doctype html><html><head><title>t</title></head><body>"
        + "".join(f"<section>{part}</section>" for part in parts)
        + "</body></html>"
        for name, parts in pages.items()
    }


@pytest.fixture(scope="module")
def browser():
    with launch_chromium() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def page(browser):
    trapped = TrappedPage(browser)
    yield trapped
    trapped.close()


def test_trap_detects_real_execution(page):
    hits = page.load('<img src="x" onerror="alert(1)"><script>confirm(2)</script>')
    assert any(hit.startswith("alert:") for hit in hits)
    assert any(hit.startswith("confirm:") for hit in hits)
    assert any(hit.startswith("dom:") for hit in hits)


def test_no_payload_runs_on_any_page(page):
    failures = {}
    for name, document in _pages().items():
        hits = page.load(document)
        if hits:
            failures[name] = hits[:10]
    assert not failures, failures


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_escaped_text_is_what_the_reader_sees(page, renderer):
    text = "I <3 my nurse & {{ her }} [team] `thanks` ~ | $5 a@b.c www.x.org \\o/"
    assert not page.load(RENDERERS[renderer](to_safe_markdown(text)))
    assert page.page.inner_text("body").strip() == text
