"""Hospitals, schools and churches named for a saint, with the possessive: "St Mary's", "St.
George's", "Saint Vincent's", and in lowercase after "at", "to", "from" or "in" ("at st
roch's").

In Britain, Ireland and the Commonwealth "St Mary's" alone names the hospital (or the
school, or the parish) without a facility word after it, and in any sentence: "Gynae day
unit, St Mary's", "staff nurse ako sa St George's".  A saint's day ("St Patrick's Day",
"St David's Eve") and the herb ("St John's wort") are no places.
"""

from __future__ import annotations

import re

from stories.findings import Finding

_SAINT = r"(?:St\.?|Saint|Ste\.?)[ \t]+[A-Z][a-z]+(?:['’]s|s['’])(?![\w'’])"
_NOT_A_PLACE = r"(?![ \t]+(?i:day|eve|night|weekend|wort|feast|parade|fire)\b)"
_CAPITAL = re.compile(rf"(?<![\w.])(?:{_SAINT}){_NOT_A_PLACE}")
_LOWERCASE = re.compile(
    rf"\b(?:at|to|from|in)[ \t]+(st\.?[ \t]+[a-z]+(?:['’]s|s['’])(?![\w'’])){_NOT_A_PLACE}"
)


def find_saint_places(text: str) -> list[Finding]:
    """FACILITY findings for the places named for a saint (see the module docstring)."""
    spans = []
    if "St " in text or "St. " in text or "Saint " in text or "Ste" in text:
        spans += [m.span() for m in _CAPITAL.finditer(text)]
    if " st " in text or " st. " in text:
        spans += [m.span(1) for m in _LOWERCASE.finditer(text)]
    return [Finding("FACILITY", s, e, 0.7, "saint-place") for s, e in spans]
