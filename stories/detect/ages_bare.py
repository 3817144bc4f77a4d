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

_NUM = r"(?:1[3-9]|[2-9]\d)"
_FR_UNITS = "deux|trois|quatre|cinq|six|sept|huit|neuf"
_FR_SPELLED = (
    rf"(?:(?:vingt|trente|quarante|cinquante|soixante)(?:[-\s]et[-\s]une?|-(?:{_FR_UNITS}|dix|onze|douze))?"
    r"|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf)"
)
# What may follow the number in an aside: a sex letter, a unit of years, "años", "ans".
_AGE_UNIT = r"(?:[FMf]|yrs?|yo|y/o|\s?años|\s?ans)"
# After a name ("Sneha", "Jr.", "R.") or a closing bracket: ", 26F,", ", 63,", ", 29yrs.", ", 47 años";
# after any word when a sex letter or "yrs" is attached ("from the coast, 31yrs.").
_NAME_END = r"\b[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’-]{0,20}\.?"
ASIDE_AGE_RE = re.compile(
    rf"(?:{_NAME_END}|\)|\b[a-z]{{2,20}}(?=,\s{_NUM}(?:[FMf]|yrs?|yo)(?![\w/])))\s?,\s"
    rf"(?P<a>{_NUM}(?:{_AGE_UNIT})?(?![\w/])|{_FR_SPELLED}(?=\s+ans\b))"
    rf"(?=\s?[,;:)]|\s?\.{{1,3}}(?:\s|$)|\s*-\s|\s+ans\b)"
)
# A number alone as a sentence right after a capitalised word: "Neecy. 36, born", "RGN. 42. Ward".
SENTENCE_AGE_RE = re.compile(rf"\b[A-Z][A-Za-z'’-]{{1,20}}\.\s+(?P<a>{_NUM})(?=[,.]\s+[A-Za-z])")
# French: "j'avais 22 ans", "à 25 ans", "elle a 30 ans", "âgée de 41 ans".
FR_AGE_CUE_RE = re.compile(
    rf"(?:\bj['’](?:ai|avais)|\bà|\ba|\bavait|\bâgée?\s+de)\s+(?P<a>{_NUM}|{_FR_SPELLED})\s+ans\b"
    r"(?!\s+(?:de\b|d['’]|plus\s+tard|après))",
    re.IGNORECASE,
)
# Spelled-out small ages after "when/since I was": "when I was nine", "since i was about seven".
SMALL_AGE_RE = re.compile(
    r"\b(?:when|since)\s+(?:I|i)\s+was\s+(?:(?:about|only|just|maybe|around)\s+)?"
    r"(?P<a>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?=\s*[,;.!?)]|\s+(?:and|when|I|i|my|we|or|so|but|because|years?)\b)",
)
_GATES = (", ", ". ", "ans", "was")


def find_bare_ages(text: str) -> Iterator[Finding]:
    """AGE findings for the asides, fragments and French and small spelled forms above."""
    if not any(g in text for g in _GATES):
        return
    for rx, source in (
        (ASIDE_AGE_RE, "aside-age"),
        (SENTENCE_AGE_RE, "sentence-age"),
        (FR_AGE_CUE_RE, "age-fr"),
        (SMALL_AGE_RE, "spelled-age"),
    ):
        for m in rx.finditer(text):
            yield Finding("AGE", m.start("a"), m.end("a"), 0.7, source)
