"""Numbered roads: "I-40", "US-41", "FM 1703", "Route 66", "Highway 401", "the M25", "the A9".

A road a patient drives every day ("a stretch like I-40 between Amarillo and Oklahoma
City", "I drove down US-41") places her as surely as a town does.  No name list knows
them; their shape does: a road system's letters joined to a number by a hyphen, the same
letters and a space for the shapes that are nothing else ("FM 1703", "SR 9"), a road word
before a number, or a British, Irish or Australian road letter and number after "the" ("the
M25", "the A9", "the N7").  Not "the M1 visa", an "A1 grade" or an "I-9 form" (immigration forms share the
interstates' shape): the letters and number must not run on into another letter or digit
or be followed by "form" or "visa", and UK road letters need "the".
"""

from __future__ import annotations

import re

from stories.findings import Finding

# Interstate, U.S., state, farm-to-market, ranch-to-market, county and national highways.
_FORMS = r"(?![ \t]+(?:form|visa|application|petition|approval|receipt|card|notice|status))"
_HYPHENED = re.compile(r"\b(?:I|US|SR|SH|FM|RM|CR|NH|IH)-\d{1,4}[A-Z]?\b(?!-\w)" + _FORMS)
_SPACED = re.compile(r"\b(?:US|SR|FM|RM|CR|IH)[ \t]\d{1,4}\b(?![-/.,]\d)")
_ROAD_WORD = re.compile(
    r"\b(?:Interstate|Route|Rte\.?|Highway|Hwy\.?|State[ \t]Route|Autoroute|Autobahn|Motorway)"
    r"[ \t]\d{1,4}[A-Z]?\b(?![-/.,]\d)"
)
_THE_ROAD = re.compile(
    r"\b[Tt]he[ \t]+([AMN]\d{1,4}(?:\(M\))?)(?![\w-])(?![ \t]+(?:visa|grade|form|paper|size))"
)


def find_roads(text: str) -> list[Finding]:
    """LOCATION findings for the numbered roads the module docstring describes."""
    found = [Finding("LOCATION", m.start(), m.end(), 0.7, "road-number")
             for rx in (_HYPHENED, _SPACED, _ROAD_WORD) for m in rx.finditer(text)]
    found += [Finding("LOCATION", m.start(1), m.end(1), 0.7, "road-number") for m in _THE_ROAD.finditer(text)]
    return found
