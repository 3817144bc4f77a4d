"""A surname's possessive standing alone is a business: "Mulcahy's, if you've ever been out
our way", "I drive the buses for McGill's out the Inchinnan depot", "a pint at Doherty's".

A possessive with no noun after it names what the family owns: the pub, the shop, the bus
company (as "Sainsbury's" and "McDonald's" did once).  Where the name list's surname
rule marks only "Mulcahy", the "'s" is left out, and the finding calls a pub a person.
Only a surname that is no first name ("Kelly's" may be Kelly's house), no condition named
after a doctor ("Parkinson's", `EPONYMS`, `SURNAME_EPONYMS`) and no word ("my Master's", "the Lord's"), before
punctuation, the end of a line or a little word ("out", "on", "for"), not a noun
("Mulcahy's dog").
"""

from __future__ import annotations

import re

from stories.findings import Finding

from .everyday_extra import EPONYMS, SURNAME_EPONYMS
from .lexicon import lexicon, lowercase_word
from .vocab import FUNCTION

# Found from its "'s" (a pattern that opens with the apostrophe: `re` skips to each one): the
# name that ends there, then what follows: a lowercase word (group 1, tested) or punctuation.
_APOSTROPHE_S = re.compile(r"['’]s\b")
_NAME_BEFORE = re.compile(r"(?<![\w'’])(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?$")
_AFTER = re.compile(r"[ \t]+([a-z]+)\b|(?=[ \t]*(?:[,.;:!?)\n]|$))")


def find_possessive_businesses(text: str) -> list[Finding]:
    """FACILITY findings for a lone surname's possessive (module docstring)."""
    lex = lexicon()
    found = []
    for s in _APOSTROPHE_S.finditer(text):
        m = _NAME_BEFORE.search(text, max(0, s.start() - 30), s.start())
        after = _AFTER.match(text, s.end())
        if m is None or after is None or (after.group(1) is not None and after.group(1) not in FUNCTION):
            continue
        name = m.group()
        low = name.casefold()
        if name not in lex.last or name in lex.first or low in EPONYMS or low in SURNAME_EPONYMS:
            continue
        if lowercase_word(low):
            continue
        found.append(Finding("FACILITY", m.start(), s.end(), 0.6, "possessive-business"))
    return found
