"""Names at a sentence's start and words of address (issue #11, fourth and fifth rounds):
full names and verbs opening a sentence, job titles, the name someone is called by, a
name that speaks or acts, an age beside a name, and the words for mother, grandmother,
greetings and holidays that name nobody.  Every sentence
here is written for this test, not taken from a corpus."""

from __future__ import annotations

import pytest

from stories.detect import detect
from tests.detect_prose_util import covered, flagged_words, found, words_of


def test_ate_the_verb_is_no_title() -> None:
    assert flagged_words("later that night I ate cozonac and danced") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Montserrat Ferrer said hi.", "Montserrat Ferrer"),
        ("Yesterday Montserrat Ferrer said hi.", "Montserrat Ferrer"),
        ("Grace (34) wrote to me.", "Grace"),
    ],
)
def test_full_names_and_ages_in_brackets_at_a_sentence_start(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text",
    ["Skip to whichever one is yours.", "Marry him again in your head.", 'it has been "fine" they said'],
)
def test_verbs_opening_a_sentence_and_quoted_words_after_been_are_no_names(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(("text", "name"), [('though I have been "Dot" since kindergarten', "Dot")])
def test_a_nickname_after_been_and_a_name_before_its_verb(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text",
    ["— the Clinical Nurse Specialist in Urogynaecology, the first", "A Senior Staff Nurse came round."],
)
def test_job_titles_are_no_names(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("a physio named Jen K., who had me doing stretches", "Jen K."),
        ("Ms. Barajas flew to New Westminster.", "New Westminster"),
    ],
)
def test_a_surname_s_initial_and_places_ending_like_jobs(text: str, name: str) -> None:
    assert covered(text, name)


def test_a_first_name_with_the_writer_s_age_opens_a_sentence_as_a_name() -> None:
    text = "Context: Rob, aged 38, live in Chesterton, work in IT."
    assert covered(text, "Rob")
    assert "Monday" not in " ".join(flagged_words("Monday, 21, was the worst day of the week."))


@pytest.mark.parametrize(
    "text",
    [
        "When I told Má I had pain down there she made me chrysanthemum tea.",
        "Hooyo is sixty-one. She had six children and never said a word about it.",
        "My Ammi always said every woman suffers quietly, and she was wrong.",
        "I couldn't tell my ouma, shame, she would have prayed for a week.",
        "Our daughter was at her Ninang's for the weekend.",
    ],
)
def test_words_for_mother_and_grandmother_in_other_languages_are_no_names(text: str) -> None:
    people = [f for f in detect(text) if f.kind == "PERSON"]
    assert people == []


def test_a_holiday_named_like_a_person_is_no_person() -> None:
    assert flagged_words("It's Victoria Day and I'm on the couch with a heat pad.") == []
    assert covered("Doris Day sang it at our wedding.", "Doris Day")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('She sat me down and said "Mide, is it another woman or is it me?"', "Mide"),
        ("And she said, \u201cThandi, that's not normal, my cousin had it.\u201d", "Thandi"),
        ("i never write stuff like this but kez said i should cos it might help", "kez"),
    ],
)
def test_a_name_someone_is_called_by_or_that_speaks_is_a_name(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text",
    [
        "He said \u201cHoney, relax, it happens to everyone.\u201d",
        'She said "Look, it happens, and it gets better."',
        "then the gp said it was all in my head",
        'The old lady said "Missus, you need to see someone."',
    ],
)
def test_a_word_of_address_or_a_role_that_speaks_is_no_name(text: str) -> None:
    assert flagged_words(text) == []


def test_a_name_no_list_knows_opening_a_sentence_before_what_she_did_is_a_name() -> None:
    assert covered("It was a hard year. Chichi bought a small cake from the shop.", "Chichi")


@pytest.mark.parametrize(
    "text",
    [
        "Alhamdulillah, our daughter was born healthy and I held her without fear.",
        "ASSALAMU ALAIKUM SISTERS, I AM WRITING THIS FOR YOU.",
        "kia ora koutou, this is for the wahine who think they have to put up with it",
    ],
)
def test_greetings_and_blessings_are_no_names(text: str) -> None:
    """("Kia" alone is a given name too, and may still be flagged.)"""
    people = words_of(text, "PERSON")
    assert [p for p in people if "kia" not in p.lower()] == []


def test_a_season_or_a_thing_before_and_i_is_no_name() -> None:
    assert flagged_words("our daughter was born the next spring and I held her without fear") == []
    assert flagged_words("my body went rigid like a plank and I was shaking") == []
    assert covered("It was hard. Faith and I had been together six years.", "Faith")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We farm near Neale, Co. Mayo, since then.", [("LOCATION", "Neale"), ("LOCATION", "Co. Mayo")]),
        (
            "IS CAHERDUFF, NEALE, CO. MAYO, F31 KH28.",
            [("LOCATION", "CAHERDUFF, NEALE"), ("LOCATION", "CO. MAYO"), ("LOCATION", "F31 KH28")],
        ),
        ("He is from Ennis, Co Clare", [("LOCATION", "Ennis"), ("LOCATION", "Co Clare")]),
        ("I grew up in County Clare and moved.", [("LOCATION", "County Clare")]),
        ("went to Newcastle, the County Down one", [("LOCATION", "Newcastle"), ("LOCATION", "County Down")]),
        ("our house in co. kildare", [("LOCATION", "co. kildare")]),
        ("Smith & Co. did the audit", [("FACILITY", "Smith & Co.")]),
        ("Went to the County Hospital", [("FACILITY", "County Hospital")]),
    ],
)
def test_a_county_is_a_place_not_a_person_or_a_company(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("My waters broke and we drove to the Royal at two in the morning.", "Royal"),
        ("I was born at the Mater, like my mother.", "Mater"),
        ("She sent me to the Whittington for a scan.", "Whittington"),
        ("gp at the Dennistoun practice was lovely tbh.", "Dennistoun practice"),
    ],
)
def test_a_name_after_to_the_or_at_the_is_a_place(text: str, needle: str) -> None:
    # nobody is "at the" a person: the kind decides the placeholder a redaction leaves
    assert found(text) == [("FACILITY", needle)]


def test_a_season_after_in_the_is_still_no_place() -> None:
    text = "THE PAIN STARTED WHEN I WENT OFF THE PILL IN THE WINTER OF 2018."
    assert found(text) == [("DATE", "THE WINTER OF 2018")]


@pytest.mark.parametrize(
    "text",
    ["Kia ora koutou. I am writing this for the clinic.", "Jai Shri Krishna to whoever is reading.",
     "KIA ORA KOUTOU. I AM WRITING THIS FOR THE CLINIC."],
)
def test_a_greeting_whose_words_are_names_too_is_no_name(text: str) -> None:
    assert detect(text) == []


def test_a_name_that_a_greeting_starts_with_is_still_a_name() -> None:
    text = "Kia came with me to the clinic."
    assert found(text) == [("PERSON", "Kia")]


@pytest.mark.parametrize(
    ("text", "needle"),
    [("We were being gentle. Mags said it was fine.", "Mags"), ("Hope said do 10 mins a day.", "Hope"),
     ("Dale said the same.", "Dale")],
)
def test_a_word_opening_a_sentence_and_speaking_is_a_name(text: str, needle: str) -> None:
    assert words_of(text, "PERSON") == [needle]


@pytest.mark.parametrize(
    "text", ["Mum said it was normal.", "Google said cancer.", "Everyone said it was fine."]
)
def test_a_role_a_brand_or_a_pronoun_speaking_is_no_name(text: str) -> None:
    assert [f for f in detect(text) if f.kind == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [("It was my husband's patience that got us through.", []),
     ("My sister's friend Kate came along.", ["Kate"]), ("my husband dave drove me", ["dave"])],
)
def test_what_follows_a_relation_s_possessive_is_hers_or_his_not_a_name(text: str, names: list) -> None:
    assert words_of(text, "PERSON") == names


@pytest.mark.parametrize(
    "text",
    ["It's called Peyronie’s disease. It's scar tissue.", "A Masi agreed. Another Masi said to try ghee.",
     "the nurse seh it could help somebody", "Then one arvo I was scrolling on my phone.",
     "Water-based, nae glitter, nae tinglin.", "Naebody noticed. Possibly."],
)
def test_dialect_kinship_and_eponyms_are_no_names(text: str) -> None:
    assert detect(text) == []


def test_a_name_a_dialect_list_could_hold_is_still_a_name() -> None:
    text = "My friend Inna came with me."
    assert found(text) == [("PERSON", "Inna")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("you are not rubbish and ur not broken x\n\n- rach\n", [("PERSON", "rach")]),
        ("ok bye\n\n- love\n", []),
        ("the physio was called hope which i took as a sign", [("PERSON", "hope")]),
        ("she called will and he came round", [("PERSON", "will")]),
    ],
)
def test_lowercase_names_in_a_dashed_signature_or_after_called(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [("My friend Pooja came with me.", "Pooja"), ("Isha said it was fine.", "Isha"),
     ("i saw one at the hospital, it was marianne!!", "marianne")],
)
def test_a_first_name_a_word_table_or_another_language_holds_is_still_a_name(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [("Mi prima Fer, que estudia medicina, fue la que me dijo.", "Fer"),
     ("Minha irmã Inês chegou cedo.", "Inês"),
     ("whole body before my husband Jun-Jun even touched me", "Jun-Jun")],
)
def test_a_name_after_a_romance_relation_or_a_doubled_nickname_is_a_name(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text", ["disait ma sœur quand j'essayais de lui expliquer.", "Minha filha teve isso. Tem tratamento."]
)
def test_a_lowercase_word_after_a_romance_relation_is_no_name(text: str) -> None:
    assert found(text, ("PERSON",)) == []


def test_a_lowercase_name_before_the_physio_and_its_two_letter_mentions_are_names() -> None:
    text = "but jo said it might help someone.\n\nfirst appt was with jo the physio at southmead"
    assert [f for f in found(text, ("PERSON",)) if f[1] == "jo"] == [("PERSON", "jo"), ("PERSON", "jo")]


@pytest.mark.parametrize("text", ["then the physio said relax", "and the first fella said just relax"])
def test_a_word_before_the_physio_or_said_is_no_name(text: str) -> None:
    assert found(text, ("PERSON",)) == []


def test_a_lowercase_name_inside_an_address_is_left_to_the_address_rules() -> None:
    assert found("mail rachel.smith＠[link] now", ("PERSON",)) == []
