"""Towns typed in lowercase, after a place preposition.

"if you're in sydney", "from boston", "fae leith", "from moyross": a lowercase word after
"in", "from", "near", "outside" or "moved to" is a town when the city list knows it and it
is not a very common word ("in bed", "in march", "from work" stay words), or when no word
list knows it or the dictionary writes it only with a capital (a suburb too small for the
city list).  A word of the story's own language is no town ("in piena pandemia").  A
hashtag that is a large town's name is that town ("#mumbai", "#montréal").
"""

from __future__ import annotations

import re

from stories.findings import Finding

from . import vocab
from .language import story_words
from .lexicon import (
    Lexicon,
    derived_form,
    dictionary_words,
    everyday_words,
    lexicon,
    lowercase_word,
    proper_nouns,
)
from .tokens import shared_columns, word_class

SAINTS = frozenset({"st", "saint"})

_DATE_WORDS = frozenset(vocab.MONTHS) | frozenset(vocab.WEEKDAYS)
_TOWN_PREPOSITIONS = frozenset({"in", "from", "fae", "near", "outside", "to", "off"})  # "fae": Scots "from"
_TOWN_CLASS = word_class(_TOWN_PREPOSITIONS)
AFTER_MOTION = frozenset({"up", "back", "down", "over", "out"})


def _motion_before(lows: list[str], p: int) -> bool:
    """Is the "to" at token p after a motion verb ("moved to", "moved up to")?"""
    if p >= 1 and lows[p - 1] in vocab.MOTION:
        return True
    return p >= 2 and lows[p - 1] in AFTER_MOTION and lows[p - 2] in vocab.MOTION


def unknown_place_word(lex: Lexicon, low: str) -> bool:
    """A lowercase word no word list knows, after "from" or "in": a suburb or a town too
    small for the city list ("from moyross", "in southie"); names count ("from heaton")."""
    return (
        low.isalpha()
        and low not in lex.ordinary_lower
        and not derived_form(low)
        and low not in dictionary_words()  # "stuck in flinch mode", "in dermatology"
        and not lex.is_safe(low)
        and low not in lex.first_lower
    )


def _proper_place(lex: Lexicon, low: str) -> bool:
    """A word the dictionary writes only with a capital and that names no person ("fae
    leith", "from govan"): after "from" or "in", typed in lowercase, a place."""
    return low in proper_nouns() and low not in lex.names_lower and not lex.is_safe(low)


def find_lowercase_towns(text: str) -> list[Finding]:
    """LOCATION findings for towns written in lowercase after a place preposition."""
    cols = shared_columns(text)
    lows, words, gaps = cols.lows, cols.words, cols.gaps
    lex = lexicon()
    cities = lex.cities_lower
    everyday = everyday_words()
    out = []
    n = len(lows)
    foreign: frozenset[str] | None = None
    for p in cols.marked(_TOWN_CLASS, 0, n - 1):
        if lows[p] == "to" and not _motion_before(lows, p):
            continue  # "talked to", but "moved to", "went back to"
        k = p + 1
        word = words[k]
        low = lows[k]
        if low in SAINTS and k + 1 < n and words[k + 1].islower() and gaps[k + 1] in (" ", ". "):
            if lows[k + 1] not in vocab.FUNCTION:  # "from st just", "off st. charles"
                out.append(Finding("LOCATION", cols.start(k), cols.end(k + 1), 0.5, "lowercase-town"))
            continue
        if not word.islower() or len(word) < 4 or gaps[k] != " ":
            continue
        unknown = unknown_place_word(lex, low) or _proper_place(lex, low)
        if low not in cities and not (lows[p] != "to" and unknown):
            continue
        if low in everyday or lex.is_safe(low) or low in vocab.FUNCTION or low in _DATE_WORDS:
            continue
        if foreign is None:
            foreign = story_words(cols)  # (once, for the first candidate)
        if low in foreign:
            continue  # "in piena pandemia" in an Italian story: a word of its language
        start = cols.start(k)
        end = start + len(cols.bases[k])
        if k + 1 < n and gaps[k + 1] == " " and f"{low} {lows[k + 1]}" in cities:
            end = cols.end(k + 1)  # "from belo horizonte", "in san antonio"
        out.append(Finding("LOCATION", start, end, 0.5, "lowercase-town"))
    return out


_HASHTAG = re.compile(r"(?<![\w&])#(\w{3,30})\b")


def find_town_hashtags(text: str) -> list[Finding]:
    """LOCATION findings for hashtags that name a large town ("#mumbai", "#montréal")."""
    if "#" not in text:
        return []
    towns = lexicon().large_towns_lower
    out = []
    for m in _HASHTAG.finditer(text):
        tag = m.group(1)
        low = tag.casefold()
        if low in towns and (tag[0].isupper() or not lowercase_word(low)):  # "#bath" a bath, "#Bath" a town
            out.append(Finding("LOCATION", m.start(1), m.end(1), 0.5, "town-hashtag"))
    return out
