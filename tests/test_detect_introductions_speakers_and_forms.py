"""A writer who introduces herself as "<name> here", a chat speaker whose label is a word
("Pips:" beside "Bev:"), forms whose labels are Dutch, German, Scandinavian, Polish, Czech or
Italian ("Leeftijd: 46", "Woonplaats: Utrecht"), a dotted day before a month, a closing typed
in lower case, and a Discord name with its tag.  Every text here is written for this test,
not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import found, words_of


@pytest.mark.parametrize(("text", "name"), [
    ("Servus,\n\nPoldi here, Leopold on the passport. I drove a tram for thirty years.", "Poldi"),
    ("hi all, bryn here well bryn on here anyway, long time reader", "bryn"),
    ("Hey everyone, Zosia here. I am writing this on the train.", "Zosia"),
    ("Hello, Marisol here (it was my grandmother's name too).", "Marisol"),
    ("Wiremu here. Kia ora. This is about my waterworks.", "Wiremu"),
    ("Alright. Paul here, though everyone calls me Pablo.", "Paul"),
])
def test_a_writer_introducing_herself_is_named(text: str, name: str):
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize("text", [
    "Nurse here, so I knew the words but not how to say them.",
    "Long time lurker here. First post.",
    "Same here! Nobody told me either.",
    "Dad here, and yes it happens to us too.",
    "Farmer here, so excuse the spelling.",
    "Newbie here - please be kind.",
    "Is anyone here from the north? Everyone here seems so calm.",
])
def test_a_role_or_a_word_before_here_is_no_name(text: str):
    assert words_of(text, "PERSON") == []


FORM_NL = """Naam: Joost
Leeftijd: 52
Woonplaats: Zwolle
Zorgverzekeraar: Menzis
Klacht: erectiestoornis na de operatie"""

FORM_DE = """Vorname: Hannelore
Alter: 61
Wohnort: Bielefeld
Krankenkasse: Barmer"""


@pytest.mark.parametrize(("form", "answers"), [
    (FORM_NL, [("PERSON", "Joost"), ("AGE", "52"), ("LOCATION", "Zwolle"), ("FACILITY", "Menzis")]),
    (FORM_DE, [("PERSON", "Hannelore"), ("AGE", "61"), ("LOCATION", "Bielefeld"), ("FACILITY", "Barmer")]),
    ("Imię: Bożena\nWiek: 38\nMiasto: Gdynia", [("PERSON", "Bożena"), ("AGE", "38"), ("LOCATION", "Gdynia")]),
    ("Jméno: Radek\nVěk: 45", [("PERSON", "Radek"), ("AGE", "45")]),
    ("Namn: Signe\nÅlder: 29", [("PERSON", "Signe"), ("AGE", "29")]),
])
def test_a_forms_labels_in_other_languages_say_what_their_answers_are(form: str, answers: list):
    got = found(form)
    for pair in answers:
        assert pair in got


def test_an_answer_that_declines_in_a_sentence_is_no_name():
    text = "Name: I would rather not, if that's all right\nStory: it began in spring"
    assert words_of(text, "PERSON") == []


CHAT = """Bev: did you get the results
Pips: not yet, friday they said
Bev: fingers crossed pet
Pips: ta. me and Ken are going for tea after
Update: results fine
Update: physio booked
Me: so proud of you
Me: xx"""


def test_a_speaker_whose_label_is_a_word_is_named_beside_other_speakers():
    names = words_of(CHAT, "PERSON")
    assert names.count("Pips") == 2 and "Bev" in names
    assert not {"Update", "Me"} & set(names)


def test_a_word_label_alone_or_a_presenter_is_no_speaker():
    transcript = "PRESENTER: welcome back\nCALLER: hi, thanks\nPRESENTER: go on\nCALLER: so it started"
    assert words_of(transcript, "PERSON") == []
    notes = "Update: the cream helped\nUpdate: still sore on the left"
    assert words_of(notes, "PERSON") == []


def test_a_name_field_for_the_website_is_a_name_field():
    got = found("Preferred name for publication: Bel\nAge: 44\nPreferred name on website: R.\n"
                "Suburb: Kogarah")
    assert ("PERSON", "Bel") in got and ("PERSON", "R") in got and ("LOCATION", "Kogarah") in got


@pytest.mark.parametrize(("text", "date"), [
    ("On 17. mai 2022, the national day, I could finally stand in the crowd.", "17. mai 2022"),
    ("The operation was on 4. december 2019 at the county hospital.", "4. december 2019"),
])
def test_a_day_with_a_dot_before_a_month_is_part_of_the_date(text: str, date: str):
    assert ("DATE", date) in found(text)


def test_a_numbered_list_before_a_month_stays_outside_the_date():
    got = found("1. March 2020: diagnosed\n2. June 2021: surgery", ("DATE",))
    assert got == [("DATE", "March 2020"), ("DATE", "June 2021")]


@pytest.mark.parametrize(("text", "name"), [
    ("it does get better, i promise.\n\nlove, Bron x\n", "Bron"),
    ("Please see your GP if this sounds like you.\n\nAuntie R.\n", "R"),
    ("Thank you for reading,\nGrandma Ines\n", "Ines"),
])
def test_a_lowercase_closing_or_a_kin_word_before_a_signature(text: str, name: str):
    assert ("PERSON", name) in found(text)


def test_a_closing_in_lowercase_before_everyday_words_is_no_signature():
    assert words_of("that is all from me.\n\nlove, the whole family\n", "PERSON") == []


@pytest.mark.parametrize(("text", "handle"), [
    ("if u want an invite dm me, im kestrel_rides#4412 on there", "kestrel_rides#4412"),
    ("add me: Fern.Moth#0731 (pelvic pain pals server)", "Fern.Moth#0731"),
])
def test_a_discord_name_with_its_tag_is_a_handle(text: str, handle: str):
    assert ("HANDLE", handle) in found(text)


@pytest.mark.parametrize("text", ["we were in room #1234 for hours", "#endo #1234 #spoonie"])
def test_a_number_after_a_hash_alone_is_no_handle(text: str):
    assert words_of(text, "HANDLE") == []


@pytest.mark.parametrize(("text", "handle"), [
    ("Usuaria: nubedeabril\nAsunto: por fin un diagnóstico", "nubedeabril"),
    ("Utilisatrice : perinee_sereine", "perinee_sereine"),
])
def test_a_forums_user_label_in_spanish_or_french_gives_a_handle(text: str, handle: str):
    assert ("HANDLE", handle) in found(text)


def test_the_word_users_in_spanish_is_no_label():
    assert words_of("los usuarios del foro fueron muy amables conmigo", "HANDLE") == []


def test_a_time_after_a_platform_is_no_handle():
    assert words_of("I read loads of these threads at 2am and cried", "HANDLE") == []
    assert words_of("found it on TikTok at 11:30pm, of all places", "HANDLE") == []
