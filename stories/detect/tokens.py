"""Word tokens with the context the name rules need.

A token is a run of letters with inner apostrophes or hyphens ("O'Connor",
"Mei-Ling", "Rachel's").  For each token we keep its offsets, whether it is
capitalized, whether it starts a sentence (so its capital proves nothing), and
the gap text to the previous token, from which the rules read punctuation.

`tokenize` is the hot path of the detector, so it works on whole columns at
once: one `re.split` gives words and gaps, offsets are running sums of their
lengths, and the per-token Python work is limited to the few gaps that are
not a single space.  Tokens are tuples built in C (`tuple.__new__`).
"""

from __future__ import annotations

import re
from itertools import accumulate, compress, repeat
from operator import itemgetter
from typing import NamedTuple

TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# The splitters use possessive quantifiers (same matches as TOKEN_RE: greedy
# and never followed by anything that could fail) so `re` keeps no
# backtracking state per letter.
_SPLIT_RE = re.compile(r"([^\W\d_]++(?:['’\-][^\W\d_]++)*+)")
# The same split for ASCII text, where a letter is [A-Za-z]: ranges test
# faster than the Unicode categories of `[^\W\d_]`.
_ASCII_SPLIT_RE = re.compile(r"([A-Za-z]++(?:['\-][A-Za-z]++)*+)")
_SENT_RX = re.compile(r"[.!?\n:;\"“”(•*>|\[]")
ABBREVIATIONS = frozenset(
    {"dr", "st", "mt", "ft", "mr", "mrs", "ms", "mx", "prof", "sr", "rev", "jr", "e.g", "i.e"}
)
_POSSESSIVE = frozenset({"'s", "'S", "’s", "’S"})
_first = itemgetter(0)


class Token(NamedTuple):
    """One word token; see the module docstring."""

    start: int
    end: int
    word: str  # as written
    base: str  # without a possessive 's
    low: str  # lowercased base
    cap: bool  # first letter is uppercase
    upper: bool  # the whole word is uppercase (acronym or shouting)
    sent_start: bool  # first word of a sentence, line or quotation
    gap: str  # text between the previous token and this one (max 8 chars kept)


def _base(word: str) -> str:
    if len(word) > 3 and word[-2:] in _POSSESSIVE:
        return word[:-2]
    return word


def _bases(words: list[str]) -> list[str]:
    """`_base` of every word; only words ending in a possessive are touched.

    Those are found with `str.find` on the NUL-joined words (a word never
    contains NUL), so the common case costs no Python work per word.
    """
    joined = "\x00".join(words) + "\x00"
    bases = words
    for mark in _POSSESSIVE_ENDS:
        i = joined.find(mark)
        while i != -1:
            if bases is words:
                bases = list(words)
            k = joined.count("\x00", 0, i)
            bases[k] = _base(words[k])
            i = joined.find(mark, i + 1)
    return bases


_POSSESSIVE_ENDS = tuple(p + "\x00" for p in sorted(_POSSESSIVE))

# gap -> 0 (no sentence break), 1 (break), 2 (break unless after an
# abbreviation: only dots and spaces).  Gaps repeat a lot (". ", ", ", "\n\n").
_GAP_KIND: dict[str, int] = {}


def _gap_kind(gap: str) -> int:
    kind = _GAP_KIND.get(gap)
    if kind is None:
        kind = 0 if not _SENT_RX.search(gap) else 2 if gap.startswith(".") and gap.strip(" .") == "" else 1
        if len(_GAP_KIND) < 4096:
            _GAP_KIND[gap] = kind
    return kind


_GAP_KIND[" "] = _GAP_KIND[", "] = 0


def _sentence_starts(gaps: list[str], lows: list[str]) -> list[bool]:
    """Sentence-start flags; shortens long gaps in place to 8 characters."""
    sents = [False] * len(gaps)
    # Known gaps of kind 0 (" ", ", "...) are skipped in C; -1 marks unknown ones.
    known = list(map(_GAP_KIND.get, gaps, repeat(-1)))
    for k in compress(range(len(gaps)), known):
        gap = gaps[k]
        if len(gap) > 8:
            gap = gaps[k] = gap[:4] + gap[-4:]
        kind = _gap_kind(gap)
        if kind:
            sents[k] = kind == 1 or lows[k - 1] not in ABBREVIATIONS
    sents[0] = True
    return sents


def tokenize(text: str) -> list[Token]:
    """Split `text` into word tokens; linear time, never raises."""
    parts = (_ASCII_SPLIT_RE if text.isascii() else _SPLIT_RE).split(text)
    if len(parts) < 2:
        return []
    words = parts[1::2]
    gaps = parts[0:-1:2]
    offsets = list(accumulate(map(len, parts)))
    bases = _bases(words) if "'" in text or "’" in text else words
    # One lower() over all bases: NUL is neither cased nor case-ignorable, so
    # each word lowercases exactly as it would alone (final sigma included).
    lows = "\x00".join(bases).lower().split("\x00")
    caps = list(map(str.isupper, map(_first, words)))
    uppers = list(map(str.isupper, words))
    k = -1
    while True:  # a single capital letter ("I", "A") is no acronym
        try:
            k = uppers.index(True, k + 1)
        except ValueError:
            break
        if len(words[k]) == 1:
            uppers[k] = False
    sents = _sentence_starts(gaps, lows)
    columns = zip(offsets[0:-1:2], offsets[1::2], words, bases, lows, caps, uppers, sents, gaps, strict=True)
    return list(map(tuple.__new__, repeat(Token), columns))
