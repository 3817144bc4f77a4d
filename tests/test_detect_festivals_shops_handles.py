"""A year before its festival, shops and employers named with a digit or by two everyday
words, and user names with full stops inside.  Every sentence is written for this test."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import found


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("In 2019 Ramadhani a woman on the radio talked about fistula repair.", "2019 Ramadhani"),
        ("We married in 2019 Poson season after a long engagement.", "2019 Poson season"),
        ("I flew home for the 2021 Sankranti holidays and told my mother.", "2021 Sankranti holidays"),
        ("It started after Sallah 2022, when the pain came back.", "Sallah 2022"),
    ],
)
def test_a_festival_with_its_year_before_or_after_is_a_date(text: str, date: str) -> None:
    assert ("DATE", date) in found(text)


@pytest.mark.parametrize(
    ("text", "shop"),
    [
        ("I bought the intimate wash from 7-Eleven every single day.", "7-Eleven"),
        ("He was a postman with An Post for thirty years.", "An Post"),
        ("im a postie for royal mail, on my feet all day", "royal mail"),
    ],
)
def test_shops_and_employers_named_with_a_digit_or_everyday_words(text: str, shop: str) -> None:
    assert ("FACILITY", shop) in found(text)


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("And a shout out to endo.warriors.vic for the memes that got me through.", "endo.warriors.vic"),
        ("Add me if you want to talk: ploy.piriya_88", "ploy.piriya_88"),
    ],
)
def test_a_user_name_with_full_stops_inside(text: str, handle: str) -> None:
    assert ("HANDLE", handle) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "it hurt.then i cried.so tired of it all",  # words typed without a space
        "I kept the notes.txt file on my laptop for the physio.",
        "The leaflet was at nhs.uk/conditions and nowhere else.",  # a web address, not a handle
    ],
)
def test_dotted_words_that_are_no_user_name(text: str) -> None:
    assert not [words for kind, words in found(text) if kind == "HANDLE"]


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("Thanks for reading, and ta duck. And up the Vale!", "Vale"),
        ("Up the Irons\nDave from Barking", "Irons"),
    ],
)
def test_a_fans_cheer_names_the_team(text: str, team: str) -> None:
    assert ("FACILITY", team) in found(text)


def test_walking_up_the_hill_is_no_cheer() -> None:
    assert found("I threw up the Paracetamol! Then we walked up the Mall and back.") == []


def test_a_forum_post_header_in_spanish_names_its_author() -> None:
    assert ("HANDLE", "sentadadelado") in found("Mensaje de sentadadelado » 21 oct 2023, 19:05\n\nHola.")


def test_austrias_january_is_a_month() -> None:
    assert ("DATE", "3. Jänner 2023") in found("3. Jänner 2023\nHeute beim Frauenarzt, wieder nichts.")
