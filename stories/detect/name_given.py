"""Names given outright, whatever words they are: after "my name is" ("My name is Mere",
"my name is borna jerković"), in answer to "name?" ("What's your last name? Arcuri"), and
a surname typed in lowercase after a lowercase title ("saw dr pengelly on fri").
`name_cues.find_cue_names` asks these at the spots its word classes mark.
"""

from __future__ import annotations

import re

from . import vocab
from .lexicon import dictionary_words, english_form
from .name_words import NameText, gap_is_space

_POSSESSIVES = frozenset({"my", "our", "her", "his"})

_SURNAME_TITLES = frozenset({"dr", "doctor", "mr", "mrs", "ms", "prof"})
_SURNAME_SHAPE = re.compile(r"[a-z]{3,}(?:-[a-z]{2,})*")


def doctor_lowercase(t: NameText, i: int) -> bool:
    """Is lowercase token i, after "dr", "doctor", "mr", "mrs", "ms" or "prof" in lower case, a word
    no dictionary holds ("dr pengelly", "dr adeyinka-moss"; not "dr appointment")?"""
    if i == 0 or t.lows[i - 1] not in _SURNAME_TITLES or t.gaps[i] not in (" ", ". "):
        return False
    low = t.lows[i]
    return (
        _SURNAME_SHAPE.fullmatch(low) is not None
        and not all(english_form(part) or part in dictionary_words() for part in low.split("-"))
        and low not in t.lex.safe_lower
    )


NAME_IS = frozenset({("name", "is"), ("name", "was")})
NAMES = frozenset({"name's", "name’s", "names"})
_NAME_S = frozenset({"name's", "name’s"})  # ("NO NAMES BC MY FAMILY": no name given)


def named_lowercase(t: NameText, i: int) -> bool:
    """Is lowercase token i, right after "my name is" ("name's", "name was"), a word no
    dictionary holds ("my name is vitoria"; not "my name is not important")?  Tried only
    one or two tokens after a "name" token (`find_cue_names`' spots)."""
    cued = t.words[i - 1].lower() in _NAME_S or (i >= 2 and (t.lows[i - 2], t.lows[i - 1]) in NAME_IS)
    if not cued or t.gaps[i] != " ":
        return False
    low = t.lows[i]
    return (
        _SURNAME_SHAPE.fullmatch(low) is not None
        and not english_form(low)
        and low not in dictionary_words()
        and low not in t.lex.safe_lower
    )


def named_capital(t: NameText, i: int) -> bool:
    """Is capitalised token i right after "my name is" ("name's"), any word but a function
    word or title ("My name is Mere", "My name is Hope Adeyemi"; not "My name is Not
    important")?  The proper-noun rule would drop an everyday word there."""
    cued = t.words[i - 1].lower() in _NAME_S or (
        i >= 3
        and (t.lows[i - 2], t.lows[i - 1]) in NAME_IS
        and not _POSSESSIVES.isdisjoint(t.lows[max(0, i - 5) : i - 2])
    )  # "my (real) name is", not "the real name is Vulvodynia"
    low = t.lows[i]
    function = low in vocab.FUNCTION and low not in vocab.AMBIGUOUS_NAMES  # ("May", "Will": names)
    return cued and t.gaps[i] == " " and not function and low not in vocab.TITLES


def answers_name_question(t: NameText, i: int) -> bool:
    """Is token i the answer to a question or a form's label for a name ("What's your last
    name? Arcuri", "Name: A. Mensah-Boateng", "Signature: Mensah"): an initial or a
    capitalised word that is no everyday word, right after "name?" or "name:"."""
    if i >= t.n or t.gaps[i].strip() not in ("?", ":") or "\n" in t.gaps[i] or not t.caps[i]:
        return False
    if i >= 2 and t.lows[i - 2] in _NOT_FORMS:
        return False  # "it had a name: Peyronie's disease": a condition's name
    if _initial(t, i) and t.gaps[i].strip() == ":":
        return True
    return not t.lex.is_ordinary(t.words[i]) and t.lows[i] not in vocab.FUNCTION


_NOT_FORMS = frozenset({"a", "the", "its", "real", "proper", "medical", "official", "fancy"})


def _initial(t: NameText, k: int) -> bool:
    """Is token k an initial before more of a name ("A. Mensah", "K Bello")?"""
    return (
        len(t.words[k]) == 1
        and t.words[k] != "I"
        and k + 1 < t.n
        and t.gaps[k + 1] in (". ", " ")
        and t.caps[k + 1]
    )


# "jerković", "el-sayed" (two letters only before a hyphen)
_LOW = r"(?:(?![A-Z])[^\W\d_])"  # a letter, not an ASCII capital
_LOWER_WORD = re.compile(rf"(?:{_LOW}{{3,}}|{_LOW}{{2}}(?=-))(?:-{_LOW}{{2,}})*")


def unlisted_after(t: NameText, i: int) -> int:
    """One past the lowercase words after token i that no dictionary holds, up to two: the
    rest of a name typed in lowercase ("borna jerković")."""
    j = i + 1
    while j < min(t.n, i + 3) and t.gaps[j] == " " and _LOWER_WORD.fullmatch(t.words[j]) is not None:
        low = t.lows[j]
        if english_form(low) or low in dictionary_words() or low in vocab.FUNCTION or t.lex.is_safe(low):
            break
        j += 1
    return j


def capitals_after(t: NameText, i: int) -> int:
    """One past the capitalised words and initials from token i on ("Jildau S Bouts")."""
    j = i + 1
    while j < min(t.n, i + 4) and t.caps[j] and (t.lows[j] not in vocab.FUNCTION or _initial(t, j)):
        if not (gap_is_space(t.gaps[j]) or (t.gaps[j] == ". " and _initial(t, j - 1))):
            break
        j += 1
    return j
