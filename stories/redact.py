"""Apply detected spans to a text: each merged span becomes its placeholder.

Pure functions, no I/O.  Overlapping or touching findings are merged first so
a placeholder never cuts through another identifier; when merged findings
have different kinds, the widest finding wins (ties: the earliest, then the
first given), so "[facility]" replaces "St Mary's Hospital" rather than
"[name]" for the "Mary" inside it.
"""

from __future__ import annotations

from collections.abc import Iterable

from stories.findings import PLACEHOLDERS, Finding


def merge_spans(findings: Iterable[Finding]) -> list[tuple[int, int, str]]:
    """Merge overlapping findings into sorted `(start, end, kind)` triples."""
    items = sorted(
        ((f.start, f.end, i, f) for i, f in enumerate(findings)), key=lambda t: (t[0], -t[1], t[2])
    )
    merged: list[tuple[int, int, str]] = []
    cur_start = cur_end = -1
    cur_kind = ""
    cur_width = -1
    for start, end, _, f in items:
        if cur_start >= 0:
            if start < cur_end:  # overlaps the current group
                if end - start > cur_width:
                    cur_kind, cur_width = f.kind, end - start
                cur_end = max(cur_end, end)
                continue
            merged.append((cur_start, cur_end, cur_kind))
        cur_start, cur_end, cur_kind, cur_width = start, end, f.kind, end - start
    if cur_start >= 0:
        merged.append((cur_start, cur_end, cur_kind))
    return merged


def _whole_tokens(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to the letters and digits it cuts into.

    A placeholder never leaves part of a word or code behind ("cG9z[name]2"
    would still carry most of an identifier, and may be detected again).
    """
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def redact(text: str, findings: Iterable[Finding]) -> str:
    """Return `text` with every merged finding replaced by its placeholder.

    Each span is first widened to whole tokens (letters and digits), so
    redaction never leaves a fragment of what it removed.  Findings reaching
    past the end of `text` are clipped; the input is never modified.
    """
    parts: list[str] = []
    pos = 0
    for start, end, kind in merge_spans(findings):
        start, end = _whole_tokens(text, min(start, len(text)), min(end, len(text)))
        start = max(start, pos)
        if start >= end:
            continue
        parts.append(text[pos:start])
        parts.append(PLACEHOLDERS[kind])
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
