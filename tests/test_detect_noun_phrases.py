"""Title-case noun phrases and the names that look like them (issue #11, fresh-batch
round): a run of everyday words ending in a common noun is a thing ("Brain Fog", "the
Moses Basket" aside), while a firm, a team, a court or a person keeps its finding.
Every sentence here is written for this test, not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import covered, found


@pytest.mark.parametrize(
    "text",
    [
        "Everyone talks about Brain Fog and nobody about dryness.",
        "They tell you about Hot Flushes, Night Sweats, Brain Fog, Mood Swings, all of it.",
        "Clamshells with a band, then Leg Lifts, then a nap.",
        "The worst was the Night Sweats, honestly.",
    ],
)
def test_title_case_words_ending_in_a_common_noun_are_no_person(text: str) -> None:
    assert found(text, ("PERSON",)) == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("I've worked offshore for Harbour Energy for twenty years.", "Harbour Energy"),
        ("I play netball for the Midland Magpies on Saturdays.", "Midland Magpies"),
        ("The order went through Bristol Civil and Family Justice Centre last May.", "Bristol Civil"),
        ("Rand Corporation\n\n213 Pilekrogen 53", "Rand Corporation"),
        ("MY BUDDY BUBBA FROM THE VFW SAID GO.", "BUBBA"),
        ("The Clean Power Finance office is on the corner.", "Clean Power Finance"),
    ],
)
def test_a_firm_a_team_a_court_or_a_buddy_keeps_its_finding(text: str, needle: str) -> None:
    assert covered(text, needle)


@pytest.mark.parametrize(
    ("text", "name"),
    [("I'm Jolene, thirty. Married Wei Ming in March 2021, got our flat.", "Wei Ming"),
     ("We went with Kim Ming to the clinic.", "Kim Ming")],
)
def test_two_words_the_dictionary_writes_only_with_a_capital_are_a_name(text: str, name: str) -> None:
    assert covered(text, name)


def test_a_plural_weekday_stays_a_word() -> None:
    assert found("Progress was slow. Some Fridays I cancelled everything.", ("PERSON",)) == []


@pytest.mark.parametrize("text", ["I could see him getting sad and I felt awful.", "it was tiny and i cried"])
def test_a_dictionary_word_before_and_i_is_no_name(text: str) -> None:
    assert found(text, ("PERSON",)) == []


@pytest.mark.parametrize(("text", "name"), [("me n kai have been together since", "kai"),
                                            ("tash and I laughed about it", "tash")])
def test_a_name_paired_with_the_writer_stays_a_name(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text",
    ["A pelvic physio taught me Down-Training and it helped.",
     "Sorry, I’m Post-Nights. The rota was my hiding place.",
     "via a Headspace-style routine and a book", "Gynaecology Check-Up: no infection.",
     "It was 14th February 2020 (yes, Valentine's, my ex thought it was romantic)."],
)
def test_a_compound_of_words_or_a_day_by_its_owner_is_no_name(text: str) -> None:
    assert found(text, ("PERSON",)) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("My GP Mei-Ling was gentle.", "Mei-Ling"), ("Yours faithfully, Hannah Osei-Bright", "Osei-Bright"),
     ("We saw Dr Anand-Fischer in May.", "Anand-Fischer")],
)
def test_a_double_name_stays_a_name(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text",
    ["a therapist trained in Pain Reprocessing Therapy and ACT.",
     "ACT (Acceptance and Commitment Therapy) helped.",
     "I went to Youth Group every Friday.", "Excision Surgery, second time round, done properly.",
     "I kept a church fan from Vacation Bible School in my purse."],
)
def test_a_kind_of_therapy_group_operation_or_school_is_no_facility(text: str) -> None:
    assert found(text, ("FACILITY",)) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("my PT, Dana, at Peak Pelvic Therapy in Gig Harbor", "Peak Pelvic Therapy"),
     ("doing deadlifts at the Gym Group in Digbeth", "Gym Group"),
     ("During 1984, The Vanguard Group invested heavily.", "Vanguard Group"),
     ("We met at Kanata Therapy Group on Tuesdays.", "Kanata Therapy Group")],
)
def test_a_clinic_or_a_firm_named_like_an_activity_keeps_its_finding(text: str, name: str) -> None:
    assert covered(text, name)
