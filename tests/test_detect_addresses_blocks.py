"""Address blocks as a whole, the small words inside place names, names given in answer
to "my name is" or "what's your name?", surnames after an honorific, a texter's "kenz here,
25," and newer top-level domains (issue #11, seventh round)."""

from __future__ import annotations

import pytest

from stories.detect import detect
from tests.detect_prose_util import covered, flagged_words, found, words_of


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # the last line of the address, with the sentence going on after its postcode
        ("Please send it to 50541 Mlýnská 1540\nTrancoso\n, GU\n Portugal 44674 for post mail?",
         "50541 Mlýnská 1540\nTrancoso\n, GU\n Portugal 44674"),
        ("A new one to 05405 Wesselényi u. 94.\n Suite 741\n Öntésmajor\n Hungary 18695? I am away.",
         "05405 Wesselényi u. 94.\n Suite 741\n Öntésmajor\n Hungary 18695"),
        # a state code typed in lowercase after a comma, on its own line or before the postcode
        ("Meet me at 34151 Nybyvägen 65 Apt. 392\nGarður\n, ny\n 26783",
         "34151 Nybyvägen 65 Apt. 392\nGarður\n, ny\n 26783"),
        ("I'll meet you at 25615 Tawastintie 72 Apt. 004\nKNIVSTA, ca 18237 after the concert.",
         "25615 Tawastintie 72 Apt. 004\nKNIVSTA, ca 18237"),
    ],
)
def test_an_address_block_is_found_to_its_last_line(text: str, address: str) -> None:
    assert covered(text, address)
    assert address.split()[-1] in "".join(words_of(text, "LOCATION"))


def test_an_address_line_stops_where_the_next_line_is_prose() -> None:
    text = "Send it to 12 Elm Street\nAnd then 2 weeks later I heard back."
    assert words_of(text, "LOCATION") == ["12 Elm Street"]


def test_a_lowercase_word_after_a_comma_is_no_state_code_unless_a_postcode_or_the_line_end_follows() -> None:
    text = "We lived at 12 Elm Street, had a dog and two cats."
    assert words_of(text, "LOCATION") == ["12 Elm Street"]


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("> Lina Artemova\n> Irecycle\n> Lina Artemova\n> 2224 Trenerys gate 232\n> Apt. 342", "Irecycle"),
        ("Allan Björk\nScale Unlimited\nUnit 5022 Box 1225\nDPO AE 44085", "Scale Unlimited"),
        ("Katrina Mota\nKnowledge Agency\n55470 72 Acheron Road Apt. 23", "Knowledge Agency"),
    ],
)
def test_the_firm_in_a_signature_block_above_an_address_is_found(text: str, firm: str) -> None:
    assert covered(text, firm)


@pytest.mark.parametrize(
    "text",
    [
        "Kind Regards\n12 Elm Street\nLeeds",
        "Leasing consultant\n12 Elm Street\nLeeds",
        "Best Wishes\n12 Elm Street\nLeeds",
    ],
)
def test_a_closing_or_a_job_title_above_an_address_is_no_addressee(text: str) -> None:
    first_line = text.split("\n")[0]
    assert all(first_line not in words for words in [text[f.start : f.end] for f in detect(text)])


def test_the_lines_of_the_address_itself_are_not_also_addressees() -> None:
    text = "Mrs J. Hale\n27 Rectory Lane\nChelmsford\nEssex\nCM1 1RQ\n\nDear Sir,"
    kinds = {kind for kind, words in found(text) if words in ("Chelmsford", "Essex", "27 Rectory Lane")}
    assert "FACILITY" not in kinds
    assert covered(text, "27 Rectory Lane\nChelmsford\nEssex\nCM1 1RQ")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("She lives in Caxias do Sul now.", "Caxias do Sul"),
        ("We moved to Črni Vrh nad Idrijo last year.", "Črni Vrh nad Idrijo"),
        ("I grew up in Newcastle upon Tyne.", "Newcastle upon Tyne"),
        ("Ostrov nad Ohrí is home.", "Ostrov nad Ohrí"),
    ],
)
def test_the_small_words_inside_a_place_name_belong_to_it(text: str, place: str) -> None:
    assert words_of(text, "LOCATION") == [place]


@pytest.mark.parametrize(
    ("text", "place"),
    [("I was in Leeds on Monday.", "Leeds"), ("We stayed in Lisboa do Sabado.", "Lisboa")],
)
def test_a_weekday_or_a_month_after_a_place_is_not_part_of_it(text: str, place: str) -> None:
    assert words_of(text, "LOCATION") == [place]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("The title refers to Árpád fejedelem útja 3. street in Budapest.", "Árpád fejedelem útja 3."),
        ("Pedestrians must enter on hegyalja út 98. from now on.", "hegyalja út 98."),
        ("The bus drops you off at 518 Árpád fejedelem útja 62. every hour.", "518 Árpád fejedelem útja 62."),
    ],
)
def test_a_street_named_in_lowercase_before_a_foreign_street_type(text: str, street: str) -> None:
    assert covered(text, street)


def test_an_english_word_before_a_street_type_is_no_street() -> None:
    assert detect("Then the gate 2 times a day.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my name is vitoria", "vitoria"),
        ("hi my name is kasia and im 23", "kasia"),
        ("ok so my name's oluwaseun and this is my story", "oluwaseun"),
        ("What's your last name? Arcuri", "Arcuri"),
        ("What is your name? Langrová.", "Langrová"),
    ],
)
def test_a_name_given_after_my_name_is_or_in_answer_to_a_name_question(text: str, name: str) -> None:
    assert name in words_of(text, "PERSON")


@pytest.mark.parametrize(
    "text",
    ["my name is not important here", "My name is irrelevant.", "What's your first name? Please tell me."],
)
def test_an_everyday_word_after_my_name_is_is_no_name(text: str) -> None:
    assert words_of(text, "PERSON") == []


def test_a_uk_address_block_runs_over_its_county_to_the_postcode() -> None:
    text = "M. Ellison\n14 Larkspur Close\nKenilworth\nWarwickshire\nCV8 2QT\n\n3 April 2024\n\nDear Ms O,"
    assert "14 Larkspur Close\nKenilworth\nWarwickshire\nCV8 2QT" in words_of(text, "LOCATION")


def test_the_letters_date_under_an_address_is_not_part_of_it() -> None:
    text = "14 Heol Don, Whitchurch, Cardiff CF14 2AR\n2 February 2024\n\nDear Sir"
    assert "14 Heol Don, Whitchurch, Cardiff CF14 2AR" in words_of(text, "LOCATION")
    assert words_of(text, "DATE") == ["2 February 2024"]


def test_a_job_title_stops_the_lines_above_an_address() -> None:
    text = "Ms Ruth Okonjo\nClinical Lead\nThe Willow Pelvic Health Clinic\n22 Warwick New Road\nLeamington"
    assert all("Clinical" not in words for words in flagged_words(text))
    assert covered(text, "Willow Pelvic Health Clinic")


@pytest.mark.parametrize(
    ("text", "url"),
    [("I write about it at pelvicrage.nyc.", "pelvicrage.nyc"),
     ("see clinic.london for times", "clinic.london"),
     ("my blog is vulvasisters.life", "vulvasisters.life")],
)
def test_a_site_on_a_newer_top_level_domain_is_a_url(text: str, url: str) -> None:
    assert words_of(text, "URL") == [url]


@pytest.mark.parametrize("text", ["I went home.Today was ok.", "That is my life.Love it or not."])
def test_two_sentences_typed_without_a_space_are_no_url(text: str) -> None:
    assert words_of(text, "URL") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("She referred me on. Miss Tennant, the consultant, diagnosed a prolapse.", "Tennant"),
     ("I saw Mrs Attendant at the clinic.", "Attendant")],
)
def test_a_surname_that_ends_like_a_job_after_miss_or_mrs_is_a_name(text: str, name: str) -> None:
    assert words_of(text, "PERSON") == [name]


@pytest.mark.parametrize("text", ["I saw the Nurse Practitioner first.", "like the Lord's Prayer"])
def test_a_job_after_a_role_title_and_a_possessive_title_are_no_names(text: str) -> None:
    assert words_of(text, "PERSON") == []


def test_a_lowercase_name_with_here_and_an_age_introduces_a_texter() -> None:
    text = "ok so. kenz here, 25, bay view girl born and raised."
    assert words_of(text, "PERSON") == ["kenz"]
    assert words_of(text, "AGE") == ["25"]


def test_an_everyday_word_with_here_and_a_number_is_no_name_and_no_age() -> None:
    assert detect("everyone here, 40, said hi") == []


def test_a_lowercase_dictionary_word_before_and_i_is_no_name() -> None:
    assert words_of("Whenever he tried my whole body became stiff and I was crying.", "PERSON") == []


@pytest.mark.parametrize(
    ("text", "name"), [("me and izzy went to a physio", "izzy"), ("rose and i laughed", "rose")]
)
def test_a_lowercase_name_before_and_i_or_after_me_and_stays_a_name(text: str, name: str) -> None:
    assert words_of(text, "PERSON") == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [("It was my daughter. Summer was fifteen and started getting the pain.", "Summer"),
     ("I was sent on. Dale was the PT. Former college wrestler.", "Dale"),
     ("That helped. Grace is my physio now.", "Grace")],
)
def test_a_first_name_that_is_a_word_opening_a_sentence_before_an_age_or_a_role(text: str, name: str) -> None:
    assert name in words_of(text, "PERSON")


@pytest.mark.parametrize("text", ["It was hot. Summer was the worst.", "It was fine. Hope is a good thing."])
def test_a_word_opening_a_sentence_before_anything_else_is_no_name(text: str) -> None:
    assert words_of(text, "PERSON") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("I can sit through a film now, and me and Dec are grand.", "Dec"), ("My husband Dec is great.", "Dec"),
     ("me and Sunday went out for the day.", "Sunday")],
)
def test_a_month_or_a_day_after_me_and_or_a_relation_is_a_name(text: str, name: str) -> None:
    assert words_of(text, "PERSON") == [name]


def test_a_short_month_alone_stays_a_month() -> None:
    assert words_of("By Dec I was better. In Jan 2020 we went away.", "PERSON") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("So I texted Becca straight away and she came.", "Becca"),
     ("It was hard. When Kev found out he cried.", "Kev"),
     ("What's your name? Jildau S Bouts", "Jildau S Bouts"),
     ("my name is borna jerković but everyone calls me borna", "borna jerković")],
)
def test_a_nickname_no_dictionary_holds_and_a_whole_name_given_in_answer(text: str, name: str) -> None:
    assert name in words_of(text, "PERSON")


@pytest.mark.parametrize("text", ["I found them on Insta last year.", "She sells them in her Etsy shop."])
def test_an_app_or_a_platform_is_no_name(text: str) -> None:
    assert detect(text) == []


def test_every_line_of_an_address_block_is_covered_whole() -> None:
    text = "Sven Hedlund\n\n85199 Avda. Rio Nalon 58\n Apt. 461\n Soto del Barco\n\n Spain 61709"
    assert covered(text, "85199 Avda. Rio Nalon 58")
    assert ("LOCATION", "85199 Avda. Rio Nalon 58") in found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [("cheers for that doc\n\nthen shaz from work said her cousin went here", "shaz"),
     ("physio was becky and she was dead calm", "becky"), ("my physio is tash, she rocks", "tash")],
)
def test_a_lowercase_name_from_somewhere_speaking_or_after_a_role_and_was(text: str, name: str) -> None:
    assert words_of(text, "PERSON") == [name]


@pytest.mark.parametrize(
    "text", ["the nurse was lovely and kind", "my gp was useless", "the nurse from work said no"]
)
def test_a_role_before_an_everyday_word_is_no_name(text: str) -> None:
    assert words_of(text, "PERSON") == []


def test_the_medicines_patients_name_are_no_names() -> None:
    text = "The doctor started me on Oestrogel, and Utrogestan 100 mg at night. I take Visanne 2 mg now."
    assert detect(text) == []
