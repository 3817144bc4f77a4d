"""German and Dutch nouns: words, though written with a capital.

German writes every noun with a capital ("Krankenkasse", "Frauenärztin", "Beckenboden"),
Dutch many of them, and both build long compounds that no word list holds at the
frequency the name rules trust for these languages (Zipf >= 4, `name_words`):
"Versichertennummer" is a noun, not a name.  In a story written in either language
(`language.columns_language`) a capitalised word is read as a noun when it is a compound
whose last part is one of the language's common words ("Versicherten|nummer",
"Erfahrungs|bericht"), or when it ends with a suffix that makes nouns ("Krümmung",
"Erektion", "Urologe", "verzakking").

Places and institutions are compounds too ("Mönchen|gladbach", "Kreuz|berg",
"Universitäts|klinikum"): a last part that makes place names or names an institution
never makes a plain noun, and the town and name lists are asked before this
(`name_ordinary`, `NameText.plain`).
"""

from __future__ import annotations

from functools import lru_cache

from . import cues, vocab
from .lexicon import language_words, lexicon

#: The languages whose nouns carry a capital mid-sentence.
NOUN_LANGUAGES = frozenset({"de", "nl"})
#: From this Zipf on a German or Dutch word is an everyday word: lower, their lists hold the
#: clinics, insurers and districts their text names often ("UMC", "Barmer", "Schwabing").
WORD_ZIPF = 4.0


def everyday_words(lang: str) -> frozenset[str]:
    """The everyday words of German or Dutch (`lang`), casefolded (Zipf >= `WORD_ZIPF`)."""
    return language_words(lang, WORD_ZIPF)

#: Last parts that make place names ("Kreuzberg", "Vlissingen", "Wilmersdorf") and the
#: words that name an institution ("Universitätsklinikum", "Kinderspital"): never nouns here.
_PLACE_TAILS = vocab.words(
    """berg burg dorf hausen heim ingen stadt feld bach hof brück brücke furt see tal wald kirchen
    hagen beck stedt leben rode horst kamp wijk dam dijk veen meer hoven broek horn ort land bad damm
    weg straße strasse gasse allee platz ring ufer markt tor brunn born werder moor kirch zell münster
    haven bos bosch kerk kirche gracht staat drecht recht plein laan straat kade singel klinik klinikum
    krankenhaus spital hospital praxis zentrum ziekenhuis kliniek centrum apotheke haus huis schule school"""
)

_PLACE_ENDINGS = tuple(_PLACE_TAILS)

#: Suffixes that make nouns of the language.
_SUFFIXES = {
    "de": ("ung", "ungen", "heit", "keit", "schaft", "ion", "ionen", "tät", "ismus", "ologe", "ologin",
           "ärztin", "eutin", "istin", "erin", "chen"),
    "nl": ("ing", "ingen", "heid", "schap", "tie", "ties", "isme", "loog", "loge", "arts", "pijn"),
}
_MIN_LENGTH = 6
_MIN_HEAD, _MIN_TAIL = 3, 5


@lru_cache(maxsize=2)
def _tails(lang: str) -> frozenset[str]:
    """The language's common words (Zipf >= 4) that may end a compound noun (not a rarer
    one: "Neusiedler" is "Neu|siedler", the town's adjective)."""
    return frozenset(w for w in everyday_words(lang) if len(w) >= _MIN_TAIL and w not in _PLACE_TAILS)


@lru_cache(maxsize=4096)
def noun(lang: str, low: str) -> bool:
    """Is casefolded `low` a noun of German or Dutch (`lang`) by its shape: a compound
    ending with a common word, or a word with a noun-making suffix?"""
    if lang not in NOUN_LANGUAGES or len(low) < _MIN_LENGTH or not low.isalpha():
        return False
    if low.endswith(_PLACE_ENDINGS):
        return False
    if low.endswith(_SUFFIXES[lang]):
        return True
    tails = _tails(lang)
    return any(low[cut:] in tails for cut in range(_MIN_HEAD, len(low) - _MIN_TAIL + 1))


def story_noun(lang: str, word: str) -> bool:
    """Is `word` (as written) one of the nouns of a story in German or Dutch (`lang`): a
    word of the language (Zipf >= 4) or a noun by its shape, and no town ("58 Jahre", "20
    Minuten", "3 Mal", but not "in 3 Wochen Bielefeld")?"""
    if lang not in NOUN_LANGUAGES or word in lexicon().cities:
        return False
    low = word.casefold()
    return low in everyday_words(lang) or noun(lang, low)


#: Words after which a capitalised German or Dutch word is a name ("Frau Krämer", "namens
#: Vroni", "Ik ben Ineke", "mijn man Joop") or a place ("aus Wien-Favoriten"), besides the
#: titles and cues of `cues.CUE_PREV`.
_NAME_PREV = vocab.words(
    """namens bin ben heiße heisse heet mann man freund freundin vriend vriendin liebe lieber beste
    mevrouw meneer tochter sohn dochter zoon schwester bruder zus broer partner partnerin aus uit"""
)


def capital_only(lang: str, word: str, prev: str | None) -> bool:
    """In a German or Dutch story (`lang`), is a lone capitalised `word` that no name or town
    list holds only a noun's capital: no title, kin word or naming word before it (`prev`,
    casefolded), no institution's or place's ending, not an acronym?  ("meine Hebamme",
    "Inkontinenz", but "Frau Overbeck", "Raphaelsklinik", "am UKE".)"""
    if lang not in NOUN_LANGUAGES or word.isupper():
        return False
    if prev is not None and (prev in _NAME_PREV or prev in cues.CUE_PREV):
        return False
    return not word.casefold().endswith(_PLACE_ENDINGS)
