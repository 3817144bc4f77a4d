"""Reference numbers the way people copy them from letters and cards: the whole code is one
ID (issuer acronym and all its groups, slash codes, IBANs, IPv6), a number its sentence names
as an identifier is an ID and not a phone, and dates, scores, doses, counts and phone
extensions are no codes.  Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from stories.detect import detect
from tests.detect_prose_util import flagged_words as _flagged_words


def _ids(text: str) -> list[str]:
    return [text[f.start : f.end] for f in detect(text) if f.kind == "ID"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The trust put NELFT 3318204 on every letter they sent me.", "NELFT 3318204"),
        ("my insurance card says BQZ 551 903 447 under my name", "BQZ 551 903 447"),
        ("Scheme member: LM 8820 1934 07, principal member my husband.", "LM 8820 1934 07"),
        ("THE NUMBER ON MY FOLDER WAS RVH 0093316 BUT THEY LOST IT", "RVH 0093316"),
        ("my hospital number is ncuh 7730192 lol", "ncuh 7730192"),
        ("Please quote GYN/OPD/552019 when you write back.", "GYN/OPD/552019"),
        ("The complaint went in as CMP/23/40917 in March.", "CMP/23/40917"),
        ("She wrote STH-GO-21/339184 on the referral.", "STH-GO-21/339184"),
        ("Refund to IBAN IE29 AIBK 9311 5212 3456 78 please.", "IE29 AIBK 9311 5212 3456 78"),
        ("logged in from 2a02:c7f:512e::fe21:90aa again", "2a02:c7f:512e::fe21:90aa"),
    ],
)
def test_a_reference_code_is_one_id_with_all_its_groups(text: str, code: str) -> None:
    assert code in _ids(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The discharge letter had my NHS number printed on it, 721 604 3398, in bold.", "721 604 3398"),
        ("I still carry my health card, 6612 448 093, in my phone case.", "6612 448 093"),
        ("They asked for my Aadhaar and I read out 5521 0937 4416 twice.", "5521 0937 4416"),
        ("The nurse checked #8830152 on my wristband before theatre.", "8830152"),
    ],
)
def test_a_number_its_sentence_names_as_an_identifier_is_an_id(text: str, number: str) -> None:
    kinds = {f.kind for f in detect(text) if text[f.start : f.end] == number}
    assert kinds == {"ID"}


def test_a_scheme_acronym_is_a_cue_and_stays_outside_the_code() -> None:
    assert _ids("My NHS 612 883 0941 sits on the fridge.") == ["612 883 0941"]
    assert _ids("my nhs number, as i gave 612 883 0941 twice") == ["612 883 0941"]
    assert _ids("The NHS number is Megan 612 883 0941 on the form") == ["612 883 0941"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("My NHS number is on the letter, ring 0161 496 0123 to change it.", "0161 496 0123"),
        ("My hospital number is on the card. Call 07700 900456 if it is lost.", "07700 900456"),
        ("Fax: 212-555-0173x220 for the records office.", "212-555-0173x220"),
    ],
)
def test_phones_near_identifier_words_stay_phones(text: str, number: str) -> None:
    kinds = {f.kind for f in detect(text) if text[f.start : f.end] == number}
    assert kinds == {"PHONE"}


@pytest.mark.parametrize(
    "text",
    [
        "Seen by own GP 14/06/2021. Swabs came back clear.",
        "We came #2 in the fun run and #14 the year after.",
        "The ICU 2019 2020 rota was brutal for my wife.",
        "Those were the lockdown years, 2020 2021, and I barely left the flat.",
        "Pain went from 8/10 to 3/10 and it is 24/7 less scary now.",
        "I read about HIV/AIDS and/or thrush until 2 a.m.",
        "I use 1/2 a tube of gel and do 3 x 10 reps, 500 mg twice a day.",
        "We went 50/50 on the bill, BP was 120/80 and the dilator was size 2.",
    ],
)
def test_dates_scores_doses_and_counts_are_no_codes(text: str) -> None:
    assert not [f for f in detect(text) if f.kind in {"ID", "PHONE"}]


def test_a_date_written_in_groups_after_an_identifier_word_is_no_id() -> None:
    assert _ids("My NHS number changed on 12 03 2019 when I moved.") == []


def test_an_extension_or_label_after_a_phone_is_no_code() -> None:
    text = "Desk: 0161 496 0188-Office, or 07700 900 311-Mobile after six."
    assert _ids(text) == []
    assert "Office" not in " ".join(_flagged_words(text))


def test_a_number_group_read_as_an_age_yields_to_the_phone_or_id_around_it() -> None:
    text = "The physio's number is 09 548 3661. My NHS number is 112 508 4839."
    kinds = {(text[f.start : f.end], f.kind) for f in detect(text)}
    assert kinds == {("09 548 3661", "PHONE"), ("112 508 4839", "ID")}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I gave my PPS number (6619027KA) at the desk.", "6619027KA"),
        ("The OHIP card (7731-205-664-QJ) was in my coat.", "7731-205-664-QJ"),
    ],
)
def test_digits_joined_to_letters_are_one_code_and_no_phone(text: str, code: str) -> None:
    found = [(text[f.start : f.end], f.kind) for f in detect(text)]
    assert found == [(code, "ID")]


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Posted by tinyoakleaf on 12 Oct 2023, 22:41\n\nHi everyone", "tinyoakleaf"),
        ("---\n\nReply from marigold_and_moss:\n\n> Tonight we tried", "marigold_and_moss"),
        ("I write about this on Tumblr as theo-has-a-pelvis if you want to talk.", "theo-has-a-pelvis"),
    ],
)
def test_a_forum_attribution_or_a_name_on_a_platform_is_a_handle(text: str, handle: str) -> None:
    assert ("HANDLE", handle) in [(f.kind, text[f.start : f.end]) for f in detect(text)]


@pytest.mark.parametrize("text", ["The reply from the clinic was slow.", "It was written by my nurse."])
def test_a_word_after_reply_from_or_written_by_is_no_handle(text: str) -> None:
    assert [f for f in detect(text) if f.kind == "HANDLE"] == []


def test_the_user_names_heading_a_forum_s_posts_are_handles() -> None:
    text = "falling out?? (long, sorry)\n\nmumof2_sheff » 14/03/2023 21:47\nSorry if this is TMI\n"
    assert ("HANDLE", "mumof2_sheff") in [(f.kind, text[f.start : f.end]) for f in detect(text)]
