"""Dates written with the month names of other languages, and with era years.

`temporal` and `prose` read English, Spanish and French month names.  Stories
written by people of other languages keep their own months: "12 januari
2023" (Dutch, Indonesian), "14. März 2020" (German), "3 maggio 2021"
(Italian), "5 de março de 2019" (Portuguese), "1 maj 2022" (Swedish,
Danish), "3 marca 2022", "w styczniu 2021" (Polish, whose months change
with their case).  A month word of those languages is a date
only with a day before it or a year after it, so "Mei" or "Juni" alone
(names, nicknames) are left alone.

Japanese stories may count years by era: "Heisei 31", "Reiwa 2", with the
part of the year before it ("the spring of Heisei 31", "late Showa 60").

Each rule first tests the story's set of words (one C-level set operation),
so a story without such a month or era pays nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stories.findings import Finding

from . import vocab

# Month names not already read as English, Spanish or French months.
WORLD_MONTHS = vocab.words(
    """
    januari februari maart mei juni juli augustus maret agustus desember oktober
    januar jänner jaenner feber februar märz maerz dezember maj augusti
    gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
    janeiro fevereiro março marco maio junho julho setembro outubro novembro dezembro
    stycznia lutego marca kwietnia maja czerwca lipca sierpnia września wrzesnia października pazdziernika
    listopada grudnia styczeń styczen luty marzec kwiecień kwiecien czerwiec lipiec sierpień sierpien
    wrzesień wrzesien październik pazdziernik listopad grudzień grudzien styczniu lutym marcu kwietniu
    maju czerwcu lipcu sierpniu wrześniu wrzesniu październiku pazdzierniku listopadzie grudniu
    """
)  # Dutch, Indonesian and Malay; German (Austria's "Jänner", "Feber") and Scandinavian; Italian;
# Portuguese; Polish (three cases)
_MONTH_ALT = "|".join(sorted(WORLD_MONTHS, key=len, reverse=True))
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:19|20)\d\d(?!\d)"
# "12 januari 2023", "14. März 2020", "5 de março de 2019", "1º de maio", "juli 2019".
WORLD_MONTH_RE = re.compile(
    rf"\b(?:(?P<d>{_DAY})(?:\.|º|°|er)?\s+(?:de\s+|di\s+)?)?(?P<m>{_MONTH_ALT})\b"
    rf"(?:\s+(?:de\s+|del\s+)?(?P<y>{_YEAR}))?",
    re.IGNORECASE,
)

_ERA_GATES = vocab.words("heisei reiwa showa shōwa shouwa taisho taishō meiji")
# "Heisei 31", "the spring of Heisei 31", "late Reiwa 2", "Showa 60 nen", "Heisei gannen".
_PART = (
    r"(?:(?:the\s+)?(?:spring|summer|autumn|fall|winter|end|start|beginning|middle)\s+of\s+"
    r"|(?:early|late|mid)[-\s])"
)
ERA_YEAR_RE = re.compile(
    rf"\b(?:{_PART})?(?:{'|'.join(sorted(_ERA_GATES))})\s+(?:\d{{1,2}}|gannen)(?!\d)(?:\s*(?:nen\b|年))?",
    re.IGNORECASE,
)


def _world_months(text: str) -> Iterator[Finding]:
    """A month of another language with a day before it or a year after it."""
    for m in WORLD_MONTH_RE.finditer(text):
        if m.group("d") or m.group("y"):
            yield Finding("DATE", m.start(), m.end(), 0.75, "month-world")


def find_world_dates(text: str, words: frozenset[str] | set[str]) -> list[Finding]:
    """DATE findings for other languages' months and for Japanese era years.

    `words` is the story's set of lowercase words (`tokens.Columns.lows`).
    """
    out: list[Finding] = []
    if not WORLD_MONTHS.isdisjoint(words):
        out.extend(_world_months(text))
    if not _ERA_GATES.isdisjoint(words):
        out.extend(Finding("DATE", m.start(), m.end(), 0.75, "era-year") for m in ERA_YEAR_RE.finditer(text))
    return out
