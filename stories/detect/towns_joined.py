"""Towns whose names hold a lowercase word: "Port of Spain", "Bridge of Allan", "Barrow in
Furness", "Amersham on the Hill".

The name rules read runs of capitalised words, and a lowercase "of" or "in" ends a run
(only surname particles such as "de" or "upon" join one), so such a town was read as two
pieces, of which the last is often a country ("Spain") that is no identifier.  Here the
gazetteer's own multi-word names are matched whole, as written; the list is the same
`cities.txt` the other place rules read.
"""

from __future__ import annotations

import re
from functools import lru_cache

from stories.findings import Finding

from . import vocab
from .lexicon import lexicon
from .tokens import shared_columns

# A capitalised word, then a lowercase joining word: where such a name can begin.
_OPENING = re.compile(r"\b([A-Z][\w'’-]{0,40}+)[ \t]+([^\W\d_A-Z]{1,5})[ \t]+(?=\w)")


@lru_cache(maxsize=1)
def _joined() -> dict[tuple[str, str], tuple[str, ...]]:
    """(first word, joining word) -> the gazetteer's names that begin so, longest first."""
    out: dict[tuple[str, str], list[str]] = {}
    for name in lexicon().cities:
        words = name.split(" ")
        inner = [w for w in words[1:-1] if w.islower() and w not in vocab.PARTICLES]
        if len(words) > 2 and inner and words[1].islower():
            out.setdefault((words[0], words[1]), []).append(name)
    return {key: tuple(sorted(names, key=len, reverse=True)) for key, names in out.items()}


@lru_cache(maxsize=1)
def _first_words() -> dict[str, frozenset[str]]:
    """The first words of `_joined`'s names, by their lowercase form."""
    out: dict[str, set[str]] = {}
    for first, _ in _joined():
        out.setdefault(first.casefold(), set()).add(first)
    return {low: frozenset(cased) for low, cased in out.items()}


def find_joined_towns(text: str) -> list[Finding]:
    """LOCATION findings for the gazetteer's towns with a lowercase word inside."""
    firsts = _first_words()
    hits = shared_columns(text).low_set().intersection(firsts)
    if not any(f"{cased} " in text for low in hits for cased in firsts[low]):
        return []  # (set tests first: most stories write no such name's first word, capitalised)
    table, found = _joined(), []
    for m in _OPENING.finditer(text):
        for name in table.get((m.group(1), m.group(2)), ()):
            end = m.start() + len(name)
            if text.startswith(name, m.start()) and not text[end : end + 1].isalnum():
                found.append(Finding("LOCATION", m.start(), end, 0.7, "joined-town"))
                break
    return found
