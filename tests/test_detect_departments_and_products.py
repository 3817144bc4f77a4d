"""Words that name no one, as clinics' pages and patients write them (issue #11, tenth
round): a department or a programme named by what it does ("the Men's Health Program",
"Occupational Health"), an observance ("Endometriosis Awareness Month"), a holiday whose
"of" splits it ("the Fourth of July"), a brand before its product ("Tena pads"), "Dr
Google", a heading's noun after its teller's name ("Ray's Story"), a greeting before a name
("Bore da Siân"), national schemes ("Medisave", "ACC") and a date before a clock time.
Every sentence here is written for this test, not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import found


@pytest.mark.parametrize(
    "text",
    ["She sees men at the Men's Health Program on Tuesdays.", "To: Men's Health Clinic intake",
     "I spoke to Occupational Health about the shifts.",
     "Every March, for Endometriosis Awareness Month, I post.",
     "We wrote this for our Women's Month series.", "I went to the Fourth of July fireworks dry.",
     "I wore Tena pads for years.", "The Serola belt was a lifesaver.", "Too many nights with Dr Google.",
     "Can use Medisave for physio? ACC doesn't cover it."],
)
def test_a_department_an_observance_a_holiday_a_product_or_a_scheme_names_no_one(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("“I Stopped Hiding” — Ray’s Story", "Ray"),
     ("Patient Voices: Harpreet’s Journey with Endometriosis", "Harpreet"),
     ("Bore da Siân, I hope you are well.", "Siân")],
)
def test_the_name_alone_is_found_in_a_heading_or_after_a_greeting(text: str, name: str) -> None:
    persons = [words for kind, words in found(text) if kind == "PERSON"]
    assert persons and all(name in words for words in persons)
    assert not any("Story" in words or "Journey" in words or "Bore" in words for words in persons)


def test_a_date_written_with_dashes_before_a_clock_time_is_no_phone() -> None:
    assert found("Posts: 14\n09-03-2023 10:47pm") == [("DATE", "09-03-2023")]


def test_a_name_before_its_products_still_is_a_name() -> None:
    assert ("PERSON", "Sarah") in found("I borrowed Sarah's pads that week.")


@pytest.mark.parametrize(
    "text",
    ["The MRI of my spine came back. Normal. I took ibuprofen.", "They said it was normal. Normal? NORMAL??",
     "Normal is not the same as common.", "mi deh inna church Sunday gone",
     "she sent a jar of desi ghee for me"],
)
def test_a_town_named_by_an_everyday_word_alone_and_loan_words_name_no_one(text: str) -> None:
    assert found(text) == []


def test_a_town_named_by_an_everyday_word_still_is_before_its_state() -> None:
    text = "I grew up in Normal, Illinois."
    assert any(kind == "LOCATION" and "Normal" in words for kind, words in found(text))


def test_a_loan_word_capitalised_after_a_relation_is_still_a_name() -> None:
    text = "My friend Inna and my cousin Desi came with me."
    assert found(text) == [("PERSON", "Inna"), ("PERSON", "Desi")]


@pytest.mark.parametrize(
    "text",
    ["I was buying Tena Lady in bulk.", "Just buy Tena and get on with it.", "a single TENA Men Level 1 pad"],
)
def test_a_brand_that_is_a_first_name_in_a_products_place_names_no_one(text: str) -> None:
    assert found(text) == []


def test_the_same_word_after_a_relation_or_before_said_is_a_name() -> None:
    assert found("My friend Tena came with me. Tena said it would help.") == [("PERSON", "Tena")] * 2


def test_clinical_and_texting_abbreviations_name_no_one_but_chi_and_dre_stay_names() -> None:
    assert found("my HbA1c is under seven, my PSA test was fine, my DMs are open") == []
    assert found("I met Chi at the clinic.") == [("PERSON", "Chi")]
