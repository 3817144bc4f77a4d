"""Places, facilities and addresses as people write them (issue #11, second round):
lowercase towns, owners, streets and units, compass words, addresses of common words,
named clinics, employers and groups, and the everyday words around them that are none.
Every sentence here is written for this test, not taken from a corpus."""

from __future__ import annotations

import pytest

from stories.detect import detect
from tests.detect_prose_util import covered, flagged_words


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("so im 24 and from moyross but living in town now", "moyross"),
        ("if anyone else is in chch give me a shout", "chch"),
        ("i got referred to the clinic at uhl in the end", "uhl"),
    ],
)
def test_places_typed_in_lowercase_after_a_preposition(text: str, place: str) -> None:
    assert covered(text, place)


@pytest.mark.parametrize(
    "text",
    [
        "i was in bed from tuesday until friday",
        "we met at uni and i was in lockdown from march",
        "it hurt so much i was in agony at work",
    ],
)
def test_everyday_lowercase_words_after_a_preposition_are_not_places(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("We were staying in Borivali East that year.", "Borivali East"),
        ("A clinic near Quillan and Ossory helped.", "Quillan and Ossory"),
        ("It was as crowded as Thornaby station at rush hour.", "Thornaby station"),
    ],
)
def test_a_place_keeps_its_compass_word_its_station_and_its_corner(text: str, place: str) -> None:
    assert covered(text, place)


def test_a_shouted_rare_word_after_at_may_still_be_a_place() -> None:
    assert covered("The team arrived at HARTLOW this morning.", "HARTLOW")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I AM RETIRED AND I LIVE IN QUORBY NOW.", "QUORBY"),
        ("WE MET AT ST ODRAN'S IN THE MIDDLE OF MASS.", "ODRAN'S"),
        ("she referred me to the Royal Tamsin's in the end.", "Royal Tamsin's"),
        ("j'ai vu une gynéco au CHUQ en mars.", "CHUQ"),
    ],
)
def test_places_in_capitals_owners_and_french_acronyms(text: str, place: str) -> None:
    assert covered(text, place)


def test_a_very_common_word_after_in_stays_a_word_in_capitals() -> None:
    assert flagged_words("I WAS IN PAIN AT HOME FOR MONTHS.") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "or post it to 22 college court, castletroy, co. limerick V94 TX82 if you like",
            "22 college court, castletroy, co. limerick V94 TX82",
        ),
        ("Ward 4\nQuillbury General Hospital\nEastern Road, Quillbury QB2 5BE\n\nDear team", "Eastern Road"),
    ],
)
def test_addresses_of_common_words(text: str, address: str) -> None:
    assert covered(text, address)


def test_a_house_number_before_common_words_without_a_postcode_is_no_address() -> None:
    assert flagged_words("i had 3 more close calls that week") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("work early shifts at gallaghers doing pasties", "gallaghers"),
        ("sent me to a physio at russells hall because", "russells hall"),
        ("i work dinners at st bridgets primary so im on my feet", "st bridgets primary"),
        ("live just off quarrow road with my fella", "quarrow road"),
        ("a flat near commercial drive, tiny but ours", "commercial drive"),
    ],
)
def test_lowercase_owners_and_streets(text: str, place: str) -> None:
    assert covered(text, place)


@pytest.mark.parametrize(
    "text",
    [
        "i was at doctors all day",
        "it was a long road to recovery",
        "we went down memory lane",
        "at lunchtimes i rest",
    ],
)
def test_lowercase_everyday_places_are_not_flagged(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Week 6\nCheck-up. Doctor says it is healing.",
        "WEEK 1–4\nAmitriptyline 10 mg at night.",
        "The Nurse Practitioner didn’t blink.",
        "A Consultant Obstetrician treated me as a person.",
        "You need the Perineal Clinic, love.",
        "She referred me to Women’s Health Physio.",
    ],
)
def test_labels_jobs_departments_and_town_words_are_not_identifiers(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Send it to\n27\nQuarry Avenue\nLeeds", "27\nQuarry Avenue"),
        ("Suite 680\nKissousa\nCyprus", "Kissousa"),
        ("I still remember Dr White saying that.", "White"),
        ("We went to the Quellby Pain Clinic twice.", "Quellby Pain Clinic"),
        ("I do a PhD at the University of Bristol these days.", "University of Bristol"),
        ("My sister moved up to Dublin last year.", "Dublin"),
    ],
)
def test_addresses_surnames_named_clinics_and_universities_are_kept(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Please write to Plot 27, Quarto Bello Way, Garki Area 11, Abuja 900103.", "Plot 27"),
        ("My address: Flat B-204, Shantivan Society, Karve Nagar, Pune 411052.", "Flat B-204"),
        ("I am a civil servant with the Federal Ministry of Health here.", "Federal Ministry of Health"),
        ("At Bethel Methodist the ladies pray for me.", "Bethel Methodist"),
        ("It was a peer group, Bodies Beyond Binary, that saved me.", "Bodies Beyond Binary"),
        ("a support group for disabled women, Rolling On, meets monthly", "Rolling On"),
        ("my daughter-in-law dilini, she is a nurse", "dilini"),
        ("God bless the staff of NOHIL and this clinic.", "NOHIL"),
        ("Refund my money.\n\nK. Quell-Shaw, East Dulwich\n", "K. Quell-Shaw, East Dulwich"),
    ],
)
def test_units_ministries_churches_groups_in_laws_acronyms_and_signed_places(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text", ["a lot of PTSD and IBS", "the end of COVID", "I joined a group, and it helped."]
)
def test_clinical_acronyms_after_of_and_plain_group_sentences(text: str) -> None:
    assert flagged_words(text) == []


def test_a_number_before_a_pronoun_or_function_word_is_no_address() -> None:
    assert not any(f.kind == "LOCATION" for f in detect("Things I Would Tell Week 1 Me\n\nDon’t skip it."))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the gp at the Dennistoun practice was lovely", "Dennistoun practice"),
        ("I am an accountant with KCB in the city.", "KCB"),
        ("the team at Peak Pelvic Therapy helped", "Peak Pelvic Therapy"),
        ("a little clinic off st. charles, first visit in may", "st. charles"),
    ],
)
def test_named_practices_employers_therapies_and_saint_streets(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text", ["I went to Pelvic Health Therapy.", "i live with IBS and PTSD", "i was off sick"]
)
def test_kinds_of_therapy_and_clinical_acronyms_are_not_flagged(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "send it by post, unit 6/22 quarrow rd, marrickville nsw 2204",
            "unit 6/22 quarrow rd, marrickville nsw 2204",
        ),
        (
            "Sales Manager, Farm Division\nHeartland Ag Supply Co.\nCell: (515) 555-0176",
            "Heartland Ag Supply Co.",
        ),
        (
            "the order went through Bristol Civil and Family Justice Centre, case closed",
            "Bristol Civil and Family Justice Centre",
        ),
    ],
)
def test_lowercase_units_signature_companies_and_names_joined_by_and(text: str, name: str) -> None:
    assert covered(text, name)


def test_a_count_and_a_year_are_no_state_and_postcode() -> None:
    assert flagged_words("i ran 3 more miles in 2024 near the road") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("had her at the womens on boxing day", "the womens"),
        ("i work the counter at sweet quellia bakery on weekends", "sweet quellia bakery"),
        ("who i met at allsorts youth project years ago", "allsorts youth project"),
    ],
)
def test_lowercase_hospitals_bakeries_and_projects(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize("text", ["we ate at home and at night", "i was at work, at lunch", "at the weekend"])
def test_everyday_places_after_at_are_not_facilities(text: str) -> None:
    assert flagged_words(text) == []


def test_a_two_word_town_typed_in_lowercase() -> None:
    assert covered("i'm 27, from belo horizonte, living here now", "belo horizonte")


@pytest.mark.parametrize(
    "text", ["i smiled and went to the washroom and cried", "hiding in the sluice at work"]
)
def test_rare_rooms_after_the_are_no_facilities(text: str) -> None:
    assert flagged_words(text) == []


def test_a_lowercase_street_with_st() -> None:
    assert covered("my pal works at the shop on princes st and she said", "princes st")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I do the accounts at Kellerman Foods America in Ohio.", "Kellerman Foods America"),
        ("He drove for years for Tanbury Coaches Midlands before his back went.", "Tanbury Coaches Midlands"),
    ],
)
def test_a_region_ending_a_company_name_is_part_of_it(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text",
    [
        "The nurse who spoke to me in Gujarati made all the difference.",
        "I could explain it in Amharic at last.",
    ],
)
def test_a_language_is_no_place(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I met a kind gentleman at First Presbyterian, and we married in June.", "First Presbyterian"),
        ("We married at Second Baptist before the war.", "Second Baptist"),
    ],
)
def test_a_congregation_named_by_an_ordinal_is_a_facility(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text", ["- 3B tear. Repaired in Theatre.\n- Discharged day 2.", "I felt like a girl in Form Two again."]
)
def test_a_very_common_word_after_in_is_no_place(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I grew up in Achrafieh and moved to Montreal for my masters.", "Montreal"),
        ("I live in Leith now.", "Leith"),
    ],
)
def test_a_place_the_dictionary_capitalises_stays_a_place(text: str, place: str) -> None:
    assert covered(text, place)


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("i went to an urgent care on 86th St and the lady basically said it was thrush", "86th St"),
        ("I was bagging produce at the Publix on West 49th Street for years.", "West 49th Street"),
        ("We lived at 221 East 86th Street, Apt 4 until the baby came.", "221 East 86th Street, Apt 4"),
    ],
)
def test_a_street_named_by_its_ordinal_is_a_place(text: str, street: str) -> None:
    assert covered(text, street)


def test_an_ordinal_before_a_lowercase_word_is_no_street() -> None:
    assert flagged_words("It was my 3rd time on the 2nd road trip of the year.") == ["the 2nd"]


def test_scots_fae_is_from_not_a_name() -> None:
    text = "I'm Nicola, 27, fae Govan. Had ma wee girl last year."
    assert "fae" not in " ".join(flagged_words(text)).lower()
    assert covered(text, "Govan")


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        ("I work at Pick n Pay in Westgate as a supervisor.", "Pick n Pay"),
        ("My colleague Olu from Ward 23 saw me sitting there.", "Ward 23"),
    ],
)
def test_a_shop_s_joined_word_and_a_ward_s_number_belong_to_the_facility(text: str, facility: str) -> None:
    assert covered(text, facility)


def test_two_names_joined_after_the_are_one_place() -> None:
    text = "Afterwards we went for a pint at the Fox and Newt to toast her."
    assert [f.kind for f in detect(text) if "Fox" in text[f.start : f.end]] == ["FACILITY"]
    assert covered(text, "Fox and Newt")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I am writing from Tema, Community 11, where I run a small shop.", "Tema, Community 11"),
        ("We moved to Lekki Phase 1 when the baby came.", "Lekki Phase 1"),
    ],
)
def test_a_town_s_numbered_part_belongs_to_it(text: str, place: str) -> None:
    assert covered(text, place)


@pytest.mark.parametrize(
    "text",
    ["The scan came back. All Normal. The consultant shrugged.", "I just wanted to feel Normal again.",
     "AFTER THE WEDDING IT GOT WORSE, AND IT WAS A SURPRISE TO NOBODY."],
)
def test_a_large_town_named_by_an_everyday_word_is_the_word_without_a_place_cue(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("We moved to Normal, Illinois in 2010.", "Normal"),
        ("My cousin flew over from Dublin for it.", "Dublin"),
        ("The clinic said Toronto had a shorter list.", "Toronto"),
    ],
)
def test_a_town_with_its_cue_or_its_state_or_no_word_reading_stays_a_town(text: str, town: str) -> None:
    assert covered(text, town)
