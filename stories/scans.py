"""Stored scans: each revision keeps its findings, tagged with the detector that found them.

Detection is deterministic (a tested property), so the findings of a text are a
function of the text and the detector's code and data.  A revision stores its
findings (field, kind, positions, score, source, note: never the words) and a
fingerprint of the detector; whoever needs them later (the review screen, the
export's re-scan) reuses them while the fingerprint matches and scans again
when the detector changed.  The export therefore still re-checks every story
against the detector in force, without paying for a scan it already has.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from stories.detect import detect, learned
from stories.detect.display_name import find_in_display_name
from stories.findings import Finding
from stories.texthash import revision_hash

DETECT_DIR = Path(__file__).resolve().parent / "detect"
#: Every field of a revision that reaches the website, and how it is scanned.
FIELDS = {"title": detect, "body": detect, "name": find_in_display_name}
#: The revision attribute that holds each field.
ATTRIBUTES = {"title": "title", "body": "body", "name": "display_name"}


def field_text(revision, field: str) -> str:
    """The text of one field (`FIELDS`) of a revision."""
    return getattr(revision, ATTRIBUTES[field])


def detector_fingerprint() -> str:
    """SHA-256 (first 16 hex digits) over the detector's code and data files, and the
    learned reader's model when it is in force (switching it on or off is a new detector)."""
    return _fingerprint(learned.active())


@lru_cache(maxsize=2)
def _fingerprint(with_learned: bool) -> str:
    digest, model = hashlib.sha256(), Path(learned.MODEL)
    for path in sorted(DETECT_DIR.rglob("*")):
        model_file = path.parent == model.parent and path.stem == model.stem  # .crfsuite, .json
        if path.is_file() and path.suffix in (".py", ".txt", ".json", ".crfsuite") and (
                with_learned or not model_file):
            digest.update(str(path.relative_to(DETECT_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def scan(title: str, body: str, display_name: str = "") -> list[tuple[str, Finding]]:
    """Detect in every field that reaches the site: (field, finding) pairs."""
    texts = {"title": title, "body": body, "name": display_name}
    return [(field, f) for field, finder in FIELDS.items() for f in finder(texts[field])]


def encode(found: list[tuple[str, Finding]]) -> str:
    """Compact JSON of the findings: positions and kinds only."""
    return json.dumps([[field, f.kind, f.start, f.end, f.score, f.source, f.note]
                       for field, f in found], separators=(",", ":"))


def decode(stored: str) -> list[tuple[str, Finding]]:
    """The inverse of `encode`."""
    return [(field, Finding(kind, start, end, score, source, note))
            for field, kind, start, end, score, source, note in json.loads(stored)]


def summary(found: list[tuple[str, Finding]]) -> str:
    """Counts by kind, e.g. ``"DATE:1,PERSON:3"`` (safe to show in the queue)."""
    counts: dict[str, int] = {}
    for _, finding in found:
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    return ",".join(f"{kind}:{n}" for kind, n in sorted(counts.items()))


def record(title: str, body: str, display_name: str = "") -> dict[str, str]:
    """Column values for a new revision: summary, findings and fingerprint."""
    found = scan(title, body, display_name)
    return {"finding_summary": summary(found), "findings": encode(found),
            "detector": detector_fingerprint()}


def findings_of(revision) -> list[tuple[str, Finding]]:
    """The revision's findings: stored ones if the detector is unchanged, else a new scan.

    Stored findings are trusted only for the exact words they were found in: a
    text changed behind the service layer (its hash no longer matches) is
    scanned again.
    """
    if (revision.detector == detector_fingerprint() and revision.findings
            and revision_hash(revision) == revision.content_hash):
        return decode(revision.findings)
    return scan(revision.title, revision.body, revision.display_name)


def rescan_stale(*, session, batch: int = 500) -> int:
    """Scan again every stored revision whose findings came from another detector.

    The queue's "detected identifiers" column and its "with findings only"
    filter read the stored summary, so after a detector upgrade a story the
    new detector flags would stay hidden until someone opened it.  `db
    upgrade` runs this; it is idempotent and returns how many revisions it
    rescanned.  Erased revisions (no words left) are skipped.
    """
    from sqlmodel import select  # local: keeps this module free of the ORM for the detector

    from stories.models import Revision

    fingerprint, done = detector_fingerprint(), 0
    query = (select(Revision).where(Revision.detector != fingerprint, Revision.body != "")
             .order_by(Revision.id).limit(batch))
    while rows := session.exec(query).all():
        for revision in rows:
            revision.sqlmodel_update(record(revision.title, revision.body, revision.display_name))
            session.add(revision)
        session.flush()
        done += len(rows)
    return done
