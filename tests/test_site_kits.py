"""The site kits (`site-kits/jekyll`, `site-kits/hugo`) built for real from an export.

Hostile stories (the Markdown/template payloads of `tests.xss` and a sample
of the vendored XSS corpora, some with the payload as display name) go
through the real workflow and `stories.export.export_site` into a copy of
each kit; `python -m stories site-policy` writes the moderation policy page;
Debian's ``hugo`` and ``jekyll build --safe`` build them.  Then: every story
page shows its disclosures (material connection, "results vary", edited by
the clinic) before the story, runs nothing (no script, no handler, no
``javascript:`` URL, no element outside the layout's and light Markdown's),
shows the title and byline as the export wrote them, the index lists every
story, the policy page says how stories are chosen and edited; and axe-core
finds no WCAG 2.1 A/AA violation on a story, the index and the policy.

Skipped with a message when ``hugo`` or ``jekyll`` is missing.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
import threading
from html import unescape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlmodel import select

from stories.choices import MATERIAL_CONNECTIONS
from stories.config import get_settings
from stories.db import transaction
from stories.distribution.policy import NEVER_FOR_BEING_NEGATIVE
from stories.export import export_site
from stories.frontmatter import neutralize_value
from stories.models import Revision, Story
from stories.rejection import REASONS
from tests import factories as f
from tests.browser_util import launch_chromium
from tests.conftest import point_at_fresh_database
from tests.test_site_builds import _body, _build, _hostile_name, _Page, _title
from tests.xss import (
    SAFE_MARKDOWN_TAGS,
    URL_ATTRIBUTES,
    approve_redacted,
    dangerous_url,
    load_payloads,
    markdown_payloads,
)

ROOT = Path(__file__).resolve().parents[1]
KITS = ROOT / "site-kits"
HUGO, JEKYLL = shutil.which("hugo"), shutil.which("jekyll")
EDITED = "The clinic edited this story; the author approved the final text."
#: Elements a built page may contain: the kits' own and light Markdown's.
KIT_TAGS = frozenset({"html", "head", "meta", "title", "link", "body", "a", "header", "nav",
                      "ul", "li", "main", "article", "h1", "p", "span", "time", "aside",
                      "div"}) | SAFE_MARKDOWN_TAGS
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = pytest.mark.skipif(
    not (HUGO and JEKYLL),
    reason="hugo and/or jekyll not installed (apt-get install hugo jekyll); site kit builds skipped",
)


def _texts() -> list[tuple[str, str]]:
    plain = [("plain", "I was scared to ask for help. The physiotherapy took months, but it "
                       "worked for me and I can live my life again.")]
    return plain + markdown_payloads() + load_payloads()[::40]


def _make_stories() -> dict[str, int]:
    who, made = f.staff(), {}
    for index, (key, text) in enumerate(_texts()):
        receipt = f.submit(title=_title(key, text), body=_body(text), display_name="Rose")
        if not approve_redacted(receipt, who):
            continue
        made[key] = receipt.story_id
        if index % 3 == 1:
            _hostile_name(receipt, who, text)
    return made


def _policy(folder: Path, fmt: str) -> None:
    done = subprocess.run([sys.executable, "-m", "stories", "site-policy", str(folder),
                           "--format", fmt], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def kits(request, tmp_path_factory):
    """Both kits copied, exported into, given their policy page, and built."""
    work = tmp_path_factory.mktemp("kits")
    with pytest.MonkeyPatch.context() as mp:
        point_at_fresh_database(request, work, mp.setenv)
        made = _make_stories()
        hugo, jekyll = work / "hugo", work / "jekyll"
        shutil.copytree(KITS / "hugo", hugo)
        shutil.copytree(KITS / "jekyll", jekyll)
        with transaction() as s:
            export_site(hugo / "content" / "stories", "hugo", session=s)
        with transaction() as s:
            export_site(jekyll / "_posts", "jekyll", session=s)
        _policy(hugo / "content", "hugo")
        _policy(jekyll, "jekyll")
        with transaction() as s:
            stories = {st.public_id: st for st in s.exec(select(Story))
                       if st.id in set(made.values())}
            revisions = {r.id: r for r in s.exec(select(Revision))}
            expected = {pid: (revisions[st.current_revision_id],
                              revisions[st.current_revision_id].content_hash != st.original_hash)
                        for pid, st in stories.items()}
        _build([HUGO, "--quiet", "-s", str(hugo), "-d", str(work / "hugo-out")], work)
        _build([JEKYLL, "build", "--safe", "--quiet", "-s", str(jekyll),
                "-d", str(work / "jekyll-out")], work)
        yield {"work": work, "expected": expected,
               "results_vary": get_settings().results_vary}


def _out(kits, site: str) -> Path:
    return kits["work"] / f"{site}-out"


def _story_pages(kits, site: str) -> dict[str, str]:
    pages = {}
    for path in _out(kits, site).rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        match = re.search(r'<article class="story" data-id="([^"]*)"', html)
        if match:
            pages[match.group(1)] = html
    return pages


def _index(kits, site: str) -> str:
    path = _out(kits, site) / ("stories/index.html" if site == "hugo" else "index.html")
    return path.read_text(encoding="utf-8")


def _policy_page(kits, site: str) -> str:
    return (_out(kits, site) / "moderation-policy" / "index.html").read_text(encoding="utf-8")


def _text_of(html: str, css: str) -> str:
    """The visible text of the page's `<p class=css>`, entities decoded ("" if none)."""
    found = re.search(rf'<p class="{css}">(.*?)</p>', html, re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", found.group(1))).split()) if found else ""


@pytest.mark.parametrize("site", ["hugo", "jekyll"])
def test_every_story_page_shows_its_disclosures_before_the_story(kits, site):
    pages = _story_pages(kits, site)
    assert set(pages) == set(kits["expected"]) and len(pages) >= 10
    for public_id, html in pages.items():
        _, edited = kits["expected"][public_id]
        assert _text_of(html, "story-material") == MATERIAL_CONNECTIONS["none"], public_id
        assert _text_of(html, "story-disclaimer") == neutralize_value(kits["results_vary"])
        assert (EDITED in html) == edited, public_id
        assert html.index('class="story-disclosures"') < html.index('class="story-body"')
    assert any(edited for _, edited in kits["expected"].values())


@pytest.mark.parametrize("site", ["hugo", "jekyll"])
def test_built_kit_pages_run_nothing_and_show_the_values_as_written(kits, site):
    problems = {}
    for public_id, html in _story_pages(kits, site).items():
        page, (revision, _) = _Page(html), kits["expected"][public_id]
        found = [f"<{tag}>" for tag, _ in page.tags if tag not in KIT_TAGS]
        found += [f"{tag}[{name}]" for tag, attrs in page.tags for name in attrs
                  if name.startswith("on")]
        found += ["<script"] if re.search(r"<script", html, re.IGNORECASE) else []
        found += [f"{tag}[{name}] URL" for tag, attrs in page.tags for name, value in attrs.items()
                  if name in URL_ATTRIBUTES and value and dangerous_url(value)]
        if page.visible("story-title") != " ".join(neutralize_value(revision.title).split()):
            found.append("title differs")
        author = neutralize_value(revision.display_name or "Anonymous")
        if page.visible("story-author") != " ".join(author.split()):
            found.append("author differs")
        if found:
            problems[public_id] = found
    assert not problems, dict(list(problems.items())[:5])


@pytest.mark.parametrize("site", ["hugo", "jekyll"])
def test_the_index_links_every_story(kits, site):
    index = _index(kits, site)
    listed = set(re.findall(r'<li data-id="([^"]*)"><a href="([^"]+)"', index))
    assert {pid for pid, _ in listed} == set(kits["expected"])
    assert all(href.endswith(f"/{pid}/") for pid, href in listed)
    assert "<script" not in index.lower()


@pytest.mark.parametrize("site", ["hugo", "jekyll"])
def test_the_moderation_policy_page_is_built_from_the_settings(kits, site):
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", _policy_page(kits, site))).split())
    assert "How we choose and edit patient stories" in text
    assert NEVER_FOR_BEING_NEGATIVE in text
    assert all(reason.staff in text for reason in REASONS.values())
    assert kits["results_vary"] in text
    assert f"within {get_settings().takedown_overdue_days} days" in text
    assert "stop one use of it" in text
    assert "approved that passage word for word" in text


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # no request log in the test output
        pass


@pytest.mark.browser
@pytest.mark.parametrize("site", ["hugo", "jekyll"])
def test_axe_finds_no_violation_on_a_story_the_index_and_the_policy(kits, site):
    from axe_playwright_python.sync_playwright import Axe

    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(_out(kits, site))))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    story = sorted(kits["expected"])[0]
    paths = [f"/stories/{story}/", "/stories/" if site == "hugo" else "/", "/moderation-policy/"]
    found = {}
    try:
        with launch_chromium() as chromium:
            page = chromium.new_page()
            for path in paths:
                page.goto(base + path)
                result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
                found[path] = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}"
                               for v in result.response["violations"]]
                assert page.locator("main h1").count() == 1, path
    finally:
        server.shutdown()
    assert found == {path: [] for path in paths}
