"""A writer introducing herself as "<name> here": "Ferdl here, Ferdinand on the passport",
"hi all, dai here well david on the forms", "Servus, Gosia here (full name Małgorzata)".

The words after "here" say nothing about the name, so the rule reads only the shape: one word
opening the story, a line or a greeting's clause, then "here" and a pause (a comma, a stop, a
bracket, a dash, the line's end) or a filler ("well", "again").  A capital proves nothing in
this spot (forums are typed in lowercase), so the word itself must not be a word: "Nurse
here", "Newbie here", "Guy here", "Everyone here" stay words (roles, function words, words
the dictionary writes in lowercase, everyday words that are no names), and so does "Hope
here"; "Paul here" is Paul.
"""

from __future__ import annotations

import re

from stories.findings import Finding

from . import vocab
from .anchors import find_all, matches_at
from .lexicon import everyday_words, lexicon, lowercase_word

SOURCE = "name-here"
# A greeting before the name ("hi all,", "Servus,", "kia ora koutou,"): up to four short words.
_GREETING = (
    r"(?:(?:hi|hiya|hello|hey|heya|howdy|servus|ahoj|hallo|hola|bonjour|salut|kia[ \t]+ora|morning|evening)"
    r"(?:[ \t]+[^\W\d_]{1,10}){0,3}[ \t]*[,!.:\-–—]*[ \t\n]+)?"
)
# After the name: a pause, or a filler word.
_AFTER = r"(?=[ \t]*(?:[,.!;:()\-–—\n]|$)|[ \t]+(?:well|again|from|too|btw)\b)"
# "here" and its pause, found first (a literal scan); then the name and what opens it, read
# back from there in a short window.
_HERE = re.compile(r"(?:here|Here|HERE)" + _AFTER)
_NAME_OPENING = re.compile(
    r"(?:^|(?<=[.!?][ \t]))[ \t]*" + _GREETING + r"(?P<name>[^\W\d_][^\W\d_'’-]{1,20})[ \t]+$",
    re.IGNORECASE | re.MULTILINE,
)
_WINDOW = 60  # characters before "here" that a greeting and a name can take
_HERE_WORDS = (" here", " Here", " HERE", "\there")


def _names_someone(word: str) -> bool:
    """Can `word` be the writer's name: not a function word, a role, a word the dictionary
    writes in lowercase or an everyday word ("Guy here", "Farmer here": a guy, a farmer)?"""
    low = word.casefold()
    if low in vocab.FUNCTION or low in vocab.ROLES:
        return False
    lex = lexicon()
    if lex.is_safe(low) or (low.endswith(vocab.AGENT_ENDINGS) and lowercase_word(low)):
        return False  # "Farmer here", "Lurker here": what she does
    if lex.is_name(word.title()):
        return not lex.is_common(word.title())  # "Paul here", not "Guy here" or "Hope here"
    return not (lowercase_word(low) or low in everyday_words())


def find_here_names(text: str) -> list[Finding]:
    """Every "<name> here" self-introduction's name (see the module docstring)."""
    found = []
    starts = [i + 1 for word in _HERE_WORDS for i in find_all(text, word)]  # (not "there", "where")
    for here in matches_at(_HERE, text, starts):
        m = _NAME_OPENING.search(text, max(0, here.start() - _WINDOW), here.start())
        if m is not None and _names_someone(m.group("name")):
            found.append(Finding("PERSON", m.start("name"), m.end("name"), 0.7, SOURCE))
    return found
