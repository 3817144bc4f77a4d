"""The detector's normalised shadow (`stories.detect.shadow`) and its map back to the original."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stories.detect.shadow import build_shadow, shadow_text


def _origin(text: str, needle_in_shadow: str) -> str:
    """The original characters the first occurrence of `needle_in_shadow` came from."""
    shadow = build_shadow(text)
    start = shadow.text.index(needle_in_shadow)
    a, b = shadow.span(start, start + len(needle_in_shadow))
    return text[a:b]


def test_plain_ascii_prose_is_its_own_shadow() -> None:
    text = "My husband and I moved in March 2019. It was hard, but we're fine now."
    shadow = build_shadow(text)
    assert shadow.text == text and shadow.aligned


def test_typographic_apostrophes_and_quotes_read_as_ascii_with_the_same_offsets() -> None:
    text = "“I’m fine,” she said. They’re ＂kind＂ and O‘Brien’s ＇ok＇."
    shadow = build_shadow(text)
    assert shadow.text == "\"I'm fine,\" she said. They're \"kind\" and O'Brien's 'ok'."
    assert shadow.aligned


def test_joiners_marks_and_selectors_are_removed_and_map_back_whole() -> None:
    for mark in ("\u200c", "\u200d", "\u034f", "\ufe0f", "\u200e", "\u00ad", "\u2060"):
        text = f"hi Ra{mark}chel!"
        assert shadow_text(text) == "hi Rachel!"
        assert _origin(text, "Rachel") == f"Ra{mark}chel"
    underlined = "".join(ch + "\u0332" for ch in "Rachel")
    assert _origin(f"hi {underlined}!", "Rachel") == underlined


def test_combining_marks_of_other_scripts_are_kept() -> None:
    assert shadow_text("नमस्ते") == "नमस्ते"


def test_look_alikes_fold_to_latin() -> None:
    assert shadow_text("Rасhеl Ｓｍｉｔｈ 𝐉𝐨𝐧𝐞𝐬 Ραchel") == "Rachel Smith Jones Pachel"


def test_emphasis_inside_a_word_is_removed() -> None:
    assert shadow_text("Ra**chel** and **bold** words") == "Rachel and **bold** words"
    assert _origin("x Ra**chel** y", "Rachel") == "Ra**chel**"


def test_spaced_and_dotted_letters_are_joined() -> None:
    assert shadow_text("my friend R a c h e l came") == "my friend Rachel came"
    assert shadow_text("my friend R.a.c.h.e.l came") == "my friend Rachel came"
    assert shadow_text("in L S 6 2 A B then") == "in LS62AB then"
    assert _origin("in L S 6 2 A B then", "LS62AB") == "L S 6 2 A B"
    # initials, acronyms and legal forms stay
    assert shadow_text("the U.S.A., s.r.l. and a.k.a. me") == "the U.S.A., s.r.l. and a.k.a. me"


def test_number_words_read_as_digits() -> None:
    text = "ring oh seven seven double oh nine, nine hundred, one two three now"
    assert shadow_text(text) == "ring 077009900123 now"
    assert _origin(text, "077009").startswith("oh seven seven double oh nine")
    assert _origin(text, "077009900123") == "oh seven seven double oh nine, nine hundred, one two three"
    assert "one or two" in shadow_text("I had one or two sessions")


def test_spoken_and_defanged_addresses_are_read() -> None:
    assert shadow_text("rachel dot smith at gmail dot com") == "rachel.smith@gmail.com"
    assert shadow_text("facebook dot com slash rachel.smith") == "facebook.com/rachel.smith"
    assert shadow_text("hxxps://facebook[.]com/x") == "https://facebook.com/x"
    assert shadow_text("rachel(at)gmail(dot)co[.]uk") == "rachel@gmail.co.uk"
    assert shadow_text("I was at home dot the end") == "I was at home dot the end"
    assert shadow_text("the dot com boom") == "the dot com boom"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_every_shadow_character_maps_to_a_valid_ordered_run(text: str) -> None:
    shadow = build_shadow(text)
    if shadow.aligned:
        assert len(shadow.text) == len(text)
        return
    assert shadow.starts is not None and shadow.ends is not None
    assert len(shadow.starts) == len(shadow.ends) == len(shadow.text)
    for a, b in zip(shadow.starts, shadow.ends, strict=True):
        assert 0 <= a < b <= len(text)
    assert shadow.starts == sorted(shadow.starts) and shadow.ends == sorted(shadow.ends)
