"""A story typed all in lowercase is read as the same story typed in capitals.

Many patients text their story without a single capital ("me n dave went to mass gen").
A missing capital is then no evidence, as a capital is none in a story typed in capitals:
`lowercase_text.normal_case` writes both in the case normal writing would give each word, and the
rules read that.  These stories are our own.
"""

from __future__ import annotations

import pytest

from stories.detect import detect
from stories.detect.lowercase_text import normal_case, written_in_lowercase
from stories.detect.recase import recase
from stories.detect.word_forms import bare_contraction, english_compound
from tests.detect_prose_util import covered, flagged_words

TEXTED = (
    "ok so this is my story, im typing it on my phone on the night bus so sorry for no capitals. "
    "me and my husband kieran moved to stockport after the wedding and sex just never worked, "
    "it felt like hitting a wall. i went to the gp three times before anyone said the word "
    "vaginismus. in the end a physio called bernadette at stepping hill hospital showed me "
    "the dilators and how to breathe down. kieran came to one appointment and held my hand "
    "the whole time. a year on we are fine, better than fine honestly"
)


def test_a_story_without_capitals_is_written_in_lowercase() -> None:
    assert written_in_lowercase(TEXTED)
    assert not written_in_lowercase(TEXTED.capitalize().replace(" i ", " I ").replace("kieran", "Kieran"))
    assert not written_in_lowercase("me n dave went to mass gen")  # too short to tell


def test_a_story_in_normal_case_is_not() -> None:
    normal = (
        "My husband Kieran and I moved to Stockport after the wedding. Sex never worked. I went "
        "to the GP three times before anyone said the word vaginismus, and in the end a physio "
        "at Stepping Hill Hospital showed me the dilators. A year on we are fine."
    )
    assert not written_in_lowercase(normal)
    assert normal_case(normal) == normal


def test_a_lowercase_story_is_read_in_normal_case() -> None:
    out = normal_case(TEXTED)
    assert len(out) == len(TEXTED) and out.lower() == TEXTED.lower()
    for name in ("Kieran", "Stockport", "Bernadette", "Stepping Hill Hospital"):
        assert name in out
    for word in ("husband", "wall", "dilators", "honestly"):
        assert f" {word}" in out


@pytest.mark.parametrize("words", ["kieran", "stockport", "bernadette", "stepping hill hospital"])
def test_a_lowercase_story_has_its_identifiers_found(words: str) -> None:
    assert covered(TEXTED, words)


def test_a_lowercase_story_gets_the_findings_it_gets_in_capitals() -> None:
    lowered = [(f.kind, f.start, f.end) for f in detect(TEXTED)]
    shouted = [(f.kind, f.start, f.end) for f in detect(TEXTED.upper())]
    assert lowered == shouted


def test_everyday_words_of_a_lowercase_story_stay_unflagged() -> None:
    flagged = {w.lower() for w in flagged_words(TEXTED)}
    assert flagged.isdisjoint({"husband", "wedding", "wall", "physio", "dilators", "phone", "bus", "night"})


@pytest.mark.parametrize(
    ("shouted", "read"),
    [
        ("I DONT THINK THERES ANY CURE", "I dont think theres any cure"),
        ("SHE WASNT SURE AND IM STILL NOT", "She wasnt sure and im still not"),
        ("AND I HADNT TOLD HIM BECAUSE THEYD SAID WAIT", "and I hadnt told him because theyd said wait"),
        ("SOOOO TIRED OF WAITING LMAOOO", "soooo tired of waiting lmaooo"),
    ],
)
def test_contractions_without_apostrophes_and_drawn_out_words_are_words(shouted: str, read: str) -> None:
    out = recase(shouted)
    assert out.lower() == read.lower()
    for word in read.split()[1:]:
        if word.islower():
            assert word in out.split()


THREAD = """hedgehog-in-a-teacup

does anyone else get the burning after sex even with loads of lube, its been two years now

    tired_of_ice_packs
    yes!! pelvic floor physio helped me more than any cream did, honestly go

resources

    self-care
"""


def test_a_lowercase_thread_keeps_its_lone_and_hyphened_words_as_typed() -> None:
    out = normal_case(THREAD)
    assert written_in_lowercase(THREAD)
    for word in ("hedgehog-in-a-teacup", "tired_of_ice_packs", "\nresources\n", "self-care"):
        assert word in out


@pytest.mark.parametrize(("word", "expected"), [
    ("dont", True), ("theyd", True), ("im", True), ("hadnt", True), ("james", False), ("ross", False),
])
def test_a_contraction_without_its_apostrophe_is_told_from_a_name(word: str, expected: bool) -> None:
    assert bare_contraction(word) is expected


@pytest.mark.parametrize(("word", "expected"), [
    ("bloodwork", True), ("waitlist", True), ("nonbinary", True),
    ("datamade", False), ("broadmeadow", False), ("blackwood", False), ("newcastle", False),
])
def test_two_words_written_as_one_are_a_word_only_if_english_uses_them(word: str, expected: bool) -> None:
    assert english_compound(word) is expected


def test_texting_shorthand_and_single_letters_stay_as_typed_but_a_middle_initial_stays_a_capital() -> None:
    texted = (
        "ok so r u ready for this, me n my bf went to see dr k at the clinic and ur gonna laugh but "
        "the physio was lovely tbh and she had a poster of codey m ross on the wall which was weird "
        "but fine, we went back for bloodwork twice and now im on the waitlist for the next bit x"
    )
    out = normal_case(texted)
    for typed in (" r u ", " n my bf ", " ur ", " tbh ", "bloodwork", "waitlist"):
        assert typed in out
    assert "Codey M Ross" in out
