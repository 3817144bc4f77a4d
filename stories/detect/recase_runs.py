"""A name after "AT" or "FROM" in a passage written in capitals, read whole.

`recase` gives each word in capitals the case it would have in normal writing, word by
word, so a place's name made of one unknown word and one everyday word comes out half
capitalised ("AT KWIK FIT" as "at Kwik fit", "AT KENT STATE" as "at Kent state") and the
name rules find only half of it.  After "AT" or "FROM", the words up to a function word,
a time word or punctuation are one name when one of them already came out capitalised
(a name, a town, a word no list knows): all of them get their capital ("Kwik Fit", "Kent
State").  Runs of everyday words only ("AT MASS GENERAL", "AT FIRST SIGHT") are left as
they are: nothing in capitals tells them apart.
"""

from __future__ import annotations

import re

from .recase_context import capitalised
from .vocab import FUNCTION, TITLES, words

_AT_RUN = re.compile(r"\b(?:AT|FROM)[ \t]+(?P<run>[A-Z][A-Z'’&-]*(?:[ \t]+[A-Z&][A-Z'’&-]*){1,3})")
_WORD = re.compile(r"[A-Z][A-Z'’-]*|&")
# Words that end a name's run: when, not what ("AT LEEDS TODAY").
_TIME_WORDS = words("today tonight now then yesterday tomorrow again too also every each last next once")


def named_runs_after_at(text: str, out: list[str]) -> None:
    """Capitalise, in `out` (the characters of the recased `text`), every word of a run
    after "AT" or "FROM" written in capitals that holds a word already capitalised."""
    if " AT " not in text and " FROM " not in text:
        return
    cur = "".join(out)
    for m in _AT_RUN.finditer(text):
        run = []
        for w in _WORD.finditer(m.group("run")):
            low = w.group().lower()
            if low in FUNCTION or low in _TIME_WORDS or low in TITLES:
                break  # (a title opens a person's name, which the title rules read: "FROM DR OKAFOR")
            run.append((m.start("run") + w.start(), w.group()))
        named = [cur[start].isupper() for start, word in run if word != "&"]
        if len(run) >= 2 and any(named) and not all(named):
            for start, word in run:
                out[start : start + len(word)] = list(capitalised(word))
