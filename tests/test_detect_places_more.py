"""Places, facilities and the words that are neither: faiths and tongues, provinces,
chains, pubs, districts, towns with a state code (issue #11, sixth round)."""

from __future__ import annotations

import pytest

from stories.detect import detect
from tests.detect_prose_util import flagged_words, found, words_of


@pytest.mark.parametrize(
    "text",
    [
        "Learning that in Islam my husband's patience is rewarded.",
        "If you need somebody to talk to in Kreyòl, you can message the clinic.",
        "She asked me directly in Kapampangan, and because it was in our language I answered.",
        "I finally said it out loud, in Taglish, very fast.",
    ],
)
def test_a_faith_or_a_spoken_tongue_after_in_is_no_place(text: str) -> None:
    assert detect(text) == []


@pytest.mark.parametrize(
    "text",
    ["Is there no one from Kerala who has gone through this?", "I grew up in Punjab.",
     "We live in Gauteng now.", "Back home in Nunavut you fly out for everything."],
)
def test_a_province_or_a_state_is_no_identifier(text: str) -> None:
    # as large as a US state, which Safe Harbor lets stand (ISO 3166-2 first-level parts)
    assert detect(text) == []


def test_a_province_named_like_a_large_town_stays_a_place() -> None:
    text = "I moved to Lagos for work."
    assert found(text) == [("LOCATION", "Lagos")]


@pytest.mark.parametrize(
    "text",
    ["Got sent to the urology clinic in the end.", "A referral back to the urogynae clinic, then."],
)
def test_a_lowercase_department_clinic_is_no_named_facility(text: str) -> None:
    assert detect(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Me cuesta hablar de esto.", []),
        ("El camino es largo y difícil.", []),
        ("vivo en calle mayor 5", [("LOCATION", "calle mayor 5")]),
        ("i live on via roma", [("LOCATION", "via roma")]),
    ],
)
def test_a_lowercase_street_word_needs_a_number_or_a_place_word(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i work on the tills at home bargains and some days", [("FACILITY", "home bargains")]),
        ("late for my shift at boots again", [("FACILITY", "boots")]),
        ("I WORKED AT PICK N PAY FOR YEARS.", [("FACILITY", "PICK N PAY")]),
        ("i work at pingo doce in the bakery", [("FACILITY", "pingo doce")]),
        ("my new boots hurt", []),
        ("My friend Sarah Coles came too.", [("PERSON", "Sarah Coles")]),
    ],
)
def test_a_chain_is_found_in_lower_case_and_in_capitals(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we went the red lion after for a drink", [("FACILITY", "red lion")]),
        ("I run the Plough with my other half.", [("FACILITY", "Plough")]),
        ("STARTED GOING DOWN THE GREYHOUND MOST NIGHTS.", [("FACILITY", "GREYHOUND")]),
        ("it was in the ship for weeks", []),
        ("I went down the bell tower", []),
    ],
)
def test_a_pub_after_a_venue_cue_is_a_facility(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("demi from orchard park in town", [("PERSON", "demi"), ("LOCATION", "orchard park")]),
        ("i work in north city doing checkouts", [("LOCATION", "north city")]),
        ("parked in the car park", []),
        ("at breaking point and in dead end jobs", []),
    ],
)
def test_a_lowercase_district_after_a_place_cue(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("referred me to womens health physio at hri. first appt", [("FACILITY", "hri")]),
        ("went to uhs like five times", [("FACILITY", "uhs")]),
        ("went to bed early", []),
        ("sophomore at U of I, grew up in the suburbs", [("FACILITY", "U of I")]),
        ("one of a kind, you of all people", []),
    ],
)
def test_lowercase_acronyms_after_at_or_to_and_universities_by_initial(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("womens health physio at the royal stoke. waiting list", [("FACILITY", "royal stoke")]),
        ("so i went to the sandyford and the nurse there", [("FACILITY", "sandyford")]),
        ("we went to the beach", []),
        ("it was in the bath", []),
    ],
)
def test_a_lowercase_town_named_place_after_to_the(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Regards,\nYousef\nDearborn, MI\n", [("PERSON", "Yousef"), ("LOCATION", "Dearborn, MI")]),
        ("I grew up in Normal, IL and moved", [("LOCATION", "Normal, IL")]),
        ("from Dubbo NSW originally", [("LOCATION", "Dubbo NSW")]),
        ("Women Get This, OK", []),
    ],
)
def test_a_town_with_its_state_code(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        ("got in at froedtert with dr amundsen on 6/30", "froedtert"),
        ("the gp referred me to sandyford. first appointment was on the 14th", "sandyford"),
        ("eventually got a referral up to treliske and saw mr penhaligon", "treliske"),
    ],
)
def test_an_unknown_lowercase_word_after_at_or_referred_to_is_a_facility(text: str, facility: str) -> None:
    # in a story with no facility word in it at all
    assert ("FACILITY", facility) in found(text)


@pytest.mark.parametrize(
    "text",
    ["then i went to bed early", "she sent me to physio", "i talked to maddie about it", "i was at work"],
)
def test_an_everyday_word_or_a_name_after_to_is_no_facility(text: str) -> None:
    assert found(text, ("FACILITY",)) == []


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        ("doing my childcare course at city college. me and", "city college"),
        ("it started in year 12 at new college, i thought", "new college"),
        ("i work the front desk at lakeshore family dental in oak creek", "lakeshore family dental"),
        ("work part time at casuarina library (well, did)", "casuarina library"),
        ("we are in the same choir at st joseph's church on sundays", "st joseph's church"),
    ],
)
def test_lowercase_words_then_a_head_right_after_at_name_a_facility(text: str, facility: str) -> None:
    assert ("FACILITY", facility) in found(text)


@pytest.mark.parametrize(
    "text",
    ["i met him at medical school", "she was at community college then", "then at grad school",
     "i was seen at day hospital", "at sexual health clinic they were kind",
     "big up di nurses at di hospital",
     "i went to the local library"],
)
def test_a_kind_of_place_or_a_department_after_at_is_no_facility(text: str) -> None:
    assert found(text, ("FACILITY",)) == []


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        ("dans le service de l'hôpital de la Croix-Rousse, et le 14 juillet", "l'hôpital de la Croix-Rousse"),
        ("je suis professeure des écoles à l'école Jean-Macé, mais", "l'école Jean-Macé"),
        ("no ambulatório do Hospital das Clínicas da UFMG.", "Hospital das Clínicas da UFMG"),
        ("Me operaron en el Hospital La Paz en 2019.", "Hospital La Paz"),
    ],
)
def test_a_french_facility_word_and_a_named_hospital_in_a_romance_language(text: str, facility: str) -> None:
    assert any(kind == "FACILITY" and facility in words for kind, words in found(text))


def test_a_spanish_clinic_named_by_its_place_leaves_the_generic_word() -> None:
    text = "Fui a la clínica de Huelin y me atendieron bien."
    assert all(not words.startswith("clínica") for _, words in found(text))


@pytest.mark.parametrize(
    "text",
    ["I went to Sunday School every week.", "She went to Medical School in town.",
     "At Primary School I was quiet.", "My son is at Senior High School now."],
)
def test_a_kind_of_school_is_no_named_facility(text: str) -> None:
    assert found(text, ("FACILITY",)) == []


@pytest.mark.parametrize(
    ("text", "facility"),
    [("I went to Holy Cross Primary School.", "Holy Cross Primary School"),
     ("a teacher at Owerri Girls' Secondary School, mother of four", "Owerri Girls' Secondary School"),
     ("I teach at St. Agnes Nursery and Primary School in town.", "St. Agnes Nursery and Primary School")],
)
def test_a_named_school_keeps_its_kind_words(text: str, facility: str) -> None:
    flagged = " ".join(flagged_words(text))
    assert all(word in flagged for word in facility.replace("'", " ").split())


@pytest.mark.parametrize(
    "text",
    ["I bought every Lubricant in the Chemist, I had baths.", "But one day at the Pharmacy counter, I asked.",
     "I went home and wept in the Vicarage kitchen.", "I stopped going to the Mart with himself."],
)
def test_a_kind_of_place_after_the_is_no_named_facility(text: str) -> None:
    assert found(text, ("FACILITY",)) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [("We had our daughter at the General after a long labour.", "General"),
     ("The GP referred me to The Bridge, and then on.", "Bridge")],
)
def test_a_hospital_named_by_an_everyday_word_after_the_stays_a_facility(text: str, place: str) -> None:
    assert ("FACILITY", place) in found(text)


@pytest.mark.parametrize(
    "text",
    ["We drank tea and we watched cartoons until Fajr.", "After the Nikah, nothing happened.",
     "I lift the big pot of dal in the Langar kitchen.", "I stopped going to Zumba."],
)
def test_a_prayer_a_rite_or_a_class_is_no_name_and_no_place(text: str) -> None:
    assert detect(text) == []


@pytest.mark.parametrize(
    "text",
    ["During my BSc I was missing many classes.", "I went to three different OB-GYNs. None helped.",
     "Mammy had them, so I was to offer it up.", "Message me if you want to chat. Chur."],
)
def test_a_qualification_a_plural_clinician_a_mother_or_a_greeting_is_no_name(text: str) -> None:
    assert detect(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [("Tenho 29 anos e moro em Porto Alegre, no bairro Menino Deus.", "Menino Deus"),
     ("We lived in the suburb of Glen Waverley for years.", "Glen Waverley"),
     ("Vivo en el barrio Villa del Parque con mi hija.", "Villa del Parque"),
     ("I grew up in the village of Rosses Point.", "Rosses Point")],
)
def test_the_place_after_a_word_for_a_district_is_a_location(text: str, place: str) -> None:
    assert ("LOCATION", place) in found(text)
    assert ("PERSON", place) not in found(text)


def test_a_district_word_inside_a_shops_name_makes_no_place() -> None:
    assert all(words != "Books" for _, words in found("Senior Bookseller, Powell's City of Books"))


@pytest.mark.parametrize(
    ("text", "firm"),
    [("Hunter from the warehouse of Midwest Freight Solutions overheard me.", "Midwest Freight Solutions"),
     ("I work the cash at Harbourview Hardware on the main road.", "Harbourview Hardware"),
     ("Forty year I drove for Holroyd Haulage before my back went.", "Holroyd Haulage")],
)
def test_a_firm_named_with_a_trade_word_is_a_facility(text: str, firm: str) -> None:
    assert ("FACILITY", firm) in found(text)


def test_a_capitalised_word_ending_a_name_after_at_stays_in_it() -> None:
    text = "My son needs lifts to football at Dundonald FC three nights a week."
    assert ("FACILITY", "Dundonald FC") in found(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [("My friend found a pelvic floor PT on the Upper West Side for me.", "Upper West Side"),
     ("I was born and raised on the West Side of San Antonio, and stayed.", "West Side of San Antonio")],
)
def test_a_towns_side_named_by_the_compass_is_a_place(text: str, place: str) -> None:
    assert found(text, ("LOCATION", "PERSON")) == [("LOCATION", place)]


@pytest.mark.parametrize(
    ("text", "facility"),
    [("I went to A&E at the L&D and they gave me co-codamol.", "L&D"),
     ("She sent me up the QE for a heart scan.", "QE"),
     ("I play fútbol los jueves con unos amigos del Club Ferro.", "Club Ferro")],
)
def test_an_acronym_with_an_ampersand_after_up_the_and_a_named_club(text: str, facility: str) -> None:
    assert ("FACILITY", facility) in found(text)


def test_a_road_number_after_up_the_is_no_facility() -> None:
    assert found("I went up the A1 and up the M6 to get there.", ("FACILITY",)) == []


@pytest.mark.parametrize(
    "text",
    ["Dejé de ir a bailar a la plaza los domingos. Dejé de cargar a mi nieta.",
     "At the Mid-Autumn Festival this year I was the one cooking.",
     "Ten Years, Three Doctors And One Very Good Physio\n\nSure look, I'll start at the start.",
     "I DROVE HOME. YOU KNOW HOW THAT HURT A TRINI? MIH DAUGHTER FIND ME CRYING.",
     "Testosterone has been lekker for a lot of things."],
)
def test_a_sentence_a_festival_a_heading_dialect_and_a_hormone_are_no_identifiers(text: str) -> None:
    assert detect(text) == []


@pytest.mark.parametrize(
    "text",
    ["Summat's not right down below. Felt like I were sitting on an egg.",
     "The nerve runs through a wee tunnel called Alcock's Canal.",
     "Salí de allí llorando. Dejé de ir a bailar a la plaza los domingos. Dejé de cargar a mi nieta."],
)
def test_a_common_word_opening_a_sentence_dialect_and_anatomy_are_no_identifiers(text: str) -> None:
    assert found(text, ("PERSON", "LOCATION", "FACILITY")) == []


def test_the_commonest_word_of_a_spanish_story_opening_a_sentence_is_no_part_of_a_name() -> None:
    text = ("Me dijeron que era normal, que ya se me pasaría. No se me pasó. Con Álex llevábamos dos años y "
            "medio sin poder hacer nada, y yo no sabía qué hacer con mi vida. Me sentía rota y sola, y no se "
            "lo contaba a nadie. Pero todo cambió cuando fui a la fisio de suelo pélvico que me dijeron.")
    assert found(text, ("PERSON",)) == [("PERSON", "Álex")]


def test_a_spanish_street_ends_at_its_full_stop() -> None:
    text = "Salí de allí llorando por toda la calle de Embajadores.\n\nFue mi prima."
    assert words_of(text, "LOCATION") == ["calle de Embajadores"]


@pytest.mark.parametrize(
    "text",
    ["My customer, Mark, English man, very funny. My English is not perfect.",
     "In Sri Lanka, after delivery, the mother rests. We are Kiwis, we just cracked on.",
     'She said over a cup of tea: "Love, I had that, it is called lichen something."'],
)
def test_a_demonym_after_a_comma_a_country_and_an_endearment_are_no_names(text: str) -> None:
    assert words_of(text, "PERSON") in ([], ["Mark"])


@pytest.mark.parametrize(
    ("text", "name"),
    [("I AM 33, I WORK AS A MECHANIC AT KWIK FIT IN SWINDON.", "KWIK FIT"),
     ("HE PLAYED FOOTBALL AT KENT STATE, AND HERE HE IS.", "KENT STATE")],
)
def test_a_name_after_at_in_capitals_is_read_whole(text: str, name: str) -> None:
    assert name in flagged_words(text)


@pytest.mark.parametrize(
    "text",
    ["AT FIRST SIGHT I CRIED ABOUT IT.", "WE MET AT LEEDS TODAY AND TALKED.", "THE FROM DR OKAFOR PAIN."],
)
def test_everyday_words_a_time_or_a_title_after_at_in_capitals_are_no_part_of_a_name(text: str) -> None:
    assert all(" " not in words for words in flagged_words(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [("I HAD NO JUDGEMENT. THE PHYSIO, JAS, WILL GIVE YOU DILATORS.", "JAS"),
     ("I HAVE CATS. ME AND JO HAVE BEEN TOGETHER FOR YEARS.", "JO")],
)
def test_a_short_name_in_apposition_or_after_me_and_in_capitals(text: str, name: str) -> None:
    assert name in words_of(text, "PERSON")
