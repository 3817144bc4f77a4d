"""Warnings about combinations of harmless-looking details (quasi-identifiers).

An age alone, a town alone or a job alone rarely identifies anyone; together
they often do (Sweeney: ZIP + birth date + sex identify most Americans).  The
hints name *categories* only and never quote the story, so they can be shown,
logged or stored without leaking anything.

`hint_details` gives each hint with the spans (start, end) of the words that
triggered it, so the review screen can point at the sentence; the spans are
positions, never text.  `reidentification_hints` keeps returning the messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stories.findings import Finding

PROFESSION_RE = re.compile(
    r"\b(?:my\s+job\s+as\s+an?|I\s+work(?:ed)?\s+as\s+an?|I'm\s+an?|I\s+am\s+an?|as\s+an?)\s+"
    r"(?:\w+\s+)?(?:teacher|nurse|midwife|doctor|gp|surgeon|lawyer|solicitor|barrister|judge|"
    r"police|officer|firefighter|paramedic|pilot|engineer|accountant|vet|dentist|pharmacist|"
    r"professor|lecturer|researcher|scientist|journalist|reporter|presenter|actress|actor|singer|"
    r"musician|athlete|footballer|player|coach|priest|vicar|pastor|rabbi|imam|mp|councillor|"
    r"senator|mayor|ceo|founder|director|manager|chef|soldier|dancer|model|influencer|youtuber|"
    r"writer|author|artist|photographer|designer|architect|therapist|physio|midwife|carer|"
    r"receptionist|librarian|social\s+worker|hairdresser|florist|baker|farmer|student)\b",
    re.IGNORECASE,
)
RARE_EVENT_RE = re.compile(
    r"\b(?:twins|triplets|quadruplets|quads|the\s+only|only\s+one\s+in|first\s+(?:woman|person|patient)|"
    r"won|winner|award|awarded|champion|medal|olympic|record|famous|headlines|newspaper|"
    r"on\s+tv|on\s+the\s+news|viral|featured\s+in|rare\s+(?:condition|case|disease)|"
    r"one\s+of\s+(?:only|just)\s+\w+)\b",
    re.IGNORECASE,
)
RELIGION_OR_GROUP_RE = re.compile(
    r"\b(?:our\s+(?:church|mosque|synagogue|temple|congregation|village|team|choir|unit|regiment|school))\b",
    re.IGNORECASE,
)


Span = tuple[int, int]
PLACE_KINDS = frozenset({"LOCATION", "FACILITY"})
PERSONAL_KINDS = frozenset({"PERSON", "LOCATION", "FACILITY", "DATE", "AGE"})


@dataclass(frozen=True)
class Hint:
    """One warning and the spans (start, end) in the text that triggered it, in order."""

    message: str
    spans: tuple[Span, ...]


def _of(findings: list[Finding], kinds: frozenset[str] | set[str]) -> list[Span]:
    return [(f.start, f.end) for f in findings if f.kind in kinds]


def _matches(pattern: re.Pattern, text: str) -> list[Span]:
    return [m.span() for m in pattern.finditer(text)]


def _hint(message: str, *groups: list[Span]) -> Hint:
    return Hint(message, tuple(sorted({span for group in groups for span in group})))


def hint_details(text: str, findings: list[Finding]) -> list[Hint]:
    """The warnings with their triggering spans; empty when nothing risky is combined."""
    ages, places, dates = _of(findings, {"AGE"}), _of(findings, PLACE_KINDS), _of(findings, {"DATE"})
    jobs = _matches(PROFESSION_RE, text)
    rare = _matches(RARE_EVENT_RE, text)
    groups = _matches(RELIGION_OR_GROUP_RE, text)
    hints: list[Hint] = []
    if ages and places and jobs:
        hints.append(_hint("Combines an age, a place and a profession: together these may "
                           "identify the author.", ages, places, jobs))
    elif ages and places:
        hints.append(_hint("Combines an age and a place: together these may identify the "
                           "author.", ages, places))
    elif jobs and places:
        hints.append(_hint("Combines a profession and a place: together these may identify "
                           "the author.", jobs, places))
    elif jobs and ages:
        hints.append(_hint("Combines a profession and an age: together these may narrow down "
                           "who the author is.", jobs, ages))
    if dates:
        hints.append(_hint("Mentions exact dates: a date next to a clinic visit or life event "
                           "can identify the author.", dates))
    if rare:
        hints.append(_hint("Mentions a rare or public event (such as a multiple birth or an "
                           "award): such details stand out.", rare))
    if groups and (places or ages):
        hints.append(_hint("Mentions a small community (church, team, school) together with "
                           "other details.", groups, places, ages))
    if len({f.kind for f in findings} & PERSONAL_KINDS) >= 4:
        hints.append(_hint("Contains many kinds of personal details: read it once more as a "
                           "stranger would.", _of(findings, PERSONAL_KINDS)))
    return hints


def reidentification_hints(text: str, findings: list[Finding]) -> list[str]:
    """Plain-language warnings; empty when nothing risky is combined."""
    return [hint.message for hint in hint_details(text, findings)]
