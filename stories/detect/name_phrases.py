"""Capitalised phrases and the words around them, for the ordinary-word rules.

Context the name rules ask about (`name_ordinary`, `name_kinds`): is a run after a place
cue ("in", "moved to", "soy de"), does it end in a street or facility head, is it a first
name and a surname; and phrases whose capitals name no one: a kind of thing after "a"/"an"
("a Women's Health Physio"), everyday words after a determiner ("the Friend who"), the
name of a day ("Mother's Day"), a people's or a language's name before what it describes
("an Igbo woman"), and, the other way round, a group's name in apposition ("a peer group,
Bodies Beyond Binary"), which is a name however ordinary its words.
"""

from __future__ import annotations

import re

from . import cues, street_words, vocab
from .lexicon import english_form, english_words
from .name_words import NameText, gap_is_space

# Facility heads that name a place when they come first ("Hospital La Paz").
_LEADING_HEADS = frozenset(
    {"hospital", "clinic", "clinica", "clínica", "sanatorio", "hospice", "infirmary", "centro"}
)


def headed(t: NameText, i: int, j: int) -> bool:
    """Does run i..j name a facility or street by its head ("Riverside Health Center",
    "Mill Lane"), as `name_kinds` types runs (not "the Office Party")?"""
    lows = t.lows
    while i < j - 1 and lows[i] in vocab.FUNCTION:
        i += 1  # "The Office Party": the run's name starts after "The"
    if j - i > 1 and lows[i] in _LEADING_HEADS:
        return True  # "Hospital Italiano", "Clínica Santa Ana"
    heads = street_words.STREET_HEADS | vocab.FACILITY_HEADS if j - i > 2 else vocab.FACILITY_HEADS
    return lows[j - 1] in street_words.STREET_HEADS or any(lows[k] in heads for k in range(i + 1, j))


# Words between a motion verb and "to": "referred me to", "went back to".
_BEFORE_TO = frozenset({"me", "us", "her", "him", "them", "back", "up", "over", "down", "out", "straight"})


# Spanish and Italian: "soy de Caballito", "vivo en Getafe", "vivo a Bologna", "sono di Lecce".
_ROMANCE_PLACE_CUES = frozenset(
    [(verb, "de") for verb in ("soy", "vengo", "somos", "eres", "es")]
    + [(verb, "en") for verb in ("vivo", "vive", "vivimos", "nací", "crecí", "trabajo", "vivía")]
    + [(verb, "a") for verb in ("vivo", "abito", "vivevo", "abitavo", "nata", "nato", "cresciuta")]
    + [(verb, "di") for verb in ("sono", "vengo")]
)


def place_cue(t: NameText, i: int) -> bool:
    """Is token i right after a place cue ("in", "from", "moved to", "referred me to"),
    maybe with "the"?"""
    lows = t.lows
    k = i - 1
    if k >= 1 and lows[k] == "the":
        k -= 1  # "at the Rotunda"
    if k < 0:
        return False
    if lows[k] in vocab.LOCATIVE:
        return True
    if k >= 1 and (lows[k - 1], lows[k]) in _ROMANCE_PLACE_CUES:
        return True  # "soy de Caballito", "vivo en Getafe"
    if lows[k] != "to" or k < 1:
        return False
    # "moved to", "referred me to", "went back to"
    if lows[k - 1] in vocab.MOTION:
        return True
    return k >= 2 and lows[k - 1] in _BEFORE_TO and lows[k - 2] in vocab.MOTION


def full_name_shape(t: NameText, i: int, j: int) -> bool:
    """Is run i..j a first name then a surname ("Mark Hall", "Hope Young", or a word no list
    knows: "Mark Holroyd"), after any
    function word opening it ("Yesterday Montserrat Ferrer")?"""
    while j - i > 2 and t.sents[i] and t.lows[i] in vocab.FUNCTION:
        i += 1
    if j - i > 3 or t.bases[i] not in t.lex.first or t.lows[i] in vocab.CLOSINGS:
        return False  # ("Love Doreen", "Cheers Dave": a closing, then the name)
    last = t.bases[j - 1]
    return last in t.lex.last or (j - i == 2 and t.unknown_capital(j - 1))  # "Mark Holroyd"


# "a"/"an" before a capitalised phrase make it a kind of thing, not a named one
# ("a Pelvic Health Physiotherapist", "an Online Support Group").  Not "the" or
# "my": "the Coombe", "the Royal Free" are names of places.
_ARTICLES = frozenset({"a", "an"})


# Facility heads that name one place even after "a" ("a Mayo Clinic doctor").
_PLACE_HEADS = frozenset({"hospital", "clinic", "infirmary", "hospice", "university", "college", "school"})


def generic_after_article(t: NameText, i: int, j: int) -> bool:
    """Is run i..j, right after "a"/"an", English words (of any word list) that name
    no facility ("a General Practitioner", "a Women's Health Physio")?"""
    if i == 0 or t.sents[i] or t.lows[i - 1] not in _ARTICLES or place_cue(t, i):
        return False  # (Italian "vivo a Bologna": a preposition)
    lows, bases, plain = t.lows, t.bases, t.plain
    if any(lows[k] in vocab.TITLES or lows[k] in _PLACE_HEADS for k in range(i, j)):
        return False
    words = english_words()  # hyphenated words part by part: "a Low-Dose Medication"
    return all(plain(k) or all(p in words for p in bases[k].casefold().split("-")) for k in range(i, j))


_DAY_WORDS = frozenset({"day", "eve", "night", "festival", "week", "month"})  # "NAIDOC Week", "Pride Month"
_HOLIDAY_NAME = re.compile(vocab.HOLIDAYS, re.IGNORECASE)
# Spanish, French and Portuguese name a day or a season by its first word ("Día de la Madre",
# "Fête des Mères", "Semana Santa", "Año Nuevo", "Dia das Mães").
_DAY_FIRST_WORDS = frozenset({"día", "dia", "jour", "fête", "fete", "festa", "semana", "año", "ano"})


# Nouns a people's or a language's name describes: "an Igbo woman", "my Marathi typing".
_PEOPLE_NOUNS = vocab.words(
    "woman women man men lady ladies girl girls boy guy family mum mother community culture typing "
    "language wedding church food aunties elders couple grandmother grandma wife husband nurse mama"
)
# Endings of a people's name ("Israeli", "Swedish", "Samoan", "Egyptian", "Nepalese").
_PEOPLE_ENDINGS = ("ian", "ean", "ish", "ese", "ani", "eli", "an", "i")
_STRONG = ("ian", "ish", "ese")  # others ("Thandi", "Morgan") need to be English words too


def people_said(t: NameText, i: int, j: int) -> bool:
    """Is the one-word run i..j a people's name said of oneself, "I'm Israeli, engineer",
    "I am Swedish, I am a grandmother": after "I'm"/"I am", before a comma or a full stop,
    with a people's ending, an English word unless the ending is "-ian", "-ish" or "-ese",
    and in no first-name list ("I'm Brian,", "I'm Thandi," are names)?"""
    if j != i + 1 or i < 1 or t.bases[i] in t.lex.first:
        return False
    after_i_am = t.lows[i - 1] in ("i'm", "i’m", "im") or (i >= 2 and t.lows[i - 2 : i] == ["i", "am"])
    ends = t.gaps[j][:1] in (",", ".") if j < t.n else True
    low = t.lows[i]
    return (
        after_i_am and ends and low.endswith(_PEOPLE_ENDINGS) and (low.endswith(_STRONG) or english_form(low))
    )


def people_word(t: NameText, i: int, j: int) -> bool:
    """Is the one-word run i..j a people's or a language's name before a noun it describes,
    after an article or "my" ("an Igbo woman", "a Bajan lady", "my Marathi typing")?"""
    return (
        j == i + 1
        and i >= 1
        and t.lows[i - 1] in ("a", "an", "my", "our", "the")
        and j < t.n
        and t.lows[j] in _PEOPLE_NOUNS
        and gap_is_space(t.gaps[j])
        and not t.caps[j]
    )


def named_day(t: NameText, i: int, j: int) -> bool:
    """Is run i..j the name of a day ("Mother's Day", "Christmas Eve", "Burns Night") or an
    observance ("Women's Month", "Endometriosis Awareness Month"): two to four words ending
    in Day, Eve, Night, Week or Month, or opening with a Romance language's word for
    a day ("Día de la Madre"), and not a first name and surname ("Doris Day")?"""
    while j - i > 2 and t.lows[j - 1] == "i":
        j -= 1  # "By Madaraka Day I could": the run took the "I" after it
    if not 2 <= j - i <= 4:
        return False
    if not t.caps[i] and t.lows[i] in vocab.PARTICLES and j - i > 2:
        i += 1  # "durante la Semana Santa": the run took the article before it
    if t.lows[i] in _DAY_FIRST_WORDS:
        return not full_name_shape(t, i, j)  # "Día de la Madre", not "Dia Mirza"
    if t.lows[j - 1] not in _DAY_WORDS:
        return False
    if _HOLIDAY_NAME.fullmatch(t.text, t.cols.start(i), t.cols.end(j - 1)):
        return True  # "Victoria Day", "Veterans Day": a holiday, whatever a name list says
    owner = t.words[j - 2] != t.bases[j - 2]  # "Valentine's Day", "Mother's Day": a day's name
    return owner or not full_name_shape(t, i, j)


# Words for a group that a name in apposition follows: "a support group, Rolling On,".
_GROUP_WORDS = frozenset(
    {
        "group",
        "charity",
        "organisation",
        "organization",
        "network",
        "forum",
        "club",
        "choir",
        "collective",
        "circle",
    }
)


def group_named(t: NameText, i: int) -> bool:
    """Is the run at token i the name of a group right after it ("a peer group, Bodies
    Beyond Binary", "a charity called Hope Rising")?"""
    if i < 1 or t.sents[i]:
        return False
    prev = t.lows[i - 1]
    if prev in ("called", "named"):
        return i >= 2 and t.lows[i - 2] in _GROUP_WORDS
    if t.gaps[i] != ", ":
        return False
    for k in range(i - 1, max(-1, i - 7), -1):  # "a support group for disabled women, Rolling On"
        if t.lows[k] in _GROUP_WORDS:
            return True
        if t.sents[k] or "," in t.gaps[k]:
            return False
    return False


def before_noun(t: NameText, j: int) -> bool:
    """Does a lowercase content word follow token j-1 in the same clause?  Then the run
    before it names something ("the Castro novel", "the Standard And Poors website")."""
    if j >= t.n or not gap_is_space(t.gaps[j]) or t.caps[j]:
        return False
    low = t.lows[j]  # a verb or an adverb follows a subject: "Smear Test turned", "Race Season nearly"
    verbish = low.endswith(("ed", "ly", "ing")) or low in cues.PERSON_VERBS
    return low not in vocab.FUNCTION and not verbish


# Words before a noun that never come before a person's name ("the Friend who always
# had advice", "no Fancy Gels", "every Lubricant").
_DETERMINERS = frozenset(
    {"the", "a", "an", "no", "every", "some", "any", "this", "that", "these", "those", "another", "each"}
)


def word_after_determiner(t: NameText, i: int, j: int) -> bool:
    """Is run i..j (at most three words) after a determiner, outside a place cue,
    everyday English words even if a name list holds them ("the Friend", "no Fancy
    Gels"), and not a full name ("the Will Young song")?"""
    if i == 0 or t.sents[i] or j - i > 3 or t.lows[i - 1] not in _DETERMINERS:
        return False
    if place_cue(t, i) or headed(t, i, j) or full_name_shape(t, i, j):
        return False
    lows, words = t.lows, t.words
    if words[j - 1].endswith(("'s", "’s")):
        return False  # "the Rotunda's", "the Smiths'": an owner
    if before_noun(t, j):
        return False
    lex = t.lex
    return all(
        lows[k] not in vocab.TITLES
        and t.bases[k][1:].islower()
        and _everyday_parts(lows[k])
        # "the Friend", not "the Castro"
        and (lows[k] in lex.very_common_lower or not lex.is_name(t.bases[k]))
        for k in range(i, j)
    )


def _everyday_parts(low: str) -> bool:
    """Is every hyphen-separated part of the casefolded word an English word form?"""
    return all(part and english_form(part) for part in low.split("-"))
