"""A person named by initials right after a cue.

"my friend J. from water aerobics", "my friends call me K.B.", "a midwife called J.": a
capital letter with its full stop, after a relation with a possessive or after a naming
word, is someone's initial, not the pronoun or an abbreviation (`name_cues` asks these).
"""

from __future__ import annotations

from . import cues
from .name_words import NameText

_CALL = frozenset({"call", "calls", "called"})


def initials_after_naming(t: NameText, i: int) -> bool:
    """Is token i a capital initial with its full stop after "call me", "called" or "named"
    ("my friends call me K.B.", "a midwife called J.")?"""
    word, lows = t.words[i], t.lows
    if len(word) != 1 or not word.isupper() or word == "I" or i < 1:
        return False
    if i + 1 >= t.n or not t.gaps[i + 1].startswith("."):
        return False
    return lows[i - 1] in ("called", "named") or (i >= 2 and lows[i - 1] == "me" and lows[i - 2] in _CALL)


def next_initial(t: NameText, i: int) -> bool:
    """Is token i + 1 another capital initial right after token i's full stop ("K.B.")?"""
    k = i + 1
    return k < t.n and len(t.words[k]) == 1 and t.words[k].isupper() and t.gaps[k] == "."


def initial_after_relation(t: NameText, i: int) -> bool:
    """Is token i a lone initial with its full stop right after "my friend", "my husband"...
    ("my friend J. from water aerobics")?"""
    word = t.words[i]
    return (
        len(word) == 1
        and word.isupper()
        and word != "I"
        and i + 1 < t.n
        and t.gaps[i + 1].startswith(".")
        and i >= 2
        and t.lows[i - 1] in cues.RELATIONS
        and t.lows[i - 2] in cues.POSSESSIVES
    )
