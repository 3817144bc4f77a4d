"""The name a story is shown under: one first name or pseudonym, nothing more.

The display name reaches the website as the story's author, so it is scanned
like the title and the body, with one rule of its own.  The first word is what
the patient chose to be called ("Rachel", "Hope"): it is never a finding by
itself.  Every later word is: a surname ("Rachel Smith"), an initial
("Khadija K"), a place ("Rose from Leeds"), a workplace ("Nurse Kelly at St
Marys").  Small linking words ("from", "at") are not findings themselves; what
follows them is.  What the general detector finds after the first word keeps
its kind (LOCATION, FACILITY...); any other later word is a PERSON finding for
the moderator to redact, edit or keep ("Mary Ann" is one click to keep).
Initials alone ("R.K.", "R. K.") are the patient's choice and stay as they are.
"""

from __future__ import annotations

import re

from stories.findings import Finding

from . import detect

WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*\.?")
LINK_WORDS = frozenset({"from", "at", "in", "of", "the", "and", "de", "del", "la", "le", "van",
                    "von", "der", "da", "di", "du", "y", "e", "et", "&"})


def _first_word_end(name: str) -> int:
    match = WORD.search(name)
    return match.end() if match else 0


def _trimmed(name: str, finding: Finding, first_end: int) -> Finding | None:
    """The part of `finding` after the first word (without leading spaces), or None."""
    if finding.start >= first_end:
        return finding
    start = first_end
    while start < finding.end and not name[start].isalnum():
        start += 1
    if start >= finding.end:
        return None
    return Finding(finding.kind, start, finding.end, finding.score, finding.source, finding.note)


def _only_initials(name: str) -> bool:
    return all(len(w.replace(".", "")) == 1 for w in WORD.findall(name.replace(".", ". ")))


def find_in_display_name(name: str) -> list[Finding]:
    """Findings in a display name: everything after the chosen first word."""
    if not name.strip() or _only_initials(name):
        return []  # "R. K.": the initials she chose, one person's initials, stay as they are
    first_end = _first_word_end(name)
    found = []
    for finding in detect(name):
        part = _trimmed(name, finding, first_end)
        if part is not None:
            found.append(part)
    covered = [(f.start, f.end) for f in found]
    for match in WORD.finditer(name, first_end):
        start, end = match.span()
        if match.group().casefold().rstrip(".") in LINK_WORDS:
            continue
        if not any(s < end and start < e for s, e in covered):
            found.append(Finding("PERSON", start, end, 0.6, "display-name",
                                 "more than a first name"))
    return sorted(found, key=lambda f: (f.start, -f.end, f.kind))
