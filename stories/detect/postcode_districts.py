"""A UK postcode district on its own, after a town or a place preposition ("living in
Easton, BS5", "moved to SE15"): half a postcode, but it narrows a patient to a few
thousand homes.

Only two-letter postcode areas are read (not "B12" or "D3", which are vitamins far
more often than Birmingham or Dublin districts), only after a comma or "in", "from",
"near" or "to", and not where a whole postcode follows (`places.POSTCODE_RE` finds
those whole).
"""

from __future__ import annotations

import re

from stories.findings import Finding

# The UK's postcode areas of two letters, as alternatives of a pattern.
_AREAS = (
    "AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|EC|EH|EN|"
    "EX|FK|FY|GL|GU|GY|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|LA|LD|LE|LL|LN|LS|LU|ME|MK|ML|"
    "NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|TA|TD|"
    "TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE"
)
DISTRICT_RE = re.compile(
    rf"(?:,[ \t]+|\b(?:in|from|near|to)[ \t]+)(?P<pc>(?:{_AREAS})\d{{1,2}}[A-Z]?)\b"
    r"(?![ \t]?\d[A-Z]{2}\b|[-/.]\d)"
)
_GATE = re.compile(rf"\b(?:{_AREAS})\d")


def find_postcode_districts(text: str) -> list[Finding]:
    """LOCATION findings for a UK postcode district standing alone after a place."""
    if not _GATE.search(text):
        return []  # (most stories hold no such code at all)
    return [
        Finding("LOCATION", m.start("pc"), m.end("pc"), 0.6, "postcode-district")
        for m in DISTRICT_RE.finditer(text)
    ]
