"""The detector's fast paths give what the general patterns give.

Tokenizing and digit runs use explicit Latin-1 classes on Latin-1 text
(`tokens.latin1`), and word gates read a set of the tokens
(`Columns.low_set`): these tests pin them to the Unicode
patterns and lists they stand for.
"""

from __future__ import annotations

import importlib
import re
from itertools import compress

from hypothesis import given, settings
from hypothesis import strategies as st

from stories.detect import anchors, numbers, prose, shadow_spacing, tokens

LATIN1 = "".join(map(chr, range(256)))
PIECES = st.sampled_from(
    ["José", "Zoë", "x²", "½", "ª", "O'Connor", "Mei-Ling", "Rachel's", " ", ", ", ".\n", "12", "3½",
     "__", "'", "-", "é-a", "ſ", "—", "ß", "µg", "Ⅻ", "٣", "naïve", "a’b"]
)  # fmt: skip


def test_latin1_letter_class_is_the_unicode_one_on_latin1() -> None:
    letters = re.compile(tokens.latin1_class(r"[^\W\d_]"))
    for ch in LATIN1:
        assert bool(letters.fullmatch(ch)) == bool(re.fullmatch(r"[^\W\d_]", ch)), hex(ord(ch))
    for ch in LATIN1:
        assert bool(re.fullmatch(r"\d", ch)) == (ch in "0123456789"), hex(ord(ch))


def test_latin1() -> None:
    assert tokens.latin1("") and tokens.latin1("abc") and tokens.latin1(LATIN1)
    assert not tokens.latin1("José — Zoë") and not tokens.latin1("a’b") and not tokens.latin1("\U0001f600")


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_split_and_digit_runs_match_the_unicode_patterns(text: str) -> None:
    assert tokens.columns(text).parts == tokens._SPLIT_RE.split(text)
    assert anchors.digit_runs(text) == tuple(m.span() for m in anchors.DIGITS.finditer(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_word_sets_are_the_token_lists(text: str) -> None:
    cols = tokens.columns(text)
    assert cols.low_set() == frozenset(cols.lows)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["in", "on", "at", "the", "to", "Dr", "Mary", "road", ","]), max_size=40))
def test_marked_is_compress_over_the_marks(pieces: list[str]) -> None:
    cols = tokens.columns(" ".join(pieces))
    n = len(cols.lows)
    for cls in range(len(tokens._CLASSES)):
        marks = cols.marks(cls)
        for lo, hi in ((0, None), (0, n - 1), (1, None), (2, n), (2, None)):
            stop = n if hi is None else hi
            assert cols.marked(cls, lo, hi) == list(compress(range(lo, stop), marks[lo:stop]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["R", "a", "é", "²", "7", "_", " ", ".", "-", "ſ", "—", "wd"]), max_size=30))
def test_latin1_spaced_gates_are_the_unicode_ones(pieces: list[str]) -> None:
    text = "".join(pieces)
    gates = zip(shadow_spacing._LATIN1_SPACED_GATES, shadow_spacing._SPACED_GATES, strict=True)
    if tokens.latin1(text):
        for fast, general in gates:
            assert bool(fast.search(text)) == bool(general.search(text))


FESTIVAL_PIECES = st.sampled_from(
    ["Christmas", "Eve", "New", "Year's", "Chinese", "Lunar", "Eid", "al-Adha", "Mother's", "Day", "Holi",
     "weekend", "of", ",", " ", "\n", " " * 19, " " * 25, "2019", "1999", "20201", "_", "ſemana", "Santa"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(FESTIVAL_PIECES, max_size=25))
def test_festival_years_is_the_full_scan(pieces: list[str]) -> None:
    text = " ".join(pieces)
    fast = [m.span() for m in prose._festival_years(text, anchors.digit_runs(text))]
    assert fast == [m.span() for m in prose.FESTIVAL_YEAR_RE.finditer(text)]


CUE_PIECES = st.sampled_from(
    ["IHI", "no.", "no", "num", "number", "#", ":", "=", "is", "was", "my", "x", "\n", " "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(CUE_PIECES, max_size=10))
def test_acronym_cue_gate_is_necessary(pieces: list[str]) -> None:
    text = " ".join(pieces) + " 80036012"
    pos = text.rindex(" ") + 1
    if numbers.ACRONYM_ID_CUE_RE.search(text, max(0, pos - 24), pos):
        assert numbers._acronym_cue_may_end(text, pos)


LEGAL_PIECES = st.sampled_from(
    [",", " ", "\t", "\n", "Ltd", "GmbH", "& Co. KG", "S.A.", "Sp. z o.o.", "và đối tác", "Công ty TNHH", "&",
     "Partners", "and Sons", "y Asociados", "Hermanos", "plc", "Inc.", "x", "Group", "e.V."]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(LEGAL_PIECES, max_size=8))
def test_legal_gate_is_necessary(pieces: list[str]) -> None:
    widen = importlib.import_module("stories.detect.widen")
    text = "Acme" + "".join(pieces)
    for pos in range(len(text)):
        if widen._LEGAL_TAIL.match(text, pos):
            assert widen._legal_may_start(text, pos)


def test_festival_years_at_the_longest_reach() -> None:
    gap = " " * 19
    for text in (
        f"x Chinese{gap}New{gap}Year{gap}holidays{gap}of,{gap}2019",
        f"x Xxxxxxxxxxxxxxxx{gap}Day{gap}weekend{gap}of,{gap}2019.",
        f"x Xxxxxxxxxxxxxxxx{gap} Day{gap}weekend{gap}of,{gap}2019.",
    ):
        fast = [m.span() for m in prose._festival_years(text, anchors.digit_runs(text))]
        assert fast == [m.span() for m in prose.FESTIVAL_YEAR_RE.finditer(text)]
    assert prose.FESTIVAL_YEAR_RE.search(f"x Chinese{gap}New{gap}Year{gap}holidays{gap}of,{gap}2019")
