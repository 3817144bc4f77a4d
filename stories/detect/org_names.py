"""Organisations named by a head word and what they are of or for, with no other cue.

"the Association of Peyronie's Disease Advocates", "the Society for Menstrual Cycle
Research", "the Foundation for Women's Cancer": every word after the head may be an ordinary
word, so no name list finds them, yet the whole name points at one group a patient belongs
to or works for.  The head must be capitalised and followed by "of" or "for" and a run of
capitalised words (with "and", "&" or "the" between them); an ordinary phrase ("society
for women") is lower case.  The run ends at the first word that is not capitalised.
"""

from __future__ import annotations

import re

from stories.findings import Finding

_HEADS = (
    "Association", "Society", "Foundation", "Institute", "Federation", "Alliance", "Coalition",
    "League", "Academy", "Fellowship", "Council", "Guild", "Network", "Trust", "Fund",
)
_NAMED = re.compile(
    r"\b(?:" + "|".join(_HEADS) + r")[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    r"[A-Z][\w'’-]*(?:[ \t]+(?:(?:and|&|of|for|the)[ \t]+)?[A-Z][\w'’-]*){0,5}"
)


def find_org_names(text: str) -> list[Finding]:
    """FACILITY findings for "<Head> of/for <Capitalised Words>" (module docstring)."""
    return [Finding("FACILITY", m.start(), m.end(), 0.7, "org-name") for m in _NAMED.finditer(text)]
