"""What a capitalised run names: a person, a place or a facility.

Ordinary words are dropped first (`name_ordinary`), then a title before the
run makes it a person ("Dr Okafor"), plain words are trimmed from both ends,
and the rest is typed: a company suffix or a facility head ("Clinic",
"Hospital") gives FACILITY, a street head or ending gives LOCATION, an
employer cue ("I worked for ...") FACILITY, a locative cue ("in", "moved
to") LOCATION (or FACILITY after "at"), a name list PERSON, the city list
LOCATION, and anything else PERSON: recall comes first, unknown proper nouns
are kept.
"""

from __future__ import annotations

from stories.findings import Finding

from . import cues, germanic, street_words, vocab
from .chart_words import ANATOMY
from .counties import county_at
from .lexicon import english_form, proper_nouns, title_case_word
from .name_evidence import after_greeting
from .name_initials import initial_with_stop
from .name_kind_of import department, department_word, kind_of_activity, kind_of_school
from .name_ordinary import keep_sentence_start, ordinary_run
from .name_phrases import group_named
from .name_things import anatomy, care_and_town, holiday, named_thing, owner_of_heading, workplace
from .name_words import NameText, gap_is_space


def _titled_start(t: NameText, i: int, j: int) -> tuple[int, bool]:
    """The first token after any titles at the start of run i..j, and whether there was one."""
    lows = t.lows
    s = i
    if j - i > 1 and t.sents[i] and lows[i] in vocab.FUNCTION and lows[i + 1] in vocab.TITLES:
        s += 1  # "The Dr Okafor": the same title rule as in "the Dr Okafor"
    if " ".join(t.bases[s:j]) in t.lex.cities:
        return s, False  # "in Lady Lake", "from Mount Vernon": a town, not a title and a name
    titled = False
    while s < j and lows[s] in vocab.TITLES:
        titled = True
        s += 1
    return s, titled


def _acronym_before_name(t: NameText, s: int) -> bool:
    """Is token s an acronym (2-6 capitals) right before a capitalised word that names
    something, mid-sentence: an organisation's initials and its name ("CPS Energy")?"""
    word = t.words[s]
    return (
        2 <= len(word) <= 6
        and word.isupper()
        and word.isalpha()
        and not t.lex.is_safe(word)  # "my GP Chukwuemeka": a role, then a name
        and not t.sents[s]
        and s + 1 < t.n
        and t.caps[s + 1]
        and not t.plain(s + 1)
        and gap_is_space(t.gaps[s + 1])
    )


def _trimmed(t: NameText, s: int, j: int) -> tuple[int, int, bool]:
    """Run s..j without the plain words at its ends; and does it hold a facility head?"""
    lex, lows, bases, plain = t.lex, t.lows, t.bases, t.plain
    tail = lows[j - 1]
    anchored = tail in street_words.STREET_HEADS or tail in vocab.FACILITY_HEADS
    # after "at" ("at Mass General", "at the NHS Lothian clinic") a plain first word is part of the name
    at = s >= 1 and (lows[s - 1] == "at" or (s >= 2 and lows[s - 1] == "the" and lows[s - 2] == "at"))
    while s < j and plain(s):
        low = lows[s]
        if j - s > 1 and (
            low in vocab.FACILITY_HEADS
            or low in vocab.PLACE_PREFIXES
            or lows[s + 1] in street_words.STREET_HEADS  # "Eastern Road", "Station Road"
            or _acronym_before_name(t, s)  # "CPS Energy", "IES Lluís Vives"
            or (low == "our" and t.caps[s] and not t.sents[s] and anchored)  # "Our Saviour's Church"
            or ((anchored or at) and low not in vocab.FUNCTION)
            or (len(t.words[s]) == 1 and t.words[s].isupper() and low != "i" and t.gaps[s + 1] == ". ")
            or (lex.is_name(bases[s]) and (not plain(s + 1) or initial_with_stop(t, s + 1))
                and low not in vocab.FUNCTION)
            or (low in _ORDINALS and anchored and not t.sents[s])  # "First Presbyterian", "Second Baptist"
        ):
            break
        s += 1
    e = j
    heads = lows[s:e]
    has_facility = any(h in vocab.FACILITY_HEADS for h in heads[1:]) if len(heads) > 1 else False
    has_facility = has_facility or (len(heads) > 2 and heads[0] in vocab.FACILITY_HEADS and heads[1] == "of")
    if not has_facility:
        while (
            e > s
            and plain(e - 1)
            and not (
                e - 1 > s
                and (lex.is_name(bases[e - 1]) or _region_in_name(t, e - 1) or (at and not t.sents[e - 1]))
                and lows[e - 1] not in vocab.FUNCTION
                and not plain(e - 2)
                and not (t.gaps[e - 1] == ", " and lex.is_safe(bases[e - 1]))  # "Mark, English man"
            )
        ):
            e -= 1
    while e - 1 > s and lows[e - 1] == "i":
        e -= 1  # "At Primary School I was": "I" opens the next clause
    return s, e, has_facility


def _region_in_name(t: NameText, k: int) -> bool:
    """Is token k a region's name ending a longer name, right after a word that names
    something ("Hyundai Motor America", "National Express West Midlands")?"""
    return (
        k >= 2
        and (t.lows[k] in t.lex.regions_lower or t.lows[k] in _COMPASS_REGIONS)
        and gap_is_space(t.gaps[k])
        and t.bases[k - 1] not in t.lex.cities  # "Nairobi Kenya": a town, then its country
    )


# Regions that are no country or state, which end companies' names ("West Midlands").
_COMPASS_REGIONS = vocab.words("america midlands")


# Ordinals that open a church's or a congregation's name before its head ("First Baptist").
_ORDINALS = vocab.words("first second third fourth fifth")


def _role_words(t: NameText, s: int, j: int) -> bool:
    """Are tokens s..j after a title English words for a job, in no name list ("the Nurse
    Practitioner", "a Consultant Obstetrician"), not a surname ("Dr Young", "Mr White")?"""
    return all(
        t.bases[k][1:].islower()
        and not t.lex.is_name(t.bases[k])
        and t.lows[k].endswith(_AGENT_ENDINGS)
        and (english_form(t.lows[k]) or t.lows[k].endswith(("ician", "ologist", "iatrist", "apist")))
        for k in range(s, j)
    )


_NO_DOCTORS = frozenset({"google", "internet", "youtube", "tiktok"})  # "Dr Google"

# Endings of words for what someone does: "Practitioner", "Obstetrician", "Specialist".
_AGENT_ENDINGS = ("ian", "ist", "er", "or", "ant", "ent", "ar")


def classify(t: NameText, i: int, j: int) -> None:
    """Type the capitalised run i..j and add its finding to `t.out` (or nothing)."""
    i = after_greeting(t, i, j)  # "Bore da Siân": the name after the greeting
    j = owner_of_heading(t, i, j)  # "Ray's Story": the name before the heading's noun
    care = care_and_town(t, i, j)
    if workplace(t, i, j) or care >= 0:
        source = "clinic-and-town" if care >= 0 else "workplace"
        t.out.append(Finding("FACILITY", t.cols.start(max(i, care)), t.cols.end(j - 1), 0.6, source))
        return
    if _region_firm(t, i, j) and not holiday(t, i, j):
        t.out.append(Finding("FACILITY", t.cols.start(i), t.cols.end(j - 1), 0.6, "region-firm"))
        return
    if ordinary_run(t, i, j) or named_thing(t, i, j) or holiday(t, i, j) or anatomy(t, i, j):
        return
    if _head_of_place(t, i, j):
        t.out.append(Finding("FACILITY", t.cols.start(i), t.cols.end(j - 1), 0.6, "head-of-place"))
        return
    if group_named(t, i):  # "a peer group, Bodies Beyond Binary": all of it, "On" too
        t.out.append(Finding("FACILITY", t.cols.start(i), t.cols.end(j - 1), 0.7, "group-name"))
        return
    s, titled = _titled_start(t, i, j)
    if titled:
        while j - 1 > s and t.lows[j - 1] == "i":
            j -= 1  # "Dr Okafor I think": "I" is no part of the name
        initial = j - s > 1 and len(t.words[s]) == 1 and t.words[s].isupper()  # "Dr. A. Mensah"
        honorific = s >= 1 and t.words[s - 1].lower() in vocab.HONORIFICS  # "Miss Tennant": a surname
        if t.lows[s] in _NO_DOCTORS:
            return  # "Dr Google": a joke, no one
        if s < j and (t.lows[s] not in vocab.FUNCTION or initial) and (honorific or not _role_words(t, s, j)):
            t.emit_person(s, j, 0.9, "title")
        return
    if s < j and t.sents[s] and not keep_sentence_start(t, s, j - s):
        s += 1
        if s < j and ordinary_run(t, s, j):
            return  # "Durante Años": the rest, without the sentence's first word, is ordinary
    s, e, has_facility = _trimmed(t, s, j)
    if e <= s or holiday(t, s, e):
        return
    if all(t.plain(k) for k in range(s, e)) and not (has_facility and t.lows[s] in _ORDINALS):
        return
    _typed(t, s, e, has_facility)


def _region_firm(t: NameText, i: int, j: int) -> bool:
    """Is run i..j mid-sentence a state, province or country and one more word that is no
    function word, season or time ("Queensland Rail", "Manitoba Hydro", "Michigan Medicine";
    not "a Texas Summer")?  `classify` reads a region's holiday ("Canada Day") first."""
    return (
        j - i == 2
        and not t.sents[i]
        and t.lows[i] in t.lex.regions_lower
        and t.gaps[i + 1] == " "
        and t.lows[i + 1] not in vocab.FUNCTION
        and t.lows[i + 1] not in _SEASONS
        and len(t.words[i + 1]) > 1
    )


_SEASONS = vocab.words("summer summers winter winters spring autumn fall heat time weather")


def _head_of_place(t: NameText, i: int, j: int) -> bool:
    """Is run i..j a facility's head, "of", then a region or town ("University of
    Michigan", "Bank of Ireland"), whose last word alone would name nothing?"""
    return (
        j - i >= 3
        and t.lows[i] in vocab.FACILITY_HEADS
        and t.lows[i + 1] == "of"
        and (t.lows[j - 1] in t.lex.regions_lower or t.bases[j - 1] in t.lex.cities)
    )


# After these (not "at", which names shops and pubs by words: "at Boots"), a lone very
# common English word that names no place is the word in title case: "in Theatre".
_WORD_CUES = frozenset({"in", "into", "to", "around"})


def _everyday_place_word(t: NameText, k: int) -> bool:
    """Is token k a very common English word (Zipf >= 4) that no town or name list holds
    and no dictionary writes only with a capital ("Theatre", "Form"; not "Montreal")?"""
    base = t.bases[k]
    low = base.casefold()
    return (
        base[1:].islower()
        and low in t.lex.very_common_lower
        and low not in proper_nouns()
        and base not in t.lex.cities
        and not t.lex.is_name(base)
    )


# Kinds of place that "the" names without naming one ("in the Chemist", "at the Pharmacy
# counter", "in the Vicarage kitchen", "to the Mart").
def _doing_or_body(t: NameText, k: int) -> bool:
    """Is token k, alone after "the", a gerund, a part of the body or what a department
    treats or whom, capitalised ("rolled her eyes at the Breathing", "A Headache in the
    Pelvis", "the Paediatric Urology clinic"), in no name or town list?"""
    low, base = t.lows[k], t.bases[k]
    if t.lex.is_name(base) or base in t.lex.cities:
        return False
    return low in ANATOMY or department_word(t, k) or (low.endswith("ing") and english_form(low))


# "referred me to the Royal Women's", "born at the Rosie's": an owner named after "the"
# that owns nothing after it is a place.
_OWNER_PLACE_CUES = frozenset({"at", "to", "from", "in"})


def _word_before_town(t: NameText, s: int) -> bool:
    """Is token s, a very common English word naming a town, without a place cue, the word?
    A small town's always; a large one's mid-sentence or alone ("felt Normal again",
    "Normal. I took ibuprofen"), not before ", Illinois"."""
    lex, base = t.lex, t.bases[s]
    if lex.word_town(base):
        return True
    alone = s + 1 >= t.n or t.gaps[s + 1][:1] in (".", "!", "?", ",") or t.lows[s + 1] in ("is", "was")
    return (
        (not t.sents[s] or alone)  # "Normal.", "Normal? NORMAL??", "Normal is not common"
        and not lex.is_name(base)
        and t.lows[s] not in proper_nouns()  # "Dublin", "Toronto": no dictionary writes them in lower case
        and title_case_word(base)
        and not (s + 1 < t.n and t.gaps[s + 1] == ", " and t.caps[s + 1])
    )


def _word_before_number(t: NameText, s: int) -> bool:
    """Is token s a very common English word with a number right after it ("on Day 1",
    "Week 3", "Band 5")?  A name or a town is seldom numbered; a step, a day, a size is."""
    end = t.cols.end(s)
    return (
        t.text[end : end + 1] == " "
        and t.text[end + 1 : end + 2].isdigit()
        and t.lows[s] in t.lex.very_common_lower
    )


def _typed(t: NameText, s: int, e: int, has_facility: bool) -> None:
    """The finding for tokens s..e-1, which name something."""
    lex, lows, bases, words = t.lex, t.lows, t.bases, t.words
    count = e - s
    if count == 1 and lows[s] in lex.regions_lower:
        return
    co = 0
    if count > 1 and "co" in lows[s + 1 : e]:
        co = next((k for k in range(s + 1, e) if lows[k] == "co" and county_at(t.text, t.cols.start(k))), 0)
    if co:
        # "Caherduff, Neale, Co. Mayo": an address's places, then its county (found on its own)
        t.out.append(Finding("LOCATION", t.cols.start(s), t.cols.end(co - 1), 0.8, "before-county"))
        return
    prev = lows[s - 1] if s >= 1 else None
    prev2 = lows[s - 2] if s >= 2 else None
    # A person's span stops before a possessive ("[name]'s"); a brand keeps it.
    start, end = t.cols.start(s), t.cols.end(e - 1)
    last = lows[e - 1]
    suffix = cues.COMPANY_SUFFIX.match(t.text, end)
    if suffix:
        t.out.append(Finding("FACILITY", start, suffix.end(), 0.8, "company-suffix"))
        return
    if has_facility or last in vocab.FACILITY_HEADS and count > 1:
        if not department(t, s, e) and not kind_of_school(t, s, e) and not kind_of_activity(t, s, e):
            t.out.append(Finding("FACILITY", start, end, 0.8, "facility-head"))
        return
    if (count > 1 and (last in street_words.STREET_HEADS or last in street_words.STREET_WORDS_AFTER)) or (
        last.endswith(street_words.STREET_ENDINGS) and not lex.is_name(bases[e - 1])  # not "Katie"
    ):
        t.out.append(Finding("LOCATION", start, end, 0.8, "street"))
        return
    full = " ".join(bases[s:e])
    is_city = full in lex.cities or (count == 1 and words[s] in lex.cities)
    named = [k for k in range(s, e) if lows[k] not in vocab.PLACE_PREFIXES or count == 1]
    is_name = any(lex.is_name(bases[k]) or (t.known(k) and bases[k] not in lex.cities) for k in named)
    placey = (count > 1 and lows[s] in vocab.PLACE_PREFIXES) or last.endswith(cues.PLACE_ENDINGS)
    if (
        prev is not None
        and prev in cues.FACILITY_PREV
        and prev2 is not None
        and prev2 in cues.WORK_WORDS
        and not is_city
    ):
        t.out.append(Finding("FACILITY", start, end, 0.7, "employer-cue"))
        return
    locative = prev is not None and (
        prev in vocab.LOCATIVE or (prev == "to" and prev2 is not None and prev2 in vocab.MOTION)
    )
    # "a nurse at Guy's", "at St Mary's" name a place; "at Sarah's house" a person's
    at_owner = (
        (prev == "at" or (prev == "the" and prev2 in _OWNER_PLACE_CUES))
        and words[e - 1].endswith(("'s", "’s"))
        and (e >= t.n or lows[e] in vocab.FUNCTION or t.gaps[e].strip() != "")
    )
    if locative and count == 1 and prev in _WORD_CUES and _everyday_place_word(t, s):
        return  # "Repaired in Theatre", "went to Zumba", "a girl in Form Two": a word, capitalised
    if (locative or at_owner) and (is_city or placey or not is_name or at_owner):
        kind = "FACILITY" if (prev == "at" or at_owner) and not is_city else "LOCATION"
        t.out.append(Finding(kind, start, end, 0.7, "locative-cue"))
        return
    if prev == "the" and prev2 in _OWNER_PLACE_CUES and not is_city:
        # "went to the Royal", "born at the Mater", "in the Rotunda": a place; a person
        # is not "to the" anyone (the words the name lists share, "Royal", "Heath", too)
        if not (count == 1 and (last in vocab.KINDS_OF_PLACE or _doing_or_body(t, s))):  # "in the Bathroom"
            t.out.append(Finding("FACILITY", start, end, 0.6, "the-place"))
        return
    if count == 1 and _word_before_number(t, s):
        return  # "on Day 1", "Week 3", "Level 2": a word that counts, not a name
    if is_name:
        t.emit_person(s, e, 0.8, "name-gazetteer")
        return
    if is_city:
        if not (count == 1 and lows[s] in lex.very_common_lower and _word_before_town(t, s)):
            t.out.append(Finding("LOCATION", start, end, 0.7, "city-gazetteer"))
        return
    if germanic.capital_only(t.language, words[s], prev) and all(
            "," in t.gaps[k] and germanic.capital_only(t.language, words[k], None) for k in range(s + 1, e)):
        return  # "Hebamme", "Untersuchung, Hustentest": a German noun's capital says nothing
    t.out.append(Finding("PERSON", start, t.cols.start(e - 1) + len(t.bases[e - 1]), 0.5, "proper-noun"))
