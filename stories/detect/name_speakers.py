"""Speakers of a chat or a script pasted into a story.

A story may hold a conversation: a WhatsApp export ("14/01/2024, 22:04 - Jen:
oh babe"), a couple writing together ("MEL: So. Vestibulodynia." / "JO: I was
so angry"), a forum thread.  Each line opens with the speaker's name and a
colon.  One such line proves little ("Update: it worked", "Hx: none"), but a
label that opens two or more lines is someone speaking, and if it is no word
the dictionary writes in lower case ("Me:", "Edit:", "Answer:"), no clinical
shorthand and no safe vocabulary, it is her name, whatever its case and
whether or not a first-name list knows it ("Jen", "MEL", "JO").
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import compress

from .chart_words import ABBREVIATIONS
from .lexicon import lowercase_word
from .name_words import NameText
from .vocab import FUNCTION, TITLES

_MIN_LINES = 2  # a label that opens this many lines is a speaker


def _label_at(t: NameText, i: int) -> bool:
    """Is token i the first word of its line (after any timestamp), alone before a colon
    with more text on the line or on the next one (a script's "DOUG:⏎...")?"""
    gaps = t.gaps
    opens = i == 0 or "\n" in gaps[i]
    if not opens or i + 1 >= t.n:
        return False
    after = gaps[i + 1]
    colon = _COLON.match(after)
    if colon is None or not t.words[i].isalpha():
        return False
    return "\n" not in after or after[colon.end() :].strip(" \t") == "\n"  # "DOUG:⏎I'm Doug, I'm 63"


# The colon after a label, maybe after an emoji ("Jas 🌻: ok so"): no letter, digit or space.
_COLON = re.compile(r"(?:[ \t]*[^\w\s:]{1,4}[ \t]*)?:")


def _not_a_name(t: NameText, low: str, base: str) -> bool:
    """Is the label `low` a word, a title, shorthand or safe vocabulary ("Me", "Edit",
    "Dr", "Hx", "GP")?"""
    return (
        len(low) < 2
        or low in FUNCTION
        or low in TITLES
        or low in ABBREVIATIONS
        or (lowercase_word(low) and base not in t.lex.first)
        or t.foreign_word(low)  # "Respuesta:" in a Spanish thread
        or t.lex.is_safe(base)
    )


def find_speakers(t: NameText) -> None:
    """PERSON findings (into `t.out`) for every label that opens at least `_MIN_LINES`
    lines and is no word (see module docstring)."""
    if ":" not in t.text:
        return
    labels: defaultdict[str, list[int]] = defaultdict(list)
    for i in compress(range(t.n), t.sents):  # a line's first word starts a sentence
        if _label_at(t, i):
            labels[t.lows[i]].append(i)
    for low, where in labels.items():
        if len(where) < _MIN_LINES or _not_a_name(t, low, t.words[where[0]].capitalize()):
            continue
        for i in where:
            if i not in t.taken:
                t.emit_person(i, i + 1, 0.6, "speaker")
