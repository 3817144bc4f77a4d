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
def test_marked_spaced_gates_are_the_unicode_ones(pieces: list[str]) -> None:
    text = "".join(pieces)
    general = any(gate.search(text) for gate in shadow_spacing._SPACED_GATES)
    assert shadow_spacing._may_be_spaced(text) == general


CAPS_PIECES = st.sampled_from(
    ["NHS", "A", "B", "É", "Þ", "ß", "×", "÷", "'", "-", "’", " ", "\t", "\n", "x", "é", ".", "1", "  "]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(CAPS_PIECES, max_size=25))
def test_marked_two_caps_is_the_pattern(pieces: list[str]) -> None:
    recase = importlib.import_module("stories.detect.recase")
    text = "".join(pieces)
    assert recase._two_caps(text) == (recase._TWO_CAPS.search(text) is not None)


QUOTE_PIECES = st.sampled_from(['"', "'", "“", "”", "‘", "’", " ", "\n", "\xa0", "\x85", "x", "called"])


@settings(max_examples=500, deadline=None)
@given(st.lists(QUOTE_PIECES, max_size=12), st.booleans())
def test_quote_gates_are_the_patterns(pieces: list[str], single: bool) -> None:
    nicknames = importlib.import_module("stories.detect.nicknames")
    text = "".join(pieces)
    double = bool(nicknames._SPACE_DOUBLE_QUOTE.search(text))
    expected = (single and (double or bool(nicknames._SPACE_QUOTE.search(text))), double)
    assert nicknames._spaces_before_quotes(text, single) == expected


AGE_PIECES = st.sampled_from(
    ["at", "At", "AT", "since", "ſince", "until", "till", "you", "You're", "she", "He's", "is", "are",
     "twenty", "thirty-one", "nineteen", "about", " ", ".", ",", "x", "_", "5", "(", "(26)", "cait",
     "son", "daughter", "F", "32", "I'm", "im", "i'm", "Im", "I", "am", "\n", "-", "İ"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(AGE_PIECES, max_size=14), st.sampled_from([" ", ""]))
def test_anchored_age_scans_are_the_full_scans(pieces: list[str], sep: str) -> None:
    ages_forms = importlib.import_module("stories.detect.ages_forms")
    text = sep.join(pieces)
    scans = ((ages_forms.SPELLED_BE_RE, ages_forms._BE_CUES), (ages_forms.SPELLED_AT_RE, ages_forms._AT_CUES))
    for pattern, cues in scans:
        fast = [m.span() for m in ages_forms._scan(pattern, text, cues)]
        assert fast == [m.span() for m in pattern.finditer(text)]
    for pattern in (ages_forms.LOWER_NAME_AGE_RE, prose.CHILD_AGE_RE):
        fast = [m.span() for m in anchors.matches_at(pattern, text, anchors.bracket_word_starts(text))]
        assert fast == [m.span() for m in pattern.finditer(text)]
    fast = [m.span() for m in anchors.matches_at(prose.SEX_AGE_RE, text, prose._sex_age_starts(text))]
    assert fast == [m.span() for m in prose.SEX_AGE_RE.finditer(text)]


HOLIDAY_PIECES = st.sampled_from(
    ["Christmas", "Eve", "New", "Year's", "Year’s", "Day", "Mother's", "St.", "Patrick's", "Good", "Friday",
     "Labour", "July", "4th", "of", "pre-", "-time", "x", "2019", " ", ", ", "\n", "_", "é", "Canada"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(HOLIDAY_PIECES, max_size=12), st.sampled_from([" ", ""]))
def test_holiday_gate_is_necessary(pieces: list[str], sep: str) -> None:
    temporal = importlib.import_module("stories.detect.temporal")
    text = sep.join(pieces)
    if temporal._HOLIDAY_SCAN.search(text):
        assert temporal._may_name_holiday(text)


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
     "Partners", "and Sons", "y Asociados", "Hermanos", "plc", "Inc.", "x", "Group", "e.V.", "e. G.", "N.V.",
     "B.V.", "KGaA", "OHG", "GbR", "UG", "mbH", "SARL", "EURL", "SNC", "SpA", "SPA", "SRL", "Srl", "s.r.l.",
     "S.Coop.", "Pty Ltd", "LLC", "LLP", "PLC", "Limited", "Corp", "Doanh nghiệp tư nhân", "Tập Đoàn", "MTV",
     "und Partner", "i Syn", "i Wspólnicy", "et Fils", "e Figli", "& Sons", "& asociados", "SE", "AG", "NV",
     "BV", "VOF", "C.V.", "S.K.A.", "Sp. k.", "e", "y", "i", "an", "S", "Sa"]
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


YEAR_PART_PIECES = st.sampled_from(
    ["the", "end", "END", "of", "OF", "early", "Late", "mid", "MİD", "mid-", "first", "half", "very", "a",
     "finales", "de", "del", "fin", "début", "DÉBUT", "mi-", "d'", "d’", "au", "à la", "-", " ", "\n",
     " " * 9, "x", "2019", "'19"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(YEAR_PART_PIECES, max_size=10), st.sampled_from([" ", ""]))
def test_year_part_gate_is_necessary(pieces: list[str], sep: str) -> None:
    dates_named = importlib.import_module("stories.detect.dates_named")
    text = sep.join([*pieces, "2021"])
    for lo in range(len(text)):
        if any(m.end() == len(text) for m in dates_named.YEAR_PART_RE.finditer(text, lo)):
            assert dates_named._year_part_may_end(text, lo, len(text))


def _festival_names() -> list[str]:
    """One spelling of each alternative of `prose._FESTIVALS`, optional parts left out."""
    body = prose._FESTIVALS.replace("(?i:", "(?:")
    body = re.sub(r"\(\?:\\s\+(?:Eve|Day)\|\\s\+(?:Eve|Day)\)\?|\(\?:\\s\+Eve\|\\s\+Day\)\?", "", body)
    body = re.sub(r"\(\?:'s\)\?|\(\?:\\s\+al-\\w\{4,6\}\)\?", "", body)
    body = body.replace(r"\s+", " ").replace("[A-Z][a-z]{2,15}", "Xyz").replace("(?:", "").replace(")", "")
    return body.split("|")


def test_festival_gate_passes_every_festival() -> None:
    names = _festival_names()
    assert "Christmas" in names and "Chinese New Year" in names and "Xyz Day" in names
    for name in [*names, "Eid al-Adha", "Christmas Eve", "New Year's Day"]:
        for tail in ("", " weekend", " of", ",", " Holidays"):
            text = f"x {name}{tail} 2019"
            assert prose.FESTIVAL_YEAR_RE.search(text), text
            assert prose._festival_may_end(text, len(text) - 4), text


ROMANCE_PIECES = st.sampled_from(
    ["la", "LAS", "el", "Los", "le", "les", "Navidad", "fiestas", "de", "DE", "del", "d'", "d’", "DİA", "x",
     " ", "\n", "  ", "2019"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(ROMANCE_PIECES, max_size=10), st.sampled_from([" ", ""]))
def test_romance_year_gate_is_necessary(pieces: list[str], sep: str) -> None:
    dates_named = importlib.import_module("stories.detect.dates_named")
    text = sep.join([*pieces, "2021"])
    for lo in range(len(text)):
        if any(m.end() == len(text) for m in dates_named.ROMANCE_YEAR_RE.finditer(text, lo)):
            assert dates_named._romance_may_end(text, lo, len(text))
