"""Ages in a writer's profile line and at the turns of a life.

People sum themselves up after a label: "Background: 34, male, live in Lochee", "quick
recap: 22, at UQ", "TL;DR: 24, healthy", "Bit about me: thirty-four, heavy diesel
fitter", "Chi sono: 58 anni, tre figli", "Tópico: 52 anos, diabético".  A number after
such a label, before a comma, is an age when the label is one that introduces the writer
(`_SELF_LABELS`) or the number carries a unit of years that only an age has after a
colon in these languages ("anni", "anos", "años", "ans", "yrs", "yo"), and the label
names no length of time ("Duración: 15 años,").

A life's turns give ages too: "From 14 onwards", "By 15 she was in pain most days", "By 44,
things started failing"; and a couple gives two at once: "We're 74 and 77 now".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stories.findings import Finding

from . import vocab

_NUM = vocab.NUMBER_AGE
_SPELLED = vocab.SPELLED_AGE
# Words a label that introduces its writer is made of ("Background", "Bit about me", "Chi sono").
_SELF_LABELS = frozenset(vocab.words(
    "background recap quick tl;dr tldr tl dr about me bit a little bio context who am i stats "
    "details profile pt patient chi sono sobre mí mi mim quem sou eu qui je suis moi à propos de"
))
# Words that make a label a length of time, not a person ("Duración: 15 años").
_TIME_LABELS = frozenset(vocab.words(
    "duration duración durée durata duração tiempo temps tempo time since desde depuis da há for "
    "symptoms síntomas sintomas sintomi symptômes married casada casado sposata mariée together"
))
_UNIT = r"(?:yrs?|yo|y/o|años|anos|anni|ans)"
PROFILE_AGE_RE = re.compile(
    rf":[ \t]+(?:(?:self|me|male|female|man|woman|m|f),[ \t]+){{0,2}}"
    rf"(?P<a>{_NUM}|{_SPELLED})(?P<unit>[ \t]?{_UNIT}\b|[ \t]years?(?:[ \t]old)?\b)?"
    r"(?=[ \t]?[,;]|[ \t]+and\b|\.[ \t])",
    re.IGNORECASE,
)
# "From 14 onwards", "from the age of 12 onward"; "By 15 she was", "by sixteen I had" (each
# pattern opens with a literal, which `re` skips to; the word's first letter is checked after).
FROM_AGE_RE = re.compile(rf"rom\s+(?:the\s+age\s+of\s+)?(?P<a>{_NUM}|{_SPELLED})\s+onwards?\b")
BY_AGE_RE = re.compile(
    rf"y\s+(?P<a>{_NUM}|{_SPELLED}),?\s+(?:she|he|I|i|we|they)\s+(?:was|were|had|could|couldn't)\b"
)
BY_COMMA_AGE_RE = re.compile(rf"y\s+(?P<a>{_NUM}|{_SPELLED}),\s")  # a sentence's "By 44, things..."
# Two people's ages at once: "We're 74 and 77 now", "we are 61 and 64," (after "we").
PAIR_AGE_RE = re.compile(
    rf"[Ww]e(?:'re|’re|\s+are)\s+(?P<a>{_NUM})\s+and\s+(?P<b>{_NUM})(?=\s+(?:now|this\s+year)\b|[.,;!])"
)
_LABEL_WORD = re.compile(r"[^\W\d_][\w;]*")


def _label(text: str, colon: int) -> list[str]:
    """The lowercased words of the label before the colon at `colon`, back to the line's
    start or a sentence's end (at most five; none if the label is longer)."""
    sentence = text.rfind(". ", 0, colon)
    start = max(text.rfind("\n", 0, colon) + 1, sentence + 2 if sentence >= 0 else 0, colon - 40)
    words = _LABEL_WORD.findall(text, start, colon)
    return [w.lower() for w in words] if 0 < len(words) <= 5 else []


def _profile(text: str, m: re.Match[str]) -> bool:
    """Does the label before match `m` introduce the writer, or its unit make the number an
    age under a label that names no length of time?"""
    label = _label(text, m.start())
    if not label or not _TIME_LABELS.isdisjoint(label):
        return False
    unit = (m.group("unit") or "").strip().lower()
    return all(w in _SELF_LABELS for w in label) or (unit != "" and not unit.startswith("year"))


def find_profile_ages(text: str) -> Iterator[Finding]:
    """AGE findings for profile lines and life's turns (see module docstring)."""
    if ": " in text or ":\t" in text:
        for m in PROFILE_AGE_RE.finditer(text):
            if _profile(text, m):
                yield Finding("AGE", m.start("a"), m.end("a"), 0.7, "profile-age")
    turns = [(FROM_AGE_RE, "Ff")] if "onward" in text else []
    turns += [(BY_AGE_RE, "Bb"), (BY_COMMA_AGE_RE, "B")]
    if "e're" in text or "e’re" in text or "e are" in text:
        for m in PAIR_AGE_RE.finditer(text):
            if m.start() == 0 or not text[m.start() - 1].isalnum():
                yield Finding("AGE", m.start("a"), m.end("a"), 0.6, "pair-age")
                yield Finding("AGE", m.start("b"), m.end("b"), 0.6, "pair-age")
    for rx, first in turns:
        for m in rx.finditer(text):
            at = m.start() - 1
            if at >= 0 and text[at] in first and (at == 0 or not text[at - 1].isalnum()):
                yield Finding("AGE", m.start("a"), m.end("a"), 0.6, "turn-age")
