"""Numbers that are no house number, for the street rules (`places`).

A number followed by capitalised words reads like an address ("12 Baker Street", "7
Pemberton"), and most are; but stories are full of numbers that open no street: a
label's number ("Week 2, Run 1", "Grade 11 English", a line "Week 6⏎"), a count of one
English word ("23 Comments", "2 Prolapse surgeries"), an age and a sex letter ("32 M.",
"24F"), a day ("Week 1, Monday"), a festival's year ("Purim 5783"), a month's day ("March
12 Smith rang"), a clinical note's number ("0700 PT OOB"), or a number whose line ends and
whose next line starts with an everyday word ("0732⏎Sent from my iPhone").  Each test
here reads a few characters around the number.
"""

from __future__ import annotations

import re

from . import street_words, vocab
from .chart_words import ABBREVIATIONS
from .holidays import FESTIVAL_NAMES
from .lexicon import english_form, lexicon, lowercase_word

_NUMBER_THEN_BREAK = re.compile(r"\d{1,5}[A-Za-z]?(?:[-–/]\d{1,5})?,?[ \t]*\n")
_LABEL_BEFORE = re.compile(r"(?:^|\n)[ \t#*-]*([A-Za-z]+)[ \t]+(?:\d{1,5}[ \t]*[-–][ \t]*)?$")


# Words before a number that belong to an address: "Suite 680⏎Kissousa", "Flat 3⏎Hove".
_ADDRESS_LABELS = street_words.STREET_HEADS | vocab.words(
    "suite flat apt apartment unit floor room box block building house level plot lot door bay po"
)


# After a number, what makes it no house number: an age and sex ("32 M.", "24F"), a day of
# the week ("Week 1, Monday"); the next line's first word ("0732⏎Sent from my iPhone").
_SEX_AFTER = re.compile(r"\d{1,3},?[ \t]?[MF]\b(?![.'’]?\w)")


# Words before a number that make it a label's number, not a house number (on one line).
_LABEL_BEFORE_NUMBER = re.compile(
    r"\b(?:week|day|month|session|level|step|stage|round|part|chapter|grade|size|type|phase|run|set|"
    r"cycle|year|class|form|page|episode|season|bed|room|gate|platform)[ \t]+$",
    re.IGNORECASE,
)
# The word before a number that makes it a year or a day: a month or a festival's last word.
_WORD_BEFORE_NUMBER = re.compile(r"([A-Za-z]+)[ \t]+$")
_DATE_WORDS = frozenset((*vocab.MONTHS, *vocab.MONTH_ABBR, *FESTIVAL_NAMES))


def after_date_word(text: str, p: int) -> bool:
    """Is the number at `p` right after a month or a festival ("Purim 5783", "March 12")?"""
    before = _WORD_BEFORE_NUMBER.search(text, max(0, p - 24), p)
    return before is not None and before.group(1).lower() in _DATE_WORDS


_TOKEN_AFTER = re.compile(r"[^\W\d_][\w'’.-]*")
_TITLE_WORD = re.compile(r"[A-Z][a-z'’]+")
_FIRM_WORDS = frozenset({"inc", "ltd", "llc", "co", "corp", "plc", "group", "box"})


def _only_words(found: str) -> bool:
    """Is the word after the number one English word in title case that the dictionary
    writes in lower case, no street head, firm's word, town or name ("23 Comments", "2
    Prolapse"; not "12 Oak Lane", "47, Quarry Run", "3 Round Stones Inc", "BARMOLLOCH")?"""
    words = _TOKEN_AFTER.findall(found)
    if len(words) != 1:
        return False
    lex = lexicon()
    return all(
        _TITLE_WORD.fullmatch(w)
        and lowercase_word(w.lower())
        and w.lower() not in street_words.STREET_HEADS
        and w.lower() not in _FIRM_WORDS
        and w.lower() not in lex.cities_lower
        and not lex.is_name(w)
        for w in words
    )


def no_street_after(text: str, m: re.Match[str]) -> bool:
    """Is the loose address `m` a number and words that name no street: a number after a
    label ("Week 2, Run 1", "Grade 11 English"), a count of English words ("23 Comments",
    "2 Prolapse"), an age and sex, a weekday, or a line break followed by an everyday
    English word that no town list holds?"""
    if _SEX_AFTER.match(text, m.start()):
        return True
    if _LABEL_BEFORE_NUMBER.search(text, max(0, m.start() - 10), m.start()):
        return True
    if after_date_word(text, m.start()):
        return True  # "By Purim 5783 Yossi and I", "March 12 Smith rang": a date, then a name
    if _only_words(m.group()):
        return True
    first = _FIRST_WORD.match(text, m.start(), m.end())
    if first is None:
        return False
    low = first.group(1).lower()
    if low in vocab.WEEKDAYS:
        return True
    return (
        "\n" in first.group()
        and english_form(low)
        and low not in lexicon().cities_lower
        and low not in vocab.PLACE_PREFIXES  # "240⏎ West Brook": an address's next line
    )


def numbered_label(text: str, p: int) -> bool:
    """Is the number at `p` the end of a label line ("Week 6", "Month 4", "WEEK 1–4",
    "Session 1"): an English word and the number alone on their line?  Then the next
    line's first word is no street."""
    if not _NUMBER_THEN_BREAK.match(text, p):
        return False
    label = _LABEL_BEFORE.search(text, max(0, p - 40), p)
    if label is None:
        return False
    word = label.group(1).lower()
    return english_form(word) and word not in _ADDRESS_LABELS


_CHART_WORDS = ABBREVIATIONS | vocab.CLINICAL
_FIRST_WORD = re.compile(r"[\d/]+[A-Za-z]?,?\s+([\w'’.-]+)")


def chart_word_after(text: str, start: int, end: int) -> bool:
    """Is the first word after the number clinical shorthand ("0700 PT OOB", "8 Physio")?"""
    m = _FIRST_WORD.match(text, start, end)
    return m is not None and m.group(1).casefold() in _CHART_WORDS
