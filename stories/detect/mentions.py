"""A name found once in a story marks every later (and earlier) mention of it,
and of its short forms ("Kath" of "Kathleen").

Cue rules see "my flatmate tash" but not the bare "tash used to leave me
notes" two paragraphs on; the capital rules skip a name at a sentence start.
So each word of every PERSON finding is looked for again in the whole text,
as a whole word.  A mention in lowercase counts only when the word is not an
everyday word ("Will" found after a cue does not make every "will" a name),
or when the story itself wrote the name in lowercase ("me and jake" makes a
later "jake came" a name) and the word is not among the most common words.
"""

from __future__ import annotations

import re
from collections import Counter

from stories.findings import Finding

from .lexicon import derived_form, everyday_words, lexicon, spanish_common_words
from .tokens import shared_columns
from .vocab import FUNCTION

_NAME_SOURCES = frozenset({"name-cue", "title", "name-gazetteer", "proper-noun", "lowercase-name"})
_MAX_NAMES = 40
# A word the story writes in lowercase this often is a word of the language she writes in
# (Pidgin "dey", Patois "inna"), however a rule read it once: no lowercase name in the
# development stories is written more than three times.
_WORD_OF_HER_LANGUAGE = 5
_WORD = re.compile(r"[^\W\d_]{2,}(?:['’-][^\W\d_]+)*")


# Rules that read only a capital letter (or a name list): the weakest name findings, which
# other rules let go first.  Here, a word they found that is a common English word in no
# name list ("Syndrome", "Flushes") is not looked for again, so one doubtful finding does
# not become many; a name ("Grace", "Goldberg") or no word ("Cipro") still is.
CAPITAL_ONLY = frozenset({"name-gazetteer", "proper-noun"})


def _plain_english(lex, word: str) -> bool:
    """A word in no name list, in lowercase after its capital, that is a very common English
    word (Zipf >= 4) or a regular form of one ("Syndrome", "Flushes"; not "Goldberg")."""
    low = word.casefold()
    return (
        word[1:].islower()
        and not lex.is_name(word)
        and (low in lex.very_common_lower or derived_form(low))
    )


def _name_words(text: str, found: list[Finding]) -> set[str]:
    """Words of at least three letters inside the story's PERSON findings."""
    words: set[str] = set()
    lex = lexicon()
    for f in found:
        if f.kind == "PERSON" and f.source in _NAME_SOURCES:
            for w in _WORD.findall(text, f.start, f.end):
                w = w[:-2] if w.endswith(("'s", "’s")) else w
                if f.source in CAPITAL_ONLY and _plain_english(lex, w):
                    continue
                words.add(w)
                if len(words) >= _MAX_NAMES:
                    return words
    return words


def _short_forms(words: set[str], lex, present: frozenset[str]) -> dict[str, str]:
    """Casefolded short forms of the story's names: "Kath" of "Kathleen", "rhod" of
    "rhodri", "Ritu" of "Rituparna".  A first part of at least three letters, two
    shorter than the name, that is no everyday word (a first name may be one: "beth",
    "kath"), and no very common word at all ("Will" of "William" stays a word).
    Only parts among the story's words (`present`, lowercase) are kept: no other
    can be mentioned."""
    short: dict[str, str] = {}
    for w in words:
        low = w.lower()
        for n in range(3, len(low) - 1):
            part = low[:n]
            if part not in present:
                continue
            if part in FUNCTION or part in lex.very_common_lower or part in everyday_words():
                continue
            if part in lex.ordinary_lower and part not in lex.first_lower:
                continue
            short.setdefault(part, w)
    return short


def repeat_mentions(text: str, found: list[Finding]) -> list[Finding]:
    """PERSON findings for the other mentions of words already found as names.

    Reads the token columns the name rules already built (`tokens.shared_columns`),
    so the look-up is a `str.find` per name word (`Columns.indexes`), not a regex per story."""
    drawn = _drawn_out(text, found)
    words = _name_words(text, found)
    if not words:
        return drawn
    lex = lexicon()
    wanted = {w.lower() for w in words}
    cols = shared_columns(text)
    short = {k: v for k, v in _short_forms(words, lex, cols.low_set()).items() if k not in wanted}
    wanted |= short.keys()
    taken = {f.start for f in found if f.kind == "PERSON"}
    where = list(cols.indexes(wanted))
    lowercase = Counter(cols.bases[k] for k in where if cols.bases[k].islower())
    out = []
    for k in where:
        word = cols.bases[k]
        start = cols.start(k)
        if start in taken or lowercase[word] >= _WORD_OF_HER_LANGUAGE:
            continue
        # "will", "grace" in lowercase are everyday words, unless the story writes this
        # name in lowercase ("me and jake" ... "jake came") and it is no very common word
        if (
            not word[0].isupper()
            and word.lower() in lex.ordinary_lower
            and (
                not (word in words or short.get(word, "").islower())  # not written as a name in lowercase
                or word.lower() in everyday_words()
                or word.lower() in FUNCTION
            )
        ):
            continue
        if word.lower() in spanish_common_words():
            continue  # "Que", "Una": a name only where a rule found it, not at every sentence start
        if word.isupper() and len(word) > 1 and word.lower() in lex.ordinary_lower:
            continue
        out.append(Finding("PERSON", start, start + len(word), 0.6, "repeat-mention"))
    return out + drawn


# A vowel written three times in a row: a name called out ("NEREAAAAA", "VALEEEEN", "sasyyy");
# substrings, which cost far less to look for than a pattern with a back-reference.
_DRAWN_VOWELS = ("aaa", "eee", "iii", "ooo", "uuu", "yyy", "AAA", "EEE", "III", "OOO", "UUU", "YYY")
_DRAWN_WORD = re.compile(r"(?<![\w@])[^\W\d_]*([^\W\d_])\1\1[^\W\d_]*")
_RUN = re.compile(r"([^\W\d_])\1{2,}")


def _drawn_out(text: str, found: list[Finding]) -> list[Finding]:
    """PERSON findings for a found name called out with a vowel drawn out ("Itziar:
    NEREAAAAA" where "Nerea" speaks, "GIULIAAAA"): the word with each run of three or more
    of one letter written once, or twice, is a word of one of the story's PERSON findings,
    whatever rule found it."""
    if not any(v in text for v in _DRAWN_VOWELS):
        return []
    people = [f for f in found if f.kind == "PERSON"]
    wanted = {w.lower() for f in people for w in _WORD.findall(text, f.start, f.end)}
    taken = {f.start for f in people}
    out = []
    for m in _DRAWN_WORD.finditer(text):
        low = m.group().lower()
        if m.start() not in taken and (_RUN.sub(r"\1", low) in wanted or _RUN.sub(r"\1\1", low) in wanted):
            out.append(Finding("PERSON", m.start(), m.end(), 0.6, "repeat-mention"))
    return out
