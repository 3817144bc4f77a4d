"""What the words around a word in capitals say about how it is written.

`recase` rewrites each run of words in capitals word by word; this module
adds what only the context tells, over the whole text, touching only letters
that were written in capitals (same length, offsets unchanged):

- dates: an ordinal's ending after a digit ("14TH" is "14th"), a month next to
  a number ("5 MAY", "AUG. 3RD", "MAY 2019"; "YOU MAY" stays a word), a
  month's full name ("FEBRUARY"), a holiday ("EASTER MONDAY", "VALENTINE'S DAY");
- handles: "U/NAME" is written "u/NAME" (the handle rule wants "u/");
- names after a cue: "MY FLATMATE TASH", "I'M SHAZ", "A PHYSIO CALLED SEGUN"
  (the word after a relation or naming word, when it is no everyday word),
  and then the same name elsewhere in the text ("TASH USED TO..."); an everyday
  word that is a first name ("WILL", "HOPE", "BILL") only where the next word
  shows a name ("MY HUSBAND WILL THOUGHT", "HOPE SAYS");
- surnames: a word that a name list knows, right after a first name, a title
  or an initial ("MRS JOANNE KEANE", "M. PRITCHARD", "DR SHALINI RAO").
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from . import cues, street_words, vocab
from .lexicon import derived_form, everyday_words, lexicon, lowercase_word
from .word_forms import bare_contraction

# Endings of English words that are rarely names or places ("TREATABLE", "MORTIFIED").
_WORD_ENDINGS = (
    "ing", "ed", "able", "ible", "tion", "sion", "ment", "ness", "ous", "ive", "ly", "ful", "less",
    "ise", "ize", "ised", "ized", "ism", "ity", "ical", "ence", "ance",
)  # fmt: skip

UP = "A-ZÀ-ÖØ-Þ"
_TOKEN = re.compile(rf"[{UP}]+(?:['’][{UP}]+)?")
_ORDINAL = re.compile(r"(?<=\d)(?:ST|ND|RD|TH|E|ER|RE|ÈME|EME)\b")  # "14TH", "3E" (French)
_HANDLE = re.compile(r"(?<![\w/])U/(?=[A-Z0-9_-]{3,20}\b)")
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "august"})
_MONTH_WORD = re.compile(
    r"\b(?:" + "|".join(m.upper() for m in vocab.MONTHS + vocab.MONTH_ABBR) + r")\b(?!['’])"
)
_NUMBER_BEFORE = re.compile(r"\d(?:st|nd|rd|th|ST|ND|RD|TH)?\.?,?[ \t]+(?:OF[ \t]+)?$")
_NUMBER_AFTER = re.compile(r"\.?,?[ \t]*\d")
_HOLIDAY = re.compile(rf"\b(?:{vocab.HOLIDAYS})\b", re.IGNORECASE)
_LOWER_INSIDE = frozenset({"of", "the"})
# Words that follow a name and not a modal verb or a noun: "WILL THOUGHT", "HOPE SAYS".
_NAME_NEXT = vocab.words(
    """is was said says came thought told tells and has had read made took felt got went did does
    asked knows knew texted drove bought held hugged cried laughed works worked helped cooked
    loves loved wanted wants came comes have are were"""
)
_TITLE_WORDS = frozenset(
    {"dr", "mr", "mrs", "ms", "mx", "prof", "frau", "herr", "sra", "dra", "dre", "sr", "sister", "nurse"}
)
_CUES = (
    cues.RELATIONS
    | cues.NAMING
    | vocab.words("aunty auntie bestie workmate granddaughter grandson stepdaughter stepson")
)
# "ME AND KAZ", "KAZ AND I": a name beside a pronoun.
_PAIRED = (("me", "and"), ("and", "i"), ("and", "me"))
_UNIT = re.compile(r"(?<=\d)(?:YRS|YR|YO|WKS|WK|KG|KGS|CM|MM|MG|ML|LBS)\b")


def capitalised(word: str) -> str:
    """`word` with a capital first letter and the rest in lowercase ("Women's")."""
    return word[:1].upper() + word[1:].lower()


def _put(out: list[str], start: int, new: str) -> None:
    out[start : start + len(new)] = list(new)


def dates_and_handles(text: str, out: list[str]) -> None:
    """Ordinals, months, holidays and reddit handles written in capitals, in `out`
    (the characters of the recased `text`)."""
    for m in _ORDINAL.finditer(text):
        _put(out, m.start(), m.group().lower())
    for m in _UNIT.finditer(text):
        _put(out, m.start(), m.group().lower())
    for m in _HANDLE.finditer(text):
        _put(out, m.start(), "u/")
    for m in _MONTH_WORD.finditer(text):
        low = m.group().lower()
        before = _NUMBER_BEFORE.search(text, max(0, m.start() - 10), m.start())
        near = before or _NUMBER_AFTER.match(text, m.end())
        if near or (low in vocab.MONTHS and low not in _AMBIGUOUS_MONTHS):
            _put(out, m.start(), capitalised(m.group()))
    for m in _HOLIDAY.finditer(text):
        if not m.group().isupper():
            continue
        for w in _TOKEN.finditer(m.group()):
            new = w.group().lower() if w.group().lower() in _LOWER_INSIDE else capitalised(w.group())
            _put(out, m.start() + w.start(), new)


def _plain(word: str) -> str:
    return word.lower().replace("’", "'")


def _strong_name(low: str) -> bool:
    """Could this word after a naming cue be a name, being no everyday word?"""
    lex = lexicon()
    return (
        low.isalpha()
        and len(low) >= 2
        and low not in vocab.FUNCTION
        and low not in everyday_words()
        and low not in lex.very_common_lower
        and not lex.is_safe(low)
        and not derived_form(low)
        and not (low.endswith("ed") and len(low) > 4)
        and not bare_contraction(low)  # "AND I WOULDNT": a word
    )


def _weak_name(low: str, next_low: str) -> bool:
    """An everyday word that is a first name, where the next word shows a name."""
    return low in lexicon().first_lower and next_low in _NAME_NEXT


def cue_names(text: str, out: list[str]) -> set[str]:
    """Capitalise, in `out`, the names that a cue shows in the capitals of `text`;
    the names (lowercase) that need no further cue."""
    toks = [t for t in _TOKEN.finditer(text)]
    if len(toks) < 2:
        return set()
    lows = [_plain(t.group()) for t in toks]

    def joined(i: int) -> bool:  # tokens i-1 and i separated by spaces only
        return text[toks[i - 1].end() : toks[i].start()] in (" ", "  ", "\t")

    strong: set[str] = set()
    weak: set[str] = set()
    for i in range(1, len(toks)):
        # "THE PHYSIO, JAS, WILL...": a name in apposition to a relation or a role
        end = toks[i].end()
        apposed = text[toks[i - 1].end() : toks[i].start()] == ", " and text[end : end + 1] == ","
        if not toks[i].group().isupper() or not (joined(i) or (apposed and lows[i - 1] in _CUES)):
            continue
        prev = lows[i - 1]
        pair = (lows[i - 2], prev) if i >= 2 and joined(i - 1) else None
        after = (lows[i + 1], lows[i + 2]) if i + 2 < len(toks) and joined(i + 1) and joined(i + 2) else None
        if (
            prev not in _CUES
            and pair not in cues.NAMING_PAIRS
            and pair not in _PAIRED
            and after not in _PAIRED
        ):
            continue
        low = lows[i]
        nxt = lows[i + 1] if i + 1 < len(toks) else ""
        if _strong_name(low):
            strong.add(low)
        elif i + 1 < len(toks) and joined(i + 1) and _weak_name(low, nxt):
            weak.add(low)
    if not strong and not weak:
        return strong
    for i, t in enumerate(toks):
        if not t.group().isupper():
            continue
        low = lows[i]
        if low in strong:
            _put(out, t.start(), capitalised(t.group()))
        elif low in weak:
            nxt = lows[i + 1] if i + 1 < len(toks) else ""
            comma = text[t.end() : t.end() + 1] == ","
            if (i + 1 < len(toks) and joined(i + 1) and nxt in _NAME_NEXT) or comma:
                _put(out, t.start(), capitalised(t.group()))
    return strong


def surnames(text: str, out: list[str], named: set[str] = frozenset()) -> None:
    """Capitalise, in `out`, a name-list word written in capitals right after a first
    name, a title or an initial ("JOANNE KEANE", "DR SHALINI RAO", "M. PRITCHARD")."""
    lex = lexicon()
    toks = list(_TOKEN.finditer(text))
    for i in range(1, len(toks)):
        t = toks[i]
        word = t.group()
        if not word.isupper() or not out[t.start()].islower():
            continue
        low = word.lower()
        p = toks[i - 1]
        gap = text[p.end() : t.start()]
        # after a title, a word no dictionary writes in lower case ("DR AKINS", though "akin"
        # has a plural; not "SISTER HELPED")
        titled_word = (
            gap in (" ", ". ") and p.group().lower() in _TITLE_WORDS
            and low.isalpha() and not lowercase_word(low)
        )
        if (low not in lex.names_lower and not titled_word) or low in everyday_words() or len(low) < 3:
            continue
        prev = "".join(out[p.start() : p.end()])
        initial = len(prev) == 1 and prev.isupper() and gap == ". "  # "M. PRITCHARD", not "A DRUM"
        if gap not in (" ", ". ") or (gap == ". " and not initial and prev.lower() not in _TITLE_WORDS):
            continue
        titled = (
            i >= 2
            and toks[i - 2].group().lower() in _TITLE_WORDS
            and text[toks[i - 2].end() : p.start()] in (" ", ". ")
        )
        known = lex.is_name(prev) or prev.lower() in named or titled  # "DR SHALINI RAO"
        if initial or prev.lower() in _TITLE_WORDS or (prev[:1].isupper() and prev[1:].islower() and known):
            _put(out, t.start(), capitalised(word))


_AFTER_HEAD = re.compile(
    r"(?P<before>\b[A-Z][a-zà-ÿ'’-]+[ \t]+)?(?P<head>\b[A-Z][a-zà-ÿ]+)[ \t]+"
    r"(?:(?P<p>for|of|la|el|La|El)[ \t]+)?(?P<w>[a-zà-ÿ][a-zà-ÿ'’-]+)\b"
)
_SPANISH_HEADS = vocab.words("hospital clínica clinica centro sanatorio instituto colegio universidad")


@lru_cache(maxsize=1)
def _town_names() -> dict[tuple[str, ...], int]:
    """The gazetteer's towns of two or three words, casefolded word by word ("des",
    "moines"), each with its number of words."""
    towns = (tuple(c.casefold().split()) for c in lexicon().cities if " " in c)
    return {t: len(t) for t in towns if len(t) <= 3}


_PLACE_PREPS = frozenset({"in", "from", "near", "outside", "of", "to", "at", "around", "on"})


def towns(text: str, out: list[str], foreign: frozenset[str] = frozenset()) -> None:
    """Towns of two or three words written in capitals ("DES MOINES", "SAN ANGELO",
    "STATEN ISLAND"), capitalised word by word in `out`: when one of their words is no
    everyday word of English or of the story's language (`foreign`: "LA CONSULTA" in a
    Spanish story is a visit), or a place preposition comes before them ("NEAR GREAT
    FALLS"); never from "THE" ("IN THE VILLAGE")."""
    names = _town_names()
    for run in _CAPS_WORDS.finditer(text):  # two or more words in capitals in a row
        _towns_in(text, run, names, out, foreign)


_CAPS_WORDS = re.compile(rf"[{UP}][{UP}'’]+(?: [{UP}][{UP}'’]*)+")


def _towns_in(text: str, run: re.Match, names: dict, out: list[str], foreign: frozenset[str]) -> None:
    """`towns` in one run of words in capitals."""
    toks = list(_TOKEN.finditer(text, run.start(), run.end()))
    lows = [m.group().casefold() for m in toks]
    k = 0
    while k < len(toks):
        for n in (3, 2):
            key = tuple(lows[k : k + n])
            if names.get(key) != n or key[0] in vocab.FUNCTION or not _joined(text, toks[k : k + n]):
                continue
            prep = lows[k - 1] in _PLACE_PREPS if k else _prep_before(text, run.start())
            if prep or any(_unknown(w, foreign) for w in key):
                for m in toks[k : k + n]:
                    _put(out, m.start(), capitalised(m.group()))
                k += n - 1
                break
        k += 1


def _prep_before(text: str, pos: int) -> bool:
    """Is the word right before `pos` a place preposition ("in Des Moines" in mixed case)?"""
    before = text[max(0, pos - 8) : pos].split()
    return bool(before) and before[-1].casefold() in _PLACE_PREPS


def _unknown(low: str, foreign: frozenset[str]) -> bool:
    """Is `low` no everyday word of English or of the story's language, and no particle?"""
    return low not in everyday_words() and low not in foreign and low not in vocab.PARTICLES


def _joined(text: str, toks: list[re.Match]) -> bool:
    """Are the tokens separated by single spaces only?"""
    return all(text[a.end() : b.start()] == " " for a, b in zip(toks, toks[1:], strict=False))


def facility_names(text: str, out: list[str]) -> None:
    """Capitalise, in `out`, the name after a facility's head written in capitals:
    "ROYAL HOSPITAL FOR WOMEN", "CHURCH OF GOD", "HOSPITAL LA PAZ", "HOSPITAL ITALIANO"."""
    from .lexicon import english_words

    cur = "".join(out)
    for m in _AFTER_HEAD.finditer(cur):
        head, p, w = m.group("head"), m.group("p"), m.group("w")
        if not text[m.start("head") : m.end("w")].isupper() or w in vocab.FUNCTION:
            continue
        low = head.lower()
        if p in ("for", "of"):
            ok = (
                low in vocab.FACILITY_HEADS
                and m.group("before") is not None
                and m.group("before").strip() not in ("The", "A", "My")
            )
        elif p:
            ok = low in _SPANISH_HEADS
            if ok:
                _put(out, m.start("p"), capitalised(p))
        else:
            ok = low in _SPANISH_HEADS and w not in english_words() and len(w) > 2
        if ok:
            _put(out, m.start("w"), capitalised(w))


# "FIRST BAPTIST", "SECOND PRESBYTERIAN CHURCH": a congregation named by its ordinal.
_ORDINAL_CONGREGATION = re.compile(
    r"\b(?:FIRST|SECOND|THIRD|FOURTH|FIFTH)[ \t]+(?:BAPTIST|METHODIST|PRESBYTERIAN|LUTHERAN|CONGREGATIONAL"
    r"|PENTECOSTAL|ADVENTIST|EPISCOPAL|REFORMED|UNITED|CHURCH)\b"
)


def congregations(text: str, out: list[str]) -> None:
    """Capitalise, in `out`, a congregation named by its ordinal and written in capitals
    ("AT FIRST PRESBYTERIAN"), as normal writing does ("First Presbyterian")."""
    for m in _ORDINAL_CONGREGATION.finditer(text):
        for w in _TOKEN.finditer(m.group()):
            _put(out, m.start() + w.start(), capitalised(w.group()))


@lru_cache(maxsize=1)
def _rarer_english() -> frozenset[str]:
    """English words of Zipf >= 2.5 from wordfreq's large list (loaded only when a text
    in capitals needs it, ~0.1 s): rarer words than the lexicon's, for word shapes only."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return frozenset()
    import msgpack

    path = Path(spec.origin).parent / "data" / "large_en.msgpack.gz"
    if not path.exists():
        return frozenset()
    with gzip.open(path, "rb") as fh:
        packed = msgpack.load(fh, raw=False)
    last = int(round((9.0 - 2.5) * 100))
    return frozenset(w for bucket in packed[1 : last + 2] for w in bucket if w.isalpha())


def rare_word(low: str) -> bool:
    """A rarer English word with a word's ending ("treatable", "clenching", "mortified"),
    in no name or town list: in capitals it is a word, not a name."""
    if len(low) < 6 or not low.endswith(_WORD_ENDINGS):
        return False
    lex = lexicon()
    return low in _rarer_english() and low not in lex.names_lower and low not in lex.cities_lower


_HEADS = vocab.FACILITY_HEADS | street_words.STREET_HEADS
_NAME_PARTICLES = frozenset({"of", "for", "de", "del", "la", "el", "da", "das", "do", "dos", "di"})


def lone_heads(text: str, out: list[str]) -> None:
    """Lowercase, in `out`, a facility or street head written in capitals that names
    nothing: no capitalised word before it, none (or no "of"/"de" and one) after it
    ("SENT ME TO PHYSIO", "A LITTLE CLINIC OFF MASON ROAD"; "JAMES STREET CLINIC" stays)."""
    toks = list(_TOKEN.finditer(text))
    for i, t in enumerate(toks):
        low = _plain(t.group())
        if low not in _HEADS or not t.group().isupper() or not out[t.start()].isupper():
            continue
        gap_before = text[toks[i - 1].end() : t.start()] if i else "\n"
        if (
            i
            and gap_before in (" ", "-", "\t")
            and out[toks[i - 1].start()].isupper()
            and toks[i - 1].group() not in ("I", "A")
        ):
            continue
        if re.search(r"\d[ \t]*$", text[max(0, t.start() - 3) : t.start()]):
            continue  # "22 COLLEGE COURT", "FLAT 3, 16 POLSLOE ROAD"
        if len(low) <= 3 and text[t.end() : t.end() + 1] == ".":
            continue  # "CO. MAYO", "ST. PHILIP": an abbreviation
        if (
            i >= 2
            and gap_before in (" ", "\t")
            and _plain(toks[i - 1].group()) in ("of", "for")
            and out[toks[i - 2].start()].isupper()
        ):
            continue  # "MINISTRY OF HEALTH", "CENTRE FOR HEALTH"
        nxt = i + 1 < len(toks) and text[t.end() : toks[i + 1].start()] in (" ", "\t", ". ")
        if nxt:
            n = toks[i + 1]
            if out[n.start()].isupper() and n.group() not in ("I", "A"):
                continue
            if (
                _plain(n.group()) in _NAME_PARTICLES
                and i + 2 < len(toks)
                and out[toks[i + 2].start()].isupper()
            ):
                continue
        _put(out, t.start(), "".join(out[t.start() : t.end()]).lower())
