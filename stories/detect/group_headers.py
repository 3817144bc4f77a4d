"""The group or forum a post was copied from, as its header names it, and hospitals' nicknames.

A post pasted from a Facebook group or a forum keeps the line that says where it was posted:
"Posted in Brazilian Mums in Ireland (fb group)", "Posted in: Pudendal Neuralgia Support
Canada (Facebook group)", "For group Ukrainians in Cork 💙💛".  The group's name runs from the
cue to a bracket, a dash, an emoji or the line's end; whatever its words, it names the group
(its members can be found through it).  Not a forum's section before "›" ("Posted in: Men's
Health › Peyronie's"), nor "a private group".

A hospital is often given with the name its town calls it, in quotes after a dash or in
brackets: "Belfast City Hospital – "the City"", "University Hospital Kerry – "the General"".
Such a quoted "the ..." a few words after a facility's head ("Hospital") names that facility
too ("the Royal Women's ("the Women's")", with no head, is missed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stories.findings import Finding

from . import vocab

# The cue, then the group's name up to a stop (a bracket, a dash, a symbol, the line's end); a
# name followed by "›" or ">" matches nothing (a forum's section).
_POSTED_IN = re.compile(
    r"^[ \t]*(?:[Pp]osted in:?|[Pp]ost in group|[Ff]or group|[Ss]hared in|[Ff]orum:|[Gg]roup:)[ \t]+"
    r"[\"“]?([^\s(›»|–—\"“-][^\n(›»>|–—]{1,60}?)[ \t]*(?=[(|–—]|[^\w\s'’&.,>›»-]|$)",
    re.MULTILINE,
)
# A nickname in quotes after a dash or a bracket: – "the City", ("the Women's").
_QUOTED_THE = re.compile(
    r"[–—(-][ \t]*[\"“‘'](?P<the>the[ \t]+(?P<name>[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*){0,2}))[\"”’']"
)
_HEAD_WORD = re.compile(r"[A-Z][\w'’]*")
_NO_NAME = frozenset({"a", "an", "the", "my", "our", "this", "that"})
_CUES = ("osted in", "ost in group", "or group", "hared in", "orum:", "roup:")  # (substring gates)


def _group(m: re.Match[str]) -> Finding | None:
    """The group a header line names, without trailing punctuation; None for a bare word,
    a group no name names ("a private support group") or a forum's section."""
    name = m.group(1).rstrip(" \t.,:;'’\"”")
    if len(name) < 3 or name.lower() in vocab.FUNCTION or name.split()[0].lower() in _NO_NAME:
        return None
    return Finding("FACILITY", m.start(1), m.start(1) + len(name), 0.6, "group-header")


def _after_head(text: str, at: int) -> bool:
    """Does a facility's head ("Hospital", "Secours" of a longer name) end one of the few
    capitalised words right before position `at`?"""
    before = text[max(0, at - 60) : at]
    words = [w.lower() for w in _HEAD_WORD.findall(before)[-4:]]
    return any(w in vocab.FACILITY_HEADS for w in words)


def find_group_headers(text: str) -> Iterator[Finding]:
    """FACILITY findings for the groups and forums named by a post's header, and for
    hospitals' nicknames in quotes (see module docstring)."""
    if any(cue in text for cue in _CUES):
        for m in _POSTED_IN.finditer(text):
            found = _group(m)
            if found is not None:
                yield found
    if "the " in text:
        for m in _QUOTED_THE.finditer(text):
            if _after_head(text, m.start()):
                yield Finding("FACILITY", m.start("name"), m.end("name"), 0.6, "quoted-nickname")
