"""Reference codes written as one piece: issuer prefixes, slash codes, IBANs, IPv6.

People copy reference numbers the way the letter or card printed them: the
issuer's acronym then digit groups ("WHSCT 0048271", "XQP 884 219 307"),
letter and digit groups joined by slashes ("UCH/GYN/0419873", "PALS/24/11873"),
bank account numbers (IBAN), network addresses (IPv6), and national numbers in
dotted thousands with a check character ("17.842.356-K", Chile's RUT).  The whole code is
one identifier: a span that kept only the digits would leave the issuer in
the story and show the moderator half a code.

Dates, scores ("7/10"), ratios, "24/7", "and/or" and "HIV/AIDS" are no codes:
a slash code needs a letter group and at least five digits outside years.
Every pattern has bounded repetitions, so one pass over the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stories.findings import Finding

from .anchors import digit_runs, matches_at
from .lexicon import english_form

# Names of identifier schemes: before a number they are a cue, not part of the code.
_SCHEME_NAMES = frozenset(
    {
        "NHS", "MRN", "SSN", "SIN", "NI", "NINO", "PPS", "PPSN", "CHI", "IHI", "PIN", "NPI", "EIN", "TIN",
        "ITIN", "UHID", "MBI", "ID", "IDS", "NO", "DOB", "IBAN", "OHIP", "RAMQ", "MSP", "PHN", "HCN", "BSN",
        "CPR", "PESEL", "NIF", "NIE", "DNI", "CURP", "RFC", "TFN", "ABN", "UTR",
    }
)  # fmt: skip
# An issuer acronym written straight before the number: "WHSCT 0048271", "DH 4471 2209 05".
_ISSUER = re.compile(r"(?<![\w&/.-])([A-Z]{2,6})[ \t]+$")
_LOWER_ISSUER = re.compile(r"(?<![\w&/.-])([A-Za-z]{2,6})[ \t]+$")
_SLASH_CODE = re.compile(
    r"(?<![\w/.\-@:])[A-Za-z][A-Za-z0-9]{0,11}(?:[/-][A-Za-z0-9]{1,12}){1,5}(?![\w@]|[/-]\w)"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_IBAN = re.compile(r"(?<![\w-])[A-Z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![\w-])")
# A national number in dotted thousands with a check character: "17.842.356-K" (Chile's RUT/RUN),
# "9.876.543-2".  The check after the dash tells it from a price or a count ("12.500.000").
_DOTTED_CHECK = re.compile(r"(?<![\w.,])\d{1,2}\.\d{3}\.\d{3}-[0-9Kk](?![\w-]|[.,]\d)")
_IPV6 = re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{1,4}:{1,2}){2,7}[0-9A-Fa-f]{1,4}(?![\w:])")


def issuer_start(text: str, start: int, lowercase: bool = False) -> int:
    """Start of an issuer acronym written straight before the number at `start`.

    "WHSCT 0048271" is one code; "NHS 485 777 3456" keeps NHS out, as the name
    of the scheme (a cue).  With `lowercase` (the number is already known to be
    an identifier) a texter's "whsct 0048271" counts too, unless the letters are
    an English word ("is", "gave").  Returns `start` when there is no such acronym.
    """
    m = (_LOWER_ISSUER if lowercase else _ISSUER).search(text, max(0, start - 10), start)
    if not m or m.group(1).upper() in _SCHEME_NAMES:
        return start
    letters = m.group(1)
    if not letters.isupper() and (not letters.islower() or english_form(letters)):
        return start  # "Sarah 943 476 5919": a name or a word, not an issuer
    return m.start(1)


def _slash_code_ok(code: str) -> bool:
    """A slash code has a slash, a group of two letters and five digits outside years, or
    one letter and ten digits ("P/141112/01/2024/008812", a policy's number)."""
    if "/" not in code:
        return False
    groups = re.split(r"[/-]", code)
    digits = sum(len(re.sub(r"\D", "", g)) for g in groups if not _YEAR.fullmatch(g))
    if not any(len(g) >= 2 and g[:2].isalpha() for g in groups):
        return digits >= 10 and groups[0].isalpha()
    return digits >= 5


def _ipv6_ok(addr: str) -> bool:
    """Eight groups, or fewer with "::", and some hex letter or long group (not "10:30:45")."""
    groups = re.split(r":+", addr)
    if len(groups) < 4 and "::" not in addr:
        return False
    return any(ch.isalpha() for ch in addr) or any(len(g) == 4 for g in groups)


_CODE_CHAR = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-")
_HEX_CHAR = frozenset("0123456789abcdefABCDEF:")
_REACH = 80  # characters a code may reach to either side of its slash or colon


def _starts_around(text: str, sep: str, chars: frozenset[str]) -> list[int]:
    """Start of the run of `chars` around each `sep` in `text` (bounded): where a code
    that contains `sep` can begin.  A pattern is then matched only there, not tried at
    every letter of the story."""
    starts: list[int] = []
    i = text.find(sep)
    while i != -1:
        k = i
        while k > 0 and i - k < _REACH and text[k - 1] in chars:
            k -= 1
        if not starts or starts[-1] != k:
            starts.append(k)
        i = text.find(sep, i + 1)
    return starts


def _iban_starts(text: str) -> list[int]:
    """Where an IBAN can begin: two capitals right before a digit run."""
    return [
        s - 2
        for s, _ in digit_runs(text)
        if s >= 2 and text[s - 2 : s].isupper() and text[s - 2 : s].isalpha()
    ]


def find_id_codes(text: str) -> Iterator[Finding]:
    """Slash-joined reference codes, IBANs and IPv6 addresses, each as one ID."""
    if "/" in text:
        for m in matches_at(_SLASH_CODE, text, _starts_around(text, "/", _CODE_CHAR)):
            if _slash_code_ok(m.group()):
                yield Finding("ID", m.start(), m.end(), 0.8, "slash-code")
    dotted = [s for s, e in digit_runs(text) if e - s <= 2 and text[e : e + 1] == "."]
    for m in matches_at(_DOTTED_CHECK, text, dotted):
        yield Finding("ID", m.start(), m.end(), 0.85, "dotted-check")
    for m in matches_at(_IBAN, text, _iban_starts(text)):
        if sum(ch.isdigit() for ch in m.group()) >= 8:
            yield Finding("ID", m.start(), m.end(), 0.85, "iban")
    if ":" in text:
        for m in matches_at(_IPV6, text, _starts_around(text, ":", _HEX_CHAR)):
            if _ipv6_ok(m.group()):
                yield Finding("ID", m.start(), m.end(), 0.8, "ipv6")
