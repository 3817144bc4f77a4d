"""A person named by initials.

"my friend J. from water aerobics", "my friends call me K.B.", "a midwife called J.": a
capital letter with its full stop, after a relation with a possessive or after a naming
word, is someone's initial, not the pronoun or an abbreviation (`name_cues` asks these).

Two to four capitals each with its full stop ("A.M.R.", "M. P. L.", "— P.J., 72, Oranmore",
"sign it G.W.") are a person's initials wherever they stand (`find_dotted_initials`), unless they
are one of the abbreviations written that way (`_DOTTED_WORDS`: "P.S.", "U.S.", "A.M.",
"E.D.", "S.A.").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stories.findings import Finding

from . import cues, vocab
from .chart_words import ABBREVIATIONS
from .lexicon import lowercase_word
from .name_words import NameText

# Abbreviations written as dotted capitals, in the stories' languages: a postscript, a
# country, a time of day, an era, a degree or job, a condition, a company's form.
_DOTTED_WORDS = frozenset(
    w.replace(".", "")
    for w in vocab.words(
        """p.s. p.p.s. n.b. u.s. u.k. u.n. e.u. u.s.a. a.m. p.m. a.d. b.c. d.c. c.c. b.a. m.a.
        b.s. m.s. m.d. r.n. j.d. d.o. p.t. o.t. e.r. i.v. o.b. g.p. r.i.p. v.a. a.a. i.c. d.r.
        e.d. b.p. p.o. q.c. u.t.i. s.t.i. s.t.d. h.r.t. i.u.d. d.v.t. p.c.o.s. b.v. o.k. t.v.
        s.a. s.l. c.v. d.f. s.s. s.v.p. r.d.v. l.a. n.y. d.j. p.r. h.r. i.d. a.k.a. r.s.v.p.
        e.g. i.e. w.i. g.b. s.p.a. b.v.m. c.a. s.r.l. e.t. m.p. a.c. p.d. n.l. t.c."""
    )
)
DOTTED_INITIALS_RE = re.compile(r"[A-Z]\.(?: ?[A-Z]\.){1,3}(?![\w.])")  # "A.M.R.", "M. P. L."


def find_dotted_initials(text: str) -> Iterator[Finding]:
    """PERSON findings for dotted initials that are no abbreviation ("A.M.R.", "P.J.")."""
    if "." not in text:
        return
    for m in DOTTED_INITIALS_RE.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "."):
            continue  # the end of a longer dotted run or word ("Ph.D.", "EE.UU.")
        if m.group().replace(".", "").replace(" ", "").lower() not in _DOTTED_WORDS:
            yield Finding("PERSON", start, m.end(), 0.6, "dotted-initials")

_CALL = frozenset({"call", "calls", "called"})


def initials_after_naming(t: NameText, i: int) -> bool:
    """Is token i a capital initial with its full stop after "call me", "called" or "named"
    ("my friends call me K.B.", "a midwife called J.")?"""
    word, lows = t.words[i], t.lows
    if len(word) != 1 or not word.isupper() or word == "I" or i < 1:
        return False
    if i + 1 >= t.n or not t.gaps[i + 1].startswith("."):
        return False
    return lows[i - 1] in ("called", "named") or (i >= 2 and lows[i - 1] == "me" and lows[i - 2] in _CALL)


def letters_after_naming(t: NameText, i: int) -> bool:
    """Is token i two or three capital letters the writer is called ("everybody calls me
    CJ", "nobody has called me anything but MC"), no word or shorthand ("call me OK", "ED")?"""
    word, low = t.words[i], t.lows[i]
    if not (2 <= len(word) <= 3 and word.isalpha() and word.isupper()) or i < 2:
        return False
    if low in ABBREVIATIONS or lowercase_word(low) or t.lex.is_safe(word):
        return False
    k = i - 1
    if k >= 3 and anything_but(t, k):
        k -= 2
    return t.lows[k] == "me" and t.lows[k - 1] in _CALL


def anything_but(t: NameText, k: int) -> bool:
    """Is token k the "but" of "anything but" ("called me anything but MC")?"""
    return k >= 1 and t.lows[k] == "but" and t.lows[k - 1] == "anything"


def initial_with_stop(t: NameText, k: int) -> bool:
    """Is token k a capital initial (not "I") whose full stop a space follows, another word
    after it ("Jordan M. Alvarez", "Jordan M. White")?"""
    word = t.words[k]
    return len(word) == 1 and word.isupper() and word != "I" and k + 1 < t.n and t.gaps[k + 1] == ". "


def next_initial(t: NameText, i: int) -> bool:
    """Is token i + 1 another capital initial right after token i's full stop ("K.B.")?"""
    k = i + 1
    return k < t.n and len(t.words[k]) == 1 and t.words[k].isupper() and t.gaps[k] == "."


def initial_after_relation(t: NameText, i: int) -> bool:
    """Is token i a lone initial with its full stop right after "my friend", "my husband"...
    ("my friend J. from water aerobics")?"""
    word = t.words[i]
    return (
        len(word) == 1
        and word.isupper()
        and word != "I"
        and i + 1 < t.n
        and t.gaps[i + 1].startswith(".")
        and i >= 2
        and t.lows[i - 1] in cues.RELATIONS
        and t.lows[i - 2] in cues.POSSESSIVES
    )
