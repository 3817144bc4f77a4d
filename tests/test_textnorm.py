"""Unicode repair, newline and invisible-character normalization, length limits."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stories.config import MAX_BODY_CHARS
from stories.textnorm import (
    TAB_WIDTH,
    TextTooLong,
    check_length,
    normalize_line,
    normalize_text,
    repair_unicode,
)

FLAG_ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain", "plain"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("pair \ud83d\ude00", "pair \U0001f600"),
        ("nonchar \uffff\ufdd0", "nonchar \ufffd\ufffd"),
        ("a\r\nb\rc\x85d\u2028e\u2029f\x0bg\x0ch", "a\nb\nc\nd\ne\nf\ng\nh"),
        ("cafe\u0301", "caf\u00e9"),
        ("nul\x00bell\x07del\x7fc1\x9b", "nulbelldelc1"),
        ("tab\there", "tab" + " " * TAB_WIDTH + "here"),
        ("bidi \u202eevil\u202c \u2066iso\u2069 \u202aemb\u202b", "bidi evil iso emb"),
        ("zero\u200bwidth\u2060joiner\ufeffbom\u180emvs\u00adshy", "zerowidthjoinerbommvsshy"),
        ("hangul\u3164filler\u115f", "hangulfiller"),
        ("tag\U000e0041smuggle\U000e0069", "tagsmuggle"),
    ],
    ids=[
        "plain", "lone-surrogate", "surrogate-pair", "noncharacters", "newlines", "nfc",
        "controls", "tab", "bidi", "zero-width", "hangul-filler", "tag-chars",
    ],
)  # fmt: skip
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    "kept",
    [
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # family emoji: ZWJ
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: ZWNJ
        "\u2764\ufe0f",  # heart + variation selector 16
        "\u0915\u094d\u200d\u0937",  # Devanagari half-form: ZWJ
        "\u05e9\u05dc\u05d5\u05dd \u200fabc\u200e",  # RLM / LRM marks
        FLAG_ENGLAND,  # emoji tag sequence
        "\U0001f44d\U0001f3fd",  # skin tone modifier
    ],
    ids=["zwj-family", "zwnj-persian", "vs16", "zwj-devanagari", "rlm-lrm", "flag", "skin-tone"],
)
def test_normalize_keeps_what_scripts_and_emoji_need(kept):
    assert normalize_text(kept) == kept


def test_removing_invisible_between_base_and_mark_is_renormalized():
    assert normalize_text("e\u200b\u0301") == "\u00e9"


def test_repair_unicode_leaves_valid_text_alone():
    assert repair_unicode("ok \U0001f600") == "ok \U0001f600"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  A   title\n\nwith\tlines  ", "A title with lines"),
        ("\u00a0nbsp\u3000ideographic ", "nbsp ideographic"),
        ("\u202eRLO name", "RLO name"),
        ("", ""),
    ],
)
def test_normalize_line(raw, expected):
    assert normalize_line(raw) == expected


@given(st.text())
def test_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(st.text())
def test_normalize_line_is_idempotent_and_single_line(text):
    once = normalize_line(text)
    assert normalize_line(once) == once
    assert "\n" not in once


def test_check_length_accepts_up_to_the_limit():
    check_length("x" * 120, 120, "title")


def test_check_length_message_names_numbers_never_the_text():
    secret = "my-secret-diagnosis " * 1200
    with pytest.raises(TextTooLong) as caught:
        check_length(secret[:23_512], MAX_BODY_CHARS, "story")
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.field_label, error.limit, error.actual) == ("story", 20_000, 23_512)
    assert str(error) == ("Your story is 23,512 characters long; the limit is 20,000. Please shorten it.")
    assert "secret" not in str(error)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Wow!!! " + "&" * 20_000 + " <3 2*3=6", []),  # symbols are never removed
        ("tab\there\r\nand NFC e\u0301", []),  # canonical changes remove nothing
        ("a\u200bb\u200bc", ["ZERO WIDTH SPACE (U+200B) x2"]),
        ("bell\x07 and \u202eoverride", ["CONTROL CHARACTER (U+0007)", "RIGHT-TO-LEFT OVERRIDE (U+202E)"]),
        ("flag \U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", []),
    ],
    ids=["symbols", "canonical", "zero-width", "control-and-bidi", "emoji-tag-sequence"],
)
def test_removed_characters_names_exactly_what_normalisation_drops(text, expected):
    from stories.textnorm import normalize_text, removed_characters

    assert removed_characters(text) == expected
    canonical = unicodedata.normalize("NFC", text.replace("\t", "    ").replace("\r\n", "\n"))
    assert (normalize_text(text) == canonical) == (not expected)
