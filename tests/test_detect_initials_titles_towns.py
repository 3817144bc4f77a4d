"""Identifiers the fourteenth round found missed or over-read (issue #11): initials before and
after a surname, a lone initial signing a story, titles of rank, church and office left out
of a name, ages in Pidgin, Sheng and Patois and "Around 51 my...", towns whose names hold a
lowercase word, Spanish institutes, parishes and radio stations; and words that are no
names: a chat label such as "Bestie", and a word of the story's own language that a rule
read once as a name.  Every sentence here is written for this test, not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The letter was signed by J. Pugsley yesterday.", "J. Pugsley"),
        ("I went to see W.W. Hastings twice.", "W.W. Hastings"),
        ("Her physio, A. B. Okafor, rang back.", "A. B. Okafor"),
        ("I am Sunil Kumar P.V., 46 years, working on site.", "Sunil Kumar P.V."),
    ],
)
def test_initials_before_or_after_a_surname_are_part_of_the_name(text: str, name: str) -> None:
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [("We moved to the U.S. Rachel came later.", "Rachel"),
     ("Q. Declan, thanks.\nA. Nuala said so.", "Nuala")],
)
def test_an_abbreviation_or_an_interviews_answer_is_no_initial(text: str, name: str) -> None:
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize("text", ["Insist. It burns, it is not normal.\n\nG.", "Cheers, guv.\nT.\n"])
def test_a_capital_and_a_full_stop_alone_on_the_last_line_sign_the_story(text: str) -> None:
    assert ("PERSON", text.strip()[-2]) in found(text)


def test_a_capital_inside_the_last_line_signs_nothing() -> None:
    assert found("It took a year.\nPlan A.") == []


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Pastor Dale asked me to write this.", "Dale", "Pastor"),
        ("El Padre Ramiro me pidió que escribiera esto.", "Ramiro", "Padre"),
        ("My section sergeant, SFC Odom, noticed.", "Odom", "SFC"),
        ("PT with Capt Reinholt was ten sessions.", "Reinholt", "Capt"),
    ],
)
def test_a_title_of_rank_church_or_office_is_left_out_of_the_name(text: str, name: str, title: str) -> None:
    people = [w for k, w in found(text) if k == "PERSON"]
    assert name in people
    assert not any(title in w for w in people)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("My name na Blessing, I dey 29, I be hairdresser.", "29"),
        ("people call mi Miss Cinty, mi a 54 and mi teach.", "54"),
        ("prostate ni ya wazee? niko 31. nikaenda hospital.", "31"),
        ("Around 51 my periods stopped.", "51"),
        ("About 40 I found out what it was.", "40"),
    ],
)
def test_ages_in_pidgin_sheng_patois_and_around_an_age(text: str, age: str) -> None:
    assert ("AGE", age) in found(text)


@pytest.mark.parametrize(
    "text",
    ["Around 30 of us came to the meeting.", "About 2019 I moved house.", "I dey 20 minutes from home."],
)
def test_counts_years_and_durations_are_no_ages(text: str) -> None:
    assert not [w for k, w in found(text) if k == "AGE"]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("They sent me to a private place in Port of Spain for it.", "Port of Spain"),
        ("I grew up in Barrow in Furness, then left.", "Barrow in Furness"),
    ],
)
def test_a_town_whose_name_holds_a_lowercase_word_is_found_whole(text: str, town: str) -> None:
    assert ("LOCATION", town) in found(text)


def test_a_lowercase_word_between_a_capital_and_a_country_makes_no_town() -> None:
    assert found("Instead of Spain we went nowhere.") == []


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        ("En el Instituto Gamma me salvaron la vida.", "Instituto Gamma"),
        ("A programme on CBS FM on a Sunday evening changed it.", "CBS FM"),
        ("Mi tía limpia la Parroquia San Judas los martes.", "Parroquia San Judas"),
    ],
)
def test_an_institute_a_parish_and_a_radio_station_are_facilities(text: str, facility: str) -> None:
    assert any(k == "FACILITY" and facility in w for k, w in found(text))


def test_a_chat_label_for_a_best_friend_is_no_name() -> None:
    chat = "Bestie 💕: where are you??\nMe: here\nBestie 💕: ok good"
    assert found(chat) == []


def test_a_word_the_story_writes_in_lowercase_again_and_again_is_no_name() -> None:
    text = ("one fine sister wey dem dey call Funke, she teach me. I dey do am morning. I dey do am night. "
            "I dey plait hair. customer no dey know. I dey fine now.")
    assert [w for k, w in found(text) if k == "PERSON"] == ["Funke"]


def test_a_lowercase_name_written_three_times_is_still_a_name_each_time() -> None:
    text = "me and jake went out. jake drove. later jake said sorry."
    assert [w for k, w in found(text) if k == "PERSON"] == ["jake", "jake", "jake"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Ward / Department: Gynae day unit, St Mary's", "St Mary's"),
        ("Staff nurse ako sa St George's in Tooting.", "St George's"),
        ("mind in 3rd year biology at st roch's when the teacher", "st roch's"),
    ],
)
def test_a_place_named_for_a_saint_with_the_possessive_is_a_facility(text: str, place: str) -> None:
    assert ("FACILITY", place) in found(text)


@pytest.mark.parametrize(
    "text",
    ["On St Patrick's Day we went out.", "I took St John's wort for a month.", "a St Patrick's weekend away",
     "my mum swears by st john's wort"],
)
def test_a_saints_day_and_the_herb_are_no_places(text: str) -> None:
    assert not [w for k, w in found(text) if k == "FACILITY"]


def test_a_first_name_and_an_age_inside_brackets_give_the_age() -> None:
    assert ("AGE", "3") in found("I stopped minding my grandson (Alfie, 3) because I couldn't lift him.")
    assert not [w for k, w in found("It was bad (March, 12 weeks in).") if k == "AGE"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("Sawlo, demandez la rééducation.\n\nS. 🤍", "S"),
     ("Send me your stories, I read all.\nBeijos, Ju", "Ju")],
)
def test_a_signature_with_an_emoji_or_under_a_closing_in_another_language(text: str, name: str) -> None:
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize("text", ["Y si no te escucha, busca otra.\n\nBesos 💕", "Merci à toutes.\n\nBisous"])
def test_a_closing_alone_on_the_last_line_is_no_name(text: str) -> None:
    assert found(text) == []


def test_a_posts_edit_line_dates_its_month_and_day() -> None:
    text = "Ask me anything.\n\nEDIT 6/20: thank you all.\n\nEDIT 2 6/21: to the person asking"
    assert [w for k, w in found(text) if k == "DATE"] == ["6/20", "6/21"]


def test_a_log_dates_its_lines_with_a_month_and_a_day() -> None:
    text = "Catheter out.\n\n6/1 – 8 pads. Soaked through 2.\n7/4 – fireworks and one sneeze.\n10/3: pad test"
    assert [w for k, w in found(text) if k == "DATE"] == ["6/1", "7/4", "10/3"]


@pytest.mark.parametrize("text", ["7/10 pain today, 5/10 later.", "3/ started in summer.\n4/ it got worse."])
def test_a_score_or_a_threads_numbering_is_no_log_date(text: str) -> None:
    assert not [w for k, w in found(text) if k == "DATE"]


def test_childrens_ages_said_together_are_each_an_age() -> None:
    text = "My boys are 9 and 12. The kids are now 4, 7 and 10."
    assert [w for k, w in found(text) if k == "AGE"] == ["9", "12", "4", "7", "10"]
    assert not [w for k, w in found("The kids are 2 hours away now.") if k == "AGE"]


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("It gets better.\n\nConstantlyDecaf\n\nThank you for posting this.", "HANDLE", "ConstantlyDecaf"),
        ("Comments:\npelvicphysio.kate Crying at my desk.", "HANDLE", "pelvicphysio.kate"),
        ("231 likes · 58 comments\n\nmarcus t\nman this is the post I needed", "PERSON", "marcus t"),
        ("Endo Warriors Naija · Private group\n\nHi all", "FACILITY", "Endo Warriors Naija"),
        ("Posted in Pelvic Pain Pals · Public group\n\nHi all", "FACILITY", "Pelvic Pain Pals"),
    ],
)
def test_a_communitys_user_names_and_groups_on_their_own_lines(text: str, kind: str, words: str) -> None:
    assert (kind, words) in found(text)


@pytest.mark.parametrize(
    "text",
    ["Sent from my phone.\n\nWhatsApp\n", "See the page:\nbbc.co.uk has it all", "Ring someone.\n\nAoife x\n",
     "Things that helped:\nPlan B\nVitamin D", "Anonymous member · Private group\n\nHi"],
)
def test_a_product_a_web_address_a_kiss_and_an_anonymous_poster_are_no_user_names(text: str) -> None:
    lines = ("Aoife x", "Plan B", "Vitamin D")
    assert not [w for k, w in found(text) if k in ("HANDLE", "FACILITY") or w in lines]


def test_a_chat_speaker_named_with_a_word_for_a_relative_is_named_whole() -> None:
    chat = "Meera Didi: always. what happened.\nAnu: it hurts\nMeera Didi: go see someone"
    assert [w for k, w in found(chat) if k == "PERSON"] == ["Meera Didi", "Anu", "Meera Didi"]
    assert found("Dear Team: thanks.\nDear Team: again.") == []
