"""Word tokens with the context the name rules need.

A token is a run of letters with inner apostrophes or hyphens ("O'Connor",
"Mei-Ling", "Rachel's").  For each token we keep its offsets, whether it is
capitalized, whether it starts a sentence (so its capital proves nothing), and
the gap text to the previous token, from which the rules read punctuation.

Tokenizing is the hot path of the detector, so it works on whole columns at
once: one `re.split` gives words and gaps, and the per-token Python work is
limited to the few gaps that are not a single space.  The rules read the
columns (`columns`), not one object per token, which would cost more to build
and read than the rules spend on most tokens; offsets are summed only up to
the tokens that are asked for, since few tokens ever end up in a finding.
"""

from __future__ import annotations

import re
import threading
from itertools import compress
from operator import itemgetter

# A token is `[^\W\d_]+(?:['’\-][^\W\d_]+)*`.  The splitters write it with
# possessive quantifiers (same matches: greedy and never followed by anything
# that could fail) so `re` keeps no
# backtracking state per letter.  They start with one plain letter class
# ("L L*+" rather than "L++"): then `re` skips non-letters in a tight loop
# instead of trying a full match at every position of a gap.
_SPLIT_RE = re.compile(r"([^\W\d_][^\W\d_]*+(?:['’\-][^\W\d_]++)*+)")
# The same split for ASCII text, where a letter is [A-Za-z]: ranges test
# faster than the Unicode categories of `[^\W\d_]`.
_ASCII_SPLIT_RE = re.compile(r"([A-Za-z][A-Za-z]*+(?:['\-][A-Za-z]++)*+)")
_SENT_RX = re.compile(r"[.!?\n:;\"“”(•*>|\[]")
ABBREVIATIONS = frozenset(
    {"dr", "st", "mt", "ft", "mr", "mrs", "ms", "mx", "prof", "sr", "rev", "jr", "e.g", "i.e"}
)
_POSSESSIVE = frozenset({"'s", "'S", "’s", "’S"})
_JOINERS = ("'", "’", "-")
_first = itemgetter(0)


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
    # Most gaps are one space: skip those in C.  Known gaps of kind 0 (", "...)
    # cost a dict look-up; other gaps are shortened (if long) and classified.
    get = _GAP_KIND.get
    for k in compress(range(len(gaps)), map(" ".__ne__, gaps)):
        gap = gaps[k]
        kind = get(gap)
        if kind is None:
            if len(gap) > 8:
                gap = gaps[k] = gap[:4] + gap[-4:]
            kind = _gap_kind(gap)
        if kind:
            sents[k] = kind == 1 or lows[k - 1] not in ABBREVIATIONS
    sents[0] = True
    return sents


class Columns:
    """The tokens of a text as columns: entry k of each list describes token k.

    `words` as written; `bases` without a possessive 's; `lows` the bases in
    lowercase; `caps` whether the first letter is uppercase; `sents` whether
    the token starts a sentence, line or quotation; `gaps` the text since the
    previous token (at most 8 characters kept).  `start(k)` and `end(k)` give
    offsets; whether a word is an acronym is `is_upper(word)`.
    """

    __slots__ = ("parts", "words", "bases", "lows", "caps", "sents", "gaps")
    __slots__ += ("_k", "_off", "_joined", "_tails")

    def __init__(self, parts: list[str], text: str) -> None:
        self.parts = parts
        self._joined = ""
        self._tails: list[str] | None = None
        if len(parts) < 2:
            self.words = self.bases = self.lows = self.gaps = []
            self.caps = self.sents = []
            return
        words = self.words = parts[1::2]
        gaps = self.gaps = parts[0:-1:2]
        bases = self.bases = _bases(words) if "'" in text or "’" in text else words
        # One lower() over all bases: NUL is neither cased nor case-ignorable, so
        # each word lowercases exactly as it would alone (final sigma included).
        self._joined = "\x00".join(bases).lower()
        lows = self.lows = self._joined.split("\x00")
        self.caps = list(map(str.isupper, map(_first, words)))
        self.sents = _sentence_starts(gaps, lows)
        self._k = 0  # start(k) cursor: token _k starts at _off
        self._off = len(parts[0])

    def start(self, k: int) -> int:
        """Offset of token k: the lengths of the parts before it, summed from a
        cursor that moves to k (callers mostly ask in increasing order, or step
        back within a run), so only the tokens that are asked for cost anything."""
        cur = self._k
        if k >= cur:
            self._off += sum(map(len, self.parts[2 * cur + 1 : 2 * k + 1]))
        else:
            self._off -= sum(map(len, self.parts[2 * k + 1 : 2 * cur + 1]))
        self._k = k
        return self._off

    def end(self, k: int) -> int:
        """Offset just past token k."""
        return self.start(k) + len(self.words[k])

    def tails(self) -> list[str]:
        """The last part of each token joined with apostrophes or hyphens, in
        lowercase: "x-rue" gives "rue", "a-b-c" gives "c".

        A run of letters that starts a word (no letter, digit or "_" before
        it) and ends one (no letter or joiner after it) is a whole token or
        the tail of a joined one: so a word that is in neither `lows` nor
        `tails` (in lowercase) stands alone nowhere in the text.  Cheap gates
        for the rules that look for such words.  Linear time: each joined
        token is looked at once.
        """
        if self._tails is None:
            joined = self._joined
            tails = []
            nexts = [joined.find(mark) for mark in _JOINERS]  # next occurrence of each mark
            while True:
                i = min((x for x in nexts if x != -1), default=-1)
                if i == -1:
                    break
                end = joined.find("\x00", i)
                if end == -1:
                    end = len(joined)
                last = max(joined.rfind(mark, i, end) for mark in _JOINERS)
                tails.append(joined[last + 1 : end])
                nexts = [
                    x if x == -1 or x >= end else joined.find(m, end)
                    for x, m in zip(nexts, _JOINERS, strict=True)
                ]
            self._tails = tails
        return self._tails


def is_upper(word: str) -> bool:
    """All capitals, and more than one letter ("I", "A" are no acronyms)."""
    return len(word) > 1 and word.isupper()


def columns(text: str) -> Columns:
    """Split `text` into word tokens, as columns; linear time, never raises."""
    return Columns((_ASCII_SPLIT_RE if text.isascii() else _SPLIT_RE).split(text), text)


_LOCAL = threading.local()
_SHARED_MAX = 4


def shared_columns(text: str) -> Columns:
    """`columns(text)`, shared by the place, date and name rules of one story.

    Shared per thread only: a `Columns` moves a cursor as offsets are asked
    for (see `Columns.start`), so two threads scanning the same text at once
    (two moderators opening one story) must each have their own.
    """
    cache = getattr(_LOCAL, "columns", None)
    if cache is None:
        cache = _LOCAL.columns = {}
    cols = cache.get(text)
    if cols is None:
        if len(cache) >= _SHARED_MAX:
            cache.clear()
        cols = cache[text] = columns(text)
    return cols
