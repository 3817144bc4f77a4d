"""Detector rules for prose it was not tuned on (issue #11): whole postal addresses,
military addresses, streets in other languages, and the ordinary words that must not be
flagged.  Every sentence here is written for this test, not taken from a corpus."""

from __future__ import annotations

import pytest

from stories.detect import detect
from tests.detect_prose_util import covered as _covered
from tests.detect_prose_util import flagged_words as _flagged_words

# -- addresses ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # an envelope address over several lines: number, street, flat, town, code, country
        (
            "Please post the forms to me at\n"
            "4417 Tallowmere 12 Apt. 38\nBrackwater\n, QX\nNorway 40931\n\nThanks.",
            "4417 Tallowmere 12 Apt. 38\nBrackwater\n, QX\nNorway 40931",
        ),
        # quoted lines of an e-mail reply keep their ">" marks
        (
            "> Wren Okonjo\n> 77 Quillfeather Road\n> Suite 5\n> Haddersby\n",
            "77 Quillfeather Road\n> Suite 5\n> Haddersby",
        ),
        # the flat after the street on the same line, with a full stop after "Apt"
        ("We rented 9 Osterly Close Apt. 4 for a year.", "9 Osterly Close Apt. 4"),
    ],
)
def test_a_postal_address_is_found_to_its_last_line(text: str, address: str) -> None:
    assert _covered(text, address)


def test_an_address_stops_at_a_blank_line_and_at_a_sentence() -> None:
    text = "12 Pellow Street\nFernhollow\n\nKind Regards\nand thank you"
    (loc,) = [f for f in detect(text) if f.start == 0]
    assert text[loc.start : loc.end] == "12 Pellow Street\nFernhollow"
    text = "I moved to 12 Pellow Street Then I started the new job."
    assert "Then" not in " ".join(_flagged_words(text))


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Send it to PSC 4471, Box 2209\nAPO AE 09123 please.", "PSC 4471, Box 2209\nAPO AE 09123"),
        ("my husband's mail goes to unit 3310 box 18, dpo ap 96204 now", "unit 3310 box 18, dpo ap 96204"),
        ("He was posted on the USNS Harwell, FPO AP 96672, for a year.", "USNS Harwell, FPO AP 96672"),
    ],
)
def test_military_mail_addresses_are_found(text: str, address: str) -> None:
    assert _covered(text, address)
    assert any(f.kind == "LOCATION" for f in detect(text))


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Our flat was at Kőris utca 14. in Pécs.", "Kőris utca 14."),
        ("She lived at Lindholm gate 21 for years.", "Lindholm gate 21"),
        ("The clinic is on Tammelankatu 8 near the market.", "Tammelankatu 8"),
        ("ZIP: 4471", "4471"),
    ],
)
def test_streets_written_the_way_other_languages_write_them(text: str, street: str) -> None:
    assert _covered(text, street)


@pytest.mark.parametrize(
    "text",
    [
        "During the winter I barely left the house.",
        "Spring was better. Everything felt less Boring after that.",
    ],
)
def test_words_that_end_like_a_street_are_words(text: str) -> None:
    assert detect(text) == []


# -- ordinary words in title case ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # everyday words in title case mid-sentence, some of them surnames in the name lists
        "Every cough was a Gamble and every walk a Risk.",
        "The physio called it a Good Sign, which felt strange.",
        "The Waiting List at our surgery was eleven months long.",
        "I kept every letter in a folder marked Old Receipts.",
        # Spanish words opening a sentence that a gazetteer lists as a town or a name
        "Una enfermera me escuchó. Un mes después volví a la consulta. Nada cambió.",
    ],
)
def test_everyday_words_in_title_case_are_not_flagged(text: str) -> None:
    assert _flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("After the scan I talked it over with Mark Hall, my neighbour.", "Mark Hall"),
        ("We moved to Dublin when the baby came.", "Dublin"),
        ("The midwife sent me straight to Riverside Health Centre on the Monday.", "Riverside Health Centre"),
        ("Hi, I'm Tobias and this is what helped me.", "Tobias"),
        ("Last spring I went with Grace to the appointment.", "Grace"),
        ("Vivo en Buenos Aires desde hace años.", "Buenos Aires"),
    ],
)
def test_names_and_places_made_of_common_words_are_still_found(text: str, needle: str) -> None:
    assert _covered(text, needle)


def test_a_surname_that_is_a_word_is_a_name_when_listed_with_a_name() -> None:
    text = "The practice belongs to Okonkwo and Bowers, two physios I trust."
    assert _covered(text, "Okonkwo") and _covered(text, "Bowers")
    assert _flagged_words("Every cough was a Gamble and every walk a Risk.") == []


@pytest.mark.parametrize(
    "text",
    [
        "We had been together for Four Years by then.",
        "It was AWFUL pain, not the kind you can breathe through.",
        "Lo Que Nadie Me Dijo\n\nEl dolor no era normal.",
        "Pide ayuda a tu Médico, que para eso está.",
    ],
)
def test_number_words_shouting_and_spanish_emphasis_are_not_flagged(text: str) -> None:
    assert _flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "needle", "not_flagged"),
    [
        ("G'day, I'm Tilly (29) and this is my story.", "Tilly", "G'day"),
        ("La doctora que me vio, Dra. Remedios Albar, fue muy amable.", "Remedios Albar", "Dra"),
        ("Me atendieron en el Hospital Italiano hace dos años.", "Hospital Italiano", None),
        ("He grew up in HELSINKI and moved here later.", "HELSINKI", None),
        ("My physio Xiaoling was the first to listen.", "Xiaoling", None),
    ],
)
def test_the_name_is_found_without_the_words_around_it(
    text: str, needle: str, not_flagged: str | None
) -> None:
    assert _covered(text, needle)
    if not_flagged:
        assert not any(not_flagged in w for w in _flagged_words(text))


# -- names typed in lowercase -------------------------------------------------


def test_a_full_name_in_lowercase_is_found_without_a_cue() -> None:
    text = "honestly marta okafor saved me, she runs the group on tuesdays"
    assert _covered(text, "marta okafor")


def test_two_common_words_in_lowercase_are_not_a_name() -> None:
    assert _flagged_words("we walked up rose hill and will smith was on the telly") == []


def test_a_name_written_in_lowercase_marks_its_later_mentions() -> None:
    text = "me and jake moved in together last year. jake came to my second appointment"
    flagged = [f for f in detect(text) if text[f.start : f.end] == "jake"]
    assert len(flagged) == 2
    # a capitalised name does not make the lowercase word a name: "I will" stays a word
    assert _flagged_words("My daughter Will is four. I will not give up.") == ["Will"]


# -- facilities ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("she sent me for physio at Mass General in the end", "Mass General"),
        ("booked in at kirkby vale surgery for the smear", "kirkby vale surgery"),
        ("both my boys were born at the qeh and the midwives were lovely", "qeh"),
        ("what finally helped was my mate Pixie from the pub quiz", "Pixie"),
    ],
)
def test_facilities_and_nicknames_written_the_way_people_text(text: str, needle: str) -> None:
    assert _covered(text, needle)


def test_ordinary_places_after_at_are_not_facilities() -> None:
    assert _flagged_words("I was at the local hospital, then at the gym, and at the moment at home.") == []


def test_a_spanish_sign_off_and_sentence_starts_are_not_names() -> None:
    text = (
        "Durante Años pensé que era normal. Que nadie te diga lo contrario.\n\n"
        "Con Cariño, Una Mamá Que Ya No Tiene Miedo"
    )
    assert _flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("The talk was given by Hanne I. Brekkemo from the trust.", "Hanne I. Brekkemo"),
        ("Mum: are you ok?\nTavishka: yes, just tired", "Tavishka"),
        ("Oyelaran started the group in a church hall.", "Oyelaran"),
    ],
)
def test_names_by_middle_initial_speaker_label_or_verb(text: str, needle: str) -> None:
    assert _covered(text, needle)


def test_an_everyday_word_before_a_colon_is_no_speaker() -> None:
    assert _flagged_words("Update: the pain is better.\nDiagnosis: vaginismus, finally.") == []


def test_the_line_above_an_address_block_is_the_addressee() -> None:
    text = "Please write to:\nBramblecote Physio Partners\n14 Quillon Road\nHeddington"
    assert _covered(text, "Bramblecote Physio Partners")
    # a sign-off or a sentence above an address is not an addressee
    for before in ("Kind regards,", "We moved in May."):
        text = f"{before}\n14 Quillon Road\nHeddington"
        assert not any(before.split()[0] in w for w in _flagged_words(text))


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            "Our flat was on the corner of Wrenfield Street and 5th Avenue.",
            "corner of Wrenfield Street and 5th Avenue",
        ),
        ("his post went to the USNV Harbinger, FPO AA 34021", "USNV Harbinger, FPO AA 34021"),
    ],
)
def test_street_corners_and_navy_ships(text: str, needle: str) -> None:
    assert _covered(text, needle)


def test_a_corner_of_a_room_and_a_street_word_before_a_verb_are_not_places() -> None:
    assert _flagged_words("I sat in the corner of the room and I cried.") == []
    text = "The clinic on 5th Avenue was closed."
    assert "was" not in " ".join(_flagged_words(text))
