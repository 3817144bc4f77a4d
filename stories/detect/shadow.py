"""A normalised shadow of a story, read by the rules instead of the story itself.

People hide identifiers, on purpose or by habit: "R a c h e l", "Ra**chel**",
a zero-width joiner or an underline mark inside a name, full-width or Cyrillic
look-alike letters ("Rаchеl"), "rachel dot smith at gmail dot com",
"hxxps://facebook[.]com/...", a phone number written as words ("oh seven seven
double oh nine ...").  The rules read a *shadow* in which all of these are
undone, and every shadow character remembers the run of original characters
it came from, so a finding on the shadow maps back to the whole original run
(`Shadow.span`) and `redact()` removes all of it.  The stored text is never
changed: the shadow exists only while a text is being scanned.

What the shadow does, in order (one module per kind of disguise; this module
holds the `Shadow`, its offset map and the order of the steps):

1. per non-ASCII character (`shadow_chars`): typographic apostrophes and quotes become ASCII
   ("I’m" reads like "I'm"); NFKC for letters, digits, spaces and punctuation
   (full-width and mathematical letters); Cyrillic and Greek letters that look
   Latin are folded to Latin; format characters (joiners, bidi marks, soft
   hyphen), variation selectors, the grapheme joiner, and combining marks on
   Latin letters are removed;
2. defanged links (`shadow_links`): "hxxp" is read "http", "[.]" / "(dot)" as ".", "[at]" as "@";
3. spoken addresses: "x dot y at z dot com", "rachel at gmail.com",
   "facebook dot com slash x" (a spoken "at" only after a name-like mailbox);
4. Markdown emphasis inside a word ("Ra**chel**") is removed (`shadow_spacing`);
5. number words are read as digits when six or more digits are spelled out
   (`shadow_numbers`);
6. single letters or digits spaced, dotted, hyphenated or underscored out
   ("R a c h e l", "R_a_c_h_e_l", "L S 6 2 A B") are joined (`shadow_spacing`).

Cost: a text that is ASCII and trips no cheap gate gets the identity shadow
(the text itself, no offset table); steps 2-6 run only when their gate finds
what they rewrite.  Every pattern is bounded (no nested unbounded repeats).
"""

from __future__ import annotations

from dataclasses import dataclass

from .shadow_chars import char_edits
from .shadow_links import defang_edits, spoken_edits
from .shadow_numbers import number_edits
from .shadow_spacing import emphasis_edits, spaced_edits

__all__ = ["Shadow", "build_shadow", "shadow_text"]


@dataclass(frozen=True, slots=True)
class Shadow:
    """`text` is the shadow; shadow char i came from original[starts[i]:ends[i]].

    `starts`/`ends` are None when the shadow has the original's offsets
    (every change was one character for one character).
    """

    text: str
    starts: list[int] | None = None
    ends: list[int] | None = None

    @property
    def aligned(self) -> bool:
        """Do shadow offsets equal original offsets?"""
        return self.starts is None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of shadow span [start, end): every character it came from."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


_PATTERN_STEPS = (defang_edits, spoken_edits, emphasis_edits, number_edits, spaced_edits)


def _apply(shadow: Shadow, original_len: int, edits: list[tuple[int, int, str]]) -> Shadow:
    """Apply sorted, non-overlapping edits to `shadow`, composing the offset map.

    A replacement's characters all map to the whole original run of what they
    replace; a deletion's run is added to the previous shadow character (or,
    at the very start, to the next one), so a finding that ends at a letter
    also covers the joiner or mark that followed it.
    """
    if not edits:
        return shadow
    s = shadow.text
    if shadow.aligned and all(len(r) == 1 and e - b == 1 for b, e, r in edits):
        parts, pos = [], 0
        for b, e, r in edits:
            parts.append(s[pos:b])
            parts.append(r)
            pos = e
        parts.append(s[pos:])
        return Shadow("".join(parts))
    starts = shadow.starts if shadow.starts is not None else list(range(len(s)))
    ends = shadow.ends if shadow.ends is not None else list(range(1, len(s) + 1))
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pending = -1  # start of a deleted run before any output character
    pos = 0

    def copy(upto: int) -> None:
        nonlocal pending
        if upto <= pos:
            return
        out.append(s[pos:upto])
        new_starts.extend(starts[pos:upto])
        new_ends.extend(ends[pos:upto])
        if pending >= 0:
            new_starts[len(new_starts) - (upto - pos)] = pending
            pending = -1

    for b, e, r in edits:
        if b < pos:
            continue  # overlapping edit: keep the first
        copy(b)
        pos = b
        run_start, run_end = starts[b], ends[e - 1]
        if r:
            out.append(r)
            first = run_start if pending < 0 else pending
            pending = -1
            new_starts.extend([first] + [run_start] * (len(r) - 1))
            new_ends.extend([run_end] * len(r))
        elif new_ends:
            new_ends[-1] = max(new_ends[-1], run_end)
        elif pending < 0:
            pending = run_start
        pos = e
    copy(len(s))
    text = "".join(out)
    if not text:
        return Shadow(text, [], [])
    if pending >= 0:  # everything was deleted after the last character
        new_ends[-1] = original_len
    return Shadow(text, new_starts, new_ends)


def build_shadow(text: str) -> Shadow:
    """The shadow of `text` with its map back to `text` (see module docstring)."""
    shadow = Shadow(text)
    if not text.isascii():
        shadow = _apply(shadow, len(text), char_edits(text))
    for step in _PATTERN_STEPS:
        shadow = _apply(shadow, len(text), sorted(step(shadow.text)))
    return shadow


def shadow_text(text: str) -> str:
    """Only the shadow's text (for comparing words, as `stories.leftovers` does)."""
    return build_shadow(text).text
