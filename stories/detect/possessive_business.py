"""A surname's possessive standing alone is a business: "Mulcahy's, if you've ever been out
our way", "I drive the buses for McGill's out the Inchinnan depot", "a pint at Doherty's".

A possessive with no noun after it names what the family owns: the pub, the shop, the bus
company (as "Sainsbury's" and "McDonald's" did once).  Where the name list's surname
rule marks only "Mulcahy", the "'s" is left out, and the finding calls a pub a person.
Only a surname that is no first name ("Kelly's" may be Kelly's house), no condition named
after a doctor ("Parkinson's", `EPONYMS`) and no word ("my Master's", "the Lord's"), before
punctuation, the end of a line or a little word ("out", "on", "for"), not a noun
("Mulcahy's dog").
"""

from __future__ import annotations

import re

from stories.findings import Finding

from .everyday_extra import EPONYMS
from .lexicon import lexicon, lowercase_word
from .vocab import FUNCTION, words

# Conditions named after a doctor whose name is also a common surname.
_CONDITIONS = words("parkinson huntington cushing addison graves paget hodgkin wilson reiter down bell")
# The name, its "'s", then a lowercase word (group 2, tested) or punctuation or a line's end.
_POSSESSIVE = re.compile(
    r"\b((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?)['’]s\b"
    r"(?:[ \t]+([a-z]+)\b|(?=[ \t]*(?:[,.;:!?)\n]|$)))"
)


def find_possessive_businesses(text: str) -> list[Finding]:
    """FACILITY findings for a lone surname's possessive (module docstring)."""
    if "'s" not in text and "’s" not in text:
        return []
    lex = lexicon()
    found = []
    for m in _POSSESSIVE.finditer(text):
        name, after = m.group(1), m.group(2)
        if after is not None and after not in FUNCTION:
            continue
        low = name.casefold()
        if name not in lex.last or name in lex.first or low in EPONYMS or low in _CONDITIONS:
            continue
        if lowercase_word(low):
            continue
        found.append(Finding("FACILITY", m.start(1), m.start(1) + len(name) + 2, 0.6, "possessive-business"))
    return found
