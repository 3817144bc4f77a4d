"""Every XSS payload through every path text takes, with the real database.

Each payload is submitted as a title, a display name and a body (storage),
edited in by a moderator (edits), shown on the moderator's review screen and
the patient's page (previews, highlights, diffs), taken to approval and
exported, and the exported files are rendered by the renderers a static site
may use.  Nothing executable and no template syntax may survive anywhere.
"""

from __future__ import annotations

from contextlib import suppress

import pytest
from sqlmodel import select

from moderation import review
from stories import patient
from stories.db import transaction
from stories.errors import InvalidInput
from stories.export import export_site
from stories.frontmatter import parse
from stories.markup import highlight_html, render_diff_html, render_html
from stories.models import Revision
from stories.submission import submit_story
from stories.textnorm import normalize_line, normalize_text
from tests import factories as f
from tests.xss import (
    RENDERERS,
    approve_redacted,
    assert_no_template_syntax,
    assert_nothing_executable,
    load_payloads,
    markdown_payloads,
)

PAYLOADS = [p for _, p in load_payloads()] + [p for _, p in markdown_payloads()]
FILLER = " This is my story about recovery, patience and the physiotherapy that helped me."


def _check_screen_paths(text: str, original: str) -> None:
    for html in (render_html(text), highlight_html(text, []), render_diff_html(original, text)):
        assert_nothing_executable(html)


def _submit(n: int, payload: str):
    form = f.form(title=(f"{n} " + payload)[:120], body=f"{n}.{FILLER}\n\n{payload}",
                  display_mode="pseudonym", display_name="Rose", contact_email="")
    with transaction() as s:
        return submit_story(form, session=s)


@pytest.fixture(scope="module")
def chunks():
    size = 100
    return [PAYLOADS[i:i + size] for i in range(0, len(PAYLOADS), size)]


@pytest.mark.parametrize("chunk_index", range((len(PAYLOADS) + 99) // 100))
def test_payloads_are_inert_from_submission_to_rendered_export(db_url, tmp_path, chunks, chunk_index):
    mod, approved = f.staff(), 0
    for n, payload in enumerate(chunks[chunk_index]):
        receipt = _submit(n, payload)
        digest = f.current_hash(receipt.story_id)
        with transaction() as s:  # a moderator edit that pastes the payload again
            current = s.exec(select(Revision).where(Revision.content_hash == digest)).first()
            assert current.body == normalize_text(f"{n}.{FILLER}\n\n{payload}").strip()  # as typed
            assert current.title == normalize_line((f"{n} " + payload)[:120])
            with suppress(InvalidInput):  # "Nothing changed": a payload of only spaces/invisibles
                review.edit(receipt.story_id, digest, current.title, current.body + "\n\n" + payload,
                            who=mod, session=s)
        with transaction() as s:
            seen = patient.view(receipt.code, session=s)
        _check_screen_paths(seen.body, seen.original_body)
        _check_screen_paths(seen.title, seen.original_title)
        approved += approve_redacted(receipt, mod)
    site = tmp_path / "site"
    with transaction() as s:
        report = export_site(site, "jekyll", session=s)
    assert approved >= 0.9 * len(chunks[chunk_index])
    assert report.exported == approved and not report.refused
    for path in site.glob("*.md"):
        fields, body = parse(path.read_text())
        assert_no_template_syntax(body)
        for value in fields.values():
            assert_no_template_syntax(str(value))
        for render in RENDERERS.values():
            assert_nothing_executable(render(body))
            assert_nothing_executable(render("# " + str(fields["title"])))


@pytest.mark.parametrize("payload", PAYLOADS[::7])
def test_payload_as_display_name_is_refused_or_plain(db_url, payload):
    form = f.form(display_mode="pseudonym", display_name=payload[:40],
                  body=f"{FILLER} {payload[:30]}")
    try:
        with transaction() as s:
            submit_story(form, session=s)
    except InvalidInput as exc:
        assert payload[:40] not in str(exc) or len(payload.strip()) < 3
        return
    with transaction() as s:
        name = s.exec(select(Revision.display_name)).one()
    assert "<" not in name and "{" not in name and ":" not in name
