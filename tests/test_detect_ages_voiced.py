"""Ages without a verb or a cue word, lowercase dates, seasons, ranges and labels before a
date, holidays with their year in any case (issue #11, sixth and seventh rounds)."""

from __future__ import annotations

import pytest

from stories.detect import detect
from tests.detect_prose_util import found, words_of


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Since I was maybe sixteen my periods have been hectic.", "sixteen"),
        ("Shanice, she only fifteen and she already having bad pain.", "fifteen"),
        ("Mi name Sharlene, mi 39, mi live inna Portmore.", "39"),
        ("Miss Pansy (she ole now, she 82) seh it was a fibroid.", "82"),
        ("Mi madre, que tiene 61, me confesó después.", "61"),
    ],
)
def test_an_age_without_a_verb_or_after_a_hedge_is_found(text: str, needle: str) -> None:
    assert words_of(text, "AGE") == [needle]


@pytest.mark.parametrize(
    "text", ["I gave she 15 minutes to get ready.", "He said she 20 minutes late again?"],
)
def test_a_number_with_a_unit_after_a_pronoun_is_no_age(text: str) -> None:
    assert [f for f in detect(text) if f.kind == "AGE"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("first appt was wed 8th march and i went with my mam", [("DATE", "wed 8th march")]),
        ("i got my lap on tuesday 18 october 2022, the week before", [("DATE", "tuesday 18 october 2022")]),
        ("on the 3rd of may 2021 we drove up", [("DATE", "the 3rd of may 2021")]),
        ("we did 10 may be more", []),
        ("over thanksgiving break '22 with my mom", [("DATE", "thanksgiving break '22")]),
        ("by may half term 2023 i didnt need the tablets", [("DATE", "may half term 2023")]),
        ("Desde los catorce mis reglas eran un infierno.", [("AGE", "catorce")]),
        ("not like when we were twenty-five but good", [("AGE", "twenty-five")]),
        ("we were 30 minutes late", []),
    ],
)
def test_lowercase_dates_and_more_voiced_ages(text: str, expected: list) -> None:
    assert found(text, ("DATE", "AGE")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("so soz for the spelling\n\ndemi (23) from hull", [("PERSON", "demi"), ("AGE", "23")]),
        ("hi im maddie, 21, senior at umich", [("PERSON", "maddie"), ("AGE", "21")]),
        ("im tired, 21, and done", [("AGE", "21")]),
        ("saw dr pengelly on fri", [("PERSON", "pengelly")]),
        ("with dr adeyinka-moss who did the test", [("PERSON", "adeyinka-moss")]),
        ("i have a dr appointment tomorrow", []),
    ],
)
def test_names_written_in_lower_case_with_an_age_or_a_title(text: str, expected: list) -> None:
    assert found(text, ("PERSON", "AGE")) == expected


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("It started partway through the 2019/20 season. Ache.", "the 2019/20 season"),
        ("2. w/c 11/01/21. Burning on urination.", "w/c 11/01/21"),
        ("from the 9th to the 13th of January 2023 for tests", "from the 9th to the 13th of January 2023"),
        ("I got in on o dia 3 de novembro de 2021, which I remember.", "o dia 3 de novembro de 2021"),
    ],
)
def test_seasons_week_labels_ordinal_ranges_and_portuguese_days(text: str, needle: str) -> None:
    assert words_of(text, "DATE") == [needle]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("when I hit 50 it all changed", ["50"]), ("Tired. By 30 I had given up.", ["30"]),
     ("pain went down by 20, I think", []), ("when I hit 10 on the scale", [])],
)
def test_a_life_stage_reached_is_an_age(text: str, expected: list) -> None:
    assert words_of(text, "AGE") == expected


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("but by new years 2024 we managed it, properly", "new years 2024"),
        ("we got together just before valentines 2023 and", "valentines 2023"),
        ("by summerfest 2023 i was back on my bike", "summerfest 2023"),
        ("At Paște 2023 my cousin visited from Slough.", "Paște 2023"),
        ("they started asking about good news by Eid ul Adha 2022. I smiled.", "Eid ul Adha 2022"),
        ("Casei com o Thiago no Carnaval de 2021, numa cerimônia pequena.", "Carnaval de 2021"),
        ("We saw them Canada Day long weekend 2021, or so.", "Canada Day long weekend 2021"),
    ],
)
def test_a_holiday_or_festival_with_its_year_in_any_case_or_script(text: str, date: str) -> None:
    assert date in words_of(text, "DATE")


@pytest.mark.parametrize(
    ("text", "date"),
    [("I told my mum on boxing day 2022 and she cried.", "boxing day 2022"),
     ("I gave birth to my daughter on Boxing Day 2020.", "Boxing Day 2020")],
)
def test_the_words_before_a_holiday_are_not_part_of_its_date(text: str, date: str) -> None:
    assert words_of(text, "DATE") == [date]


@pytest.mark.parametrize(
    ("text", "age"),
    [("Mi hija Esperanza, que tiene 22 y estudia enfermería.", "22"),
     ("Puis, vers vingt-cinq ans, les rapports sont devenus douloureux.", "vingt-cinq")],
)
def test_an_age_after_spanish_tiene_before_y_and_after_french_vers(text: str, age: str) -> None:
    assert words_of(text, "AGE") == [age]


def test_french_vers_before_a_time_later_is_no_age() -> None:
    assert words_of("Vers 3 ans plus tard, j'ai consulté.", "AGE") == []


@pytest.mark.parametrize(
    ("text", "age"),
    [("I hit forty and everything changed.", "forty"), ("My son is seven.", "seven"),
     ("My daughter was two when it started.", "two"), ("Twenty-six years old, newly married.", "Twenty-six"),
     ("My husband (41) was patient with me.", "41")],
)
def test_a_reached_age_a_childs_a_spelled_age_in_years_and_a_relatives(text: str, age: str) -> None:
    assert words_of(text, "AGE") == [age]


@pytest.mark.parametrize(
    "text", ["My brother is one of a kind.", "I hit one of the bins.", "The twins were born at 34 weeks."]
)
def test_a_count_or_a_one_of_after_a_relative_is_no_age(text: str) -> None:
    assert words_of(text, "AGE") == []


def test_a_short_date_after_a_capitalised_cue_opening_a_sentence() -> None:
    assert words_of("On 3/4 I went back to the clinic.", "DATE") == ["3/4"]


@pytest.mark.parametrize(
    ("text", "age"),
    [("ok so here goes\n\n27f from walton and we have been together years", "27f"),
     ("When I was with 29 years I start to have pain in the sex.", "29"),
     ("Chamo-me Catarina, tenho trinta e dois anos e sou de Matosinhos.", "trinta e dois")],
)
def test_a_forum_age_a_calqued_age_and_a_portuguese_age_in_words(text: str, age: str) -> None:
    assert age in words_of(text, "AGE")


@pytest.mark.parametrize("text", ["I ran 10k in 45m with a friend.", "I worked with 10 years of experience."])
def test_a_distance_a_time_or_experience_is_no_age(text: str) -> None:
    assert words_of(text, "AGE") == []


def test_a_romance_preposition_opening_a_sentence_is_no_part_of_a_holiday_date() -> None:
    text = "Y así fue.\n\nEn Nochevieja de 2022, por fin, lo conseguimos."
    assert words_of(text, "DATE") == ["Nochevieja de 2022"]


@pytest.mark.parametrize(
    ("text", "age"),
    [("For newbies: primary vaginismus, 26 at the time, never managed a tampon.", "26"),
     ("I'm Jolene, 30 this year. Married in March.", "30"),
     ("We met in halls. Nineteen at the time, and scared of everything.", "Nineteen")],
)
def test_an_age_with_the_time_it_held_at_is_an_age(text: str, age: str) -> None:
    assert words_of(text, "AGE") == [age]


@pytest.mark.parametrize("text", ["I was taking 30 at the time, then 20.", "We sold 40 this year."])
def test_a_count_with_a_time_is_no_age(text: str) -> None:
    assert words_of(text, "AGE") == []


@pytest.mark.parametrize(
    ("text", "date"),
    [("O parto foi no Hospital, no verão de 2021. Foi longo.", "verão de 2021"),
     ("En invierno de 2020 fui a la fisio por fin.", "En invierno de 2020"),
     ("C'était l'été 2017, je crois.", "l'été 2017")],
)
def test_a_season_with_its_year_in_a_romance_language_is_a_date(text: str, date: str) -> None:
    assert words_of(text, "DATE") == [date]


@pytest.mark.parametrize(
    "text",
    ["After the physio I would say the pain is 2 from 10, before it was 7.",
     "It was 8 out of 10 in January. Now it is 2, sometimes 3.", "My score was 31 and now it is 9."],
)
def test_a_pain_score_or_a_thing_s_number_is_no_age(text: str) -> None:
    assert words_of(text, "AGE") == []


def test_a_person_s_number_after_was_is_still_an_age() -> None:
    assert words_of("When I was 7 I fell off a wall. My daughter is 16 now.", "AGE") == ["7", "16"]


@pytest.mark.parametrize(
    ("text", "age"),
    [("I am a man of 44 years, originally from Harare.", "44"),
     ("A woman of fifty-two, living alone.", "fifty-two")],
)
def test_a_person_of_an_age_is_an_age(text: str, age: str) -> None:
    assert age in words_of(text, "AGE")


@pytest.mark.parametrize(
    ("text", "age"),
    [("We married in the summer of 2021, both 27, and thought we'd have the rest sorted.", "27"),
     ("We were both 30 now and still scared.", "30"),
     ("my coworker deb, who is like sixty and has seen everything, said go.", "sixty")],
)
def test_a_shared_age_or_an_age_after_who_is_is_an_age(text: str, age: str) -> None:
    assert age in words_of(text, "AGE")


def test_a_count_after_both_is_no_age() -> None:
    assert words_of("I took both 20 minutes ago, then slept.", "AGE") == []


def test_a_lowercase_month_with_its_ordinal_day_and_year_is_one_date() -> None:
    assert words_of("first appt was march 3rd 2022 and i almost cancelled", "DATE") == ["march 3rd 2022"]
