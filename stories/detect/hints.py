"""Warnings about combinations of harmless-looking details (quasi-identifiers).

An age alone, a town alone or a job alone rarely identifies anyone; together
they often do (Sweeney: ZIP + birth date + sex identify most Americans).  The
hints name *categories* only and never quote the story, so they can be shown,
logged or stored without leaking anything.
"""

from __future__ import annotations

import re

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


def reidentification_hints(text: str, findings: list[Finding]) -> list[str]:
    """Plain-language warnings; empty when nothing risky is combined."""
    kinds = {f.kind for f in findings}
    has_age = "AGE" in kinds
    has_place = bool(kinds & {"LOCATION", "FACILITY"})
    has_date = "DATE" in kinds
    has_job = bool(PROFESSION_RE.search(text))
    has_rare = bool(RARE_EVENT_RE.search(text))
    has_group = bool(RELIGION_OR_GROUP_RE.search(text))
    hints: list[str] = []
    if has_age and has_place and has_job:
        hints.append("Combines an age, a place and a profession: together these may identify the author.")
    elif has_age and has_place:
        hints.append("Combines an age and a place: together these may identify the author.")
    elif has_job and has_place:
        hints.append("Combines a profession and a place: together these may identify the author.")
    elif has_job and has_age:
        hints.append("Combines a profession and an age: together these may narrow down who the author is.")
    if has_date:
        hints.append(
            "Mentions exact dates: a date next to a clinic visit or life event can identify the author."
        )
    if has_rare:
        hints.append(
            "Mentions a rare or public event (such as a multiple birth or an award): such details stand out."
        )
    if has_group and (has_place or has_age):
        hints.append("Mentions a small community (church, team, school) together with other details.")
    if len(kinds & {"PERSON", "LOCATION", "FACILITY", "DATE", "AGE"}) >= 4:
        hints.append("Contains many kinds of personal details: read it once more as a stranger would.")
    return hints
