"""Unicode normalization and length checks: the first step for every untrusted string.

`normalize_text` turns whatever a browser, a paste buffer or an attacker sent
into one canonical, printable form, so every later step (sanitizing, PII
detection, Markdown escaping, diffing) sees the same characters a reader sees:

1. repair invalid Unicode: surrogate pairs are joined, lone surrogates and
   noncharacters become U+FFFD;
2. normalize line breaks (CRLF, CR, NEL, LS, PS, VT, FF) to ``\\n``;
3. NFC-normalize, so visually equal strings compare equal;
4. drop control characters except ``\\n``; a tab becomes `TAB_WIDTH` spaces;
5. drop invisible characters that hide or reorder text (Trojan-Source style
   bidi overrides/embeddings/isolates, zero-width spaces, BOM, soft hyphen,
   invisible operators, Hangul fillers, stray Unicode tag characters) but keep
   what real scripts and emoji need: ZWJ U+200D, ZWNJ U+200C, LRM/RLM/ALM
   marks, variation selectors, the combining grapheme joiner, and tag
   characters inside an emoji tag sequence (subdivision flags).

The result is NFC-normalized once more after stripping (removing a zero-width
character can bring a base letter and a combining mark together), which makes
the function idempotent: ``normalize_text(normalize_text(s)) == normalize_text(s)``.
All steps are linear in the input length.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

TAB_WIDTH = 4

# UTF-16 surrogates: a pair is joined into one character, a lone one replaced.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Line separators other than "\n" that a renderer may treat as a line break.
_NEWLINES = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")

# Noncharacters: U+FDD0..U+FDEF and the last two code points of every plane.
_NONCHARACTERS = re.compile(
    "[\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
    + "]"
)

# Invisible characters that can hide, spoof or reorder text.  Joiners,
# directional marks and variation selectors are deliberately absent.
_INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers (used for "blank" names)
    "\u17b4\u17b5"  # Khmer inherent vowels (invisible, deprecated)
    "\u180e"  # Mongolian vowel separator
    "\u200b"  # zero-width space
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u2064"  # word joiner, invisible operators
    "\u2066-\u2069"  # bidi isolates
    "\u206a-\u206f"  # deprecated format characters
    "\ufeff"  # BOM / zero-width no-break space
    "\ufff9-\ufffb"  # interlinear annotation
    "\U0001d173-\U0001d17a"  # musical formatting characters
)

# Unicode tag characters are only legitimate inside an emoji tag sequence:
# U+1F3F4 (black flag), tag letters, U+E007F (cancel tag).
_EMOJI_TAG_SEQUENCE = "\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f"
_TAG_CHARS = "\U000e0000-\U000e007f"

# One pass: keep emoji tag sequences (group 1), drop everything else matched.
_STRIP = re.compile(f"({_EMOJI_TAG_SEQUENCE})|[\x00-\x08\x0e-\x1f\x7f-\x9f{_INVISIBLE}{_TAG_CHARS}]")

_WHITESPACE_RUN = re.compile(r"\s+")


class TextTooLong(ValueError):
    """A field is longer than its limit.

    The message names the field and the two numbers only; it never quotes the
    text, so it is safe to show to the patient and to log.
    """

    def __init__(self, field_label: str, limit: int, actual: int) -> None:
        self.field_label = field_label
        self.limit = limit
        self.actual = actual
        super().__init__(
            f"Your {field_label} is {actual:,} characters long; the limit is {limit:,}. Please shorten it."
        )


def repair_unicode(s: str) -> str:
    """Join surrogate pairs and replace lone surrogates and noncharacters by U+FFFD."""
    if _SURROGATE.search(s):
        s = s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return _NONCHARACTERS.sub("\ufffd", s)


def _strip_match(match: re.Match[str]) -> str:
    return match.group(1) or ""


def _before_stripping(s: str) -> str:
    """Steps 1-4 of `normalize_text` up to (not including) the removal of characters."""
    s = repair_unicode(s)
    s = _NEWLINES.sub("\n", s)
    s = unicodedata.normalize("NFC", s)
    return s.replace("\t", " " * TAB_WIDTH)


def removed_characters(s: str) -> list[str]:
    """Describe what `normalize_text` removes from `s`, so the patient can be told first.

    One entry per kind of character, e.g. ``"ZERO WIDTH SPACE (U+200B) x2"``;
    empty when nothing but invisible canonical changes (NFC, line endings,
    tabs to spaces) would happen.  The entries name characters, never text.
    """
    counts = Counter(m.group() for m in _STRIP.finditer(_before_stripping(s)) if not m.group(1))
    return [
        f"{unicodedata.name(char, 'CONTROL CHARACTER')} (U+{ord(char):04X})" + (f" x{n}" if n > 1 else "")
        for char, n in sorted(counts.items())
    ]


def normalize_text(s: str) -> str:
    """Return `s` repaired, with ``\\n`` newlines, NFC, and no control or invisible characters."""
    s = _STRIP.sub(_strip_match, _before_stripping(s))
    return unicodedata.normalize("NFC", s)


def normalize_line(s: str) -> str:
    """Normalize a single-line field (title, display name, signature).

    Every run of whitespace, newlines included, becomes one space; the ends
    are stripped.
    """
    return _WHITESPACE_RUN.sub(" ", normalize_text(s)).strip()


def check_length(value: str, limit: int, field_label: str) -> None:
    """Raise `TextTooLong` if `value` has more than `limit` characters."""
    if len(value) > limit:
        raise TextTooLong(field_label, limit, len(value))
