"""Step 1 of the shadow: what each non-ASCII character reads as.

Typographic apostrophes and quotes become ASCII ("I’m" reads like "I'm");
NFKC folds full-width and mathematical letters, digits, spaces and
punctuation; Cyrillic, Greek and other letters that look Latin are folded to
Latin (a subset of Unicode's confusables.txt); format characters (joiners,
bidi marks, soft hyphen), variation selectors, the grapheme joiner, and
combining marks on Latin letters are removed.  Answers are cached per
character.  See `shadow` for how the edits are applied.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\u02b9\uff07\u0060\u00b4"
_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02"
_FOLD: dict[str, str] = {c: "'" for c in _APOSTROPHES} | {c: '"' for c in _QUOTES}
# Letters of other scripts that look like Latin ones (a subset of Unicode's
# confusables.txt: the Cyrillic, Greek, Armenian and IPA letters used to
# disguise Latin words).
_CONFUSABLES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d",
    "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ѵ": "v", "ү": "y", "ɡ": "g",
    "А": "A", "В": "B", "С": "C", "Е": "E", "Ё": "E", "Н": "H", "І": "I", "Ї": "I", "Ј": "J",
    "К": "K", "М": "M", "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y",
    "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I", "Ԁ": "D",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "α": "a", "ι": "i", "κ": "k",
    "ν": "v", "ρ": "p", "υ": "u", "χ": "x", "ε": "e", "γ": "y", "ϲ": "c", "ϳ": "j",
    # Armenian, IPA and Latin look-alikes
    "օ": "o", "ս": "u", "հ": "h", "ո": "n", "ց": "g", "ı": "i", "ȷ": "j", "ɩ": "i", "ɑ": "a",
    "ℓ": "l", "ℐ": "I",
}  # fmt: skip
_NFKC_CATEGORIES = ("L", "Nd", "Zs", "P", "Sm")
_DROP = frozenset({"Cf", "Cc"})
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Per-character answers: None = a combining mark (dropped after Latin letters).
_CHAR_CACHE: dict[str, str | None] = {}
_CHAR_CACHE_MAX = 8192


def _fold_char(c: str) -> str | None:
    """What one non-ASCII character reads as in the shadow ("" = nothing)."""
    if c in _FOLD:
        return _FOLD[c]
    code = ord(c)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or c == "\u034f":
        return ""  # variation selectors, combining grapheme joiner
    cat = unicodedata.category(c)
    if cat in _DROP:
        return ""
    if cat in ("Mn", "Me"):
        return None
    out = c
    if cat.startswith(_NFKC_CATEGORIES):
        folded = unicodedata.normalize("NFKC", c)
        # punctuation only one for one ("＠" is "@"; "…" stays, it is no sentence end)
        if cat[0] in "LNZ" or len(folded) == 1:
            out = "".join(_FOLD.get(x, x) for x in folded)
    return "".join(_CONFUSABLES.get(x, x) for x in out)


def _latinish(c: str) -> bool:
    return c.isascii() or ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF


def char_edits(text: str) -> list[tuple[int, int, str]]:
    """Edits of step 1: (start, end, replacement) for each changed character."""
    edits: list[tuple[int, int, str]] = []
    cache = _CHAR_CACHE
    dropped_mark = -2  # index of the last combining mark dropped
    for m in _NON_ASCII.finditer(text):
        c = m.group()
        i = m.start()
        if c in cache:
            out = cache[c]
        else:
            out = _fold_char(c)
            if len(cache) < _CHAR_CACHE_MAX:
                cache[c] = out
        if out is None:  # a combining mark: dropped when it sits on a Latin letter
            base = text[i - 1] if i else ""
            folded = cache.get(base) or base
            if i and (dropped_mark == i - 1 or _latinish(base) or folded.isascii()):
                edits.append((i, i + 1, ""))
                dropped_mark = i
            continue
        if out != c:
            edits.append((i, i + 1, out))
    return edits
