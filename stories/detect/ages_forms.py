"""Ages in shapes the cue rules do not read.

- A lowercase name then the age in brackets, as texters write it: "cait (26) from walton",
  "Priti (36, still scared)": the word must be in the first-name list and no everyday word.
- Ages counted in years, as speakers of Romance languages say them in English: "I have 32
  years", "when I had 27 years" (not "I had 3 years of pain", "I have 15 years left").
- A letter to one's younger self, or about someone: "You are twenty-two.", "she is
  nineteen"; a spelled age after "at" or "since": "at fifty-three it hit me".
- A forum post's opening "20F - finally an update": the age and a sex at a line's start,
  before a dash, a colon or a comma (not "a 34F bra", which no line starts with).
- Children's ages together: "My boys are 9 and 12.", "the kids are now 4, 7 and 10" (not
  "the kids are 2 hours away").
- A life told as a timeline of ages: lines opening with an age and a colon or a dash ("– 13:
  first period", "30 — Night sweats"), two or more, rising, and not counting one by one
  (a list's "10: ...", "11: ..." counts tips, not years; "10 – minutes a night" counts
  minutes).
- A birthday named by its number alone: "I celebrated my 73rd in June", "after my 65th" (not
  "my 5th session": under 13 or before a noun it counts something else).

Each pattern is tried only where its gate (a bracket, a word "years", a line start with a
number) says it can match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from stories.findings import Finding

from . import vocab
from .anchors import bracket_word_starts, matches_at, word_starts
from .lexicon import english_form, lexicon
from .tokens import latin1

_NUM = vocab.NUMBER_AGE
_SPELLED = vocab.SPELLED_AGE
_CHILDREN = vocab.words("kids boys girls children sons daughters twins grandkids grandchildren grandsons")
_KID_AGE = rf"\d{{1,2}}|{_SPELLED}"
CHILDREN_AGES_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(_CHILDREN))})\s+(?:are|were)\s+(?:now\s+)?(?P<a>{_KID_AGE})"
    rf"(?:,?\s+(?P<b>{_KID_AGE}))?(?:,?\s+(?:and|&)\s+(?P<c>{_KID_AGE}))?"
    r"(?=\s*[,.;!?)]|\s+(?:now|this|years?\s+old)\b|$)",
    re.IGNORECASE,
)
_OWNERS = ("my", "her", "his", "their", "your", "our")
BIRTHDAY_RE = re.compile(
    rf"\b(?:{'|'.join(_OWNERS)})\s+(?P<a>(?:1[3-9]|[2-9]\d|1[01]\d)(?:st|nd|rd|th))"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:in|on|at|and|with|a|last|this|next|was|is|party|bash|do|year)\b)",
    re.IGNORECASE,
)
LOWER_NAME_AGE_RE = re.compile(rf"\b(?P<name>[a-z]{{2,20}})\s?\(\s?(?P<a>{_NUM})\s?[),]")
YEARS_HAD_RE = re.compile(
    rf"\b(?:I|i)\s+(?:have|had)\s+(?P<a>{_NUM})\s+years\b"
    r"(?!\s+(?:of|ago|left|more|experience|in|on|with|to|before|after|since|now|already|and\s+\d))"
)
SPELLED_BE_RE = re.compile(
    rf"\b(?:[Yy]ou\s+are|[Yy]ou're|[Ss]he\s+is|[Hh]e\s+is|[Ss]he's|[Hh]e's)\s+(?P<a>{_SPELLED})\b(?=\s*[.,;!?]|\s+and\b)",
    re.IGNORECASE,
)
# "at fifty-three it hit me", "since nineteen": a spelled age after "at"/"since"/"until"
# (the words' twin of `temporal.AGE_AT`), not a time, a count or a duration ("at twenty
# past", "at thirty weeks", "at forty miles an hour", "at eighteen years ago").
SPELLED_AT_RE = re.compile(
    rf"\b(?:[Aa]t|[Ss]ince|[Uu]ntil|[Tt]ill)\s+(?:(?:about|around|roughly|maybe)\s+)?(?P<a>{_SPELLED})\b"
    r"(?![-‐]|\s+(?:past|to|o'?clock|and\s+a\s+half|weeks?|days?|months?|hours?|minutes?|mins?|seconds?|"
    r"percent|per|miles?|mph|km|degrees?|quid|pounds?|dollars?|euros?|times|of|p\.?m|a\.?m|"
    r"years?\s+(?:ago|later|on|before|after))\b)",
    re.IGNORECASE,
)
# "Bass player, 38, writing this", "retired nurse, 61, from Hull": an age between commas
# right after a word for a person (an agent noun or a relation), as a self-introduction
# puts it; not in a list of numbers ("sizes 10, 12, 14": no word before).
ROLE_AGE_RE = re.compile(rf",\s(?P<a>{_NUM})(?:\s+years?)?,\s+[a-z]")  # scanned from the literal ","
_NOUN_BEFORE = re.compile(r"\b([a-z]{3,20})$")
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ess")
_PEOPLE = frozenset(vocab.RELATIONS) | vocab.ROLES | vocab.words("man woman lady guy girl bloke lad lass")


def _person_noun(low: str) -> bool:
    """Is `low` a word for a person: a relation or role ("wife", "mum") or an English
    agent noun ("player", "driver", "pharmacist", "librarian")?"""
    return low in _PEOPLE or (low.endswith(_AGENT_ENDINGS) and english_form(low) and low not in _NOT_PEOPLE)


# Words with an agent's ending that are no person ("after, 38," never; "number, 38,", "order").
_NOT_PEOPLE = vocab.words("after number order other under over ever never either neither later water paper")
# "presently forty-two (42) years of age": an age in words, its digits, or both
YEARS_OF_AGE_RE = re.compile(
    rf"\b(?:(?P<w>{_SPELLED})\s*(?:\(\s?(?P<d>{_NUM})\s?\))?|(?P<n>{_NUM}))\s+years?\s+of\s+age\b",
    re.IGNORECASE,
)
# "Me: 38, two kids": a forum post's line about its writer.
ME_AGE_RE = re.compile(rf"(?:^|(?<=\n))[ \t]*Me:[ \t]*(?P<a>{_NUM})(?=[,;.]|\s+(?:years?|yrs?|and|with)\b)")
# Mumsnet's children: "DD 15 missing school", "DS2 (7)", "my DD, 12,": a daughter's or son's age.
FORUM_CHILD_AGE_RE = re.compile(
    r"\bD[DS]\d?[ \t]*[,(]?[ \t]*(?P<a>1[0-7]|[1-9])\b(?![.,:/]?\d|[ \t]*(?:%|weeks?|months?|days?))"
)
LINE_SEX_AGE_RE = re.compile(rf"(?:^|(?<=\n)|(?<=[.!?] ))[ \t]*(?P<a>{_NUM})\s?[FMfm](?=\s*[-–—:,])")
# A line of a life's timeline: "– 13: first period", "30 — Night sweats", "16 - the pill".
_COUNTED = r"(?:sessions|appointments|visits|times|minutes|hours|days|weeks|months|years|pills|tablets)\b"
# Not a count of things ("10 – minutes a night", "12 – physio sessions"): no lowercase plural after.
TIMELINE_AGE_RE = re.compile(
    r"^[ \t]*(?:[-–—•*][ \t]*)?(?P<a>1[0-9]|[2-9]\d)(?:[ \t]*:|[ \t]+[-–—])[ \t]+"
    r"(?![a-z]+s\b|[a-z]+[ \t]+" + _COUNTED + r")\S",
    re.MULTILINE,
)
# A spelled age of SPELLED_BE_RE starts a token (whitespace before, whitespace,
# punctuation or a unit after): one of these lowercase words.
_SPELLED_LOWS = vocab.SPELLED_AGE_WORDS
_NUM_DIGITS = re.compile(_NUM)


def _had_years(text: str) -> Iterator[re.Match[str]]:
    """`YEARS_HAD_RE.finditer(text)`, tried only at the one place before each
    "years" from which it can match: "I"/"i", spaces, "have"/"had", spaces,
    two digits, spaces (scanning the whole story for "I" costs far more)."""
    i = text.find("years")
    while i != -1:
        start = _had_start(text, i)
        if start >= 0:
            m = YEARS_HAD_RE.match(text, start)
            if m:
                yield m
        i = text.find("years", i + 5)


def _spaces_before(text: str, end: int) -> int:
    """Start of the run of whitespace that ends at `end` (`end` if none)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _had_start(text: str, years: int) -> int:
    """Where "I have NN years" ending at `years` would start, or -1."""
    num = _spaces_before(text, years)
    if num == years or not _NUM_DIGITS.fullmatch(text, num - 2, num):
        return -1
    verb = _spaces_before(text, num - 2)
    if verb == num - 2:
        return -1
    for word in ("have", "had"):
        if text.endswith(word, 0, verb):
            pronoun = _spaces_before(text, verb - len(word))
            if pronoun < verb - len(word) and text[pronoun - 1 : pronoun] in ("I", "i"):
                return pronoun - 1
    return -1


# The words a `SPELLED_BE_RE` / `SPELLED_AT_RE` match begins with.
_BE_CUES = ("you", "she", "he")
_AT_CUES = ("at", "since", "until", "till")


def _scan(pattern: re.Pattern[str], text: str, cues: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, tried only where one of its first words (`cues`)
    begins a word (`anchors.word_starts`) rather than at every position."""
    starts = word_starts(text, cues)
    return pattern.finditer(text) if starts is None else matches_at(pattern, text, starts)


def _opens_line(text: str, pos: int) -> bool:
    """Does `pos` begin the text or a line (after spaces)?"""
    k = pos
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k == 0 or text[k - 1] == "\n"


def _timeline_ages(text: str) -> list[Finding]:
    """AGE findings for a timeline's ages (`TIMELINE_AGE_RE`): two or more lines, their ages
    rising, not all one apart."""
    lines = list(TIMELINE_AGE_RE.finditer(text))
    ages = [int(m.group("a")) for m in lines]
    steps = [b - a for a, b in pairwise(ages)]
    if len(ages) < 2 or min(steps) <= 0 or set(steps) == {1}:
        return []
    return [Finding("AGE", m.start("a"), m.end("a"), 0.6, "timeline-age") for m in lines]


def find_age_forms(text: str, words: frozenset[str] | set[str]) -> Iterator[Finding]:
    """AGE findings for the shapes in the module docstring."""
    if "(" in text:
        lex = lexicon()
        for m in matches_at(LOWER_NAME_AGE_RE, text, bracket_word_starts(text)):
            name = m.group("name")
            opens = _opens_line(text, m.start())
            if name in lex.first_lower and (name not in lex.ordinary_lower or opens):
                yield Finding("AGE", m.start("a"), m.end("a"), 0.7, "name-age")
                if opens:  # "demi (23) from orchard park": she opens her story with her name
                    yield Finding("PERSON", m.start("name"), m.end("name"), 0.7, "name-age")
    if "years" in words:
        for m in _had_years(text):
            yield Finding("AGE", m.start("a"), m.end("a"), 0.6, "years-had")
    if ("are" in words or "is" in words or "you're" in words) and (
        not latin1(text) or not _SPELLED_LOWS.isdisjoint(words)
    ):
        for m in _scan(SPELLED_BE_RE, text, _BE_CUES):
            yield Finding("AGE", m.start("a"), m.end("a"), 0.6, "spelled-age")
    if not _SPELLED_LOWS.isdisjoint(words) or not latin1(text):
        for m in _scan(SPELLED_AT_RE, text, _AT_CUES):
            yield Finding("AGE", m.start("a"), m.end("a"), 0.6, "spelled-at")
    if "age" in words and "years" in words:
        for m in YEARS_OF_AGE_RE.finditer(text):
            for g in ("w", "d", "n"):
                if m.group(g):
                    yield Finding("AGE", m.start(g), m.end(g), 0.8, "years-of-age")
    if ", " in text:
        for m in ROLE_AGE_RE.finditer(text):
            noun = _NOUN_BEFORE.search(text, max(0, m.start() - 21), m.start())
            if noun and _person_noun(noun.group(1)):
                yield Finding("AGE", m.start("a"), m.end("a"), 0.6, "role-age")
    if "Me:" in text:
        for m in ME_AGE_RE.finditer(text):
            yield Finding("AGE", m.start("a"), m.end("a"), 0.7, "self-age")
    if "dd" in words or "ds" in words or "DD" in text or "DS" in text:
        for m in FORUM_CHILD_AGE_RE.finditer(text):
            yield Finding("AGE", m.start("a"), m.end("a"), 0.6, "kin-age")
    if "f" in words or "m" in words:
        for m in LINE_SEX_AGE_RE.finditer(text):
            yield Finding("AGE", m.start("a"), m.end(), 0.7, "sex-age")
    if not words.isdisjoint(_OWNERS):  # (not "th" in text: every story holds "the")
        for m in _scan(BIRTHDAY_RE, text, _OWNERS):
            yield Finding("AGE", m.start("a"), m.end("a"), 0.6, "birthday-number")
    yield from _timeline_ages(text)
    if not _CHILDREN.isdisjoint(words):
        for m in CHILDREN_AGES_RE.finditer(text):
            for g in ("a", "b", "c"):
                if m.group(g):
                    yield Finding("AGE", m.start(g), m.end(g), 0.6, "kin-age")
