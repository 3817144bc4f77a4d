"""Phone numbers and ID numbers (record, insurance, NHS, SSN, codes, long numbers).

Candidates start only at the beginning of a digit run (`anchors.run_starts`,
`anchors.digit_runs`), and every pattern has bounded repetitions, so hostile
digit-heavy input costs one pass.  `phonenumbers` validates phone candidates
in small windows only, at most `_MAX_VALIDATIONS` times per text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import phonenumbermatcher

from stories.findings import Finding

from .anchors import code_start, digit_runs, may_end_with, run_starts, strip_trailing
from .id_codes import issuer_start

PHONE_RE = re.compile(
    r"(?:\+|00)?\(?\d[\d \-.()/]{5,22}\d(?![\d])(?:\s*(?:x|ext\.?|extension)\s*\d{1,5}\b)?", re.IGNORECASE
)
_MAX_VALIDATIONS = 12  # bounds `phonenumbers` work on digit-heavy input
_PHONE_REGIONS = ("GB", "US", "IE", "AU", "DE", "FR", "NL", "IN", "NG", "CA", "ES", "ZA")

ID_CUE_RE = re.compile(
    r"\b(?:MRN|NHS(?:\s+(?:number|no\.?|num))?|SSN|SIN|NI(?:\s+number)?|national insurance(?:\s+number)?|"
    r"social security(?:\s+number)?|policy(?:\s+(?:number|no\.?))?|member(?:ship)?\s+(?:id|number|no\.?)|"
    r"insurance(?:\s+(?:id|number|no\.?))?|licen[cs]e(?:\s+(?:number|no\.?))?|passport(?:\s+(?:number|no\.?))?|"
    r"patient\s+(?:id|number|no\.?)|(?:medical\s+)?record(?:\s+(?:number|no\.?))|hospital\s+(?:number|no\.?)|"
    r"case(?:\s+(?:number|no\.?))|ref(?:erence)?(?:\s+(?:number|no\.?))?|account(?:\s+(?:number|no\.?))?|"
    r"claim(?:\s+(?:number|no\.?))?|group(?:\s+(?:number|no\.?))|id(?:\s+(?:number|no\.?))?|"
    r"health\s+card(?:\s+number)?|medicare(?:\s+number)?|medicaid(?:\s+number)?|plate|registration)"
    r"\s*(?:#|:|is|was|=|-)?\s*(?:#|:)?\s*$",
    re.IGNORECASE,
)
# An unknown acronym before a long number names an identifier: "my IHI is", "CHI no.", "PHN:".
ACRONYM_ID_CUE_RE = re.compile(r"\b[A-Z]{2,5}(?:\s+(?:number|no\.?|num|#))?\s*(?:#|:|is|was|=)?\s*$")
ID_CODE_RE = re.compile(r"[A-Za-z0-9](?=[A-Za-z0-9-/]*\d)[A-Za-z0-9\-/]{1,24}(?:[ -]\d{2,6}){0,3}")
SSN_RE = re.compile(r"\d{3}-\d{2}-\d{4}(?![\d-])")
# Alphanumeric codes: letters and >= 3 digits joined, e.g. "AB-4432-11", "X12345".
CODE_RE = re.compile(
    r"(?=[A-Za-z0-9-]{5,30}(?![\w-]))(?=[A-Za-z-]*\d)(?=[\d-]*[A-Za-z])"
    r"(?=(?:[A-Za-z-]*\d){3})[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\w-])"
)
# Last words an `ID_CUE_RE` match can end with: a cheap gate before the regex.
_ID_CUE_ENDINGS = (
    "mrn", "nhs", "number", "no", "num", "ssn", "sin", "ni", "insurance", "security", "policy", "id",
    "licence", "license", "passport", "record", "case", "ref", "reference", "account", "claim", "card",
    "medicare", "medicaid", "plate", "registration", "is", "was",
)  # fmt: skip
# What starts a phone extension: the number before it counts.
_EXTENSION = re.compile(r"(?i)\s*(?:x|ext)")
# Dates and runs of years read as numbers after an acronym: "GP 04/03/2022", "COVID 2020-2021".
_DATE_SHAPE = re.compile(r"\d{1,4}([/.-])\d{1,2}\1\d{2,4}$|(?:(?:19|20)\d\d(?:\s*[-/–]\s*|\s+|$))+$")
# A phone's extension or label, not a code: "555-899-3560x4587", "085 175 7641-Office".
_PHONE_TAIL = re.compile(r"\d{4}x\d{1,5}$|\d-[A-Z]?[a-z]{2,}$")
# Digits joined to letters are a code's ("7284913TA", "5584-396-218-KT"), not a phone's.
_CODE_TAIL = re.compile(r"[A-Za-z]|-[A-Z0-9]{1,4}(?![\w-])")
_YEAR_RANGE = re.compile(r"^(?:19|20)\d\d(?:\s*[-/–]\s*|\s+)(?:19|20)?\d\d$")
# A date opening the candidate ("09-03-2023 10:47pm", "03/05/23 21:14"): a date, then a time.
_DASH_DATE = re.compile(r"\d{1,2}([-/])\d{1,2}\1(?:(?:19|20)\d\d|\d\d)(?!\d|[-/.]\d)")
_UNIT_SUFFIX = re.compile(r"(?i)^(?:mg|mcg|ml|mm|cm|kg|lbs?|x|am|pm|th|st|nd|rd|s|k|km|hz)$")



# What an `ACRONYM_ID_CUE_RE` match can end with (before spaces): a capital,
# "#", ":", "=", or the end of "is", "was", "number", "no", "no." or "num".
_ACRONYM_CUE_LAST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ#:=sro.m")


def _acronym_cue_may_end(text: str, pos: int) -> bool:
    """A cheap necessary condition for `ACRONYM_ID_CUE_RE.search(text, pos - 24, pos)`:
    the last character before `pos` that is not a space is one its matches end with."""
    tail = text[max(0, pos - 24) : pos].rstrip()
    return bool(tail) and tail[-1] in _ACRONYM_CUE_LAST


def _digits(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


# The matcher's own patterns (private names: if a release renames them, the shortcut
# below is simply not taken).
_PN_CANDIDATE = getattr(phonenumbermatcher, "_PATTERN", None)
_PN_SECOND_START = getattr(phonenumbermatcher, "_SECOND_NUMBER_START_PATTERN", None)
_PN_SLASH_DATE = getattr(phonenumbermatcher, "_SLASH_SEPARATED_DATES", None)


def _only_slash_dates(window: str) -> bool:
    """Does `phonenumbers`' matcher find in `window` no candidate but dates written with
    slashes ("08/11/2020"), which it skips before any region is read?  Then no region
    finds a number there.  The same steps as `PhoneNumberMatcher._find`: a candidate
    is cut before a second number's start and skipped when it holds a slash date."""
    if _PN_CANDIDATE is None or _PN_SECOND_START is None or _PN_SLASH_DATE is None:
        return False
    match = _PN_CANDIDATE.search(window)
    while match is not None:
        candidate = window[match.start() : match.end()]
        second = _PN_SECOND_START.search(candidate)
        if second:
            candidate = candidate[: second.start()]
        if not candidate or not _PN_SLASH_DATE.search(candidate):
            return False
        match = _PN_CANDIDATE.search(window, match.start() + len(candidate))
    return True


def _phone_at(text: str, start: int, end: int) -> Finding:
    """Validate a permissive candidate with `phonenumbers` in a small window."""
    offset = max(0, start - 4)
    window = text[offset : end + 1]
    if "/" in window and _only_slash_dates(window):
        return Finding("PHONE", start, end, 0.6, "digit-run")  # what every region's matcher concludes
    for region in _PHONE_REGIONS:
        for pm in phonenumbers.PhoneNumberMatcher(window, region, leniency=phonenumbers.Leniency.POSSIBLE):
            s, e = offset + pm.start, offset + pm.end
            return Finding("PHONE", min(s, start), max(e, end), 1.0, "phonenumbers")
        if "+" in window:  # an international prefix: one parse is enough
            break
    return Finding("PHONE", start, end, 0.6, "digit-run")


def find_phones(text: str) -> Iterator[Finding]:
    """Permissive digit runs (7-15 digits) plus `phonenumbers` validation.

    `phonenumbers` only runs on windows around permissive candidates: running
    its matcher over whole stories for a dozen regions would cost far more.
    """
    reach = -1
    budget = _MAX_VALIDATIONS
    for p in run_starts(text):
        if p < reach:
            continue
        start = p
        while start > 0 and text[start - 1] in "+(" and p - start < 2:
            start -= 1
        if start and (text[start - 1].isalnum() or text[start - 1] in "_+"):
            continue
        m = PHONE_RE.match(text, start)
        if not m:
            continue
        raw = m.group()
        core = _EXTENSION.split(raw, 1)[0]
        if not 7 <= _digits(core) <= 15 or _YEAR_RANGE.match(raw) or _DASH_DATE.match(raw):
            continue
        if _CODE_TAIL.match(text, m.end()):
            continue
        reach = m.end()
        if raw.startswith("(") and ")" not in raw:
            start += 1
        if budget > 0:
            budget -= 1
            yield _phone_at(text, start, m.end())
        else:
            yield Finding("PHONE", start, m.end(), 0.6, "digit-run")


def find_ids(text: str) -> Iterator[Finding]:
    seen: set[int] = set()
    for s, e in digit_runs(text):
        ts = code_start(text, s)
        if ts in seen:
            continue
        seen.add(ts)
        boundary = ts == 0 or not (text[ts - 1].isalnum() or text[ts - 1] == "_")
        if (
            boundary
            and may_end_with(text, ts, 48, _ID_CUE_ENDINGS, "#:=-.")
            and ID_CUE_RE.search(text, max(0, ts - 48), ts)
        ):
            m = ID_CODE_RE.match(text, ts)
            if m:
                end = strip_trailing(text, ts, m.end())
                if end - ts >= 3 and _digits(text[ts:end]) >= 2:
                    yield Finding("ID", ts, end, 0.9, "id-cue")
        elif (
            boundary
            and _acronym_cue_may_end(text, ts)
            and ACRONYM_ID_CUE_RE.search(text, max(0, ts - 24), ts)
        ):
            m = ID_CODE_RE.match(text, ts)
            if m:
                end = strip_trailing(text, ts, m.end())
                # "my IHI is 8003 6012 3456 7890", not "my GP is 150 miles" nor "GP 04/03/2022"
                if _digits(text[ts:end]) >= 6 and not _DATE_SHAPE.match(text, ts, end):
                    yield Finding("ID", issuer_start(text, ts), end, 0.8, "acronym-id")
        if not boundary:
            continue
        m = SSN_RE.match(text, ts) if text[ts + 3 : ts + 4] == "-" else None
        if m:
            yield Finding("ID", ts, m.end(), 0.9, "ssn-shape")
        # a code holds a letter: none when the digits stand alone (nothing joined before or after)
        after = text[e : e + 1]
        m = CODE_RE.match(text, ts) if ts < s or after == "-" or after.isalpha() else None
        if m:
            tail = re.sub(r"^[\d-]+", "", m.group())
            if not (tail and _UNIT_SUFFIX.match(tail)) and not _PHONE_TAIL.search(m.group()):
                yield Finding("ID", ts, m.end(), 0.7, "alnum-code")
        long_run = e - s >= 6 and ts == s and (e == len(text) or not text[e].isalnum())
        if long_run and not (s and text[s - 1] in ".,"):
            yield Finding("ID", s, e, 0.5, "long-number")
