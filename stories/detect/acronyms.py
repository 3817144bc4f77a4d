"""Facilities a capital letter does not reveal, after a place preposition.

Facilities named by an acronym: "at LUTH", "transferred to GH", "I go LUTH first", "I
drive for UPS".  Facilities typed in lowercase: "at hyde park surgery", "at the rvi".
(Towns typed in lowercase: `towns_lowercase`.)

Hospitals are often called by their initials, which no gazetteer lists and
the name rules skip (a short word in capitals is usually shouting or a
clinical term).  After "at", "to", "from", "in", "went" (or Spanish "del", "en", "al")
an acronym of two to six capitals names a place unless it is a clinical or
everyday term the lexicon knows (GP, NHS, ICU, A&E...).  Text in capitals gets
the same findings: the preposition may be in capitals too, and a shouted
everyday word ("WENT TO BED") is no acronym, unless a word for work comes before it
("I drive for UPS").
"""

from __future__ import annotations

import re

from stories.findings import Finding

from . import cues, vocab
from .everyday_extra import DIALECT
from .lexicon import (
    Lexicon,
    derived_form,
    lexicon,
    lowercase_word,
)
from .name_kind_of import KIND_WORDS
from .tokens import Columns, shared_columns, word_class
from .towns_lowercase import AFTER_MOTION, SAINTS, unknown_place_word
from .vocab import words

_AMP_TAIL = re.compile(r"&[A-Z]{1,3}\b")
_ELIDED = re.compile(r"[lLdD]['’](?=[A-Z]{2})")

# ("I go LUTH", "near UBC")
_PREPOSITIONS = words("at to from in of by with for up near del en al au aux à chez dans go went")
_PREPOSITION_CLASS = word_class(_PREPOSITIONS)
_THE = frozenset({"the"})
# Short capitals that are words or units, not places.
_NOT_PLACES = frozenset(
    {"tv", "am", "pm", "ok", "it", "me", "my", "us", "uk", "eu", "ed", "id", "ai", "ad", "bc"}
)


def _after_preposition(cols: Columns, k: int) -> bool:
    """Is token k right after "at", "to"... (or "at the"), on the same line?"""
    lows, gaps = cols.lows, cols.gaps
    if k < 1 or "\n" in gaps[k]:
        return False
    if lows[k - 1] in _PREPOSITIONS and gaps[k].strip() in _ARTICLE_GAPS:
        return True
    return k >= 2 and lows[k - 1] == "the" and lows[k - 2] in _PREPOSITIONS and gaps[k].strip() == ""


# A gap between a preposition and its acronym: nothing, or a French elided article ("à l'HFME",
# split off its word by `elisions`).
_ARTICLE_GAPS = frozenset({"", "l'", "l’", "d'", "d’"})


def _after_prepositions(cols: Columns) -> list[int]:
    """Tokens right after a preposition, after "the" after one, or after "the" alone:
    where `_after_preposition` or `_before_a_noun` can hold (a word-class look-up, not a
    test per word)."""
    lows = cols.lows
    n = len(lows)
    found = set()
    for p in cols.marked(_PREPOSITION_CLASS, 0, n - 1):
        found.add(p + 1)
        if p + 2 < n and lows[p + 1] == "the":
            found.add(p + 2)
    if "the" in cols.low_set():  # (only a word in capitals after "the" can be an acronym there)
        words = cols.words
        found.update(k + 1 for k in cols.indexes(_THE) if k + 1 < n and words[k + 1][-1:].isupper())
    return sorted(found)


def _before_a_noun(cols: Columns, k: int) -> bool:
    """Is token k right after "the" and right before a lowercase noun on the same line ("the
    RSL president", "the LRI waiting list")?  An acronym there names a place or a body."""
    lows, words, gaps = cols.lows, cols.words, cols.gaps
    if k < 1 or lows[k - 1] != "the" or k + 1 >= len(lows) or gaps[k] != " " or gaps[k + 1] != " ":
        return False
    after = words[k + 1]
    return after.islower() and after not in vocab.FUNCTION and not after.endswith(("ed", "ly"))


def _went_word(cols: Columns, k: int, lex: Lexicon) -> bool:
    """Is token k after "go", "went" or "near" a word ("WENT AFF HIM", "NEAR YE"), not "went KKH"?"""
    low = cols.lows[k]
    after = cols.lows[k + 1] if k + 1 < len(cols.lows) else ""
    word = low in lex.ordinary_lower or low in DIALECT
    return cols.lows[k - 1] in _GO and (word or after in _OBJECTS) or (cols.lows[k - 1] == "near" and word)


_GO = frozenset({"go", "went"})
_OBJECTS = frozenset({"a", "an", "the", "him", "her", "them", "me", "us", "it", "da", "di"})


def _employer(cols: Columns, k: int) -> bool:
    """Is token k after a work word and a lowercase "for"/"at" ("I drive for UPS"): a firm?"""
    lows, words = cols.lows, cols.words
    return k >= 2 and words[k - 1] in ("for", "at") and lows[k - 2] in cues.WORK_WORDS


# "U of I", "the U of C", "u of t": a university by its initial, and its hospitals.
# (not "fob u off": "of" ends before a space or a dot)
_U_OF = re.compile(r"\b[Uu]\.?[ \t]?of(?:\.[ \t]?|[ \t])[A-Za-z](?![\w'’])(?:[ \t]+(?i:hospitals?|health))?")


def find_acronym_facilities(text: str) -> list[Finding]:
    """FACILITY findings for unknown acronyms after a place preposition, and for "U of I"."""
    found = _U_OF.finditer(text) if "U of" in text or "u of" in text or "U OF" in text else ()
    universities = [Finding("FACILITY", m.start(), m.end(), 0.7, "u-of") for m in found]
    return universities + _acronyms_after_prepositions(text)


def _acronyms_after_prepositions(text: str) -> list[Finding]:
    """FACILITY findings for unknown acronyms after a place preposition."""
    cols = shared_columns(text)
    words = cols.words
    lex = None
    out = []
    for k in _after_prepositions(cols):
        token = words[k]
        elided = token[1:2] in ("'", "’") and _ELIDED.match(token)
        if elided:  # "à l'HFME", "de l’IUCT": the acronym after a French article
            token = token[elided.end() :]
        if not (token.isupper() and token.isalpha() and len(token) <= 6):
            continue
        start = cols.start(k) + (elided.end() if elided else 0)
        end = start + len(token)
        if text[end : end + 1] == "&":  # "RD&E", "the L&D": one name
            tail = _AMP_TAIL.match(text, end)
            end = tail.end() if tail else end
        word = token if len(token) > 1 else text[start:end]  # (one letter only with its "&" part)
        if len(word) < 2 or not (_after_preposition(cols, k) or _before_a_noun(cols, k)):
            continue
        lex = lex or lexicon()
        low = word.lower()
        if low in _NOT_PLACES or lex.is_safe(word) or _went_word(cols, k, lex):
            continue
        if len(word) >= 3 and low in lex.very_common_lower and not _employer(cols, k):
            continue  # shouting: "WENT TO BED", "IN PAIN"; but "I drive for UPS"
        out.append(Finding("FACILITY", start, end, 0.6, "facility-acronym"))
    return out


_FACILITY_PREPOSITIONS = frozenset({"at", "to", "from"})
_FACILITY_CLASS = word_class(_FACILITY_PREPOSITIONS)
# Heads that end a facility's name typed in lowercase ("hyde park surgery").
_LOWER_HEADS = words(
    "surgery hospital clinic centre center practice infirmary hospice university uni college school "
    "academy bakery project library church chapel dental pharmacy"
)
# Words before a head that make it a kind of place, not one place's name: "at medical school",
# "at community college", "at day hospital" (`name_kind_of.KIND_WORDS` and a few more).
_KIND_BEFORE_HEAD = (
    KIND_WORDS
    | vocab.DEPARTMENT_WORDS
    | words("grad graduate med vet prep trade beauty evening day health care main mens womens childrens")
    | words("top bottom keyhole open major minor")  # "after top surgery": an operation
)
# Articles and possessives of dialect and texting ("at di hospital", "at ur clinic").
_SPOKEN_ARTICLES = words("di da de tha teh ma mi me yer ur yr")
_MAX_LOWER_WORDS = 3


def _naming_word(lex: Lexicon, low: str) -> bool:
    """A lowercase word that can name a facility: a name, a town, or no word at all; not
    what a department treats ("the urology clinic", "the urogynae clinic")."""
    if low in vocab.FUNCTION or _department_word(lex, low):
        return False
    return low in lex.names_lower or low in lex.cities_lower or low not in lex.ordinary_lower


def _lowercase_head(cols: Columns, k: int) -> int:
    """Index of a facility head ending lowercase words from token k ("hyde park surgery"), or -1."""
    lows, words, gaps = cols.lows, cols.words, cols.gaps
    for end in range(k + 1, min(len(lows), k + _MAX_LOWER_WORDS + 1)):
        if not words[end].islower() or gaps[end] != " " or lows[end - 1] in vocab.FUNCTION:
            return -1
        if lows[end] in _LOWER_HEADS:
            return end
    return -1


def _bare_name(lex: Lexicon, cols: Columns, p: int, k: int, head: int) -> bool:
    """Are everyday words k..head, right after "at" or "from" with no article or
    possessive, a place's name ("at city college", "at new college")?  Not a department ("at sexual health
    clinic"); a kind of place ("at medical school") the caller has ruled out."""
    lows = cols.lows
    if k != p + 1 or lows[p] not in ("at", "from") or lows[k] in _SPOKEN_ARTICLES:
        return False
    return not any(_department_word(lex, lows[m]) for m in range(k, head))


def _department_word(lex: Lexicon, low: str) -> bool:
    """A word of what a clinic treats or who works there ("sexual", "urology", "physio")."""
    return lex.is_safe(low) or low in vocab.DEPARTMENT_WORDS or low.endswith("ology")


def _lowercase_acronym(lex: Lexicon, low: str) -> bool:
    """A short lowercase word no word list knows: an acronym typed in lowercase ("rvi")."""
    return (
        2 <= len(low) <= 4
        and low.isalpha()
        and low not in lex.ordinary_lower
        and low not in vocab.FUNCTION
        and low not in _NOT_PLACES
        and low not in _LOWER_HEADS  # "at uni"
        and not lex.is_safe(low)
    )


def _town_after_the(lex: Lexicon, cols: Columns, k: int) -> int:
    """Index of the last of one or two lowercase words from token k (after "at the", "to
    the") when it names a town that is no dictionary word ("to the royal stoke", "went to
    the sandyford": a hospital or clinic named by its place), else -1."""
    lows, words, gaps = cols.lows, cols.words, cols.gaps
    for end in (k, k + 1):
        if end >= len(lows) or not words[end].islower() or (end > k and gaps[end] != " "):
            return -1
        low = lows[end]
        word_too = lowercase_word(low) and (end == k or low in lex.very_common_lower)
        if low in lex.cities_lower and not word_too and low not in vocab.FUNCTION:
            return end  # (after "royal", "general"... a town that is a rarer word too: "stoke")
        if low in vocab.FUNCTION or low not in _THE_PLACE_FIRST:
            return -1
    return -1


# Words that open a place's name after "the" ("the royal stoke", "the new cross").
_THE_PLACE_FIRST = words("royal new old general city county central university north south east west")


# Heads after an owner's name that belong to the place: "russells hall", "st margarets primary".
_OWNED_HEADS = _LOWER_HEADS | words("hall primary house")


# Hospitals called by whom they are for, typed without an apostrophe: "at the womens".
_PLURAL_OWNERS = frozenset({"womens", "mens", "childrens", "kids"})


def _owner_without_apostrophe(lex: Lexicon, lows: list[str], k: int) -> bool:
    """Is token k a name with an "s" and no apostrophe, typed in lowercase after "at"
    ("at warrens", "at jimmys", "at russells hall", "at st margarets"): a shop, a pub or
    a hospital named after its owner or saint, not an everyday word?"""
    low = lows[k]
    if k >= 1 and lows[k - 1] in SAINTS and low.endswith("s"):
        return True
    return (
        len(low) >= 5
        and low.endswith("s")
        and low[:-1] in lex.names_lower
        and low not in lex.ordinary_lower
        and not derived_form(low)
    )


def _owned_place(lex: Lexicon, lows: list[str], gaps: list[str], k: int) -> int:
    """Last token of a place named after its owner or saint from token k ("warrens",
    "russells hall", "st margarets primary"), or -1."""
    owner = k + 1 if lows[k] in SAINTS and k + 1 < len(lows) else k
    if not _owner_without_apostrophe(lex, lows, owner):
        return -1
    nxt = owner + 1
    return nxt if nxt < len(lows) and lows[nxt] in _OWNED_HEADS and gaps[nxt] == " " else owner


def _acronym(lex: Lexicon, cols: Columns, p: int, k: int) -> Finding | None:
    """A FACILITY finding for lowercase token k when it is an acronym after "at", "to" or
    "the" ("at hri", "to uhs", "at the rvi"), else None; token p is the cue word."""
    if (cols.lows[k - 1] == "the" or cols.lows[p] in ("at", "to")) and _lowercase_acronym(lex, cols.lows[k]):
        return Finding("FACILITY", cols.start(k), cols.end(k), 0.5, "lowercase-acronym")
    return None


def _kind_follows(lows: list[str], k: int) -> bool:
    """Does token k say what kind of care a place gives ("the mens health clinic")?"""
    return k < len(lows) and (lows[k] in vocab.DEPARTMENT_WORDS or lows[k] in _LOWER_HEADS)


def find_lowercase_facilities(text: str) -> list[Finding]:
    """FACILITY findings for facilities typed in lowercase after "at", "to", "from" (or
    "at the"): words ending in a facility head with a name among them ("at hyde park
    surgery"), or after "the" a short word no word list knows ("at the rvi")."""
    cols = shared_columns(text)
    lows, words, gaps = cols.lows, cols.words, cols.gaps
    lex = lexicon()
    n = len(lows)
    out = []
    heads = not _LOWER_HEADS.isdisjoint(cols.low_set())  # a cheap test first: most stories name no such head
    for p in cols.marked(_FACILITY_CLASS, 0, n - 1):
        k = p + 1
        if lows[k] == "the" and k + 1 < n:
            k += 1
        elif not heads and not lows[k].endswith("s") and lows[k] not in SAINTS:
            if words[k].islower() and (found := _acronym(lex, cols, p, k) or _unknown_after(lex, cols, p, k)):
                out.append(found)
            continue  # (only an acronym or an unknown word is tried without a head in the story)
        if not words[k].islower() or "\n" in gaps[k]:
            continue
        head = _lowercase_head(cols, k) if heads else -1
        kind = head > 0 and all(lows[m] in _KIND_BEFORE_HEAD for m in range(k, head))  # "at grad school"
        named = head > 0 and any(_naming_word(lex, lows[m]) for m in range(k, head))
        if head > 0 and not kind and (named or _bare_name(lex, cols, p, k, head)):
            out.append(Finding("FACILITY", cols.start(k), cols.end(head), 0.5, "lowercase-facility"))
        elif lows[k - 1] == "the" and lows[k] in _PLURAL_OWNERS and not _kind_follows(lows, k + 1):
            # "the womens" (not "the mens health clinic")
            out.append(Finding("FACILITY", cols.start(k - 1), cols.end(k), 0.5, "lowercase-owner"))
        elif lows[k - 1] == "the" and (end := _town_after_the(lex, cols, k)) >= 0:
            out.append(Finding("FACILITY", cols.start(k), cols.end(end), 0.5, "lowercase-the-place"))
        elif found := _acronym(lex, cols, p, k):
            out.append(found)
        elif lows[p] == "at" and words[k].islower() and (owned := _owned_place(lex, lows, gaps, k)) >= 0:
            out.append(Finding("FACILITY", cols.start(k), cols.end(owned), 0.5, "lowercase-owner"))
        elif found := _unknown_after(lex, cols, p, k):
            out.append(found)
    return out


# Verbs after which "(me) to" names where someone was sent: "referred me to sandyford",
# "a referral up to treliske", "sent her to", "took me to".
_SENT = frozenset({*vocab.MOTION, "referral", "sent", "send", "sends", "took", "taken", "rushed", "booked"})
_SENT_BETWEEN = frozenset({*AFTER_MOTION, "me", "her", "him", "us", "them"})


def _unknown_after(lex: Lexicon, cols: Columns, p: int, k: int) -> Finding | None:
    """A FACILITY finding for lowercase token k right after "at" or after "referred (me)
    to" when it is a word no word list knows ("at touro", "at froedtert", "referred me to
    sandyford"), else None; token p is the cue word."""
    lows = cols.lows
    if k != p + 1 or len(lows[k]) < 4 or not cols.words[k].islower():
        return None
    sent = lows[p] == "to" and p >= 1 and (
        lows[p - 1] in _SENT or (p >= 2 and lows[p - 1] in _SENT_BETWEEN and lows[p - 2] in _SENT)
    )
    if (lows[p] == "at" or sent) and unknown_place_word(lex, lows[k]):
        return Finding("FACILITY", cols.start(k), cols.end(k), 0.5, "lowercase-facility")
    return None
