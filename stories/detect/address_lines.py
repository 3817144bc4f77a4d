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
from .cues import JOB_WORDS
from .lexicon import everyday_words, lexicon
from .tokens import shared_columns
from .vocab import FUNCTION, MONTH_WORDS, RELATIONS, WEEKDAYS, words

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
_NUMBER = r"\d{1,6}(?:[A-Z]{2}(?![a-z])|[A-Za-z]?)(?:[/-]\d{1,5}){0,2}\.?"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩА-Я"
_CAPWORD = rf"[{_UPPER}][\w'’.∆-]{{0,30}}"
# One element of an address line: a unit, a number, or a capitalised word (or code).
_ELEMENT = rf"(?:{_UNIT}|{_NUMBER}|{_CAPWORD})(?![\w])"
_SEP = r"[ \t]{0,4},?[ \t]{0,4}"
# One more element of the address on its line, after a space or comma.
_PAREN = r"\([^()\n]{1,30}\)"  # "Cyprus (Greek)"
# A state or county code typed in lowercase after a comma, before a postcode or the line's
# end ("Lyss, ny 50662", "Garður⏎, ca⏎ 26783").
_CODE = r"[ \t]{0,4},[ \t]{0,4}[a-z]{2,3}(?=[ \t]*(?:\d|\n|$))"
_CODE_RE = re.compile(_CODE)
_STEP = re.compile(rf"{_CODE}|{_SEP}(?:{_PAREN}|{_ELEMENT})")
_MAX_STEPS = 8
# A whole line that reads as an address line (after quote marks such as "> " or "??? ").
_LINE = re.compile(
    rf"[ \t]*\n[ \t>?]{{0,8}}"
    rf"(?P<body>(?:{_CODE}|,?[ \t]*{_ELEMENT})(?:{_CODE}|{_SEP}(?:{_PAREN}|{_ELEMENT})){{0,7}})[ \t]*(?=\n|$)"
)
_WORD = re.compile(r"[^\W\d_]+")
_MAX_LINES = 5
_MAX_ADDRESSEE_WORDS = 5
_MAX_ADDRESSEE_LINES = 3
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
    r"(?:\b\d{1,5}[ \t]+)?(?:\b(?:north|south|east|west|[NS][EW]|[NSEW])\.?[ \t]+)?$", re.IGNORECASE
)


def find_numbered_streets(text: str) -> Iterator[Finding]:
    """LOCATION findings for streets named by an ordinal number ("86th St"), tried only at
    the story's short digit runs with an ordinal's letters after them (`digit_runs`)."""
    for s, e in digit_runs(text):
        if e - s > 3 or text[e : e + 2].lower() not in _ORDINAL_LETTERS:
            continue
        m = _ORDINAL_STREET.match(text, s)
        if m is None:
            west = _COMPASS_ORDINAL.search(text, max(0, s - 8), e + 2)
            if west and west.end() == e + 2:  # "on West 4th": a compass point's street, no head
                yield Finding("LOCATION", west.start(), west.end(), 0.7, "numbered-street")
            continue
        head = m.group().rstrip(".").split()[-1]
        if not head[0].isupper():
            continue  # "the 2nd road trip": a street's name has its capital
        start = _STREET_PREFIX.search(text, max(0, m.start() - 16), m.start()).start()
        end = m.end() - (m.group().endswith(".") and m.group()[-4:-1].lower() not in _ABBREVIATED)
        yield Finding("LOCATION", start, end, 0.8, "numbered-street")


_ORDINAL_LETTERS = frozenset({"st", "nd", "rd", "th"})
_COMPASS_ORDINAL = re.compile(r"\b(?:North|South|East|West)[ \t]+\d{1,3}(?:st|nd|rd|th)\b")
_ABBREVIATED = frozenset({" st", "ave", " av", " rd", " pl", "lvd", " dr", " ln"})


def find_military(text: str) -> Iterator[Finding]:
    """LOCATION findings for US military mail addresses."""
    if _MILITARY_WORDS.isdisjoint(shared_columns(text).low_set()):
        return
    for m in _MILITARY.finditer(text):
        yield Finding("LOCATION", m.start(), m.end(), 0.8, "military-address")


def _everyday_line(body: str) -> bool:
    """Is the line's text only everyday words ("Kind Regards", "Thanks") and no number?"""
    if any(c.isdigit() for c in body) or _CODE_RE.fullmatch(body):
        return False
    lex = lexicon()
    words = _WORD.findall(body)
    if any(w.isupper() and len(w) <= 3 for w in words):
        return False  # a state or county code: ", CO", "OV"
    return bool(words) and all(
        lex.is_ordinary(w) or w.casefold() in lex.safe_lower and w.casefold() not in lex.regions_lower
        for w in words
    )


_WEEKDAYS = frozenset(WEEKDAYS)


def _tail_end(text: str, end: int, *, everyday_ends: bool = True) -> int:
    """End of the address's line after `end`: numbers, units, codes and capitalised
    words, up to a word that carries the sentence on ("Then", "I", "Will"; with
    `everyday_ends` false, only function words and new sentences end it)."""
    for _ in range(_MAX_STEPS):
        step = _STEP.match(text, end)
        if not step:
            break
        piece = step.group()
        if _sentence_goes_on(text, end, piece, everyday_ends):
            break
        end = step.end()
    return end


def _sentence_goes_on(text: str, end: int, piece: str, everyday_ends: bool) -> bool:
    """Is this next piece of the line a word that carries the sentence on, or a new sentence?"""
    word = _WORD.search(piece)
    if not word or _CODE_RE.fullmatch(piece) or piece.lstrip(" \t,").startswith("("):
        return False
    if any(c.isdigit() for c in piece):
        return False
    low = word.group().casefold()
    if low in _WEEKDAYS:
        return True  # "East Coast Park Saturday morning": a day names no part of an address
    return low in FUNCTION or (everyday_ends and low in everyday_words()) or text[end - 1] == "."


def _address_end(text: str, end: int) -> int:
    """End of the address whose first part ends at `end` (its line's tail, then address lines)."""
    end = _tail_end(text, end)
    for _ in range(_MAX_LINES):
        line = _LINE.match(text, end)
        if not line or _DATE_LINE.search(line.group("body")):
            break  # "2 February 2024": a letter's date under the address
        if _everyday_line(line.group("body")) and not _postcode_line_after(text, line.end("body")):
            break  # an everyday word's line ends the address, unless its postcode comes next
        end = line.end("body")
    return _last_line_end(text, end)


def _postcode_line_after(text: str, end: int) -> bool:
    """Is the next line an address line with digits ("Warwickshire⏎CV8 2QT": a county whose
    name is also a word, then the postcode)?"""
    line = _LINE.match(text, end)
    return line is not None and _DIGIT.search(line.group("body")) is not None


_LINE_OPEN = re.compile(rf"[ \t]*\n[ \t>?]{{0,8}}(?={_CODE}|,?[ \t]*{_ELEMENT})")
_POSTCODE_DIGITS = re.compile(r"\d{3}")
_DIGIT = re.compile(r"\d")
_DATE_LINE = re.compile(rf"(?i)\b(?:{MONTH_WORDS})\b")


def _last_line_end(text: str, end: int) -> int:
    """End of an address's last line that the sentence goes on after ("Hungary 18695? I
    am..."): its leading address elements, when they hold a postcode's digits."""
    opener = _LINE_OPEN.match(text, end)
    if opener is None:
        return end
    tail = _tail_end(text, opener.end(), everyday_ends=False)
    if _DATE_LINE.search(text, opener.end(), tail):
        return end  # "2 February 2024": a letter's date under the address
    return tail if _POSTCODE_DIGITS.search(text, opener.end(), tail) else end


def _line_above(text: str, start: int) -> tuple[int, int] | None:
    """The line right above the line that `start` opens, when it reads as an addressee
    or an organisation in a letter's or a signature's address block ("Fritz-Armstrong",
    "Otc Markets"): short, ending without punctuation, no colon, not a line of everyday
    words ("Kind regards,", "Leasing consultant")."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or text[line_start:start].strip(" \t>?"):
        return None  # `start` does not open its line, or is on the first line
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    body = text[prev_start : line_start - 1]
    words = _WORD.findall(body)
    stripped = body.strip(" \t>?")
    if not words or len(words) > _MAX_ADDRESSEE_WORDS or len(stripped) > 60 or ":" in stripped:
        return None
    if stripped[-1] in ",.;!?" or _not_an_addressee(stripped):
        return None
    first = body.index(stripped)
    return prev_start + first, prev_start + first + len(stripped)


# Words of a letter's closing: a line holding one is no addressee ("Kind Regards").
_CLOSING_WORDS = words(
    "regards wishes sincerely faithfully thanks thank love cheers best yours warmly respectfully blessings"
    " gratitude hugs"
)


# Words of a job title: a line holding one names a post, not a firm ("Clinical Lead").
_JOB_WORDS = frozenset(RELATIONS) | JOB_WORDS


def _not_an_addressee(line: str) -> bool:
    """Is this line of everyday words a job title or a closing ("Leasing consultant",
    "Clinical Lead", "Kind Regards") rather than a firm named by everyday words in title
    case ("Knowledge Agency", "Scale Unlimited")?"""
    words = _WORD.findall(line)
    lows = {w.casefold() for w in words}
    if not (_CLOSING_WORDS.isdisjoint(lows) and _JOB_WORDS.isdisjoint(lows)):
        return True
    if not _everyday_line(line):
        return False
    return not (len(words) >= 2 and all(w[0].isupper() for w in words))


def _addressees(text: str, start: int) -> Iterator[tuple[int, int]]:
    """The lines above an address that opens its line, up to the first that is not an
    addressee's (a blank line, a salutation, a job title): a signature block names a
    person and a firm above the address ("Ella Snider / Otc Markets / Ella Snider")."""
    for _ in range(_MAX_ADDRESSEE_LINES):
        above = _line_above(text, start)
        if above is None:
            return
        yield above
        start = above[0]


def extend_addresses(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` with each address finding carried over the rest of its address,
    and a finding for each addressee's line above an address block."""
    out = [_carried(text, f) if f.kind == "LOCATION" and f.source in ADDRESS_SOURCES else f for f in findings]
    addresses = [f for f in out if f.kind == "LOCATION" and f.source in ADDRESS_SOURCES]
    for f in addresses:
        if f.end > text.find("\n", f.start) > 0 or "\n" in text[max(0, f.start - 80) : f.start]:
            for above in _addressees(text, f.start):
                if any(a.start < above[1] and above[0] < a.end for a in addresses):
                    # a line of the address itself: all of it ("85199 Avda. Rio Nalon 58")
                    out.append(Finding("LOCATION", above[0], above[1], 0.5, "address-line"))
                else:
                    out.append(Finding("FACILITY", above[0], above[1], 0.5, "addressee-line"))
    return out


def _carried(text: str, f: Finding) -> Finding:
    """The address finding `f` carried over the rest of its address."""
    end = _address_end(text, f.end)
    start = f.start
    if text[start : start + 1].isdigit() or f.source == "street-address":
        lead = _NUMBER_BEFORE.search(text, max(0, start - 12), start)
        start = lead.start() if lead else start
    return f if (start, end) == (f.start, f.end) else Finding(f.kind, start, end, f.score, f.source, f.note)
