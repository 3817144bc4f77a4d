"""Ages stated without a cue word, as people introduce themselves.

`temporal` and `prose` read ages after a cue ("I was 34", "tengo 47 años").
Stories also give an age as an aside after a name or a handle, or as a
fragment of its own: "Sneha, 26F, software tester", "Earl Jr., 63, retired",
"(u/someone on here), 19, from", "Harcourt, 29yrs.", "Nuria, 47 años",
"Marie, trente-deux ans", "Neecy. 36, born in"; and in French after
"j'avais", "à" or "a" ("à 25 ans").  What makes these ages is their place:
an aside between commas right after a name, or a number standing alone as a
sentence right after one, or a number of years ("ans") after a cue; not the
words of one story.  Durations ("depuis 3 ans", "il y a 5 ans", "10 años
de dolor") have their own cue words and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stories.findings import Finding

from . import vocab
from .anchors import lowered

_NUM = vocab.NUMBER_AGE
_FR_UNITS = "deux|trois|quatre|cinq|six|sept|huit|neuf"
_FR_SPELLED = (
    rf"(?:(?:vingt|trente|quarante|cinquante|soixante)(?:[-\s]et[-\s]une?|-(?:{_FR_UNITS}|dix|onze|douze))?"
    r"|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf)"
)
# What may follow the number in an aside: a sex letter, a unit of years, "años", "anos", "ans",
# "anni", "Jahre", "jaar" ("Ferdl, 62 Jahre, Elektriker").
_AGE_UNIT = r"(?:[FMf]|yrs?|yo|y/o)"  # attached; a word of years follows: "31 años" is the number
# After a name ("Sneha", "Jr.", "R.") or a closing bracket: ", 26F,", ", 63,", ", 29yrs.", ", 47 años";
# after any word when a sex letter or "yrs" is attached ("from the coast, 31yrs.").
_NAME_END = r"\b[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’-]{0,20}\.?"
ASIDE_AGE_RE = re.compile(
    rf"(?:{_NAME_END}|\)|\b[a-z]{{2,20}}(?=,\s{_NUM}(?:[FMf]|yrs?|yo)(?![\w/])))\s?,\s"
    rf"(?P<a>{_NUM}(?:{_AGE_UNIT})?(?![\w/])|{_FR_SPELLED}(?=\s+ans\b))"
    r"(?=(?:\s(?:años|anos|ans|anni|[Jj]ahre|jaar)\b)?"
    r"(?:\s?[,;:)]|\s?\.{1,3}(?:\s|$)|\s*-\s|[ \t]*(?:\n|$))|\s+ans\b)"
)  # (at a line's end too: a heading's "MY STORY: Lindiwe, 45")
# A number alone as a sentence right after a capitalised word: "Neecy. 36, born", "RGN. 42. Ward".
SENTENCE_AGE_RE = re.compile(rf"\b[A-Z][A-Za-z'’-]{{1,20}}\.\s+(?P<a>{_NUM})(?=[,.]\s+[A-Za-z])")
# French: "j'avais 22 ans", "à 25 ans", "elle a 30 ans", "âgée de 41 ans", "vers vingt-cinq ans".
FR_AGE_CUE_RE = re.compile(
    rf"(?:\bj['’](?:ai|avais)|\bà|\ba|\bavait|\bâgée?\s+de|\bvers)\s+(?P<a>{_NUM}|{_FR_SPELLED})\s+ans\b"
    r"(?!\s+(?:de\b|d['’]|plus\s+tard|après))",
    re.IGNORECASE,
)
# Spelled-out small ages after "when/since I was": "when I was nine", "since i was about seven",
# "since she was twelve".
# Scanned from "was" (a literal `re` skips to), the cue before it checked in a window.
# Small ages in words (a child's, or a memory's: "when I was nine"); read by `ages_voices` too.
SMALL_AGES = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_SMALL = SMALL_AGES
SMALL_AGE_RE = re.compile(
    rf"was\s+(?:(?:about|only|just|maybe|around|like)\s+)?(?P<a>{_SMALL})"
    r"(?=\s*[,;.!?)]|\s+(?:and|when|I|i|my|we|or|so|but|because|years?)\b)",
)
_SMALL_CUE = re.compile(r"\b(?:[Ww]hen|[Ss]ince)\s+(?:I|i|she|he|[Ss]he|[Hh]e)\s+$")
_SMALL_WORDS = frozenset(_SMALL.split("|"))
# An aside between commas later in a self-introduction: "I'm a bloke, 44, and", "i am kumari,
# full name w.m. kumari wijesinghe, fifty-six, retired teacher", "I am a mum of two, 38, from".
# The sentence opened with "I'm"/"I am"/"my name is" (no sentence end between; an initial's
# full stop is none), the number
# follows a word and stands alone (a comma, "and", a full stop after it).
_EN_SPELLED = vocab.SPELLED_AGE
SELF_ASIDE_RE = re.compile(
    r"\b(?:I'm|I’m|I\s+am|Im|my\s+name\s+is|my\s+name's|call\s+me)\s(?:[^.!?\n]|\.(?=\S)|(?<![A-Za-z]{2})\.){0,60}?[A-Za-z)],\s"
    rf"(?P<a>(?:{_NUM}|{_EN_SPELLED})(?:\s(?:años|anos|ans)\b)?)(?=\s?[,;]|\s+and\b|\s?\.(?:\s|$)|\s+-\s)",
    re.IGNORECASE,
)
# An age with the time it held at, after a comma, a bracket or a sentence's end: "primary
# vaginismus, 26 at the time,", "I'm Jolene, 30 this year." (not "I took 30 at the time").
TIMED_AGE_RE = re.compile(
    rf"(?:[,(]|[.!?](?=\s))\s+(?P<a>{_NUM}|{_EN_SPELLED})\s+(?:at\s+the\s+time|this\s+year|that\s+year)\b",
    re.IGNORECASE,
)
# Two people's age at once: "married in the summer of 2021, both 27, and", "we were both 30.".
BOTH_AGE_RE = re.compile(
    rf"both\s+(?:aged\s+)?(?P<a>{_NUM}|{_EN_SPELLED})(?=\s?[,;.)]|\s+(?:and|now|then|when)\b)", re.IGNORECASE
)
_BOTH_AFTER = re.compile(r"(?:,|\b(?:were|are|we're|we’re))\s+$", re.IGNORECASE)
# Cheap gates, each starting with a literal ("," or "."): where an aside or a fragment can be.
_ASIDE_GATE = re.compile(rf",\s(?:{_NUM}|[a-z][a-z-]{{3,20}}\s+ans\b)")
_SENTENCE_GATE = re.compile(rf"\.\s+{_NUM}[,.]")
_SELF_GATE = re.compile(
    rf",\s(?:{_NUM}|{_EN_SPELLED})(?:\s(?:años|anos|ans))?(?:\s?[,;.]|\s+and\b|\s+-\s)", re.IGNORECASE
)


def _around(
    rx: re.Pattern[str], gate: re.Pattern[str], text: str, before: int = 26
) -> Iterator[re.Match[str]]:
    """Matches of `rx` in a window around each hit of `gate` (each span once)."""
    seen: set[tuple[int, int]] = set()
    for g in gate.finditer(text):
        lo = max(0, g.start() - before)
        if lo:
            space = text.find(" ", lo, g.start())
            lo = space + 1 if space >= 0 else g.start() - 1
        for m in rx.finditer(text, lo, min(len(text), g.end() + 24)):
            if m.span() not in seen:
                seen.add(m.span())
                yield m


def find_bare_ages(text: str, words: frozenset[str] | set[str]) -> Iterator[Finding]:
    """AGE findings for the asides, fragments, timed ages and French and small spelled forms above.

    `words` is the story's set of lowercase words (`tokens.Columns.lows`), for gates.
    """
    found = [(_around(ASIDE_AGE_RE, _ASIDE_GATE, text), "aside-age")]
    if ". " in text:
        found.append((_around(SENTENCE_AGE_RE, _SENTENCE_GATE, text), "sentence-age"))
    low = lowered(text)
    if "i'm" in low or "i am" in low or "im " in low or "name" in low or "call me" in low or "i’m" in low:
        found.append((_around(SELF_ASIDE_RE, _SELF_GATE, text, 80), "self-aside-age"))
    if " ans" in low:
        found.append((FR_AGE_CUE_RE.finditer(text), "age-fr"))
    if "both " in low:
        both = BOTH_AGE_RE.finditer(text)  # (from "both", a literal; what comes before it then)
        shared = (m for m in both if _BOTH_AFTER.search(text, max(0, m.start() - 8), m.start()))
        found.append((shared, "both-age"))
    if " at the time" in low or " this year" in low or " that year" in low:
        found.append((TIMED_AGE_RE.finditer(text), "timed-age"))
    if "was" in words and not _SMALL_WORDS.isdisjoint(words):
        small = SMALL_AGE_RE.finditer(text)
        cued = (m for m in small if _SMALL_CUE.search(text, max(0, m.start() - 24), m.start()))
        found.append((cued, "spelled-age"))
    for matches, source in found:
        for m in matches:
            yield Finding("AGE", m.start("a"), m.end("a"), 0.7, source)
