"""Postal addresses as people write them on an envelope, and military addresses.

The street rules (`places`) find a street with its number, but an address
goes on: the house number after a street name ("Koskikatu 25"), the flat or
box ("Apt. 864", "Suite 680", "Box 8158"), and on the next lines the town,
the state or county code and the country with its postcode:

    6750 Koskikatu 25 Apt. 864
    Artilleros
    , CO
    Uruguay 64677

`extend_addresses` carries each address finding over that tail on its own
line and over the following lines that read as address lines (short, made
only of capitalised words, numbers, unit words, codes and punctuation, no
label before a colon, not a line of everyday words such as "Kind Regards").
It never crosses a blank line.  `find_corners` finds a street corner named
by its two streets ("the corner of Elm Street and 5th Avenue"), `find_numbered_streets` a
street named by its ordinal ("86th St", "West 49th Street").  `find_military` finds US military mail
addresses ("PSC 6293, Box 8158", "Unit 5022 Box 1225", "APO AE 09012",
"USNS Bergman"), whose words no street rule knows.

Every pattern is anchored at a finding's end or bounded in length, so the
cost is a few regex calls per address finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stories.findings import Finding

from .anchors import digit_runs
from .lexicon import everyday_words, lexicon
from .tokens import shared_columns
from .vocab import FUNCTION

# Findings that are (part of) a postal address and may be carried on.
ADDRESS_SOURCES = frozenset(
    {
        "street-address",
        "number-and-name",
        "street-word",
        "street-type",
        "street-compound",
        "street",
        "address-unit",
        "postcode",
        "military-address",
    }
)
_UNIT = (
    r"(?:Apt|Apartment|Suite|Ste|Unit|Flat|Box|Floor|Fl|Room|Rm|Piso|Piano)\.?[ \t]*#?[ \t]*\d{1,6}[A-Za-z]?"
)
_NUMBER = r"\d{1,6}[A-Za-z]?(?:[/-]\d{1,5}){0,2}\.?"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩА-Я"
_CAPWORD = rf"[{_UPPER}][\w'’.∆-]{{0,30}}"
# One element of an address line: a unit, a number, or a capitalised word (or code).
_ELEMENT = rf"(?:{_UNIT}|{_NUMBER}|{_CAPWORD})(?![\w])"
_SEP = r"[ \t]{0,4},?[ \t]{0,4}"
# One more element of the address on its line, after a space or comma.
_PAREN = r"\([^()\n]{1,30}\)"  # "Cyprus (Greek)"
_STEP = re.compile(rf"{_SEP}(?:{_PAREN}|{_ELEMENT})")
_MAX_STEPS = 8
# A whole line that reads as an address line (after quote marks such as "> " or "??? ").
_LINE = re.compile(
    rf"[ \t]*\n[ \t>?]{{0,8}}"
    rf"(?P<body>,?[ \t]*{_ELEMENT}(?:{_SEP}(?:{_PAREN}|{_ELEMENT})){{0,7}})[ \t]*(?=\n|$)"
)
_WORD = re.compile(r"[^\W\d_]+")
_MAX_LINES = 5
_MAX_ADDRESSEE_WORDS = 5
# A number right before an address on the same line ("9554 62 Rue Gafsa").
_NUMBER_BEFORE = re.compile(r"(?<![\w.,])\d{1,6}[A-Za-z]?,?[ \t]{1,3}$")

_MILITARY = re.compile(
    r"(?i:\b(?:PSC|CMR|Unit)[ \t]+\d{3,5},?[ \t]+Box[ \t]+\d{1,5}"
    r"(?:,?[ \t]*\n?[ \t]*(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5}(?:-\d{4})?)?"
    r"|\b(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5}(?:-\d{4})?)"
    r"|\b(?i:US(?:NS|NV|S|CGC))[ \t]+[A-Za-z][\w'-]{1,30}"
    r"(?:[ \t]*\n?[ \t]*(?i:FPO)[ \t]+(?i:AA|AE|AP)[ \t]+\d{5}(?:-\d{4})?)?"
)
# One of these words is in every military address (a set test on the shared tokens).
_MILITARY_WORDS = frozenset({"psc", "cmr", "box", "apo", "fpo", "dpo", "usns", "usnv", "uss", "uscgc"})


# "the corner of Elm Street and 5th Avenue", "the corner of ul. Grochowa 80 and Lahtinen Road":
# a crossing named by two streets, the second in capitals or digits.
_CORNER = re.compile(
    r"[Cc](?<!\w.)orner[ \t]+of[ \t]+(?!the\b|my\b|our\b|his\b|her\b|their\b|a\b)"
    r"[^\n,;!?]{2,60}?[ \t]+and[ \t]+(?!I\b)[A-Z0-9][\w'’.-]*(?:[ \t]+[A-Z0-9][\w'’.-]*){0,3}"
)


def find_corners(text: str) -> Iterator[Finding]:
    """LOCATION findings for a street corner named by its two streets."""
    if "orner of" not in text:
        return
    for m in _CORNER.finditer(text):
        start = m.start()
        if text[max(0, start - 4) : start].lower() == "the ":
            start -= 4  # "the corner of ..."
        yield Finding("LOCATION", start, m.end(), 0.7, "street-corner")


# "86th St", "West 49th Street", "221 East 86th Street", "on 3rd Ave": a street named by its
# ordinal number, which the street rules (capitalised names before a head) cannot see.  It is
# matched at an ordinal's digits; the prefix ("221 East") is read backwards from there.
_ORDINAL_STREET = re.compile(
    r"(?<![\w.,/])\d{1,3}(?:st|nd|rd|th)[ \t]+(?:street|st|avenue|ave|av|road|rd|place|pl|boulevard|blvd"
    r"|drive|dr|lane|ln|terrace|way|cross|main[ \t]+road)\b\.?",
    re.IGNORECASE,
)
_STREET_PREFIX = re.compile(
    r"(?:\b\d{1,5}[ \t]+)?(?:\b(?:north|south|east|west|[NSEW])\.?[ \t]+)?$", re.IGNORECASE
)


def find_numbered_streets(text: str) -> Iterator[Finding]:
    """LOCATION findings for streets named by an ordinal number ("86th St"), tried only at
    the story's short digit runs with an ordinal's letters after them (`digit_runs`)."""
    for s, e in digit_runs(text):
        if e - s > 3 or text[e : e + 2].lower() not in _ORDINAL_LETTERS:
            continue
        m = _ORDINAL_STREET.match(text, s)
        if m is None:
            continue
        head = m.group().rstrip(".").split()[-1]
        if not head[0].isupper():
            continue  # "the 2nd road trip": a street's name has its capital
        start = _STREET_PREFIX.search(text, max(0, m.start() - 16), m.start()).start()
        end = m.end() - (m.group().endswith(".") and m.group()[-4:-1].lower() not in _ABBREVIATED)
        yield Finding("LOCATION", start, end, 0.8, "numbered-street")


_ORDINAL_LETTERS = frozenset({"st", "nd", "rd", "th"})
_ABBREVIATED = frozenset({" st", "ave", " av", " rd", " pl", "lvd", " dr", " ln"})


def find_military(text: str) -> Iterator[Finding]:
    """LOCATION findings for US military mail addresses."""
    if _MILITARY_WORDS.isdisjoint(shared_columns(text).low_set()):
        return
    for m in _MILITARY.finditer(text):
        yield Finding("LOCATION", m.start(), m.end(), 0.8, "military-address")


def _everyday_line(body: str) -> bool:
    """Is the line's text only everyday words ("Kind Regards", "Thanks") and no number?"""
    if any(c.isdigit() for c in body):
        return False
    lex = lexicon()
    words = _WORD.findall(body)
    if any(w.isupper() and len(w) <= 3 for w in words):
        return False  # a state or county code: ", CO", "OV"
    return bool(words) and all(
        lex.is_ordinary(w) or w.casefold() in lex.safe_lower and w.casefold() not in lex.regions_lower
        for w in words
    )


def _tail_end(text: str, end: int) -> int:
    """End of the address's line after `end`: numbers, units, codes and capitalised
    words, up to a word that carries the sentence on ("Then", "I", "Will")."""
    for _ in range(_MAX_STEPS):
        step = _STEP.match(text, end)
        if not step:
            break
        piece = step.group()
        word = _WORD.search(piece)
        if word and not piece.lstrip(" \t,").startswith("(") and not any(c.isdigit() for c in piece):
            low = word.group().casefold()
            if low in FUNCTION or low in everyday_words() or text[end - 1] == ".":
                break  # a word that carries the sentence on, or a new sentence
        end = step.end()
    return end


def _address_end(text: str, end: int) -> int:
    """End of the address whose first part ends at `end` (its line's tail, then address lines)."""
    end = _tail_end(text, end)
    for _ in range(_MAX_LINES):
        line = _LINE.match(text, end)
        if not line or _everyday_line(line.group("body")):
            break
        end = line.end("body")
    return end


def _addressee(text: str, start: int) -> tuple[int, int] | None:
    """The line right above an address that starts its line: the addressee or the
    organisation in a letter's or a signature's address block ("Fritz-Armstrong",
    "Otc Markets"), when it is short, ends without punctuation, has no colon and is
    not a line of everyday words ("Kind regards,")."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or text[line_start:start].strip(" \t>?"):
        return None  # the address does not start its line, or is on the first line
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    body = text[prev_start : line_start - 1]
    words = _WORD.findall(body)
    stripped = body.strip(" \t>?")
    if not words or len(words) > _MAX_ADDRESSEE_WORDS or len(stripped) > 60 or ":" in stripped:
        return None
    if stripped[-1] in ",.;!?" or _everyday_line(stripped):
        return None
    first = body.index(stripped)
    return prev_start + first, prev_start + first + len(stripped)


def extend_addresses(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` with each address finding carried over the rest of its address,
    and a finding for the addressee's line above an address block."""
    out = []
    for f in findings:
        if f.kind == "LOCATION" and f.source in ADDRESS_SOURCES:
            end = _address_end(text, f.end)
            start = f.start
            if text[start : start + 1].isdigit():
                lead = _NUMBER_BEFORE.search(text, max(0, start - 12), start)
                start = lead.start() if lead else start
            if (start, end) != (f.start, f.end):
                f = Finding(f.kind, start, end, f.score, f.source, f.note)
            if end > text.find("\n", start) > 0 or "\n" in text[max(0, start - 80) : start]:
                above = _addressee(text, start)
                if above:
                    out.append(Finding("FACILITY", above[0], above[1], 0.5, "addressee-line"))
        out.append(f)
    return out
