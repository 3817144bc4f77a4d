"""A date identifies only with a number in it: a day or a year.

"By March I could...", "On Christmas Eve...", "around Mother's Day", "early June":
a month, a season or a holiday alone names a day that every reader has, not one
that points at her.  The hand-labelled stories and presidio-research's set label
none of them, and the issue that set the detector's targets lists bare holidays as
false alarms.  So a DATE finding stays only when it holds a digit or a number in
words ("the third of March", "el tres de mayo", "nineteen eighty-one"); the rules
still find the bare ones, so that a month or a holiday is never read as a name
("By June I...") and so that widening can take in a year that follows.
"""

from __future__ import annotations

import re

from stories.findings import Finding

from . import vocab
from .mentions import CAPITAL_ONLY

_CARDINALS = (
    # English, Spanish, French and Portuguese number words that can name a day or a year
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand"
    r"|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|veinte|treinta|mil"
    r"|un|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|vingt|trente|mille"
    r"|um|dois|três|quatro|sete|oito|nove|dez|trinta"
    r"|primero|primer|premier|première|primeiro"
)
_NUMBER = re.compile(
    rf"\d|\b(?:{vocab.SPELLED_ORDINAL}|{vocab.AGE_TEENS}|{_CARDINALS})\b", re.IGNORECASE
)


def numbered_dates(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` without the DATEs that hold no number (see the module docstring),
    nor the names that only a name list saw inside one ("By June I...")."""
    bare = [f for f in findings if f.kind == "DATE" and not _NUMBER.search(text, f.start, f.end)]
    if not bare:
        return findings
    return [f for f in findings if not _in_bare(f, bare)]


def _in_bare(f: Finding, bare: list[Finding]) -> bool:
    """Is `f` a bare date, or a list-only name inside one?"""
    if f.kind == "DATE":
        return f in bare
    return f.source in CAPITAL_ONLY and any(d.start <= f.start and f.end <= d.end for d in bare)
