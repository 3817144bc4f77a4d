"""A year tied to a named day, festival, season or part of a month: one date.

A bare year is no identifier under Safe Harbor, but "Durga Puja 2022",
"Eid ul-Adha 2023", "boxing day 2022", "Easter Saturday 2019", "l'été 2017",
"la Navidad del 2021" or "mid-July 2023" pin an event to a few days and must
be flagged with their year.  Rather than a list of every festival, the rules
read the shape of such phrases:

- a run of capitalised words (the name of a day or festival, with the
  particles "ul-", "al-", "of", "de") right before a year, minus the
  capitalised function words that open a sentence ("During", "By");
- a lowercase word before day/night/eve/weekend/festival and a year;
- a Spanish or French article, a few words and "del"/"de" + year
  ("las fiestas de fin de año del 2022"), and French seasons ("l'été 2017");
- early/mid/late or the end/start of a month with a year or a day, and a
  month's bank holiday with its year ("August bank holiday Monday 2022");
- early/mid/late or the end/start/middle of a year: "the end of 2018",
  "late 2019", "mid-2021" name a few weeks, where "in 2019" names none.

Each scan is gated on a year being present, so most stories pay one test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress

from stories.findings import Finding

from . import vocab
from .anchors import digit_runs, lowered
from .holidays import FESTIVALS, HOLIDAY_WORDS
from .tokens import shared_columns, word_class

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)(?![\d/.:-]?\d)"
# A capitalised word in any Latin script ("Paște", "São", "João"): a capital, then letters
# that are not ASCII or Latin-1 capitals.
_LOWER = r"(?:(?![A-ZÀ-ÖØ-Þ])[^\W\d_]|['’])"
_CAP = rf"(?:[A-ZÀ-ÖØ-Þ]{_LOWER}+(?:-[A-Za-z]{_LOWER}+)*|(?:ul|al|el|ad|an|as)-[A-Z][a-z]+)"
# One to four capitalised words (with "of", "de", "the", "ul" between them) before a year,
# maybe after "de" ("Carnaval de 2021", "Eid ul Adha 2022").
CAPS_YEAR_RE = re.compile(
    rf"\b(?P<run>{_CAP}(?:\s+(?:(?:of|de|del|the|ul|al)\s+)?{_CAP}){{0,3}})(?:\s+(?:de|del))?\s+{_YEAR}"
)
# Capitalised words that open a sentence or a phrase and are no part of a day's name.
_FUNCTION_WORDS = vocab.words(
    """during by in on at for since until till after before from the then and but around
    this that last next over through throughout every each so when while about early late
    mid it was is i we my our his her their its a an of de del between among with without into within
    across against like near under upon mi tu su este esta ese esa nuestro nuestra mon ma en em no na au
    aux el la le les los las durante pendant"""
)
# "boxing day 2022", "bonfire night 2022", "the christmas break 2020", "thanksgiving break '22",
# "may half term 2023", "Canada Day long weekend 2021".
DAY_WORD_YEAR_RE = re.compile(
    rf"\b(?P<run>(?:[a-z][a-z'’]{{1,14}}\s+){{1,2}})"
    rf"(?:day|night|eve|week|weekend|festival|fest|holidays?|break|term|semester|hols)"
    rf"(?:\s+(?:long\s+)?weekend)?(?:\s+of)?,?\s+(?:{_YEAR}|'\d\d\b)",
    re.IGNORECASE,
)
_DAY_WORDS = vocab.words("day night eve week weekend festival fest holiday holidays break term semester hols")
# A holiday typed in lowercase, or shortened, with its year: "valentines 2023", "new years
# 2024", "xmas 2019", "summerfest 2023" (capitalised ones are `CAPS_YEAR_RE`'s, "boxing day
# 2022" `DAY_WORD_YEAR_RE`'s).
_HOLIDAY_WORDS = HOLIDAY_WORDS | vocab.words(
    "valentine's valentine’s xmas crimbo hogmanay ramadan ramadhan navratri holi carnaval carnival mardi"
)
HOLIDAY_YEAR_RE = re.compile(
    rf"\b(?:{vocab.HOLIDAYS}|valentines?|valentine['’]s|new\s+years?|new\s+year['’]s|xmas|crimbo|hogmanay"
    rf"|ramadh?an|diwali|navratri|holi|carnaval|carnival|mardi\s+gras|[a-z]{{3,12}}fest)\s+{_YEAR}",
    re.IGNORECASE,
)
# Spanish/French: "la Navidad del 2021", "las fiestas de fin de año del 2022", "el verano de 2019".
ROMANCE_YEAR_RE = re.compile(
    rf"\b(?:la|las|el|los|le|les)\s+(?:[\wà-ÿ'’]+\s+){{1,5}}?(?:del|de|d'|d’)\s?{_YEAR}",
    re.IGNORECASE,
)
# Seasons with their year in French, Spanish, Portuguese and Italian: "l'été 2017", "au
# printemps 2018", "en invierno de 2020", "no verão de 2021", "nell'estate del 2019".
_SEASONS = ("été", "printemps", "automne", "hiver", "verano", "invierno", "otoño", "primavera", "verão",
            "inverno", "outono", "estate", "autunno")  # fmt: skip
SEASON_RE = re.compile(
    rf"\b(?:l'|l’|le\s+|au\s+|en\s+|nell['’])?(?:{'|'.join(_SEASONS)})"
    rf"\s+(?:de\s+|d'|d’|del\s+|di\s+)?{_YEAR}",
    re.IGNORECASE,
)
# Spanish and French months, and digits other than the year: a month date, not a named day.
_MONTH_WORD = re.compile(rf"(?i)\b(?:{vocab.ES_MONTHS}|{vocab.FR_MONTHS})\b|\d\D")
# "mid-July 2023", "early March '19", "the end of May 2020", "late june 3rd".
MONTH_PART_RE = re.compile(
    rf"\b(?:(?:early|mid|late)[-\s]?|(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+)(?:{vocab.MONTH_WORDS})\.?"
    rf"(?:,?\s+(?:of\s+)?{_YEAR}|,?\s+'\d\d\b|\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b)",
    re.IGNORECASE,
)

# "the end of 2018", "the start of 2020", "late 2019", "mid-2021", "the first half of 2022".
YEAR_PART_RE = re.compile(
    rf"\b(?:(?:the\s+)?(?:very\s+)?(?:end|start|beginning|middle|(?:first|second|latter)\s+half|(?:tail|back)\s+end"
    rf"|(?:first|last|final|early)\s+(?:few\s+)?(?:months|weeks|days))"
    rf"\s+of\s+|(?:early|late|mid)[-\s]?)(?:of\s+)?{_YEAR}"
    # Spanish and French: "a finales de 2019", "a mediados del 2020", "fin 2019", "au début de 2021"
    rf"|\b(?:a\s+)?(?:finales|fines|principios|mediados|comienzos|inicios)\s+(?:de|del)\s+{_YEAR}"
    rf"|\b(?:(?:à\s+la|au)\s+)?(?:(?:fin|début|debut)[-\s]|mi-)(?:de\s+|d'|d’)?{_YEAR}",
    re.IGNORECASE,
)
# A bank holiday named by its month or season, with its year: "August bank holiday Monday 2022",
# "the May bank holiday weekend 2021", "spring bank holiday, 2019".
BANK_HOLIDAY_RE = re.compile(
    rf"\b(?:{vocab.MONTH_WORDS}|spring|summer|late\s+summer|easter)\s+bank\s+holiday"
    rf"(?:\s+(?:monday|weekend))?,?\s+(?:of\s+)?{_YEAR}",
    re.IGNORECASE,
)
SEASON_YEARS_RE = re.compile(
    r"\b(?:the\s+)?(?:19|20)\d\d[/–-](?:\d\d|(?:19|20)\d\d)\s+season\b", re.IGNORECASE
)
_YEAR_PART_GATES = (
    "end of", "start of", "beginning of", "middle of", "half of", "early", "late", "mid", "months of",
    "weeks of", "days of", "finales", "fines", "principios", "mediados", "comienzos", "inicios", "fin",
    "début", "debut",
)  # fmt: skip
# Gates of the month-part rule: the year-part gates that a month may follow.
_MONTH_PART_GATES = ("early", "mid", "late", "end of", "start of", "beginning of", "middle of")
_MONTH_CLASS = word_class([*vocab.MONTHS, *vocab.MONTH_ABBR])


def _romance_may_end(text: str, lo: int, hi: int) -> bool:
    """A cheap necessary condition for a `ROMANCE_YEAR_RE` match in window lo..hi that ends
    at `hi` (a four-digit year): "de", "del" or "d'" right before the year, maybe with a
    space between (`_year_part_may_end` says why text beyond Latin-1 is not tested)."""
    tail = text[max(lo, hi - 10) : max(lo, hi - 4)].rstrip()[-3:]
    if not tail.isascii() and max(tail) > "\xff":
        return True
    return tail.lower().endswith(("de", "del", "d'", "d’"))


# What a `YEAR_PART_RE` match holds right before its year, spaces and a hyphen left out,
# in lowercase: "of" ("the end of 2018"), "early", "late", "mid" ("mid-2021"), "de",
# "del" ("a finales de 2019"), "fin", "début", "debut", "mi" ("mi-2020"), "d'".
_YEAR_PART_ENDS = ("of", "early", "late", "mid", "de", "del", "fin", "début", "debut", "mi", "d'", "d’")


def _year_part_may_end(text: str, lo: int, hi: int) -> bool:
    """A cheap necessary condition for a `YEAR_PART_RE` match in window lo..hi that ends at
    `hi` (a four-digit year, text[hi - 4 : hi]): the window's text before the year ends as
    `_YEAR_PART_ENDS` say.  Text that is not Latin-1 is not tested: `re` matches "İ" to
    "i" when ignoring case, which `str.lower` spells otherwise."""
    before = text[lo : max(lo, hi - 4)].rstrip()
    if before.endswith("-"):
        before = before[:-1]
    tail = before[-6:]
    if not tail.isascii() and max(tail) > "\xff":
        return True
    return tail.lower().endswith(_YEAR_PART_ENDS)


def _month_places(text: str) -> list[int]:
    """Offsets of month words, and of "mid-"/"early-"/"late-" (joined to a month, "mid-July")."""
    cols = shared_columns(text)
    places = [cols.start(k) for k in compress(range(len(cols.lows)), cols.marks(_MONTH_CLASS))]
    low = lowered(text)
    for prefix in ("mid-", "early-", "late-"):
        at = low.find(prefix)
        while at >= 0:
            places.append(at + len(prefix))
            at = low.find(prefix, at + 1)
    return places


def _month_parts(text: str) -> Iterator[Finding]:
    """`MONTH_PART_RE` in a window around each month word (most of a story holds none)."""
    seen: set[tuple[int, int]] = set()
    for pos in _month_places(text):
        for m in MONTH_PART_RE.finditer(text, max(0, pos - 24), min(len(text), pos + 24)):
            if m.start() < pos < m.end() and m.span() not in seen:
                seen.add(m.span())
                yield Finding("DATE", m.start(), m.end(), 0.75, "month-part")


def _named_years(text: str, found: Iterator[re.Match[str]], source: str) -> Iterator[Finding]:
    """Words naming a day right before a year, without the function words opening the run."""
    for m in found:
        words = list(re.finditer(r"\S+", m.group("run")))
        while words and words[0].group().lower() in _FUNCTION_WORDS:
            words.pop(0)
        while len(words) > 1 and words[0].group().islower() and not words[1].group().islower():
            words.pop(0)  # "born Boxing Day 2019": the name is the capitalised part
        if not words or all(w.group().lower() in _FUNCTION_WORDS for w in words):
            continue
        if m.re is CAPS_YEAR_RE and words[-1].group().lower() in _FUNCTION_WORDS:
            continue  # "... it was in 2019" has no day's name right before the year
        yield Finding("DATE", m.start("run") + words[0].start(), m.end(), 0.75, source)


def year_windows(text: str) -> list[tuple[int, int]]:
    """(start, end) of a window of words before each year (19xx/20xx) or "'19" and up to it.

    Every rule here ends at a year (or a "'19"), so each scans only these
    windows, not the whole story.
    """
    out = []
    for s, e in digit_runs(text):
        if (e - s == 4 and text.startswith(("19", "20"), s)) or (
            e - s == 2 and text[s - 1 : s] in ("'", "’")
        ):
            lo = max(0, s - 70)
            if lo:
                space = text.find(" ", lo, s)
                lo = space + 1 if space >= 0 else s
            out.append((lo, e))
    return out


def scan_windows(rx: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """Matches of `rx` that end at the end of one of `windows` (each span once)."""
    seen: set[tuple[int, int]] = set()
    for lo, hi in windows:
        for m in rx.finditer(text, lo, hi):
            if m.end() == hi and m.span() not in seen:
                seen.add(m.span())
                yield m


DAY_OF_MONTH_RE = re.compile(
    r"\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\s+day\s+of\s+"
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?:,?\s+(?:19|20)\d\d)?\b"
)


def find_named_dates(text: str, words: frozenset[str] | set[str]) -> list[Finding]:
    """DATE findings for a year tied to a named day, festival, season or part of a month.

    `words` is the story's set of lowercase words (`tokens.Columns.lows`), for gates.
    """
    windows = year_windows(text)
    if not windows:
        return []
    out = list(_named_years(text, scan_windows(CAPS_YEAR_RE, text, windows), "named-day-year"))
    low = lowered(text)
    if not _HOLIDAY_WORDS.isdisjoint(words) or "fest " in low or "new year" in low:
        holidays = scan_windows(HOLIDAY_YEAR_RE, text, windows)
        out.extend(Finding("DATE", m.start(), m.end(), 0.75, "holiday-year") for m in holidays)
    if not _DAY_WORDS.isdisjoint(words):  # the rule's last word is a whole word
        out.extend(_named_years(text, scan_windows(DAY_WORD_YEAR_RE, text, windows), "day-word-year"))
    for rx, source, gates in (
        (ROMANCE_YEAR_RE, "romance-year", (" de", " d'", " d’")),
        (SEASON_RE, "season-year", _SEASONS),
    ):
        if not any(g in low for g in gates):
            continue  # a cheap test: most stories hold none of these words
        ends = windows if rx is SEASON_RE else [w for w in windows if _romance_may_end(text, *w)]
        for m in scan_windows(rx, text, ends):
            if rx is ROMANCE_YEAR_RE and _MONTH_WORD.search(m.group()):
                continue  # "el 5 de mayo de 2021": a month date, found whole by the month rules
            out.append(Finding("DATE", m.start(), m.end(), 0.75, source))
    part_windows = [w for w in windows if _year_part_may_end(text, *w)]  # (a window's test, then the story's)
    if part_windows and any(g in low for g in _YEAR_PART_GATES):
        parts = scan_windows(YEAR_PART_RE, text, part_windows)
        out.extend(Finding("DATE", m.start(), m.end(), 0.75, "year-part") for m in parts)
    if "day of" in low:  # "this 12th day of March, 2024", as sworn statements put it
        out.extend(
            Finding("DATE", m.start(), m.end(), 0.8, "day-of-month") for m in DAY_OF_MONTH_RE.finditer(text)
        )
    if "season" in words:  # "the 2019/20 season": a sports or school year
        seasons = SEASON_YEARS_RE.finditer(text)
        out.extend(Finding("DATE", m.start(), m.end(), 0.75, "season-year") for m in seasons)
    if "bank holiday" in low:
        out.extend(
            Finding("DATE", m.start(), m.end(), 0.75, "bank-holiday")
            for m in scan_windows(BANK_HOLIDAY_RE, text, windows)
        )
    if any(g in low for g in _MONTH_PART_GATES):
        out.extend(_month_parts(text))
    return out


# A year before its festival: "in 2019 Ramadhani", "the 2021 Sankranti holidays".
_YEAR_FESTIVAL_RE = re.compile(
    rf"(?:19|20)\d\d[ \t]+(?:{FESTIVALS})(?:[ \t]+(?:season|holidays?|break|weekend|festival))?(?!\w)"
)


def year_festivals(text: str, runs: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """`_YEAR_FESTIVAL_RE` tried at each four-digit year of the story (`runs`: its runs of
    digits, `anchors.digit_runs`); `prose` reads them with the festivals before their year."""
    for s, e in runs:
        if e - s == 4 and text.startswith(("19", "20"), s) and (s == 0 or not text[s - 1].isalnum()):
            m = _YEAR_FESTIVAL_RE.match(text, s)
            if m:
                yield m
