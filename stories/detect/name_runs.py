"""Runs of capitalised words: the proper-noun rule's candidates.

In a first-person story almost every capitalised word that does not start a
sentence is a proper noun.  A run is a sequence of capitalised words joined
by spaces, "&", "and", hyphens or a comma before a capital ("Smith, Jones and
Partners"), with particles inside it ("van den Berg", "Newcastle upon
Tyne") and a middle initial before a surname ("Peter T. Pacik").  Each run is
handed to `name_kinds.classify`, which drops ordinary words and types the rest.
"""

from __future__ import annotations

from itertools import compress

from . import cues, vocab
from .name_kinds import classify
from .name_phrases import group_named
from .name_words import NameText, gap_is_space
from .tokens import word_class

_PARTICLE_CLASS = word_class(vocab.PARTICLES)
_I_CLASS = word_class({"i"})
_OPENER_CLASS = word_class(vocab.FUNCTION - vocab.TITLES)
_DOT_TITLES = frozenset({"st", "dr", "mt", "ft", "mr", "mrs", "ms", "prof", "jr"})
_JOINING_GAPS = frozenset({" & ", " and ", "-", ", "})
# Particles that are also articles or prepositions in running Spanish, French, Italian
# text: they join a name ("María de la Cruz") but do not start one.
_ARTICLES = frozenset({"de", "del", "el", "la", "le", "da", "di", "du", "al", "y", "della", "das", "dos"})


def _joinable(prev_low: str, gap: str, cap: bool, sent_start: bool, low: str = "") -> bool:
    """May a token (`gap`, `cap`, `sent_start`, lowercase `low`) continue a capitalized
    run whose last token is `prev_low`?  Not after a comma when it is a function word
    ("G'day, I'm Shaz" is a greeting, then a name)."""
    if gap_is_space(gap) or gap in _JOINING_GAPS:
        return gap not in (" and ", ", ") or (cap and not sent_start and low not in vocab.FUNCTION)
    return gap.startswith(".") and gap.strip(" .") == "" and "\n" not in gap and prev_low in _DOT_TITLES


def _after_initial(t: NameText, j: int) -> bool:
    """Is token j a surname after a middle initial ("Margaret A. Tolley", "Peter T. Pacik"),
    or after a first initial that starts the name ("M. Pritchard", a surname the list knows)?"""
    k = j - 1
    word = t.words[k]
    if (
        len(word) == 1
        and word != "I"
        and word.isupper()
        and t.gaps[j] == ". "
        and (k == 0 or not t.caps[k - 1] or "\n" in t.gaps[k])
        and t.bases[j] in t.lex.last
        and t.lows[j] not in vocab.FUNCTION
        and not t.very_common(t.bases[j])
    ):
        return True
    return (
        len(word) == 1
        and (word != "I" or (k >= 1 and t.bases[k - 1] in t.lex.first))  # "Hanne I. Kreutzmann"
        and word.isupper()
        and t.gaps[j] == ". "
        and k >= 1
        and t.caps[k - 1]
        and len(t.words[k - 1]) > 1
        and (t.gaps[k] == " " or (t.gaps[k] == ". " and t.lows[k - 1] in _DOT_TITLES))  # "Dr. A. Mensah"
        and t.lows[j] not in vocab.FUNCTION
        and (not t.very_common(t.bases[j]) or _first_and_last(t, k - 1, j))
    )


def _first_and_last(t: NameText, first: int, last: int) -> bool:
    """Are tokens `first` and `last` (an initial between them) a first name and a surname
    the lists know, the surname a common word too ("Meredith O. Tan", "Jordan M. White")?"""
    return t.bases[first] in t.lex.first and t.lex.is_name(t.bases[last])


def _past_head_of(t: NameText, j: int) -> int:
    """One past the capitalised words after "of" (or "of the") that follows a facility's
    head ending a run at j ("University of Michigan", "Church of the Three Patrons"), or j."""
    lows, caps = t.lows, t.caps
    if not (0 < j < t.n - 1 and lows[j] == "of" and lows[j - 1] in vocab.FACILITY_HEADS):
        return j
    k = j + 2 if lows[j + 1] == "the" and j + 2 < t.n else j + 1
    if not all(gap_is_space(t.gaps[m]) for m in range(j, k + 1)) or not caps[k] or k in t.taken:
        return j
    k += 1
    while k < t.n and caps[k] and gap_is_space(t.gaps[k]) and lows[k] not in vocab.FUNCTION:
        if k in t.taken:
            break
        k += 1
    return k


def _plain_alone(t: NameText, i: int) -> bool:
    """Is token i, a run of its own, "I" or a function word opening a sentence?  Then
    `classify` would drop it at once (`name_ordinary.ordinary_run`); most runs are these."""
    return t.words[i] == "I" or (t.sents[i] and t.lows[i] in vocab.FUNCTION and t.lows[i] not in vocab.TITLES)


# Modals that are also names, and the verbs that can follow a name but never a modal.
_MODAL_NAMES = frozenset({"will", "may"})
_AFTER_A_NAME = vocab.words("has had was is said told cried came drove asked hugged")


def _modal_name(t: NameText, i: int) -> bool:
    """Is capitalised "Will" or "May" at token i a name, as a finite verb follows it
    ("Will has been a rock", "May said no") where the modal would need a bare verb?"""
    return (
        t.lows[i] in _MODAL_NAMES
        and t.caps[i]
        and i + 1 < t.n
        and t.lows[i + 1] in _AFTER_A_NAME
        and gap_is_space(t.gaps[i + 1])
    )


def _ordinary_alone(t: NameText, i: int) -> bool:
    """Is token i, a run of its own, a title, a function word opening a sentence or a plain
    word, and no group's name?  The first test of `name_ordinary.ordinary_run`, which then
    drops it: asked here, the run costs no call of `classify`."""
    low = t.lows[i]
    ordinary = low in vocab.TITLES or (t.sents[i] and low in vocab.FUNCTION) or t.plain(i)
    return ordinary and not group_named(t, i)


def _run_starts(t: NameText) -> list[int]:
    """The capitalised tokens, less those `find_runs` would pass over at once: a lone
    "I" or a function word opening a sentence (`_plain_alone`) that no capital or
    particle follows, so that it is a run of one word ("I was", "The pain")."""
    caps, sents, n, lows = t.caps, t.sents, t.n, t.lows
    cols = t.cols
    me, opener, particle = cols.marks(_I_CLASS), cols.marks(_OPENER_CLASS), cols.marks(_PARTICLE_CLASS)
    last = n - 1
    return [
        k
        for k in compress(range(n), caps)
        if not ((me[k] or (opener[k] and sents[k])) and (k == last or not (caps[k + 1] or particle[k + 1])))
        or lows[k] in _MODAL_NAMES  # "Will has been a rock": see `_modal_name`
    ]


_WEEKDAYS = frozenset(vocab.WEEKDAYS)


def _german_bin(lows: list[str], k: int) -> bool:
    """Is token k German "bin" after "ich" ("Ich bin Steffi"), no particle ("bin Salleh")?"""
    return lows[k] == "bin" and k > 0 and lows[k - 1] == "ich"


def find_runs(t: NameText) -> None:
    """Classify every capitalised run not already inside a cue name."""
    n, lows, caps, sents, gaps, taken = t.n, t.lows, t.caps, t.sents, t.gaps, t.taken
    particles = vocab.PARTICLES
    # A run starts at a capitalized word or at a particle ("van den Berg").
    starts = _run_starts(t)
    if not particles.isdisjoint(t.cols.low_set()):  # a cheap test first: particles are rare
        starts = sorted({*starts, *t.cols.marked(_PARTICLE_CLASS)})
    i = 0
    for c in starts:
        if c < i or gaps[c].endswith("#"):
            continue  # (inside a run, or a hashtag: "#EndoWarrior" names a topic)
        i = c
        if not caps[i] and (lows[i] in _ARTICLES or _german_bin(lows, i)):
            continue  # "en el Hospital", "soy de Caballito": the name starts after the article
        if not caps[i] or i in taken:
            k = i
            while k < n and lows[k] in particles and not caps[k] and k - i < 3:
                k += 1
            if (
                i in taken
                or k == i
                or not (
                    k < n
                    and caps[k]
                    and gap_is_space(gaps[k])
                    and k not in taken
                    and lows[k] not in vocab.FUNCTION
                    and not t.noun_capitals_word(k)  # German "der Küche": an article, a noun
                )
            ):
                continue
        j = i + 1
        comma = False
        while j < n and j not in taken:
            if caps[j] and (_joinable(lows[j - 1], gaps[j], True, sents[j], lows[j]) or _after_initial(t, j)):
                comma = comma or gaps[j] == ", "
            elif not (
                lows[j] in particles and not caps[j] and j + 1 < n and caps[j + 1]
                and not _german_bin(lows, j)
            ) and not (
                comma and lows[j] in cues.FIRM_JOINERS and j + 1 < n and caps[j + 1]
            ):
                break
            j += 1
        j = _past_head_of(t, j)  # "University of Michigan", "Church of the Three Patrons"
        # allow particles inside a run: "van den Berg", "Newcastle upon Tyne"
        while j + 1 < n and lows[j] in particles and gap_is_space(gaps[j]) and not _german_bin(lows, j):
            k = j
            while k < n and lows[k] in particles and gap_is_space(gaps[k]):
                k += 1
            if k < n and caps[k] and gap_is_space(gaps[k]) and k not in taken:
                j = k + 1
                while (
                    j < n
                    and caps[j]
                    and j not in taken
                    and _joinable(lows[j - 1], gaps[j], True, sents[j], lows[j])
                ):
                    j += 1
            else:
                break
        while j > i + 1 and lows[j - 1] in _WEEKDAYS:
            j -= 1  # "East Coast Park Saturday morning": a place, then a day, which names nothing
        while j > i + 1 and t.leading_noun(i):
            i += 1  # "mein Mann Thomas", "Heute Anna": a German or Dutch word before the name
        if j == i + 1 and _modal_name(t, i):
            t.emit_person(i, j, 0.6, "name-gazetteer")  # "Will has been a rock."
        elif j > i + 1 or not (_plain_alone(t, i) or _ordinary_alone(t, i)):  # "I", "The", "My", "Botox"
            classify(t, i, j)
        i = j
