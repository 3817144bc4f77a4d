"""A place named right after the word for a district: "no bairro Menino Deus", "en el
barrio Santa Fe", "dans le quartier Saint-Cyprien", "in the suburb of Glen Waverley",
"the village of Rosses Point".

A town's side or end named by the compass is a district too: "the Upper West Side", "the
West Side of San Antonio", "the East End".

The district word proves the capitalised words after it are a place, even when they are
everyday words of the story's language ("Menino Deus" is "Boy God") or a first name
("Glen"), which the name rules would otherwise drop or read as a person.
"""

from __future__ import annotations

import re

from stories.findings import Finding

from .tokens import shared_columns
from .vocab import words

# Words for a district: Romance ones before the name, English ones with "of" ("the suburb
# of"); together, as the story's words (tokens, in lowercase), they gate the scan.
_DISTRICT_WORDS = words("bairro barrio quartier colonia colônia vila villa arrondissement")
_DISTRICT_OF_WORDS = words(
    "suburb town village city neighbourhood neighborhood district parish borough township hamlet"
)
_GATE_WORDS = _DISTRICT_WORDS | _DISTRICT_OF_WORDS
# The district word (and "of" in English), then one to four capitalised words, with the
# small words of a place's name between them ("Villa del Parque", "Ciudad de la Costa").
DISTRICT_RE = re.compile(
    rf"\b(?:(?i:{'|'.join(sorted(_DISTRICT_WORDS))})"
    rf"|(?i:{'|'.join(sorted(_DISTRICT_OF_WORDS))})[ \t]+of)[ \t]+"
    r"(?P<place>[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[ \t]+(?:(?:de|da|do|das|dos|del|de[ \t]+la|la|le|du|des)[ \t]+)?"
    r"[A-ZÀ-ÖØ-Þ][\w'’-]*){0,3})"
)
# "the Upper West Side", "the South Side", "the West Side of San Antonio", "the East End".
COMPASS_SIDE_RE = re.compile(
    r"\b(?:(?:Upper|Lower|Near|Far)[ \t]+)?(?:North|South|East|West)(?:[ \t-]?(?:East|West))?"
    r"[ \t]+(?:Side|End)\b"
    r"(?:[ \t]+of[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})?"
)


def find_districts(text: str) -> list[Finding]:
    """LOCATION findings for the place after a district word and for a town's side named by
    the compass (see the module docstring)."""
    out = []
    if " Side" in text or " End" in text:
        sides = COMPASS_SIDE_RE.finditer(text)
        out = [Finding("LOCATION", m.start(), m.end(), 0.7, "compass-side") for m in sides]
    if _GATE_WORDS.isdisjoint(shared_columns(text).low_set()):
        return out  # most stories name no district this way
    return out + [
        Finding("LOCATION", m.start("place"), m.end("place"), 0.7, "district-word")
        for m in DISTRICT_RE.finditer(text)
        if not _inside_a_name(text, m.start())
    ]


_NAME_BEFORE = re.compile(r"[A-Z][\w'’.-]*[ \t]+$")


def _inside_a_name(text: str, start: int) -> bool:
    """Is the district word at `start` capitalised inside a longer name ("Powell's City of
    Books"), not opening a place's own name ("the City of London")?"""
    if not text[start].isupper():
        return False
    before = _NAME_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group().split()[0].lower() not in ("the", "in", "a")
