"""Detected identifiers as spans, in the shape of Presidio's analyzer results.

Detectors return `Finding`s and never change text; redaction is a separate
step (`stories.redact`) that applies chosen spans.  A `Finding` deliberately
carries no copy of the text it covers, so it can be logged or audited by kind
and position without leaking what it found.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS: tuple[str, ...] = (
    "PERSON",
    "LOCATION",
    "FACILITY",
    "DATE",
    "AGE",
    "PHONE",
    "EMAIL",
    "URL",
    "HANDLE",
    "ID",
)

PLACEHOLDERS: dict[str, str] = {
    "PERSON": "[name]",
    "LOCATION": "[place]",
    "FACILITY": "[facility]",
    "DATE": "[date]",
    "AGE": "[age]",
    "PHONE": "[phone]",
    "EMAIL": "[email]",
    "URL": "[link]",
    "HANDLE": "[handle]",
    "ID": "[id]",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One detected identifier: `text[start:end]` is of `kind`.

    `score` is the detector's confidence in [0, 1]; `source` names the rule or
    gazetteer that fired (for explaining a highlight); `note` carries a short
    qualifier such as ``"over-89"`` for ages.
    """

    kind: str
    start: int
    end: int
    score: float = 1.0
    source: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in PLACEHOLDERS:
            raise ValueError(f"unknown finding kind {self.kind!r}")
        if not 0 <= self.start < self.end:
            raise ValueError("a finding needs 0 <= start < end")
