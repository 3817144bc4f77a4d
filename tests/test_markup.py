"""Safe Markdown, the HTML preview, PII highlighting and diffs."""

from __future__ import annotations

import time
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stories import markup
from stories.config import MAX_BODY_CHARS
from stories.findings import Finding
from stories.markup import (
    highlight_html,
    render_diff_html,
    render_html,
    to_safe_markdown,
    unified_diff,
)
from stories.sanitize import PREVIEW_TAGS, clean_html
from stories.textnorm import TextTooLong
from tests.xss import (
    RENDERERS,
    SAFE_MARKDOWN_TAGS,
    assert_no_template_syntax,
    assert_nothing_executable,
)

ENGINES = ["nh3", "bleach"]

# Light Markdown plus every character with a meaning to some renderer or template.
MARKDOWNISH = st.lists(
    st.sampled_from(
        [
            "a", "b", " ", "  ", "    ", "\n", "\n\n", "\t", "*", "**", "_", "-", "+", "1.", "2)",
            ">", "#", "###", "---", "===", "...", "+++", "[", "]", "(", ")", "!", "<", "/", "&",
            ";", "`", "```", "~", "~~~", "|", ":", "@", "$", "{", "}", "{{", "{%", "%}", "\\",
            "http://x.y", "www.x.y", "javascript:", "<script>", "&lt;", "&#60;", "!--", "=",
            "'", '"', "x@y.z", "^", "<!--", "-->", "é",
        ]
    ),
    max_size=50,
).map("".join)  # fmt: skip


class _Collector(HTMLParser):
    """Tags (with attributes) and text of an HTML fragment."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(attrs))))

    def handle_endtag(self, tag):
        self.tags.append(("/" + tag, ()))

    def handle_data(self, data):
        self.text.append(data)


def _visible_text(html: str) -> str:
    return " ".join("".join(_Collector(html).text).split())


# --- to_safe_markdown ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello *world* and **strong**", "Hello *world* and **strong**"),
        ("<b>x</b> & y", "&lt;b&gt;x&lt;/b&gt; &amp; y"),
        ("[a](javascript:x)", "\\[a\\](javascript&#58;x)"),
        ("![i](data:x)", "!\\[i\\](data&#58;x)"),
        ("`code` ~~s~~ | t |", "\\`code\\` &#126;&#126;s&#126;&#126; &#124; t &#124;"),
        ("{{ site }} {% raw %} {: .x} {::comment}", None),
        ("\\*not*", "\\\\\\*not\\*"),
        ("2*3=6 and 4*5=20", "2\\*3=6 and 4\\*5=20"),
        ("\u00af\\_(\u30c4)_/\u00af", "\u00af\\\\\\_(\u30c4)\\_/\u00af"),
        ("I'm <not> okay", "I&#39;m &lt;not&gt; okay"),
        ("# Big\n## Mid\n#### Small\n###### Tiny", "\\# Big\n\\## Mid\n\\#### Small\n\\###### Tiny"),
        ("#hashtag\n#", "\\#hashtag\n\\#"),
        ("---\n+++\n...\n===\n- - -", "&#45;&#45;-\n&#43;++\n&#46;&#46;.\n&#61;==\n&#45; - -"),
        ("    indented code", "indented code"),
        ("> quote\n>> deeper", "&gt; quote\n&gt;&gt; deeper"),
        ("- - - - x", "- \\- - - x"),
        ("intro\n- a\n- b\nafter", "intro\n\n- a\n- b\n\nafter"),
        ("1. one\n2) two\n1.\n-", "1\\. one\n2\\) two\n1\\.\n&#45;"),
        ("www.example.com a@b.c $$x$$", "www&#46;example.com a&#64;b.c &#36;&#36;x&#36;&#36;"),
        ("trailing   \nspace", "trailing\nspace"),
        ("export const a = 1\nimport x from 'y'", "&#101;xport const a = 1\n&#105;mport x from &#39;y&#39;"),
        ("wait... -- yes --- no", "wait&#46;&#46;. &#45;- yes &#45;&#45;- no"),
    ],
    ids=[
        "emphasis", "html", "link", "image", "code-strike-table", "templates", "backslash",
        "multiplication", "shrug", "aside", "headings", "hash", "delimiters", "indent", "quotes",
        "list-depth", "list-blank-lines", "ordered", "autolinks-math", "trailing", "mdx-esm",
        "typographer",
    ],
)  # fmt: skip
def test_to_safe_markdown(text, expected):
    safe = to_safe_markdown(text)
    if expected is not None:
        assert safe == expected
    assert_no_template_syntax(safe)


SPECIALS = "a < b & c > d [x] (y) {z} `q` ~ | : @ $ \\ ! * _ # % ^ = + - . ' \""


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_escapes_render_back_to_the_literal_characters(renderer):
    html = RENDERERS[renderer](to_safe_markdown(SPECIALS))
    assert _visible_text(html) == SPECIALS


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_light_markdown_still_renders(renderer):
    """What the share form promises acts: paragraphs, *italic*, **bold**, "- " lists; nothing else."""
    text = "### Week one\n\nI was *scared* and **tired**.\n- rest\n- water\n\n> It gets better"
    tags = {tag for tag, _ in _Collector(RENDERERS[renderer](to_safe_markdown(text))).tags}
    assert {"em", "strong", "ul", "li", "p"} <= tags
    assert not tags & {"h3", "blockquote", "ol"}


@settings(max_examples=150, deadline=None)
@given(MARKDOWNISH)
def test_safe_markdown_renders_only_light_markdown_everywhere(text):
    safe = to_safe_markdown(text)
    assert_no_template_syntax(safe)
    for render in RENDERERS.values():
        html = render(safe)
        assert_nothing_executable(html, allowed_tags=SAFE_MARKDOWN_TAGS)


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_nothing_nests(renderer):
    html = RENDERERS[renderer](to_safe_markdown("> " * 50 + "x\n" + "- " * 50 + "y"))
    tags = [tag for tag, _ in _Collector(html).tags]
    assert "blockquote" not in tags
    assert tags.count("ul") == 1


# --- render_html -----------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_render_html(engine):
    html = render_html("### Hi\n\n*a* <script>alert(1)</script> [x](javascript:y)", engine)
    assert html.startswith("<p>### Hi</p>")
    assert "<em>a</em>" in html
    assert "&lt;script&gt;" in html
    assert_nothing_executable(html, allowed_tags=PREVIEW_TAGS)


def test_render_html_refuses_over_the_limit():
    with pytest.raises(TextTooLong):
        render_html("x" * (MAX_BODY_CHARS + 1))


def test_render_html_falls_back_on_recursion_error(monkeypatch):
    def explode(_text):
        raise RecursionError

    monkeypatch.setattr(markup.markdown, "markdown", explode)
    html = render_html("one <b>\n\ntwo")
    assert html == "<p>one &lt;b&gt;</p>\n<p>two</p>"


@pytest.mark.parametrize(
    "text",
    ["[" * MAX_BODY_CHARS, "> " * 10_000, "- " * 10_000, "*a" * 10_000, "<" * MAX_BODY_CHARS],
    ids=["brackets", "quotes", "lists", "emphasis", "less-than"],
)
def test_render_html_is_fast_on_adversarial_input(text):
    started = time.perf_counter()
    assert_nothing_executable(render_html(text), allowed_tags=PREVIEW_TAGS)
    assert time.perf_counter() - started < 2.0


# --- highlight_html ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("no findings", [], "no findings"),
        (
            "Jane <3",
            [(0, 4, "PERSON")],
            '<mark class="finding finding-person" title="PERSON">Jane</mark> &lt;3',
        ),
        (
            "ab\ncd",
            [Finding("LOCATION", 1, 4)],
            'a<mark class="finding finding-location" title="LOCATION">b<br>\nc</mark>d',
        ),
        (
            "abcd",
            [(0, 3, "PERSON"), (1, 4, "DATE")],
            '<mark class="finding finding-person" title="PERSON">a</mark>'
            '<mark class="finding finding-date finding-person" title="DATE, PERSON">bc</mark>'
            '<mark class="finding finding-date" title="DATE">d</mark>',
        ),
        ("abc", [(-5, 1, "ID"), (2, 99, "ID"), (2, 2, "ID")], None),
    ],
    ids=["none", "escaped", "newline", "overlap", "clipped"],
)
def test_highlight_html(text, spans, expected):
    html = highlight_html(text, spans)
    if expected is not None:
        assert html == expected
    assert _visible_text(html) == " ".join(text.split())


@pytest.mark.parametrize("engine", ENGINES)
def test_highlight_survives_clean_html_unchanged(engine):
    text = 'Dr "Who" <img src=x onerror=alert(1)>\nat St Mary\'s & co'
    spans = [(0, 8, "PERSON"), (5, 20, "ID"), (41, 51, "FACILITY")]
    html = highlight_html(text, spans)
    assert _Collector(clean_html(html, engine)).tags == _Collector(html).tags
    assert _visible_text(clean_html(html, engine)) == _visible_text(html)
    assert_nothing_executable(html, allowed_tags=PREVIEW_TAGS)


@settings(max_examples=100, deadline=None)
@given(
    MARKDOWNISH,
    st.lists(st.tuples(st.integers(-3, 60), st.integers(-3, 60), st.sampled_from(["PERSON", "AGE"]))),
)
def test_highlight_keeps_all_text_and_only_marks(text, spans):
    html = highlight_html(text, spans)
    assert "".join(_Collector(html).text).replace("\n", "") == text.replace("\n", "")
    assert_nothing_executable(html, allowed_tags={"mark", "br"})


# --- diffs -------------------------------------------------------------------


def test_render_diff_html_words():
    html = render_diff_html("I met Dr. Smith in\nParis.", "I met [name] in\n[place].")
    assert html == (
        "I met <del>Dr. Smith </del><ins>[name] </ins>in<br>\n<del>Paris</del><ins>[place]</ins>."
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_render_diff_html_escapes_and_survives_clean_html(engine):
    html = render_diff_html("<b>old</b> text", "<script>alert(1)</script> text")
    assert "<script>" not in html
    assert _Collector(clean_html(html, engine)).tags == _Collector(html).tags
    assert_nothing_executable(html, allowed_tags=PREVIEW_TAGS)


def test_render_diff_html_unchanged_has_no_marks():
    assert render_diff_html("same\ntext", "same\ntext") == "same<br>\ntext"


def test_unified_diff():
    assert unified_diff("a\nb\n", "a\nc\n").splitlines() == [
        "--- before",
        "+++ after",
        "@@ -1,2 +1,2 @@",
        " a",
        "-b",
        "+c",
    ]
    assert unified_diff("same", "same") == ""
