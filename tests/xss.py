"""Shared XSS test helpers: payload corpora and "nothing executable" assertions.

Reusable by every test that puts untrusted text on a page (app, preview,
export).  Typical use::

    from tests.xss import load_payloads, assert_nothing_executable

    @pytest.mark.parametrize("payload", [p for _, p in load_payloads()])
    def test_page_is_inert(payload):
        assert_nothing_executable(render_somehow(payload))

`assert_nothing_executable` parses with the standard library's HTML5-ish
tokenizer (`html.parser.HTMLParser`), which decodes entities in attribute
values like a browser, and adds raw-text checks for what a lenient browser
might still read as a dangerous tag.  It is a deny list; pass `allowed_tags`
to turn it into an allowlist when you know what the HTML may contain.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from html.parser import HTMLParser
from pathlib import Path

import commonmark
import markdown
from markdown_it import MarkdownIt

#: The vendored corpora (see its README for sources and licences).
CORPORA_DIR = Path(__file__).resolve().parent / "data" / "xss"

#: Elements that run script, load active content, submit, restyle or rebase a page.
FORBIDDEN_TAGS = frozenset(
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
        "style", "svg", "math", "base", "link", "meta", "template", "portal", "noscript",
    }
)  # fmt: skip

#: Attributes holding a URL (or URL-bearing CSS) that a browser may dereference.
URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
        "srcset", "codebase", "cite", "dynsrc", "lowsrc", "ping", "style",
    }
)  # fmt: skip

_BAD_SCHEME = re.compile(r"(?:javascript|vbscript|data|livescript):", re.IGNORECASE)
_BAD_CSS = re.compile(r"expression\(|behavior:|-moz-binding|@import", re.IGNORECASE)
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\ufeff]")
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)")
# A browser reads "<name" or "</name" as a tag only with no space after "<".
_RAW_TAG = re.compile(r"</?(" + "|".join(sorted(FORBIDDEN_TAGS)) + r")\b", re.IGNORECASE)
_RAW_START_TAG = re.compile(r"<[a-zA-Z][^>]*")
_QUOTED_VALUE = re.compile(r"=\s*(?:\"[^\"]*\"|'[^']*')")
_RAW_HANDLER = re.compile(r"[\s/\"']on[a-z]+\s*=", re.IGNORECASE)

#: Template openers of Liquid/Jinja/Nunjucks (``{{ {% {#``), Hugo shortcodes
#: (``{{< {{%``, covered by ``{{``) and kramdown IAL/extensions (``{: {::``).
TEMPLATE_OPENERS = ("{{", "{%", "{#", "{:", "{::")


def _markdown_it(preset_rules: tuple[str, ...] = ()) -> Callable[[str], str]:
    parser = MarkdownIt("commonmark", {"html": True})
    if preset_rules:
        parser.enable(list(preset_rules))
    return parser.render


#: Markdown renderers a static site may use, all with raw HTML *allowed*, as
#: the worst case: Python-Markdown, markdown-it-py in CommonMark mode with
#: HTML on (as kramdown passes HTML), the same plus GFM tables and
#: strikethrough, and the CommonMark reference port.
RENDERERS: dict[str, Callable[[str], str]] = {
    "python-markdown": markdown.markdown,
    "markdown-it": _markdown_it(),
    "markdown-it-gfm": _markdown_it(("table", "strikethrough")),
    "commonmark": commonmark.commonmark,
}

#: Every tag safe Markdown may render to in any of `RENDERERS`.
SAFE_MARKDOWN_TAGS = frozenset({"p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "h3", "h4", "hr"})


#: Markdown- and template-level attacks the HTML corpora lack: links, images,
#: autolinks and reference definitions with script URLs (plain, entity- or
#: escape-obfuscated), raw HTML blocks, kramdown IAL/extensions, Liquid,
#: Hugo shortcodes, math, and structures that nest deeply.
MARKDOWN_PAYLOADS: tuple[str, ...] = (
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1) 'title')",
    "[click](&#106;avascript&#58;alert(1))",
    "[click](java\\0script:alert(1))",
    "[click](<javascript:alert(1)>)",
    "[click][ref]\n\n[ref]: javascript:alert(1)",
    '[ref]\n\n[ref]: javascript:alert(1) "t"',
    '![img](x "onerror=alert(1)")',
    "![img](javascript:alert(1))",
    "![img](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<javascript:alert(1)>",
    '<http://x.y/" onmouseover="alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    "<div>\n<script>alert(1)</script>\n</div>",
    "<!-- comment --><script>alert(1)</script>",
    "<details open ontoggle=alert(1)>",
    "```html\n<script>alert(1)</script>\n```",
    "    <script>alert(1)</script>",
    "> <script>alert(1)</script>",
    "- <img src=x onerror=alert(1)>",
    'Heading {: onclick="alert(1)"}\n{: .x onmouseover="alert(1)"}',
    "{::nomarkdown}<script>alert(1)</script>{:/}",
    '{::options parse_block_html="true" /}',
    "{{ '<script>alert(1)</script>' }}",
    "{% raw %}<script>alert(1)</script>{% endraw %}",
    "{{< rawhtml >}}<script>alert(1)</script>{{< /rawhtml >}}",
    "{{% shortcode %}}",
    "$$\\href{javascript:alert(1)}{x}$$",
    "| a | b |\n|---|---|\n| <script>alert(1)</script> | x |",
    "www.example.com/<script>alert(1)</script>",
    "*[HTML]: <script>alert(1)</script>",
    "[^1]\n\n[^1]: <script>alert(1)</script>",
    "Term\n: <script>alert(1)</script>",
    "---\nlayout: evil\n---",
    "export const x = alert(1)\n\nimport('data:text/javascript,alert(1)')",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;",
    "\\<script>alert(1)\\</script>",
    "[" * 3000 + "x" + "](javascript:alert(1))",
    "> " * 300 + "<script>alert(1)</script>",
    "- " * 300 + "[x](javascript:alert(1))",
)


def markdown_payloads() -> list[tuple[str, str]]:
    """Return ``(id, payload)`` for `MARKDOWN_PAYLOADS`, ids like ``"markdown-004"``."""
    return [(f"markdown-{index:03d}", payload) for index, payload in enumerate(MARKDOWN_PAYLOADS)]


def load_payloads(corpora_dir: Path = CORPORA_DIR) -> list[tuple[str, str]]:
    """Return ``(id, payload)`` for every payload, ids like ``"h5sc-017"``."""
    payloads = []
    for path in sorted(corpora_dir.glob("*.json")):
        for index, payload in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            payloads.append((f"{path.stem}-{index:03d}", payload))
    if not payloads:
        raise FileNotFoundError(f"no XSS corpora found in {corpora_dir}")
    return payloads


def _css_unescape(value: str) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        return match.group(2)

    return _CSS_ESCAPE.sub(replace, value)


def dangerous_url(value: str) -> bool:
    """Whether an (entity-decoded) attribute value smuggles a script-capable URL or CSS."""
    compact = _IGNORED_IN_URLS.sub("", _css_unescape(value))
    return bool(_BAD_SCHEME.search(compact) or _BAD_CSS.search(compact))


class _Auditor(HTMLParser):
    """Collects every executable construct the tokenizer sees."""

    def __init__(self, allowed_tags: Iterable[str] | None) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed = None if allowed_tags is None else frozenset(allowed_tags)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"forbidden tag <{tag}>")
        elif self.allowed is not None and tag not in self.allowed:
            self.problems.append(f"tag <{tag}> not in the allowed set")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            elif name in URL_ATTRIBUTES and value and dangerous_url(value):
                self.problems.append(f"dangerous {name}= on <{tag}>")

    handle_startendtag = handle_starttag


def assert_nothing_executable(html: str, allowed_tags: Iterable[str] | None = None) -> None:
    """Fail if `html` contains anything a browser could execute.

    Fails on a tag in `FORBIDDEN_TAGS` (or, with `allowed_tags`, any tag not
    in it), any ``on*`` attribute, a URL attribute or ``style`` with a
    ``javascript:``/``vbscript:``/``data:`` URL or CSS expression (after
    entity decoding and removal of whitespace and control characters), and,
    as a raw-text double check, any ``<script``-like opener or ``<x ... onY=``.
    """
    auditor = _Auditor(allowed_tags)
    auditor.feed(html)
    auditor.close()
    problems = list(auditor.problems)
    if _RAW_TAG.search(html):
        problems.append(f"raw forbidden tag opener {_RAW_TAG.search(html).group()!r}")
    for tag in _RAW_START_TAG.findall(html):
        if _RAW_HANDLER.search(_QUOTED_VALUE.sub("=", tag)):
            problems.append(f"raw event handler attribute in {tag[:80]!r}")
    assert not problems, f"executable content: {problems}\n--- html ---\n{html[:2000]}"


def assert_no_template_syntax(text: str) -> None:
    """Fail if `text` contains a template or kramdown extension opener (`TEMPLATE_OPENERS`)."""
    found = [opener for opener in TEMPLATE_OPENERS if opener in text]
    assert not found, f"template syntax {found} in: {text[:2000]!r}"


def approve_redacted(receipt, who, rounds: int = 3) -> bool:
    """Redact every finding (again after each redaction, up to `rounds`), sign off, approve.

    Hostile text is kept as typed, so a redaction can leave words the detector
    reads anew; the rounds take care of that.  Returns False, without
    approving, if findings still remain (a detector matter, not an XSS one).
    """
    from moderation import review
    from stories import patient
    from stories.db import transaction
    from stories.errors import IdentifiersRemain
    from stories.identifiers import findings_for
    from stories.models import Revision, Story
    from tests import factories

    try:
        for _ in range(rounds):
            digest = factories.redact_everything(receipt.story_id, who)
    except IdentifiersRemain:  # what is left needs a person's edit: a detector matter
        return False
    with transaction() as s:
        revision = s.get(Revision, s.get(Story, receipt.story_id).current_revision_id)
        if findings_for(revision, session=s):
            return False
    with transaction() as s:
        review.send_for_signoff(receipt.story_id, digest, "Please check.", who=who, session=s)
    with transaction() as s:
        patient.sign_off(receipt.code, digest, session=s)
    try:
        with transaction() as s:
            review.approve(receipt.story_id, digest, who=who, session=s)
    except IdentifiersRemain:
        return False
    return True
