"""A town written with its state's or province's code: "Dearborn, MI", "Columbus, OH",
"Red Deer, AB", "Dubbo NSW".

Signatures, addresses and forum posts name a town this way; the code proves the words
before it are a place even when no gazetteer holds them or they are everyday words
("Normal, IL", "Hope, AR").  The code alone is a state and identifies no one.
"""

from __future__ import annotations

import re

from stories.findings import Finding

from . import vocab

_US = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC "
    "ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
)
_CA = "AB BC MB NB NL NS NT NU ON PE QC SK YT"
_AU = "NSW VIC QLD TAS ACT NT SA WA"
_CODES = "|".join(sorted(set(f"{_US} {_CA} {_AU}".split()), key=len, reverse=True))
_AU_CODES = "NSW|VIC|QLD|TAS"  # distinctive enough to follow a town without a comma
# One to three capitalised words, a comma and the code (an Australian one may go without).
TOWN_STATE_RE = re.compile(
    rf"\b(?P<town>[A-Z][a-z'’.-]+(?:[ \t]+[A-Z][a-z'’.-]+){{0,2}})"
    rf"(?:,[ \t]+(?:{_CODES})|[ \t]+(?:{_AU_CODES}))\b(?![a-z'’-])"
)
# Words that open a sentence or name a time, not a town ("In May, CA").
_NOT_TOWNS = vocab.FUNCTION | frozenset(vocab.MONTHS) | frozenset(vocab.WEEKDAYS) | vocab.TITLES
_NOT_TOWN_WORDS = vocab.FACILITY_HEADS | vocab.FUNCTION  # "The Clinic, WA", "Women Get This, OK"
# The code after a comma ("," is a literal the scan skips to) or an Australian one after a space.
_GATE = re.compile(rf",[ \t]+(?:{_CODES})\b")
_AU_GATES = (" NSW", " VIC", " QLD", " TAS")


def find_town_states(text: str) -> list[Finding]:
    """LOCATION findings for "Town, ST" (see the module docstring)."""
    if not _GATE.search(text) and not any(g in text for g in _AU_GATES):
        return []  # most stories write no state code after a town
    out = []
    for m in TOWN_STATE_RE.finditer(text):
        words = m.group("town").split()
        while words and words[0].lower() in _NOT_TOWNS:
            words.pop(0)
        if not words or "\n" in m.group() or any(w.lower() in _NOT_TOWN_WORDS for w in words):
            continue  # ("The Clinic, WA health": a facility's word, not a town)
        start = m.end("town") - len(" ".join(words))
        out.append(Finding("LOCATION", start, m.end(), 0.7, "town-state"))
    return out
