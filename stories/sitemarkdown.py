"""Safe Markdown for the website: the story text as the export writes it.

Only this module, `stories.frontmatter`, `stories.textnorm` and
`stories.export` decide what a published file holds, so only they make up the
export's render fingerprint; our own screens' HTML lives in `stories.markup`.

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

import re
import unicodedata

from stories.textnorm import normalize_text

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
