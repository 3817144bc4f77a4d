"""The story's language (`stories.detect.language`) and what it changes: text in capitals
is recased with that language's everyday words.  Every sentence is written for this test."""

from __future__ import annotations

import pytest

from stories.detect import detect
from stories.detect.language import story_language
from tests.detect_prose_util import flagged_words

FRENCH = (
    "Je ne savais pas quoi faire. Le médecin était très gentil avec moi, mais j'étais triste "
    "dans la voiture après chaque rendez-vous. Mon compagnon Thomas venait avec moi pour les séances "
    "et nous parlions beaucoup."
)
PORTUGUESE = (
    "Eu não sabia o que era. A minha fisioterapeuta foi muito paciente comigo e eu estava com "
    "medo de tudo. Ela explicou que isso é comum e que você não está sozinha. O meu marido "
    "Tiago foi comigo à primeira consulta."
)
ITALIAN = (
    "Non sapevo cosa fosse. Ho trentadue anni e vivo a Bologna con il mio compagno Marco, che è stato "
    "molto paziente. Per anni ho pensato che il dolore fosse normale, e anche la mia dottoressa non "
    "capiva. Poi, in piena estate, una fisioterapista mi ha aiutata più di chiunque altro."
)
ENGLISH = "I met Señora Pérez at the clinic, and she said que sera sera, which made me laugh."


@pytest.mark.parametrize(
    ("text", "lang"), [(FRENCH, "fr"), (PORTUGUESE, "pt"), (ITALIAN, "it"), (ENGLISH, "en")]
)
def test_the_language_of_a_story(text: str, lang: str) -> None:
    assert story_language(text) == lang


def _words(text: str) -> list[str]:
    return [text[f.start : f.end].casefold() for f in detect(text)]


@pytest.mark.parametrize("text", [FRENCH, PORTUGUESE, ITALIAN])
def test_a_story_in_another_language_gets_the_same_findings_in_capitals(text: str) -> None:
    normal = _words(text)
    assert normal and all(name in " ".join(normal) for name in ("thomas",) if "Thomas" in text)
    assert _words(text.upper()) == normal


def test_an_elided_article_in_capitals_is_read_apart_from_its_word() -> None:
    text = (
        "J'AVAIS PEUR DE TOUT, MAIS J'AI PRIS RENDEZ-VOUS AVEC MA MÈRE ET NOUS AVONS PARLÉ. "
        "C'EST LA PREMIÈRE FOIS QUE JE N'AVAIS PAS HONTE DANS UNE SALLE D'ATTENTE."
    )
    assert story_language(text) == "fr"
    assert _words(text) == []


SPANISH = (
    "La doctora me exploró con mucho cuidado y me recetó una crema, pero el dolor seguía. "
    "Cuando por fin me derivaron a una fisioterapeuta, que me explicó todo, también lloré "
    "porque nadie me había escuchado así. Mi marido Andrés estaba muy nervioso."
)


def test_rarer_verb_forms_of_the_story_s_language_are_words_in_capitals() -> None:
    assert story_language(SPANISH) == "es"
    assert _words(SPANISH.upper()) == _words(SPANISH) == ["andrés"]


def test_french_words_in_lowercase_are_no_first_name_and_surname() -> None:
    text = (
        "Elle m'a dit que j'avais le droit de dire non, à elle comme à n'importe qui. "
        "Je ne savais pas que c'était possible, mais nous avons parlé avec mon compagnon."
    )
    assert not [w for w in _words(text) if "comme" in w]


# A story in Portuguese: its commonest words are words, whatever a name list says ("Ela",
# "uma", "sem", "dor"), and the writer's name after "Chamo-me" is the name alone.
PORTUGUESE_STORY = (
    "Olá. Chamo-me Inês e moro perto do mar. O bebé era grande e eu tive uma laceração. "
    "Eu tinha dor quando me sentava e não sabia o que fazer. A médica de família ouviu-me com "
    "calma. Ela escreveu uma carta para uma fisioterapeuta e a espera foi longa. Hoje já me "
    "sento sem dor, e com o meu marido está tudo melhor, devagar."
)


def test_a_portuguese_story_s_everyday_words_are_no_names() -> None:
    assert story_language(PORTUGUESE_STORY) == "pt"
    assert [text.casefold() for text in flagged_words(PORTUGUESE_STORY)] == ["inês"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Buenas. Soy Nuria, tengo miedo de contar esto pero aquí va.", "Nuria"),
        ("Hola, me llamo Rocío y esto es lo que me pasó con el dolor.", "Rocío"),
        ("Olá. Chamo-me Inês e moro em Matosinhos.", "Inês"),
    ],
)
def test_the_name_after_a_naming_word_of_another_language_is_the_name_alone(text: str, name: str) -> None:
    assert name in flagged_words(text)
    assert not any(" " in found and name in found for found in flagged_words(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hasta que un Día de la Madre, en plena reunión familiar, me largué a llorar.",
        "Para Año Nuevo brindamos con sidra y nos reímos como antes de todo esto.",
        "Durante la Semana Santa fuimos al campo y por primera vez no tuve dolor.",
        "Tout a commencé en hiver, quelques semaines après Noël, avec une brûlure.",
    ],
)
def test_named_days_of_other_languages_are_no_names(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize("word", ["Vulvodynie", "Kinésithérapeute", "Dermatologue", "Vulvodinia"])
def test_clinical_words_of_other_languages_are_no_names_in_capitals(word: str) -> None:
    text = f"ON M'A PARLÉ DE {word.upper()} POUR LA PREMIÈRE FOIS EN CONSULTATION, ET J'AI PLEURÉ."
    assert flagged_words(text) == []


def test_learned_words_of_a_spanish_story_in_capitals_are_words() -> None:
    text = (
        "EL FISIOTERAPEUTA DE SUELO PÉLVICO ME EXPLICÓ QUE LOS DILATADORES NO DUELEN SI SE USAN "
        "CON PACIENCIA, Y QUE LO QUE YO TENÍA ERA MUY COMÚN EN LAS MUJERES DESPUÉS DEL PARTO."
    )
    assert story_language(text) == "es"
    assert flagged_words(text) == []


def test_an_italian_story_s_words_are_no_names_and_its_age_and_town_are_found() -> None:
    found = {(f.kind, ITALIAN[f.start : f.end]) for f in detect(ITALIAN)}
    assert found == {("AGE", "trentadue"), ("LOCATION", "Bologna"), ("PERSON", "Marco")}


@pytest.mark.parametrize(
    ("text", "age"),
    [("Avevo 26 anni quando è cominciato tutto, e non sapevo niente.", "26"),
     ("A ventinove anni mi sono sposata con il mio compagno, che è stato molto paziente.", "ventinove")],
)
def test_an_italian_age_is_found_and_a_duration_is_not(text: str, age: str) -> None:
    assert [text[f.start : f.end] for f in detect(text) if f.kind == "AGE"] == [age]
    duration = "Soffro da 5 anni. Sei anni fa il dolore è cominciato, e non è stato facile."
    assert [f for f in detect(duration) if f.kind == "AGE"] == []


# Written for this test: Indonesian, with her husband's name and a festival in it.
INDONESIAN = (
    "Saya tidak tahu harus cerita ke siapa. Sudah dua tahun setelah melahirkan, tapi rasa "
    "nyeri itu masih ada setiap kali berhubungan dengan suami saya Bayu. Dokter kandungan bilang "
    "semua normal. Baru setelah Lebaran saya ketemu fisioterapis yang sangat sabar, dan pelan-pelan "
    "saya belajar bernapas dan rileks. Sekarang sudah jauh lebih baik."
)


def test_an_indonesian_storys_words_are_words_and_its_names_names() -> None:
    assert story_language(INDONESIAN) == "id"
    flagged = " ".join(flagged_words(INDONESIAN)).split()
    assert "Bayu" in flagged
    # words an English reading took for lowercase names ("rasa nyeri", "kali berhubungan")
    assert not {"rasa", "nyeri", "ada", "setiap", "kali", "berhubungan", "sabar"} & set(flagged)
