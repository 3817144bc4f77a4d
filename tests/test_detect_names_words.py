"""Names and the everyday words around them (issue #11, second round): word forms,
determiners, sentence starts, short forms and nicknames, signatures, names typed in
lowercase, Spanish and French stories.  Places are in `test_detect_places_words.py`.
Every sentence here is written for this test, not taken from a corpus."""

from __future__ import annotations

import pytest

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


def test_a_doubtful_capitalised_word_is_not_looked_for_again() -> None:
    text = "She said Genitourinary Syndrome Of Menopause. A Syndrome! The syndrome has a name."
    assert "syndrome" not in flagged_words(text)
    assert flagged_words(text).count("Syndrome") <= 1


def test_a_surname_found_by_its_capital_is_still_looked_for_again() -> None:
    text = "A film by Ossian Quarrell. Later quarrell was late."
    assert covered(text, "quarrell")


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
    "text",
    [
        "Midwife. Band 6. Delivered more babies than I can count.",
        "which I am embarrassingly motivated by",
        "I'm clenching again",
    ],
)
def test_cues_stop_at_a_sentence_end_and_word_forms_are_no_names(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "name"), [("I saw Dr. Quell today.", "Quell"), ("the pain. Daisy and I went", "Daisy")]
)
def test_dotted_titles_and_pairs_still_cue_across_a_full_stop(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("im kerry (everyone calls me kez), 27", "kez"),
        ("Our drummer, Mags, who is basically the band's mum", "Mags"),
        ("one of my co-nurses, Ate Len, noticed", "Len"),
    ],
)
def test_calls_me_a_role_in_apposition_and_filipino_titles(text: str, name: str) -> None:
    assert covered(text, name)
