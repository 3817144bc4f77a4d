"""Numbers a sentence names as identifiers, even when the cue is a few words back.

"my NHS number was on it, 943 476 5919", "the Medicare card is 2953 71846 1",
"my Aadhaar, I gave 4821 7730 1946": the digits look like a phone number, and
`phonenumbers` accepts them, but the sentence says what they are.  The number
is an ID when an identifier scheme is named earlier in the same sentence and
no word of calling (call, phone, mobile, text...) is there: "my NHS number is
on the letter, ring 0161 496 0000" stays a phone.  A long number written
after "#" ("#4471093 on my wristband") is a record number too.  These findings
share the phone finding's span, so the phone yields (`detect._yields`); an
issuer's letters written before the number ("whsct 0048271") belong to it
(`id_codes.issuer_start`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stories.findings import Finding

from .anchors import run_starts
from .id_codes import issuer_start

_NUMBER = re.compile(r"\d(?:[ -]?\d){6,14}(?![\w-])")
_SCHEME = re.compile(
    r"(?i)\b(?:MRN|SSN|PPSN?|IHI|UHID|aadhaa?r|"
    r"(?:NHS|CHI|medicare|medicaid|OHIP|RAMQ|PHN|hospital|patient|member(?:ship)?|policy|insurance|record|"
    r"case|claim|chart|file|reference|passport|licen[cs]e|account)\s+(?:number|no\b|id\b|#)|"
    r"(?:health|care|medicare|insurance|member(?:ship)?|hospital|id|identity|national)\s+card|"
    r"my\s+(?:chart|file|records?))"
)
_CALLING = re.compile(
    r"(?i)\b(?:call(?:ed|ing)?|phon(?:e|ed|ing)|ring|rang|mobile|cell|tel|text(?:ed)?|whatsapp|fax|"
    r"landline|dial(?:led)?|helpline|line|contact|reach)\b"
)
_ON = re.compile(r"(?i)\b(?:on|at)\s*:?\s*$")  # "reach her on 0161...": a phone
_DATE_LIKE = re.compile(r"\d{1,2}[ -]\d{1,2}[ -](?:19|20)?\d\d$")  # "12 03 2019" is a date
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_REACH = 60


def _sentence_before(text: str, start: int) -> str:
    """The part of the sentence before `start`, at most `_REACH` characters."""
    window = text[max(0, start - _REACH) : start]
    ends = list(_SENTENCE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def _named_before(text: str, start: int) -> bool:
    """Is an identifier scheme named before `start` in its sentence, with no calling word?"""
    before = _sentence_before(text, start)
    return bool(_SCHEME.search(before)) and not (_CALLING.search(before) or _ON.search(before))


def find_cued_ids(text: str) -> Iterator[Finding]:
    """A 7-15 digit number after "#" or after an identifier scheme named in its sentence."""
    reach = -1
    for p in run_starts(text):
        if p < reach or (p and (text[p - 1].isalnum() or text[p - 1] in "+(-_")):
            continue
        m = _NUMBER.match(text, p)
        if not m:
            continue
        reach = m.end()
        if _DATE_LIKE.match(m.group()):
            continue
        if text[p - 1 : p] == "#" or _named_before(text, p):
            yield Finding("ID", issuer_start(text, p, lowercase=True), m.end(), 0.85, "scheme-cue")
