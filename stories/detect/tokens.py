"""Word tokens with the context the name rules need.

A token is a run of letters with inner apostrophes or hyphens ("O'Connor",
"Mei-Ling", "Rachel's").  For each token we keep its offsets, whether it is
capitalized, whether it starts a sentence (so its capital proves nothing), and
the gap text to the previous token, from which the rules read punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENT_RX = re.compile(r"[.!?\n:;\"“”(•*>|\[]")
ABBREVIATIONS = frozenset(
    {"dr", "st", "mt", "ft", "mr", "mrs", "ms", "mx", "prof", "sr", "rev", "jr", "e.g", "i.e"}
)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    word: str  # as written
    base: str  # without a possessive 's
    low: str  # casefolded base
    cap: bool  # first letter is uppercase
    upper: bool  # the whole word is uppercase (acronym or shouting)
    sent_start: bool  # first word of a sentence, line or quotation
    gap: str  # text between the previous token and this one (max 8 chars kept)


def _base(word: str) -> str:
    if len(word) > 3 and word[-2] in "'’" and word[-1] in "sS":
        return word[:-2]
    return word


def tokenize(text: str) -> list[Token]:
    """Split `text` into word tokens; linear time, never raises."""
    out: list[Token] = []
    prev_end = 0
    prev_low = ""
    append = out.append
    for m in TOKEN_RE.finditer(text):
        start, end = m.span()
        word = m.group()
        base = _base(word) if ("'" in word or "’" in word) else word
        gap = text[prev_end:start]
        if gap == " ":
            sent = not out
        else:
            if len(gap) > 8:
                gap = gap[:4] + gap[-4:]
            if not out:
                sent = True
            elif _SENT_RX.search(gap):
                sent = not (gap.startswith(".") and prev_low in ABBREVIATIONS and gap.strip(" .") == "")
            else:
                sent = False
        low = base.lower()
        first = word[0]
        append(
            Token(start, end, word, base, low, first.isupper(), len(word) > 1 and word.isupper(), sent, gap)
        )
        prev_end = end
        prev_low = low
    return out
