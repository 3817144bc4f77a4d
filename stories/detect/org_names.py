"""Organisations named by a head word and what they are of or for, with no other cue.

"the Association of Peyronie's Disease Advocates", "the Society for Menstrual Cycle
Research", "the Foundation for Women's Cancer": every word after the head may be an ordinary
word, so no name list finds them, yet the whole name points at one group a patient belongs
to or works for.  The head must be capitalised and followed by "of" or "for" and a run of
capitalised words (with "and", "&" or "the" between them); an ordinary phrase ("society
for women") is lower case.  The run ends at the first word that is not capitalised.

A team is an organisation too, named by a plural after "the" that a fan follows, supports,
cheers for, plays for or watches: "Follow the Crusaders, God help me", "watching the Riders
lose", "season tickets for the Blue Jays"; not a show or a games ("the Olympics", "the
Simpsons").
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


_TEAM = re.compile(
    r"\b(?:[Ss]upport(?:s|ed|ing)?|[Ff]ollow(?:s|ed|ing)?|[Cc]heer(?:s|ed|ing)?[ \t]+(?:for|on)|fan[ \t]+of|"
    r"tickets?[ \t]+(?:for|to)|play(?:s|ed|ing)?[ \t]+for|[Ww]atch(?:es|ed|ing)?)[ \t]+the[ \t]+"
    r"((?:[A-Z][a-z]+[ \t]+)?[A-Z][a-z]+s)\b"
)
# Plurals after "watching the" that are shows, events or families, not teams.
_NOT_TEAMS = frozenset({
    "Olympics", "Paralympics", "Simpsons", "Kardashians", "Oscars", "Emmys", "Grammys", "Games", "News",
    "News Headlines", "Highlights", "Commonwealth Games", "Proms", "Friends", "Sopranos", "Waltons",
    "Archers", "Bachelors", "Traitors", "Voices", "Kids", "Boys", "Girls", "Lights", "Stars", "Fireworks",
    "Golden Girls", "Rugby Sevens", "Sevens", "Nationals", "Finals", "Playoffs", "Highland Games",
})


def find_org_names(text: str) -> list[Finding]:
    """FACILITY findings for "<Head> of/for <Capitalised Words>" and teams (module docstring)."""
    found = [Finding("FACILITY", m.start(), m.end(), 0.7, "org-name") for m in _NAMED.finditer(text)]
    found += [Finding("FACILITY", m.start(1), m.end(1), 0.6, "team") for m in _TEAM.finditer(text)
              if m.group(1) not in _NOT_TEAMS]
    return found
