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

import re

from . import cues, street_words, vocab
from .lexicon import (
    derived_form,
    dictionary_words,
    english_words,
    everyday_words,
    inflects,
    lowercase_word,
    proper_nouns,
    spanish_common_words,
    spanish_words,
    title_case_word,
)
from .name_cues import cue_strength
from .name_evidence import OPEN_QUOTES, greeting, title_case_writing, vocative, word_not_name
from .name_headings import ends_in_company, ordinary_heading
from .name_phrases import (
    before_noun,
    full_name_shape,
    generic_after_article,
    group_named,
    headed,
    named_day,
    people_said,
    people_word,
    place_cue,
    word_after_determiner,
)
from .name_things import ends_in_a_noun, job_title
from .name_words import NameText, gap_is_space


def _lone_everyday(t: NameText, base: str) -> bool:
    """A capitalised word alone mid-sentence that is an English word and no first name:
    "a Gamble", "more Lubricant", "the Right Person", "Interstitial Cystitis" (`title_case_word`).

    The surname list holds many English words ("Good", "List", "Gamble"); a
    surname alone without a title is rarely how a story names someone, so the
    word reading wins.  First names ("Jake", "Grace") and towns ("Dublin": word
    frequencies count towns too) stay names."""
    if not base[1:].islower():
        return False  # "McAllister", "DeShawn", "Mei-Ling": the shape of a name
    lex = t.lex
    if base in lex.first and not word_not_name(lex, base):
        return False  # "Grace", "Mike": names the dictionary writes with a capital too
    if base in lex.cities and not lex.word_town(base):
        return False
    low = base.casefold()
    listed = lowercase_word(low) or low in lex.very_common_lower or low in proper_nouns()
    if title_case_word(base) and listed:
        return True  # not "Becca", "Kev": names word frequencies count but no dictionary holds
    if t.foreign_word(low) and not lex.is_name(base):
        return True  # a Spanish story's "la Iglesia", a French story's "les Médecins"
    # "la Matrona", "las Mujeres" (Spanish surnames such as "Flores" stay names)
    return not lex.is_name(base) and low in spanish_words()


_AND = frozenset({"and", "&"})


def _named_at(t: NameText, k: int) -> bool:
    """Is token k a capitalised word that names something (not a plain word)?"""
    return 0 <= k < t.n and t.caps[k] and not t.plain(k) and not _lone_everyday(t, t.bases[k])


def _listed_with_a_name(t: NameText, i: int) -> bool:
    """Is token i joined by "and", "&" or a comma to a name ("Usamov and Bowers",
    "White, Willis and Hoffman")?  Then a surname that is also a word is a name."""
    lows, gaps = t.lows, t.gaps
    before = i >= 2 and (lows[i - 1] in _AND and _named_at(t, i - 2))
    after = i + 2 < t.n and lows[i + 1] in _AND and _named_at(t, i + 2)
    comma = (gaps[i] == ", " and _named_at(t, i - 1)) or (
        i + 1 < t.n and gaps[i + 1] == ", " and _named_at(t, i + 1)
    )
    return before or after or comma


def _title_case_word(t: NameText, k: int) -> bool:
    """Token k may be an everyday word written in title case: an English word of
    Zipf >= 3 that is no first name and no town ("Waiting", "List", "Good" but not
    "Grace" or "York": word frequencies cannot tell "John" the name or "York" the
    town from a word, the gazetteers can).  In a phrase, not a word the dictionary
    writes only with a capital ("Married Wei Ming": SCOWL's proper nouns hold brands,
    but names too, which two in a row are)."""
    low = t.lows[k]
    if (
        low in proper_nouns()
        and not lowercase_word(low)
        and low not in t.lex.very_common_lower
        and low.removesuffix("s") not in vocab.WEEKDAYS  # "Some Fridays I cancelled"
    ):
        return False
    return _lone_everyday(t, t.bases[k])


def _everyday_phrase(t: NameText, i: int, j: int) -> bool:
    """Is the run i..j (two or more words) everyday words in title case ("the Office Party",
    "Final Boss", "Winter Scarves")?  Each word is plain, a title-case word, or a very
    common word that a name list holds but the dictionary writes only in lower case
    ("Winter", "Boss"), with no naming cue before it."""
    return all(
        t.plain(k)
        or _title_case_word(t, k)
        or (word_not_name(t.lex, t.bases[k]) and (k == i or cue_strength(t, k) != 2))
        for k in range(i, j)
    )


# Days named by an owner alone: "on Valentine's", "we had a proper Valentines".
_LONE_DAYS = frozenset({"valentine's", "valentine’s", "valentines"})
_ADDRESS_UNITS = frozenset(
    {"studio", "flat", "apartment", "apt", "suite", "unit", "room", "floor", "block", "house", "building",
     "level", "box", "bed", "bay", "ward", "lot", "plot", "door"}
)  # fmt: skip
_NUMBER_AFTER = re.compile(r"[ \t]+\d{1,3}\b(?![.,/:]\d)")


def _numbered_label(t: NameText, i: int) -> bool:
    """Is token i an everyday English word that no first-name or town list knows, right
    before a small number ("Week 12", "Size 2", "Day 3", "Step 4")?"""
    base = t.bases[i]
    if t.words[i] != base or not base[1:].islower():
        return False
    lex = t.lex
    if base in lex.first or base in lex.cities or base.casefold() not in english_words():
        return False
    if t.lows[i] in _ADDRESS_UNITS:
        return False  # "Studio 47", "Flat 3": part of an address
    return _NUMBER_AFTER.match(t.text, t.cols.end(i)) is not None


def _has_initial(t: NameText, i: int, j: int) -> bool:
    """Does run i..j hold an initial before a name ("M. Pritchard", "Peter T. Pacik")?"""
    words, gaps = t.words, t.gaps
    return any(
        len(words[k]) == 1 and words[k].isupper() and words[k] != "I" and gaps[k + 1] == ". "
        for k in range(i, j - 1)
    )


def ordinary_run(t: NameText, i: int, j: int) -> bool:
    """Is the capitalised run i..j ordinary words (a word, title case, a heading)?"""
    if group_named(t, i):
        return False  # "a peer group, Bodies Beyond Binary,": a name, however ordinary its words
    lex, lows, bases, plain = t.lex, t.lows, t.bases, t.plain
    if j == i + 1 and t.gaps[i][-1:] in OPEN_QUOTES and vocative(t, i):
        return False  # said "Mide, is it another woman?"
    if j == i + 1:  # fast path for the commonest runs: "I", "The", "Botox"
        low = lows[i]
        if low in vocab.TITLES or (t.sents[i] and low in vocab.FUNCTION) or plain(i):
            return True  # what the general rules of `name_kinds.classify` conclude for these
        prev = lows[i - 1] if i else ""
        if _numbered_label(t, i):
            return True  # "at Week 12", "in Size 2", "Day 3": a label with its number
        if t.words[i].lower() in _LONE_DAYS:
            return True  # "(yes, Valentine's, my ex thought)": the day, not a Valentine
        if (
            not t.sents[i]  # sentence starts: see `keep_sentence_start`
            and _lone_everyday(t, bases[i])
            and (not place_cue(t, i) or t.noun_capitals_word(i))  # German "in der Küche"
            and not _listed_with_a_name(t, i)
            and prev not in vocab.TITLES
            and prev not in cues.FACILITY_PREV
            and cue_strength(t, i) != 2
        ):
            return True  # a lone very common word: "a Fraud", "the Appointment" (not "my mate Shell")
    elif (
        not place_cue(t, i)
        and (lows[i - 1] if i else "") not in vocab.TITLES
        and (lows[i - 1] if i else "") not in cues.FACILITY_PREV
        and not any(lows[k] in vocab.TITLES for k in range(i, j - 1))  # "Dr X", not "Primary Care Doctor"
        and not headed(t, i, j)
        and _everyday_phrase(t, i, j)
        and " ".join(bases[i:j]) not in lex.cities  # "Buenos Aires", "Long Beach"
        and not full_name_shape(t, i, j)
        and not _has_initial(t, i, j)
        and not _cued(t, i, j)
        and not before_noun(t, j)
    ):
        return True  # everyday words in title case: "the Office Party", "a Waiting List"
    if ends_in_a_noun(t, i, j) and not _cued(t, i, j):
        return True  # "Brain Fog", "Hot Flushes, Night Sweats", "Leg Lifts": a thing, not a person
    if j - i >= 3 and title_case_writing(t, i, j):
        return True  # "Faith And A Sense Of Humour", "Long Did I Put Up With It": a phrase
    if job_title(t, i, j):
        return True  # "the Clinical Nurse Specialist", "a Senior Staff Nurse": a job, not a name
    if greeting(t, i, j):
        return True  # "Kia ora koutou", "Jai Shri Krishna": a greeting, not a person
    if named_day(t, i, j):
        return True  # "Mother's Day", "Christmas Eve", "Madaraka Day": a day, not a person
    if people_word(t, i, j) or people_said(t, i, j):
        return True  # "an Igbo woman", "a Bajan lady", "my Marathi typing": where someone is from
    if generic_after_article(t, i, j) or word_after_determiner(t, i, j):
        return True  # "a Women's Health Physio", "the Friend who", "No Fancy Gels"
    return ordinary_heading(t, i, j)  # "Holidays Are Hard", "My Story:"


def _cued(t: NameText, i: int, j: int) -> bool:
    """Does a strong cue come right before the first word of run i..j that is not plain
    ("I'm Mei Ling" after the run's "I'm"; not "I'm Very Picky")?"""
    k = next((k for k in range(i, j) if not t.plain(k)), i)
    if t.lows[k] in dictionary_words():
        return False  # "this is Genitourinary Syndrome": a rarer word the dictionary writes in lower case
    return cue_strength(t, k) == 2


def _speaker_label(t: NameText, i: int) -> bool:
    """Is token i alone at a line's start, right before a colon and more text on the line?"""
    gaps = t.gaps
    starts_line = i == 0 or "\n" in gaps[i]
    return starts_line and i + 1 < t.n and gaps[i + 1].startswith(":") and "\n" not in gaps[i + 1]


# Endings of English gerunds and abstract nouns ("Hugging was fine", "Intimacy is", "Honesty
# helped").
_WORD_ENDINGS = (
    "ing", "ness", "ment", "tion", "sion", "ity", "acy", "ancy", "ency", "ance", "ence", "esty", "ism",
    "ship", "hood", "dom",
)  # fmt: skip


_MODALS = frozenset({"can", "could", "will", "would", "should", "might", "must", "says", "reckons"})
_AND_PARTNERS = frozenset({"i", "me", "my", "her", "his", "their", "our"})


def _person_verb_after(t: NameText, i: int) -> bool:
    """Does a word that people do follow token i ("Kemi drove", "Tash said", "Jo and I")?
    "and" counts only before a pronoun or a capital ("Jo and I", "Tom and Jerry"), not in
    "Energetic and driven"."""
    k = i + 1
    if k < t.n and t.lows[k] in _MODALS and gap_is_space(t.gaps[k]) and t.unknown_word(i):
        return True  # "Anj can drop Hope at nursery": a word no list knows, then a modal
    if k >= t.n or t.lows[k] not in cues.PERSON_VERBS or not gap_is_space(t.gaps[k]):
        return False
    if t.lows[k] != "and":
        return True
    return k + 1 < t.n and (t.caps[k + 1] or t.lows[k + 1] in _AND_PARTNERS)


_SPEECH = frozenset({"said", "says", "told", "asked", "replied", "texted", "whispered", "laughed", "goes"})


def _speaks(t: NameText, i: int) -> bool:
    """Does a verb of saying follow token i ("Hope said", "Mags told me")?"""
    k = i + 1
    return k < t.n and t.lows[k] in _SPEECH and t.words[k].islower() and gap_is_space(t.gaps[k])


def _word_before_lowercase(t: NameText, i: int) -> bool:
    """Is token i, opening a sentence, an everyday English word that is no first name and
    no name the dictionary writes only with a capital, right before a lowercase word
    ("Sharp pain", "Mobile reception")?  Without a person's verb after it, it is a word."""
    k = i + 1
    return (
        t.bases[i][1:].islower()
        and t.lows[i] in english_words()  # (which holds no name the dictionary capitalises)
        and t.bases[i] not in t.lex.first
        and k < t.n
        and not t.caps[k]
        and gap_is_space(t.gaps[k])
    )


# "I am" in Spanish and Portuguese: no naming cue ("soy de Zapopan", "soy abuela"), but a
# sentence they open names the writer after them ("Soy Nuria").
_I_AM = frozenset({"soy", "sou"})
_AGE_ASIDE = re.compile(r",[ \t](?:aged?[ \t])?(?:1[3-9]|[2-9]\d),")
_AGE_IN_BRACKETS = re.compile(r"[ \t]?\(\s?(?:1[3-9]|[2-9]\d)\s?[),]")


# A person's age or role after "was"/"is": "Summer was fifteen and", "Dale was the PT".
_RELATIONS = "|".join(sorted(map(re.escape, vocab.RELATIONS), key=len, reverse=True))
_DESCRIBED = re.compile(
    rf"[ \t]+(?:was|is)[ \t]+(?:(?:only|just|barely|nearly|about)[ \t]+)?"
    rf"(?:(?:{vocab.SPELLED_AGE}|(?:1[3-9]|[2-9]\d))(?=[ \t]*(?:[,.;!?]|and\b|when\b|years?\b))"
    rf"|(?:the|my|our|her|his|their)[ \t]+(?:{_RELATIONS})\b)",
    re.IGNORECASE,
)


def keep_sentence_start(t: NameText, i: int, run_len: int) -> bool:
    """Is the capitalised word opening a sentence at token i (a run of
    `run_len` words) a name rather than an ordinary word?"""
    low, base = t.lows[i], t.bases[i]
    if run_len >= 2 and (low in cues.NAMING or low in _I_AM or t.foreign_common_word(low)):
        return False  # "Soy Nuria", "Chamo-me Inês", "Con Álex": the name follows the word
    if run_len == 1 and _AGE_IN_BRACKETS.match(t.text, t.cols.end(i)):
        return True  # "Grace (34) wrote to me": a person and her age
    if run_len == 2 and full_name_shape(t, i, i + 2) and low not in vocab.FUNCTION:
        return True  # "Montserrat Ferrer said hi": a first name and a surname
    if run_len >= 3 and ends_in_company(t, i + run_len) and low not in vocab.FUNCTION:
        return True  # "Heartland Ag Supply Co." opening a signature's line
    if run_len >= 2 and t.lows[i + 1] in street_words.STREET_HEADS and low not in vocab.FUNCTION:
        return True  # "Eastern Road, Brighton" opening an address line, "Main Street was": a street
    if low in vocab.FUNCTION or t.lex.is_safe(base):
        return False
    if run_len == 1 and vocative(t, i):
        return True  # she said "Mide, is it another woman?": a name she is called by
    if run_len == 1 and base in t.lex.first and _AGE_ASIDE.match(t.text, t.cols.end(i)):
        return True  # "Rob, aged 38, lives in Chesterton": a first name and the writer's age
    if run_len == 1 and base in t.lex.first and _speaker_label(t, i):
        return True  # "Heather: I'm Daniel's daughter" (a first name labelling a line of a chat)
    if run_len == 1 and _speaks(t, i) and (base in t.lex.first or low not in t.lex.very_common_lower):
        return True  # "Hope said do 10 mins a day", "Mags said": a first name or a rare word, speaking
    if run_len == 1 and base in t.lex.first and _DESCRIBED.match(t.text, t.cols.end(i)):
        return True  # "Summer was fifteen", "Dale was the PT": a first name, her age or her role
    if t.lex.is_common(base):
        return False
    lex = t.lex
    # An everyday word (word-frequency data) opening a sentence is a word,
    # whatever the name lists say ("Hoy nuestra...", "Some Women Just...").
    # "Leaking", "Appointments": a regular form of an English word, in no name list
    derived = (
        base[1:].islower()
        and not lex.is_name(base)
        and (derived_form(low) or (low in lex.ordinary_lower and low.endswith(_WORD_ENDINGS)))
    )
    everyday = (
        (low in lex.ordinary_lower or derived)
        and (base not in lex.cities or lex.word_town(base))  # "Progress was slow"
        and (not lex.strong_name(base) or low in everyday_words() or word_not_name(lex, base))
    ) or low in spanish_common_words()  # "Una", "Un", "Nada": towns and names in some gazetteer
    everyday = everyday or t.foreign_common_word(low)  # "Elle a fait", "Deux ans", "Ela explicou"
    if run_len >= 2 and t.lows[i + 1] in vocab.PARTICLES:
        return not everyday  # "Soy de Zapopan": the place starts after the particle
    if run_len >= 2 or t.words[i] != base:  # "Loxeju's patience"
        # "José María from my group": a name follows, so the run is a full name
        if not everyday or run_len < 2:
            return not everyday
        k = i + 1
        if run_len > 2 and len(t.words[k]) == 1 and t.words[k].isupper():
            k += 1  # "Ella H. Snider": the surname after a middle initial
        return t.lex.is_name(t.bases[k])
    if not everyday and _speaker_label(t, i):
        return True  # "Ubul: What a wife." (a chat or a script pasted into the story)
    # An unknown word opening a sentence is a name if a person-verb follows.
    verb = _person_verb_after(t, i)
    if not verb and _word_before_lowercase(t, i):
        return False
    if everyday and (not verb or (low in lex.very_common_lower and base not in lex.first) or derived):
        return False  # "Pain was...", "Leaking is...": an everyday word that is no first name
    if low.endswith("ing") and not verb:  # "Reading other stories..." is a verb here
        return False
    if not verb and base[1:].islower() and inflects(low) and base not in lex.cities:
        return False  # "Skip to...", "Marry him...", "Sharp pain": a verb's or adjective's word
    if (
        low in lex.very_common_lower
        and base not in lex.first
        and (base not in lex.cities or lex.word_town(base))
    ):
        return (
            verb  # "Fair point.", "Sharp pain": a very common word opens a sentence without a person's verb
        )
    return verb or (t.lex.strong_name(base) and not word_not_name(lex, base)) or base in t.lex.cities
