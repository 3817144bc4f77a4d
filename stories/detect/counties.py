"""Counties: "Co. Mayo", "County Down", "co. kildare", "CO. GALWAY".

Irish addresses and Irish and British speech name the county: a place, never a
person ("County Clare" is not a Mr Clare) nor a company ("Neale, Co." is no
"& Co.").  After "Co." or "Co" the county must be one of Ireland's 32, written in
any case; after "County" any capitalised word that is not a facility or street
word ("County Durham", but not "County Hospital", "County Road").
"""

from __future__ import annotations

import re

from stories.findings import Finding

from . import street_words, vocab
from .tokens import shared_columns

IRISH_COUNTIES = (
    "antrim|armagh|carlow|cavan|clare|cork|derry|donegal|down|dublin|fermanagh|galway|kerry|kildare"
    "|kilkenny|laois|leitrim|limerick|londonderry|longford|louth|mayo|meath|monaghan|offaly|roscommon"
    "|sligo|tipperary|tyrone|waterford|westmeath|wexford|wicklow"
)
# After a company's "Co.": not a county ("Smith & Co." but "Neale, Co. Mayo").
CO_NOT_COUNTY = rf"Co\.(?![^\S\n]+(?i:{IRISH_COUNTIES})\b)"
# "Co." / "Co" / "County" then an Irish county, in any case (the prefix too: "CO. MAYO").
_IRISH = re.compile(rf"\b(?:co\.?|county)[^\S\n]+(?:{IRISH_COUNTIES})\b", re.IGNORECASE)
# "County" written with its capital, then a capitalised word: "County Durham".
_COUNTY_NAME = re.compile(r"\b(?:County|COUNTY)[^\S\n]+([A-Z][a-z]+|[A-Z]{3,})\b")
_NOT_A_COUNTY = vocab.FACILITY_HEADS | street_words.STREET_WORDS | street_words.STREET_HEADS | vocab.words(
    "councils courts line lines championship final show fair cricket football"
)


def find_counties(text: str) -> list[Finding]:
    """LOCATION findings for counties named with "Co." or "County"."""
    if shared_columns(text).low_set().isdisjoint(("co", "county")):
        return []  # most stories name no county
    found = {m.span() for m in _IRISH.finditer(text)}
    for m in _COUNTY_NAME.finditer(text):
        if m.group(1).lower() not in _NOT_A_COUNTY:
            found.add(m.span())
    return [Finding("LOCATION", s, e, 0.8, "county") for s, e in sorted(found)]


def county_at(text: str, pos: int) -> bool:
    """Does an Irish county named with "Co."/"County" start at `pos`?"""
    return _IRISH.match(text, pos) is not None
