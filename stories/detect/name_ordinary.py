"""Capitalised words that are ordinary words, not names.

A capital letter is the proper-noun rule's evidence, but it proves nothing
at a sentence start ("Afterwards", "Progress"), in a title-case heading
("Holidays Are Hard"), in title case for emphasis ("the Office Party", "a
Fraud") or in shouting.  These judgements use word-frequency knowledge
(`lexicon`: everyday English and Spanish words that no name list knows) and
the safe vocabulary, and give way to the cues that make a word a name or a
place ("my mate Shell", "at the Rotunda").
"""

from __future__ import annotations

from . import cues, vocab
from .lexicon import english_words, everyday_words
from .name_cues import cue_strength
from .name_words import NameText, gap_is_space


def _lone_everyday(t: NameText, base: str) -> bool:
    """A capitalised word alone mid-sentence that is an everyday word (Zipf >= 3)
    no name list knows: "a Gamble", "more Lubricant", "an Ordeal"."""
    if not base[1:].islower():
        return False  # "McAllister", "DeShawn": the shape of a name
    return base.casefold() in english_words() and t.lex.is_ordinary(base)


def _heading(t: NameText, i: int, j: int) -> bool:
    """Is the run i..j a whole line (a heading), or a line's start before a colon?"""
    gaps = t.gaps
    starts_line = i == 0 or "\n" in gaps[i] or (i == 1 and not gaps[0].strip(" #*\t"))
    ends_line = j >= t.n or "\n" in gaps[j] or gaps[j].startswith(":")
    return starts_line and ends_line


def ordinary_run(t: NameText, i: int, j: int) -> bool:
    """Is the capitalised run i..j ordinary words (a word, title case, a heading)?"""
    lex, lows, bases, plain = t.lex, t.lows, t.bases, t.plain
    if j == i + 1:  # fast path for the commonest runs: "I", "The", "Botox"
        low = lows[i]
        if low in vocab.TITLES or (t.sents[i] and low in vocab.FUNCTION) or plain(i):
            return True  # what the general rules of `name_kinds.classify` conclude for these
        prev = lows[i - 1] if i else ""
        if prev == "the" and i > 1:
            prev = lows[i - 2]  # "at the Rotunda"
        if (
            not t.sents[i]  # sentence starts: see `keep_sentence_start`
            and _lone_everyday(t, bases[i])
            and prev not in vocab.LOCATIVE
            and prev not in vocab.TITLES
            and prev not in cues.FACILITY_PREV
            and cue_strength(t, i) != 2
        ):
            return True  # a lone very common word: "a Fraud", "the Appointment" (not "my mate Shell")
    elif (
        (lows[i - 1] if i else "") not in vocab.LOCATIVE
        and (lows[i - 1] if i else "") not in vocab.TITLES
        and not any(lows[k] in vocab.TITLES for k in range(i, j))
        and not (i > 1 and lows[i - 1] == "the" and lows[i - 2] in vocab.LOCATIVE)
        and all(plain(k) or t.very_common(bases[k]) for k in range(i, j))
        and cue_strength(t, i) != 2
    ):
        return True  # very common words in title case: "the Office Party", "a Quick Fix"
    # a title-case heading of everyday words: "Holidays Are Hard"
    return _heading(t, i, j) and all(
        plain(k) or lex.is_ordinary(bases[k], place_ok=True) for k in range(i, j)
    )


def keep_sentence_start(t: NameText, i: int, run_len: int) -> bool:
    """Is the capitalised word opening a sentence at token i (a run of
    `run_len` words) a name rather than an ordinary word?"""
    low, base = t.lows[i], t.bases[i]
    if low in vocab.FUNCTION or t.lex.is_safe(base):
        return False
    if t.lex.is_common(base):
        return False
    lex = t.lex
    # An everyday word (word-frequency data) opening a sentence is a word,
    # whatever the name lists say ("Hoy nuestra...", "Some Women Just...").
    everyday = (
        low in lex.ordinary_lower
        and base not in lex.cities
        and (not lex.strong_name(base) or low in everyday_words())  # "Que", "Una" in Spanish
    )
    if run_len >= 2 or t.words[i] != base:  # "Loxeju's patience"
        # "José María from my group": a name follows, so the run is a full name
        return not everyday or (run_len >= 2 and t.lex.is_name(t.bases[i + 1]))
    # An unknown word opening a sentence is a name if a person-verb follows.
    verb = i + 1 < t.n and t.lows[i + 1] in cues.PERSON_VERBS and gap_is_space(t.gaps[i + 1])
    if everyday and (not verb or (low in lex.very_common_lower and base not in lex.first)):
        return False  # "Pain was...": a very common word that is no first name
    if low.endswith("ing") and not verb:  # "Reading other stories..." is a verb here
        return False
    return verb or t.lex.strong_name(base) or base in t.lex.cities
