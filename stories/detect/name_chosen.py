"""The initials or name she gives for herself in passing: the ones she asks to be published
under ("You may publish this with my initials, MDB", "change my name to "S." only", "Kindly
publish under "A.S."", "sign it off as J."), and the initial that signs a note she or a
helper adds in brackets ("(She is the best one there. — A.)", "(It didn't touch it. - M)")
or a message's end ("No pressure at all. ~M").

Initials narrow down who she is as much as a first name does, and a story typed by a
grandchild or a parent carries the typist's too, so the moderator sees them.  A capitalised
word after the cue counts only when it is no everyday word ("publish as Anonymous" is not a
name).
"""

from __future__ import annotations

import re

from stories.findings import Finding

from .lexicon import lexicon

_CHOSEN = re.compile(
    r"(?i:\bmy[ \t]+initials|\b(?:change|changing)[ \t]+my[ \t]+name[ \t]+to"
    r"|\bpublish(?:ed)?[ \t]+(?:it[ \t]+|this[ \t]+|my[ \t]+story[ \t]+)?(?:under|as|with)"
    r"|\bsign(?:ed)?[ \t]+(?:it[ \t]+|me[ \t]+)?(?:off[ \t]+)?as|\buse[ \t]+the[ \t]+name)"
    r"[ \t,:]*(?i:(?:only|just)[ \t]+)?[\"“'‘]?"
    r"(?P<n>[A-Z](?:\.?[ ]?[A-Z]){0,3}\.?|[A-Z][a-z]{1,15})(?![\w])"
)
# A bracketed note's signature after its last sentence, or a message's after a tilde at a
# line's end (not "(Plan - B)").
_NOTE_INITIALS = re.compile(
    r"[.!?…][ \t]+[—–~-][ \t]*(?P<n>[A-Z](?:\.[A-Z]){0,2}\.?)[ \t]*\)"
    r"|~[ \t]*(?P<m>[A-Z](?:\.[A-Z]){0,2})\.?[ \t]*$",
    re.MULTILINE,
)
# Words one of `_CHOSEN`'s cues holds, tested before the pattern is (case as typed).
_CHOSEN_GATES = ("initials", "my name to", "ublish", "sign it", "sign me", "signed as", "signed off as",
                 "the name", "INITIALS", "UBLISH")


def _trim(text: str, start: int, end: int) -> int:
    """End of initials without their last full stop ("S." is the letter S)."""
    return end - 1 if end - start > 1 and text[end - 1] == "." and text.count(".", start, end) == 1 else end


def find_chosen_names(text: str) -> list[Finding]:
    """PERSON findings for the initials and names in the module docstring."""
    found = []
    if any(gate in text for gate in _CHOSEN_GATES):
        lex = lexicon()
        for m in _CHOSEN.finditer(text):
            word = m.group("n")
            if len(word) > 1 and word[1:].islower() and lex.only_a_word(word):
                continue  # "publish as Anonymous", "sign it off as Me"
            end = _trim(text, m.start("n"), m.end("n"))
            found.append(Finding("PERSON", m.start("n"), end, 0.6, "chosen-name"))
    if (")" in text and ("—" in text or "–" in text or "-" in text)) or "~" in text:
        for m in _NOTE_INITIALS.finditer(text):
            g = "n" if m.group("n") else "m"
            end = _trim(text, m.start(g), m.end(g))
            found.append(Finding("PERSON", m.start(g), end, 0.6, "note-initials"))
    return found
