"""Street addresses and postcodes in several countries' formats.

Capitalized street and town names are found by the proper-noun rule in
`names`; this module adds what needs digits: house numbers with a street
("12 Elm Street", "Hauptstraße 5", "Flat 3, 14 Mill Lane") and postcodes (UK,
US ZIP, Canada, Ireland's Eircode, Netherlands, Australia, and 5-digit codes
next to a capitalized town as in Germany or France).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress

from stories.findings import Finding

from . import germanic, street_words, vocab
from .anchors import FOLD_TRAPS, code_start, digit_runs, find_all, has_word, lowered, matches_at, run_starts
from .chart_words import UNIT_AFTER_NUMBER
from .house_numbers import after_date_word, chart_word_after, no_street_after, numbered_label
from .language import story_language
from .lexicon import Lexicon, english_form, lexicon
from .tokens import shared_columns, word_class
from .vocab import FUNCTION as FUNCTION_WORDS

_STREET = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Close|Crescent|Cres|Court|Ct|"
    r"Place|Pl|Terrace|Tce|Grove|Gardens|Gdns|Square|Sq|Hill|Row|Mews|Parade|Walk|Highway|Hwy|Parkway|Pkwy|"
    r"Circle|Cir|Trail|Park|Green|View|Rise|Wharf|Quay)"
)
ADDRESS_RE = re.compile(
    r"\d{1,5}[A-Za-z]?(?:[-/]\d{1,5})?,?\s+"
    r"(?:(?!I\b)[A-Z][\w'’.-]{0,30}\s+){1,4}" + _STREET + r"\b\.?"
)
# Number then capitalized words ("021 Harrison Gateway"): a street even without a
# known street word, unless the number looks like a year; never across a blank line
# ("Week 2⏎⏎Breathing" is a heading and a paragraph).
LOOSE_ADDRESS_RE = re.compile(
    r"(?!(?:19|20)\d\d\b)\d{1,5}[A-Za-z]?(?:/\d{1,5})?,?(?:[ \t]+|[ \t]*\n[ \t]*)"
    r"(?:(?!(?:Apt|Suite|Unit|Flat|I|Me|My|We|You|He|She|It|They|The|And|Or|But|So|Of|For|To|In|On|At)\b)[A-Z][\w'’.-]+"
    r"(?:[ \t]+|[ \t]*\n[ \t]*)){0,2}"
    r"(?!(?:Apt|Suite|Unit|Flat|I|Me|My|We|You|He|She|It|They|The|And|Or|But|So|Of|For|To|In|On|At)\b)[A-Z][\w'’.-]+"
    r"(?:,?\s+(?:Apt\.?|Suite|Unit|Flat)\s*\d+)?"
)
# What both address patterns begin with: the number, then white space and a capital.
_CAPITAL_AFTER_NUMBER = re.compile(r"\d{1,5}[A-Za-z]?(?:[-/]\d{1,5})?,?\s+[A-Z]")
_DAY_AND_MONTH = re.compile(rf"(?i)\d{{1,2}}(?:st|nd|rd|th)?[^\S\n]+(?:{vocab.MONTH_WORDS})\b")
_SENTENCE_STOP = re.compile(r"(?<=[^\W\d_]{4})\.")
_SENTENCE_STOP_INSIDE = re.compile(r"(?<=[^\W\d_]{4})\.\s")
# Street word (any case, several languages) with names and a number around it.
# `street_words.STREET_WORDS` as regex alternatives, longest first.
_STREET_WORD_ALTERNATIVES = "|".join(
    re.escape(w) for w in sorted(street_words.STREET_WORDS, key=lambda w: (-len(w), w))
)
STREET_WORD_RE = re.compile(
    r"(?:\d{1,5}[A-Za-z]?(?:/\d{1,5})?,?\s+)?"
    rf"\b(?i:{_STREET_WORD_ALTERNATIVES})\s+"
    r"(?:(?:de|del|la|las|los|di|da|des|du|le|do|dos|số)\s+)*"
    r"(?!(?i:was|is|and|or|but|the|in|on|at|to|of|for|with|which|where|that|i|we|it|has|had)\b)[\w'’.-]+(?:\s+(?:số\s+)?[A-ZÀ-Ý\d][\w'’./-]*){0,4}"
    r"(?:,?\s+\d{1,5}[A-Za-z]?(?:[/-]\d{1,5})?)?"
    r"(?:,?\s+(?:Apt\.?|Piano|Piso|Puerta|Esc\.|m\.|lok\.|Suite|Appartamento|Interno)\s*\d+)?"
)
# Cheap substring gates for `STREET_WORD_RE` (the words themselves).
_STREET_WORD_GATES = tuple(sorted(street_words.STREET_WORDS))
# Written "[A-Z](?<!\w.)" rather than "\b[A-Z]" (same matches) so that `re` can
# skip quickly to capital letters instead of trying every position.
# `has_word` keywords: a street word needs a word start before it and
# whitespace after it, which few texts have (the gates above match "place").
_STREET_WORDS = tuple((g.strip(), "") for g in _STREET_WORD_GATES)
# `street_words.STREET_ENDINGS` as regex alternatives, longest first.
_FOREIGN_ALTERNATIVES = "|".join(
    re.escape(w) for w in sorted(street_words.STREET_ENDINGS, key=lambda w: (-len(w), w))
)
FOREIGN_ADDRESS_RE = re.compile(
    rf"[A-ZÄÖÜ](?<!\w.)[\wäöüß'-]{{1,30}}(?i:{_FOREIGN_ALTERNATIVES})"
    r"(?:[^\S\n]+\d{1,4}[a-z]?(?:-\d{1,4})?)?",
)
# Substring gates for `FOREIGN_ADDRESS_RE`; "ring " first: English prose has it
# ("during", "bring"), and `any` stops there.
_FOREIGN_GATES = ("ring ", *(w for w in street_words.STREET_ENDINGS if w != "ring"))
# A street type written after the street's name, then the house number:
# "Erzsébet tér 19.", "Király u. 15", "Trenerys gate 232", "Stensås terrasse 38".
_AFTER_ALTERNATIVES = "|".join(
    re.escape(w) for w in sorted(street_words.STREET_WORDS_AFTER, key=lambda w: (-len(w), w))
)
STREET_AFTER_RE = re.compile(
    rf"(?:[A-ZÀ-ÖØ-Þ](?<!\w.)[\w'’-]{{0,30}}[ \t]+){{1,3}}"
    rf"(?:{_AFTER_ALTERNATIVES})[ \t]+\d{{1,5}}[A-Za-z]?\.?(?![\w])"
)
# The same with the street's name in lowercase words, before a street type that is no English
# word ("hegyalja út 98.", "Árpád fejedelem útja 3."); the lowercase word must be no English word.
_LOWER_AFTER_HEADS = "utca|u\\.|út|útja|tér|körút|krt\\.|köz|ulice|náměstí|třída|gatan|vägen|veien|vej|gade"
STREET_AFTER_LOWER_RE = re.compile(
    rf"(?:[A-ZÀ-ÖØ-Þ](?<!\w.)[\w'’-]{{0,30}}[ \t]+)?(?<![\w'’-])(?P<low>[a-zß-öø-ÿ][\w'’-]{{2,30}})[ \t]+"
    rf"(?:{_LOWER_AFTER_HEADS})[ \t]+\d{{1,5}}[A-Za-z]?\.?(?![\w])"
)
# `STREET_WORDS_AFTER` as tokens ("u." is the token "u"): a set test on the shared tokens.
_AFTER_TOKENS = frozenset(w.rstrip(".") for w in street_words.STREET_WORDS_AFTER)
# A street named before its number, after a place word: "lives on Grössgstötten 50",
# "the bus station is on Peter Zuidhove 188", "in Cheb 2" (European order).
_NUMBER_PLACE_WORDS = frozenset({"on", "at", "in"})
_NUMBER_PLACE_CLASS = word_class(_NUMBER_PLACE_WORDS)
_DIGIT = re.compile(r"\d")
NAME_NUMBER_RE = re.compile(
    r"\b(?:on|at|in)[ \t]+(?P<name>(?:[A-ZÀ-ÖØ-Þ][\w'’-]{1,30}[ \t]+){1,4})"
    r"(?!(?:19|20)\d\d\b)\d{1,4}[A-Za-z]?\b(?![.,:/]?\d)"
    r"(?![ \t]*(?:%|mg|ml|mcg|weeks?|days?|months?|years?|hours?|times?|minutes?|mins?|am|pm|units?|x\b))"
)
UNIT_RE = re.compile(
    r"(?:F(?<!\w.)lat|A(?<!\w.)(?:pt|partment)|U(?<!\w.)nit|S(?<!\w.)uite|P(?<!\w.)(?:O Box|\.O\. Box))"
    r"\.?\s*#?\s*\d{1,6}[A-Za-z]?\b"
)

POSTCODE_RE = re.compile(
    # UK: "SW1A 1AA", "M1 1AE", "B33 8TH"
    r"(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\b"
    # Canada: "K1A 0B1"
    r"|[ABCEGHJ-NPRSTVXY]\d[A-Z]\s?\d[A-Z]\d\b"
    # Ireland Eircode: "D02 X285"
    r"|[AC-FHKNPRTV-Y]\d{2}\s?[AC-FHKNPRTV-Y0-9]{4}\b"
    # Netherlands: "1012 AB"
    r"|[1-9]\d{3}\s?(?!AM\b|PM\b|BC\b|AD\b)[A-Z]{2}\b"
    # Poland "27-097", Portugal "1000-001", Brazil "01310-100"
    r"|\d{2}-\d{3}\b(?!-)|\d{4}-\d{3}\b(?!-)|\d{5}-\d{3}\b(?!-)"
)
# A 4-6 digit number is a postcode after a cue or a place word, or before a town.
ZIP_CUE = re.compile(
    r"(?:\b(?i:zip|zip\s*code|postcode|post\s*code|postal\s*code|pin|pincode|plz|cp|eircode)\s*(?:is|was|:)?"
    r"|\b[A-Z]{2}|\b[A-Z][a-zäöüéè]+,?|\b(?:NSW|VIC|QLD|SA|WA|TAS|ACT|NT))\s*$",
)
ZIP_RE = re.compile(r"\d{4,6}(?:-\d{4})?\b(?![.,]?\d)")
_TOWN_AFTER = re.compile(r"\s+[A-Z][a-zäöüéè]+")
_NAMED_POSTCODE = re.compile(r"(?i)zip|post|plz|eircode")


# Street words without a final "." ("ul." -> "ul"): whole words of the tokenizer.
_STREET_WORD_CORES = frozenset(word.rstrip(".") for word, _ in _STREET_WORDS)


def _may_have_street_word(text: str) -> bool:
    """Cheap necessary condition for `has_word(text, low, _STREET_WORDS)`.

    A street word that `has_word` accepts starts a word and ends before
    whitespace (or before its own "."), and every character that lowercases
    to one of its letters is a letter: so it is a token or a token's tail
    (see `tokens.Columns.tails`; the tokens are shared with the name rules).
    Set tests instead of a `str.find` per street word.
    """
    cols = shared_columns(text)
    return not (_STREET_WORD_CORES.isdisjoint(cols.low_set()) and _STREET_WORD_CORES.isdisjoint(cols.tails()))


def _street_word_starts(text: str, low: str) -> list[int]:
    """Where a `STREET_WORD_RE` match can begin; empty when `has_word` is false.

    `low` must be aligned with `text` and free of fold traps.  A match begins
    at a street word that `has_word` accepts or, with a house number, within
    13 characters (the longest number part) before the whitespace in front
    of it.
    """
    starts: list[int] = []
    for word, _ in _STREET_WORDS:
        for i in find_all(low, word):
            j = i + len(word)
            if low[j : j + 1].isspace() and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
                starts.append(i)
                k = i
                while k > 0 and text[k - 1].isspace():
                    k -= 1
                if k < i:
                    starts.extend(range(max(0, k - 13), k))
    return starts


_FOREIGN_CAP = re.compile(r"[A-ZÄÖÜ]")


def _street_named(street: str) -> bool:
    """Is a one-word street ("Kalverstraat", "Hauptstraße 5") no everyday word or name?

    With a house number it is a street; alone, "During", "Spring" or "Boring"
    end like a street ("-ring") but are words, and a name ("Katie") is left
    to the name rules."""
    if any(c.isdigit() for c in street):
        return True
    lex = lexicon()
    return not (lex.is_ordinary(street) or street.casefold() in lex.ordinary_lower or lex.is_name(street))


# Token endings that `FOREIGN_ADDRESS_RE` can match at ("Hauptstr" before ".").
_TOKEN_ENDINGS = tuple(w.rstrip(".") for w in street_words.STREET_ENDINGS)
# Their last three letters (every ending has three or more): one set test before `endswith`.
_ENDING_TAILS = frozenset(w[-3:] for w in _TOKEN_ENDINGS)
if min(map(len, _TOKEN_ENDINGS)) < 3:
    raise ValueError("street endings of fewer than three letters need another gate in _foreign_starts")


def _foreign_starts(text: str) -> list[int]:
    """Where a `FOREIGN_ADDRESS_RE` match can begin: at capitalised tokens ending
    like a one-word street ("Kalverstraat", "Markus-Adolph-Weg"), read from the
    shared token columns (one C-level pass instead of a search per ending)."""
    cols = shared_columns(text)
    lows = cols.lows
    tails = _ENDING_TAILS
    return [
        cols.start(k)
        for k in compress(range(len(lows)), cols.caps)
        if lows[k][-3:] in tails and lows[k].endswith(_TOKEN_ENDINGS)
    ]


def _naming(lex: Lexicon, word: str) -> bool:
    """Can `word` name a street: a first name, a large town, or no everyday word ("Day" no)?"""
    if lex.is_safe(word):
        return False
    return word in lex.first or word in lex.large_towns or word.casefold() not in lex.ordinary_lower


def _named_then_numbered(text: str) -> Iterator[Finding]:
    """LOCATION findings for `NAME_NUMBER_RE` when a word of the name names something
    (a name, a town or no everyday word: not "at Week 12", "in Size 2")."""
    lex = lexicon()
    cols = shared_columns(text)
    lows, caps = cols.lows, cols.caps
    n = len(lows)
    # candidates: "on"/"at"/"in" before a capitalised word (a few per story), then the pattern there
    for k in cols.marked(_NUMBER_PLACE_CLASS, 0, n - 1):
        if not caps[k + 1]:
            continue
        m = NAME_NUMBER_RE.match(text, cols.start(k))
        if not m:
            continue
        words = m.group("name").split()
        if words[0].lower() in FUNCTION_WORDS:
            continue
        if not any(_naming(lex, w) for w in words):
            continue
        yield Finding("LOCATION", m.start("name"), m.end(), 0.6, "street-address")


def _digit_postcode_may_start(text: str, s: int, e: int) -> bool:
    """Can a `POSTCODE_RE` alternative that starts with a digit match at the digit run
    s..e: four digits before a space or capital (Netherlands), or 2, 4 or 5 before "-"?"""
    after = text[e : e + 1]
    return (e - s == 4 and (after.isspace() or after.isupper())) or (e - s in (2, 4, 5) and after == "-")


_PLACE_BEFORE = re.compile(r"\b(?:on|in|at|off|from|en|a|di|em|no|na)\s+$", re.IGNORECASE)


def _street_word_finding(text: str, m: re.Match[str]) -> Finding | None:
    """The street-word match `m` up to a full stop inside it ("la calle de Embajadores.⏎⏎Fue"
    ends at "Embajadores"), or None when what is left is a phrase: lowercase words, no
    number and no place word before it ("me cuesta hablar", "es largo y", "a la plaza los
    domingos"), not "Cuesta de Moyano", "calle mayor 5" or "i live on via roma"."""
    start, end = m.span()
    stop = _SENTENCE_STOP_INSIDE.search(text, start, end)
    if stop:
        end = stop.start()
    line_end = text.find("\n", start, end)
    if line_end >= 0:  # "the Cicero Avenue hub.⏎⏎About": a street never runs onto the next line
        end = len(text[start:line_end].rstrip(" \t.,;:")) + start
    found = text[start:end]
    if len(found.split()) < 2:
        return None
    phrase = found.islower() and not any(c.isdigit() for c in found)
    if phrase and _PLACE_BEFORE.search(text, max(0, start - 6), start) is None:
        return None
    return Finding("LOCATION", start, end, 0.6, "street-word")


_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _noun_after_number(text: str, m: re.Match[str]) -> bool:
    """Is the capitalised word after the match's number a noun of a German or Dutch story
    ("20 Minuten", "58 Jahre"), where a capital proves nothing?"""
    word = _FIRST_WORD.search(text, m.start(), m.end())
    return word is not None and germanic.story_noun(story_language(text), word.group())


def find_places(text: str) -> Iterator[Finding]:
    ends = dict(digit_runs(text))
    for p in run_starts(text):
        if p and (text[p - 1].isalnum() or text[p - 1] in "$£€#"):  # "#2": a rank, no house number
            continue
        capital = _CAPITAL_AFTER_NUMBER.match(text, p) is not None
        m = ADDRESS_RE.match(text, p) if capital else None
        if m and not _SENTENCE_STOP_INSIDE.search(m.group()):
            yield Finding("LOCATION", p, m.end(), 0.9, "street-address")
            continue
        m = LOOSE_ADDRESS_RE.match(text, p) if capital else None
        if (
            m
            and not m.group().rstrip(" .").endswith((" I", " I'm"))
            and not numbered_label(text, p)
            and not _DAY_AND_MONTH.match(text, p)  # "9 March 2020" is a date
            and not UNIT_AFTER_NUMBER.match(text, p)  # "2 WKS", "650 MG PO": a quantity
            and not chart_word_after(text, m.start(), m.end())  # "0700 PT OOB TO CHAIR": a note
            and not no_street_after(text, m)
            and not _noun_after_number(text, m)
        ):
            # a full stop after a word (not "St.") ends the sentence, and the address
            stop = _SENTENCE_STOP.search(m.group())
            yield Finding("LOCATION", p, p + stop.start() if stop else m.end(), 0.5, "number-and-name")
        m = ZIP_RE.match(text, p) if 4 <= ends[p] - p <= 6 else None  # a ZIP is 4 to 6 digits
        year_like = m is not None and len(m.group()) == 4 and m.group()[:2] in ("19", "20")
        if year_like and not _NAMED_POSTCODE.search(text, max(0, p - 24), p):
            continue  # a year is a postcode only after a cue that names one (within the cue's reach)
        if m and after_date_word(text, p):
            continue  # "By Chanukah 5785": a festival's year
        if m:
            cue = ZIP_CUE.search(text, max(0, p - 24), p)
            town = _TOWN_AFTER.match(text, m.end()) and len(m.group()) == 5
            # "our postcode is 2026": a named postcode is one even if it looks like a year
            named = cue is not None and _NAMED_POSTCODE.search(cue.group()) is not None
            if (
                cue
                and (not year_like or named)
                and (
                    len(m.group()) != 4 or cue.group().strip()[:1].isupper() or "code" in cue.group().lower()
                )
            ):
                yield Finding("LOCATION", p, m.end(), 0.6, "zip")
            elif town or (len(m.group()) in (5, 10) and not cue):
                yield Finding("LOCATION", p, m.end(), 0.5, "zip")
    seen: set[int] = set()
    for s, e in digit_runs(text):
        ts = code_start(text, s, 3)
        if ts in seen or (ts and text[ts - 1].isalnum()):
            continue
        seen.add(ts)
        m = POSTCODE_RE.match(text, ts) if ts < s or _digit_postcode_may_start(text, s, e) else None
        if m:
            yield Finding("LOCATION", ts, m.end(), 0.8, "postcode")
    low = lowered(text)
    traps = not text.isascii() and any(c in text for c in FOLD_TRAPS)  # (the traps are not ASCII)
    # With fold traps, or when lowercasing moved offsets, `low` cannot say
    # where a case-insensitive word is: gate as a whole and scan everything.
    exact = not traps and len(low) == len(text)
    if not exact:
        if (traps or has_word(text, low, _STREET_WORDS)) and any(gate in low for gate in _STREET_WORD_GATES):
            yield from filter(None, (_street_word_finding(text, m) for m in STREET_WORD_RE.finditer(text)))
    elif _may_have_street_word(text):
        starts = _street_word_starts(text, low)
        if starts and any(gate in low for gate in _STREET_WORD_GATES):
            found = (_street_word_finding(text, m) for m in matches_at(STREET_WORD_RE, text, starts))
            yield from filter(None, found)
    if exact:
        starts = _foreign_starts(text)
        matches = matches_at(FOREIGN_ADDRESS_RE, text, starts) if starts else iter(())
    elif any(suffix in low for suffix in _FOREIGN_GATES):
        matches = FOREIGN_ADDRESS_RE.finditer(text)
    else:
        matches = iter(())
    for m in matches:
        if _street_named(m.group()):
            yield Finding("LOCATION", m.start(), m.end(), 0.8, "street-address")
    if not _AFTER_TOKENS.isdisjoint(shared_columns(text).low_set()):
        for m in STREET_AFTER_RE.finditer(text):
            yield Finding("LOCATION", m.start(), m.end(), 0.8, "street-address")
        for m in STREET_AFTER_LOWER_RE.finditer(text):
            if not english_form(m.group("low")):
                yield Finding("LOCATION", m.start(), m.end(), 0.7, "street-address")
    yield from _named_then_numbered(text)
    if any(gate in text for gate in ("Flat", "Apt", "Apartment", "Unit", "Suite", "Box")):
        for m in UNIT_RE.finditer(text):
            yield Finding("LOCATION", m.start(), m.end(), 0.7, "address-unit")
