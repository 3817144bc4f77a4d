"""Capitalised runs that name a kind of unit, not one place.

"the Perineal Clinic", "Women's Health Physio" (a department named by what it treats
and whom), "Medical School", "Sunday School" (a kind of school), "Pain Reprocessing
Therapy", "Youth Group" (a kind of activity): `name_kinds` asks these before it calls a
run with a facility head a FACILITY.
"""

from __future__ import annotations

from . import cues, vocab
from .lexicon import dictionary_words, lowercase_word
from .name_words import NameText


def department(t: NameText, s: int, e: int) -> bool:
    """Is the facility run s..e a kind of clinic, named only by what it treats and whom
    ("the Perineal Clinic", "Women's Health Physio", "Pain Clinic", "the Adolescent
    Gynaecology clinic"), not a place's name?"""
    if e - s >= 2 and t.lows[e - 1] in _CLINIC_HEADS:
        words = range(s, e - 1)
    elif e - s >= 2 and all(t.lows[k] in vocab.DEPARTMENT_WORDS for k in range(s, e)):
        words = range(s, e)  # "Pelvic Health", "Women's Health": what a clinic does, no name
    elif e < t.n and t.lows[e] in _CLINIC_HEADS and not t.caps[e] and t.gaps[e] == " ":
        words = range(s, e)  # the head in lower case after the run
    else:
        return False
    return all(department_word(t, k) for k in words)


def department_word(t: NameText, k: int) -> bool:
    """Does token k say what a clinic treats or whom: a department word, a clinical word, an
    age group, safe vocabulary?"""
    low = t.lows[k]
    return (
        low in vocab.DEPARTMENT_WORDS
        or low in vocab.CLINICAL
        or low in _PATIENT_GROUPS
        or (t.lex.is_safe(t.bases[k]) and low not in t.lex.regions_lower and low not in _NAMING_SAFE)
    )


# Safe words that name a clinic by where or what it is ("Western Women's Physio"), not by its care.
_NAMING_SAFE = vocab.words("western eastern northern southern north south east west central core")


_PATIENT_GROUPS = vocab.words(
    "adolescent adolescents paediatric pediatric children's childrens teen teenage adult adults"
)


def kind_of_school(t: NameText, s: int, e: int) -> bool:
    """Is the facility run s..e a kind of school or hospital, not one by its name ("Sunday
    School", "Medical School", "Primary School", "Teaching Hospital"), and not the end of a
    longer name ("St. Agnes Nursery and Primary School", "Owerri Girls' Secondary School")?"""
    named_before = s >= 1 and t.caps[s - 1] and not t.plain(s - 1) and t.gaps[s] in _INNER_GAPS
    joined = s >= 1 and (t.lows[s - 1] in ("and", "&") or named_before)
    return (
        not joined
        and e - s >= 2
        and t.lows[e - 1] in KIND_HEADS
        and all(t.lows[k] in KIND_WORDS for k in range(s, e - 1))
    )


_INNER_GAPS = frozenset({" ", "' ", "’ "})  # between a name's words ("Owerri Girls' Secondary")


def kind_of_activity(t: NameText, s: int, e: int) -> bool:
    """Is the facility run s..e a kind of therapy or group named by everyday words ("Pain
    Reprocessing Therapy", "Acceptance and Commitment Therapy", "Youth Group"), or an
    operation named by a rarer word ("Excision Surgery")?  Not when a name or a town is
    among its words ("Kanata Therapy Group", "Leeds Surgery")."""
    if e - s < 2 or t.lows[s] == "the" or (s >= 1 and t.words[s - 1] == "The"):
        return False  # "The Vanguard Group": a firm
    head, lows, lex = t.lows[e - 1], t.lows, t.lex
    before = s - 2 if s >= 2 and lows[s - 1] == "the" else s - 1
    if before >= 0 and lows[before] in cues.FACILITY_PREV:
        return False  # "at Peak Pelvic Therapy", "at the Gym Group": a place someone goes to
    named = [k for k in range(s, e - 1) if lows[k] not in ("and", "&")]
    if any(lows[k] in lex.names_lower or lows[k] in lex.cities_lower for k in named):
        return False
    if head in _ACTIVITY_HEADS:
        return all(lowercase_word(lows[k]) for k in named)
    return head == "surgery" and all(lows[k] in dictionary_words() for k in named)


_ACTIVITY_HEADS = vocab.words("therapy therapies group groups")
KIND_HEADS = vocab.words("school schools college university hospital nursery academy")
KIND_WORDS = vocab.words(
    """sunday night summer vacation medical nursing law dental art drama boarding private state
    public catholic christian bible infant infants junior senior middle elementary primary secondary
    high grammar sixth form community teaching general district cottage local maternity children's
    womens women's mental psychiatric veterinary business film music language dance driving
    secretarial technical comprehensive"""
)


# Heads of a kind of clinic or department (not "College", "Studio", "Group": names).
_CLINIC_HEADS = vocab.words(
    "clinic clinics physio physiotherapy services service unit department dept ward therapy "
    "program programme desk team outpatients"
)
