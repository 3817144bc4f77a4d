"""Names a capital letter cannot reveal, found by the words before them.

After a title ("Dr Young", "nurse kelly"), a relation ("my husband dave", "my
physio, Anna"), a naming verb ("named Grace", "I'm Hope"), or in "Will and I".
A strong cue makes a lowercase word a name when the name lists know it and it
is no everyday word, or when no word list knows it at all ("my flatmate
tash"); a weak cue ("with", "told") only when it is a strong name.  The name
then runs on over capitalised words and, when written in lowercase, over
lowercase words that are unambiguous names ("sarah jones").
"""

from __future__ import annotations

from . import cues, germanic, vocab
from .everyday_extra import DIALECT, KINSHIP
from .lexicon import (
    Lexicon,
    english_words,
    inflects,
    lowercase_word,
    word_names,
)
from .name_given import (
    NAMES,
    answers_name_question,
    capitals_after,
    doctor_lowercase,
    named_capital,
    named_lowercase,
    unlisted_after,
)
from .name_initials import (
    anything_but,
    initial_after_relation,
    initial_with_stop,
    initials_after_naming,
    letters_after_naming,
    next_initial,
)
from .name_words import NameText, gap_is_space, undictionary_word
from .tokens import word_class

# Titles that cue a name even in lowercase ("dr okafor", "aunty rose", "uncle femi").
_SHORT_TITLES = frozenset(
    {"dr", "mr", "mrs", "ms", "prof", "aunty", "auntie", "uncle", "kuya", "tita", "tito"}
)
_AND = frozenset({"and", "&"})
_ME_AND = frozenset({"and", "n", "an", "&"})
# Words right before a region's name that make it a person's: "our daughter India", "Dr Georgia".
_REGION_NAME_CUES = cues.RELATIONS | cues.NAMING | vocab.TITLES
_CUE_PREV = word_class(cues.CUE_PREV)
_PAIR_NEXT = word_class(cues.PAIR_NEXT)
_APPOSITION_CLASS = word_class(frozenset({"my", "our", "her", "his"}))
_THERE_CLASS = word_class(frozenset({"there", "here"}))
_NAME_CLASS = word_class(frozenset({"name", "names", "surname", "signature"}))


def _word_not_name(t: NameText, i: int) -> bool:
    """Is token i an English word (Zipf >= 3) that no first-name or town list knows?"""
    base = t.bases[i]
    return base.casefold() in english_words() and base not in t.lex.first and base not in t.lex.cities


_PLACE_PREPOSITIONS = frozenset({"at", "in", "from", "to"})
# Before "X and I", these make X a thing or a time: "the next spring and I", "that summer and I".
_DETERMINERS = frozenset({"a", "an", "next", "last", "this", "that", "every", "each"})


_DOT_TITLES = vocab.words("dr mr mrs ms mx prof rev sr st dra sra srta mme dott")


def _sentence_end(gap: str) -> bool:
    """Does the gap between two tokens close a sentence ("." "!" "?" before a space)?"""
    return not _SENTENCE_MARKS.isdisjoint(gap)


_SENTENCE_MARKS = frozenset(".!?")


def cue_strength(t: NameText, i: int) -> int:
    """0: no cue, 1: weak cue (lowercase needs strong name), 2: strong cue."""
    lows, gaps = t.lows, t.gaps
    n = t.n
    p1 = lows[i - 1] if i >= 1 else None
    p2 = lows[i - 2] if i >= 2 else None
    p3 = lows[i - 3] if i >= 3 else None
    gap = gaps[i]
    titled = p1 in vocab.TITLES and (
        not _sentence_end(gap) or p1 in _DOT_TITLES
    )  # "Dr. Okafor", not "Midwife. Band"
    # a cue before a word does not reach past a sentence's end: "with my husband. Sharp pain"
    if p1 is not None and "\n" not in gap and len(gap) <= 4 and (titled or not _sentence_end(gap)):
        if titled and (t.caps[i - 1] or t.caps[i] or p1 in _SHORT_TITLES):
            return 2
        if (
            p1 in cues.RELATIONS
            and p2 is not None
            and not t.words[i - 1].endswith(("'s", "’s"))  # "my husband's patience": his, not him
            and (t.caps[i] or p1 not in cues.ROMANCE_RELATIONS)  # "ma sœur quand": a name has a capital
            and (
                p2 in cues.POSSESSIVES
                or (p2 in cues.REL_ADJ and p3 in cues.POSSESSIVES)
                or t.words[i - 2].endswith(("'s", "’s"))  # "jo's sister sunny"
            )
        ):
            return 2
        if _germanic_cue(t, i, p1, p2):
            return 2  # "mein Mann Joop", "mijn zus Ineke", "Ich bin Steffi"
        if _married_to(t, i):
            return 2  # "married to Sunday for nineteen years"
        if p1 in cues.NAMING or (p2 is not None and (p2, p1) in cues.NAMING_PAIRS):
            return 2
        if p1 in cues.RELATIONS and gap.strip() == "(":
            return 2  # "Husband (Marc-Antoine) was sweet about it"
        if _me_and_before(lows, i):  # "me and dave", "me n tash"
            return 2
    if (
        i + 2 < n
        and lows[i + 1] in _AND
        and lows[i + 2] in cues.PAIR_NEXT
        and gaps[i + 1] == " "
        and (t.sents[i] or (p1 not in _PLACE_PREPOSITIONS and p1 not in _DETERMINERS))
    ):
        return 2  # "Will and I", not "..., and I had" (a comma joins clauses) nor "at uni and i"
    if i + 2 < n and lows[i + 2] in cues.PAIR_NEXT and gaps[i + 1].strip() == "&":
        return 2
    if _relation_after(t, i) or _after_relation_comma(t, i):
        return 2
    if p1 is not None and p1 in cues.WEAK_PREV:
        return 1
    return 0


def _germanic_cue(t: NameText, i: int, p1: str, p2: str | None) -> bool:
    """Is capitalised token i named by a German or Dutch cue: a relation after a possessive
    ("mein Mann Joop", "mijn zus Ineke"), or "ich bin" / "ik ben" before a word that is
    none of the language's ("Ich bin Steffi", not "Ich bin Krankenschwester")?"""
    if not t.caps[i] or p2 is None:
        return False
    if p1 in cues.GERMANIC_RELATIONS and p2 in cues.GERMANIC_POSSESSIVES:
        return True
    naming = (p2, p1) in cues.GERMANIC_NAMING_PAIRS
    return naming and not t.plain(i) and not germanic.noun(t.language, t.lows[i])


def _after_relation_comma(t: NameText, i: int) -> bool:
    """Is token i between commas right after a relation or a role ("the physio there,
    isla, absolute legend", "my sister, jo, came")?"""
    lows, gaps = t.lows, t.gaps
    if i < 1 or gaps[i] != ", " or i + 1 >= t.n or not gaps[i + 1].startswith(","):
        return False
    k = i - 1 if lows[i - 1] not in ("there", "here") else i - 2
    if k >= 1 and lows[k - 1] in _APPOSITION and lows[k] not in vocab.FUNCTION:
        return True  # "Our drummer, Mags, who...": whoever is "our drummer" is named next
    return k >= 0 and lows[k] in cues.RELATIONS


_APPOSITION = frozenset({"my", "our", "her", "his"})


def _relation_word(t: NameText, i: int) -> bool:
    """Is capitalised token i right after a relation, or between commas after one ("my
    husband Aman in December", "her husband, Aman, had"), a word but no very common one?
    The proper-noun rule drops such words."""
    return (
        i >= 2
        and t.lows[i - 1] in cues.RELATIONS
        and t.lows[i - 2] in cues.POSSESSIVES
        and (t.gaps[i] == " " or _after_relation_comma(t, i))
        and not t.words[i - 1].isupper()  # (shouting: "ME MOTHER SEH")
        and t.lows[i] not in t.lex.very_common_lower
        and t.lows[i] not in vocab.FUNCTION
        and t.lows[i] not in KINSHIP
        and t.lows[i] not in DIALECT  # ("ME MOTHER SEH", recased)
        and not t.lows[i].endswith(_ROLE_ENDINGS)  # "The Consultant Urogynaecologist"
    )


_ROLE_ENDINGS = ("ist", "ian", "ologist")


def _relation_after(t: NameText, i: int) -> bool:
    """Is token i followed by ", my physio" or ", our neighbour" ("Sunny, my physio, is...")?"""
    lows, gaps = t.lows, t.gaps
    return (
        i + 2 < t.n
        and gaps[i + 1] == ", "
        and lows[i + 1] in _APPOSITION
        and gaps[i + 2] == " "
        and lows[i + 2] in cues.RELATIONS
    )


def _middle_initial(t: NameText, j: int) -> bool:
    """Is token j a capital initial with its full stop, a capitalised word that is no
    function word right after it ("Jordan M. White")?"""
    return initial_with_stop(t, j) and t.caps[j + 1] and t.lows[j + 1] not in vocab.FUNCTION


def _extend(t: NameText, i: int) -> int:
    """Index one past the last token of a name starting at token i.

    A name written in lowercase ("sarah jones", "tom o'brien") goes on
    over lowercase words that are unambiguous names, so redacting it
    never leaves the surname behind.
    """
    n, gaps, caps, words, lows = t.n, t.gaps, t.caps, t.words, t.lows
    lower = not caps[i]
    j = i + 1
    while j < n and gap_is_space(gaps[j]):
        if words[j - 1].endswith(("'s", "’s")):
            break
        if caps[j] and not t.plain(j):
            j += 1
            continue
        if _middle_initial(t, j):
            j += 2  # "my consultant, Jordan M. White": the initial and the surname after it
            continue
        if lower and not caps[j] and words[j] == t.bases[j] and t.lex.strong_name(words[j]):
            j += 1
            continue
        if lows[j] in vocab.PARTICLES and j + 1 < n and caps[j + 1] and gap_is_space(gaps[j + 1]):
            j += 1
            continue
        break
    return j


def _married_to(t: NameText, i: int) -> bool:
    """Is token i right after "married to"?"""
    return i >= 2 and t.lows[i - 1] == "to" and t.lows[i - 2] == "married"


def _me_and_before(lows: list[str], i: int) -> bool:
    """Is token i paired with the writer before it: "me and izzy", "me n tash"?"""
    return i >= 2 and lows[i - 1] in _ME_AND and lows[i - 2] == "me"


def _and_i_after(t: NameText, i: int) -> bool:
    """Is token i paired with the writer after it: "izzy and I" (not "a nerd and I", "the
    catheter and I", "nothing and terrifying and I")?"""
    lows = t.lows
    after = i + 2 < t.n and lows[i + 1] in _AND and lows[i + 2] in cues.PAIR_NEXT
    return after and (i == 0 or lows[i - 1] not in _NOT_BEFORE_PAIRED)


def _paired(t: NameText, i: int) -> bool:
    """Is token i paired with the writer: "me and izzy", "izzy and I"?"""
    return _me_and_before(t.lows, i) or _and_i_after(t, i)


def _word_before_and_i(t: NameText, i: int) -> bool:
    """Is lowercase token i, paired with the writer after it ("getting sad and I felt"),
    a word the dictionary writes only in lowercase?  Not before it: "me n kai" is a name."""
    low = t.lows[i]
    return (
        not _me_and_before(t.lows, i)
        and _and_i_after(t, i)
        and lowercase_word(low)
        and low not in word_names()
    )


_NOT_BEFORE_PAIRED = frozenset(
    {"a", "an", "the", "her", "his", "my", "your", "their", "our", "this", "that", "and"}
)


def _lowercase_may_name(t: NameText, i: int) -> bool:
    """Can a cue make lowercase token i a name?  Depends on its word only."""
    lex, low = t.lex, t.lows[i]
    return (
        low in lex.names_lower
        or (low not in lex.ordinary_lower and t.unknown_word(i))
        or undictionary_word(low)
        or low in vocab.PARTICLES
        or (not low.isascii() and t.bases[i].casefold() in lex.names_lower)  # "ſ" folds to "s"
    )


# What a cue can make of a lowercase word, judged once per word (base) for a lexicon.
_MAY_NAME_WORD = 0  # `_lowercase_may_name`: a cue may make it a name
_PAIRED_ONLY = 1  # only when paired with the writer ("me and izzy"), see `_paired`
_NEVER_NAME = 2  # nothing makes it a name: most candidates ("with the", "and my")
_MAY_NAME: dict[int, tuple[Lexicon, dict[str, int]]] = {}
_MAY_NAME_MAX = 50_000


def _may_name_cache(lex: Lexicon) -> dict[str, int]:
    """`_lowercase_verdict` per word (base) for this lexicon: most cue
    candidates ("with the", "and my") are everyday words, judged once."""
    hit = _MAY_NAME.get(id(lex))
    if hit is None or hit[0] is not lex or len(hit[1]) > _MAY_NAME_MAX:
        _MAY_NAME.clear()
        hit = _MAY_NAME[id(lex)] = (lex, {})
    return hit[1]


def _lowercase_verdict(t: NameText, i: int) -> int:
    """`_MAY_NAME_WORD`, `_PAIRED_ONLY` or `_NEVER_NAME` for lowercase token i: a
    function of its word alone (`_lowercase_may_name`, `NameText.rare_name_like`)."""
    if _lowercase_may_name(t, i):
        return _MAY_NAME_WORD
    return _PAIRED_ONLY if t.rare_name_like(t.lows[i]) else _NEVER_NAME


# After these a first name is a name even when it is a word too ("a physio called hope").
_CALLED = frozenset({"called", "named"})


def find_cue_names(t: NameText) -> None:
    """PERSON findings (into `t.out`) for names right after a cue."""
    lex = t.lex
    lows, caps, sents, bases = t.lows, t.caps, t.sents, t.bases
    n = t.n
    # Only tokens right after a cue word or two before "I"/"me" can be
    # cue names: find those indexes with C-level passes over the words.
    cands = {k + 1 for k in t.cols.marked(_CUE_PREV, 0, n - 1)}
    cands.update(k - 2 for k in t.cols.marked(_PAIR_NEXT, 2, n))
    cands.update(k - 1 for k in t.cols.marked(_APPOSITION_CLASS, 1, n))
    cands.update(k + 1 for k in t.cols.marked(_THERE_CLASS, 1, n - 1))  # "the physio there, isla,"
    if "anything but" in t.text:  # "called me anything but MC"
        cands.update(k + 1 for k in range(1, n - 1) if anything_but(t, k))
    name_words = list(t.cols.marked(_NAME_CLASS, 0, n - 1))
    name_spots = {k + step for k in name_words for step in (1, 2)}  # after "name's", "name is"
    cands.update(k + 1 for k in name_words if t.words[k].lower() in NAMES)
    for k in name_words:
        if answers_name_question(t, k + 1):
            t.emit_person(k + 1, capitals_after(t, k + 1), 0.7, "name-cue")  # "Your name? Jildau S Bouts"
    may_name = _may_name_cache(lex)
    i = 0
    for c in sorted(cands):
        if c < i:
            continue  # inside a name already emitted
        i = c
        cap = caps[i]
        if not cap:
            verdict = may_name.get(bases[i])
            if verdict is None:
                verdict = may_name[bases[i]] = _lowercase_verdict(t, i)
            if doctor_lowercase(t, i):
                # "saw dr pengelly on fri": a surname; "dr mariam el-sayed": a name's rest too
                t.emit_person(i, unlisted_after(t, i), 0.7, "title")
                continue
            if i in name_spots and named_lowercase(t, i):
                t.emit_person(i, unlisted_after(t, i), 0.7, "name-cue")  # "my name is borna jerković"
                continue
            if i and t.lows[i - 1] in _CALLED and t.lows[i] in lex.first_lower and t.gaps[i] == " " and (
                i + 1 >= n or t.gaps[i + 1].strip() or lows[i + 1] in vocab.FUNCTION
            ):
                t.emit_person(i, i + 1, 0.6, "name-cue")  # "the physio was called hope"
                continue
            if verdict == _NEVER_NAME or (verdict == _PAIRED_ONLY and not _paired(t, i)):
                continue  # no cue can make this word a name (see `NameText.name_like`)
        if len(t.words[i]) == 1 and initial_after_relation(t, i):
            t.emit_person(i, i + 1, 0.7, "name-cue")  # "my friend J. from water aerobics"
            continue
        if letters_after_naming(t, i):
            t.emit_person(i, i + 1, 0.7, "name-cue")  # "everybody calls me CJ"
            continue
        if len(t.words[i]) == 1 and initials_after_naming(t, i):
            j = i + 2 if next_initial(t, i) else i + 1
            t.emit_person(i, j, 0.7, "name-cue")  # "my friends call me K.B."
            continue
        region = cap and not sents[i] and t.cue_word(i)
        me_and = i >= 2 and lows[i - 1] == "and" and lows[i - 2] == "me"  # "me and Dec are grand"
        region_cued = lows[i - 1] in _REGION_NAME_CUES or me_and or _married_to(t, i)
        named = i in name_spots and named_capital(t, i) or _relation_word(t, i)
        named = named and cap and not sents[i]
        if named and t.plain(i):  # (the proper-noun rule drops a plain word; it reads the others)
            t.emit_person(i, capitals_after(t, i), 0.8, "name-cue")  # "My name is Mere, I'm 37"
            continue
        if cap and not sents[i] and not (region and region_cued):
            continue  # the proper-noun rule will see it (it drops regions: "my daughter India" not)
        low = lows[i]
        cue = cue_strength(t, i)
        ok = False
        if cue == 2:
            ok = t.name_like(i, True) or (low in vocab.PARTICLES and i + 1 < n and caps[i + 1])
            ok = ok or (not cap and _paired(t, i) and t.rare_name_like(low))
            if ok and cap and sents[i] and _word_not_name(t, i):
                ok = False  # "Pain and me.": an English word opening a sentence, as in capitals
            if ok and not cap and _word_before_and_i(t, i):
                ok = False  # "getting sad and I felt": a word, not "tash and I"
        elif cue == 1:  # "told dave", not "to kick in", "to hug me", "with constant"
            ok = not cap and lex.strong_name(bases[i]) and not inflects(low)
            ok = ok and (low in lex.first_lower or not lowercase_word(low))  # "to grit your teeth"
        if ok:
            j = _extend(t, i)
            t.emit_person(i, j, 0.8 if cue == 2 else 0.6, "name-cue")
            i = j
