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
