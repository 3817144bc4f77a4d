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

from stories.detect import detect
from stories.findings import Finding
from stories.texthash import content_hash

DETECT_DIR = Path(__file__).resolve().parent / "detect"
FIELDS = ("title", "body")


@lru_cache(maxsize=1)
def detector_fingerprint() -> str:
    """SHA-256 (first 16 hex digits) over the detector's code and data files."""
    digest = hashlib.sha256()
    for path in sorted(DETECT_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".json"):
            digest.update(str(path.relative_to(DETECT_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def scan(title: str, body: str) -> list[tuple[str, Finding]]:
    """Detect in both fields: (field, finding) pairs."""
    return [("title", f) for f in detect(title)] + [("body", f) for f in detect(body)]


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


def record(title: str, body: str) -> dict[str, str]:
    """Column values for a new revision: summary, findings and fingerprint."""
    found = scan(title, body)
    return {"finding_summary": summary(found), "findings": encode(found),
            "detector": detector_fingerprint()}


def findings_of(revision) -> list[tuple[str, Finding]]:
    """The revision's findings: stored ones if the detector is unchanged, else a new scan.

    Stored findings are trusted only for the exact words they were found in: a
    text changed behind the service layer (its hash no longer matches) is
    scanned again.
    """
    if (revision.detector == detector_fingerprint() and revision.findings
            and content_hash(revision.title, revision.body) == revision.content_hash):
        return decode(revision.findings)
    return scan(revision.title, revision.body)
