"""The words that make a date one day, found around a date the rules found.

"the Friday before Mother's Day 2023", "the Sunday after Thanksgiving '21": a weekday
before or after a named day is that day's neighbour, and the finding takes it in.
"el sábado 17 de junio de 2023", "le samedi 18 septembre 2021": a Spanish or French
date keeps its weekday, as an English one keeps "Tuesday the 14th".
"from 2 to 9 March 2020", "from the 9th to the 13th of January 2023", "Feb–Apr 2021": a range
of days or of months is one finding; "w/c 11/01/21", "o dia 3 de novembro de 2021" keep their label.
"the first week of December 2023", "the long weekend in May 2021", "half-term in February 2024":
the part of a month that narrows it to a few days is part of the date, and so is a day's
ordinal before a festival's month ("the ninth of Ramadan 1444").
"""

from __future__ import annotations

import re

from stories.findings import Finding

from . import vocab

_WEEKDAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_RELATIVE_BEFORE = re.compile(
    rf"(?:\bthe\s+)?\b(?:{_WEEKDAYS}|day|night)\s+(?:before|after)\s+$", re.IGNORECASE
)
# Spanish and French weekdays (read by the place rules too: a weekday ends a place's name).
ROMANCE_WEEKDAYS = vocab.words(
    "lunes martes miércoles miercoles jueves viernes sábado sabado domingo"
    " lundi mardi mercredi jeudi vendredi samedi dimanche"
)
_ROMANCE_WEEKDAYS = f"(?:{'|'.join(sorted(ROMANCE_WEEKDAYS, key=len, reverse=True))})"
_ROMANCE_BEFORE = re.compile(rf"\b{_ROMANCE_WEEKDAYS}\s+$", re.IGNORECASE)
# "fri 24th feb", "Weds 3/5": an English weekday, whole or short, in any case, before a day
_SHORT_WEEKDAYS = ("thurs", "thur", "tues", "weds", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_BEFORE = re.compile(rf"\b(?:{'|'.join(_SHORT_WEEKDAYS)})(?:day)?\.?,?\s+$", re.IGNORECASE)
_WEEKDAY_ENDS = (*_SHORT_WEEKDAYS, "day", ".", ",")  # (a quick test of the last word before a date)
_RANGE_BEFORE = re.compile(
    r"(?:\bfrom\s+)?(?:\bthe\s+)?(?<![\d/.,])\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    r"\s*(?:-|–|to|until|till)(?:\s+the)?\s*$",
    re.IGNORECASE,
)
# "w/c 11/01/21" (week commencing), "o dia 3 de novembro", "el día 5 de mayo", "le jour 3 mars"
_LABEL_BEFORE = re.compile(r"(?:\bw/[ce]|\b(?:(?:o|el|le)\s+)?(?:dia|día|jour))\s+$", re.IGNORECASE)
_MONTH_RANGE_BEFORE = re.compile(  # "Feb–Apr 2021", "from March to June 2020"
    rf"(?:\bfrom\s+)?\b(?:{vocab.MONTH_WORDS})\.?\s*(?:-|–|to|until|till)\s*$", re.IGNORECASE
)
_ORDINAL_DAY = vocab.SPELLED_ORDINAL + r"|[0-3]?\d(?:st|nd|rd|th)"  # "ninth", "twenty-first", "14th"
_PART_BEFORE = re.compile(  # "the first week of", "the long weekend in", "half-term in", "the ninth of"
    r"(?:\bthe\s+)?\b(?:(?:first|second|third|fourth|last|final|middle|early|late)\s+"
    r"(?:week(?:end)?|fortnight|few\s+days|days|half|part)\s+of|(?:" + _ORDINAL_DAY + r")\s+of"
    r"|(?:long\s+weekend|half[- ]?term|"
    r"bank\s+holiday(?:\s+weekend)?|spring\s+break|reading\s+week)\s+in)\s+$",
    re.IGNORECASE,
)
# A day written with a dot before a month, as German and the Scandinavian languages write
# it, whatever the month's language: "17. mai 2022", "4. december 2019".
_DAY_DOT_BEFORE = re.compile(r"(?<=[ \t(,])(?:[12]\d|3[01]|0?[1-9])\.[ \t]+$")  # (not a list's "1. ")
_REACH = 32  # characters before a date that these words can take


def widen_dates(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` with each DATE widened over the words before it that make it one day."""
    return [_widened(text, f) if f.kind == "DATE" else f for f in findings]


def _widened(text: str, f: Finding) -> Finding:
    """`f` (a DATE that holds a digit) widened over a relative day, a Romance weekday, the
    first day of a range, a part of a month or a dotted day right before it; otherwise `f`."""
    if not any(c.isdigit() for c in text[f.start : f.end]):
        return f  # "Mother's Day" alone is no one day, whatever comes before it
    start, lo = f.start, max(0, f.start - _REACH)
    last = text[lo:start].rstrip().lower()  # (cheap tests of the last word before each scan)
    m = None
    if last.endswith(("before", "after")):
        m = _RELATIVE_BEFORE.search(text, lo, start)
    elif text[start].isdigit() and last.endswith(_ROMANCE_DAY_ENDS):
        m = _ROMANCE_BEFORE.search(text, lo, start)
        if m is None and last.endswith(_WEEKDAY_ENDS):
            m = _WEEKDAY_BEFORE.search(text, lo, start)
    elif text[start].isdigit() and last.endswith(_WEEKDAY_ENDS):
        m = _WEEKDAY_BEFORE.search(text, lo, start)
    elif last.endswith(("-", "–", "to", "until", "till", "the")) and (
        text[start].isdigit() or text.startswith("the ", start)
    ):
        m = _RANGE_BEFORE.search(text, lo, start)
    elif last.endswith(("-", "–", "to", "until", "till")):
        m = _MONTH_RANGE_BEFORE.search(text, lo, start)
    elif text[start].isdigit() and last.endswith(("w/c", "w/e", "dia", "día", "jour")):
        m = _LABEL_BEFORE.search(text, lo, start)
    elif last.endswith((" of", " in")):
        m = _PART_BEFORE.search(text, lo, start)
    elif text[start].isalpha() and last[-2:-1].isdigit() and last.endswith("."):
        m = _DAY_DOT_BEFORE.search(text, lo, start)
    if m is None:
        return f
    return Finding(f.kind, m.start(), f.end, f.score, f.source, f.note)


# Last letters of lunes...viernes, sábado, domingo, lundi...samedi, dimanche.
_ROMANCE_DAY_ENDS = ("es", "do", "go", "di", "che")
