"""Ages as people introduce themselves and firms by where their staff work (issue #11, tenth
round): an age standing alone as a sentence of a self-introduction ("Forty-seven. Born
in..."), an age by what a life does at it ("when I hit 40", "being twenty-five again"), a
firm after a word for work ("I drive for UPS") or before a word for a workplace ("an Amazon
fulfillment center").  Every sentence here is written for this test, not taken from a
corpus."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import found


@pytest.mark.parametrize(
    ("text", "age"),
    [("Name's Tomasz. Fifty-one. Born in Gdynia, moved here at twenty.", "Fifty-one"),
     ("Hello to everyone in the group. 58. Been driving taxis since the nineties.", "58"),
     ("Everybody calls me Bex. Thirty-three years. Mum of two wild boys.", "Thirty-three"),
     ("Me? 44. Retired early from the railway.", "44")],
)
def test_an_age_alone_as_a_sentence_of_an_introduction(text: str, age: str) -> None:
    assert ("AGE", age) in found(text)


@pytest.mark.parametrize(
    "text",
    ["Doctors seen? 14. Been a long road, though.", "Days off work this year? 21. Nobody noticed.",
     "Week 3. 20. Been told to rest."],
)
def test_a_count_alone_as_a_sentence_is_no_age(text: str) -> None:
    assert [words for kind, words in found(text) if kind == "AGE"] == []


@pytest.mark.parametrize(
    ("text", "age"),
    [("By the time I hit 40 I had stopped asking.", "40"),
     ("it's not like being twenty five again but it's good", "twenty five"),
     ("Honestly I feel 30 again.", "30"),
     ("I taught maths for years, now sixty-two, living by the sea.", "sixty-two"),
     ("When Dad reached 80, he finally told me.", "80")],
)
def test_an_age_by_what_a_life_does_at_it(text: str, age: str) -> None:
    assert ("AGE", age) in found(text)


@pytest.mark.parametrize(
    "text",
    ["The thermometer hit 40 degrees that week.", "It was now 3 weeks after the op, and still sore.",
     "Reached 12 sessions before it eased."],
)
def test_a_temperature_a_duration_or_a_count_is_no_life_age(text: str) -> None:
    assert [words for kind, words in found(text) if kind == "AGE"] == []


@pytest.mark.parametrize(
    ("text", "firm"),
    [("I drive for UPS out of the depot by the ring road.", "UPS"),
     ("She drove for Uber for three years before the pain started.", "Uber"),
     ("I was on 10-hour shifts at an Amazon fulfillment center.", "Amazon"),
     ("Grandad worked at the Ford plant his whole life.", "Ford"),
     ("He works nights at the Walmart distribution center.", "Walmart")],
)
def test_a_firm_after_a_word_for_work_or_before_a_workplace(text: str, firm: str) -> None:
    assert ("FACILITY", firm) in found(text)


@pytest.mark.parametrize("text", ["I WORK AT HOME MOST DAYS NOW.", "I WENT TO BED AT NINE."])
def test_a_shouted_everyday_word_after_work_is_no_firm(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("Please don't wait as long as I did.\n\n— Hemalatha", "Hemalatha"),
     ("Keep at the exercises, lads.\n\n- Norm", "Norm"),
     ("Thank you for reading this far,\nR.", "R")],
)
def test_a_name_after_a_dash_or_an_initial_under_a_closing_signs_the_story(text: str, name: str) -> None:
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize(
    "text",
    ["It does get better.\n\n- Anonymous", "Thank you all.\n\n— A grateful patient",
     "With warm regards,\nA Grateful Patient", "You are not alone.\n\n— Me"],
)
def test_a_dash_before_an_everyday_word_signs_no_name(text: str) -> None:
    assert [words for kind, words in found(text) if kind == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("Kia ora. My name is Hope, I'm 29 and a nurse.", "Hope"),
     ("MY NAME IS MAY AND I AM 70.", "MAY"),
     ("it started after the wedding, and my husband, Arjun, never once complained.", "Arjun")],
)
def test_a_name_given_outright_is_a_name_whatever_word_it_is(text: str, name: str) -> None:
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize(
    "text",
    ["The real name is Vulvodynia, which nobody could pronounce.", "My name is Not Important here.",
     "NO NAMES BC MY WHOLE FAMILY WOULD KNOW."],
)
def test_a_condition_a_phrase_or_a_plural_after_name_is_no_name(text: str) -> None:
    assert [words for kind, words in found(text) if kind == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [("is this normal?\n\nBlueHeron77 · 12/02/24 08:41\n\nYes, it was for me.", "BlueHeron77"),
     ("Good luck.\n\nmarmitequeen\nRegistered Users Posts: 812\n\nSame here.", "marmitequeen"),
     ("it helped.\n\nwei.ling.t replied:\nMine too.", "wei.ling.t")],
)
def test_a_forum_posts_header_names_its_poster(text: str, handle: str) -> None:
    assert ("HANDLE", handle) in found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [("the pessary wasn't cheap under my Humana plan.", "Humana"),
     ("I claimed it back on my Great Eastern rider.", "Great Eastern"),
     ("We went private through Southern Cross in the end.", "Southern Cross"),
     ("Baby arrived in May and I go KKH for physio now.", "KKH")],
)
def test_an_insurer_before_its_product_or_after_through_and_a_hospital_after_go(text: str, name: str) -> None:
    assert ("FACILITY", name) in found(text)


@pytest.mark.parametrize(
    "text",
    ["I wrote my Birth Plan twice.", "Manitoba Blue Cross covered part of it.",
     "HE THOUGHT I'D WENT AFF HIM.", "MI ISAPRE NO CUBRÍA NADA."],
)
def test_a_plan_a_provincial_scheme_or_a_shouted_word_is_no_insurer_or_hospital(text: str) -> None:
    assert [words for kind, words in found(text) if kind == "FACILITY"] == []


@pytest.mark.parametrize(
    ("text", "facility"),
    [("Mon médecin m’a référée à l’Hôpital régional de Saint-Jérôme.", "l’Hôpital régional de Saint-Jérôme"),
     ("On m’a opéré au Centre hospitalier de Granby en mai.", "Centre hospitalier de Granby"),
     ("Emailed Pelvic Health Dublin this morning.", "Pelvic Health Dublin"),
     ("I found Women's Physio Brisbane online.", "Women's Physio Brisbane")],
)
def test_a_french_hospital_and_a_clinic_named_by_its_care_and_town(text: str, facility: str) -> None:
    assert ("FACILITY", facility) in found(text)


def test_a_quotations_attribution_names_her_age_and_her_suburb() -> None:
    text = "“Back on the trails” — Maribel T., 38, Kitsilano\n\nI had leaked since my second."
    assert {("PERSON", "Maribel T."), ("AGE", "38")} <= set(found(text))
    assert any(kind == "LOCATION" and "Kitsilano" in words for kind, words in found(text))


def test_a_dash_between_words_is_no_attribution() -> None:
    assert found("It was a long week — Monday, Tuesday, Wednesday") == []


@pytest.mark.parametrize(
    ("text", "age"),
    [("I couldn't tell a five-year-old why Gran was crying.", "five"),
     ("a thirty-one-year-old mum of twins", "thirty-one"), ("A FORTY-TWO-YEAR-OLD WOMAN", "FORTY-TWO")],
)
def test_a_spelled_age_before_year_old_is_an_age(text: str, age: str) -> None:
    assert ("AGE", age) in found(text)


@pytest.mark.parametrize("text", ["She teaches four- and five-year-olds.", "The car is two years old."])
def test_a_class_of_children_or_a_things_age_is_no_persons_age(text: str) -> None:
    assert [words for kind, words in found(text) if kind == "AGE"] == []


def test_a_policy_number_of_one_letter_and_slashes_is_an_id() -> None:
    text = "Will it be covered (policy no. K/220871/03/2024/113092)?"
    assert ("ID", "K/220871/03/2024/113092") in found(text)
