"""Acronyms that name a place or a body, and those that name nothing (issue #11, fresh-batch
round): after "the" and before a noun, after a French article, and the health systems,
clinical abbreviations and products that identify nobody.  Every sentence here is written
for this test, not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import found


@pytest.mark.parametrize(
    ("text", "acronym"),
    [("I woke up with the RSL president fanning me with his hat.", "RSL"),
     ("Congratulations lovely. Also the LRI waiting list is criminal.", "LRI")],
)
def test_an_unknown_acronym_between_the_and_a_noun_names_a_place(text: str, acronym: str) -> None:
    assert ("FACILITY", acronym) in found(text)


@pytest.mark.parametrize(
    "text",
    ["I used the TENS machine every night.", "The HSE waiting list was long.", "The NHIF desk kept asking.",
     "the MRI scan was clear", "She put the Squeezy app on my phone.",
     "a mug of Folgers and a box of Kleenex",
     "For Medicare purposes my number is below."],
)
def test_health_systems_clinical_acronyms_and_everyday_products_name_nothing(text: str) -> None:
    assert [kind for kind, _ in found(text) if kind in ("FACILITY", "PERSON", "LOCATION")] == []


@pytest.mark.parametrize(
    ("text", "acronym"),
    [("Léonie est née en juillet 2022 à l'HFME, après un long travail.", "HFME"),
     ("J'ai été suivie à l’IUCT pendant deux ans.", "IUCT")],
)
def test_an_acronym_after_a_french_article_names_a_place(text: str, acronym: str) -> None:
    assert ("FACILITY", acronym) in found(text)


def test_a_word_written_only_with_a_capital_after_fae_or_from_is_a_town_in_lowercase() -> None:
    assert ("LOCATION", "leith") in found("im kirsty, 26, fae leith. had my wee boy in the simpsons")


@pytest.mark.parametrize("text", ["got the gift from christmas money", "i read it in english first"])
def test_a_date_or_a_language_after_from_or_in_is_no_town(text: str) -> None:
    assert [kind for kind, _ in found(text)] == []
