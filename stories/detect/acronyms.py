"""Facilities named by an acronym after a place preposition: "at LUTH", "transferred to GH".

Hospitals are often called by their initials, which no gazetteer lists and
the name rules skip (a short word in capitals is usually shouting or a
clinical term).  After "at", "to", "from", "in" (or Spanish "del", "en", "al")
an acronym of two to six capitals names a place unless it is a clinical or
everyday term the lexicon knows (GP, NHS, ICU, A&E...).  Text in capitals gets
the same findings: the preposition may be in capitals too, and a shouted
everyday word ("WENT TO BED") is no acronym.
"""

from __future__ import annotations

import re

from stories.findings import Finding

from .lexicon import lexicon

ACRONYM_RE = re.compile(
    r"\b(?:at|to|from|in|del|en|al|AT|TO|FROM|IN|DEL|EN|AL)\s(?:the\s|THE\s)?"
    r"(?P<a>[A-Z](?:[A-Z]|&(?=[A-Z])){1,5})(?![\w&'’-])"
)
# Short capitals that are words or units, not places.
_NOT_PLACES = frozenset(
    {"tv", "am", "pm", "ok", "it", "me", "my", "us", "uk", "eu", "ed", "id", "ai", "ad", "bc"}
)


def find_acronym_facilities(text: str) -> list[Finding]:
    """FACILITY findings for unknown acronyms after a place preposition."""
    lex = lexicon()
    out = []
    for m in ACRONYM_RE.finditer(text):
        word = m.group("a")
        low = word.lower()
        if low in _NOT_PLACES or lex.is_safe(word) or lex.is_safe(low):
            continue
        if len(word) >= 3 and "&" not in word and low in lex.very_common_lower:
            continue  # shouting: "WENT TO BED", "IN PAIN"
        out.append(Finding("FACILITY", m.start("a"), m.end("a"), 0.6, "facility-acronym"))
    return out
