"""Capitalised runs that name a thing or a job, not a person (`name_ordinary.ordinary_run`
asks these after its general tests).

- Title-case English words ending in a common noun that no name list holds ("Brain
  Fog", "Hot Flushes, Night Sweats", "Leg Lifts"): a person's name ends in a name; a
  firm's, a team's or a court's name keeps its finding after "for" or "at", before the
  noun it names or ending in a firm's word ("Harbour Energy", "Rand Corporation").
- Job titles: English words ending in a word for what someone does ("Clinical Nurse
  Specialist", "Senior Staff Nurse").
- Exercises, apps and programmes: English words in title case before "pose", "app"...
  ("Happy Baby pose"); holidays and festivals without their year ("every Chinese New
  Year", "the Hogmanay ceilidh"), names of anatomy ("Levator Ani") (`name_kinds.classify`
  asks these three).
"""

from __future__ import annotations

import re

from . import cues, vocab
from .chart_words import ANATOMY
from .holidays import FESTIVALS
from .lexicon import english_form, lowercase_word, title_case_word
from .name_headings import ends_in_company
from .name_phrases import before_noun, headed
from .name_words import NameText


def ends_in_a_noun(t: NameText, i: int, j: int) -> bool:
    """Is run i..j two or more English words in title case, the last a common noun the
    dictionary writes only in lower case and no name or town list holds ("Brain Fog",
    "Purity Ring", "Glute Bridges")?  A person's name ends in a name.  A firm's or a
    team's name ends in a noun too ("Harbour Energy", "the Midland Magpies"), but comes
    after "for", "at", "with"... or before the noun it names ("the Clean Power Finance
    office"); a place's or facility's head (`headed`) keeps a run a name, and so does a
    naming cue before it (the caller's test)."""
    if j - i < 2:
        return False
    lows, bases, lex = t.lows, t.bases, t.lex
    last = lows[j - 1]
    if last in lex.names_lower or last in _FIRM_ENDS or ends_in_company(t, j):
        return False
    if not all(
        bases[k][1:].islower()
        and lowercase_word(lows[k])
        and bases[k] not in lex.large_towns  # "Bristol Civil and Family Justice Centre"
        and lows[k] not in cues.RELATIONS  # "MY BUDDY BUBBA": the relation, then the name
        and lows[k] not in vocab.TITLES  # "Dr. Quell"
        for k in range(i, j)
    ):
        return False
    before = i - 2 if i >= 2 and lows[i - 1] in _THE_A else i - 1
    return (
        (lows[before] if before >= 0 else "") not in _NAMED_AFTER
        and not (j + 1 < t.n and lows[j] in cues.FIRM_JOINERS and t.caps[j + 1])  # "Bristol Civil and Family"
        and vocab.PLACE_PREFIXES.isdisjoint(lows[i:j])
        and not before_noun(t, j)
        and not headed(t, i, j)
    )


_THE_A = frozenset({"the", "a", "an"})
# Last words of a firm's or a group's name ("Rand Corporation", "Tableau Software").
_FIRM_ENDS = vocab.words(
    """corporation incorporated company group holdings industries enterprises partners associates
    software systems technologies research energy motors insurance media studios records orchestra"""
)
# Words after which title-case words name a firm, a team, a place or a person: "work for
# Harbour Energy", "play for the Midland Magpies", "a band called The Velvet Undertow".
_NAMED_AFTER = frozenset(
    {"for", "at", "with", "from", "by", "in", "on", "to", "into", "called", "named", "joined", "via", "near"}
) | vocab.TITLES


_JOB_ENDINGS = ("ist", "ian")


def job_title(t: NameText, i: int, j: int) -> bool:
    """Is run i..j (two or more words) a job title: English words or titles ending in a
    word for what someone does ("Clinical Nurse Specialist", "Senior Staff Nurse")?"""
    if j - i < 2:
        return False
    lows, bases = t.lows, t.bases
    last = lows[j - 1]
    if last in vocab.FACILITY_HEADS or not (
        last in vocab.TITLES or last in cues.JOB_WORDS or (last.endswith(_JOB_ENDINGS) and english_form(last))
    ):
        return False  # ("First Presbyterian" names a church, whose head ends like "Physician")
    return all(
        bases[k][1:].islower()
        and not t.lex.is_name(bases[k])
        and (lows[k] in vocab.TITLES or english_form(lows[k]))
        for k in range(i, j)
    )


# Lowercase nouns after a title-case name that make it the name of an exercise, an app, a
# programme or a show ("Happy Baby pose", "the Squeezy app", "a Couch to Fitness programme").
_THING_AFTER = vocab.words(
    "pose poses stretch stretches exercise exercises position positions app method technique "
    "challenge programme program workout diet episode episodes breathing breath"
)


# Lowercase nouns for a product after its brand, whatever word the brand is ("Tena pads",
# "the Serola belt", "Sylk gel"): no one's name stands right before them.
_PRODUCT_AFTER = vocab.words(
    "pads pad liners pants lube gel cream pessaries tablets pills belt cushion dilators dilator wand kit "
    "spray pessary injections injection capsules patches patch insert inserts drops ointment suppositories "
    "ovules crema pomada comprimidos óvulos gotas pastillas comprimés gélules ovuli compresse"
)
# A dose after a medicine's name ("Priligy 30 mg", "ESTROGEL 1.5MG"), or a prescription before
# it ("a script for Keflex", "started me on Estrogel", "me recetó Xylocaína").
_DOSE_AFTER = re.compile(r"[ \t]+\d+(?:[.,]\d+)?[ \t]?(?i:mg|mcg|µg|ml|iu|units?)\b")
_PRESCRIBED_BEFORE = re.compile(
    r"(?i:prescribed|prescription for|script for|started me on|put me on|switched me to|recet[óo]|"
    r"prescrit|prescritto|receitou)[ \t]+(?:(?i:me|some|the|a)[ \t]+)?$"
)
# The last word of such a prescription (a set test before the pattern is tried).
_PRESCRIBED_ENDS = vocab.words(
    "prescribed for on to recetó receto prescrit prescritto receitou me some the a"
)


# Brands of the clinic's field that are first names too ("Tena"): a brand after a word for
# buying or wearing, or before its product line ("buying Tena Lady", "wearing TENA Men").
_NAMED_BRANDS = frozenset({"tena"})
_BRAND_LINES = vocab.words("lady men lights pants silhouette discreet ultra")
_BRAND_VERBS = vocab.words(
    "buy buys buying bought wear wears wearing wore use uses using used through stash the a of and"
)


def _named_brand(t: NameText, i: int, j: int) -> bool:
    """Is run i..j a brand that is also a first name, in a product's place (see above)?"""
    if t.lows[i] not in _NAMED_BRANDS or j - i > 3:
        return False
    line = j - i >= 2 and t.lows[i + 1] in _BRAND_LINES
    return line or (i > 0 and t.lows[i - 1] in _BRAND_VERBS and j - i == 1)


def named_thing(t: NameText, i: int, j: int) -> bool:
    """Is the run i..j English words in title case right before a lowercase `_THING_AFTER`
    noun ("Happy Baby pose"), or one or two words of a brand before a `_PRODUCT_AFTER` one
    ("Tena pads", "Trimix injections") or a medicine (`_medicine`), the name of a thing rather
    than of a person or a place?"""
    if _named_brand(t, i, j) or _medicine(t, i, j):
        return True
    if j >= t.n or t.caps[j] or t.gaps[j] != " " or t.words[j - 1].endswith(("'s", "’s")):
        return False
    if t.lows[j] in _PRODUCT_AFTER:
        return j - i <= 2
    return t.lows[j] in _THING_AFTER and all(title_case_word(t.bases[k]) for k in range(i, j))


def _medicine(t: NameText, i: int, j: int) -> bool:
    """Is the run i..j (one or two words) a medicine: a dose after it or a prescription
    right before it?"""
    if j - i > 2:
        return False
    start = t.cols.start(i)
    end = t.cols.end(j - 1)
    if t.text[end + 1 : end + 2].isdigit() and _DOSE_AFTER.match(t.text, end) is not None:
        return True
    return (
        i > 0
        and t.lows[i - 1] in _PRESCRIBED_ENDS
        and _PRESCRIBED_BEFORE.search(t.text, max(0, start - 30), start) is not None
    )


# A holiday or festival without its year names no one ("every Chinese New Year", "Then Hogmanay.").
_HOLIDAY_RUN = re.compile(rf"(?:{FESTIVALS}|{vocab.HOLIDAYS})(?:['’]s)?")


def holiday(t: NameText, i: int, j: int) -> bool:
    """Are tokens i..j-1 a holiday or a festival (`_HOLIDAY_RUN`), or its first words ("the
    Fourth" of "the Fourth of July", whose "of" ends the run)?"""
    if j <= i:
        return False
    m = _HOLIDAY_RUN.match(t.text, t.cols.start(i))
    if m is None or m.end() < t.cols.end(j - 1):
        return False
    return m.end() == len(t.text) or not t.text[m.end()].isalnum()


def anatomy(t: NameText, i: int, j: int) -> bool:
    """Does the run i..j open (after "My", "The") with two words of anatomy ("Levator Ani",
    "Obturator Internus")?  ("Ani" alone is a name: the anatomy table yields to the
    first-name list.)"""
    while i < j and t.lows[i] in vocab.FUNCTION:
        i += 1
    return j - i >= 2 and t.lows[i] in ANATOMY and t.lows[i + 1] in ANATOMY and t.gaps[i + 1] == " "


# Lowercase nouns for a place of work after a firm's name ("an Amazon fulfillment center",
# "the Ford plant", "the Nissan head office").
_WORKPLACES = vocab.words(
    """factory plant warehouse fulfillment fulfilment distribution depot branch headquarters hq
    dealership showroom refinery mill call store stores site"""
)
_WORKPLACE_BEFORE = frozenset({"at", "in", "for", "an", "a", "the"})


def workplace(t: NameText, i: int, j: int) -> bool:
    """Is run i..j (one or two title-case words) a firm's name, right after "at", "in",
    "for" or an article and right before a word for a place of work ("works at an Amazon
    fulfillment center", "the Ford plant", "the Nissan head office")?"""
    if j - i > 2 or j >= t.n or i == 0 or t.lows[i - 1] not in _WORKPLACE_BEFORE or t.gaps[j] != " ":
        return False
    low = t.lows[j]
    if low == "head":
        low = t.lows[j + 1] if j + 1 < t.n and t.gaps[j + 1] == " " else ""
        low = "headquarters" if low in ("office", "offices") else ""
    return low in _WORKPLACES and not t.caps[j] and all(title_case_word(t.bases[k]) for k in range(i, j))


def care_and_town(t: NameText, i: int, j: int) -> int:
    """Where run i..j (or its rest after a sentence's first word, "Emailed") starts being
    what a clinic does, then a town: a clinic's name ("Pelvic Health Dublin", "Women's
    Physio Brisbane"); -1 if it is none.  (What a clinic does alone names none: `name_kinds`.)"""
    if t.sents[i] and j - i > 2 and not _care_word(t, i):
        i += 1
    if j - i < 2 or t.bases[j - 1] not in t.lex.large_towns:
        return -1
    return i if all(_care_word(t, k) for k in range(i, j - 1)) else -1


def _care_word(t: NameText, k: int) -> bool:
    return t.lows[k] in vocab.DEPARTMENT_WORDS or t.lows[k] in vocab.CLINICAL


# Nouns a story's heading puts after its teller's name ("Ray's Story", "Harpreet's Journey").
_HEADING_NOUNS = vocab.words("story journey experience diary blog recovery road battle tale words voice")


def owner_of_heading(t: NameText, i: int, j: int) -> int:
    """One past the name in run i..j when the run is a name's possessive and a heading's
    noun ("Ray's Story": Ray's, whose "'s" the finding leaves out), else j."""
    for k in range(i, j - 1):
        if t.words[k].endswith(("'s", "’s")) and t.lows[k + 1] in _HEADING_NOUNS:
            return k + 1
    return j
