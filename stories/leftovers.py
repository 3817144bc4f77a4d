"""Find what is left of a redacted identifier in a later version of a text.

When "sarah jones" became "[name] jones", or "Ra\u200cchel" became
"[name]\u200cchel", or "Rachel" was redacted in one sentence but not in the
next, the later text still identifies her.  `leftovers(original, later)`
compares the patient's original text of a field with a later (redacted or
edited) text of the same field and returns, in the later text, every word of a
redacted identifier that is still there.

An identifier counts as redacted when a placeholder (`stories.findings.
PLACEHOLDERS`) replaced words of the original; its words are those replaced
words plus every word of a detected identifier they were part of (so the
surname left next to "[name]" is caught).  Words are compared on the
detector's shadow (look-alike letters folded, joiners removed...), whole words
and case-insensitively; short and everyday words ("the", "hope", "hospital")
are ignored, and so is a word that was never inside a redacted identifier,
a bare year, and a lowercase everyday word spelt like a redacted name or
place ("reading" after "Reading" was redacted).
A fragment glued to a placeholder ("[name]chel", "[name]**chel**") is a
leftover when it is part of a redacted word.

Pure: no I/O, never logs, and the result carries positions and kinds only.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from dataclasses import dataclass

from stories.detect import detect
from stories.detect.learned import SOURCE as LEARNED
from stories.detect.lexicon import lexicon
from stories.detect.shadow import Shadow, build_shadow
from stories.detect.street_words import STREET_HEADS
from stories.detect.vocab import FACILITY_HEADS, FUNCTION
from stories.errors import IdentifiersRemain
from stories.findings import PLACEHOLDERS, Finding
from stories.redact import redact_rescanned

__all__ = [
    "FragmentsRemain",
    "Leftover",
    "leftover_findings",
    "leftovers",
    "mentions",
    "redact_with_mentions",
    "redacted_words",
]

_KIND_OF = {p.casefold(): k for k, p in PLACEHOLDERS.items()}
_TOKEN = re.compile(
    "(" + "|".join(re.escape(p) for p in PLACEHOLDERS.values()) + r")|[^\W_]+(?:'[^\W_]+)*", re.IGNORECASE
)
_MIN_LETTERS = 3
_MIN_DIGITS = 4
_MAX_IDENTIFIER = 400  # longest finding looked back over, in characters


@dataclass(frozen=True, slots=True)
class Leftover:
    """`later[start:end]` is (part of) a word of a redacted identifier of `kind`."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Token:
    key: str  # casefolded word, or the placeholder
    start: int  # in the shadow
    end: int
    kind: str | None  # the placeholder's kind, None for a word


def _tokens(shadow: Shadow) -> list[_Token]:
    out = []
    for m in _TOKEN.finditer(shadow.text):
        word, end = m.group().casefold(), m.end()
        if len(word) > 3 and word.endswith("'s"):  # "Rachel's" is a mention of "Rachel"
            word, end = word[:-2], end - 2
        out.append(_Token(word, m.start(), end, _KIND_OF.get(word) if m.group(1) else None))
    return out


def _telling(word: str) -> bool:
    """Could this word, alone, point at a person, place or number?"""
    bare = word.replace("'", "")
    if not bare.isalpha():  # a number or a code: short ones are everywhere ("00", "3b")
        return len(bare) >= _MIN_DIGITS
    if len(bare) < _MIN_LETTERS or word in FUNCTION or word in FACILITY_HEADS or word in STREET_HEADS:
        return False
    lex = lexicon()
    return not lex.is_common(word) and not lex.is_safe(word)


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_WORDY_KINDS = frozenset({"PERSON", "LOCATION", "FACILITY"})


def _counts_here(word: str, kind: str) -> bool:
    """Does this occurrence of a redacted word still point at the identifier?

    A bare year is no identifier by itself (dates are redacted for their day
    and month).  A name or place written in lowercase elsewhere counts only if
    it is an unambiguous name: "reading this" is no leftover of "Reading",
    but "jones" is one of "sarah jones".
    """
    if kind == "DATE" and _YEAR.fullmatch(word):
        return False
    if kind in _WORDY_KINDS and word[:1].islower():
        return lexicon().strong_name(word)
    return True


def _redacted_words(original: str, old: list[_Token], new: list[_Token],
                    shadow: Shadow, found: list[Finding] | None = None) -> dict[str, str]:
    """Casefolded words of the original that a placeholder replaced -> the kind."""
    words: dict[str, str] = {}
    replaced: list[tuple[int, int, str]] = []  # original spans, with the kind
    matcher = difflib.SequenceMatcher(None, [t.key for t in old], [t.key for t in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        kinds = [t.kind for t in new[j1:j2] if t.kind]
        if op not in ("replace", "delete") or not kinds or i1 == i2:
            continue
        for t in old[i1:i2]:
            if t.kind is None:
                words.setdefault(t.key, kinds[0])
        replaced.append((*shadow.span(old[i1].start, old[i2 - 1].end), kinds[0]))
    if replaced:
        hit = sorted((f.start, f.end, kind) for f in (detect(original) if found is None else found)
                     for start, end, kind in replaced
                     if f.start < end and start < f.end)
        starts = [h[0] for h in hit]
        for t in old:
            if t.kind is not None:
                continue
            o_start, o_end = shadow.span(t.start, t.end)
            for h in range(bisect_right(starts, o_start) - 1, -1, -1):
                f_start, f_end, kind = hit[h]
                if f_end >= o_end and f_start <= o_start:
                    words.setdefault(t.key, kind)
                    break
                if o_start - f_start > _MAX_IDENTIFIER:
                    break
    return {w: k for w, k in words.items() if _telling(w)}


def redacted_words(original: str, later: str, found: list[Finding] | None = None
                   ) -> dict[str, str]:
    """The telling words (casefolded, on the shadow) of identifiers that placeholders
    replaced between `original` and `later`, each with its placeholder's kind.

    `found`: the detector's findings in `original` when the caller has them
    stored (the original revision's scan), so they are not computed again.

    Never logged or stored: the caller uses it to look for other mentions
    (`mentions`), e.g. in another field of the same story.
    """
    if not original or not later or ("[" not in later and "\uff3b" not in later):
        return {}  # no placeholder, so nothing was redacted
    old_shadow = build_shadow(original)
    old, new = _tokens(old_shadow), _tokens(build_shadow(later))
    if not any(t.kind for t in new):
        return {}
    return _redacted_words(original, old, new, old_shadow, found)


def mentions(text: str, words: dict[str, str]) -> list[Leftover]:
    """Whole-word occurrences in `text` of `words` (from `redacted_words`), in order.

    Fragments glued to a placeholder ("[name]chel") are found too.
    """
    if not text or not words:
        return []
    shadow = build_shadow(text)
    tokens = _tokens(shadow)
    found: dict[tuple[int, int], Leftover] = {}
    for k, t in enumerate(tokens):
        if t.kind is not None:
            continue
        kind = words.get(t.key)
        if kind is not None and not _counts_here(shadow.text[t.start : t.end], kind):
            kind = None
        if kind is None and len(t.key) >= 2:
            kind = _glued_fragment(shadow.text, tokens, k, words)
        if kind is not None:
            start, end = shadow.span(t.start, t.end)
            found[(start, end)] = Leftover(kind, start, end)
    return [found[k] for k in sorted(found)]


def leftovers(original: str, later: str, found: list[Finding] | None = None) -> list[Leftover]:
    """Words (or glued fragments) of redacted identifiers still in `later`, in order.

    `original` is the patient's text of a field as she wrote it, `later` a
    redacted or edited text of the same field; positions index `later`;
    `found` as for `redacted_words`.
    """
    return mentions(later, redacted_words(original, later, found))


def _glued_fragment(text: str, tokens: list[_Token], k: int, words: dict[str, str]) -> str | None:
    """The kind, if token k touches a placeholder (at most emphasis marks between) and is
    part of a redacted word: "[name]chel" once the shadow dropped a joiner."""
    t = tokens[k]
    for n in (k - 1, k + 1):
        if not 0 <= n < len(tokens) or tokens[n].kind is None:
            continue
        near = tokens[n]
        between = text[near.end : t.start] if near.end <= t.start else text[t.end : near.start]
        if len(between) <= 3 and all(ch in "*~_" for ch in between):
            for word, kind in words.items():
                if t.key in word:
                    return kind
    return None


_EDGE_PUNCT = ".,;:!?\"'()<>"


def leftover_findings(later: str, found: list[Leftover]) -> list[Finding]:
    """Findings that redact each leftover together with what it is glued to.

    A leftover is widened to its whole run of non-space characters (minus
    punctuation at the edges), so "rachel.smith@[link]" or "[name]\u200cchel"
    becomes one placeholder rather than "[link].[link]@[link]".
    """
    out = []
    # the rules' kinds only: the learned reader never saw a placeholder ("[name]chel")
    detected = [f for f in detect(later) if f.source != LEARNED] if found else []
    for item in found:
        start, end = item.start, item.end
        while start > 0 and not later[start - 1].isspace() and item.start - start < _MAX_IDENTIFIER:
            start -= 1
        while end < len(later) and not later[end].isspace() and end - item.end < _MAX_IDENTIFIER:
            end += 1
        while start < item.start and later[start] in _EDGE_PUNCT:
            start += 1
        while end > item.end and later[end - 1] in _EDGE_PUNCT:
            end -= 1
        out.append(Finding(_kind_here(detected, start, end, item.kind), start, end, 1.0,
                           "leftover"))
    return out


def _kind_here(detected: list[Finding], start: int, end: int, redacted_as: str) -> str:
    """The placeholder kind for a mention: what the detector calls the words where they
    stand ("Sarah Jones" after "My name is" is a name, although its words were
    redacted as part of an email address), else the kind they were redacted as."""
    kinds = [f.kind for f in detected if f.start < end and start < f.end]
    return redacted_as if not kinds or redacted_as in kinds else kinds[0]


class FragmentsRemain(IdentifiersRemain):
    """Redaction would leave part of a redacted identifier in the text."""


_ROUNDS = 3


def redact_with_mentions(text: str, findings: list[Finding], *, touching_only: bool = True) -> str:
    """Redact `findings` and everything that would still give them away.

    After the placeholders go in, the text is scanned again (new findings of
    the redacted kinds next to a placeholder, or all of them unless
    `touching_only`, are redacted: `redact.redact_rescanned`), then every
    other mention of a redacted identifier's words (`leftovers`) is redacted,
    until nothing is left.  Raises `FragmentsRemain` (nothing to store) if
    that does not settle.
    """
    if not findings:
        return text
    out = redact_rescanned(text, findings, detect, touching_only=touching_only)
    for _ in range(_ROUNDS):
        rest = leftovers(text, out)
        if not rest:
            return out
        out = redact_rescanned(out, leftover_findings(out, rest), detect, touching_only=True)
    if leftovers(text, out):
        raise FragmentsRemain("Part of a redacted identifier would stay in the text; "
                              "please edit the story by hand to remove it.")
    return out
