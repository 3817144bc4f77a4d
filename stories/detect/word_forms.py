"""Everyday English words typed in forms no word list holds: a contraction without its
apostrophe ("dont", "theyd", "im"), two words written as one ("bloodwork", "waitlist"), a
word drawn out for effect ("sooo", "lmaooo").

Texters write them all the time; a word list counts "don't", "blood" and "work", not
"dont" or "bloodwork".  They matter where capitals prove nothing (`recase`: text in
capitals, or a story typed all in lower case), where a word no list knows is otherwise
read as a name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import _wordfreq_words, english_words, lexicon

# A letter typed three times or more.
_DRAWN_OUT = re.compile(r"([a-zà-ÿ])\1\1")


def drawn_out(low: str) -> bool:
    """Is `low` a word drawn out for effect ("sooo", "lmaooo"): never a name?"""
    return _DRAWN_OUT.search(low) is not None


_CONTRACTION_ENDS = ("n't", "'s", "'ve", "'ll", "'d", "'re", "'m")


def bare_contraction(low: str) -> bool:
    """Is `low` an English contraction typed without its apostrophe ("dont", "theyd", "im",
    "theres")?  Read only where capitals prove nothing (`recase`), where "SHELL" and
    "THERES" are far likelier "she'll" and "there's" than a firm or a name."""
    for end in _CONTRACTION_ENDS:
        bare = end.replace("'", "")
        if low.endswith(bare) and len(low) > len(bare):
            cut = len(low) - len(bare) + end.index("'")
            if low[:cut] + "'" + low[cut:] in english_words():
                return True
    return False


@lru_cache(maxsize=1)
def _attested() -> frozenset[str]:
    """English words that wordfreq's large list counts at all (Zipf >= 1.5; ~170,000)."""
    return _wordfreq_words("en", 1.5, size="large")


def english_compound(low: str) -> bool:
    """Is `low` two English words written as one that English text uses ("bloodwork",
    "waitlist", "nonbinary"), and no town or name ("Blackwood", "Newcastle")?  A firm's
    made-up compound ("Datamade") or a suburb's ("Broadmeadow") is no word English text
    uses, and stays a name.  Read only where capitals prove nothing (`recase`)."""
    if len(low) < 7 or not low.isalpha():
        return False
    lex, english = lexicon(), english_words()
    if low in lex.names_lower or low in lex.cities_lower or low not in _attested():
        return False
    return any(low[:i] in english and low[i:] in english for i in range(3, len(low) - 2))
