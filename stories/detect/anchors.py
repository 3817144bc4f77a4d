"""Cheap anchors that let the number rules run only where numbers are.

Python's `re` scans every position of a story for every pattern, which is
slow for patterns that start with look-behinds or optional cue words.  The
number rules instead find digit runs once (one fast pass), then try anchored
`match` calls at each run and look back over a few characters for cue words.
Cost is then proportional to the number of digit runs, not the text length.
"""

from __future__ import annotations

import re
from functools import lru_cache

DIGITS = re.compile(r"\d+")
_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")


@lru_cache(maxsize=8)
def digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every maximal run of digits, in order."""
    return tuple(m.span() for m in DIGITS.finditer(text))


def run_starts(text: str) -> list[int]:
    """Starts of digit runs that begin a number ("12" in "12/03", not "03")."""
    out = []
    for s, _ in digit_runs(text):
        before = text[s - 1] if s else " "
        if before not in "/.-:," or s < 2 or not text[s - 2].isdigit():
            out.append(s)
    return out


def code_start(text: str, pos: int, limit: int = 30) -> int:
    """Start of the letters/digits/hyphen token that contains `pos`."""
    start = pos
    floor = max(0, pos - limit)
    while start > floor and text[start - 1] in _CODE_CHARS:
        start -= 1
    return start


def before(text: str, pos: int, width: int = 40) -> str:
    """The `width` characters before `pos`, casefolded, for cue look-backs."""
    return text[max(0, pos - width) : pos].lower()
