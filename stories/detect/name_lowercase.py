"""Full names typed in lowercase, without a cue ("eva kleist lives at...").

Texting style drops capitals, so the proper-noun rule cannot see "naomi ryan"
and the cue rules see a name only after "my friend" or "i'm".  Two lowercase
words in a row, the first in the first-name list and the second in the
surname list (or no word list at all: "eva kleist"), are a name when neither
is an everyday word: not a function
word, not in the safe vocabulary, not among the most frequent words (Zipf >= 5:
"will", "may", "mark") and not both common (Zipf >= 4: "rose hill", "grace
park").  Word frequencies cannot tell a name from a word on their own (names
are frequent words too), so the two name lists and the pair decide together.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress

from . import vocab
from .lexicon import Lexicon, everyday_words
from .name_words import NameText


def _plain_word(t: NameText, k: int) -> bool:
    low = t.lows[k]
    return low in vocab.FUNCTION or low in everyday_words() or t.lex.is_safe(low)


@lru_cache(maxsize=4)
def _first_names(lex: Lexicon) -> frozenset[str]:
    """Lowercase first names that may start a lowercase name (no function or Zipf >= 5 word)."""
    return frozenset(n for n in lex.first_lower if n not in vocab.FUNCTION and n not in everyday_words())


def find_lowercase_names(t: NameText) -> None:
    """PERSON findings (into `t.out`) for "first last" written in lowercase."""
    lex, lows, words, gaps, caps, taken = t.lex, t.lows, t.words, t.gaps, t.caps, t.taken
    n = t.n
    for k in compress(range(n - 1), map(_first_names(lex).__contains__, lows)):
        j = k + 1
        if caps[k] or caps[j] or gaps[j] != " " or k in taken or j in taken:
            continue
        if words[k] != lows[k] or words[j] != lows[j]:
            continue
        if lows[j] not in lex.last_lower and not t.unknown_word(j):
            continue  # the surname list, or a word no word list knows ("kleist")
        if _plain_word(t, k) or _plain_word(t, j):
            continue
        if lows[k] in lex.very_common_lower and lows[j] in lex.very_common_lower:
            continue  # "rose hill", "grace park": two common words
        t.emit_person(k, j + 1, 0.6, "lowercase-name")
