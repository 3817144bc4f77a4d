"""The parts of a user name the story also uses on their own: what her friends call her.

A thread pasted into a story names its posters by their handles ("u/mossy_toadstool",
"Toast — Today at 04:19") and then by the word they go by ("toadstool you were the one
who told me", "the 3 metre cable Toast told me about").  No rule sees the bare word as a
name: it is an ordinary word.  So each part of a HANDLE finding (split at underscores,
dots, digits and capitals) that is no very common word is looked for again as a whole
word, and each mention is a HANDLE too, unless the part is a word of the clinic's own
vocabulary ("u/pelvic_pete": "pelvic") or the story uses it more than a nickname is
used (`_MAX_MENTIONS`: "endo" in "@sunny.side.endo" and in every paragraph).
"""

from __future__ import annotations

import re
from collections import Counter

from stories.findings import Finding

from .lexicon import lexicon
from .vocab import FUNCTION

_PARTS = re.compile(r"[A-Z]?[a-z]{4,}|[A-Z]{4,}")
_MAX_PARTS = 20
_MAX_MENTIONS = 3
_NOT_NICKNAMES = frozenset({"throwaway", "anon", "anonymous", "official", "real"})


def _parts(text: str, found: list[Finding]) -> set[str]:
    """Lowercase parts of the story's handles that could be what someone is called."""
    lex = lexicon()
    parts: set[str] = set()
    for f in found:
        if f.kind != "HANDLE":
            continue
        for part in _PARTS.findall(text, f.start, f.end):
            low = part.lower()
            if low not in FUNCTION and low not in _NOT_NICKNAMES and low not in lex.very_common_lower \
                    and not lex.is_safe(low):
                parts.add(low)
    return set(sorted(parts)[:_MAX_PARTS])


def handle_mentions(text: str, found: list[Finding]) -> list[Finding]:
    """HANDLE findings for the bare mentions of a part of one of the story's handles."""
    parts = _parts(text, found)
    if not parts:
        return []
    words = re.compile(r"(?<![\w@/.])(?:" + "|".join(map(re.escape, sorted(parts))) + r")(?![\w@])",
                       re.IGNORECASE)
    covered = bytearray(len(text))
    for f in found:
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    mentions = [m for m in words.finditer(text) if not any(covered[m.start() : m.end()])]
    count = Counter(m.group().lower() for m in mentions)
    return [Finding("HANDLE", m.start(), m.end(), 0.6, "handle-part")
            for m in mentions if count[m.group().lower()] <= _MAX_MENTIONS]
