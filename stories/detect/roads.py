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

# Interstate, U.S., state, farm-to-market, ranch-to-market, county and national highways
# with a hyphen, the shapes that are nothing else with a space, a road word and a number,
# and a British, Irish or Australian road after "the" (group 1): one pattern, one pass.
_FORMS = r"(?![ \t]+(?:form|visa|application|petition|approval|receipt|card|notice|status))"
_ROAD = re.compile(
    r"\b(?:(?:I|US|SR|SH|FM|RM|CR|NH|IH)-\d{1,4}[A-Z]?\b(?!-\w)" + _FORMS
    + r"|(?:US|SR|FM|RM|CR|IH)[ \t]\d{1,4}\b(?![-/.,]\d)"
    r"|(?:Interstate|Route|Rte\.?|Highway|Hwy\.?|State[ \t]Route|Autoroute|Autobahn|Motorway)"
    r"[ \t]\d{1,4}[A-Z]?\b(?![-/.,]\d)"
    r"|[Tt]he[ \t]+([AMN]\d{1,4}(?:\(M\))?)(?![\w-])(?![ \t]+(?:visa|grade|form|paper|size)))"
)

# What a road needs in the text before `_ROAD` is tried at every word: its letters, or "the"
# and a British road's letter and number (substring tests cost far less than the pattern).
_GATES = ("I-", "US-", "SR-", "SH-", "FM-", "RM-", "CR-", "NH-", "IH-", "US ", "SR ", "FM ", "RM ", "CR ",
          "IH ", "Interstate", "Route", "Rte", "Highway", "Hwy", "Autoroute", "Autobahn", "Motorway")
_THE_ROAD = re.compile(r"[Tt]he[ \t]+[AMN]\d")


def find_roads(text: str) -> list[Finding]:
    """LOCATION findings for the numbered roads the module docstring describes."""
    if not (any(gate in text for gate in _GATES) or _THE_ROAD.search(text)):
        return []
    return [Finding("LOCATION", *(m.span(1) if m.group(1) else m.span()), 0.7, "road-number")
            for m in _ROAD.finditer(text)]
