"""Numbered roads, organisations named "<Head> of/for ...", teams, Tumblr reblog names,
chat-export titles, a surname's possessive as a business, an address's building and floor, a
month's part, a timeline's ages and "23/F" (issue #11, seventeenth round): "a stretch like
I-40", "the Association of Peyronie's Disease Advocates", "Follow the Crusaders",
"moss-covered-cryptid" alone on a line, "WhatsApp Chat with "Peckham Aunties Zumba 💃🏾"",
"McGill's", "Bldg 12, Sursock Street", "Av. Santa Fe 3120, 4° B", "the first week of December
2023", "– 13: first period".  Every text here is written for this test, not taken from a
corpus."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import covered, flagged_words, found, words_of


@pytest.mark.parametrize("text, road", [
    ("On a stretch like I-40 between the truck stops I would cry.", "I-40"),
    ("I drove down US-41 every Friday to see her.", "US-41"),
    ("We live off FM 1703 past the feed store.", "FM 1703"),
    ("Our place is just off Route 66, if you can believe it.", "Route 66"),
    ("Stuck on Highway 401 for an hour, bladder screaming.", "Highway 401"),
    ("Two hours on the M25 with nowhere to stop.", "M25"),
    ("The drive up the N7 was a pain in itself.", "N7"),
])
def test_a_numbered_road_is_a_place(text, road):
    assert ("LOCATION", road) in found(text)


@pytest.mark.parametrize("text", [
    "My employer filled in the I-9 form the day I started.",
    "She got an A1 grade in biology.",
    "He was on an M1 visa for a year.",
    "The A9 paper size is tiny.",
])
def test_a_form_a_grade_or_a_paper_size_is_no_road(text):
    assert not words_of(text, "LOCATION")


@pytest.mark.parametrize("text, group", [
    ("the Association of Peyronie’s Disease Advocates has good stuff",
     "Association of Peyronie’s Disease Advocates"),
    ("I found her through the Institute for Muslim Mental Health directory.",
     "Institute for Muslim Mental Health"),
    ("a grant from the Society for Menstrual Cycle Research paid for it",
     "Society for Menstrual Cycle Research"),
])
def test_a_head_word_of_or_for_capitalised_words_is_an_organisation(text, group):
    assert covered(text, group)
    assert any(group in w for w in flagged_words(text))


def test_an_ordinary_phrase_after_a_head_word_is_not_one():
    assert flagged_words("we talked about the society for a while and the trust of patients") == []


THREAD = """moss-covered-cryptid

does anyone else have vulvodynia and also a cat who sits on their lap at the worst time

    softboi-soup
    not cursed!! i have it too and the cat thing is real

follow-up

    self-care
"""


def test_a_reblog_name_alone_on_a_line_is_a_handle():
    handles = words_of(THREAD, "HANDLE")
    assert "moss-covered-cryptid" in handles and "softboi-soup" in handles


def test_a_compound_word_alone_on_a_line_is_not():
    words = flagged_words(THREAD)
    assert not any(w in ("follow-up", "self-care") for w in words)


@pytest.mark.parametrize("text, group", [
    ('WhatsApp Chat with "Peckham Aunties Zumba 💃🏾"\n\n08/01/2024, 09:11 - hi', "Peckham Aunties Zumba"),
    ('Exported from "NMTC Korle Bu Class of \'01 🩺" — shared with me', "NMTC Korle Bu Class of '01"),
])
def test_a_chat_exports_title_names_the_group_without_its_emoji(text, group):
    assert ("FACILITY", group) in found(text)


@pytest.mark.parametrize("text, address", [
    ("From: N.\nBldg 12, Sursock Street, Achrafieh, Beirut\n", "Bldg 12, Sursock Street"),
    ("Domicilio: Av. Santa Fe 3120, 4° B, Palermo\n", "Av. Santa Fe 3120, 4° B"),
])
def test_an_addresses_building_floor_and_door_are_part_of_it(text, address):
    assert covered(text, address)


@pytest.mark.parametrize("text, business", [
    ("Twenty-six years behind the bar now. Mulcahy's, if you've ever been out our way.", "Mulcahy's"),
    ("I drive the buses for McGill's out the Inchinnan depot.", "McGill's"),
])
def test_a_lone_surnames_possessive_is_a_business_with_its_s(text, business):
    assert ("FACILITY", business) in found(text)


@pytest.mark.parametrize("text", [
    "My dad has Parkinson's. He still walks the dog.",
    "I came to the US for my Master's, and stayed.",
    "It is surely not the Lord's will that you suffer.",
])
def test_a_condition_a_degree_or_a_word_is_no_business(text):
    assert not words_of(text, "FACILITY")


@pytest.mark.parametrize("text, team", [
    ("Thirty-one years a season ticket holder. Follow the Crusaders, God help me.", "Crusaders"),
    ("I did those things while watching the Riders lose.", "Riders"),
    ("He has season tickets for the Blue Jays.", "Blue Jays"),
    ("It went during a Steelers game and I had to leave at half time.", "Steelers"),
    ("Now I can sit through a whole Hornets basketball game again.", "Hornets"),
    ("my husband is a big Canucks fan so he understood", "Canucks"),
    ("Thanks for reading and go the Broncos! 🏉", "Broncos"),
    ("Go Pirates go", "Pirates"),
])
def test_the_team_a_fan_follows_or_watches_is_an_organisation(text, team):
    assert ("FACILITY", team) in found(text)


@pytest.mark.parametrize("text", [
    "We watched the Olympics on the sofa with a heat pack.",
    "I just suffered and watched the Golden Girls.",
    "I stayed in and watched the Evening News with a heat pack.",
    "Kids games at the party were hard to sit through.",
    "We play board games and Cards Against Humanity on Fridays.",
])
def test_a_show_or_a_games_is_no_team(text):
    assert not words_of(text, "FACILITY")


@pytest.mark.parametrize("text, date", [
    ("I saw you from May 2023 through the first week of December 2023.", "first week of December 2023"),
    ("Then on the long weekend in May 2021 it all came to a head.", "long weekend in May 2021"),
    ("Around half-term in February 2024 I noticed small leaks.", "half-term in February 2024"),
])
def test_the_part_of_a_month_that_narrows_it_is_part_of_the_date(text, date):
    assert any(date in w for w in words_of(text, "DATE"))


TIMELINE = """My life in one place

– 13: first period. I fainted in maths.
– 16: doctor puts me on the pill "for the pain".
– 22: married, and sex hurts from the first night.
"""


def test_a_timelines_rising_ages_are_ages():
    assert words_of(TIMELINE, "AGE") == ["13", "16", "22"]


@pytest.mark.parametrize("text", [
    "Ten tips\n\n10: drink water\n11: sleep more\n12: walk daily\n",
    "By numbers\n\n10 – minutes a night, every night.\n\n12 – physio sessions, in all.\n",
])
def test_a_numbered_list_or_a_count_is_no_timeline(text):
    assert not words_of(text, "AGE")


def test_an_age_and_sex_written_with_a_slash_open_a_post():
    assert ("AGE", "23/F") in found("so here goes\n23/F, penang. vulvar pain since uni.")


@pytest.mark.parametrize("text, name", [
    ("Howay then. Big Kev asked us at the Thursday brew.", "Kev"),
    ("We went to see Tash and Jez at the weekend.", "Jez"),
    ("i told stu and he laughed", "stu"),
])
def test_a_short_form_of_a_given_name_is_a_name(text, name):
    assert any(name in w for w in words_of(text, "PERSON"))


@pytest.mark.parametrize("text", [
    "The nurse said: this is called Stress Urinary Incontinence.",
    "take the leaflet so they cant fob u off",
])
def test_a_suffix_or_u_of_inside_a_longer_word_is_no_facility(text):
    assert not words_of(text, "FACILITY")


@pytest.mark.parametrize("text", [
    "I go home and cry in the Bathroom for one hour.",
    "Pads from the Supermarket, hidden in my bag.",
    "My husband was away, in the Army, when it started.",
])
def test_a_kind_of_place_capitalised_after_the_is_no_facility(text):
    assert not words_of(text, "FACILITY")


def test_a_one_word_hospital_after_the_still_is():
    assert ("FACILITY", "Royal") in found("I got seen at the Royal first, by a gynae.")


def test_a_lowercase_doctors_whole_name_is_found():
    text = "she gave me a physio, dr mariam el-sayed, at a clinic in zamalek"
    assert ("PERSON", "mariam el-sayed") in found(text)


def test_a_days_ordinal_before_a_festivals_month_is_part_of_the_date():
    text = "It arrived on 30 March 2023, the ninth of Ramadan 1444, if you prefer that calendar."
    assert any("ninth of Ramadan 1444" in w for w in words_of(text, "DATE"))


@pytest.mark.parametrize("text, hall", [
    ("The FOP Lodge 7 rep helped with the paperwork.", "FOP Lodge 7"),
    ("I quit going to the American Legion Post 64 on Fridays.", "American Legion Post 64"),
    ("Teamsters Local 727 covered the counselling.", "Teamsters Local 727"),
])
def test_a_numbered_lodge_post_or_local_is_an_organisation(text, hall):
    assert ("FACILITY", hall) in found(text)


def test_a_numbered_blog_post_is_not():
    assert not words_of("Blog Post 3: the dilators arrive.", "FACILITY")
