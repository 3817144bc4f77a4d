"""A patient's health insurer, named in the words around it.

A private insurer or a scheme is named like a firm, often with everyday words ("Sun
Life", "Discovery", "Southern Cross") or an acronym ("VHI", "OSDE") that no list holds
and that a capital alone would not make a name.  What gives it away is its part in the
story: it stands after the kind of scheme it is ("my medical aid, Discovery", "la
prepaga, OSDE", "pelo plano, a Unimed"), after "through" or "via" in a sentence about
cover ("We went private through VHI"), between "my" and what it sells ("my Humana plan"),
or it does what insurers do ("Tufts Health Plan
fought me on the PT visits", "Discovery first said it wasn't covered").  National
schemes (the NHS, Medicare, the HSE) are safe vocabulary and stay unflagged.
"""

from __future__ import annotations

from stories.findings import Finding

from . import vocab
from .name_words import NameText
from .tokens import word_class

# The kind of scheme right before its name ("my medical aid, Discovery", "obra social OSDE").
_SCHEMES = vocab.words(
    "insurance insurer insurers aid hmo prepaga prepagada aseguradora social plano plan mutuelle mutual "
    "isapre eps seguro fund scheme"
)
# Verbs of an insurer, within a few words after its name.
_INSURER_VERBS = vocab.words(
    """covered cover covers reimbursed reimburse approved approve denied deny declined refused paid
    pays fought authorised authorized authorise authorize autorizou autorizó cubría cubrió"""
)
# Words of cover that make "through X" an insurer ("went private through VHI").
_COVER_WORDS = vocab.words(
    "private privately insurance insurer cover covered coverage claim claims policy plan premium excess copay"
)
# Scheme words that are one only after another word: "obra social", "medical aid".
_AFTER_ONLY = {"social": "obra", "aid": "medical"}
_THROUGH = vocab.words("through via")
_ARTICLES = vocab.words("a the la el o")
_SCHEME_CLASS = word_class(_SCHEMES)
_VERB_CLASS = word_class(_INSURER_VERBS)
_THROUGH_CLASS = word_class(_THROUGH)
_MAX_WORDS = 5  # an insurer's name: "Tufts Health Plan", "Horizon Blue Cross Blue Shield"
_VERB_REACH = 5  # "Discovery first said it wasn't covered"
_COVER_REACH = 12  # tokens either side of "through"


def _run_end(t: NameText, i: int) -> int:
    """End of the run of capitalised words (or an acronym) starting at token i, or i."""
    j = i
    while j < t.n and j - i < _MAX_WORDS and t.caps[j] and (j == i or t.gaps[j] == " "):
        j += 1
    return j


def _named(t: NameText, i: int, cued: bool = True) -> bool:
    """Can token i start an insurer's name: capitalised, no function word or article, not
    safe, and (without a cue before it) not a very common English word alone ("Insurance
    fought us", "Work covered it"; "Sun Life", "VHI", "CareFirst" are names)?"""
    if i >= t.n or not t.caps[i] or t.lows[i] in vocab.FUNCTION or t.lows[i] in _ARTICLES:
        return False
    alone = _run_end(t, i) == i + 1
    if t.lex.is_safe(t.bases[i]) and (alone or not cued or t.lows[i] in t.lex.regions_lower):
        return False  # "Medicare", "Manitoba Blue Cross" (a province's); "through Southern Cross" is one
    return cued or not (alone and t.lows[i] in t.lex.very_common_lower)


def _emit(t: NameText, i: int, j: int) -> None:
    """A FACILITY finding over tokens i..j-1, unless one is taken or it is one first name
    ("Sarah paid": the name rules see her)."""
    if j - i == 1 and t.bases[i] in t.lex.first:
        return
    if j > i and not any(k in t.taken for k in range(i, j)):
        t.out.append(Finding("FACILITY", t.cols.start(i), t.cols.end(j - 1), 0.7, "insurer"))
        t.taken.update(range(i, j))


def _after_scheme(t: NameText) -> None:
    """"my medical aid, Discovery", "la prepaga, OSDE", "pelo plano, a Unimed"."""
    for k in t.cols.marked(_SCHEME_CLASS, 0, t.n - 1):
        if t.caps[k] or (t.lows[k] in _AFTER_ONLY and (k == 0 or t.lows[k - 1] != _AFTER_ONLY[t.lows[k]])):
            continue  # "Social Health Insights" is a name; "social" only in "obra social"
        i = k + 1
        if "\n" in t.gaps[i] or t.gaps[i].strip() not in ("", ",", ":", "("):
            continue
        if t.lows[i] in _ARTICLES and i + 1 < t.n and t.gaps[i + 1] == " ":
            i += 1
        if _named(t, i):
            _emit(t, i, _run_end(t, i))


def _before_verb(t: NameText) -> None:
    """"Tufts Health Plan fought me", "Discovery first said it wasn't covered": a run that
    opens its sentence, a few words before an insurer's verb."""
    for v in t.cols.marked(_VERB_CLASS, 1):
        i = next((k for k in range(v - 1, max(-1, v - _VERB_REACH - 1), -1) if t.sents[k]), -1)
        if i >= 0 and _named(t, i, cued=False):
            _emit(t, i, min(_run_end(t, i), v))


def _through(t: NameText) -> None:
    """"We went private through VHI", "My work plan through Sun Life": after "through" or
    "via", in a sentence about cover."""
    low_set = t.cols.low_set()
    if _COVER_WORDS.isdisjoint(low_set):
        return
    for k in t.cols.marked(_THROUGH_CLASS, 0, t.n - 1):
        i = k + 1
        if t.gaps[i] != " " or not _named(t, i):
            continue
        near = t.lows[max(0, k - _COVER_REACH) : i + _COVER_REACH]
        if not _COVER_WORDS.isdisjoint(near):
            _emit(t, i, _run_end(t, i))


# Words for what an insurer sells, after its name ("my Humana plan", "my Great Eastern rider").
_PRODUCTS = vocab.words("plan policy cover coverage rider insurance scheme membership helpline")
_PRODUCT_CLASS = word_class(_PRODUCTS)
# What the cover is for, in lower case between the insurer and the product ("my Jubilee health policy").
_COVER_KINDS = vocab.words("health medical dental life travel family")
_OWNERS = vocab.words("my our his her their")


def _before_product(t: NameText) -> None:
    """"under my Humana plan", "from my Great Eastern rider": after "my", before what it sells."""
    for k in t.cols.marked(_PRODUCT_CLASS, 2):
        if t.caps[k] or t.gaps[k] != " ":
            continue
        i = next((m for m in range(k - 1, max(0, k - _MAX_WORDS - 1), -1) if t.lows[m - 1] in _OWNERS), 0)
        if not i or (k - i == 1 and t.lows[i] in t.lex.very_common_lower):
            continue  # "my Health plan"
        end = k
        while end - 1 > i and not t.caps[end - 1] and t.lows[end - 1] in _COVER_KINDS:
            end -= 1
        if all(t.caps[m] for m in range(i, end)) and _named(t, i) and _run_end(t, i) >= end:
            _emit(t, i, end)


def find_insurers(t: NameText) -> None:
    """FACILITY findings (into `t.out`) for insurers named as the module docstring says."""
    _after_scheme(t)
    _before_product(t)
    _before_verb(t)
    _through(t)
