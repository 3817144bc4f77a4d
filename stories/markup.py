"""Markdown in and out: safe Markdown for export, HTML for our own screens.

Stored stories are plain text exactly as the patient typed them.  The share
form promises a little formatting: paragraphs (an empty line), ``*italic*``,
``**bold**`` and lines starting with ``- `` for a list.  `to_safe_markdown`
rewrites the text into Markdown in which only those constructs act and every
other character renders as typed, whatever renders it: Python-Markdown,
markdown-it-py or any CommonMark/GFM renderer with raw HTML *enabled*,
kramdown (Jekyll, with its typographic symbols), goldmark (Hugo, with its
typographer and linkify extensions), and the template engines that run over
the source before it (Liquid, Hugo shortcodes, Nunjucks, MDX).  So
``2*3=6 and 4*5=20`` stays ``2*3=6 and 4*5=20``, ``¯\\_(ツ)_/¯`` stays as it
is, ``I'm <not> okay`` shows its ``<not>``, and ``&lt;`` shows ``&lt;``.

How, line by line (linear time, no backtracking regexes):

* leading and trailing spaces are dropped, so no indented code block forms;
* a line starting with ``- `` is a list item (one level; a list is set off by
  blank lines so every renderer sees the same list); any other block marker at
  the start of a line (``#``, ``>``, ``+``/``*``, ``1.``/``1)``, a nested
  ``-``) is escaped and shows as typed;
* a line made only of ``-``, ``=``, ``+`` and ``.`` (front-matter delimiters,
  thematic breaks, setext underlines), or starting with ``import``/``export``
  (MDX runs those lines as JavaScript), starts with a character reference;
* an asterisk is emphasis only in a pair the patient evidently meant
  (`_emphasis_runs`): ``*`` or ``**`` after a space, an opening punctuation
  mark or the line start, closed by the same run before a space, a
  punctuation mark or the line end, with no other asterisk between.  Every
  other ``*`` and every ``_`` is backslash-escaped;
* everywhere: ``&``, ``<``, ``>``, ``'`` and ``"`` become character
  references, so no raw HTML, comment, autolink or smart quote can form;
  ``\\``, ``[``, ``]`` and backtick are backslash-escaped, so no links,
  images, reference definitions, code spans or fences form; ``{``, ``}``,
  ``~``, ``|``, ``:``, ``@``, ``$`` and ``^`` become numeric references
  (Python-Markdown does not honour backslash before some of them), which also
  defeats Liquid/shortcodes/IAL, strikethrough, tables, URL and e-mail
  autolinks, definition lists, math and kramdown's end-of-block marker; in a
  run of ``-`` or ``.`` every character but the last becomes a reference, so
  no typographer makes dashes or ellipses; ``www.`` loses its literal dot.

Character references are never structural in any of these renderers, and
every one of them turns them back into the character, so the reader sees the
text the patient wrote.  `reader_text` says what that is.
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

import markdown

from stories.config import MAX_BODY_CHARS
from stories.findings import Finding
from stories.sanitize import clean_html
from stories.textnorm import check_length, normalize_text

_INLINE = str.maketrans(
    {
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#39;", '"': "&#34;",
        "\\": "\\\\", "[": "\\[", "]": "\\]", "`": "\\`", "_": "\\_", "*": "\\*",
        "{": "&#123;", "}": "&#125;", "~": "&#126;", "|": "&#124;",
        ":": "&#58;", "@": "&#64;", "$": "&#36;", "^": "&#94;",
    }
)  # fmt: skip

_LIST_ITEM = re.compile(r"- +(?=\S)")
_HEADING_OR_HASH = re.compile(r"#")
_DELIMITER_LINE = re.compile(r"[-=+.][-=+. ]*")
_LIST_LIKE = re.compile(r"[-+*](?= |$)|\d+[.)](?= |$)")
_WWW = re.compile(r"(?i)\b(www)\.")
_ESM = re.compile(r"(?:import|export)\b")
_TYPOGRAPHIC_RUN = re.compile(r"([-.])(?=\1)")
_STARS = re.compile(r"\*+")
#: Characters before an opening or after a closing emphasis run that are not
#: text: a space, the line's end, or punctuation (CommonMark's definition).
_OPENING_PUNCTUATION = frozenset("([{\"'\u201c\u2018\u00ab-\u2013\u2014/")


def _is_punctuation(char: str) -> bool:
    """ASCII punctuation or a Unicode punctuation character (CommonMark's sense)."""
    return (char.isascii() and not char.isalnum() and not char.isspace()) or unicodedata.category(
        char
    ).startswith("P")


def _can_open(content: str, start: int, end: int) -> bool:
    before = content[start - 1] if start else " "
    after = content[end] if end < len(content) else " "
    return (before.isspace() or before in _OPENING_PUNCTUATION) and not after.isspace()


def _can_close(content: str, start: int, end: int) -> bool:
    before = content[start - 1] if start else " "
    after = content[end] if end < len(content) else " "
    return not before.isspace() and (after.isspace() or _is_punctuation(after))


def _emphasis_runs(content: str) -> set[int]:
    """Start offsets of the asterisk runs in `content` that stay emphasis markers.

    Two neighbouring runs pair when both are ``*`` or both ``**``, the first
    can open and the second can close (see `_can_open`, `_can_close`), and
    text lies between them.  Pairs do not nest; everything else is literal.
    """
    runs = [(m.start(), m.end()) for m in _STARS.finditer(content)]
    kept: set[int] = set()
    i = 0
    while i + 1 < len(runs):
        (s1, e1), (s2, e2) = runs[i], runs[i + 1]
        if e1 - s1 == e2 - s2 <= 2 and e1 < s2 and _can_open(content, s1, e1) and _can_close(content, s2, e2):
            kept.update((s1, s2))
            i += 2
        else:
            i += 1
    return kept


def _escape_text(text: str) -> str:
    """Escape a piece with no emphasis marker in it."""
    escaped = _TYPOGRAPHIC_RUN.sub(lambda m: f"&#{ord(m.group(1))};", text.translate(_INLINE))
    return _WWW.sub(r"\1&#46;", escaped)


def _escape_inline(content: str) -> str:
    """Escape `content` so only its emphasis pairs act; every other character shows as typed."""
    parts, pos = [], 0
    kept = _emphasis_runs(content)
    for match in _STARS.finditer(content):
        if match.start() in kept:
            parts += [_escape_text(content[pos : match.start()]), match.group()]
            pos = match.end()
    parts.append(_escape_text(content[pos:]))
    return "".join(parts)


def _escape_lead(content: str) -> str:
    """Escape `content` so its start cannot open a block construct."""
    if _DELIMITER_LINE.fullmatch(content):
        return f"&#{ord(content[0])};" + _escape_inline(content[1:])
    if content.startswith("#"):
        return "\\" + _escape_inline(content)
    if _ESM.match(content):
        return f"&#{ord(content[0])};" + _escape_inline(content[1:])
    lead = _LIST_LIKE.match(content)
    if lead:
        end = lead.end()
        return _escape_inline(content[: end - 1]) + "\\" + content[end - 1] + _escape_inline(content[end:])
    return _escape_inline(content)


def _safe_line(line: str) -> tuple[str, str]:
    """Return ``(kind, markdown)`` for one line; kind is "blank", "item" or "text"."""
    line = line.strip(" ").rstrip()
    if not line:
        return "blank", ""
    item = _LIST_ITEM.match(line)
    if item and not _DELIMITER_LINE.fullmatch(line):
        return "item", "- " + _escape_lead(line[item.end() :])
    return "text", _escape_lead(line)


def to_safe_markdown(text: str) -> str:
    """Return `text` as Markdown in which only the promised light formatting acts.

    A blank line is added between a list and a paragraph that touch, so
    every renderer agrees where the list starts and ends.
    """
    out: list[str] = []
    previous = "blank"
    for line in normalize_text(text).split("\n"):
        kind, safe = _safe_line(line)
        if "blank" not in (kind, previous) and kind != previous:
            out.append("")
        out.append(safe)
        previous = kind
    return "\n".join(out)


def _reader_line(line: str) -> str:
    line = line.strip(" ").rstrip()
    item = _LIST_ITEM.match(line)
    if item and not _DELIMITER_LINE.fullmatch(line):
        line = line[item.end() :]
    kept = _emphasis_runs(line)
    return "".join(
        "" if match.start() in kept else match.group()
        for match in re.finditer(r"\*+|[^*]+", line)
    )


def reader_text(text: str) -> str:
    """The text a reader sees once `to_safe_markdown(text)` is rendered.

    That is the patient's text without the formatting markers that acted
    (list dashes, emphasis asterisks); whitespace may differ, as HTML
    collapses it.
    """
    return "\n".join(_reader_line(line) for line in normalize_text(text).split("\n"))


# --- HTML previews -------------------------------------------------------


def _escaped_paragraphs(text: str) -> str:
    """Plain escaped ``<p>`` per paragraph: the fallback when Markdown fails."""
    paragraphs = re.split(r"\n\s*\n", normalize_text(text).strip())
    return "\n".join("<p>" + html.escape(p).replace("\n", "<br>\n") + "</p>" for p in paragraphs if p)


#: Python-Markdown's inline pass is quadratic in the inline matches of one
#: paragraph (about 1 s for 20,000 escapes); a paragraph with more escapes and
#: emphasis delimiters than this is previewed as plain escaped text instead.
MAX_INLINE_MARKERS_PER_PARAGRAPH = 2_000


def _too_costly(safe: str) -> bool:
    return any(
        sum(map(block.count, ("&", "\\", "*", "_"))) > MAX_INLINE_MARKERS_PER_PARAGRAPH
        for block in safe.split("\n\n")
    )


def render_html(text: str, engine: str | None = None) -> str:
    """Our own HTML preview of a story: safe Markdown, Python-Markdown, `clean_html`.

    Refuses input over `MAX_BODY_CHARS` with `TextTooLong`; otherwise never
    raises and stays fast: a paragraph with absurdly many escaped characters,
    or a renderer recursion failure, falls back to escaped plain paragraphs.
    """
    check_length(text, MAX_BODY_CHARS, "story")
    safe = to_safe_markdown(text)
    try:
        rendered = _escaped_paragraphs(text) if _too_costly(safe) else markdown.markdown(safe)
    except RecursionError:
        rendered = _escaped_paragraphs(text)
    return clean_html(rendered, engine)


def _escape_block(text: str) -> str:
    return html.escape(text).replace("\n", "<br>\n")


def _class_token(kind: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-")
    return f"finding-{slug}" if slug else ""


def _mark(text: str, kinds: frozenset[str]) -> str:
    ordered = sorted(kinds)
    classes = " ".join(["finding", *filter(None, map(_class_token, ordered))])
    title = html.escape(", ".join(ordered))
    return f'<mark class="{classes}" title="{title}">{_escape_block(text)}</mark>'


def _as_span(span: Finding | Sequence) -> tuple[int, int, str]:
    if isinstance(span, Finding):
        return span.start, span.end, span.kind
    start, end, kind = span[:3]
    return int(start), int(end), str(kind)


def _segments(size: int, spans: Iterable[Finding | Sequence]) -> list[tuple[int, int, frozenset]]:
    """Cut ``[0, size)`` into runs, each with the set of kinds covering it."""
    events: list[tuple[int, int, str]] = []
    for start, end, kind in map(_as_span, spans):
        start, end = max(start, 0), min(end, size)
        if start < end:
            events += [(start, 1, kind), (end, -1, kind)]
    events.sort(key=lambda event: event[0])
    active: Counter[str] = Counter()
    runs, pos = [], 0
    for at, delta, kind in events:
        if at > pos:
            runs.append((pos, at, frozenset(k for k, n in active.items() if n > 0)))
            pos = at
        active[kind] += delta
    if pos < size:
        runs.append((pos, size, frozenset()))
    return runs


def highlight_html(text: str, spans: Iterable[Finding | Sequence]) -> str:
    """Escaped `text` with each span ``(start, end, kind)`` or `Finding` in a ``<mark>``.

    Overlapping spans are split into non-overlapping runs whose mark carries
    every covering kind (``class="finding finding-person finding-location"``).
    Newlines become ``<br>``.  The output uses only tags and attributes that
    `clean_html` keeps.
    """
    parts = []
    for start, end, kinds in _segments(len(text), spans):
        piece = text[start:end]
        parts.append(_mark(piece, kinds) if kinds else _escape_block(piece))
    return "".join(parts)


# --- Diffs ----------------------------------------------------------------

#: Word-level diff of a changed block only while its token counts multiply to
#: at most this; bigger blocks are shown as one deletion and one insertion.
WORD_DIFF_BUDGET = 1_000_000

_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")


def _wrap(tag: str, text: str) -> str:
    return f"<{tag}>{_escape_block(text)}</{tag}>" if text else ""


def _diff_pieces(old: Sequence[str], new: Sequence[str]) -> Iterable[tuple[str, str, str]]:
    """Yield ``(op, old_text, new_text)`` over token sequences."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=len(old) * len(new) > 250_000)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        yield op, "".join(old[i1:i2]), "".join(new[j1:j2])


def _word_diff(old: str, new: str) -> str:
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    if len(old_tokens) * len(new_tokens) > WORD_DIFF_BUDGET:
        return _wrap("del", old) + _wrap("ins", new)
    return "".join(
        _escape_block(a) if op == "equal" else _wrap("del", a) + _wrap("ins", b)
        for op, a, b in _diff_pieces(old_tokens, new_tokens)
    )


def render_diff_html(old: str, new: str) -> str:
    """Escaped word-level diff of two texts with ``<del>``/``<ins>``, newlines as ``<br>``.

    Lines are matched first, then words within changed lines, which keeps
    the cost bounded on long texts.
    """
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    return "".join(
        _escape_block(a) if op == "equal" else _word_diff(a, b)
        for op, a, b in _diff_pieces(old_lines, new_lines)
    )


def unified_diff(old: str, new: str) -> str:
    """Plain-text unified diff (``difflib``) of two texts, ``before``/``after``."""
    lines = difflib.unified_diff(
        old.splitlines(), new.splitlines(), fromfile="before", tofile="after", lineterm=""
    )
    return "\n".join(lines)
