"""A story written all in lowercase, the way many people text ("me n dave went to mass gen"),
read in normal case.

In such a story a missing capital is no evidence, as a capital is none in a story written in
capitals, so it is read the same way: written in capitals, then recased (`recase.recase`:
each word in the case normal writing would give it).  A story counts as written in
lowercase when it has at least `MIN_WORDS` words and fewer than `MAX_CAPITALISED` of them
start with a capital (normal prose capitalises about one word in six: sentence starts, "I",
names).  Measured on the hand-written development half: 171 of 3,420 stories fall under 4%
and are texting-style throughout; between 4% and 10% they mix normal and lowercase writing.

A word that recasing leaves in capitals because it stands alone on its line, or that holds a
hyphen or an underscore, keeps the case it was typed in: a heading word, a reblogger's
"moss-covered-cryptid", a "self-care" tag are no acronyms.
"""

from __future__ import annotations

import re

from .recase import recase

MIN_WORDS = 30
MAX_CAPITALISED = 0.04
_WORD_START = re.compile(r"(?<![^\W\d_])[^\W\d_]")
_CAPITAL_START = re.compile(r"(?<![^\W\d_])[A-ZÀ-ÖØ-Þ]")
# A word left in capitals: alone on its line, or joined by hyphens or underscores.
_LEFT_IN_CAPITALS = re.compile(
    r"^[ \t]*([^\W\d_a-zà-ÿ][^\Wa-zà-ÿ]*)[ \t]*$|\b[^\W\da-zà-ÿ]+(?:[-_][^\Wa-zà-ÿ]+)+\b", re.MULTILINE
)


def written_in_lowercase(text: str) -> bool:
    """Are almost none of the words of `text` (at least `MIN_WORDS`) capitalised?"""
    words = len(_WORD_START.findall(text))
    return words >= MIN_WORDS and len(_CAPITAL_START.findall(text)) < MAX_CAPITALISED * words


def normal_case(text: str) -> str:
    """The text the rules read: runs of capitals recased (`recase.recase`), and a story
    written in lowercase read as if written in capitals; same length, same offsets."""
    if not written_in_lowercase(text):
        return recase(text)
    shouted = text.upper()
    if len(shouted) != len(text):
        return recase(text)  # ("ß" becomes "SS": offsets would move)
    out = recase(shouted)
    return _LEFT_IN_CAPITALS.sub(lambda m: text[m.start() : m.end()], out)
