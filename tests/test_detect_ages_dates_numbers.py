"""Ages, dates and numbers as chats, forums and diaries write them (issue #11, ninth
round): forum ages ("24F", "Me: 32 M."), ages at a first period and after "who's", festivals
with their own calendar's year, tropical seasons, and numbers that are no house number
(labels, counts, weekdays, a sex letter, the next line).  Every sentence here is written
for this test, not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import found


@pytest.mark.parametrize(
    ("text", "age"),
    [("ok so 29F, long time reader", "29"), ("my partner (33M) came with me", "33"),
     ("About me: 41 M. Desk job, two kids.", "41")],
)
def test_an_age_and_a_capital_sex_letter_is_an_age(text: str, age: str) -> None:
    assert any(kind == "AGE" and words.startswith(age) for kind, words in found(text))


@pytest.mark.parametrize(
    "text",
    ["the bath was 38C and it was 98F outside", "a fever of 99F that night", "they raised $40M for it",
     "Urologist #2, Dr. Patel, was kinder"],
)
def test_a_temperature_or_an_amount_is_no_age(text: str) -> None:
    assert ("AGE", "98") not in found(text) and ("AGE", "99") not in found(text)
    assert ("AGE", "40") not in found(text) and ("LOCATION", "2, Dr. Patel") not in found(text)


@pytest.mark.parametrize(
    "text",
    ["Week 3, Tuesday\nScore 5/10. Stiff after the drive.",
     "Mobile: 07700 900123\nSent from my phone",
     "Me: 38 M. Started in the spring."],
)
def test_a_number_before_a_weekday_an_everyday_line_or_a_sex_letter_is_no_street(text: str) -> None:
    assert [words for kind, words in found(text) if kind == "LOCATION"] == []


def test_an_address_still_goes_on_to_its_next_line() -> None:
    text = "Please send it to 12 Harbour Street\nNorth Berwick"
    assert any(kind == "LOCATION" and "North" in words for kind, words in found(text))


@pytest.mark.parametrize(
    ("text", "age"),
    [("my youngest, Cara, who's 15 and mortified", "15"), ("I'm Farah, 31 now, and finally well", "31")],
)
def test_an_age_after_whos_or_before_now(text: str, age: str) -> None:
    assert ("AGE", age) in found(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [("a walk round Heaton Park Sunday morning", "Heaton Park"),
     ("drinks at Brannigans Tuesday night", "Brannigans")],
)
def test_a_weekday_after_a_place_is_no_part_of_it(text: str, place: str) -> None:
    places = [words for kind, words in found(text) if kind in ("LOCATION", "FACILITY")]
    assert places == [place]


@pytest.mark.parametrize(
    "text",
    ["By Week 3, Walk 2 I was crying.", "She teaches Grade 9 English now.", "Posted in a group | 41 Comments",
     "after 2 Prolapse repairs", "Type 2 Diabetes runs in my family"],
)
def test_a_labels_number_or_a_count_of_a_word_is_no_street(text: str) -> None:
    assert [words for kind, words in found(text) if kind == "LOCATION"] == []


def test_a_street_without_a_head_after_its_number_is_still_a_street() -> None:
    assert any(kind == "LOCATION" and "Quarry" in words for kind, words in found("we lived at 12 Quarry Run"))


@pytest.mark.parametrize(
    ("text", "when"),
    [("In the wet season of 2019 it flared", "wet season of 2019"),
     ("during the monsoon of 2018", "monsoon of 2018"),
     ("the rainy season 2021 was the worst", "rainy season 2021")],
)
def test_a_tropical_season_with_its_year_is_a_date(text: str, when: str) -> None:
    assert any(kind == "DATE" and when in words for kind, words in found(text))


@pytest.mark.parametrize(
    ("text", "age"), [("Tengo 41 años y dos hijos.", "41"), ("J'ai 29 ans et un chat.", "29")]
)
def test_a_spanish_or_french_age_is_the_number_alone(text: str, age: str) -> None:
    assert ("AGE", age) in found(text)


@pytest.mark.parametrize(
    ("text", "when"),
    [("By Purim 5783 we were fine.", "Purim 5783"), ("It began at Nowruz 1401, in March.", "Nowruz 1401"),
     ("After Hogmanay 2021 it got worse.", "Hogmanay 2021")],
)
def test_a_festival_with_its_own_calendars_year_is_a_date(text: str, when: str) -> None:
    assert ("DATE", when) in found(text)


@pytest.mark.parametrize(
    ("text", "ages"),
    [("I got my first period at 12 and by 14 I was missing school.", ["12", "14"]),
     ("i started my periods at 11 and it was agony", ["11"]),
     ("she has not smiled since she was twelve.", ["twelve"])],
)
def test_a_girls_age_at_her_first_period(text: str, ages: list[str]) -> None:
    assert [words for kind, words in found(text) if kind == "AGE"] == ages


@pytest.mark.parametrize(
    "text", ["by 10 I was asleep", "we met at 9 and", "the period from 12 to 2 was quiet"]
)
def test_a_time_of_day_is_no_age(text: str) -> None:
    assert [kind for kind, _ in found(text) if kind == "AGE"] == []


@pytest.mark.parametrize(
    ("text", "bad"),
    [("our son is doing his B.Tech in Pune", ("URL", "B.Tech")),
     ("my pelvic floor was basically on 24/7", ("DATE", "24/7")),
     ("JEAN (WIFE OF FORTY-ONE YEARS) RANG THEM", ("AGE", "FORTY-ONE")),
     ("I found it at 3 a.m. on Reddit: provoked vestibulodynia.", ("HANDLE", "a.m.")),
     ("I found it at 3 a.m. on Reddit: provoked vestibulodynia.", ("HANDLE", "provoked"))],
)
def test_a_degree_a_round_the_clock_a_marriages_length_and_a_time_are_nothing(text: str, bad: tuple) -> None:
    assert bad not in found(text)


def test_a_street_never_runs_onto_the_next_paragraph() -> None:
    text = "I drive out of the Cicero Avenue depot.\n\nAbout three years ago it started."
    assert not any("About" in words for _, words in found(text))


def test_an_indian_house_number_opens_its_address() -> None:
    text = "Our flat at H.No. 41, Gandhi Chowk was the first place I felt safe."
    assert any(kind == "LOCATION" and words.startswith("H.No. 41") for kind, words in found(text))


@pytest.mark.parametrize(
    ("text", "when"),
    [("At Tabaski 2022 we went home to Thiès.", "Tabaski 2022"),
     ("Phagwah 2019 was the last time.", "Phagwah 2019"),
     ("Hari Raya 2023 I stayed home.", "Hari Raya 2023")],
)
def test_more_festivals_with_their_year_are_dates(text: str, when: str) -> None:
    assert ("DATE", when) in found(text)


@pytest.mark.parametrize(
    ("text", "age"),
    [("Q: who are you\nA: Soyeon, 24, doing my masters", "24"),
     ("I am Ólöf, 33 years, from the north.", "33"),
     ("Rosa Lim, staff nurse, 51 years, from Penang.", "51"), ("It stuck.\n\nMe: 38, two kids.", "38"),
     ("vid 1: pov ur 15 and the nurse laughs", "15"), ("arrivata verso i 51 anni, è cominciato", "51"),
     ("Since my first menses at 12 I had pain.", "12"),
     ("Mgr. Horáková is maybe thirty, very serious.", "thirty")],
)
def test_more_ages_as_people_write_them(text: str, age: str) -> None:
    assert ("AGE", age) in found(text)


def test_an_unknown_capitalised_word_before_its_age_is_a_name() -> None:
    assert ("PERSON", "Soyeon") in found("Q: who are you\nA: Soyeon, 24, doing my masters")
    assert ("PERSON", "Leeds") not in found("Leeds, 24, was a blur")


@pytest.mark.parametrize("text", ["ur 2 funny", "She gave me:\n1. HRT patches\n2. A pessary"])
def test_a_small_number_after_ur_or_a_list_after_me_is_no_age(text: str) -> None:
    assert [kind for kind, _ in found(text) if kind == "AGE"] == []


@pytest.mark.parametrize(
    ("text", "want"),
    [("stay-at-home dad to Theo (5) and Junie (2)", [("AGE", "5"), ("AGE", "2")]),
     ("It got worse. Thabo tried last night and I cried.", [("PERSON", "Thabo")]),
     ("Dan does the bins.", [("PERSON", "Dan")])],
)
def test_a_childs_age_after_a_first_name_and_a_name_before_what_people_do(text: str, want: list) -> None:
    assert all(item in found(text) for item in want)


@pytest.mark.parametrize(
    "text", ["See Step (2) below.", "Referral made that day.", "Ah thought it was normal."]
)
def test_a_numbered_step_and_a_word_before_a_verb_are_no_name(text: str) -> None:
    assert [kind for kind, _ in found(text) if kind in ("AGE", "PERSON")] == []


@pytest.mark.parametrize(
    ("text", "age"),
    [("Background: 37 (M), lineman", "37"), ("it hurt since I was like thirteen.", "thirteen"),
     ("Desde os treze anos eu sofria com cólica.", "treze"), ("(Dr. Okafor is maybe 40. Lovely.)", "40"),
     ("my daughter (shes 19 and smarter than me)", "19"), ("Thabo Nkosi here, 63. I drive a taxi.", "63")],
)
def test_still_more_ages_as_people_write_them(text: str, age: str) -> None:
    assert ("AGE", age) in found(text)


@pytest.mark.parametrize(
    "text", ["the pain is like 7 today", "the bend is about 15 degrees now", "size 12 (M) shirts"]
)
def test_a_score_an_angle_or_a_size_is_no_age(text: str) -> None:
    assert [kind for kind, _ in found(text) if kind == "AGE"] == []
