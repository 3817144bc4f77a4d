"""Real Hugo and Jekyll builds of hostile and markup-like stories (issue #10).

Hostile stories (a sample of the vendored XSS corpora, the Markdown/template
payloads of `tests.xss`, every markup-like prose case, and 40 seeded random
texts from the Hypothesis alphabet of `tests.test_markup_like_prose`) go through the real
service layer (submit, redact what the detector found, sign-off, approve); a
few also get a hostile display name and tags, written straight into the
model's columns, which accept any string.  `stories.export.export_site`
writes them into a minimal Hugo site and a minimal Jekyll site
(``tests/data/sites/``) whose layouts print every front-matter field in text
and in attribute context, the way a theme does (Hugo's html/template escapes
by itself; the Jekyll layout uses ``| escape``).  Debian's ``hugo`` (goldmark,
raw HTML *allowed*) and ``jekyll build --safe`` (kramdown) build them offline.

Then, for every built story page: no ``<script>``, no other element than the
layout's and light Markdown's, no event-handler attribute, no ``javascript:``
URL, no evaluated template, and the visible text is what the patient's
signed-off text says (`stories.markup.reader_text`; titles and names as
`stories.frontmatter.neutralize_value` writes them, which only swaps a few
characters for look-alikes).  A sample of pages is loaded in Chromium with the
XSS trap: no dialog, no script, no request.

The module is skipped with a message when ``hugo`` or ``jekyll`` is missing.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlmodel import select

from moderation import review
from stories import patient
from stories.config import MAX_DISPLAY_NAME_CHARS, MAX_TITLE_CHARS
from stories.db import transaction
from stories.errors import InvalidInput
from stories.export import export_site
from stories.fields import MIN_BODY_CHARS
from stories.frontmatter import neutralize_value
from stories.identifiers import findings_for
from stories.markup import reader_text
from stories.models import Revision, Story
from stories.textnorm import normalize_line
from tests import factories as f
from tests.browser_util import TrappedPage, launch_chromium
from tests.conftest import point_at_fresh_database
from tests.test_markup_like_prose import PROSE_TOKENS
from tests.xss import (
    SAFE_MARKDOWN_TAGS,
    URL_ATTRIBUTES,
    approve_redacted,
    assert_nothing_executable,
    dangerous_url,
    load_payloads,
    markdown_payloads,
)

SITES = Path(__file__).resolve().parent / "data" / "sites"
PROSE = json.loads((Path(__file__).resolve().parent / "data" / "markup_like_prose.json").read_text())["cases"]
HUGO, JEKYLL = shutil.which("hugo"), shutil.which("jekyll")

pytestmark = pytest.mark.skipif(
    not (HUGO and JEKYLL),
    reason="hugo and/or jekyll not installed (apt-get install hugo jekyll); real site builds skipped",
)

#: Every XSS corpus payload is built; only every `CORPUS_STEP`-th is also a
#: display name / tag (the build's run time is dominated by the workflow).
CORPUS_STEP = 3
FILLER = "\n\nThat is the end of my story, in my own words."
#: Elements a built story page may contain: the layouts' own and light Markdown's.
LAYOUT_TAGS = frozenset(
    {"html", "head", "meta", "title", "body", "article", "h1", "p", "span", "time", "ul", "li",
     "div", "dl", "dt", "dd"}
) | SAFE_MARKDOWN_TAGS  # fmt: skip
LAYOUT_META = 5  # <meta> elements in each layout
CHROMIUM_SAMPLE = 40
GENERATED = 40  # random markup-like prose stories


def _generated(count: int = GENERATED, seed: int = 20261129) -> list[tuple[str, str]]:
    """Random prose from the tokens the Hypothesis test of `tests.test_markup_like_prose`
    draws from (seeded, so every run builds the same pages)."""
    rng = random.Random(seed)
    return [(f"generated-{n:02d}", "".join(rng.choices(PROSE_TOKENS, k=rng.randint(5, 60))))
            for n in range(count)]


def _texts() -> list[tuple[str, str]]:
    """(id, text) for every story to build."""
    corpus = load_payloads()[::CORPUS_STEP] + markdown_payloads()
    return corpus + [(f"prose-{case['id']}", case["text"]) for case in PROSE] + _generated()


def _title(key: str, text: str) -> str:
    title = normalize_line(text)[:MAX_TITLE_CHARS].strip()
    return title or key


def _body(text: str) -> str:
    return text if len(text.strip()) >= 60 else text + FILLER


def _make_stories() -> dict[str, int]:
    """Submit and approve every story through the service layer; return {text id: story id}."""
    who, made = f.staff(), {}
    for index, (key, text) in enumerate(_texts()):
        receipt = f.submit(title=_title(key, text), body=_body(text), display_name="Rose")
        if not approve_redacted(receipt, who):
            continue
        made[key] = receipt.story_id
        if key.startswith("prose-") or index % 4 == 0:
            _hostile_name(receipt, who, text)
    return made


def _hostile_name(receipt, who, text: str) -> None:
    """A moderator sets the payload as the display name (the edit form takes any line),
    keeps whatever the detector finds in it, and the patient signs off: the worst case
    for the byline.  (Topics can only be words from the clinic's list: the form, the
    import and the export's gate refuse anything else, see tests/test_display_name.py.)
    """
    name = normalize_line(text)[:MAX_DISPLAY_NAME_CHARS].strip() or "Rose"
    with transaction() as s:
        current = s.get(Revision, s.get(Story, receipt.story_id).current_revision_id)
        title, body, digest = current.title, current.body, current.content_hash
    if name == current.display_name or len(body) < MIN_BODY_CHARS:
        return  # (a body redacted below the minimum cannot be saved by any edit)
    try:
        with transaction() as s:
            digest = review.edit(receipt.story_id, digest, title, body, who=who, session=s,
                                 display_name=name)
    except InvalidInput:  # placeholders made the title longer than a person may save
        return
    with transaction() as s:
        revision = s.get(Revision, s.get(Story, receipt.story_id).current_revision_id)
        keys = [x.key for x in findings_for(revision, session=s) if not x.kept]
    for key in keys:
        with transaction() as s:
            review.keep_finding(receipt.story_id, digest, key, who=who, session=s)
    with transaction() as s:
        review.send_for_signoff(receipt.story_id, digest, who=who, session=s)
    with transaction() as s:
        patient.sign_off(receipt.code, digest, session=s)
    with transaction() as s:
        review.approve(receipt.story_id, digest, who=who, session=s)


def _build(cmd: list[str], cwd: Path) -> None:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{cmd[0]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


@pytest.fixture(scope="module")
def built(request, tmp_path_factory):
    """Export the stories into both sites and build them; yield what a test needs.

    One fresh database for the module (SQLite, or PostgreSQL when configured).
    """
    started = time.perf_counter()
    work = tmp_path_factory.mktemp("sites")
    with pytest.MonkeyPatch.context() as mp:
        point_at_fresh_database(request, work, mp.setenv)
        made = _make_stories()
        hugo_src, jekyll_src = work / "hugo", work / "jekyll"
        shutil.copytree(SITES / "hugo", hugo_src)
        shutil.copytree(SITES / "jekyll", jekyll_src)
        with transaction() as s:
            hugo_report = export_site(hugo_src / "content" / "stories", "hugo", session=s)
        with transaction() as s:
            jekyll_report = export_site(jekyll_src / "_posts", "jekyll", session=s)
        with transaction() as s:
            approved = set(made.values())
            stories = {st.public_id: st for st in s.exec(select(Story)).all() if st.id in approved}
            revisions = {r.id: r for r in s.exec(select(Revision)).all()}
            expected = {
                pid: (revisions[st.current_revision_id],
                      revisions[st.current_revision_id].display_name or "Anonymous",
                      [t for t in st.tags.split(",") if t])
                for pid, st in stories.items()
            }
        workflow_seconds = time.perf_counter() - started
        _build([HUGO, "--quiet", "--buildFuture", "-s", str(hugo_src), "-d", str(work / "hugo-out")], work)
        _build([JEKYLL, "build", "--safe", "--future", "--quiet", "-s", str(jekyll_src),
                "-d", str(work / "jekyll-out")], work)
        yield {
            "made": made, "expected": expected, "work": work,
            "reports": {"hugo": hugo_report, "jekyll": jekyll_report},
            "workflow_seconds": workflow_seconds, "seconds": time.perf_counter() - started,
        }


def _pages(built: dict, site: str) -> dict[str, str]:
    """{public id: built HTML} of every story page of `site`."""
    pages = {}
    for path in (built["work"] / f"{site}-out").rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        match = re.search(r'<article class="story" data-id="([^"]*)"', html)
        if match:
            pages[match.group(1)] = html
    return pages


class _Page(HTMLParser):
    """Tags, attributes and the text of the classed parts of a built story page."""

    PARTS = ("story-title", "story-author", "story-body")

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: dict[str, list[str]] = {part: [] for part in self.PARTS}
        self._open: list[str | None] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag not in ("meta", "br", "hr"):
            self._open.append(attributes.get("class") if attributes.get("class") in self.PARTS else None)

    def handle_endtag(self, tag):
        if tag not in ("meta", "br", "hr") and self._open:
            self._open.pop()

    def handle_data(self, data):
        for part in self.PARTS:
            if part in self._open:
                self.text[part].append(data)

    def visible(self, part: str) -> str:
        return " ".join("".join(self.text[part]).split())

    def attribute(self, tag: str, wanted: str, **match) -> str | None:
        for found, attributes in self.tags:
            if found == tag and all(attributes.get(k) == v for k, v in match.items()):
                return attributes.get(wanted)
        return None


def _collapse(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("site", ["hugo", "jekyll"])
def test_every_story_is_built(built, site):
    report = built["reports"][site]
    assert len(built["made"]) >= 0.9 * len(_texts())
    assert not report.refused, report.refused[:5]
    assert set(_pages(built, site)) == set(built["expected"])
    assert built["seconds"] < 120, built["seconds"]


@pytest.mark.parametrize("site", ["hugo", "jekyll"])
def test_built_pages_run_nothing(built, site):
    problems = {}
    for public_id, html in _pages(built, site).items():
        page = _Page(html)
        found = [f"<{tag}>" for tag, _ in page.tags if tag not in LAYOUT_TAGS]
        if sum(tag == "meta" for tag, _ in page.tags) != LAYOUT_META:
            found.append("a <meta> the layout did not write")
        found += [f"{tag}[{name}]" for tag, attrs in page.tags for name in attrs if name.startswith("on")]
        found += ["<script"] if re.search(r"<script", html, re.IGNORECASE) else []
        found += [f"{tag}[{name}] URL" for tag, attrs in page.tags for name, value in attrs.items()
                  if name in URL_ATTRIBUTES and value and dangerous_url(value)]
        body = html.split('<div class="story-body">', 1)[1].split('<p class="story-material">', 1)[0]
        try:
            assert_nothing_executable(body, allowed_tags=SAFE_MARKDOWN_TAGS | {"div"})
        except AssertionError as error:
            found.append(str(error)[:200])
        if found:
            problems[public_id] = found
    assert not problems, problems


@pytest.mark.parametrize("site", ["hugo", "jekyll"])
def test_no_template_was_evaluated(built, site):
    """Liquid / Hugo / Nunjucks syntax in a story shows as typed: the site did not run it."""
    pages, templated = _pages(built, site), 0
    for public_id, (revision, _, _) in built["expected"].items():
        for opener in ("{{", "{%"):
            if opener in revision.body:
                templated += 1
                assert opener in _Page(pages[public_id]).visible("story-body"), public_id
    assert templated >= 5


@pytest.mark.parametrize("site", ["hugo", "jekyll"])
def test_built_pages_show_the_signed_off_words(built, site):
    mismatches = {}
    for public_id, html in _pages(built, site).items():
        revision, author, tags = built["expected"][public_id]
        page = _Page(html)
        title, name = neutralize_value(revision.title), neutralize_value(author)
        seen = {
            "body": (page.visible("story-body"), _collapse(reader_text(revision.body))),
            "title": (page.visible("story-title"), _collapse(title)),
            "title attribute": (page.attribute("h1", "title", **{"class": "story-title"}), title),
            "author": (page.visible("story-author"), _collapse(name)),
            "author meta": (page.attribute("meta", "content", name="author"), name),
            "tags": ([a.get("data-tag") for t, a in page.tags if t == "li" and "data-tag" in a],
                     [neutralize_value(t) for t in tags]),
        }
        wrong = {k: v for k, v in seen.items() if v[0] != v[1]}
        if wrong:
            mismatches[public_id] = wrong
    assert not mismatches, dict(list(mismatches.items())[:5])


@pytest.fixture(scope="module")
def trapped_page():
    with launch_chromium() as chromium:
        page = TrappedPage(chromium)
        yield page
        page.close()


@pytest.mark.browser
def test_trap_sees_a_script_in_a_built_layout(trapped_page):
    """Positive control: the same check reports a page where a script does run."""
    hits = trapped_page.load('<html><head><meta charset="utf-8"></head><body>'
                             '<img src=x onerror="alert(1)"></body></html>', settle_ms=50)
    assert any(hit.startswith("alert:") for hit in hits)


@pytest.mark.browser
@pytest.mark.parametrize("site", ["hugo", "jekyll"])
def test_sample_of_built_pages_runs_nothing_in_chromium(built, trapped_page, site):
    pages = sorted(_pages(built, site).items())
    sample = pages[:: max(1, len(pages) // CHROMIUM_SAMPLE)]
    console: list[str] = []
    trapped_page.page.on("console", lambda message: console.append(message.text[:80]))
    failures = {}
    for public_id, html in sample:
        hits = trapped_page.load(html, settle_ms=50)
        own_meta = [hit for hit in hits if hit.startswith("dom:<meta ")]
        hits = [hit for hit in hits if not hit.startswith("dom:<meta ")]
        if hits or len(own_meta) != LAYOUT_META:
            failures[public_id] = hits[:5]
    assert len(sample) >= CHROMIUM_SAMPLE // 2
    assert not failures, failures
    assert not console, console[:5]
