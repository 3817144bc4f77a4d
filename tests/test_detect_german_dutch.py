"""Stories written in German or Dutch (`stories.detect.language`, `stories.detect.germanic`).

German writes every noun with a capital and Dutch many: read as the language's words, a
story's "Krankenkasse" or "Küche" is no name, while the people, towns and clinics in it
still are.  Every sentence is written for this test.
"""

from __future__ import annotations

import pytest

from stories.detect import germanic
from stories.detect.language import story_language
from stories.detect.lexicon import lexicon
from tests.detect_prose_util import covered, flagged_words, found

GERMAN = (
    "Ich bin Steffi, 41, und ich wohne seit zehn Jahren in München. Ich bin Krankenschwester und mein "
    "Mann Thomas ist sehr geduldig. Meine Frauenärztin hat mir nicht geholfen, aber die "
    "Physiotherapeutin schon. Jedes Mal habe ich in der Küche geweint, wenn ich an den nächsten Termin "
    "dachte. Die Krankenkasse hat die Physio übernommen, und Sie glauben nicht, wie froh ich war."
)
DUTCH = (
    "Ik ben Ineke en ik woon al dertig jaar in Utrecht. Het was niet makkelijk en ik heb veel pijn "
    "gehad bij het vrijen. Mijn man Joop vroeg waarom ik het niet eerder had gezegd. Maar ook mijn "
    "huisarts luisterde niet, tot ik naar de bekkenfysiotherapeut ging. Nu heb ik weer hoop."
)


@pytest.mark.parametrize(("text", "lang"), [(GERMAN, "de"), (DUTCH, "nl")])
def test_german_and_dutch_stories_are_recognised(text: str, lang: str) -> None:
    assert story_language(text) == lang


def test_an_english_story_with_a_german_word_stays_english() -> None:
    text = "My physio in Berlin said Beckenboden training would help, and it did, slowly but surely."
    assert story_language(text) == "en"


@pytest.mark.parametrize("word", ["Krankenschwester", "Frauenärztin", "Physiotherapeutin", "Küche",
                                  "Mal", "Krankenkasse", "Termin", "Sie"])
def test_german_nouns_are_words(word: str) -> None:
    assert not any(word in found for found in flagged_words(GERMAN))


@pytest.mark.parametrize("name", ["Steffi", "Thomas", "München"])
def test_the_people_and_towns_of_a_german_story_are_found(name: str) -> None:
    assert covered(GERMAN, name)


def test_ich_bin_introduces_a_name_not_a_verb_particle() -> None:
    assert "Steffi" in flagged_words(GERMAN)
    assert covered("My colleague Ahmad bin Salleh came to the clinic with me.", "Ahmad bin Salleh")


@pytest.mark.parametrize("name", ["Ineke", "Joop", "Utrecht"])
def test_the_people_and_towns_of_a_dutch_story_are_found(name: str) -> None:
    assert covered(DUTCH, name)


def test_a_dutch_verb_is_not_a_texan_shop() -> None:
    assert "heb" not in flagged_words(DUTCH)


@pytest.mark.parametrize(
    ("word", "noun"),
    [("versichertennummer", True), ("beckenboden", True), ("krümmung", True), ("erektion", True),
     ("verzakking", True), ("mönchengladbach", False), ("kreuzberg", False), ("universitätsklinikum", False),
     ("rijkswaterstaat", False), ("schwamendingen", False)],
)  # fmt: skip
def test_nouns_by_their_shape_but_not_places_or_institutions(word: str, noun: bool) -> None:
    lang = "nl" if word in ("verzakking", "rijkswaterstaat") else "de"
    assert germanic.noun(lang, word) is noun


def test_a_large_town_is_known_by_its_own_languages_name() -> None:
    lex = lexicon()
    assert {"München", "Wien", "Milano", "Lisboa", "Warszawa"} <= lex.large_towns
    assert "Gerne" not in lex.cities  # an alternate name that is an everyday German word


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Ik ben 23 en woon sinds kort in Rotterdam met mijn vriend.", "23"),
        ("Ich bin jetzt 58 Jahre alt und seit dreißig Jahren verheiratet.", "58"),
        ("Ik ben 63 jaar, gepensioneerd leraar aardrijkskunde.", "63"),
    ],
)
def test_a_german_or_dutch_age(text: str, age: str) -> None:
    assert ("AGE", age) in found(text)


def test_a_count_of_german_nouns_is_no_address() -> None:
    text = (
        "Ich war 20 Minuten beim Arzt und habe nicht geweint. Ich bin 3 Mal operiert worden, aber "
        "mein Mann ist sehr lieb und die Ärztin auch. Es ist nicht leicht, aber ich habe jetzt Hoffnung."
    )
    assert [f for f in found(text) if f[0] == "LOCATION"] == []
    assert ("AGE", "3") not in found(text)
