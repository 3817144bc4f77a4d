"""Tests of `stories.redact`: merging and placeholder replacement."""

from __future__ import annotations

from stories.findings import Finding
from stories.redact import merge_spans, redact


def test_single_span_is_replaced() -> None:
    text = "My husband Dave came."
    assert redact(text, [Finding("PERSON", 11, 15)]) == "My husband [name] came."


def test_no_findings_returns_text_unchanged() -> None:
    assert redact("nothing here", []) == "nothing here"


def test_overlaps_merge_and_widest_kind_wins() -> None:
    text = "at St Mary's Hospital today"
    findings = [Finding("PERSON", 6, 10), Finding("FACILITY", 3, 21)]
    assert redact(text, findings) == "at [facility] today"
    assert merge_spans(findings) == [(3, 21, "FACILITY")]


def test_equal_width_first_given_wins() -> None:
    findings = [Finding("ID", 0, 8), Finding("PHONE", 0, 8)]
    assert merge_spans(findings) == [(0, 8, "ID")]


def test_adjacent_spans_stay_separate() -> None:
    text = "Dave Leeds"
    out = redact(text, [Finding("PERSON", 0, 4), Finding("LOCATION", 5, 10)])
    assert out == "[name] [place]"


def test_spans_inside_one_token_take_the_whole_token() -> None:
    # A fragment left beside a placeholder could still identify (or be detected again).
    assert redact("DaveLeeds", [Finding("PERSON", 0, 4), Finding("LOCATION", 4, 9)]) == "[name]"
    assert redact("code cG9zdE1lc3NhZ2U here", [Finding("PERSON", 11, 14)]) == "code [name] here"
    assert redact("Rachel's", [Finding("PERSON", 0, 6)]) == "[name]'s"


def test_chained_overlaps_become_one_span() -> None:
    findings = [Finding("DATE", 0, 5), Finding("DATE", 3, 9), Finding("AGE", 8, 12)]
    assert merge_spans(findings) == [(0, 12, "DATE")]


def test_spans_past_the_end_are_clipped() -> None:
    assert redact("ab cd", [Finding("PERSON", 3, 10)]) == "ab [name]"


def test_input_order_does_not_matter() -> None:
    text = "Call Dave on 0123 456 789"
    a = [Finding("PERSON", 5, 9), Finding("PHONE", 13, 25)]
    assert redact(text, a) == redact(text, list(reversed(a))) == "Call [name] on [phone]"


def test_redaction_takes_the_whole_word_across_invisible_characters() -> None:
    for mark in ("\u200c", "\u200d", "\u034f", "\ufe0f", "\u200e"):
        text = f"hi Ra{mark}chel, bye"
        assert redact(text, [Finding("PERSON", 3, 5)]) == "hi [name], bye"


def test_redaction_takes_the_whole_word_across_combining_marks() -> None:
    text = "hi " + "".join(ch + "\u0332" for ch in "Rachel") + " bye"
    assert redact(text, [Finding("PERSON", 3, 5)]) == "hi [name] bye"


def test_redaction_takes_emphasis_marks_inside_a_word() -> None:
    assert redact("hi Ra**chel** bye", [Finding("PERSON", 3, 5)]) == "hi [name] bye"
    assert redact("hi Ra~~chel~~ bye", [Finding("PERSON", 3, 5)]) == "hi [name] bye"
    # emphasis around a whole word stays as written
    assert redact("hi **Rachel** bye", [Finding("PERSON", 5, 11)]) == "hi **[name]** bye"


def test_redaction_takes_an_apostrophe_inside_a_name_but_keeps_a_clitic() -> None:
    assert redact("hi O'Brien bye", [Finding("PERSON", 5, 10)]) == "hi [name] bye"
    assert redact("hi O’Brien bye", [Finding("PERSON", 3, 4)]) == "hi [name] bye"
    assert redact("hi Rachel's mum", [Finding("PERSON", 3, 9)]) == "hi [name]'s mum"
    assert redact("hi Rachel’ll see", [Finding("PERSON", 3, 9)]) == "hi [name]’ll see"
