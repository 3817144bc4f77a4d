"""Word tokens with the context the name rules need.

A token is a run of letters with inner apostrophes or hyphens ("O'Connor",
"Mei-Ling", "Rachel's").  For each token we keep its offsets, whether it is
capitalized, whether it starts a sentence (so its capital proves nothing), and
the gap text to the previous token, from which the rules read punctuation.

Tokenizing is the hot path of the detector, so it works on whole columns at
once: one `re.split` gives words and gaps, and the per-token Python work is
limited to the few gaps that are not a single space.  The rules read the
columns (`columns`), not one object per token, which would cost more to build
and read than the rules spend on most tokens; offsets are summed (in C) only
when a rule first asks for one.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from itertools import accumulate, compress, repeat
from operator import add, itemgetter, ne

from .elisions import ELIDED_SPLIT_RE, elided

# A token is `[^\W\d_]+(?:['’\-][^\W\d_]+)*`.  The splitters write it with possessive
# quantifiers (same matches: greedy and never followed by anything that could fail) so `re`
# keeps no backtracking state per letter.  They start with one plain letter class ("L L*+"
# rather than "L++"): `re` skips non-letters in a tight loop, not a match per position.
_SPLIT_RE = re.compile(r"([^\W\d_][^\W\d_]*+(?:['’\-][^\W\d_]++)*+)")
# The same split for ASCII text ([A-Za-z]: ranges test faster than Unicode categories).
_ASCII_SPLIT_RE = re.compile(r"([A-Za-z][A-Za-z]*+(?:['\-][A-Za-z]++)*+)")


def latin1(text: str) -> bool:
    """Is every character of `text` in Latin-1 (U+0000 to U+00FF)?

    Such a text can be matched with explicit Latin-1 character classes (see
    `latin1_class`) instead of Unicode categories.  Encoding a Latin-1 str to
    Latin-1 is a copy; other texts fail on their first wider character.
    """
    if text.isascii():
        return True
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def latin1_class(unicode_class: str) -> str:
    r"""The Latin-1 characters a regex character class matches, as an explicit class.

    On a `latin1` text the two match the same characters; the explicit class
    is a bitmap test, where `[^\W\d_]` looks up Unicode categories per
    character ("²", "½", "ª" are letters to `re`: they stay in).
    """
    rx = re.compile(unicode_class)
    return "[" + "".join(re.escape(c) for c in map(chr, range(256)) if rx.fullmatch(c)) + "]"


# The split for other Latin-1 text ("José", "Zoë"): no "’" can occur there.
_L1 = latin1_class(r"[^\W\d_]")
_LATIN1_SPLIT_RE = re.compile(rf"({_L1}{_L1}*+(?:['\-]{_L1}++)*+)")
_SENT_RX = re.compile(r"[.!?\n:;\"“”(•*>|\[]")
ABBREVIATIONS = frozenset(
    {"dr", "st", "mt", "ft", "mr", "mrs", "ms", "mx", "prof", "sr", "rev", "jr", "e.g", "i.e"}
)
_POSSESSIVE = frozenset({"'s", "'S", "’s", "’S"})
_JOINERS = ("'", "’", "-")
_JOINER_SPLIT = re.compile("['’-]")
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

# Word classes: sets of lowercase words whose tokens rules look for ("in", "on",
# "at" before a street; cue words before a name).  A membership test per token
# costs a Python-level call per token for every set; instead each token gets one
# code per text (`Columns.marks`): the id of the combination of classes its word
# is in, looked up once, and a class's tokens are a `bytes.translate` of the
# codes, done in C.
_CLASSES: list[frozenset[str]] = []
_CODES: dict[str, int] = {}
_TABLES: list[bytes] = []
_GENERATION = [0]  # bumped when a class is added, so codes are recomputed


def word_class(words: Iterable[str]) -> int:
    """Register a set of lowercase words; `Columns.marks(id)` marks its tokens."""
    _CLASSES.append(frozenset(words))
    _TABLES.clear()
    _GENERATION[0] += 1
    return len(_CLASSES) - 1


def _build_tables() -> None:
    """Codes (combination of classes per word, 1..255) and one translate table per class."""
    combos: dict[tuple[int, ...], int] = {}
    codes: dict[str, int] = {}
    for word in frozenset().union(*_CLASSES):
        key = tuple(i for i, cls in enumerate(_CLASSES) if word in cls)
        codes[word] = combos.setdefault(key, len(combos) + 1)
    if len(combos) > 255:
        raise ValueError("too many combinations of word classes for one byte per token")
    _CODES.clear()
    _CODES.update(codes)
    tables = []
    for i in range(len(_CLASSES)):
        table = bytearray(256)
        for key, code in combos.items():
            if i in key:
                table[code] = 1
        tables.append(bytes(table))
    _TABLES[:] = tables


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


def _sentence_starts(gaps: list[str], lows: list[str], words: list[str]) -> list[bool]:
    """Sentence-start flags; shortens long gaps in place to 8 characters.  A full stop
    after an initial ("A. Mensah-Boateng") ends no sentence."""
    sents = [False] * len(gaps)
    # Most gaps are one space: skip those in C.  Known gaps of kind 0 (", "...)
    # cost a dict look-up; other gaps are shortened (if long) and classified.
    get = _GAP_KIND.get
    for k in compress(range(len(gaps)), map(ne, gaps, repeat(" "))):
        gap = gaps[k]
        kind = get(gap)
        if kind is None:
            if len(gap) > 8:
                gap = gaps[k] = gap[:4] + gap[-4:]
            kind = _gap_kind(gap)
        if kind:
            prev = words[k - 1]
            initial = gap == ". " and len(prev) == 1 and prev.isupper() and prev != "I"
            sents[k] = kind == 1 or (lows[k - 1] not in ABBREVIATIONS and not initial)
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
    __slots__ += ("_starts", "_joined", "_tails", "_codes", "_low_set")

    def __init__(self, parts: list[str], text: str) -> None:
        self.parts = parts
        self._joined = ""
        self._tails: list[str] | None = None
        self._codes: tuple[int, bytes] | None = None
        self._starts: list[int] | None = None
        self._low_set: frozenset[str] | None = None
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
        self.sents = _sentence_starts(gaps, lows, words)

    def start(self, k: int) -> int:
        """Offset of token k.  The offsets of all tokens are summed in C on the
        first call (the rules of one story ask for a few dozen offsets all over
        the text, which cost more when summed from a moving cursor)."""
        starts = self._starts
        if starts is None:
            # token k+1 starts len(word k) + len(gap k+1) after token k: one sum
            # per token, where summing every part would make two (the gaps are read
            # from `parts`: `gaps` may be shortened).  The last entry, after the
            # last word and the text after it, is the text's length.
            parts = self.parts
            lengths = map(add, map(len, parts[1::2]), map(len, parts[2::2]))
            starts = self._starts = list(accumulate(lengths, initial=len(parts[0])))
        return starts[k]

    def end(self, k: int) -> int:
        """Offset just past token k."""
        return self.start(k) + len(self.words[k])

    def marks(self, cls: int) -> bytes:
        """One byte per token: 1 where the token's lowercase word is in word class
        `cls` (see `word_class`), else 0.  `compress(range(n), marks)` gives the
        indexes of those tokens; `marks[k]` tests one."""
        if not _TABLES:
            _build_tables()
        codes = self._codes
        if codes is None or codes[0] != _GENERATION[0]:
            codes = self._codes = (_GENERATION[0], bytes(map(_CODES.get, self.lows, repeat(0))))
        return codes[1].translate(_TABLES[cls])

    def marked(self, cls: int, lo: int = 0, hi: int | None = None) -> list[int]:
        """Indexes k, `lo` <= k < `hi` (default: to the end), of the tokens in word
        class `cls`, in order: what `compress(range(lo, hi), marks(cls)[lo:hi])` gives.

        Most classes mark a few tokens of a story: those are found with
        `bytes.find`, at a cost per marked token, where `compress` costs a step
        per token.  A class that marks many (one token in 8 or more) is read
        with `compress`, which is then cheaper.
        """
        marks = self.marks(cls)
        end = len(marks) if hi is None else max(hi, 0)
        if marks.count(1, lo, end) * 8 >= end - lo:
            return list(compress(range(lo, end), marks[lo:end]))
        find = marks.find
        out: list[int] = []
        k = find(1, lo, end)
        while k != -1:
            out.append(k)
            k = find(1, k + 1, end)
        return out

    def low_set(self) -> frozenset[str]:
        """The distinct `lows`, built once per text.  Gates ask whether a story
        holds any of a few words (`WORDS.isdisjoint(cols.low_set())`): against
        a set that costs a look-up per word of the smaller set, against the
        `lows` list a hash and look-up per token."""
        if self._low_set is None:
            self._low_set = frozenset(self.lows)
        return self._low_set

    def hyphenated(self) -> set[str]:
        """The distinct `lows` that hold a hyphen ("sarah-jane"), found with
        `str.find` in the joined lowercase words rather than by a test per word."""
        joined = self._joined
        out = set()
        i = joined.find("-")
        while i != -1:
            end = joined.find("\x00", i)
            if end == -1:
                end = len(joined)
            out.add(joined[joined.rfind("\x00", 0, i) + 1 : end])
            i = joined.find("-", end)
        return out

    def joined_parts(self) -> set[str]:
        """The parts of the tokens joined with apostrophes or hyphens, in lowercase
        ("pre-christmas" gives "pre" and "christmas"): with `low_set`, every run
        of letters of the text that no letter, digit or "_" touches."""
        joined = self._joined
        out: set[str] = set()
        for mark in _JOINERS:
            i = joined.find(mark)
            while i != -1:
                end = joined.find("\x00", i)
                if end == -1:
                    end = len(joined)
                out.update(_JOINER_SPLIT.split(joined[joined.rfind("\x00", 0, i) + 1 : end]))
                i = joined.find(mark, end)
        return out

    def indexes(self, words: Iterable[str]) -> list[int]:
        """Indexes of the tokens whose lowercase word is one of `words` (a few
        words), in order: each word is found with `str.find` in the joined
        lowercase words, not by a test per token.  Words the story does not
        hold (most of the short forms `mentions` asks for) are skipped after a
        look-up in `low_set`, without a scan."""
        padded = "\x00" + self._joined + "\x00"
        find, count = padded.find, padded.count
        present = self.low_set()
        out: list[int] = []
        for word in words:
            if word not in present:
                continue  # a set look-up, not a scan of the whole text (no token is empty or holds NUL)
            needle = "\x00" + word + "\x00"
            k = last = 0
            i = find(needle)
            while i != -1:
                k += count("\x00", last, i)  # NULs before i: the token's index
                last = i
                out.append(k)
                i = find(needle, i + len(needle) - 1)
        out.sort()
        return out

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
    return Columns(_splitter(text).split(text), text)


def _splitter(text: str) -> re.Pattern[str]:
    """The cheapest of the three equivalent splits that reads `text` right (`elisions`)."""
    if ("'" in text or "’" in text) and elided(text):
        return ELIDED_SPLIT_RE
    if text.isascii():
        return _ASCII_SPLIT_RE
    return _LATIN1_SPLIT_RE if latin1(text) else _SPLIT_RE


_LOCAL = threading.local()
_SHARED_MAX = 4


def shared_columns(text: str) -> Columns:
    """`columns(text)`, shared by the place, date and name rules of one story.

    Shared per thread only: a `Columns` fills its caches (offsets, word-class
    codes, tails) as rules ask, so two threads scanning the same text at once
    (two moderators opening one story) each have their own.
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
