"""Cheap anchors that let the number rules run only where numbers are.

Python's `re` scans every position of a story for every pattern, which is
slow for patterns that start with look-behinds or optional cue words.  The
number rules instead find digit runs once (one fast pass), then try anchored
`match` calls at each run and look back over a few characters for cue words.
Cost is then proportional to the number of digit runs, not the text length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

# "\d\d*" rather than "\d+" (same matches): a pattern that starts with a plain
# character class lets `re` skip to the next digit in a tight loop, where
# "\d+" would start a full match attempt at every position of the text.
DIGITS = re.compile(r"\d\d*")
_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")


@lru_cache(maxsize=8)
def digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every maximal run of digits, in order.

    A Latin-1 text (whose only digits are 0-9) is read as bytes with its digits
    marked by one `bytes.translate`: then each run costs two `bytes.find` calls,
    where `re` would test every character of the story against a class.
    """
    try:
        marks = text.encode("latin-1").translate(_DIGIT_MARKS)
    except UnicodeEncodeError:
        return tuple(m.span() for m in DIGITS.finditer(text))
    runs = []
    start = marks.find(b"0")
    while start != -1:
        end = marks.find(b" ", start)
        if end == -1:
            runs.append((start, len(marks)))
            break
        runs.append((start, end))
        start = marks.find(b"0", end)
    return tuple(runs)


# Latin-1 bytes to "0" for a digit, " " for anything else.
_DIGIT_MARKS = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))


@lru_cache(maxsize=8)
def run_starts(text: str) -> tuple[int, ...]:
    """Starts of digit runs that begin a number ("12" in "12/03", not "03").

    Cached like `digit_runs`: the contact, date, age and place rules all ask.
    """
    out = []
    for s, _ in digit_runs(text):
        before = text[s - 1] if s else " "
        if before not in "/.-:," or s < 2 or not text[s - 2].isdigit():
            out.append(s)
    return tuple(out)


# `text.lower()`, shared by the URL, handle and street-word gates of one story.
lowered = lru_cache(maxsize=8)(str.lower)


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


def tail_chunk(text: str, pos: int, width: int, punct: str = "") -> str:
    """Last whitespace-separated chunk of the `width` characters before `pos`.

    Trailing whitespace (and any character of `punct`) is stripped first, so
    "MRN: # " gives "MRN".  Used as a cheap necessary condition before running
    a cue look-back regex that must end exactly at `pos`.
    """
    seg = text[max(0, pos - width) : pos]
    while True:
        stripped = seg.rstrip().rstrip(punct) if punct else seg.rstrip()
        if stripped == seg:
            break
        seg = stripped
    parts = seg.rsplit(None, 1)
    return parts[-1] if parts else ""


def digit_before(text: str, pos: int) -> bool:
    """Is the last non-space character before `pos` (within 2) a digit?

    Then no cue word (all end in letters) can end there: a quick exit for
    digit-heavy text such as "1 1 1 1 ...".
    """
    c = text[pos - 1] if pos else ""
    if c.isspace() and pos >= 2:
        c = text[pos - 2]
    return c.isdigit()


def may_end_with(text: str, pos: int, width: int, endings: tuple[str, ...], punct: str = "") -> bool:
    """Could a case-insensitive cue ending in one of `endings` end just before `pos`?

    Never false when the cue regex could match: non-ASCII chunks (which
    `re.IGNORECASE` may fold onto ASCII letters: "ſ", "K", "ı") answer True.
    """
    if digit_before(text, pos):
        return False
    chunk = tail_chunk(text, pos, width, punct)
    if not chunk:
        return False
    if not chunk.isascii():
        return True
    return chunk.lower().endswith(endings)


# Characters that `re.IGNORECASE` folds onto ASCII letters but `str.lower()`
# does not: a text containing one must not be gated on its lowercase form.
FOLD_TRAPS = ("İ", "ı", "ſ")


def word_starts(text: str, words: Iterable[str]) -> list[int] | None:
    """Where one of `words` (lowercase letters) begins a word of `text`, read
    case-insensitively: the starts a `re.IGNORECASE` pattern opening with
    `\\b(?:word|...)` can match at, for `matches_at`.

    None when the lowercase text cannot tell (lowercasing changes its length,
    or it holds a `FOLD_TRAPS` character): then scan the whole text.
    """
    low = lowered(text)
    if len(low) != len(text) or (not text.isascii() and any(c in text for c in FOLD_TRAPS)):
        return None
    return [i for word in words for i in find_all(low, word) if begins_word(text, i)]


def begins_word(text: str, i: int) -> bool:
    """Is there a word boundary (`\\b`) before the word character at `i`?"""
    return not i or not (text[i - 1].isalnum() or text[i - 1] == "_")


def bracket_word_starts(text: str, limit: int = 20) -> list[int]:
    """Starts of the runs of lowercase ASCII letters (at most `limit`) that end
    right before a "(" or one white-space character before it: where a pattern
    opening with `\\b[a-z]{2,limit}\\s?\\(` or `\\b(?:son|daughter)\\s?\\(` can match."""
    out = []
    for p in find_all(text, "("):
        ends = (p, p - 1) if p and text[p - 1].isspace() else (p,)
        for end in ends:
            start = run_start(text, end, _LOWER_ASCII, limit)
            if 0 <= start < end:
                out.append(start)
    return out


_LOWER_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz")


def has_word(text: str, low: str, keywords: tuple[tuple[str, str], ...]) -> bool:
    """Is some `(word, after)` in `low` at a word start, followed by a char of `after`?

    `low` is `text.lower()`; `after` is " " or "" (any whitespace).  A cheap
    necessary condition for case-insensitive `\\bword\\s` patterns: it costs a
    few `str.find` calls instead of a regex attempt at every position.
    """
    aligned = len(low) == len(text)
    for word, after in keywords:
        i = low.find(word)
        while i != -1:
            j = i + len(word)
            nxt = low[j : j + 1]
            if (nxt == after if after else nxt.isspace()) and (
                not aligned or i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")
            ):
                return True
            i = low.find(word, i + 1)
    return False


def find_all(haystack: str, needle: str) -> list[int]:
    """Every (possibly overlapping) start of `needle` in `haystack`."""
    out = []
    i = haystack.find(needle)
    while i != -1:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def run_start(text: str, pos: int, inside, limit: int) -> int:
    """Start of the run of characters satisfying `inside` that ends at `pos`.

    Returns -1 when the run is longer than `limit` (no bounded pattern can
    start there).  `inside` is a set of characters or a predicate.
    """
    test = inside.__contains__ if isinstance(inside, (set, frozenset, str)) else inside
    start = pos
    floor = pos - limit
    while start > 0 and test(text[start - 1]):
        start -= 1
        if start < floor:
            return -1
    return start


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text, min(starts), endpos)` gives when matches can
    only begin at `starts`.

    `starts` may hold extra positions (they only cost a failed `match`), but
    must hold every position where a match can begin.
    """
    pos = 0
    end = len(text) if endpos is None else endpos
    for start in sorted(set(starts)):
        if start >= pos:
            m = pattern.match(text, start, end)
            if m:
                yield m
                pos = m.end()


#: Punctuation that ends a sentence or a quote after an identifier, never part of it.
TRAILING = ".,;:!?)'\"’”"


def strip_trailing(text: str, start: int, end: int) -> int:
    """`end` moved back over trailing punctuation (`TRAILING`), never before `start`."""
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return end
