"""Dates (every element but a bare year) and stated ages.

Safe Harbor removes all date elements except the year, so "in March" and
"the 14th" are flagged while "2019" alone is not.  Ages are flagged whenever
stated; an age over 89 carries ``note="over-89"`` because Safe Harbor treats
those as identifying even when aggregated with nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stories.findings import Finding

from . import vocab
from .anchors import digit_before, digit_runs, matches_at, may_end_with, run_starts, tail_chunk
from .holidays import HOLIDAY_WORDS
from .tokens import shared_columns, word_class

_MONTH_FULL = "|".join(m.title() for m in vocab.MONTHS)
# "Sept" before "Sep"
_MONTH_ABBR = "|".join(sorted((m.title() for m in vocab.MONTH_ABBR), key=len, reverse=True))
# lowercase full months, but not the everyday words "march", "may", "august"
_MONTH_LOWER = "|".join(m for m in vocab.MONTHS if m not in ("march", "may", "august"))
_MONTH = rf"(?:{_MONTH_FULL})|(?:{_MONTH_ABBR})\.?|(?:{_MONTH_LOWER})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:Mon|Tues|Tue|Wednes|Weds|Wed|Thurs|Thur|Thu|Fri|Satur|Sat|Sun)(?:day)?"
_YEAR = r"(?:'\d\d|\d{4})"

MONTH_DATE_RE = re.compile(
    rf"(?:\b(?i:{_WEEKDAY}),?\s+(?:the\s+)?)?"
    rf"(?:\b(?:the\s+)?(?:{_DAY}\s+(?:of\s+)?|{vocab.SPELLED_ORDINAL}\s+of\s+))?"
    rf"\b(?:{_MONTH})(?![\w'’-])"
    rf"(?:\s+(?:the\s+)?{_DAY}\b)?"
    rf"(?:,?\s+(?:of\s+)?{_YEAR}\b)?"
)
# The months that are also words, in lower case, after a day: "wed 8th march", "the 3rd of may".
LOWER_MONTH_RE = re.compile(
    rf"(?:\b(?i:{_WEEKDAY}),?\s+(?:the\s+)?)?(?:\bthe\s+)?\b{_DAY}\s+(?:of\s+)?(?:march|may|august)\b"
    rf"(?:,?\s+{_YEAR}\b)?"
)
# "10 may be more": a bare number then "may", with no ordinal, "of" or year, is the verb's
_MAY_VERB = re.compile(r"(?:.*\s)?\d{1,2}\s+may$")
_LOWER_MONTH_GATE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:march|may|august)\b")
NUMERIC_DATE_RE = re.compile(
    r"(?:\d{4}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])(?P<sep>[-/.])(?:0?[1-9]|[12]\d|3[01])(?P=sep)(?:\d{4}|\d{2})"
    r")(?![\d/.-]?\d)"
)
# day/month, or month/day when the day cannot be a month ("on 6/30"); a cue must precede it
# (a post's "EDIT 6/20:", "EDIT 2 6/21:" too)
SHORT_NUMERIC_RE = re.compile(
    r"(?:0?[1-9]|[12]\d|3[01])/(?!10\b)(?:0?[1-9]|1[0-2])(?![\d/])|(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])(?![\d/])"
    r"|(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?![\d/])"  # month/year: "since 03/2019"
)
SHORT_NUMERIC_CUE = re.compile(r"\b(?i:on|since|until|from|by|before|after|dated?|edit|update)(?:\s+\d)?\s+$")
# Without a cue, a day/month whose day cannot be a month ("14/2", "22/06"), but not "24/7", a
# score or a fraction ("18/20" has no month), nor a part of a longer number, nor a clinician's
# duration in months ("approx 18/12 duration", "x 14/12 ago").
DAY_MONTH_RE = re.compile(
    r"(?<![\d/.,:])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])(?![\d/.,:]?\d|/|%)"
    r"(?!\s*(?:duration|ago|hx|history|post|pp\b|old\b))"
)
_DURATION_BEFORE = re.compile(r"(?:approx\.?|~|\bx|\bfor|\bover|\bpast|\blast|\bc\.)\s*$", re.IGNORECASE)
ORDINAL_RE = re.compile(
    rf"(?:\b(?:last|next|this)\s+)?(?:\b{_WEEKDAY}\s+)?"
    r"\bthe\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
    r"(?!\s+(?:time|times|session|sessions|appointment|week|weeks|day|days|month|months|"
    r"attempt|try|dilator|size|one|round|cycle|birthday|floor|doctor|person|visit|year|years|"
    r"percentile|century|grade|baby|child|pregnancy))",
    re.IGNORECASE,
)
WEEKDAY_DATE_RE = re.compile(
    rf"\b{_WEEKDAY}\s+(?:the\s+)?{_DAY}(?:/\d{{1,2}}\b(?!/))?\b(?!\s*(?:%|mg|am|pm|:))"
)  # "Tuesday the 4th", "Tuesday 11/14", "Sat 23/3"
WEEKDAY_CUE = re.compile(rf"\b{_WEEKDAY}\s+(?:the\s+)?$")
MONTH_ANCHOR = re.compile(
    r"(?:Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec|jan|feb|apr|jun|jul|sep|oct|nov|dec)"
)
HOLIDAY_RE = re.compile(rf"\b(?:{vocab.HOLIDAYS})(?!\w)(?:,?\s+{_YEAR}\b)?")


def _by_first_letter(alternatives: str) -> str:
    r"""`\b(?:a|b|...)` rewritten as `X(?<!\w.)(?:...)|Y(?<!\w.)(?:...)`, grouped by first letter.

    Same matches: after a word character X, "(?<!\w.)" is "\b" before X, and
    at each position only the alternatives starting with its character can
    match, still tried in their original order.  But a pattern that starts
    with a literal lets `re` skip to those letters in a tight loop instead of
    trying a match at every position of the story.
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives.split("|"):
        groups.setdefault(alt[0], []).append(alt[1:])
    return "|".join(f"{first}(?<!\\w.)(?:{'|'.join(rests)})" for first, rests in groups.items())


# `HOLIDAY_RE` for scanning whole stories (`finditer`): see `_by_first_letter`.
_HOLIDAY_SCAN = re.compile(rf"(?:{_by_first_letter(vocab.HOLIDAYS)})(?!\w)(?:,?\s+{_YEAR}\b)?")

_AGE_STOP = (
    r"(?!\s*(?:%|weeks?|months?|days?|hours?|minutes?|mins?|mg|ml|units?|cm|mm|kg|lbs?|"
    r"times?|sessions?|dilators?|pounds?|stone|miles?|km|percent|or so times|x\b|"
    r"foot|feet|ft\b|inch(?:es)?\b|degrees?\b|°|[:./]\d))"
)
AGE_CUE = re.compile(
    r"\b(?:I\s+was|I\s+am|I'm|I’m|Im|she\s+was|he\s+was|she's|he's|she’s|he’s|who's|who’s|I\s+turned|turned|turning|(?:I'll|I\s+will|to|gonna)\s+turn|"
    r"was|is|aged?|age\s*:|at\s+age|at\s+the\s+age\s+of|by\s+age|age\s+of|when\s+I\s+was|now|I'll\s+be|I\s+be|only|just|"
    r"you're|you’re|ur|"
    r"nearly|almost|barely|being|"
    # a first-person cue with an adverb between: "I was also 35", "I'm still 19", "I was about 40"
    r"(?:I\s+was|I\s+am|I'm|I’m|Im|she\s+was|he\s+was|is|shes|hes)\s+(?:also|still|already|then|about|around|roughly|maybe|probably|like)|"
    r"shes|hes)"
    r"\s+$",
    re.IGNORECASE,
)
# "ur 2 funny", "you're 2 steps ahead": after "you're" only an adult's age is an age ("pov ur 15").
_YOU_BEFORE = re.compile(r"\b(?:ur|you['’]re)\s+$", re.IGNORECASE)
# "it was 7", "the pain is 2", "my score was 31": a thing's number after "was"/"is", no age.
_THING_IS = re.compile(
    r"\b(?:it|this|that|which|pain|score|level|number|dose|count|temperature)\s+(?:was|is)\s+"
    r"(?:(?:about|around|maybe|probably|like|roughly)\s+)?$",
    re.IGNORECASE,
)
AGE_TAIL = re.compile(
    # not "1-2 out of 10", "2 from 10" (a pain score), "39+2" weeks
    r"(?P<n>\d{1,3})(?![\d.,]\d|\s?[-–]\s?\d|\s+out\s+of\b|\s+from\s+(?:10|ten)\b|\+\d)"
    r"(?P<suffix>\s*(?:years?|yrs?)(?:\s+old|\s+of\s+age)?)?\b" + _AGE_STOP,
    re.IGNORECASE,
)
AGE_SUFFIX_RE = re.compile(
    r"(?P<n>\d{1,3})(?:\s*-\s*|\s+)(?:years?|yrs?|yr|months?)(?:\s*-\s*|\s+)old\b"
    r"|(?P<n2>\d{1,3})\s?(?:yo|y/o|y\.o\.)(?!\w)"
    r"|(?P<n3>\d{1,3})(?:st|nd|rd|th)\s+birthday\b",
    re.IGNORECASE,
)
# Last words an `AGE_CUE` / `WEEKDAY_CUE` match can end with (cheap gates).
_AGE_CUE_ENDINGS = (
    "was", "am", "'m", "im", "'s", "turned", "turning", "turn", "is", "age", "aged", "of", "now", "be",
    "only", "just", "age:", "nearly", "almost", "barely", "also", "still", "already", "then", "about",
    "around", "roughly", "maybe", "being", "'re", "’re", "ur", "shes", "hes", "probably", "like",
)  # fmt: skip
_WEEKDAY_ENDINGS = (
    "day", "Mon", "Tues", "Tue", "Wed", "Weds", "Thurs", "Thur", "Thu", "Fri", "Sat", "Sun", "the",
)  # fmt: skip
# "at 25", and the start of a span of life: "since 22", "till 42", "until about 30".
AGE_AT = re.compile(r"\b(?:at|since|till|til|until)\s+(?:(?:about|around|roughly|maybe)\s+)?$", re.IGNORECASE)
# The last letters of those cue words: a quick test before the look-back.
_AGE_AT_LAST = frozenset("tTeElLdDyY")
# "at 25": an age unless a unit, a time of day or a name follows ("at 25 weeks", "at 9 o'clock").
AGE_AT_TAIL = re.compile(
    r"(?:1[3-9]|[2-9]\d)(?![\w/'’]|[.,:][0-9])"
    r"(?!\s?(?:[-–+]\s?\d|o'?clock|[ap]\.?m\b|h\b|hrs?\b|secs?\b|seconds?\b|degrees?|bpm|mph|quid|p\b|"
    r"past\b|to\s+\d|and\s+a\s+half\b|years?\s+(?:ago|later|on)\b|(?!I\b)[A-Z]))" + _AGE_STOP
)


# A girl's age when her periods or puberty began, ten to nineteen included ("my first period
# at 12", "started my periods at 11", "puberty hit at 13"), and "by 14 I was missing school".
_CHILD_AGE_TAIL = re.compile(
    r"(?:[89]|1\d)(?![\w/'’]|[.,:][0-9]|\s?(?:[ap]\.?m\b|o'?clock|weeks?|months?|days?))"
)
_PUBERTY_BEFORE = re.compile(
    r"\b(?:periods?|menarche|menses|menstruation|puberty)\b[^.\n]{0,24}?\b(?:at|by|aged|age)\s+$",
    re.IGNORECASE,
)
_BY_THEN_I = re.compile(r"(?<=\d)[ \t]+I[ \t](?:was|had|could|couldn't|knew|started|got)\b")


def _young_age(text: str, p: int, m: re.Match[str]) -> bool:
    """Is the number `m` at `p` an age after periods or puberty, or in "by 14 I was"?"""
    if text.endswith(("by ", "By "), 0, p) and int(m.group()) >= 13 and _BY_THEN_I.match(text, m.end()):
        return True
    window = text[max(0, p - 40) : p]
    if not any(word in window.lower() for word in _PUBERTY_WORDS):
        return False  # (a substring test in C first: the regex search tries every position)
    return _PUBERTY_BEFORE.search(text, max(0, p - 40), p) is not None


_PUBERTY_WORDS = ("period", "menarche", "menses", "menstruation", "puberty")


def _age(kind_start: int, kind_end: int, number: str, source: str, score: float) -> Finding:
    note = "over-89" if int(number) > 89 else ""
    return Finding("AGE", kind_start, kind_end, score, source, note)


# A month name on its own, as `MONTH_DATE_RE` needs it, and the lowercase
# forms of every such name.
_MONTH_WORD = re.compile(rf"\b(?:{_MONTH})(?![\w'’-])")
_MONTH_PIECES = frozenset(vocab.MONTHS) | frozenset(vocab.MONTH_ABBR)
# Every word `_MONTH` matches, as written (without the optional ".").
_MONTH_FORMS = frozenset(f"{_MONTH_FULL}|{_MONTH_ABBR}|{_MONTH_LOWER}".split("|"))
# The same in lowercase, as a word class: tokens that may be written as one of `_MONTH_FORMS`.
_MONTH_FORM_CLASS = word_class(form.lower() for form in _MONTH_FORMS)
# A word character that starts a word: where a `MONTH_DATE_RE` match can begin.
_WORD_START = re.compile(r"\w(?<!\w\w)")


def _month_words(text: str) -> list[int]:
    """Every position where `_MONTH_WORD` matches, in order.

    A month word is a whole token, written as in `_MONTH_FORMS`, or the tail
    of a joined one ("mid-June", see `tokens.Columns.tails`).  So the
    candidates are the starts of tokens written as a month name, unless a
    tail is one in lowercase (rare: then every month-like word start is tried).
    """
    cols = shared_columns(text)
    words = cols.words
    if not _MONTH_PIECES.isdisjoint(cols.tails()):
        candidates = (a.start() for a in MONTH_ANCHOR.finditer(text))
    else:
        # A token written as a month form is in `_MONTH_FORM_CLASS` (no form ends in
        # "'s", so its base is itself): the class's few tokens are all there is to test.
        months = [k for k in cols.marked(_MONTH_FORM_CLASS) if words[k] in _MONTH_FORMS]
        if not months:
            return []  # most stories name no month
        candidates = map(cols.start, months)
    return [pos for pos in candidates if _MONTH_WORD.match(text, pos)]


# A bare month or holiday after these words names no particular day.
_GENERIC_BEFORE = re.compile(r"\b(?:every|each|any|an?)\s+$", re.IGNORECASE)
_ON_BEFORE = re.compile(r"\bon\s+$", re.IGNORECASE)
_OPENS_QUESTION = re.compile(r"\s+(?:I|we|you|he|she|they)\s+[a-z]+[^.!?\n]{0,60}\?")
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?\n]\s*|[\"“‘']\s*)$")
_MODAL_BEFORE = re.compile(r"\b(?:it|you|we|they|I|he|she|this|that|which|who)\s+$", re.IGNORECASE)


def _month_dates(text: str) -> Iterator[Finding]:
    """Dates around month names, each looked for in a window around the month.

    This is what a scan of every `MONTH_ANCHOR` (a month-like word start)
    with a window `MONTH_DATE_RE.finditer` gives: a date can hold an anchor
    only as its month (no other part of a date holds one), so only anchors
    where `_MONTH_WORD` matches count; and in the window, matches can only
    begin at word starts.
    """
    seen: set[tuple[int, int]] = set()
    reach = -1
    for pos in _month_words(text):
        if pos < reach:
            continue
        lo, hi = max(0, pos - 28), min(len(text), pos + 32)
        # (a match must hold the month, so it begins at a word start no later than it)
        starts = [w.start() for w in _WORD_START.finditer(text, lo, pos + 1)]
        for m in matches_at(MONTH_DATE_RE, text, starts, hi):
            s, e = m.span()
            if not s <= pos < e or (s, e) in seen:
                continue
            seen.add((s, e))
            reach = e
            word = text[s:e]
            # "May" alone before a lowercase word is usually the verb ("May I...").
            if word == "May" and text[e : e + 2].strip()[:1].islower():
                continue
            if (
                word == "May"
                and _OPENS_QUESTION.match(text, e)
                and _SENTENCE_OPEN.search(text, max(0, s - 4), s)
            ):
                continue  # "“May I examine you?”": a request opening its sentence
            if word == "May" and _MODAL_BEFORE.search(text, max(0, s - 8), s):
                continue  # "To Whom It May Concern"
            if _GENERIC_BEFORE.search(text, max(0, s - 8), s) and " " not in word:
                continue  # "every December", "a March wedding": no one day
            if word.rstrip(".") == "Mar" and e < len(text) and text[e] == "-":
                continue
            yield Finding("DATE", s, e, 0.9, "month")


_DATE_SEPARATORS = ("-", "/", ".")
# A day, a month's short name and a year between dashes or slashes, as hospital letters and
# forums write them: "16-Jan-2024", "18/Feb/24".
DASHED_MONTH_RE = re.compile(
    rf"(?:0?[1-9]|[12]\d|3[01])([-/])(?i:{_MONTH_ABBR}|{_MONTH_FULL})\1(?:(?:19|20)\d\d|\d\d)(?![\w/-])"
)


# Every holiday `_HOLIDAY_SCAN` reads holds one of `HOLIDAY_WORDS`, as a run of letters
# of its own (a token or a part of a joined one, in lowercase), or one of these phrases.
_HOLIDAY_PHRASES = ("New Year", "Canada Day", "Australia Day", "Good Friday", "Family Day", "Heritage Day")
for _holiday in vocab.HOLIDAYS.replace("\\.?", ".").replace("u?", "u").split("|"):
    if not (HOLIDAY_WORDS & set(re.split(r"[^a-z]+", _holiday.lower()))) and not any(
        p in _holiday for p in _HOLIDAY_PHRASES
    ):
        raise ValueError(f"no holiday gate for {_holiday!r}")


def _may_name_holiday(text: str) -> bool:
    """A cheap necessary condition for a `_HOLIDAY_SCAN` match: set tests on the
    story's words and a few phrase look-ups, instead of a scan for a capital."""
    cols = shared_columns(text)
    return (
        not HOLIDAY_WORDS.isdisjoint(cols.low_set())
        or any(p in text for p in _HOLIDAY_PHRASES)
        or not HOLIDAY_WORDS.isdisjoint(cols.joined_parts())
    )


def find_dates(text: str) -> Iterator[Finding]:
    yield from _month_dates(text)
    for s, e in digit_runs(text):  # (a story has few numbers: each is tried where it ends)
        g = _LOWER_MONTH_GATE.match(text, s) if e - s <= 2 else None
        if g is None:
            continue
        for m in LOWER_MONTH_RE.finditer(text, max(0, s - 24), g.end() + 8):
            if m.start() <= s < m.end() and not _MAY_VERB.match(m.group()):
                yield Finding("DATE", m.start(), m.end(), 0.8, "month")
    ends = dict(digit_runs(text))
    for p in run_starts(text):
        if text[ends[p] : ends[p] + 1] not in _DATE_SEPARATORS:
            continue  # both patterns need a separator right after the first number
        m = NUMERIC_DATE_RE.match(text, p) or DASHED_MONTH_RE.match(text, p)
        if m:
            yield Finding("DATE", p, m.end(), 0.9, "numeric-date")
            continue
        m = SHORT_NUMERIC_RE.match(text, p)
        if m and m.group() != "24/7" and SHORT_NUMERIC_CUE.search(text, max(0, p - 10), p):
            yield Finding("DATE", p, m.end(), 0.6, "day-month")
        elif (
            m
            and m.group() != "24/7"
            and DAY_MONTH_RE.match(text, p)
            and not _DURATION_BEFORE.search(text, max(0, p - 8), p)
        ):
            yield Finding("DATE", p, m.end(), 0.55, "day-month")
    for s, e in digit_runs(text):
        if text[e : e + 2].lower() in ("st", "nd", "rd", "th"):
            for m in ORDINAL_RE.finditer(text, max(0, s - 30), min(len(text), e + 40)):
                if m.start() <= s < m.end():
                    yield Finding("DATE", m.start(), m.end(), 0.7, "ordinal-day")
        if (
            s
            and text[s - 1].isspace()
            and not digit_before(text, s)
            and tail_chunk(text, s, 16).endswith(_WEEKDAY_ENDINGS)
            and WEEKDAY_CUE.search(text, max(0, s - 16), s)
        ):
            for m in WEEKDAY_DATE_RE.finditer(text, max(0, s - 16), min(len(text), e + 4)):
                if m.start() < s < m.end():
                    yield Finding("DATE", m.start(), m.end(), 0.8, "weekday-date")
    if _may_name_holiday(text):
        for m in _HOLIDAY_SCAN.finditer(text):
            if not any(c.isdigit() for c in m.group()) and not _ON_BEFORE.search(
                text, max(0, m.start() - 4), m.start()
            ):
                continue  # a bare "Christmas", "around Mother's Day": no one day (but "on Christmas Eve")
            yield Finding("DATE", m.start(), m.end(), 0.7, "holiday")


def _letter_before(text: str, p: int) -> str:
    """The last character before the whitespace that ends at `p` ("" at the start)."""
    q = p - 1
    while q > 0 and text[q - 1].isspace():
        q -= 1
    return text[q - 1 : q]


def find_ages(text: str) -> Iterator[Finding]:
    ends = dict(digit_runs(text))
    for p in run_starts(text):
        if (p and text[p - 1].isalpha()) or ends[p] - p > 3:
            continue  # every age pattern is one to three digits not followed by another
        m = AGE_SUFFIX_RE.match(text, p)
        if m:
            n = m.group("n") or m.group("n2") or m.group("n3")
            if int(n) <= 125:
                # the number is the identifier: "26 years old" and "45-year-old" flag the number;
                # "34yo", "24F" stay whole (the age and its letters are one word)
                attached = not any(c.isspace() or c == "-" for c in m.group())
                end = m.end() if attached or m.group("n3") else p + len(n)
                yield _age(p, end, n, "age-suffix", 0.9)
            continue
        spaced = p > 0 and text[p - 1].isspace()
        if spaced and may_end_with(text, p, 24, _AGE_CUE_ENDINGS):
            # the anchored tail first: it fails on most numbers, the cue search tries 24 positions
            m = AGE_TAIL.match(text, p)
            if (
                m
                and int(m.group("n")) <= 125
                and AGE_CUE.search(text, max(0, p - 24), p)
                and not _THING_IS.search(text, max(0, p - 24), p)
                and not (int(m.group("n")) < 13 and _YOU_BEFORE.search(text, max(0, p - 8), p))
            ):
                yield _age(p, m.end("n"), m.group("n"), "age-cue", 0.8)  # the number, not "years old"
                continue
        if spaced and _letter_before(text, p) in _AGE_AT_LAST:
            m = AGE_AT_TAIL.match(text, p)
            if m and AGE_AT.search(text, max(0, p - 20), p):
                yield _age(p, m.end(), m.group(), "age-at", 0.6)
                continue
        m = _CHILD_AGE_TAIL.match(text, p) if spaced else None
        if m and _young_age(text, p, m):
            yield _age(p, m.end(), m.group(), "age-puberty", 0.6)


def find_temporal(text: str) -> list[Finding]:
    return [*find_dates(text), *find_ages(text)]
