"""Evidence about a capitalised word that neither its capital nor a name list settles.

A capital proves little in title-case writing, and a name list holds many everyday
words ("Winter", "Boss", "Patience").  Three judgements, each from something other than
the capital:

- the dictionary's case (`word_not_name`): a very common word that SCOWL writes only in
  lower case is a word, whatever a name list says; one it also writes with a capital
  ("Mike", "Grace", `lexicon.word_names`) may be a name;
- title-case writing (`title_case_writing`): capitalised function words inside a run
  ("Faith And A Sense Of Humour") show that every word of it was capitalised as a
  heading is;
- a quotation's first word before a comma (`vocative`): she said "Thandi, that's not
  normal": the name someone is called by;
- a greeting or blessing of another language (`greeting`): "Kia ora koutou", "Jai Shri
  Krishna", whose words are given names too ("Kia", "Jai") but not in these phrases.
"""

from __future__ import annotations

from . import vocab
from .lexicon import Lexicon, derived_form, english_words, title_case_word, word_names
from .name_words import NameText

OPEN_QUOTES = frozenset("\"“‘'")

# Function words that names and the names of places hardly ever hold with a capital ("of",
# "the" and "de" they do: "Bank Of America", "The University Of The West Indies").
_PHRASE_WORDS = vocab.words(
    "and a an i is was be been am are were do did does have has had should would could can who "
    "what when why how with after before it my your our this that not no so if to very by about just really "
    "you me him them us we they she he will unless from for of the in on at nobody everyone nothing"
)


def word_not_name(lex: Lexicon, base: str) -> bool:
    """Is `base` a very common English word that the dictionary writes only in lower case,
    whatever a name list says ("Boss", "Winter", "Patience"; not "Mike", "Grace")?"""
    low = base.casefold()
    return (
        base[1:].islower()
        and low in lex.very_common_lower
        and low not in word_names()
        and title_case_word(base)
        and base not in lex.large_towns
    )


def title_case_writing(t: NameText, i: int, j: int) -> bool:
    """Is run i..j a phrase written in title case: two or more of `_PHRASE_WORDS` with their
    capital after its first word ("Faith And A Sense Of Humour", "List Fae A Wumman Who
    Should Have Asked Sooner"), and no word that only a name can be (a name no English
    word list holds: "Letter To Siobhan And Aoife" stays a name)?"""
    words, lows, lex = t.words, t.lows, t.lex
    phrase = sum(1 for k in range(i + 1, j) if lows[k] in _PHRASE_WORDS and words[k][:1].isupper())
    if phrase < 2:
        return False
    return not any(lex.strong_name(t.bases[k]) and lows[k] not in lex.ordinary_lower for k in range(i, j))


def vocative(t: NameText, i: int) -> bool:
    """Is token i a word opening a quotation, right before a comma, that no English word
    list holds or that is a first name ("Thandi, that's not normal", "Grace, sit down"),
    and no word of the story's language ("Hola, ...")?"""
    gap = t.gaps[i]
    if not gap or gap.rstrip()[-1:] not in OPEN_QUOTES or t.gaps[i + 1 : i + 2] != [", "]:
        return False
    base, low = t.bases[i], t.lows[i]
    if t.words[i] != base or not base[1:].islower() or t.foreign_word(low) or low in _ENDEARMENTS:
        return False
    return base in t.lex.first or (low not in english_words() and not derived_form(low))


# Words one calls anyone by, at a quotation's start ("Love, I had that"): no name.
_ENDEARMENTS = vocab.words("love darling darlin babe baby hun hon honey sweetheart pet duck mate sugar dear")


# Greetings and blessings whose words are also given names ("Kia", "Jai", "Sat"): the
# phrase, not the word, identifies nobody.  (Single-word greetings: `everyday_extra.GREETINGS`.)
_GREETING_PHRASES = (
    "kia ora", "sat sri akal", "sat shri akal", "jai shri krishna", "jai shree krishna",
    "jai mata di", "jai jinendra", "ram ram", "talofa lava", "malo e lelei", "bula vinaka",
    "waheguru ji ka khalsa", "waheguru ji ki fateh", "bore da", "mālō e lelei", "mambo ni",
)


_GREETING_FIRST = frozenset(p.split()[0] for p in _GREETING_PHRASES)


def greeting(t: NameText, i: int, j: int) -> bool:
    """Do tokens i..j-1 lie inside a greeting phrase that starts at token i or before it?"""
    for k in range(max(0, i - 4), i + 1):
        if t.lows[k] not in _GREETING_FIRST:
            continue
        start = t.cols.start(k)
        said = t.text[start : start + 24].lower()
        for phrase in _GREETING_PHRASES:
            if said.startswith(phrase) and start + len(phrase) >= t.cols.end(j - 1):
                return True
    return False


def after_greeting(t: NameText, i: int, j: int) -> int:
    """The first token of run i..j after a greeting phrase that opens it ("Bore da Siân":
    Siân), or i."""
    if t.lows[i] not in _GREETING_FIRST:
        return i
    start = t.cols.start(i)
    said = t.text[start : start + 24].lower()
    for phrase in _GREETING_PHRASES:
        if said.startswith(phrase) and not said[len(phrase) : len(phrase) + 1].isalnum():
            end = start + len(phrase)
            return next((k for k in range(i, j) if t.cols.start(k) >= end), i)
    return i
