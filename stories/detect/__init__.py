"""Identifier detection for patient stories (HIPAA Safe Harbor and more).

`detect(text)` returns `Finding`s sorted by (start, -end); it never changes the
text and never logs it.  Recall comes first: a false alarm costs a moderator a
click, a miss can cost a patient her privacy.  If a rule ever fails on some
input, detection fails *closed*: the whole text is returned as one finding to
be reviewed by hand, rather than silently returning fewer findings.

The rules read a normalised shadow of the text (`shadow.build_shadow`):
typographic quotes made ASCII, look-alike letters folded to Latin, joiners,
bidi marks and combining marks removed, spaced or dotted letters joined,
spoken and defanged addresses and spelled-out numbers read.  Each finding is
mapped back to the whole run of original characters it came from, so
`redact()` removes all of a disguised identifier.

A learned reader (`learned.py`, a CRF trained on the hand-written development
stories; ``STORIES_DETECT_LEARNED``) reads the same shadow first.  It overrules a
rule's weakest guesses (`OVERRULABLE`) when it is all but certain they name
nothing, before later mentions of a name are marked (so a name kept is kept
everywhere), and adds each span that covers a word no rule finding covers.

`reidentification_hints(text, findings)` warns about combinations of details
(age + town + job...) that identify people even when each looks harmless.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from stories.findings import Finding

from .acronyms import find_acronym_facilities, find_lowercase_facilities
from .address_lines import extend_addresses, find_corners, find_military, find_numbered_streets
from .chains import find_chains
from .contact import find_contact
from .counties import find_counties
from .dates_logs import find_log_dates
from .dates_number import numbered_dates
from .dates_widen import widen_dates
from .districts import find_districts
from .form_fields import find_form_fields
from .group_headers import find_group_headers
from .handle_lines import find_handle_lines
from .handle_mentions import handle_mentions
from .hints import reidentification_hints
from .learned import Reading
from .learned import active as learned_active
from .learned import read as read_learned
from .lexicon import lexicon
from .lowercase_text import normal_case
from .mentions import CAPITAL_ONLY, repeat_mentions
from .name_chosen import find_chosen_names
from .name_here import find_here_names
from .name_initials import find_dotted_initials
from .names import find_names
from .nicknames import find_nicknames
from .org_names import find_org_names
from .places import find_places
from .places_lowercase import find_lowercase_places
from .possessive_business import find_possessive_businesses
from .postcode_districts import find_postcode_districts
from .prose import find_prose
from .roads import find_roads
from .saints import find_saint_places
from .shadow import Shadow, build_shadow
from .signoff import find_signoff
from .temporal import find_temporal
from .town_state import find_town_states
from .towns_joined import find_joined_towns
from .towns_lowercase import find_lowercase_towns, find_town_hashtags
from .widen import widen

__all__ = ["detect", "reidentification_hints", "Finding"]

_FINDERS: tuple[Callable[[str], Iterable[Finding]], ...] = (
    find_contact,
    find_temporal,
    find_log_dates,
    find_prose,
    find_places,
    find_lowercase_places,
    find_postcode_districts,
    find_names,
    find_acronym_facilities,
    find_lowercase_towns,
    find_town_hashtags,
    find_lowercase_facilities,
    find_military,
    find_corners,
    find_numbered_streets,
    find_counties,
    find_chains,
    find_town_states,
    find_joined_towns,
    find_saint_places,
    find_handle_lines,
    find_districts,
    find_signoff,
    find_nicknames,
    find_form_fields,
    find_chosen_names,
    find_here_names,
    find_dotted_initials,
    find_group_headers,
    find_roads,
    find_org_names,
    find_possessive_businesses,
)
# Findings of these kinds swallow anything found inside them ("jane.doe" in an
# email is not a separate name); weak number rules yield to any other kind.
_CONTAINERS = frozenset({"EMAIL", "URL", "HANDLE"})
_WEAK_SOURCES = frozenset({"digit-run", "long-number", "zip", "proper-noun", "day-month", "repeat-mention"})
# Rules that guess from a capital, a name list or a cue word alone: the learned reader
# may overrule them (`learned.SURE_NOTHING`) where each word is only a word
# (`Lexicon.only_a_word`).  Never a contact, number or date rule.
OVERRULABLE = frozenset({"proper-noun", "name-gazetteer", "lowercase-name", "name-cue", "number-and-name"})
# A word a learned span must add: a possessive's "s" is no word of its own.
_WORD = re.compile(r"(?<!['’])\w+")
_LETTERS = re.compile(r"[^\W\d_]+")


def _yields(f: Finding, c: Finding) -> bool:
    """Does `f` add nothing when `c` covers it? (phones inside dates or IDs...)"""
    if f.kind == "PHONE" and c.kind in {"DATE", "ID"}:
        # a number `phonenumbers` validated is a phone, not a bare long number
        return not (c.source == "long-number" and f.source == "phonenumbers")
    if f.kind == "ID" and f.source == "alnum-code" and c.kind == "DATE":
        return True  # "16-Jan-24": letters and digits, but a date
    if f.kind == "AGE" and c.kind in {"PHONE", "ID"}:
        return True  # "is 09" read as an age is the first group of "09 548-3669"
    if f.kind == "PERSON" and c.source in {"numbered-street", "county", "district-word", "compass-side",
                                           "possessive-business"}:
        # "Street" of "West 49th Street", "County Clare", "the suburb of Glen Waverley", "McGill's"
        return True
    return c.kind == "DATE" and (f.source in CAPITAL_ONLY or f.source == "the-place")


def _dedupe(findings: list[Finding]) -> list[Finding]:
    best: dict[tuple[str, int, int], Finding] = {}
    for f in findings:
        key = (f.kind, f.start, f.end)
        if key not in best or f.score > best[key].score:
            best[key] = f
    # On one span, a finding of a named rule comes before a weak one, which then yields.
    ordered = sorted(best.values(), key=lambda f: (f.start, -f.end, f.source in _WEAK_SOURCES, f.kind))
    kept: list[Finding] = []
    # Sweep: keep a finding unless an earlier-starting, longer finding covers it
    # and is of the same kind, a container kind, or the finding is weak.
    covers: list[Finding] = []
    for f in ordered:
        covers = [c for c in covers if c.end > f.start]
        drop = False
        for c in covers:
            if c.start <= f.start and f.end <= c.end and (c.start, c.end) != (f.start, f.end):
                if c.kind == f.kind or c.kind in _CONTAINERS or f.source in _WEAK_SOURCES or _yields(f, c):
                    drop = True
                    break
            elif (c.start, c.end) == (f.start, f.end) and (f.source in _WEAK_SOURCES or _yields(f, c)):
                drop = True
                break
        if not drop:
            kept.append(f)
            covers.append(f)
    return kept


def _only_words(text: str, f: Finding) -> bool:
    """Is every word of finding `f` an ordinary word that no name list holds?"""
    lex = lexicon()
    return all(lex.only_a_word(w) for w in _LETTERS.findall(text, f.start, f.end))


def _overruled(text: str, found: list[Finding], reading: Reading) -> list[Finding]:
    """`found` less the weak guesses made only of ordinary words that the reader is all
    but certain name nothing, unless a word of one is also a word of a finding that stays
    ("thank you andre" above a signature "Andre Whitfield": the same name in both places)."""
    doubtful = {i for i, f in enumerate(found) if f.source in OVERRULABLE
                and reading.sure_nothing(f.start, f.end) and _only_words(text, f)}
    if not doubtful:
        return found
    kept = [f for i, f in enumerate(found) if i not in doubtful]
    named = {w.lower() for f in kept for w in _WORD.findall(text, f.start, f.end)}
    return kept + [found[i] for i in sorted(doubtful)
                   if any(w.lower() in named for w in _WORD.findall(text, found[i].start, found[i].end))]


def _detect_shadow(text: str, reading: Reading | None = None) -> list[Finding]:
    """The rules over a (shadow) text, less the weak guesses `reading` overrules;
    offsets index that text."""
    found: list[Finding] = []
    for finder in _FINDERS:
        try:
            found.extend(finder(text))
        except Exception:  # noqa: BLE001 - fail closed, see module docstring
            return [Finding("PERSON", 0, len(text), 0.0, "detector-error", "review whole text")]
    if reading is not None:
        found = _overruled(text, found, reading)
    try:
        found.extend(handle_mentions(text, found))
        found.extend(repeat_mentions(text, found))
    except Exception:  # noqa: BLE001 - fail closed, see module docstring
        return [Finding("PERSON", 0, len(text), 0.0, "detector-error", "review whole text")]
    return _dedupe(numbered_dates(text, extend_addresses(text, widen_dates(text, widen(text, found)))))


def _mapped(shadow: Shadow, found: list[Finding]) -> list[Finding]:
    """Findings on the shadow as findings on the original (whole original runs)."""
    return [Finding(f.kind, *shadow.span(f.start, f.end), f.score, f.source, f.note) for f in found]


def detect(text: str) -> list[Finding]:
    """Find identifiers in `text`; offsets index the given str.

    The rules read the text's normalised shadow (`shadow.build_shadow`:
    look-alike letters folded, joiners and marks removed, spaced letters and
    spoken addresses read...) and each finding is mapped back to the whole
    run of original characters it came from.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        shadow = build_shadow(text)
    except Exception:  # noqa: BLE001 - fail closed, see module docstring
        return [Finding("PERSON", 0, len(text), 0.0, "detector-error", "review whole text")]
    if not shadow.text:
        return []
    # Capitals carry no evidence in a passage written all in capitals, nor their
    # absence in a story written all in lowercase: the rules read either in
    # normal case (same length, so offsets are unchanged).
    read = normal_case(shadow.text)
    reading = None
    if learned_active():  # the reader reads what the rules read: the shadow, capitals recased
        try:
            reading = read_learned(read)
        except Exception:  # noqa: BLE001 - fail closed, see module docstring
            return [Finding("PERSON", 0, len(text), 0.0, "detector-error", "review whole text")]
    found = _detect_shadow(read, reading)
    if not shadow.aligned:
        found = _dedupe(_mapped(shadow, found))
    return found if reading is None else _with_learned(text, shadow, found, reading.found)


def _with_learned(text: str, shadow: Shadow, found: list[Finding], extra: list[Finding]) -> list[Finding]:
    """The rules' findings on `text` plus each learned span (`extra`, on the shadow) that
    covers a word none of them covers."""
    if not extra:
        return found
    if not shadow.aligned:
        extra = _mapped(shadow, extra)
    covered = bytearray(len(text))
    for f in found:
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    added = [f for f in extra
             if any(not any(covered[w.start() : w.end()]) for w in _WORD.finditer(text, f.start, f.end))]
    return sorted(found + added, key=lambda f: (f.start, -f.end)) if added else found
