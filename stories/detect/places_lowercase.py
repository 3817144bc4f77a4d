"""Addresses and streets typed in lowercase, as texters write them.

"41 simonside terrace, ne6 5ll", "3911 fourth avenue": a house number, one to three
words and a street word, kept when a word of the street's name is no very common word
or a postcode follows on the line ("22 college court, castletroy, co. limerick V94
TX82"); "live just off county road", "near commercial drive": a street word after a
street cue and one or two words that are no function words, without a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress

from stories.findings import Finding

from . import vocab
from .language import story_words
from .lexicon import lexicon
from .places import POSTCODE_RE
from .tokens import shared_columns, word_class
from .vocab import FUNCTION as FUNCTION_WORDS

_DIGIT = re.compile(r"\d")
# An address typed in lowercase: "41 simonside terrace, ne6 5ll", "3911 fourth avenue".
_LOWER_STREETS = vocab.words(
    "street road lane avenue terrace close drive crescent way grove place gardens court rd st ave"
)
LOWER_ADDRESS_RE = re.compile(
    r"(?:(?:unit|flat|apt)[ \t]+)?(?<![\w.])(?:\d{1,5}/)?\d{1,5}[a-z]?[ \t]+"
    r"(?P<words>(?:[a-z][a-z'-]{1,30}[ \t]+){1,3})"
    rf"(?:{'|'.join(sorted(_LOWER_STREETS, key=len, reverse=True))})\b"
    r"(?:,?[ \t]+[a-z]{1,2}\d[a-z\d]?[ \t]?\d[a-z]{2}\b)?"
)
_LOWER_STREET_CLASS = word_class(_LOWER_STREETS)


def find_lowercase_places(text: str) -> Iterator[Finding]:
    """LOCATION findings for lowercase addresses, streets and districts (see module docstring)."""
    if not _DISTRICT_HEADS.isdisjoint(shared_columns(text).low_set()):
        yield from _lowercase_districts(text)
    if not _LOWER_STREETS.isdisjoint(shared_columns(text).low_set()):
        yield from _lowercase_addresses(text)
        yield from _lowercase_streets(text)


def _lowercase_addresses(text: str) -> Iterator[Finding]:
    """LOCATION findings for addresses typed in lowercase, when a word of the street's
    name is not a very common word ("41 simonside terrace", not "3 more close calls")."""
    lex = lexicon()
    cols = shared_columns(text)
    lows, words_ = cols.lows, cols.words
    done = 0
    for k in cols.marked(_LOWER_STREET_CLASS, 1):
        end = cols.end(k)
        start = max(done, end - 120)
        if words_[k] != lows[k] or not _DIGIT.search(text, start, end):
            continue  # a street word in lowercase with a house number before it
        m = LOWER_ADDRESS_RE.search(text, start, min(len(text), end + 12))
        if not m:
            continue
        done = m.end()
        words = m.group("words").split()
        coded = _postcode_later_on_line(text, m.end())
        if coded or any(w not in lex.very_common_lower and w not in FUNCTION_WORDS for w in words):
            done = max(done, coded)
            yield Finding("LOCATION", m.start(), max(m.end(), coded), 0.6, "street-address")


_ADDRESS_TAIL_MAX = 60


def _postcode_later_on_line(text: str, pos: int) -> int:
    """End of a postcode on the same line within a few words after `pos` ("22 college
    court, castletroy, co. limerick V94 TX82"), or 0: then the street's words, however
    common, are an address."""
    stop = text.find("\n", pos, pos + _ADDRESS_TAIL_MAX)
    end = stop if stop >= 0 else min(len(text), pos + _ADDRESS_TAIL_MAX)
    m = POSTCODE_RE.search(text, pos, end) or _STATE_CODE.search(text, pos, end)
    return m.end() if m else 0


# A state and its postcode after a town, as Australians and Americans write them:
# "marrickville nsw 2204", "austin TX 78701".
_STATE_CODE = re.compile(r"\b(?:(?i:nsw|vic|qld|tas|act)|[A-Z]{2})[ \t]+\d{4,5}\b(?![.,:/]?\d)")


# Where a street without a number is named: "live just off county road", "near commercial
# drive", "a flat on trelowarren street".
_STREET_CUES = frozenset({"off", "near", "on", "along", "live", "lives", "lived", "living"})


def _lowercase_streets(text: str) -> Iterator[Finding]:
    """LOCATION findings for a street typed in lowercase without a house number: one or
    two words that are no function words, then a street word, right after a street cue."""
    return _cued_names(text, _LOWER_STREET_CLASS, _STREET_CUES, FUNCTION_WORDS, "lowercase-street")


def _cued_names(
    text: str, heads: int, cues: frozenset[str], not_before: frozenset[str], source: str
) -> Iterator[Finding]:
    """LOCATION findings for one or two lowercase words (none in `not_before`) and a head of
    word class `heads`, all in lowercase, right after one of `cues`."""
    cols = shared_columns(text)
    lows, words_, gaps = cols.lows, cols.words, cols.gaps
    foreign: frozenset[str] | None = None
    for k in compress(range(2, len(lows)), cols.marks(heads)[2:]):
        if words_[k] != lows[k]:
            continue
        if foreign is None:  # (once, for the first candidate)
            foreign = story_words(cols)
        if lows[k - 1] in foreign:
            continue  # "in piena estate" in an Italian story: its own words
        for size in (1, 2):
            first = k - size
            cue = first - 1
            if cue < 0 or not all(
                words_[m] == lows[m] and lows[m] not in not_before and gaps[m + 1] == " "
                for m in range(first, k)
            ):
                break
            if lows[cue] in cues and gaps[first] == " ":
                yield Finding("LOCATION", cols.start(first), cols.end(k), 0.5, source)
                break


# A district's last word, typed in lowercase after "from", "in", "at" or "near": "from
# orchard park in hull", "from cannons creek", "in north city" (not "the car park").
_DISTRICT_HEADS = vocab.words(
    "park creek hills heights vale fields woods ridge bay beach city village estate valley springs"
)
_DISTRICT_CLASS = word_class(_DISTRICT_HEADS)
_DISTRICT_CUES = frozenset({"from", "in", "at", "near", "fae"})
_GENERIC_BEFORE_HEAD = vocab.words(
    """car theme water national local public big small skate trailer industrial retail business
    holiday country caravan inner home safari amusement wildlife nature the a my our this that
    same other old new ball dog play science"""
)


def _lowercase_districts(text: str) -> Iterator[Finding]:
    """LOCATION findings for one or two lowercase words and a district's last word right
    after a place cue ("from orchard park", "in north city"), none of them a function word
    or a word that makes the phrase a kind of place ("car park", "theme park")."""
    return _cued_names(text, _DISTRICT_CLASS, _DISTRICT_CUES, FUNCTION_WORDS | _GENERIC_BEFORE_HEAD,
                       "lowercase-district")
