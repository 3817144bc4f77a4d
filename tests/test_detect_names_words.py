"""Names, places and the everyday words around them (issue #11, second round): word forms,
determiners, sentence starts, short forms of a name, and places typed in lowercase.
Every sentence here is written for this test, not taken from a corpus."""

from __future__ import annotations

import pytest

from stories.detect import detect
from stories.detect.lexicon import derived_form, english_form
from tests.detect_prose_util import covered, flagged_words


@pytest.mark.parametrize("word", ["heaviness", "overworking", "breakups", "gels", "appointments", "leaking"])
def test_regular_forms_of_everyday_words_are_words(word: str) -> None:
    assert english_form(word)


@pytest.mark.parametrize("word", ["okafor", "tash", "kowalczyk", "rawlings", "siobhan", "moyross"])
def test_names_and_unknown_words_are_no_word_forms(word: str) -> None:
    assert not english_form(word)


def test_a_stem_a_name_list_knows_makes_no_word_form() -> None:
    assert not derived_form("rogers")  # "Roger" + s: a surname, not a word
    assert derived_form("running")  # "run" doubled


@pytest.mark.parametrize(
    "text",
    [
        "My pelvic floor was Overworking all the time.",
        "Then a strange Heaviness set in.",
        "Leaking is common after a birth.",
        "Appointments moved to video in the spring.",
        "I was the Friend who always had advice.",
        "No Fancy Gels, nothing scented.",
        "Fair point, I thought.",
        "RELAXING DOES NOT FIX A MEDICAL CONDITION.",
    ],
)
def test_everyday_words_in_title_case_are_not_names(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Unlike the Castro novel, it is quiet.", "Castro"),  # a surname before a noun
        ("Jennifer, my physio, listened.", "Jennifer"),  # a first name opening a sentence
        ("We read the Golden Quillmarsh website together.", "Golden Quillmarsh"),
        ("Tenor was the first person who did not laugh.", "Tenor"),  # no regular word form
    ],
)
def test_names_next_to_the_word_rules_are_still_found(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My wife Kathleen was there. Kath cried when I told her.", "Kath"),
        ("my boyfriend rhodri came. rhod had to push me out of the car", "rhod"),
        ("I am Rituparna (Ritu to friends) and I live alone.", "Ritu"),
    ],
)
def test_a_short_form_of_a_found_name_is_a_name(text: str, name: str) -> None:
    assert covered(text, name)


def test_a_short_form_that_is_a_common_word_stays_a_word() -> None:
    text = "My husband William came along. Will it ever stop hurting?"
    assert "Will" not in flagged_words(text)


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
    ("text", "name"),
    [
        ("Then it got better. Wren, my physio, never rushed me.", "Wren"),
        ("Husband (Tobiah) was patient the whole time.", "Tobiah"),
        ("I'm Xiu Ying, 40, and I live alone.", "Xiu Ying"),
    ],
)
def test_names_beside_a_relation_or_after_im(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It took two years.\n\nKind regards,\nR. T. Q.\n", "R. T. Q"),
        ("It took two years.\n\nLove,\nHope x", "Hope"),
        ("TELL SOMEONE.\n\nLOVE TO YOU ALL,\nBEXA\n", "BEXA"),
        ("Just listen to her.\n\nOrrin\n", "Orrin"),
    ],
)
def test_the_name_a_story_is_signed_with(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text",
    [
        "It took two years.\n\nYours sincerely,\nA Grateful Patient\n",
        "It took two years.\n\nKeep going.\n",
        "It took two years.\n\nHope.\n",
        "It took two years.\n\nThanks,\nAnonymous\n",
    ],
)
def test_a_closing_phrase_on_the_last_line_is_no_signature(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the physio there, siobhan, explained it all", "siobhan"),
        ("then mary-kate gave me a leaflet", "mary-kate"),
    ],
)
def test_a_lone_lowercase_first_name_that_is_no_word(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize("text", ["c'est ma meilleure amie qui a compris", "no lube, no nothing"])
def test_french_words_are_not_lowercase_names(text: str) -> None:
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


@pytest.mark.parametrize(
    "text",
    [
        "Urgent care said Prostatitis again.",
        "It was my Internist who listened.",
        "Fui con el Ginecólogo de la familia.",
        "Hugging was fine for months.",
        "It never worked, not EVER.",
        "Durante años no le dije NADA a nadie.",
    ],
)
def test_clinical_words_gerunds_and_shouted_words_are_not_names(text: str) -> None:
    assert flagged_words(text) == []


def test_a_shouted_rare_word_after_at_may_still_be_a_place() -> None:
    assert covered("The team arrived at HARTLOW this morning.", "HARTLOW")


def test_a_doubtful_capitalised_word_is_not_looked_for_again() -> None:
    text = "She said Genitourinary Syndrome Of Menopause. A Syndrome! The syndrome has a name."
    assert "syndrome" not in flagged_words(text)
    assert flagged_words(text).count("Syndrome") <= 1


def test_a_surname_found_by_its_capital_is_still_looked_for_again() -> None:
    text = "A film by Ossian Quarrell. Later quarrell was late."
    assert covered(text, "quarrell")


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
    "text",
    ["Christmas Eve was hard.", "Then Mother's Day came round.", "By Quandra Day I could walk again."],
)
def test_the_name_of_a_day_is_no_person(text: str) -> None:
    assert flagged_words(text) == []


def test_a_first_name_and_the_surname_day_stay_a_name() -> None:
    assert covered("I loved the old Doris Day films.", "Doris Day")


SPANISH = "Que te digo, yo no sabía nada y me daba pena. Pero con el tiempo lo hablé con mi pareja. "


def test_a_spanish_story_s_capitalised_words_are_words() -> None:
    assert flagged_words(SPANISH + "También fui a Terapia Psicológica, porque el miedo era grande.") == []


def test_a_spanish_story_s_place_after_soy_de_is_still_a_place() -> None:
    text = SPANISH + "Tengo 23 y soy de Caballito, un barrio lindo."
    assert covered(text, "Caballito")


def test_the_same_words_in_an_english_story_keep_their_capital() -> None:
    text = "We ate at Terapia Psicológica, a tapas bar, and it was lovely."
    assert covered(text, "Terapia Psicológica")


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
    ("text", "name"),
    [
        ("and now we live off Quarry Road, E1 2PS. Three kids later", "Quarry Road, E1"),
        ("My husband Sunday was very supportive.", "Sunday"),
        ("My huisarts, dokter de Wulf, listened.", "de Wulf"),
        ("We met Pieter van der Quist there.", "van der Quist"),
        ("He is a tech for QRT Energy these days.", "QRT Energy"),
        ("We were wedded at Our Saviour's Anglican Church in the rain.", "Our Saviour's Anglican Church"),
    ],
)
def test_streets_days_particles_and_organisations(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text", ["I saw my GP on Sunday.", "My husband and I went on Monday.", "I went to de gym"]
)
def test_days_and_particles_without_a_name(text: str) -> None:
    assert flagged_words(text) == []


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


def test_an_initial_after_a_relation_is_a_name() -> None:
    assert covered("It was my friend R. from water aerobics who asked.", "R")


@pytest.mark.parametrize(
    "text", ["Hope is a small word.", "Grace is a word my mother used.", "Faith was never my strong suit."]
)
def test_word_names_opening_a_sentence_about_themselves_are_words(text: str) -> None:
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
    "text",
    [
        "the medication took six weeks to kick in",
        "i didn't want my man to hug me",
        "can i request you to block it",
        "gently and with constant permission",
        "Energetic and driven, she ran the ward.",
    ],
)
def test_verbs_and_adjectives_after_a_weak_cue_are_words(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "name"), [("i told dave about it", "dave"), ("Jo and I went together.", "Jo")]
)
def test_names_after_a_weak_cue_still_count(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text", ["Keep going. It’s Worth It.", "Comparing myself to Everyone Else.", "Odd choice, appreciated."]
)
def test_other_locales_word_names_are_words_in_english(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My friend Grace came along.", "Grace"),
        ("I still remember Mr White.", "White"),
        ("It was Kevin Quell II, my grandfather.", "Kevin Quell II"),
    ],
)
def test_english_word_names_and_generations_stay_names(text: str, name: str) -> None:
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


@pytest.mark.parametrize(
    "text",
    [
        "after one particularly tearful Valentine’s Day, I booked a visit",
        "I am an Igbo woman, a civil servant.",
        "Physio was a Bajan lady with cold hands.",
        "my Marathi typing is very slow",
    ],
)
def test_named_days_and_peoples_are_no_names(text: str) -> None:
    assert flagged_words(text) == []


def test_a_number_before_a_pronoun_or_function_word_is_no_address() -> None:
    assert not any(f.kind == "LOCATION" for f in detect("Things I Would Tell Week 1 Me\n\nDon’t skip it."))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('most people call me "Biddy", and I am forty-four', "Biddy"),
        ('friends call me "Keat" or "BK". I am an engineer.', "BK"),
        ('a physical therapist named Rosalind "Roz" Ochoa started', 'Rosalind "Roz" Ochoa'),
        ("me and izzy (other flatmate) then spent a week", "izzy"),
    ],
)
def test_quoted_nicknames_and_names_paired_with_the_writer(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text",
    [
        "I Am Not “Cured” Yet, Sadly.",
        "because they said I'd \"exceeded visits\" I'd never had",
        "because I'm a nerd and I kept one",
        "I lay with the catheter and I was afraid",
    ],
)
def test_quoted_words_and_things_paired_with_the_writer_are_no_names(text: str) -> None:
    assert flagged_words(text) == []


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
        ("[21:50] Mum: I will come. Anj can drop the baby at nursery", "Anj"),
        ("Or someone's mum.\n\nSimran, 29, Harrow\n", "Simran"),
        ("Or someone's mum.\n\nSimran, 29, Harrow\n", "Harrow"),
    ],
)
def test_an_unknown_word_before_a_modal_and_a_signature_with_age_and_place(text: str, name: str) -> None:
    assert covered(text, name)


def test_a_known_word_before_a_modal_is_a_word() -> None:
    assert flagged_words("Lube can help. Patience will too.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("thanks doc. jo's sister sunny (her actual name) drove me", "sunny"),
        ("MARRIED TO SUNDAY FOR NINETEEN YEARS, FOUR CHILDREN", "SUNDAY"),
        ("the physio, aunty rose i call her, was kind", "rose"),
        ("me, shona and kez were out for cocktails", "kez"),
    ],
)
def test_possessive_relations_married_to_aunty_and_lists_opened_by_me(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize("text", ["we got married on Sunday", "my aunty came round", "me, tea and biscuits"])
def test_days_relations_and_snacks_are_no_names(text: str) -> None:
    assert flagged_words(text) == []


FRENCH = "Je ne savais pas quoi faire. Les médecins disaient que c'est dans la tête, mais je souffrais. "


@pytest.mark.parametrize(
    "text",
    [
        FRENCH + "Le Traitement\n\nElle m'a dit : « Vous n'inventez rien. » Deux ans plus tard, ça va.",
        "Background. I'm Israeli, engineer, married, two kids.",
        "Okay. I am Swedish, I am a grandmother.",
    ],
)
def test_a_french_story_s_words_and_peoples_said_of_oneself_are_no_names(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "name"), [("Howzit. I'm Thandi, 35, from the coast.", "Thandi"), ("Hi, I'm Brian, 40.", "Brian")]
)
def test_names_said_of_oneself_stay_names(text: str, name: str) -> None:
    assert covered(text, name)


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
        ("How is my partner in all this?\n\nWill has been a rock.", "Will"),
        ("to a scone. the physio there, isla, absolute legend.", "isla"),
    ],
)
def test_a_modal_name_before_a_finite_verb_and_a_name_after_a_role_and_comma(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize("text", ["Will I ever be normal? May I ask?", "i went there, then, to the shop"])
def test_modals_and_commas_alone_are_not_names(text: str) -> None:
    assert flagged_words(text) == []


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
