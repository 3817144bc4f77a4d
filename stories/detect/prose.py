"""Ages and dates as people write them in running prose, in English, Spanish and French.

The rules of `temporal` read ages after a cue ("I was 34") and dates built
around a capitalised month.  Real stories also say: "Grace (34)", "Kayla, 29,",
"I was thirty-one", "tengo 47 años", "j'ai 30 ans"; "spring of 2020",
"Hogmanay 2021", "mardi gras 2022", "July of 2021", "jan '19", "may 6th", "2019 March",
"March through October 2023", "diciembre de 2020", "15 de agosto", "24 juin".

Every pattern is bounded (fixed alternatives, `{m,n}` repeats, no nested
unbounded repeats), so each match attempt costs a constant; the scans are
gated on cheap substring tests so that most stories pay for none of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stories.findings import Finding

from . import vocab
from .ages_bare import find_bare_ages
from .ages_forms import find_age_forms
from .ages_profile import find_profile_ages
from .ages_voices import CHILD_WORDS, find_voice_ages
from .anchors import begins_word, bracket_word_starts, digit_runs, find_all, matches_at
from .dates_named import find_named_dates, year_festivals
from .dates_world import find_world_dates
from .holidays import FESTIVAL_NAMES, FESTIVALS
from .lexicon import lexicon
from .tokens import Columns, shared_columns, word_class

SPELLED_AGE = vocab.SPELLED_AGE
_NUM_AGE = r"(?:1[0-9]|[2-9][0-9])"
# What may follow an age; a unit or "of" means the number counts something else.
_AGE_AFTER = (
    r"(?=\s*(?:[,;.!?)]|$)|\s+(?:now|when|and|but|at|in|from|I\b|i\b|yrs?\b|years?\b|y/o|with|which|so|"
    r"because|after|before|living|mum|mom|mother|married|single|had|have|was|is|y\b|años|ans|"
    r"en\b|de\b|con\b|like|this|last|then|too|already|or|myself|the\b|my\b|we\b|"
    # "till forty-two to hear it", not a time of day ("twenty to six")
    r"to\s+(?!\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|midnight|noon))|\s*\n)"
)
_AGE_NOT_AFTER = r"(?!\s*(?:%|percent|minutes?|mins?|hours?|days?|weeks?|months?|times?|of\b|euros?|pounds?))"
# "I'm Shaz (34)", "Priti (36, still scared)", "Kayla, 29,", "im gemma, 31, from", "I'm Niamh, forty-one,",
# "kenz here, 25,".
NAME_AGE_RE = re.compile(
    rf"\b(?:(?P<cap>[A-ZÀ-ÖØ-Þ][^\W\d_]{{1,20}})|(?P<low>(?<=\bim )[a-z]{{2,20}}|(?<=\bi'm )[a-z]{{2,20}})"
    rf"|(?P<here>[a-z]{{2,20}})(?=\s+here,))"
    r"(?:\s+here)?"
    rf"(?:\s{{0,2}}\(\s?(?P<a>{_NUM_AGE})(?:\s?\)|,\s(?=[a-z]))|,\s(?P<b>{_NUM_AGE}|{SPELLED_AGE})(?=,|\.(?:\s|$)|\s+(?:yrs?|years?|y/o|now)\b))"
)
# "I was thirty-one", "at sixty I had", "aged fifty-eight", "I'm twenty-three now", "he was
# twenty-two", "Summer was fifteen".
SPELLED_AGE_RE = re.compile(
    rf"\b(?:I\s+was|I\s+am|I'm|Im|I\s+turned|turned|turning|turn|aged|at\s+the\s+age\s+of|age\s+of|at\s+age|at|"
    rf"(?:he|she|(?-i:[A-Z][^\W\d_]{{1,20}}))\s+(?:was|is)|"
    rf"until|till|til|since|by|(?:when|since)\s+I\s+was|I\s+was\s+also)\s+"
    rf"(?:(?:just|only|nearly|almost|barely|about|around|maybe|roughly|like)\s+)?"
    rf"(?P<a>{SPELLED_AGE})\b{_AGE_NOT_AFTER}{_AGE_AFTER}",
    re.IGNORECASE,
)
# A child's or a relative's age in brackets after them: "our son (4)", "My husband (41)".
CHILD_AGE_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(CHILD_WORDS))}|twin|sons|daughters|husband|wife|partner|mum|mom|mother"
    r"|dad|father|sister|brother|boyfriend|girlfriend|fianc[eé]e?|nan|gran|grandma|grandad)"
    r"\s?\(\s?(?P<a>\d{1,2})\s?(?:\)|,\s)"
)  # "my daughter (16)", "My daughter (16, junior at...)"
# A child's age in brackets after a first name: "dad to Theo (5) and Junie (2)".
NAMED_CHILD_AGE_RE = re.compile(r"\b(?P<name>[A-Z][a-z]{1,20})\s?\(\s?(?P<a>[1-9])\s?\)")
# A first name and an age inside the brackets: "my grandson (Alfie, 3)", "the twins (Ava, 7, and".
BRACKETED_NAME_AGE_RE = re.compile(r"\((?P<name>[A-Z][a-z]{1,20}),\s?(?P<a>\d{1,2})\s?[,)]")
# Ages written with a sex, as forums do: "Me (F, 32)", "my husband (35M)", "I'm 27F".
SEX_AGE_RE = re.compile(
    rf"\(\s?(?:[MFmf]\s?[,/]?\s?(?P<a>{_NUM_AGE})|(?P<b>{_NUM_AGE})\s?[,/]?\s?[MFmf])\s?\)"
    rf"|\b(?:I'm|I\s+am|Im|im|i'm)\s+(?P<c>{_NUM_AGE})\s?[MFmf]\b"
)
# Spanish and French: "tengo 47 años", "tengo 23 y", "a los veinte", "desde los catorce",
# "de 35 años", "j'ai 30 ans".
_ES_TENS = "veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa"
_ES_UNITS = "uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve"
_ES_AGE = (
    rf"(?:{_NUM_AGE}|(?:{_ES_TENS})(?:\s+y\s+(?:{_ES_UNITS}))?|veinti(?:{_ES_UNITS}|trés|dós|séis)|"
    r"dieci(?:séis|seis|siete|ocho|nueve)|trece|catorce|quince)"
)
# ("cincuenta y pico", "cuarenta y tantos": a decade, as vague as "fifty-something", is no age)
ES_AGE_CUE_RE = re.compile(
    rf"\b(?:tengo|tenía|cumplí|cumplo|(?:a|desde|hasta)\s+los)\s+(?P<a>{_ES_AGE})\b(?!\s+y\s+(?:pico|tantos|algo)\b)",
    re.IGNORECASE,
)
# ("de 12 años de dolor" is a duration, "de 35 años de edad" an age; "a mis 71 años" one,
# "mi madre tiene 78 años" too, "tiene 10 años de casada" not)
ES_AGE_YEARS_RE = re.compile(
    rf"\b(?:de|con|mis|sus|tiene|tienen|cumple|cumplió)\s+(?P<a>{_ES_AGE})\s+años\b(?!\s+de\s+(?!edad))",
    re.IGNORECASE,
)
FR_AGE_RE = re.compile(rf"\bj'ai\s+(?P<a>{_NUM_AGE})\s+ans\b", re.IGNORECASE)
# German and Dutch: "Ich bin 41,", "ik ben 23 en", "ich bin jetzt 58", "58 Jahre alt", "63
# jaar oud"; not "ich bin 3 Mal", "ik ben 1,65", "ich war 20 Minuten".
_NOT_AN_AGE_AFTER = (
    r"(?![.,]\d|\s*(?:%|kg|cm|km|uhr|minuten|stunden|wochen|weken|maanden|monate|tage|dagen|keer|mal|x)\b)"
)
GERMANIC_AGE_RE = re.compile(
    rf"\b(?:ich\s+bin|ik\s+ben|ich\s+war|ik\s+was)\s+(?:(?:jetzt|nu|inzwischen|bald|schon|al)\s+)?"
    rf"(?P<a>{_NUM_AGE})\b{_NOT_AN_AGE_AFTER}|\b(?P<b>{_NUM_AGE})\s+(?:jahre|jaar)\s+(?:alt|oud)\b",
    re.IGNORECASE,
)
_GERMANIC_AGE_GATES = frozenset({"ich", "ik", "jahre", "jaar"})

_MONTHS = "|".join([*vocab.MONTHS, *sorted(vocab.MONTH_ABBR, key=len, reverse=True)])
_YEAR = r"(?:19|20)\d\d"
_SEASONS = r"spring|summer|autumn|fall|winter"
# A holiday or festival, or any "<Name> Day", before a year: "Hogmanay 2021", "Jamhuri Day 2022".
_FESTIVALS = rf"{FESTIVALS}|[A-Z][a-z]{{2,15}}\s+Day"
SEASON_YEAR_RE = re.compile(
    rf"\b(?:the\s+)?(?:(?:early|late|mid)[-\s])?(?:{_SEASONS}|(?:wet|dry|rainy)\s+season|monsoon)"
    rf"(?:\s+of)?\s+(?:{_YEAR}|'\d\d)\b",
    re.IGNORECASE,
)
FESTIVAL_YEAR_RE = re.compile(
    rf"\b(?:{_FESTIVALS})(?:\s+(?i:weekend|holidays?|break|week|morning|night))?(?:\s+of)?,?\s+(?:{_YEAR}|\d{{4}})\b"
)
# "July of 2021", "jan '19", "august 2021", "2019 March", "March through October 2023", "may 6th",
# "march 3rd 2022".
MONTH_PROSE_RE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+(?:through|to|until|till|-|–)\s+)?(?:{_MONTHS})\.?"
    rf"(?:\s+of\s+{_YEAR}|,?\s+'\d\d\b|,?\s+{_YEAR}\b|\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?:,?\s+{_YEAR}\b)?)"
    rf"|\b{_YEAR}\s+(?:{'|'.join(vocab.MONTHS)})\b",
    re.IGNORECASE,
)
_ES_MONTHS = vocab.ES_MONTHS
_FR_MONTHS = vocab.FR_MONTHS
# "15 de agosto", "diciembre de 2020", "marzo del 2022", "marzo 2024", "24 juin", "1er mars 2019",
# "janvier 2023" (a month with only its year is a date too).
ROMANCE_DATE_RE = re.compile(
    rf"\b(?:(?:[12]\d|3[01]|0?[1-9])\s+de\s+)?(?:{_ES_MONTHS})(?:\s+(?:de\s+|del\s+)?{_YEAR})?\b"
    rf"|\b(?:le\s+)?(?:[12]\d|3[01]|1er|0?[1-9])\s+(?:{_FR_MONTHS})(?:\s+{_YEAR})?\b"
    rf"|\b(?:{_FR_MONTHS})\s+{_YEAR}\b",
    re.IGNORECASE,
)
# A time of day right after a numeric date: "1992-02-08 20:15:24".
TIMESTAMP_RE = re.compile(
    r"\b(?:\d{4}-\d\d-\d\d|(?P<date>\d{1,2}/\d{1,2}/\d{2,4}))[T\s]\d\d?:\d\d(?::\d\d)?(?:\s?[AaPp][Mm])?(?!\d)"
)  # (a forum's "03/05/23 21:14": the date; its clock time names no day; an ISO stamp stays whole)

# Cheap gates: substrings (of the lowercased text) without which a scan finds nothing.
_YEAR_BEFORE = re.compile(r"(?:19|20)\d\d\s+$")
# (two patterns, each starting with a literal, which `re` skips to quickly)
_AGE_SHAPES = (
    re.compile(r"\(\s?\d\d(?:\s?\)|,\s[a-z])"),
    re.compile(r", (?:\d\d\b|[a-z]{3,6}ty\b|[a-z]{3,6}ty-|[a-z]{4,5}teen\b)"),
)
# Gates: words (token lows, see `tokens.Columns`) without which a rule finds nothing;
# testing a story's set of words against them costs one C-level set operation.
_SPELLED_GATES = vocab.SPELLED_AGE_WORDS
_SEX_LETTERS = frozenset({"f", "m"})
_ES_AGE_GATES = frozenset({"tengo", "tenía", "cumplí", "cumplo", "años", "los"})
_SEASON_GATES = frozenset([*_SEASONS.split("|"), "season", "monsoon"])
# A festival's name, or the first word of a festival named by two ("Rosh Hashanah", "Hari Raya").
_FESTIVAL_GATES = frozenset(FESTIVAL_NAMES) | vocab.words(
    "semana mardi fat shrove pancake rosh yom durga ganesh raksha karva karwa hari crop"
)
_MONTH_TOKENS = frozenset(_MONTHS.split("|"))
_MONTH_CLASS = word_class(_MONTH_TOKENS)
# Short month names that are no English word ("mar", "may" are), with a day before them.
_SHORT_MONTHS = frozenset(vocab.MONTH_ABBR) - {"mar", "may"}
_DAY_BEFORE = re.compile(r"(?<![\d.,/])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?$", re.IGNORECASE)
_ROMANCE_GATES = frozenset(_ES_MONTHS.split("|")) | frozenset(_FR_MONTHS.split("|"))


# Before its year, a festival-year match holds at most 30 characters that are
# not spaces ("Xxxxxxxxxxxxxxxx Day", "holidays", "of", ",") and at most five
# runs of spaces.  Unless a run of 20 or more spaces lies before the year, it
# so begins within 30 + 5 * 19 = 125 characters of the year, at a word start;
# and a match that began before the last 130 characters would put 100 spaces
# in five runs among them, one of 20 or more.
_FESTIVAL_REACH = 130
_LONG_SPACE = re.compile(r"\s{20}")
_WORD_START = re.compile(r"\w(?<!\w\w)")


# The last words of a `FESTIVAL_YEAR_RE` match before its year, in lowercase: a festival's
# last word, one of the words after it ("weekend"...), or "of" ("Diwali of 2019").
_FESTIVAL_LAST_WORDS = (
    *FESTIVAL_NAMES, "eve", "day", "santa", "gras", "tuesday", "year", "year's", "weekend", "holiday",
    "holidays", "break", "week", "morning", "night", "of", "over",
)  # fmt: skip


def _festival_may_end(text: str, s: int) -> bool:
    """A cheap necessary condition for a `FESTIVAL_YEAR_RE` match ending with the year at
    `s`: the word before the year (and an optional comma) ends with one of
    `_FESTIVAL_LAST_WORDS` or holds "al-" ("Eid al-Adha").  Unsure (True) when only spaces
    come before the year nearby, or letters beyond Latin-1 ("İ" is "i" to `re`)."""
    before = text[max(0, s - 40) : s].rstrip()
    if not before:
        return True
    word = before.rsplit(None, 1)[-1].removesuffix(",").lower()
    if not word.isascii() and max(word) > "\xff":
        return True
    return word.endswith(_FESTIVAL_LAST_WORDS) or "al-" in word


def _festival_years(text: str, runs: tuple[tuple[int, int], ...]) -> Iterator[re.Match[str]]:
    """`FESTIVAL_YEAR_RE.finditer(text)`, tried only at the word starts shortly
    before a year (four digits after a space: a festival may carry its own calendar's
    year): scanning every position of a story with the many holiday names costs far more."""
    starts: list[int] = []
    for s, e in runs:
        if e - s == 4 and s and text[s - 1].isspace():  # "Christmas 2019", "Nowruz 1401", "Purim 5783"
            if not _festival_may_end(text, s):
                continue  # no match ends at this year, so none starts in its reach for it
            lo = max(0, s - _FESTIVAL_REACH)
            if _LONG_SPACE.search(text, lo, s):
                return FESTIVAL_YEAR_RE.finditer(text)
            starts.extend(m.start() for m in _WORD_START.finditer(text, lo, s))
    return matches_at(FESTIVAL_YEAR_RE, text, starts)


def _sex_age_starts(text: str) -> list[int]:
    """Where a `SEX_AGE_RE` match can begin: a "(", or "I" ("I'm", "I am", "Im"),
    "im" or "i'm" at a word start."""
    starts = find_all(text, "(")
    for word in ("I", "im", "i'm"):
        starts += [i for i in find_all(text, word) if begins_word(text, i)]
    return starts


# A forum post's opening "27f from walton", "32M here, married", "23/F, penang": an age and
# a sex letter opening a line or a sentence.
LEAD_SEX_AGE_RE = re.compile(
    r"(?P<a>1[3-9]|[2-9]\d)/?[FMfm](?=,|\s+(?:from|here|and|with|in|living|married)\b)"
)
_SENTENCE_ENDS = (". ", "! ", "? ")
# Anywhere else, an age and a capital sex letter as forums write them: "ok so 24F if",
# "my wife (28F)", "Background: 37 (M)", "Me: 32 M." (a bare space only after "(" or ":");
# not "98F" after a word that measures ("it was 98F", "a fever of 99F") nor "$40M", "#2 M".
_SEX_LETTER = re.compile(r" ?[FM](?![\w'’°%])| ?\([FM]\)")
_ADULT_AGE = re.compile(vocab.NUMBER_AGE)
_MEASURE_BEFORE = re.compile(
    r"\b(?:was|is|of|at|about|around|to|reached|hit|be|been|over|under|than|a|the|only|almost|nearly)"
    r"\s+$",
    re.IGNORECASE,
)


def _leading_sex_ages(text: str) -> Iterator[Finding]:
    """AGE findings for `LEAD_SEX_AGE_RE` at a line's or a sentence's first word, and for
    an age and a capital sex letter elsewhere (`_SEX_LETTER`)."""
    for s, e in digit_runs(text):
        if e - s != 2 or text[e : e + 3].strip().lstrip("(/")[:1] not in ("F", "M", "f", "m"):
            continue
        if not s or text[s - 1] == "\n" or text[max(0, s - 2) : s] in _SENTENCE_ENDS:
            m = LEAD_SEX_AGE_RE.match(text, s)
            if m:
                yield Finding("AGE", s, m.end(), 0.7, "sex-age")
                continue
        if _forum_sex_age(text, s, e):
            yield Finding("AGE", s, e, 0.7, "sex-age")


def _forum_sex_age(text: str, s: int, e: int) -> bool:
    """Is the two-digit number text[s:e] an age before a capital sex letter (`_SEX_LETTER`)?"""
    letter = _SEX_LETTER.match(text, e)
    if letter is None or not _ADULT_AGE.fullmatch(text, s, e):
        return False
    before = text[s - 1 : s]
    if before and (before in "$£€°#.,/-" or before.isalnum()):
        return False
    if letter.group().startswith(" ") and "(" not in letter.group():
        return text[max(0, s - 2) : s].strip()[-1:] in ("(", ":")
    return _MEASURE_BEFORE.search(text, max(0, s - 10), s) is None


def _unknown_capitalised(word: str) -> bool:
    """Is `word`, capitalised before ", 24,", a name: a first name, or a word no English
    word list, town list or safe table knows ("Jiyeon"; not "Mum", "Leeds", "Tuesday")?"""
    lex, low = lexicon(), word.casefold()
    if lex.is_safe(low) or low in lex.cities_lower:
        return False
    return word in lex.first or low not in lex.ordinary_lower


def _texted_name(low: str) -> bool:
    """Is `low`, in "im ___, 21," a name: a first name, or no very common word ("maddie",
    not "tired" or "done")?"""
    lex = lexicon()
    return low in lex.first_lower or (low not in lex.very_common_lower and not lex.is_safe(low))


def _ages(text: str, words: frozenset[str] | set[str]) -> Iterator[Finding]:
    """Ages without the cue words `temporal` needs."""
    for shape in _AGE_SHAPES:
        for g in shape.finditer(text):
            for m in NAME_AGE_RE.finditer(text, max(0, g.start() - 22), min(len(text), g.end() + 12)):
                low = "low" if m.group("low") else "here" if m.group("here") else None
                named = low is not None and _texted_name(m.group(low))
                if low == "here" and not named:
                    continue  # "everyone here, 40, said": no name, so no age
                grp = "a" if m.group("a") else "b"
                yield Finding("AGE", m.start(grp), m.end(grp), 0.7, "name-age")
                if named:
                    yield Finding("PERSON", m.start(low), m.end(low), 0.7, "name-age")  # "im maddie, 21,"
                elif m.group("cap") and _unknown_capitalised(m.group("cap")):
                    yield Finding("PERSON", m.start("cap"), m.end("cap"), 0.6, "name-age")  # "A: Jiyeon, 24,"
    if not _SPELLED_GATES.isdisjoint(words):
        for m in SPELLED_AGE_RE.finditer(text):
            yield Finding("AGE", m.start("a"), m.end("a"), 0.7, "spelled-age")
    if "(" in text:
        for m in matches_at(CHILD_AGE_RE, text, bracket_word_starts(text)):
            yield Finding("AGE", m.start("a"), m.end("a"), 0.7, "child-age")
        capitals = [p - 1 for p in bracket_word_starts(text) if p and text[p - 1].isupper()]
        for m in matches_at(NAMED_CHILD_AGE_RE, text, capitals):
            if m.group("name") in lexicon().first:
                yield Finding("AGE", m.start("a"), m.end("a"), 0.7, "child-age")  # "Theo (5) and Junie (2)"
        for m in BRACKETED_NAME_AGE_RE.finditer(text):
            if m.group("name") in lexicon().first:
                yield Finding("AGE", m.start("a"), m.end("a"), 0.7, "child-age")  # "(Alfie, 3)"
    if "(" in text or not _SEX_LETTERS.isdisjoint(words):  # "(F, 32)", "27F" ("F" is a token)
        for m in matches_at(SEX_AGE_RE, text, _sex_age_starts(text)):
            grp = "a" if m.group("a") else "b" if m.group("b") else "c"
            yield Finding("AGE", m.start(grp), m.end(), 0.7, "sex-age")
    yield from _leading_sex_ages(text)
    if not _ES_AGE_GATES.isdisjoint(words):
        for rx in (ES_AGE_CUE_RE, ES_AGE_YEARS_RE):
            for m in rx.finditer(text):
                yield Finding("AGE", m.start("a"), m.end("a"), 0.7, "age-es")
    if "j'ai" in words:
        for m in FR_AGE_RE.finditer(text):
            yield Finding("AGE", m.start("a"), m.end("a"), 0.7, "age-fr")
    if not _GERMANIC_AGE_GATES.isdisjoint(words):
        for m in GERMANIC_AGE_RE.finditer(text):
            grp = "a" if m.group("a") else "b"
            yield Finding("AGE", m.start(grp), m.end(grp), 0.7, "age-de")


def _dates(text: str, words: frozenset[str] | set[str], cols: Columns) -> Iterator[Finding]:
    """Dates written around seasons, holidays, lowercase months and Romance month names."""
    runs = digit_runs(text)
    # A year after whitespace is a run of four digits that starts with 19 or 20; "'19" a run of two.
    year = any(e - s == 4 and text.startswith(("19", "20"), s) for s, e in runs)
    if (year or any(e - s == 2 and text[s - 1 : s] == "'" for s, e in runs)) and not _SEASON_GATES.isdisjoint(
        words
    ):
        for m in SEASON_YEAR_RE.finditer(text):
            yield Finding("DATE", m.start(), m.end(), 0.8, "season-year")
    any_year = year or any(e - s == 4 for s, e in runs)  # a festival's own calendar: "Purim 5783"
    if any_year and (
        not _FESTIVAL_GATES.isdisjoint(words) or " Day" in text or "ew Year" in text or "ew year" in text
    ):
        for m in _festival_years(text, runs):
            yield Finding("DATE", m.start(), m.end(), 0.8, "festival-year")
        for m in year_festivals(text, runs):
            yield Finding("DATE", m.start(), m.end(), 0.8, "festival-year")
    if not _MONTH_TOKENS.isdisjoint(words):
        lows = cols.lows
        for k in cols.marked(_MONTH_CLASS):
            pos = cols.start(k)
            m = MONTH_PROSE_RE.match(text, pos)
            if m:
                # a day before a month with its year or ordinal: "22nd may 2024", "3 march 2021"
                d = _DAY_BEFORE.search(text, max(0, pos - 12), pos)
                yield Finding("DATE", d.start() if d else m.start(), m.end(), 0.8, "month-prose")
            if lows[k] in _SHORT_MONTHS:  # "12 sept", "3rd of feb": a day before a short month
                d = _DAY_BEFORE.search(text, max(0, pos - 12), pos)
                if d:
                    end = pos + len(cols.words[k])
                    yield Finding("DATE", d.start(), end + (text[end : end + 1] == "."), 0.8, "day-month")
            y = _YEAR_BEFORE.search(text, max(0, pos - 8), pos)
            if y:
                m = MONTH_PROSE_RE.match(text, y.start())
                if m:
                    yield Finding("DATE", m.start(), m.end(), 0.8, "month-prose")
    # a time of day is a run of one or two digits right before ":"
    if ":" in text and any(e - s <= 2 and text[e : e + 1] == ":" for s, e in runs):
        for m in TIMESTAMP_RE.finditer(text):
            yield Finding("DATE", m.start(), m.end("date") if m.group("date") else m.end(), 0.9, "timestamp")
    if not _ROMANCE_GATES.isdisjoint(words):
        for m in ROMANCE_DATE_RE.finditer(text):
            if m.group().lower() in {"mars", "mai"}:
                continue  # "Mars", "mai" alone are too often words
            yield Finding("DATE", m.start(), m.end(), 0.7, "month-romance")


def find_prose(text: str) -> list[Finding]:
    """AGE and DATE findings for the forms of `_ages` and `_dates`."""
    cols = shared_columns(text)
    words = cols.low_set()
    return [
        *_ages(text, words),
        *_dates(text, words, cols),
        *find_bare_ages(text, words),
        *find_profile_ages(text),
        *find_age_forms(text, words),
        *find_voice_ages(text, words),
        *find_named_dates(text, words),
        *find_world_dates(text, words),
    ]
