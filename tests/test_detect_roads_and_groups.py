"""Numbered roads, organisations named "<Head> of/for ...", Tumblr reblog names, chat-export
titles and the unit words of an address (issue #11, seventeenth round): "a stretch like I-40",
"the Association of Peyronie's Disease Advocates", "moss-covered-cryptid" alone on a line,
"WhatsApp Chat with "Peckham Aunties Zumba 💃🏾"", "Bldg 12, Sursock Street", "Av. Santa Fe
3120, 4° B".  Every text here is written for this test, not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import covered, flagged_words, found


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
    assert not any(k == "LOCATION" for k, _ in found(text))


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
    handles = [w for k, w in found(THREAD) if k == "HANDLE"]
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
    assert not any(k == "FACILITY" for k, _ in found(text))
