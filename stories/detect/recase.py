"""Text written in capitals, read as if it were written in normal case.

A capital letter is the name rules' main evidence, so a story (or a passage)
typed in capitals would otherwise be flagged word by word.  Each run of two or
more words in capitals is rewritten, in the text the rules read, with the
case its words would have in normal writing: an everyday word (word-frequency
data, `lexicon.is_ordinary`) in lowercase, a short word that is no everyday
word as an acronym ("LUTH", "NHS"), anything else (names, towns, unknown
words) capitalised.  Every word keeps its length, so offsets are unchanged.
"""

from __future__ import annotations

import re

from . import street_words, vocab
from .everyday_extra import DIALECT
from .language import story_language, words_of
from .lexicon import (
    derived_form,
    dictionary_words,
    everyday_words,
    french_words,
    lexicon,
    lowercase_word,
)
from .recase_context import (
    capitalised,
    congregations,
    cue_names,
    dates_and_handles,
    facility_names,
    lone_heads,
    rare_word,
    surnames,
    towns,
)
from .recase_runs import named_runs_after_at
from .word_forms import bare_contraction, drawn_out, english_compound

_UP = "A-ZÀ-ÖØ-Þ"
# A word in capitals: letters, single inner apostrophes or hyphens; at most 41
# letters, matched possessively (no backtracking: linear time on any input).
_WORD = rf"[{_UP}](?:['’-]?[{_UP}]){{1,40}}+"
# Two or more words in capitals, separated by a space or tab with at most six
# characters of punctuation or digits either side (not a line break: "OB-GYN" is
# one word); bounded repeats.
_SEP = r"[^a-zà-ÿ\n]{0,6}?[ \t][^a-zà-ÿ\n]{0,6}?"
# The first word's "\b" is written as a look-behind after its first capital,
# "[A-Z](?<!\w.)" (the same test: a capital is a word character), so that the
# pattern starts with a character class and `re` skips from capital to capital
# instead of trying a match at every position of the story.
CAPS_RUN = re.compile(rf"[{_UP}](?<!\w.)(?:['’-]?[{_UP}]){{1,40}}+\b(?:{_SEP}\b{_WORD}\b)+")
CAPS_WORD = re.compile(_WORD)
_TWO_CAPS = re.compile(rf"{_WORD}{_SEP}[{_UP}][{_UP}]")
# `_TWO_CAPS` on a Latin-1 text's bytes, each marked by the class it has in that
# pattern: "U" a capital, "j" an inner "'" or "-", "s" a space or tab, "l" a
# lowercase letter or line break, "o" anything else.  The marked pattern starts
# with a literal, which `re` skips to quickly, where a class is tested per character.
_CAPS_MARKS = bytes(
    ord(
        "U" if re.fullmatch(rf"[{_UP}]", ch)
        else "j" if ch in "'-"
        else "s" if ch in " \t"
        else "l" if re.fullmatch(r"[a-zà-ÿ\n]", ch)
        else "o"
    )
    for ch in map(chr, range(256))
)  # fmt: skip
_MARKED_TWO_CAPS = re.compile(rb"U(?:j?U){1,40}+[^l]{0,6}?s[^l]{0,6}?UU")
_ACRONYM_MAX = 4
# Short French words that would otherwise be read as acronyms (longer ones: `french_words`).
_FRENCH_SHORT = vocab.words(
    """au aux du des les et ou je tu il ils elle nous vous mon ma mes ton ta ses sa son cet
    qui pas mais puis fois chez sur sous avec sans pour dans par est sont ai été très bien
    une un ça ce cette leur lui moi toi oui non j'ai c'est m'a n'est d'un d'une qu'il l'ai ans"""
)
_VOWEL = re.compile("[AEIOUÀ-ÆÈ-ÏÒ-ÖØ-Ü]")
# Words written with a capital in normal text whatever they mean here.
_TITLED = (
    vocab.FACILITY_HEADS
    | street_words.STREET_HEADS
    | (frozenset(vocab.MONTHS) - {"may"})  # "5 MAY" is a month, "YOU MAY" a verb: `dates_and_handles`
    | frozenset(vocab.WEEKDAYS)
    | frozenset({"dr", "mr", "mrs", "ms", "mx", "prof"})
)
# Roman numerals that end a name ("DAVE III") stay in capitals, as normal text writes them.
_NAME_NUMERALS = frozenset(n.lower() for n in vocab.NAME_NUMERALS)


def _foreign_compound(low: str, foreign: frozenset[str]) -> bool:
    """Is `low` a hyphenated word ("rendez-vous") whose every part is a word of the story's
    language that no name list holds (not "marie-ève")?"""
    if not foreign or "-" not in low:
        return False
    names = lexicon().names_lower
    return all(part in foreign and part not in names for part in low.split("-"))


_CONTRACTED_I = re.compile(r"I['’](?:M|D|VE|LL)")
_POSSESSIVE = re.compile(r"(.{2,})(['’]S)")
_ELIDED = re.compile(r"((?:[CDJLMNST]|QU)')(.{2,})")


def _english_word(low: str) -> bool:
    """An everyday English word (or a regular form of one) that is no name or town."""
    lex = lexicon()
    if low in everyday_words() or low in vocab.FUNCTION:
        return True
    return (lex.is_ordinary(low.title()) or derived_form(low)) and low not in lex.names_lower


def _recased(word: str, foreign: frozenset[str] = frozenset()) -> str:
    """How `word` (in capitals) would be written in normal text; same length.  `foreign`:
    the everyday words of the story's language when that is not English."""
    if _CONTRACTED_I.fullmatch(word):
        return word[0] + word[1:].lower()  # "I'M", "I’D": the pronoun keeps its capital
    if "’" in word:  # "DIDN’T", "IT’S": read with a straight apostrophe
        return _recased(word.replace("’", "'"), foreign).replace("'", "’")
    elided = _ELIDED.fullmatch(word)
    if elided and foreign:  # "J'AVAIS", "N'ÊTES", "QU'IL" in a French story: the article, the word
        return elided.group(1).lower() + _recased(elided.group(2), foreign)
    pos = _POSSESSIVE.fullmatch(word)
    if pos and pos.group(1).lower() + "'s" not in everyday_words():
        return _recased(pos.group(1), foreign) + pos.group(2).lower()  # "WOMEN'S", "KATE'S"
    low = word.lower()
    if low in _NAME_NUMERALS:
        return word
    if bare_contraction(low) or drawn_out(low) or low in DIALECT:
        return low  # "DONT", "IM": no apostrophe; "SOOO", "LMAOOO": drawn out; "UR", "BF": texting
    if low in _TITLED and not (low in foreign and low not in vocab.FACILITY_HEADS):
        # "ROYAL HOSPITAL", "5 MAY": heads and months keep a capital (but not "ESTATE", summer,
        # or "MAYO" in a story in Italian or Spanish, which write them in lowercase)
        out = word[0] + word[1:].lower()
    elif low in everyday_words():
        out = low  # "WILL", "HOPE", "DE", "LA": words far more often than names
    elif low in _FRENCH_SHORT:
        out = low  # "AU", "DU", "JE", "FOIS": French words, not acronyms
    elif low in foreign or _foreign_compound(low, foreign):
        out = low  # "NÃO", "MULHERES", "RENDEZ-VOUS" in a Portuguese or French story: its words
    elif len(word) <= 2:
        return word  # "AE", "OO": codes and initials; the rules read them as acronyms
    elif not _VOWEL.search(word):
        return word  # "WHSCT", "RGN": no vowel, an acronym whatever its length
    else:
        lex = lexicon()
        everyday = low in lex.ordinary_lower and word.title() not in lex.first and low not in lex.cities_lower
        everyday = everyday or (lex.is_safe(low) and len(word) > _ACRONYM_MAX)
        if (
            not everyday
            and len(word) > _ACRONYM_MAX
            and not lex.is_name(word.title())
            and low not in lex.cities_lower
        ):
            if "-" in low:  # "PAIN-FREE", "MOTHER-IN-LAW": every part a word
                everyday = all(_english_word(part.lower()) for part in low.split("-") if part)
            else:  # a regular form of an everyday word, a French word, a rarer English word,
                # a dictionary's lowercase word: "CLENCHING", "AUSSI", "TREATABLE", "ATROPHY"
                everyday = (
                    derived_form(low) or low in french_words() or rare_word(low) or low in dictionary_words()
                    or english_compound(low)
                )
        if everyday or lex.is_ordinary(word):
            out = low
        elif len(word) <= _ACRONYM_MAX and not lex.is_name(word.title()) and low not in lex.cities_lower:
            out = word  # "NHS", "LUTH": an acronym
        else:  # a name: each part of a double name capitalised ("LAPOINTE-NADEAU")
            out = "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
    return out if len(out) == len(word) else word


# After a place preposition (or "St"), a word that is no very common word is more likely
# a place than a word: "LIVE IN LEITH", "AT ST MARK'S" ("IN PAIN", "AT HOME" stay words).
_PLACE_BEFORE = frozenset({"in", "from", "near", "at", "st", "saint"})
# After these, a word that is an everyday word (some name list holds "Tea", "Sad",
# "Patience") is that word: "A CUP OF TEA", "SO SAD", "A LOT OF PATIENCE".
_WORD_BEFORE = frozenset(
    {"a", "an", "the", "of", "so", "very", "too", "this", "some", "any", "no", "such", "your",
     "our", "their", "his", "its", "bit", "lot", "more", "most", "less", "really", "feel", "felt"}
)  # fmt: skip
_ARTICLE_A = re.compile(r"(?<![\w'’])[aA](?![\w'’])")
_LIVE_ES = frozenset({"vivo", "vivía", "vive", "vivimos", "soy", "somos", "nací", "vengo"})


# Endings of abstract nouns and of verb forms: "AGONY", "INTIMACY", "HINDSIGHT" name no
# place however they are written; a plain noun ("AIRBUS", "CAVENDISH") may be a firm's.
_WORD_ENDINGS = ("ness", "ion", "ity", "ment", "ments", "ing", "ism", "ance", "ence", "ship", "hood",
                 "acy", "ony", "ery", "ia", "sight", "als", "ers", "ors", "ons", "res", "ses",
                 "side", "way", "room")


def _dictionary_word(low: str) -> bool:
    """A word the dictionary writes in lower case, with an ending of an abstract noun, a
    verb form or a plural, that no town or name list holds: after "IN" or "AT" still a
    word ("IN AGONY", "IN CAPITALS", "TIRED OF APPOINTMENTS"); not a possessive ("AT GUY'S")."""
    lex = lexicon()
    return (
        low.isalpha()
        and low.endswith(_WORD_ENDINGS)
        and lowercase_word(low)
        and low not in lex.cities_lower
        and low not in lex.names_lower
    )


def _word_after(new: str) -> bool:
    """Is `new`, recased with a capital, an everyday word that after a determiner is that
    word ("A CUP OF TEA": some name list holds "Tea"; not a town, a head, a rare name)?"""
    if not (new[:1].isupper() and new[1:].islower()):
        return False
    low, lex = new.lower(), lexicon()
    return (
        low in lex.ordinary_lower
        and low not in lex.cities_lower
        and low not in _TITLED
        and (low not in lex.names_lower or low in lex.very_common_lower)
    )


def _recased_run(run: str, foreign: frozenset[str] = frozenset()) -> str:
    """Every word of a run in capitals recased, a word after a place preposition
    capitalised unless it is a very common word (Zipf >= 4)."""
    out = []
    last = 0
    prev = ""
    lex = None
    placed = False  # the previous word was read as a place's first word
    town_next = False  # the previous word was capitalised after a place preposition
    before_prev = ""
    for m in CAPS_WORD.finditer(run):
        word = m.group()
        if run[m.end() : m.end() + 1].isdigit() or run[m.start() - 1 : m.start()].isdigit():
            continue  # "BS6", "A1C", "6DS": letters with digits are a code, kept in capitals
        if _ARTICLE_A.search(run, last, m.start()):
            before_prev, prev, placed = prev, "a", False  # "AT A LITTLE CLINIC": "a" is a word too
        new = _recased(word, foreign)
        lex = lex or lexicon()
        after_place = (
            prev in _PLACE_BEFORE
            or placed
            or (prev == "to" and before_prev in vocab.MOTION)
            or (prev in ("en", "de") and before_prev in _LIVE_ES)  # "VIVO EN ALCALÁ", "SOY DE ZAPOPAN"
        )
        placed = False
        town_next, was_town = False, town_next
        if prev in _WORD_BEFORE and not after_place and before_prev not in _PLACE_BEFORE and _word_after(new):
            new = new.lower()  # "A CUP OF TEA", "SO SAD", "A MIRACLE": a word after a determiner
        if after_place and new.islower() and new not in vocab.FUNCTION:
            if new in vocab.PLACE_PREFIXES and prev in _PLACE_BEFORE:
                new = word[0] + word[1:].lower()  # "FROM PORT HARCOURT", "IN LOWER PAREL"
                placed = True
            elif (
                new.replace("'", "").replace("’", "").isalpha()
                and new not in lex.very_common_lower
                and not _dictionary_word(new)
                and not (prev in _PLACE_BEFORE and new in foreign)  # Italian "IN PIENA ESTATE": words
            ):
                new = word[0] + word[1:].lower()
                town_next = True  # "VIVO EN PATIO BONITO": a town's next word may be its name's
        elif was_town and new.islower() and word.lower() in lex.cities_lower:
            new = word[0] + word[1:].lower()  # "PATIO BONITO": the town's second word
        elif after_place and new == word and len(word) > 2 and len(_VOWEL.findall(word)) >= 2:
            new = word[0] + word[1:].lower()  # "FROM NOWA HUTA", "AT ASDA": said as a word
            placed = True
        out.append(run[last : m.start()])
        out.append(new)
        last = m.end()
        if run[last : last + 1] not in (" ", ""):
            placed = town_next = False
        before_prev = prev
        prev = new.lower() if run[last : last + 1] in (" ", "") else ""
    out.append(run[last:])
    return "".join(out)


_HEAD_RUN = re.compile(r"(?:\b[a-z][a-z'’-]{2,}[ \t]){1,3}(?=[A-Z][a-z]+\b)")


_NAME_BEFORE = re.compile(r"\b[A-Z][a-zà-ÿ]{2,}[ \t]$")
_LONE_A = re.compile(r"(?<=[ \t])A(?=[ \t])")
_LOWER_WORD = re.compile(r"[a-z][a-z'’-]+")


def _capitalised_unless_function(w: re.Match[str]) -> str:
    return w.group() if w.group() in vocab.FUNCTION else capitalised(w.group())


# Before a head these make it a kind of place, not a named one ("A PRIVATE HOSPITAL",
# "YOUR STUDENT HEALTH SERVICE"); "the" does not ("THE ROYAL FREE").
_GENERIC_BEFORE_HEAD = frozenset(
    {"a", "an", "my", "your", "our", "her", "his", "their", "some", "one", "no", "any", "every", "another"}
)
_LAST_WORD = re.compile(r"([a-z'’]+)[ \t]*$")
# Street heads that everyday phrases end in after "the" ("the whole way", "the car park").
_WAY_HEADS = frozenset({"way", "park", "walk", "view", "close", "rise"})


def _last_word(run: str, end: int) -> str:
    """The lowercase word right before `end` in `run` ("" if none)."""
    m = _LAST_WORD.search(run, max(0, end - 40), end)  # a window: runs can be whole stories
    return m.group(1) if m else ""


def _verb_form(word: str) -> bool:
    """Is `word` a verb's past form ("booked", "involved"), no town?  (Not "-ing": that
    names places: "TEACHING HOSPITAL", "SHOPPING CENTRE".)"""
    return word.endswith("ed") and derived_form(word) and word not in lexicon().cities_lower


def _heads_named(run: str, foreign: frozenset[str] = frozenset()) -> str:
    """Capitalise the words right before a facility or street head ("royal Hospital"
    becomes "Royal Hospital"), except function words: a head names a place with them."""

    def fix(m: re.Match[str]) -> str:
        head = run[m.end() :].split(None, 1)[0].lower().rstrip(".,;:!?)")
        if head not in vocab.FACILITY_HEADS and head not in street_words.STREET_HEADS:
            return m.group()
        # Only the words right before the head, after any function word ("ask your Clinic"),
        # and not when they are all clinical or role words ("the gynae Clinic").
        words = m.group().split()
        keep = len(words)
        while keep and words[keep - 1] not in vocab.FUNCTION and not bare_contraction(words[keep - 1]):
            keep -= 1
        named = words[keep:]
        before = words[keep - 1] if keep else _last_word(run, m.start())
        if before in _GENERIC_BEFORE_HEAD or (named and _verb_form(named[-1])):
            return m.group()  # "A LITTLE CLINIC", "MY GENDER CLINIC", "BOOKED PHYSIO": no name
        if named and all(w in foreign for w in named):
            return m.group()  # "IN PIENA ESTATE" in an Italian story: its own words, no street
        lex = lexicon()
        if before == "the" and head in _WAY_HEADS and all(w in everyday_words() for w in named):
            return m.group()  # "THE WHOLE WAY", "THE CAR PARK", "THE ONLY WAY": no street
        after_name = (
            keep == 0 and _NAME_BEFORE.search(run, 0, m.start()) is not None
        )  # "Kanata pelvic Health"
        if not named or (
            head in vocab.FACILITY_HEADS and all(lex.is_safe(w) for w in named) and not after_name
        ):
            return m.group()
        cut = m.group().rfind(words[keep - 1] + " ") + len(words[keep - 1]) + 1 if keep else 0
        return m.group()[:cut] + _LOWER_WORD.sub(_capitalised_unless_function, m.group()[cut:])

    return _HEAD_RUN.sub(fix, run)


def _two_caps(text: str) -> bool:
    """Does `_TWO_CAPS` match in `text`?  Read from the marked bytes of a Latin-1 text."""
    try:
        marks = text.encode("latin-1").translate(_CAPS_MARKS)
    except UnicodeEncodeError:
        return _TWO_CAPS.search(text) is not None
    return _MARKED_TWO_CAPS.search(marks) is not None


def recase(text: str) -> str:
    """`text` with every run of words in capitals written in normal case."""
    if not _two_caps(text) or not CAPS_RUN.search(text):
        return text  # (a cheap scan first: most stories have no two capitals in a row)
    parts = []
    last = 0
    foreign = words_of(story_language(text))
    for run in CAPS_RUN.finditer(text):
        parts.append(text[last : run.start()])
        words = _LONE_A.sub("a", run.group())  # "FIX A MEDICAL CONDITION": the article
        parts.append(_heads_named(_recased_run(words, foreign), foreign))
        last = run.end()
    parts.append(text[last:])
    chars = list("".join(parts))
    if len(chars) != len(text):
        return text
    dates_and_handles(text, chars)
    surnames(text, chars, cue_names(text, chars))
    facility_names(text, chars)
    towns(text, chars, foreign)
    named_runs_after_at(text, chars)
    congregations(text, chars)
    lone_heads(text, chars)
    _sentence_starts(text, chars)
    out = "".join(chars)
    return out if len(out) == len(text) else text


# A word in capitals opening a sentence: after the text's start, a line break, or ". ", "! ",
# "? " (and any opening quote or bracket).
_SENTENCE_START = re.compile(rf"(?:^|\n|[.!?][\"”’)]?[ \t]+)[\"“‘(]?(?=[{_UP}][{_UP}'’-])", re.MULTILINE)


def _sentence_starts(text: str, out: list[str]) -> None:
    """Give back, in `out`, the capital that normal writing puts on a sentence's first
    word ("ela explicou" is "Ela explicou"): the rules read sentence starts for what
    they are, as they do in normal case."""
    for m in _SENTENCE_START.finditer(text):
        k = m.end()
        if out[k].islower() and text[k].isupper():
            out[k] = text[k]
