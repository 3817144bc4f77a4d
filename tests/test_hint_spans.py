"""Re-identification hints point at the words that triggered them (positions, never text)."""

from __future__ import annotations

from moderation.queue import hint_sentences
from stories.detect import detect, reidentification_hints
from stories.detect.hints import hint_details

TEXT = ("I grew up on a farm. I am a teacher in Leeds and I was 34 then. "
        "We had twins in the spring. Nothing else to say.")


def words(hint) -> list[str]:
    return [TEXT[start:end] for start, end in hint.spans]


def test_each_hint_carries_the_spans_that_triggered_it():
    hints = hint_details(TEXT, detect(TEXT))
    assert [h.message for h in hints] == reidentification_hints(TEXT, detect(TEXT))
    combined = next(h for h in hints if h.message.startswith("Combines an age, a place"))
    triggered = " | ".join(words(combined))
    assert "Leeds" in triggered and "34" in triggered and "teacher" in triggered
    rare = next(h for h in hints if h.message.startswith("Mentions a rare"))
    assert words(rare) == ["twins"]


def test_the_hint_points_at_its_sentences_only():
    hints = hint_details(TEXT, detect(TEXT))
    rare = next(h for h in hints if h.message.startswith("Mentions a rare"))
    assert [TEXT[a:b].strip() for a, b in hint_sentences(TEXT, rare)] == [
        "We had twins in the spring."]
    combined = next(h for h in hints if h.message.startswith("Combines an age, a place"))
    quoted = " ".join(TEXT[a:b] for a, b in hint_sentences(TEXT, combined))
    assert "teacher in Leeds" in quoted and "farm" not in quoted and "Nothing" not in quoted


def test_no_hint_no_spans():
    assert hint_details("The physiotherapy helped me slowly.", []) == []
