"""A story written all in lowercase, the way many people text ("me n dave went to mass gen"),
read in normal case.

In such a story a missing capital is no evidence, as a capital is none in a story written in
capitals, so it is read the same way: written in capitals, then recased (`recase.recase`:
each word in the case normal writing would give it).  A story counts as written in
lowercase when it has at least `MIN_WORDS` words (split at white space) and fewer than
`MAX_CAPITALISED` of them start with a capital (normal prose capitalises about one word in
six: sentence starts, "I", names).  Measured on the hand-written development half: 243 of
3,900 stories fall under 4% and are texting-style throughout; between 4% and 10% they mix
normal and lowercase writing.

A word that recasing leaves in capitals because it stands alone on its line, holds a hyphen
or an underscore, or is a single letter other than "I", keeps the case it was typed in: a
heading word, a reblogger's "moss-covered-cryptid", a "self-care" tag, the "u" of "r u ok"
are no acronyms or initials.
"""

from __future__ import annotations

import re

from .recase import recase

MIN_WORDS = 30
MAX_CAPITALISED = 0.04
_CAPITAL_START = re.compile(r"(?<![^\W\d_])[A-ZÀ-ÖØ-Þ]")
# A word left in capitals: alone on its line, joined by hyphens or underscores, or a single
# letter other than "I" ("me n dave", "r u ok").
_LEFT_IN_CAPITALS = re.compile(
    r"^[ \t]*([^\W\d_a-zà-ÿ][^\Wa-zà-ÿ]*)[ \t]*$|\b[^\W\da-zà-ÿ]+(?:[-_][^\Wa-zà-ÿ]+)+\b"
    r"|(?<![\w'’.-])(?!I\b)[^\W\d_a-zà-ÿ](?![\w'’.-])",
    re.MULTILINE,
)


def written_in_lowercase(text: str) -> bool:
    """Are almost none of the words of `text` (at least `MIN_WORDS`, split at white space)
    capitalised?  The capitals are counted only up to the limit: a story in normal case
    reaches it within its first lines."""
    words = len(text.split())
    if words < MIN_WORDS:
        return False
    limit = MAX_CAPITALISED * words
    return all(count < limit for count, _ in enumerate(_CAPITAL_START.finditer(text), 1))


def normal_case(text: str) -> str:
    """The text the rules read: runs of capitals recased (`recase.recase`), and a story
    written in lowercase read as if written in capitals; same length, same offsets."""
    if not written_in_lowercase(text):
        return recase(text)
    shouted = text.upper()
    if len(shouted) != len(text):
        return recase(text)  # ("ß" becomes "SS": offsets would move)
    out = recase(shouted)
    return _LEFT_IN_CAPITALS.sub(lambda m: _as_typed(text, out, m), out)


# A capitalised word before and after a single letter: "Codey M Ross".
_NAME_BEFORE = re.compile(r"[A-Z][a-zà-ÿ]+ .$")
_NAME_AFTER = re.compile(r". [A-Z][a-zà-ÿ]+")


def _as_typed(text: str, out: str, m: re.Match[str]) -> str:
    """The match as it was typed, unless it is one letter between two names in `out` ("Codey
    M Ross": a middle initial)."""
    s, e = m.start(), m.end()
    if e - s == 1 and _NAME_BEFORE.search(out, max(0, s - 20), e) and _NAME_AFTER.match(out, s, e + 20):
        return out[s:e]
    return text[s:e]
