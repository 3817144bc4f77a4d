"""Text written in capitals gets the findings of the same text in normal case.

`stories.detect.recase` rewrites runs of words in capitals in the case they
would have in normal writing (same length); these sentences, all our own, check
what must be found in capitals and what everyday shouting must not raise.
"""

from __future__ import annotations

import sys

import pytest

from stories.detect import detect
from stories.detect.recase import recase
from tests.detect_prose_util import covered, flagged_words, found


def _covered(text: str, words: str) -> bool:
    """Is every character of `words` (its last mention in `text`) inside some finding?"""
    start = text.rindex(words)  # the last mention: "... LATER TASH HELD" checks the repeat
    cov = bytearray(len(text))
    for f in detect(text):
        cov[f.start : f.end] = b"\x01" * (f.end - f.start)
    return all(cov[start : start + len(words)])


MUST_FIND = [
    # ordinals and months next to a number
    ("I WAS SEEN ON 14TH FEBRUARY 2023 AND AGAIN LATER.", "14TH FEBRUARY 2023"),
    ("MY REVIEW IS ON THE 3RD OF MAY 2024, FINGERS CROSSED.", "3RD OF MAY 2024"),
    ("AUG. 3RD, 2021: FIRST ATTEMPT AFTER THE BIRTH.", "AUG. 3RD, 2021"),
    ("BY EASTER MONDAY 2022 THINGS WERE MUCH BETTER.", "EASTER MONDAY 2022"),
    # initials and surnames after a first name or a title
    ("YOURS FAITHFULLY, M. PRITCHARD (MRS)", "M. PRITCHARD"),
    ("MY APPOINTMENT WAS WITH MRS JOANNE KEANE, A SPECIALIST.", "JOANNE KEANE"),
    ("THE CONSULTANT, DR SHALINI RAO, WAS VERY KIND.", "SHALINI RAO"),
    # short names after a cue, and their later mentions
    ("MY FLATMATE TASH SAID I SHOULD SEE SOMEONE.", "TASH"),
    ("MY FLATMATE TASH CAME ALONG. LATER TASH HELD MY HAND.", "TASH"),
    ("ME AND KAZ HAVE BEEN TOGETHER 3 YEARS.", "KAZ"),
    ("A PHYSIO CALLED SEGUN WAS SO PROFESSIONAL.", "SEGUN"),
    ("MY HUSBAND WILL THOUGHT HE WAS HURTING ME.", "WILL"),
    # facilities and places
    ("OUR BABY WAS BORN AT THE ROYAL HOSPITAL FOR WOMEN IN RANDWICK.", "ROYAL HOSPITAL FOR WOMEN"),
    ("ME ATENDIERON EN EL HOSPITAL LA PAZ POR FIN.", "HOSPITAL LA PAZ"),
    ("I AM FROM PORT HARCOURT, 29YRS, AND PROUD OF IT.", "PORT HARCOURT"),
    ("I AM FROM PORT HARCOURT, 29YRS, AND PROUD OF IT.", "29YRS"),
    ("I GREW UP FROM NOWA HUTA IN KRAKÓW.", "NOWA HUTA"),
    ("WE PLANNED A TRIP TO DARJEELING THIS WINTER.", "DARJEELING"),
    ("I SAW A PHYSIO AT GREAT JAMES STREET CLINIC LAST YEAR.", "GREAT JAMES STREET CLINIC"),
    ("SHE WORKS FOR THE FEDERAL MINISTRY OF HEALTH IN TOWN.", "FEDERAL MINISTRY OF HEALTH"),
    ("WRITE TO 22 COLLEGE COURT, CASTLETROY, CO. LIMERICK.", "22 COLLEGE COURT"),
    # handles and codes
    ("FIND ME AS U/PELVIC_PAL_22 IF YOU WANT TO TALK.", "U/PELVIC_PAL_22"),
    ("MY REFERENCE AT THE TRUST IS WHSCT 0048271, KEEP IT.", "WHSCT 0048271"),
]


@pytest.mark.parametrize(("text", "words"), MUST_FIND)
def test_found_in_capitals(text: str, words: str) -> None:
    assert _covered(text, words), found(text)


SHOUTING = [
    "PLEASE DO NOT GIVE UP. IT IS TREATABLE AND YOU MAY FEEL MORTIFIED BUT ASK YOUR GP.",
    "I’M SO ANGRY. THE CLINIC NEVER CALLED BACK AND MY MOTHER-IN-LAW KEPT ASKING.",
    "WE WILL GET THROUGH THIS. HOPE IS WHAT KEPT ME GOING, NOT PAIN-FREE DAYS.",
    "THE PELVIC FLOOR PHYSIO SAID CLENCHING MAKES IT WORSE, SO I STOPPED.",
    "I WILL NEVER FORGET THAT DAY. YOU MAY THINK IT IS NORMAL. IT ISN'T.",
    "MY HUSBAND WILL BE THERE AND MY FRIEND WILL TOO.",
    "WHY DOES NOBODY TALK ABOUT THIS?! I DIDN’T KNOW IT WAS A THING.",
    "AFTERWARDS WE HAD A CUP OF TEA AND IT FELT LIKE A MIRACLE. I WAS SO SAD BEFORE.",
    "IT TAKES A LOT OF PATIENCE. MY GP SENT ME TO PHYSIO AND THE CLINIC WAS LOVELY.",
]


@pytest.mark.parametrize("text", SHOUTING)
def test_shouting_raises_nothing(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("text", [t for t, _ in MUST_FIND] + SHOUTING)
def test_recase_keeps_length_and_letters(text: str) -> None:
    out = recase(text)
    assert len(out) == len(text)
    assert out.upper() == text.upper()


def test_normal_case_text_is_untouched() -> None:
    text = "My physio, Tash, saw me on the 3rd of May 2024 at the Royal Hospital for Women."
    assert recase(text) == text


def test_context_only_touches_capitals() -> None:
    # a story with one shouted phrase: the rest keeps its own case
    text = "I may go back in May. THANK YOU SO MUCH to my friend Tash."
    out = recase(text)
    assert out.startswith("I may go back in May.")
    assert out.endswith("to my friend Tash.")


def test_possessives_and_contractions() -> None:
    out = recase("I'M AT THE WOMEN'S CLINIC")
    assert out.startswith("I'm at the") and "'S" not in out
    out = recase("I'M TIRED AND I’D LIKE HELP")
    assert out.startswith("I'm tired") and "I’d" in out


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))


def test_a_name_word_frequencies_count_as_a_word_stays_a_name_in_capitals() -> None:
    # wordfreq counts "gupta" in running text; no dictionary writes it in lower case
    text = "MY GP PUT ME ON TO A FRIEND OF HERS, GUPTA, WHO RUNS A SMALL PRACTICE."
    assert _covered(text, "GUPTA")


@pytest.mark.parametrize(
    "text",
    ["THE NURSE SAID IT WAS ATROPHY AND VERY COMMON.", "THEY FINALLY SAID INTERSTITIAL CYSTITIS TO ME."],
)
def test_a_dictionary_word_in_capitals_is_a_word(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I WAS IN BITS FOR WEEKS. SOL CAME ROUND WITH SOUP AND STAYED.", "SOL"),
        ("THE LETTER CAME ON A MONDAY.\nDEB SAID SHE WOULD COME WITH ME.", "DEB"),
    ],
)
def test_a_name_opening_a_sentence_in_capitals_is_found(text: str, name: str) -> None:
    """Normal writing capitalises a sentence's first word; so does the recasing."""
    assert _covered(text, name)


@pytest.mark.parametrize(
    "text",
    [
        "SO I STARTED PT AT A LITTLE CLINIC OFF THE HIGH STREET.",
        "THEY FITTED A RING AND BOOKED PHYSIO FOR THE SPRING.",
        "I ONLY TOLD MY GENDER CLINIC NURSE AND NOBODY ELSE.",
    ],
)
def test_a_kind_of_clinic_in_capitals_is_no_facility_name(text: str) -> None:
    """"a little clinic" in normal case names nothing; in capitals neither."""
    assert not any(kind == "FACILITY" for kind, _ in found(text))


def test_a_facility_name_in_capitals_is_still_found() -> None:
    assert _covered("I HAD MY SON AT THE ROYAL GWENT HOSPITAL IN 2019.", "ROYAL GWENT HOSPITAL")


def test_a_two_word_town_after_a_place_cue_in_capitals_keeps_both_words() -> None:
    text = "LLEGUÉ CON MI HIJA EN BRAZOS Y HOY VIVO EN PATIO BONITO, EN BOGOTÁ, CON ELLA."
    assert _covered(text, "PATIO BONITO")


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("I LIVE NEAR DES MOINES AND DRIVE IN FOR WORK.", "DES MOINES"),
        ("A CATTLE RANCH OUTSIDE SAN ANGELO SINCE 1986.", "SAN ANGELO"),
        ("I WORKED ON STATEN ISLAND FOR YEARS.", "STATEN ISLAND"),
    ],
)
def test_a_town_of_several_words_in_capitals_is_read_whole(text: str, town: str) -> None:
    assert covered(text, town)


def test_a_town_named_by_a_title_is_a_town() -> None:
    text = "I found a pelvic floor therapist in Lady Lake, a soft-spoken young man."
    assert [f.kind for f in detect(text) if text[f.start : f.end] == "Lady Lake"] == ["LOCATION"]


def test_words_of_a_spanish_story_in_capitals_are_no_town() -> None:
    text = (
        "FUE LA PRIMERA VEZ QUE ME SENTÍ ESCUCHADA. EN LA CONSULTA ME EXPLICARON TODO CON "
        "CALMA Y POR FIN ENTENDÍ QUE LO QUE TENÍA TENÍA NOMBRE Y TRATAMIENTO."
    )
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "church"),
    [
        ("IT WAS DOTTIE AT FIRST PRESBYTERIAN WHO TOLD ME ABOUT IT.", "FIRST PRESBYTERIAN"),
        ("THE LADY AT OUR CHURCH, FIRST BAPTIST, WHO RUNS THE QUILTING CIRCLE.", "FIRST BAPTIST"),
    ],
)
def test_a_congregation_named_by_its_ordinal_in_capitals_is_a_facility(text: str, church: str) -> None:
    assert covered(text, church)
    assert flagged_words("AT FIRST I THOUGHT IT WAS NOTHING AT ALL.") == []


@pytest.mark.parametrize(
    "text",
    ["I SAT IN THE CAR PARK AND CRIED THE WHOLE WAY HOME.", "THAT WAS THE ONLY WAY I COULD SAY IT."],
)
def test_an_everyday_phrase_ending_in_a_street_word_after_the_is_no_street(text: str) -> None:
    assert flagged_words(text) == []
    assert covered("WE LIVE ON CHURCH WAY IN LEEDS NOW.", "CHURCH WAY")


_NOTE = (
    "PT IS A 45 YO F WITH HX OF HTN, DM2. SEEN IN ED AT MGH ON 3/4. C/O PELVIC PAIN X 2 WKS. "
    "PLAN: F/U WITH DR JONES IN 2 WKS, CONT MEDS, RTC PRN. FAMILY AT BEDSIDE. SPOKE WITH "
    "DAUGHTER SUSAN RE DISCHARGE PLANNING. GIVEN TYLENOL 650 MG PO. AMBULATING IN HALLWAY. "
    "0700 PT OOB TO CHAIR, TOLERATING DIET."
)


def test_a_clinical_note_in_capitals_flags_its_identifiers_not_its_shorthand() -> None:
    assert found(_NOTE) == [
        ("AGE", "45"), ("FACILITY", "MGH"), ("DATE", "3/4"), ("PERSON", "JONES"), ("PERSON", "SUSAN"),
    ]


@pytest.mark.parametrize(
    "text",
    ["I AM TYPING THIS IN CAPITALS BECAUSE I AM STILL CROSS.", "I SAID THEN WHY AM I IN AGONY.",
     "IT WAS ALL DONE IN HINDSIGHT, AS THEY SAY."],
)
def test_a_dictionary_word_after_in_is_still_a_word_in_capitals(text: str) -> None:
    assert detect(text) == []


def test_a_firm_after_at_is_still_a_place_in_capitals() -> None:
    assert found("I WORKED AT TESCO IN BOOTLE FOR YEARS.") == [("FACILITY", "TESCO"), ("LOCATION", "BOOTLE")]
