"""Apply detected spans to a text: each merged span becomes its placeholder.

Pure functions, no I/O.  Overlapping or touching findings are merged first so
a placeholder never cuts through another identifier; when merged findings
have different kinds, the widest finding wins (ties: the earliest, then the
first given), so "[facility]" replaces "St Mary's Hospital" rather than
"[name]" for the "Mary" inside it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

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


_CLITICS = frozenset({"s", "S", "ll", "d", "re", "ve", "t", "m"})
_APOSTROPHES = "'\u2019\u02bc\uff07"
_MARKS = "*~"


def _glue(ch: str) -> bool:
    """Invisible characters that sit inside a word: joiners, bidi marks,
    variation selectors, the grapheme joiner and combining marks."""
    if ch.isascii():
        return False
    return unicodedata.category(ch) in ("Cf", "Mn", "Me")


def _word_char(ch: str) -> bool:
    return ch.isalnum() or _glue(ch)


def _inner(text: str, i: int, j: int) -> bool:
    """Is text[i:j] a run of apostrophes or emphasis marks between two word characters?"""
    return i > 0 and j < len(text) and _word_char(text[i - 1]) and _word_char(text[j])


def _whole_tokens(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to the whole word(s) it cuts into.

    A placeholder never leaves part of a word or code behind ("cG9z[name]2"
    would still carry most of an identifier, and may be detected again).  A
    word goes on over letters and digits, over invisible characters inside it
    ("Ra\u200cchel", an underline mark on each letter), over emphasis marks
    inside it ("Ra**chel**") and over an apostrophe inside it ("O'Brien"),
    but a clitic after an apostrophe stays ("[name]'s", "[name]'ll").
    """
    crossed_mark = False
    while start > 0:
        ch = text[start - 1]
        if _word_char(ch):
            start -= 1
            continue
        if ch in _MARKS or ch in _APOSTROPHES:
            run = start - 1
            while run > 0 and text[run - 1] == ch and start - run < 3:
                run -= 1
            if _inner(text, run, start):
                crossed_mark = crossed_mark or ch in _MARKS
                start = run
                continue
        break
    while end < len(text):
        ch = text[end]
        if _word_char(ch):
            end += 1
            continue
        if ch in _MARKS or ch in _APOSTROPHES:
            run = end
            while run < len(text) and text[run] == ch and run - end < 3:
                run += 1
            if _inner(text, end, run):
                if ch in _APOSTROPHES:
                    word = run
                    while word < len(text) and text[word].isalpha():
                        word += 1
                    if text[run:word] in _CLITICS:
                        break
                crossed_mark = crossed_mark or ch in _MARKS
                end = run
                continue
            if ch in _MARKS and crossed_mark:  # the closing marks of "Ra**chel**"
                end = run
        break
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


#: How many times `redact_rescanned` scans its own output before giving up.
RESCAN_ROUNDS = 4
_PLACEHOLDER_SET = frozenset(PLACEHOLDERS.values())
_TOUCH_GAP = 3  # characters (no space) between a finding and a placeholder that "touch"


def _placeholder_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for ph in _PLACEHOLDER_SET:
        i = text.find(ph)
        while i != -1:
            spans.append((i, i + len(ph)))
            i = text.find(ph, i + len(ph))
    return spans


def _touches(text: str, f: Finding, spans: list[tuple[int, int]]) -> bool:
    """Does `f` overlap a placeholder or sit next to one with no space between?"""
    for start, end in spans:
        if f.start < end and start < f.end:
            return True
        gap = text[end : f.start] if end <= f.start else text[f.end : start]
        if len(gap) <= _TOUCH_GAP and not any(ch.isspace() for ch in gap):
            return True
    return False


def redact_rescanned(text: str, findings: Iterable[Finding], scan: Callable[[str], list[Finding]], *,
                     touching_only: bool = False) -> str:
    """Redact `findings`, then scan the result again and redact what the scan
    finds of the same kinds, until a scan finds none (at most `RESCAN_ROUNDS`).

    A placeholder changes the words around it, and the rest of an identifier
    can show up only then ("[name] jones", "[date]:May").  With
    `touching_only`, only new findings that touch a placeholder are taken
    (a moderator who chose one finding did not choose the others).  Returns
    the text of the last round; the caller's own rescan shows anything left.
    """
    chosen = list(findings)
    kinds = {f.kind for f in chosen}
    out = redact(text, chosen)
    for _ in range(RESCAN_ROUNDS):
        again = [f for f in scan(out) if f.kind in kinds]
        if touching_only and again:
            spans = _placeholder_spans(out)
            again = [f for f in again if _touches(out, f, spans)]
        again = [f for f in again if out[f.start : f.end] not in _PLACEHOLDER_SET]
        if not again:
            break
        out = redact(out, again)
    return out
