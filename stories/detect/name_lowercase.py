"""Full names typed in lowercase, without a cue ("eva kleist lives at...").

Texting style drops capitals, so the proper-noun rule cannot see "naomi ryan"
and the cue rules see a name only after "my friend" or "i'm".  Two lowercase
words in a row, the first in the first-name list and the second in the
surname list (or no word list at all: "eva kleist"), are a name when neither
is an everyday word: not a function
word, not in the safe vocabulary, not among the most frequent words (Zipf >= 5:
"will", "may", "mark") and not both common (Zipf >= 4: "rose hill", "grace
park").  A middle initial may come between ("benjamin a seiler").  A list of
three or more lowercase first names ("me, tash, bri and jo") are names too.
Word frequencies cannot tell a name from a word on their own (names are
frequent words too), so the name lists and the pair or list decide together.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import compress
from operator import methodcaller

from . import vocab
from .everyday_extra import LOWERCASE_LOANWORDS
from .language import FOREIGN
from .lexicon import Lexicon, capitalised_names, derived_form, everyday_words, french_words, language_words
from .name_words import NameText
from .tokens import word_class


def _plain_word(t: NameText, k: int) -> bool:
    """Is token k a word: a function word, a very common English word or one of the very
    commonest of the story's language ("uma", "sem" in Portuguese), safe vocabulary?"""
    low = t.lows[k]
    return (
        low in vocab.FUNCTION or low in everyday_words() or t.lex.is_safe(low) or t.foreign_common_word(low)
    )


@lru_cache(maxsize=4)
def _first_names(lex: Lexicon) -> frozenset[str]:
    """Lowercase first names that may start a lowercase name (no function or Zipf >= 5 word)."""
    names = lex.first_lower - LOWERCASE_LOANWORDS
    return frozenset(n for n in names if n not in vocab.FUNCTION and n not in everyday_words())


# Word class of `_first_names` per lexicon (in practice the one `lexicon()`).
_FIRST_CLASSES: dict[int, tuple[Lexicon, int]] = {}


def _first_class(lex: Lexicon) -> int:
    hit = _FIRST_CLASSES.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = _FIRST_CLASSES[id(lex)] = (lex, word_class(_first_names(lex)))
    return hit[1]


def _middle_initial(t: NameText, j: int) -> bool:
    """Is token j a lowercase middle initial ("benjamin a seiler", "eric g. samoylova")?"""
    return (
        j + 1 < t.n
        and len(t.words[j]) == 1
        and t.words[j].islower()
        and t.gaps[j] == " "
        and t.gaps[j + 1] in (" ", ". ")
    )


def find_lowercase_names(t: NameText) -> None:
    """PERSON findings (into `t.out`) for "first last" written in lowercase."""
    lex, lows, words, gaps, caps, taken = t.lex, t.lows, t.words, t.gaps, t.caps, t.taken
    n = t.n
    firsts = _first_names(lex)
    for k in t.cols.marked(_first_class(lex), 0, n - 1):
        j = k + 1
        middle = _middle_initial(t, j)
        if middle:
            j += 1  # "benjamin a seiler"
        if caps[k] or caps[j] or (gaps[j] != " " and not middle) or j in taken:
            continue
        if words[k] != lows[k] or words[j] != lows[j]:
            continue
        if lows[j] not in lex.last_lower and (not t.unknown_word(j) or t.foreign_word(lows[j])):
            continue  # the surname list, or a word no word list knows ("kleist"; not "elle comme")
        if _plain_word(t, k) or _plain_word(t, j):
            continue
        if lows[k] in lex.very_common_lower and lows[j] in lex.very_common_lower:
            continue  # "rose hill", "grace park": two common words
        t.emit_person(k, j + 1, 0.6, "lowercase-name")
    _name_lists(t, firsts)
    _speaker_labels(t, firsts)
    _lone_names(t)
    _speakers(t)
    _role_names(t)
    _role_appositions(t)


# Verbs of speaking and messaging that a lowercase name comes right before ("kez said").
_SPEAKING = frozenset({"said", "says", "told", "texted", "messaged", "asked", "reckons", "reckoned"})


def _speakers(t: NameText) -> None:
    """PERSON findings for a lowercase word that no word list knows, right before a verb of
    speaking ("kez said i should", "mags texted me"): in texting style, a person's name."""
    lows, words, gaps, taken = t.lows, t.words, t.gaps, t.taken
    if _SPEAKING.isdisjoint(t.cols.low_set()):
        return
    for k in t.cols.indexes(_SPEAKING):
        j = _speaker_before(lows, gaps, k)
        if j < 0 or j in taken or words[j] != lows[j] or not t.unknown_word(j):
            continue
        if j > 0 and lows[j - 1] in _NOT_BEFORE_SPEAKER:
            continue  # "the gp said", "a nurse told": a role no list knows is still a role
        if any(lows[j] in language_words(lang) for lang in FOREIGN):
            continue  # "the centro de saúde said": a word of another language
        t.emit_person(j, j + 1, 0.5, "lowercase-name")


def _lowercase_first(t: NameText, j: int) -> bool:
    """Is lowercase token j a first name that is no everyday word (Zipf < 5), no function
    word and no safe vocabulary ("jo", "dee", "teddy"; not "will", "hope", "mum")?"""
    low = t.lows[j]
    return low in t.lex.first_lower and not _plain_word(t, j) and low not in LOWERCASE_LOANWORDS


# Roles a name stands in apposition to: "with jo the physio", "kat the nurse".
_APPOSITION_ROLES = vocab.words(
    "physio physiotherapist nurse doctor gp midwife therapist consultant surgeon"
)
_ROLE_CLASS = word_class(_APPOSITION_ROLES)


def _role_appositions(t: NameText) -> None:
    """PERSON findings for a lowercase first name right before "the" and a clinician's role
    ("first appt was with jo the physio"): texting style names someone by her role."""
    lows, words, gaps, taken = t.lows, t.words, t.gaps, t.taken
    if _APPOSITION_ROLES.isdisjoint(t.cols.low_set()):
        return
    for r in t.cols.marked(_ROLE_CLASS, 2):
        j = r - 2
        if lows[r - 1] != "the" or j in taken or words[j] != lows[j]:
            continue
        if gaps[r - 1] == " " and gaps[r] == " " and _lowercase_first(t, j):
            t.emit_person(j, j + 1, 0.5, "lowercase-name")


_BE_CLASS = word_class(frozenset({"was", "is"}))
_ROLES = frozenset(vocab.RELATIONS)


def _role_names(t: NameText) -> None:
    """PERSON findings for a lowercase first name or unknown word after a role and "was"
    or "is" ("physio was becky", "my gp is dr"... not "the nurse was lovely")."""
    lows, words, gaps, taken, lex = t.lows, t.words, t.gaps, t.taken, t.lex
    for k in t.cols.marked(_BE_CLASS, 1, t.n - 1):
        j = k + 1
        if lows[k - 1] not in _ROLES or j in taken or words[j] != lows[j] or gaps[j] != " ":
            continue
        low = lows[j]
        named = (low in lex.first_lower and low not in lex.very_common_lower) or t.unknown_word(j)
        closes = j + 1 >= t.n or gaps[j + 1].strip() or lows[j + 1] in _AFTER_NAME
        if named and closes and not _plain_word(t, j):
            t.emit_person(j, j + 1, 0.5, "lowercase-name")


# What follows a name that closes its clause ("physio was becky and she...").
_AFTER_NAME = frozenset({"and", "but", "who", "she", "he", "so", "from", "at", "i"})


def _speaker_before(lows: list[str], gaps: list[str], k: int) -> int:
    """Token of the speaker before the verb at token k: right before it ("kez said"), or
    before where she is from ("shaz from work said", "jo from the gym told me"); else -1."""
    if k >= 1 and gaps[k] == " ":
        if k >= 3 and lows[k - 2] == "from" and gaps[k - 1] == gaps[k - 2] == " ":
            return k - 3  # "shaz from work said"
        spaced = all(g == " " for g in gaps[k - 3 : k])
        if k >= 4 and lows[k - 3] == "from" and lows[k - 2] == "the" and spaced:
            return k - 4  # "jo from the gym said"
        return k - 1
    return -1


# Words before a lowercase word that make it a thing or a role, not a name.
_NOT_BEFORE_SPEAKER = frozenset(
    {"the", "a", "an", "my", "your", "his", "her", "their", "our", "this", "that"}
)


def _lone_names(t: NameText) -> None:
    """PERSON findings for a lone lowercase first name that is no word at all ("the physio
    there, priya, explained"; "sarah-jane gave me a printout"): in the first-name list, not
    an English, Spanish or French word of Zipf >= 3 nor a form of one, not safe vocabulary.
    The story's distinct words are judged once each (set operations), then found."""
    lex = t.lex
    distinct = t.cols.low_set()
    cands = (distinct & lex.first_lower) - lex.ordinary_lower
    if "-" in t.text:  # "sarah-jane": first names joined are a name even if each is a word
        cands |= {w for w in t.cols.hyphenated() if _joined_first_names(lex, w)}
    cands = {w for w in cands if len(w) >= 3 and not _word_like(lex, w) and not t.foreign_word(w)}
    if t.language == "en":  # "it was marianne": a name English never writes in lowercase, though
        # another language's word lists count it
        named = distinct & capitalised_names() & lex.first_lower
        cands |= {w for w in named if len(w) > 3 and not lex.is_safe(w)}
    cands -= LOWERCASE_LOANWORDS  # "mi deh inna church", "desi ghee"
    if not cands:
        return
    words, lows, gaps, taken = t.words, t.lows, t.gaps, t.taken
    for k in t.cols.indexes(cands):
        glued = gaps[k] in _GLUES or (k + 1 < t.n and gaps[k + 1] in _GLUES)
        if k not in taken and words[k] == lows[k] and not glued:
            t.emit_person(k, k + 1, 0.5, "lowercase-name")


# What joins a word to the next with no space inside an address or a user name
# ("rachel.smith@", "jo_bloggs"): such a word is part of that identifier, which its own
# rules find whole.
_GLUES = frozenset({".", "@", "_"})


def _joined_first_names(lex: Lexicon, low: str) -> bool:
    return all(p in lex.first_lower and p not in everyday_words() for p in low.split("-"))


def _word_like(lex: Lexicon, low: str) -> bool:
    return lex.is_safe(low) or low in vocab.FUNCTION or derived_form(low) or low in french_words()


def _speaker_labels(t: NameText, firsts: frozenset[str]) -> None:
    """PERSON findings for a lowercase first name labelling a line of a chat ("mika: who
    are you?"): at a line's start, right before a colon and more text on the line."""
    if ":" not in t.text:
        return
    lows, words, gaps, taken = t.lows, t.words, t.gaps, t.taken
    n = t.n
    for k in compress(range(n - 1), map(methodcaller("startswith", _COLON), gaps[1:])):
        if k in taken or words[k] != lows[k] or lows[k] not in firsts:
            continue
        if (k == 0 or "\n" in gaps[k]) and "\n" not in gaps[k + 1]:
            t.emit_person(k, k + 1, 0.6, "lowercase-name")


_LIST_GAPS = frozenset({", ", " and ", ", and "})
_MIN_LISTED = 3
_COMMA = ", "
_COLON = ":"


def _indexes(items: list[str], value: str, first: int) -> Iterator[int]:
    """Indexes k >= `first` with items[k] == value, found by `list.index` (a C loop)."""
    k = first - 1
    while True:
        try:
            k = items.index(value, k + 1)
        except ValueError:
            return
        yield k


def _name_lists(t: NameText, firsts: frozenset[str]) -> None:
    """PERSON findings for a list of three or more lowercase names ("me, tash, bri and
    jo"; "they had 3: silvana, adam and chad"): first names, or words no word list
    knows, at least one a first name.  Together they are names even where each alone
    could be a word."""
    lows, words, gaps, taken = t.lows, t.words, t.gaps, t.taken
    n = t.n

    def item(k: int) -> bool:
        return words[k] == lows[k] and (lows[k] in firsts or t.unknown_word(k))

    done = 0
    # a list has a comma between two of its names: seed the scan there (C-level search)
    for c in _indexes(gaps, _COMMA, 1):
        k = c - 1
        if lows[k] == "me" and item(c):
            k = c  # "me, shona and kez": the writer opens the list
        elif k < done or k in taken or not item(k) or not item(c):
            continue
        if k < done or k in taken:
            continue
        items = [k]
        j = k + 1
        while j < n:
            if gaps[j] == ", " and item(j):
                items.append(j)
            elif (
                lows[j] == "and"
                and gaps[j] in (" ", ", ")
                and j + 1 < n
                and gaps[j + 1] == " "
                and item(j + 1)
            ):
                j += 1
                items.append(j)
            else:
                break
            j += 1
        with_me = k >= 1 and lows[k - 1] == "me" and gaps[k] == ", "  # "me, shona and kez"
        if len(items) + with_me >= _MIN_LISTED and any(lows[m] in firsts for m in items):
            for m in items:
                if m not in taken:
                    t.emit_person(m, m + 1, 0.5, "lowercase-name")
        done = j
