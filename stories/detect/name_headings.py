"""Title-case headings of everyday words: "Holidays Are Hard", "My Story:", "Lo Que Nadie
Me Dijo", "Mon Histoire Avec La Vulvodynie".

A line that is only a capitalised run (or a run before a colon) is a heading when every
word of it is an everyday word of English or of the story's language; in a heading that
reads as a phrase (it holds a function word) a very common word counts whatever a
surname or small-town list says.  A line that ends in a company's legal form or business
head ("Heartland Ag Supply Co.") is a signature's company, not a heading.
"""

from __future__ import annotations

from . import vocab
from .lexicon import english_form, language_words, lowercase_word, spanish_common_words
from .name_words import NameText


def ordinary_heading(t: NameText, i: int, j: int) -> bool:
    """Is the capitalised run i..j a heading of everyday words (see module docstring)?"""
    whole = _whole_line(t, i, j)
    if (not whole and not _title_case_line(t, i, j)) or ends_in_company(t, j):
        return False
    dear = t.lows[i] == "dear"  # "Dear Sister Akins,": any title after "Dear" is one
    title = next((k for k in range(i, j - 1)
                  if t.lows[k] in vocab.HONORIFICS or (dear and k > i and t.lows[k] in vocab.TITLES)), -1)
    after = range(title + 1, j)
    if title >= 0 and not any(lowercase_word(t.lows[k]) or t.lex.is_safe(t.bases[k]) for k in after):
        return False  # "Dear Dr Feldman,": a salutation, whatever word the surname is ("The Doctor Part")
    lex, bases, plain = t.lex, t.bases, t.plain
    phrase = _line_has_function_word(t, i, j)  # "My Story:", "How Long Did I Put Up With It?"
    titled = not whole or _title_case_line(t, i, j)  # (each run's line tested once at most)
    return all(
        plain(k)
        or lex.is_ordinary(bases[k], place_ok=True)
        or _heading_word(t, k)
        or (phrase and _common_heading_word(t, k))
        or (titled and _story_word(t, k))
        for k in range(i, j)
    )


def _story_word(t: NameText, k: int) -> bool:
    """Token k, in a line written in title case, is a word of the story's language other
    than English: an everyday word ("Quizás", "Imparato"), a first name only when the
    language writes it very often ("Tú", "Era"; not "María")."""
    low, lang = t.lows[k], t.language
    if lang == "en":
        return False
    if t.bases[k] in t.lex.first:
        return low in language_words(lang, _COMMON_NAME_WORD)
    return t.foreign_common_word(low) or low in language_words(lang)


#: A first name is a word of a title-case line when its language writes it this often ("Tú").
_COMMON_NAME_WORD = 4.5


# Languages whose everyday words are a heading's words whatever a name list says (Spanish
# ones are judged against the surname list below).
_WORD_LANGUAGES = frozenset({"fr", "pt"})


def _heading_word(t: NameText, k: int) -> bool:
    """Token k may be a heading's everyday word: English or Spanish of Zipf >= 3 that
    is no town, no first name unless very common, and (Spanish) no surname unless very
    common ("Lo Que Nadie Me Dijo", "My Story"; not "Soto del Barco")."""
    base = t.bases[k]
    lex = t.lex
    low = base.casefold()
    if low in spanish_common_words():
        return True  # "Lo", "Una" (Zipf >= 5.5 in Spanish) are words in a heading
    if base in lex.cities or base in lex.first:
        return False
    if english_form(low) or (t.language in _WORD_LANGUAGES and t.foreign_word(low)):
        return True  # "Mon Histoire Avec La Vulvodynie" in a French story
    # a Spanish word that is also a surname ("Soto") may be part of a town's name
    return low in lex.ordinary_lower and (not lex.is_name(base) or low in spanish_common_words())


def _whole_line(t: NameText, i: int, j: int) -> bool:
    """Is the run i..j a whole line (a heading), or a line's start before a colon?"""
    gaps = t.gaps
    starts_line = i == 0 or "\n" in gaps[i] or (i == 1 and not gaps[0].strip(" #*\t"))
    ends_line = j >= t.n or "\n" in gaps[j] or gaps[j].startswith(":")
    return starts_line and ends_line


#: A line written in title case has at least this many words, and after its first word this
#: many function words written with a capital ("Que", "De", "When"), which a signature's
#: name never holds ("Jesús Alberto Treviño Salinas", "Luis A. Paredes Ch.").
_TITLE_LINE_WORDS = 4
_TITLE_LINE_FUNCTION_WORDS = 2


def _title_case_line(t: NameText, i: int, j: int) -> bool:
    """Is run i..j part of a line of at least four words, every one of them capitalised,
    two of them function words: a heading with a remark in brackets or
    after a colon ("Lo Que Nadie Te Dice De La Diabetes (Post Largo, Perdón)")?"""
    caps, gaps = t.caps, t.gaps
    # (a word in lower case beside the run, as in any sentence: the cheap test first)
    if i > 0 and "\n" not in gaps[i] and not caps[i - 1]:
        return False
    if j < t.n and "\n" not in gaps[j] and not caps[j]:
        return False
    first, end = i, j
    while first > 0 and "\n" not in gaps[first]:
        first -= 1
    while end < t.n and "\n" not in gaps[end]:
        end += 1
    line = range(first, end)
    if len(line) < _TITLE_LINE_WORDS or not all(caps[k] for k in line):
        return False
    lows = t.lows
    function = sum(lows[k] in vocab.FUNCTION or t.foreign_common_word(lows[k]) for k in line[1:])
    return function >= _TITLE_LINE_FUNCTION_WORDS


def _line_has_function_word(t: NameText, i: int, j: int) -> bool:
    """Does the line holding run i..j hold a function word ("my", "how", "with")?"""
    gaps, lows = t.gaps, t.lows
    k = i
    while k > 0 and "\n" not in gaps[k]:
        k -= 1
        if lows[k] in vocab.FUNCTION:
            return True
    for k in range(i, t.n):
        if k > i and "\n" in gaps[k]:
            break
        if lows[k] in vocab.FUNCTION:
            return True
    return False


def _common_heading_word(t: NameText, k: int) -> bool:
    """Token k, in a heading that reads as a phrase, is a very common English word (Zipf >= 4)
    that is no first name and no large town, whatever a surname or small-town list says
    ("My Story:" though a town is called Story; not "Letter to Grace")."""
    base = t.bases[k]
    lex = t.lex
    return (
        base[1:].islower()
        and base.casefold() in lex.very_common_lower
        and base not in lex.first
        and base not in lex.large_towns
    )


def ends_in_company(t: NameText, j: int) -> bool:
    """Does the run ending at token j-1 end in a company's legal form or a business head
    ("Co.", "Ltd", "Inc", "Bank", "Clinic" with a name before it)?"""
    return t.lows[j - 1] in _COMPANY_ENDS


_COMPANY_ENDS = vocab.words("co ltd inc llc plc corp limited bank clinic surgery pharmacy solicitors")
