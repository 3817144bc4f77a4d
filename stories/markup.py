"""HTML for our own screens: story previews, finding highlights and diffs.

Built only from escaped text (`stories.sitemarkdown.to_safe_markdown` for the
preview, `html.escape` for the rest) and passed once more through the preview
allowlist (`stories.sanitize.clean_html`).  Nothing here reaches the website,
so a change here (a highlight colour, a diff rule) never rewrites a published
file; the site's Markdown is `stories.sitemarkdown`.
"""

from __future__ import annotations

import difflib
import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import markdown

from stories.config import MAX_BODY_CHARS
from stories.findings import Finding
from stories.sanitize import clean_html
from stories.sitemarkdown import reader_text, to_safe_markdown
from stories.textnorm import check_length, normalize_text

__all__ = ["highlight_html", "reader_text", "render_diff_html", "render_html", "to_safe_markdown",
           "unified_diff"]


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
