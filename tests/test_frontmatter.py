"""YAML front matter: exact round trips whatever the values contain."""

from __future__ import annotations

import datetime

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from stories.frontmatter import emit, neutralize_value, parse, prepare_fields
from tests.xss import assert_no_template_syntax

HOSTILE_TITLES = [
    "line one\nline two",
    "---",
    "a\n---\nlayout: evil\n---",
    "...",
    "x\n...\ny",
    "!!python/object/apply:os.system ['id']",
    "&anchor value",
    "*alias",
    "# not a comment",
    "- leading dash",
    "? question",
    ": colon",
    "% percent",
    "@ at",
    "` backtick",
    "key: value",
    "yes",
    "null",
    "~",
    "1e3",
    "0x1F",
    "2024-01-01",
    "{{ site.secret }}",
    "{% include evil.html %}",
    "{{< shortcode >}}",
    "{: .class}",
    "[click](javascript:alert(1))",
    "\"quoted\" and 'single'",
    "<script>alert(1)</script>",
    "x" * 5_000,
    "\u202eRLO \u200bzero-width \ud800 lone",
    "tab\there \x00 nul \x85 nel",
    "emoji \U0001f600 and \u2028 line separator",
    "",
    " ",
]


def _round_trip(fields: dict, body: str = "Body text.") -> None:
    document = emit(fields, body)
    parsed_fields, parsed_body = parse(document)
    assert parsed_fields == prepare_fields(fields)
    assert parsed_body == body
    head = document.split("\n---\n", 1)[0]
    assert yaml.safe_load(head.removeprefix("---\n")) == prepare_fields(fields)


@pytest.mark.parametrize("title", HOSTILE_TITLES, ids=range(len(HOSTILE_TITLES)))
def test_hostile_titles_round_trip(title):
    _round_trip({"title": title, "tags": [title, "plain"]})


@pytest.mark.parametrize("title", HOSTILE_TITLES, ids=range(len(HOSTILE_TITLES)))
def test_values_carry_no_template_or_markup_syntax(title):
    value = neutralize_value(title)
    assert_no_template_syntax(value)
    for forbidden in ("{", "}", "<", ">", '"', "'", "](", "]:"):
        assert forbidden not in value


def test_document_shape_and_types():
    fields = {
        "layout": "story",
        "title": "My recovery",
        "date": datetime.date(2024, 5, 17),
        "weight": 3,
        "draft": False,
        "tags": ["recovery", "pelvic health"],
        "empty": [],
    }
    document = emit(fields, "### Hi\n\nText.")
    assert document.startswith('---\nlayout: "story"\ntitle: "My recovery"\ndate: 2024-05-17\n')
    assert document.endswith("---\n\n### Hi\n\nText.\n")
    assert parse(document) == (fields, "### Hi\n\nText.")


def test_body_starts_after_the_closing_delimiter_even_with_delimiter_lines():
    body = "---\nnot: front matter\n..."
    fields, parsed = parse(emit({"title": "a\n---\n..."}, body))
    assert parsed == body
    assert fields == {"title": "a\n---\n..."}


def test_neutralize_value_is_readable_and_idempotent():
    value = neutralize_value('He said "it\'s fine" {{ x }} <b> [a](b)')
    assert value == "He said \u201cit\u2019s fine\u201d \uff5b\uff5b x \uff5d\uff5d \u2039b\u203a [a]\uff08b)"
    assert neutralize_value(value) == value


@pytest.mark.parametrize(
    "fields",
    [
        {"title": 1.5},
        {"title": None},
        {"title": {"nested": "x"}},
        {"tags": ["ok", 3]},
        {"date": datetime.datetime(2024, 1, 1, 12, 0)},
        {"bad key": "x"},
        {"-x": "x"},
    ],
)
def test_invalid_fields_are_refused(fields):
    with pytest.raises((TypeError, ValueError)):
        emit(fields, "body")


def test_parse_refuses_documents_without_front_matter():
    with pytest.raises(ValueError):
        parse("no front matter")
    with pytest.raises(ValueError):
        parse("---\ntitle: x\n")


VALUES = st.one_of(
    st.text(),
    st.integers(),
    st.booleans(),
    st.dates(),
    st.lists(st.text(max_size=20), max_size=4),
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z_][a-z0-9_]{0,10}", fullmatch=True), VALUES, max_size=5))
def test_arbitrary_values_round_trip(fields):
    _round_trip(fields)


@settings(max_examples=100, deadline=None)
@given(st.text(), st.text().map(lambda s: s.replace("\r", "")))
def test_arbitrary_title_and_body_round_trip(title, body):
    _round_trip({"title": title}, body)
