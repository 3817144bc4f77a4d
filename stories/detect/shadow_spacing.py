"""Shadow steps 4 and 6: words split apart to hide them.

Markdown emphasis inside a word ("Ra**chel**", "Ra~~ch~~el") is removed, and
single letters or digits spaced, dotted, hyphenated or underscored out ("R a
c h e l", "R_a_c_h_e_l", "L S 6 2 A B") are joined; initials, acronyms and
legal forms ("U.S.A.", "s.r.l.") and spaced digits (read by the number rules)
are left as written.
"""

from __future__ import annotations

import re

from .tokens import latin1_class

# Markdown emphasis markers inside a word: "Ra**chel**", "Ra~~ch~~el".
_INNER_MARK = re.compile(r"(?<=[^\W_])(?:\*{1,3}|~~)(?=[^\W_])")
_MARK = re.compile(r"\*{1,3}|~~")


# Single letters or digits spaced, dotted or hyphenated out: "R a c h e l".
_SPACED = re.compile(
    r"(?<![^\W_])[^\W_](?![^\W_])(?:([ .\-_])\1?[^\W_](?![^\W_]))(?:\1\1?[^\W_](?![^\W_])){1,60}"
)
# Gates: two single characters after the same separator, one pattern per
# separator (a literal first character lets `re` skip ahead between candidates).
_SPACED_GATES = tuple(
    re.compile(rf"{sep}{sep}?[^\W_]{sep}{sep}?[^\W_](?![^\W_])") for sep in (" ", r"\.", "-", "_")
)
# The same gates for Latin-1 text, with the letters and digits written out
# (`tokens.latin1_class`): a bitmap test instead of a Unicode category look-up.
# On a Latin-1 text they read its bytes, each marked by its class ("a" a letter or
# digit, a separator itself, "o" anything else), and start with three literal
# bytes, a single character between separators (" a "): `re` skips to those
# quickly, where the gates above try a match at every space.
_L1 = latin1_class(r"[^\W_]")
_SPACED_MARKS = bytes(
    ord("a" if re.fullmatch(_L1, ch) else ch if ch in " .-_" else "o") for ch in map(chr, range(256))
)
_MARKED_SPACED_GATES = tuple(
    re.compile(rf"{sep}a{sep}{sep}?a(?!a)".encode()) for sep in (" ", r"\.", "-", "_")
)


def emphasis_edits(s: str) -> list[tuple[int, int, str]]:
    if "*" not in s and "~~" not in s:
        return []
    out: list[tuple[int, int, str]] = []
    done = 0
    for m in _INNER_MARK.finditer(s):
        if m.start() < done:
            continue
        ts, te = m.start(), m.end()
        while ts > 0 and not s[ts - 1].isspace() and m.start() - ts < 64:
            ts -= 1
        while te < len(s) and not s[te].isspace() and te - m.end() < 64:
            te += 1
        for mk in _MARK.finditer(s, max(ts, done), te):
            out.append((mk.start(), mk.end(), ""))
        done = te
    return out


def _join_dotted(chars: str) -> bool:
    """Are dotted single characters a disguised word ("R.a.c.h.e.l")?

    Not initials, acronyms or legal forms ("U.S.A.", "S.L.N.E", "s.r.l.",
    "a.k.a.") nor dotted numbers: those are left as written.
    """
    if not chars.isalpha() or chars.isupper():
        return False
    return len(chars) >= 4 or not chars.islower()


def _may_be_spaced(s: str) -> bool:
    """Does one of `_SPACED_GATES` match in `s`?  Read from the marked bytes of a Latin-1 text."""
    try:
        marks = s.encode("latin-1").translate(_SPACED_MARKS)
    except UnicodeEncodeError:
        return any(gate.search(s) for gate in _SPACED_GATES)
    return any(gate.search(marks) for gate in _MARKED_SPACED_GATES)


def spaced_edits(s: str) -> list[tuple[int, int, str]]:
    if not _may_be_spaced(s):
        return []
    out = []
    for m in _SPACED.finditer(s):
        sep = m.group(1)
        chars = m.group().replace(sep, "")
        if sep == "." and not _join_dotted(chars):
            continue
        if chars.isdigit() or (not chars.isalpha() and len(chars) < 4):
            continue  # spaced digits are read by the number rules; "B 1 2" is a vitamin
        out.extend((i, i + 1, "") for i in range(m.start() + 1, m.end()) if s[i] == sep)
    return out
