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

from .tokens import shared_columns

# The UK's postcode areas of two letters.
_AREA_LIST = """
    AB AL BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY EC EH
    EN EX FK FY GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY LA LD LE LL LN LS LU ME MK
    ML NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA
    TD TF TN TQ TR TS TW UB WA WC WD WF WN WR WS WV YO ZE"""
_AREAS = frozenset(_AREA_LIST.split())
# A district-shaped code, not followed by an inward code or a number (the pattern starts with
# a character class, which `re` scans for quickly; the word boundary before it is tested
# after); and what must come right before it.
_CODE = re.compile(r"[A-Z][A-Z]\d{1,2}[A-Z]?\b(?![ \t]?\d[A-Z]{2}\b|[-/.]\d)")
_BEFORE = re.compile(r"(?:,|\b(?:in|from|near|to))[ \t]+$")


def find_postcode_districts(text: str) -> list[Finding]:
    """LOCATION findings for a UK postcode district standing alone after a place."""
    if _AREAS.isdisjoint(shared_columns(text).words):
        return []  # (the tokens hold letters only: "BS5" is the word "BS" before a digit)
    return [
        Finding("LOCATION", m.start(), m.end(), 0.6, "postcode-district")
        for m in _CODE.finditer(text)
        if m.group()[:2] in _AREAS
        and not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"))
        and _BEFORE.search(text, max(0, m.start() - 8), m.start())
    ]
