"""Nicknames written in quotation marks.

People give the name they go by in quotes: 'most people call me "Biddy"', 'friends call
me "Keat" or "BK"', 'a physical therapist named Rosalind "Roz" Ochoa'.  A quoted word after
a naming verb, or between two capitalised words of a name, is a name, whatever the word:
the quotes and the verb say so.  Straight and curly quotes both count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stories.findings import Finding

from .lexicon import lexicon
from .tokens import shared_columns
from .vocab import FUNCTION

_Q = "\"“”'‘’"
_NICK = rf"[{_Q}](?P<n>[^\W\d_][\w'’.-]{{0,20}}(?:[ ][^\W\d_][\w'’.-]{{0,20}})?)[{_Q}]"
# "call me "Biddy"", "calls her 'Bee'", "known as "Tash"", "nicknamed "BK"", "or "BK"",
# "I have been "Dot" since kindergarten"
AFTER_NAMING_RE = re.compile(
    rf"\b(?:call(?:s|ed)?\s+(?:me|her|him|them)|known\s+as|nicknamed|goes\s+by|go\s+by|been|or)\s+{_NICK}",
    re.IGNORECASE,
)
# "Rosalind "Roz" Ochoa": a capitalised word in double quotes between a first name the
# name list knows and a capitalised word that is no function word
INSIDE_NAME_RE = re.compile(
    r"\b(?P<first>[A-Z][a-z'’-]+)\s+[\"“”](?P<n>[A-Z][\w'’.-]{0,20})[\"“”]\s+(?P<last>[A-Z][a-z'’-]+)"
)


_NAMING_WORDS = frozenset({"call", "calls", "called", "known", "nicknamed", "goes", "go", "been"})
_DOUBLE_QUOTES = ("\"", "“", "”")
# Every `AFTER_NAMING_RE` match holds a space right before a quote: a C-level scan first.
# The gates are written quote first, "[quote](?<=\s.)" for "\s[quote]" (the same
# positions), so that `re` skips from quote to quote rather than trying every space.
_SPACE_QUOTE = re.compile(rf"[{_Q}](?<=\s.)")
# and every `INSIDE_NAME_RE` match a space right before a double quote.
_SPACE_DOUBLE_QUOTE = re.compile(r"[\"“”](?<=\s.)")


# On a Latin-1 text (whose only quotes are '"' and "'") the gates read its bytes,
# marked: " " white space, "d" a double quote, "q" a single one, "o" anything else.
_QUOTE_MARKS = bytes(
    ord(" " if re.fullmatch(r"\s", ch) else "d" if ch == '"' else "q" if ch == "'" else "o")
    for ch in map(chr, range(256))
)


def _spaces_before_quotes(text: str, single: bool) -> tuple[bool, bool]:
    """Do `_SPACE_QUOTE` (asked only if `single`, else False) and `_SPACE_DOUBLE_QUOTE` match in `text`?"""
    try:
        marks = text.encode("latin-1").translate(_QUOTE_MARKS)
    except UnicodeEncodeError:
        double = any(q in text for q in _DOUBLE_QUOTES) and _SPACE_DOUBLE_QUOTE.search(text) is not None
        return single and (double or _SPACE_QUOTE.search(text) is not None), double
    double = b" d" in marks
    return single and (double or b" q" in marks), double


def find_nicknames(text: str) -> Iterator[Finding]:
    """PERSON findings for quoted nicknames (see module docstring).  Cheap gates first:
    a naming word among the story's words and a space before a quote, a space before
    a double quote."""
    naming = not _NAMING_WORDS.isdisjoint(shared_columns(text).low_set())
    any_quote, double_quote = _spaces_before_quotes(text, naming)
    if any_quote:
        yield from _after_naming(text)
    if double_quote:
        yield from _inside_names(text)


def _after_naming(text: str) -> Iterator[Finding]:
    for m in AFTER_NAMING_RE.finditer(text):
        if m.group(0).lower().startswith("or") and not _after_nickname(text, m.start()):
            continue  # "or" only continues a list of nicknames: 'call me "Keat" or "BK"'
        if m.group(0).lower().startswith("been") and not m.group("n")[0].isupper():
            continue  # 'I have been "Dot"', not 'it has been "fine"'
        yield Finding("PERSON", m.start("n"), m.end("n"), 0.7, "nickname")


def _inside_names(text: str) -> Iterator[Finding]:
    lex = lexicon()
    for m in INSIDE_NAME_RE.finditer(text):
        if m.group("first") in lex.first and m.group("last").lower() not in FUNCTION:
            yield Finding("PERSON", m.start(), m.end(), 0.7, "nickname")


def _after_nickname(text: str, pos: int) -> bool:
    """Is `pos` ("or") right after a quoted nickname that followed a naming verb?"""
    before = text[max(0, pos - 40) : pos].rstrip()
    return bool(before) and before[-1] in _Q and AFTER_NAMING_RE.search(before) is not None
