"""Shadow step 5: phone and ID numbers written out in words.

"oh seven seven double oh nine ..." is read as "07700 9...": a run of four or
more number words is rewritten as digits when it spells six digits or more
and is not counting ("one, two, three, four").  The gate reads the shared
token columns, so a story without four number words in a row costs one set
test per word.
"""

from __future__ import annotations

import re

from .tokens import shared_columns, word_class

_NUMBER_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "nil": "0", "one": "1", "two": "2",
    "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
}  # fmt: skip
_TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7",
         "eighty": "8", "ninety": "9"}  # fmt: skip
_MULTIPLIERS = {"double": 2, "triple": 3, "treble": 3}
_SCALE = {"hundred": "00", "thousand": "000"}
_NUMBER_WORD = (
    "(?:" + "|".join(sorted([*_NUMBER_WORDS, *_TENS, *_MULTIPLIERS, *_SCALE], key=len, reverse=True)) + ")"
)
_NUMBER_RUN = re.compile(
    rf"(?i)(?<![\w'])(?:{_NUMBER_WORD})(?:[ ,\-]{{1,3}}(?:{_NUMBER_WORD})(?![\w'])){{3,40}}"
)
_NUMBER_TOKEN = re.compile(rf"(?i){_NUMBER_WORD}")
# Lowercase tokens (as `tokens.Columns.lows` has them) that read as digits.
_NUMBER_LOWS = frozenset(
    [*_NUMBER_WORDS, *_TENS, *_MULTIPLIERS, *_SCALE]
    + [f"{t}-{u}" for t in _TENS for u in _NUMBER_WORDS if len(_NUMBER_WORDS[u]) == 1]
)
_NUMBER_CLASS = word_class(_NUMBER_LOWS)
_NUMBER_GATE_RUN = b"\x01\x01\x01\x01"
_MIN_SPELLED_DIGITS = 6


def _spelled_digits(run: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) for each number word of `run`, relative to it."""
    words = [(t.start(), t.end(), t.group().lower()) for t in _NUMBER_TOKEN.finditer(run)]
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(words):
        s, e, w = words[k]
        if w in _MULTIPLIERS and k + 1 < len(words) and words[k + 1][2] in _NUMBER_WORDS:
            nxt = words[k + 1]
            out.append((s, nxt[1], _NUMBER_WORDS[nxt[2]] * _MULTIPLIERS[w]))
            k += 2
            continue
        if w in _TENS:
            nxt = words[k + 1] if k + 1 < len(words) else None
            if nxt and len(_NUMBER_WORDS.get(nxt[2], "xx")) == 1 and nxt[2] not in ("oh", "o", "zero"):
                out.append((s, nxt[1], _TENS[w] + _NUMBER_WORDS[nxt[2]]))
                k += 2
                continue
            out.append((s, e, _TENS[w] + "0"))
        elif w in _SCALE:
            out.append((s, e, _SCALE[w]))
        elif w in _NUMBER_WORDS:
            out.append((s, e, _NUMBER_WORDS[w]))
        else:
            out.append((s, e, ""))  # a lone "double"
        k += 1
    return out


def _counting(pieces: list[tuple[int, int, str]]) -> bool:
    """Is this counting ("one, two, three, four...", "twenty one, twenty two...")?"""
    values = [int(d) for _, _, d in pieces if d and len(d) <= 2]
    if len(values) != len(pieces):
        return False
    return all(b == a + 1 for a, b in zip(values, values[1:], strict=False))


def number_edits(s: str) -> list[tuple[int, int, str]]:
    # gate: four number words in a row, read from the shared tokens
    if _NUMBER_GATE_RUN not in shared_columns(s).marks(_NUMBER_CLASS):
        return []
    out: list[tuple[int, int, str]] = []
    for m in _NUMBER_RUN.finditer(s):
        pieces = _spelled_digits(m.group())
        if sum(len(d) for _, _, d in pieces) < _MIN_SPELLED_DIGITS or _counting(pieces):
            continue
        base = m.start()
        prev_end = None
        for ps, pe, digits in pieces:
            if prev_end is not None and prev_end < ps:
                out.append((base + prev_end, base + ps, ""))  # the separator
            out.append((base + ps, base + pe, digits))
            prev_end = pe
    return out
