"""What the prose-rule tests ask of the detector: is a phrase covered, what is flagged."""

from __future__ import annotations

from stories.detect import detect


def covered(text: str, needle: str) -> bool:
    """Is every non-space character of `needle` (first occurrence) inside some finding?"""
    start = text.index(needle)
    findings = detect(text)
    return all(
        text[p].isspace() or any(f.start <= p < f.end for f in findings)
        for p in range(start, start + len(needle))
    )


def flagged_words(text: str) -> list[str]:
    """The text of every finding."""
    return [text[f.start : f.end] for f in detect(text)]


def found(text: str, kinds: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(kind, words) of every finding, in order; only those of `kinds` when given."""
    return [(f.kind, text[f.start : f.end]) for f in detect(text) if kinds is None or f.kind in kinds]


def words_of(text: str, kind: str) -> list[str]:
    """The words of every finding of one kind, in order."""
    return [words for k, words in found(text, (kind,))]


def found_as(text: str, needle: str, kind: str) -> bool:
    """Is `needle` covered, and does a finding of `kind` cover its start?"""
    start = text.index(needle)
    return covered(text, needle) and any(f.kind == kind and f.start <= start < f.end for f in detect(text))
