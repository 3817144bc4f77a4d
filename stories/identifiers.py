"""Findings on a revision, and which of them a moderator has resolved.

A finding is resolved when it was redacted (it is no longer detected) or when
a moderator explicitly kept it (`KeptFinding`, by field, kind and position).
Keeps are carried to a new revision when the kept words did not move or
change, so redacting one name does not undo the decisions on the others.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from sqlmodel import Session, select

from stories.findings import Finding
from stories.leftovers import leftovers
from stories.models import KeptFinding, Revision
from stories.scans import detector_fingerprint, field_text, findings_of


@dataclass(frozen=True)
class FieldFinding:
    """A finding located in one field of a revision."""

    field: str
    finding: Finding
    kept: bool

    @property
    def key(self) -> tuple[str, str, int, int]:
        f = self.finding
        return (self.field, f.kind, f.start, f.end)


def kept_keys(revision: Revision, *, session: Session) -> set[tuple[str, str, int, int]]:
    """The (field, kind, start, end) a moderator kept on this revision."""
    rows = session.exec(select(KeptFinding).where(KeptFinding.revision_id == revision.id))
    return {(k.field, k.kind, k.start, k.end) for k in rows}


def with_kept(revision: Revision, kept: set[tuple[str, str, int, int]]) -> list[FieldFinding]:
    """Every detected identifier in every published field, flagged kept if it is in `kept`."""
    return [FieldFinding(field, f, (field, f.kind, f.start, f.end) in kept)
            for field, f in findings_of(revision)]


def findings_for(revision: Revision, *, session: Session) -> list[FieldFinding]:
    """Every detected identifier in every published field, with its kept flag."""
    return with_kept(revision, kept_keys(revision, session=session))


def unresolved(revision: Revision, *, session: Session) -> list[FieldFinding]:
    """Findings neither redacted nor kept."""
    return [f for f in findings_for(revision, session=session) if not f.kept]


def _map_span(old: str, new: str, start: int, end: int) -> tuple[int, int] | None:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        if a <= start and end <= a + size:
            return start - a + b, end - a + b
    return None


def carry_kept(old: Revision, new: Revision, *, session: Session) -> int:
    """Copy keeps whose words survive unchanged into `new`; return how many."""
    carried = 0
    rows = session.exec(select(KeptFinding).where(KeptFinding.revision_id == old.id)).all()
    for k in rows:
        before, after = field_text(old, k.field), field_text(new, k.field)
        span = _map_span(before, after, k.start, k.end)
        if span and after[span[0]:span[1]] == before[k.start:k.end]:
            session.add(KeptFinding(revision_id=new.id, field=k.field, kind=k.kind,
                                    start=span[0], end=span[1], staff_id=k.staff_id))
            carried += 1
    return carried


def fragments_remain(original: Revision, current: Revision) -> bool:
    """Whether a word of an identifier redacted since `original` is still in `current`.

    Approval and the export both refuse such a text: "[name] jones" or a
    second, unredacted mention still identifies her.  Only a text that holds a
    placeholder can hold a leftover, so the common case costs one search.
    """
    if original.id == current.id:
        return False
    stored = findings_of(original)  # the original's scan, reused while the detector is unchanged
    for field in ("title", "body"):
        later = field_text(current, field)
        found = [f for where, f in stored if where == field]
        if "[" in later and leftovers(field_text(original, field), later, found):
            return True
    return False


def leftover_stamp(content_hash: str) -> str:
    """What approval records after its leftover check: the detector and the text it checked."""
    return f"{detector_fingerprint()}:{content_hash[:16]}"
