"""Detector rules: a German or Dutch noun's capital, headings written in title case in any
language the rules know, and the sender a messaging app writes above each message with its
time.  Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import flagged_words as _flagged_words
from tests.detect_prose_util import found_as as _found_as

GERMAN = (
    "Ich habe jahrelang gedacht, dass das eben dazugehört, wenn man Kinder bekommen hat. "
    "Meine Oma hat das gesagt, sogar meine Hebamme hat damals gelacht. Bei jedem Niesen ein "
    "paar Tropfen, und die Inkontinenz war mir so peinlich, dass ich nicht mehr joggen ging. "
)


@pytest.mark.parametrize("noun", ["Hebamme", "Inkontinenz", "Niesen"])
def test_a_german_noun_is_no_name_for_its_capital(noun: str) -> None:
    assert not any(noun in words for words in _flagged_words(GERMAN))


@pytest.mark.parametrize(
    ("tail", "name", "kind"),
    [
        ("Die Physiotherapeutin, Frau Overbeck, hat mir sehr geholfen.", "Overbeck", "PERSON"),
        ("Ich war bei einer Therapeutin namens Vroni, die mir alles erklärt hat.", "Vroni", "PERSON"),
        ("Die OP war in der Raphaelsklinik, und ich bin sehr zufrieden.", "Raphaelsklinik", "FACILITY"),
        ("Ich bin Rentner aus Wien-Favoriten und habe nie darüber gesprochen.", "Wien-Favoriten", "LOCATION"),
    ],
)
def test_a_german_name_after_a_cue_or_a_place_word_is_still_found(tail: str, name: str, kind: str) -> None:
    text = GERMAN + tail
    assert _found_as(text, name, kind) or _found_as(text, name, "PERSON")


def test_a_dutch_name_after_a_naming_word_is_still_found() -> None:
    text = ("Ik ben Ineke, en ik heb het lang niet durven zeggen. Het was niet makkelijk, maar mijn "
            "man Joop was er altijd voor mij, ook als ik geen zin had in een gesprek.")
    assert _found_as(text, "Ineke", "PERSON")
    assert _found_as(text, "Joop", "PERSON")


@pytest.mark.parametrize(
    ("heading", "story"),
    [
        ("Lo Que Nadie Te Dice De La Diabetes (Post Largo, Perdón)",
         "Buenas a todos. Leo este foro hace meses y por fin me animo a escribir porque a mí "
         "nadie me explicó que la diabetes tenía que ver con esto, y pasé dos años muy mal."),
        ("Preguntas Que Me Hice (Y Que Quizás Tú Te Estés Haciendo)",
         "Esto lo escribo para la chica que está leyendo esto a las tres de la mañana, porque "
         "yo también estuve ahí y no sabía que había ayuda para esto."),
        ("Cosa Ho Imparato Da Due Anni Di Prostatite (Che Poi Non Era Prostatite)",
         "Sono un uomo del sud, ho quarantasei anni e per due anni ho pensato che il problema "
         "fosse la prostata. Non era così, e questo è quello che ho capito."),
    ],
)
def test_a_heading_in_title_case_with_a_remark_is_no_name(heading: str, story: str) -> None:
    text = heading + "\n\n" + story
    assert not [w for w in _flagged_words(text) if text.index(w) < len(heading)]


def test_a_signature_of_four_capitalised_names_is_still_a_person() -> None:
    text = ("Le escribo para quejarme de la atención que recibí, porque nadie me explicó nada y "
            "tuve que volver tres veces.\n\nAtentamente,\nJesús Alberto Treviño Salinas\n")
    assert _found_as(text, "Jesús Alberto Treviño Salinas", "PERSON")


def test_the_sender_above_each_message_with_its_time_is_a_person() -> None:
    text = ("Me 06:50\nGoing in now. Scared.\n\nBryn 06:56\nI remember. You're doing great.\n\n"
            "Bryn 12:48\nAny news?\n\nBryn 1:40 pm\nWaiting outside, love you")
    assert [w for w in _flagged_words(text) if w == "Bryn"] == ["Bryn"] * 3


@pytest.mark.parametrize(
    "text",
    [
        "Monday 10:42\nwalked twenty minutes\nMonday 18:00\nsore again",
        "Update 09:15\nno leaks today\nUpdate 21:30\none small leak",
    ],
)
def test_a_word_before_a_time_is_no_sender(text: str) -> None:
    assert not any(w in ("Monday", "Update") for w in _flagged_words(text))


def test_the_writer_of_each_dated_entry_is_a_person() -> None:
    text = ("BETO — 15 de marzo de 2024\nMi amor, today was a bad day.\n\n"
            "BETO — 16 de marzo de 2024\nThrew out the pads. Proud of you.")
    assert [w for w in _flagged_words(text) if w == "BETO"] == ["BETO", "BETO"]


@pytest.mark.parametrize(
    "text",
    [
        "Priligy — 30 mg\nmade me dizzy\nPriligy — 60 mg\nbetter",
        "Week 1 — 3 May 2023\nten squeezes\nWeek 2 — 10 May 2023\ntwenty",
    ],
)
def test_a_dose_or_a_week_before_a_dash_is_no_writer(text: str) -> None:
    assert not any(w in ("Priligy", "Week") for w in _flagged_words(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nobody has called me anything but MC since kindergarten, not even my mother.", "MC"),
        ("Everybody for office dey call me CJ. Around that time e start.", "CJ"),
    ],
)
def test_two_capitals_someone_is_called_are_a_name(text: str, name: str) -> None:
    assert _found_as(text, name, "PERSON")


@pytest.mark.parametrize("text", ["My son calls me GP now, as a joke.", "they call me OK at work",
                                  "the lads call me ED man, very funny"])
def test_shorthand_someone_is_called_is_no_name(text: str) -> None:
    assert _flagged_words(text) == []


def test_a_spanish_infinitive_with_its_pronoun_is_a_word_in_a_story_in_lowercase() -> None:
    text = ("me operaron hace un año y el cirujano muy contento pero luego en casa empecé a "
            "mojarme entero al toser y al agacharme a atarme los zapatos y yo pensaba que esto "
            "no me lo habían dicho nunca y que nadie me iba a ayudar")
    flagged = " ".join(_flagged_words(text))
    assert not any(w in flagged for w in ("mojarme", "agacharme", "atarme"))


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Mi madre se llama Inés y tiene 78 años. Esta historia es de ella.", "78"),
        ("Ich bin Ferdl (eigentlich Ferdinand), 62 Jahre, pensionierter Elektriker.", "62"),
        ("Ik ben Henk, 54 jaar, getrouwd, twee volwassen kinderen.", "54"),
        ("Salve, sono Gennaro, 34 anni, del Vomero.", "34"),
    ],
)
def test_an_age_with_its_unit_in_spanish_german_dutch_and_italian(text: str, age: str) -> None:
    assert _found_as(text, age, "AGE")


def test_a_marriage_s_years_are_no_age() -> None:
    assert _flagged_words("La relación tiene 10 años de casados y seguimos juntos.") == []


def test_a_list_of_german_nouns_is_no_name() -> None:
    text = GERMAN + "Es war unkompliziert: Untersuchung, Hustentest, Ultraschall. Danach ging es mir besser."
    assert not any("Hustentest" in words for words in _flagged_words(text))


@pytest.mark.parametrize(
    "text",
    [
        "El pasado Miércoles de Ceniza volví a ir en bici hasta el trabajo.",
        "The worst was the night of the Santos Populares, the big June festival.",
        "By Wigilia, on Christmas Eve, I could sit through the whole supper.",
        "Quest'estate, a Ferragosto, ho mangiato la grigliata con tutti.",
        "Merry Christmas to all of y'all, and thank you for reading.",
    ],
)
def test_a_festival_is_no_one(text: str) -> None:
    assert _flagged_words(text) == []


def test_a_festival_with_its_year_is_a_date() -> None:
    text = "He missed Día de los Muertos 2022 at the cemetery with the family."
    assert _found_as(text, "Día de los Muertos 2022", "DATE")


@pytest.mark.parametrize(
    ("text", "shout"),
    [
        ("18/4/23 20:07 - Nerea: lo hice\n18/4/23 20:08 - Itziar: NEREAAAAA\n18/4/23 20:09 - Nerea: jajaja",
         "NEREAAAAA"),
        ("My sister Ana came with me. I screamed ANAAAA across the whole car park.", "ANAAAA"),
    ],
)
def test_a_found_name_called_out_with_a_letter_drawn_out_is_a_person(text: str, shout: str) -> None:
    assert _found_as(text, shout, "PERSON")


def test_a_drawn_out_word_is_no_name() -> None:
    assert _flagged_words("Sooo good. I was like NOOOO and she said yesss, ok fine.") == []


def test_two_capitals_speaking_beside_an_interviewer_are_initials() -> None:
    text = "INT: How did it start?\n\nDK: Gradual, like.\n\nINT: And then?\n\nDK: Blood tests."
    assert _flagged_words(text) == ["DK", "DK"]


def test_a_speaker_in_lower_case_with_an_initial_is_one_person() -> None:
    text = "mel: omg hun\nkirsty b: wait what u meant\njo: pelvic physio\nkirsty b: so what now\njo: ok"
    assert _flagged_words(text).count("kirsty b") == 2


@pytest.mark.parametrize("text", ["ME: ok I'm here\nTHEM: go in\nME: going\nTHEM: proud",
                                  "GP: take these\nPT: ok\nGP: and these\nPT: fine"])
def test_a_word_or_shorthand_of_two_capitals_is_no_speaker(text: str) -> None:
    assert _flagged_words(text) == []
