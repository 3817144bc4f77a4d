"""Speakers of a chat or a script pasted into a story.

A story may hold a conversation: a WhatsApp export ("14/01/2024, 22:04 - Jen:
oh babe"), a couple writing together ("MEL: So. Vestibulodynia." / "JO: I was
so angry"), a forum thread.  Each line opens with the speaker's name and a
colon.  One such line proves little ("Update: it worked", "Hx: none"), but a
label that opens two or more lines is someone speaking, and if it is no word
the dictionary writes in lower case ("Me:", "Edit:", "Answer:"), no clinical
shorthand and no safe vocabulary, it is her name, whatever its case and
whether or not a first-name list knows it ("Jen", "MEL", "JO").  Where another speaker
bears a name, a label that is a word is a name too unless it is an everyday word, a role or
shorthand: "Mags:" beside "Shaz:" and "Tina:", but not "Me:" or "Update:".
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import compress

from . import germanic, vocab
from .chart_words import ABBREVIATIONS, DOSE_UNITS
from .lexicon import language_words, lowercase_word
from .name_words import NameText
from .vocab import AGENT_ENDINGS, FUNCTION, ROLES, TITLES

_MIN_LINES = 2  # a label that opens this many lines is a speaker
_LABEL_ZIPF = 4.5  # a foreign nickname-sized label is a word from this frequency


def _label_at(t: NameText, i: int) -> int:
    """How many words (one, or two capitalised: "Mei Ling:") token i opens its line with
    (after any timestamp) before a colon with more text on the line or on the next one (a
    script's "DOUG:⏎..."), or before a time or a dash and a date that end the line ("Huw
    06:56", "BETO — 15 de marzo"); 0 if it labels no line."""
    gaps = t.gaps
    opens = i == 0 or "\n" in gaps[i] or _after_clock(t, i)
    if not opens or i + 1 >= t.n or not t.words[i].isalpha():
        return 0
    size = 1
    nxt = t.words[i + 1]
    if gaps[i + 1] == " " and nxt.isalpha() and i + 2 < t.n and (
            (t.caps[i] and t.caps[i + 1]) or (len(nxt) == 1 and nxt != "I")):
        size = 2  # "Mei Ling: I am 71", "Laura Whitfield: sending love", "kirsty b: wait"
    after = gaps[i + size]
    colon = _COLON.match(after)
    if colon is None:
        return size if _clock_ends_line(t, i + size) or _dated_line(t, i + size) else 0
    return size if "\n" not in after or after[colon.end() :].strip(" \t") == "\n" else 0


_HALF_DAY = frozenset({"am", "pm"})


def _clock_ends_line(t: NameText, k: int) -> bool:
    """Does the label ending before token k stand before a time that ends its line ("Huw
    06:56⏎", "Mam 7:02 pm⏎"), as a messaging app heads each message with its sender?"""
    if k >= t.n:
        return False
    gap = t.gaps[k]
    if _CLOCK_LINE.fullmatch(gap):
        return True
    return (_CLOCK.fullmatch(gap) is not None and t.lows[k] in _HALF_DAY
            and (k + 1 >= t.n or "\n" in t.gaps[k + 1]))


def _dated_line(t: NameText, k: int) -> bool:
    """Does the label ending before token k head a diary's or a log's entry, a dash and a
    short date or time ending its line ("BETO — 15 de marzo de 2024⏎", "Mam - Sun 3rd⏎")?"""
    if k >= t.n or not _DASH.match(t.gaps[k]):
        return False
    start = t.cols.end(k - 1)
    end = t.text.find("\n", start)
    rest = t.text[start : end if end >= 0 else len(t.text)]
    # a dose or a count is no date ("Priligy — 30 mg", "Day 2 - 10 squeezes")
    return len(rest) <= _DATED_LINE_MAX and any(c.isdigit() for c in rest) and not _DOSE.search(rest)


_DASH = re.compile(r"[ \t]+[—–-][ \t]+\S")
_DASH_DIGIT = re.compile(r"[—–-][ \t]+\d")  # where a dated entry's heading may be
_DOSE = re.compile(rf"\d[ \t]*(?:{DOSE_UNITS}|x)\b", re.IGNORECASE)
_DATED_LINE_MAX = 32
_CLOCK = re.compile(r" \d{1,2}[:.]\d{2} ?")
_CLOCK_LINE = re.compile(r" \d{1,2}[:.]\d{2}[ \t]*\n\s*")


def _after_clock(t: NameText, i: int) -> bool:
    """Does token i follow a line's timestamp with its half of the day ("14/06/2023, 7:02 pm -
    Nads:"), which is a word of its own where a 24-hour clock is none?"""
    return (
        i >= 1
        and t.lows[i - 1] in _HALF_DAY
        and t.gaps[i].strip() in ("-", "–", "—")
        and (i == 1 or "\n" in t.gaps[i - 1])
        and any(c.isdigit() for c in t.gaps[i - 1])
    )


# The colon after a label, maybe after an emoji ("Jas 🌻: ok so"): no letter, digit or space.
_COLON = re.compile(r"(?:[ \t]*[^\w\s:]{1,4}[ \t]*)?:")


def _initials(t: NameText, i: int) -> bool:
    """Is the label at token i two capital letters that are no shorthand or word ("DK:"
    beside an interviewer's "INT:"; not "GP:", "PT:", "OK:", "ME:")?"""
    word = t.words[i]
    if len(word) != 2 or not word.isupper():
        return False
    low = word.lower()
    return low not in ABBREVIATIONS and low not in _NOT_INITIALS and low not in FUNCTION \
        and low not in t.lex.very_common_lower  # "ME:", "HE:", "SO:"


#: Shorthand labels: not initials, and no name beside initials ("INT:", "RESP:").
_NOT_INITIALS = vocab.words(
    "ok ps nb re fw fyi gp pt dr mr ms dx rx hx tx sx fx bp hr ed er or am pm uk us eu id "
    "int intv iv res resp mod fac ans qn"
)


def _not_a_name(t: NameText, low: str, base: str) -> bool:
    """Is the label `low` a word, a title, shorthand or safe vocabulary ("Me", "Edit",
    "Dr", "Hx", "GP")?"""
    return (
        len(low) < 2
        or low in FUNCTION
        or (low in TITLES and not (base in t.lex.first and t.language == "en"))  # "Dre:" in English
        or low in ABBREVIATIONS
        or (lowercase_word(low) and base not in t.lex.first)
        or _foreign_label(t, low)  # "Respuesta:" in a Spanish thread
        or (t.lex.is_safe(base) and not (base in t.lex.first and not lowercase_word(low)))  # "Dre:"
    )


def _foreign_label(t: NameText, low: str) -> bool:
    """Is the label `low` a word of the story's language, not English ("Respuesta:",
    "Marido:")?  Word lists hold the commonest nicknames ("bia", "lu", "marti", "beto",
    "memo": Zipf 3 to 4.5); a label that a name list holds, or of five letters or fewer,
    counts as a word only where it is one of the language's common words (Zipf >= 4.5)."""
    if not t.foreign_word(low):
        return False
    if (len(low) > 5 and low not in t.lex.first_lower) or t.language in germanic.NOUN_LANGUAGES:
        return True
    return low in language_words(t.language, _LABEL_ZIPF)


def _word_name(t: NameText, low: str, base: str) -> bool:
    """In a conversation where another label is a name, is the label `low`, though a
    word, a name too ("Mags:" beside "Shaz:" and "Tina:"): no everyday word, role, title,
    shorthand or safe vocabulary ("Me:", "Update:", "Nurse:", "Edit:" stay words)?"""
    return (
        len(low) >= 3
        and low not in FUNCTION
        and low not in TITLES
        and low not in ROLES
        and low not in ABBREVIATIONS
        and low not in _NOT_INITIALS  # "INT:" beside "DK:"
        and low not in t.lex.very_common_lower
        and not (low.endswith(AGENT_ENDINGS) and lowercase_word(low))  # "PRESENTER:", "Caller:"
        and not _foreign_label(t, low)
        and (not t.lex.is_safe(base) or low not in t.lex.common_lower)  # "Nads:", not "Pain:"
    )


def find_speakers(t: NameText) -> None:
    """PERSON findings (into `t.out`) for every label that opens at least `_MIN_LINES`
    lines and is no word (see module docstring)."""
    if ":" not in t.text and not _DASH_DIGIT.search(t.text):
        return
    labels: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
    starts = [*compress(range(t.n), t.sents)]  # a line's first word starts a sentence
    if _HALF_DAY.intersection(t.lows):
        starts += [i for i in range(1, t.n) if not t.sents[i] and _after_clock(t, i)]
    for i in starts:
        size = _label_at(t, i)
        if size:
            labels[tuple(t.lows[i : i + size])].append(i)
    named = {lows for lows, where in labels.items()
             if _initials(t, where[0]) or not _not_a_name(t, lows[0], t.words[where[0]].capitalize())}
    for lows, where in labels.items():
        if len(where) < _MIN_LINES:
            continue
        first = t.words[where[0]]
        if lows not in named and not (named and _word_name(t, lows[0], first.capitalize())):
            continue
        second = lows[1] if len(lows) == 2 else ""
        kin = second in ROLES and first.capitalize() in t.lex.first  # "Meera Didi:", "Lola Mum:"
        initial = len(second) == 1 and second not in FUNCTION  # "kirsty b:"
        if second and not kin and not initial and (
                second in FUNCTION or second in t.lex.very_common_lower or t.lex.is_safe(second)):
            continue  # "Dear Team:", "Nurse Notes:": a word after the first (not "Ling")
        for i in where:
            if i + len(lows) - 1 not in t.taken:  # (with its initial, though the name was found)
                t.emit_person(i, i + len(lows), 0.6, "speaker")
