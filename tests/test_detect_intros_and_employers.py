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
