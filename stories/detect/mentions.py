"""A name found once in a story marks every later (and earlier) mention of it.

Cue rules see "my flatmate tash" but not the bare "tash used to leave me
notes" two paragraphs on; the capital rules skip a name at a sentence start.
So each word of every PERSON finding is looked for again in the whole text,
as a whole word.  A mention in lowercase counts only when the word is not an
everyday word ("Will" found after a cue does not make every "will" a name).
"""

from __future__ import annotations

import re

from stories.findings import Finding

from .lexicon import lexicon

_NAME_SOURCES = frozenset({"name-cue", "title", "name-gazetteer", "proper-noun"})
_MAX_NAMES = 40


def _name_words(text: str, found: list[Finding]) -> set[str]:
    """Words of at least three letters inside the story's PERSON findings."""
    words: set[str] = set()
    for f in found:
        if f.kind == "PERSON" and f.source in _NAME_SOURCES:
            for w in re.findall(r"[^\W\d_]{3,}", text[f.start : f.end]):
                words.add(w)
                if len(words) >= _MAX_NAMES:
                    return words
    return words


def repeat_mentions(text: str, found: list[Finding]) -> list[Finding]:
    """PERSON findings for the other mentions of words already found as names."""
    words = _name_words(text, found)
    if not words:
        return []
    lex = lexicon()
    by_low = {w.lower(): w for w in words}
    rx = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, by_low), key=len, reverse=True)) + r")\b", re.I)
    taken = {(f.start, f.end) for f in found}
    out = []
    for m in rx.finditer(text):
        if (m.start(), m.end()) in taken:
            continue
        word = m.group()
        if not word[0].isupper() and word.lower() in lex.ordinary_lower:
            continue  # "will", "grace" in lowercase: everyday words
        if word.isupper() and len(word) > 1 and word.lower() in lex.ordinary_lower:
            continue
        out.append(Finding("PERSON", m.start(), m.end(), 0.6, "repeat-mention"))
    return out
