"""Chats, forum posts, diaries and Taglish (issue #11, ninth round): speakers of a pasted
chat, ages written as forums write them, numbers that are no house number, Tagalog words,
names after a relation or "doctor" in lower case, ages after "who's" and before "now",
kinds of clinic, and days that end no place.  Every sentence here is written for this test,
not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import found


def _kinds(text: str, kinds: tuple[str, ...] = ("PERSON", "LOCATION", "FACILITY")) -> list[tuple[str, str]]:
    return [(kind, words) for kind, words in found(text) if kind in kinds]


CHAT = (
    "My cousin told me to paste our messages instead.\n\n"
    "03/02/2024, 21:10 - Dot: finally saw someone about it\n"
    "03/02/2024, 21:12 - Bex: and??\n"
    "03/02/2024, 21:15 - Dot: pelvic floor, not an infection. six weeks of physio\n"
    "04/02/2024, 08:02 - Bex: proud of you x\n"
)
SCRIPT = (
    "We wrote this together on the sofa.\n\n"
    "KAZ: I'm the one it happened to.\n"
    "NELL: And I'm the one who made the tea.\n"
    "KAZ: The first doctor said it was all in my head.\n"
    "NELL: It was not in her head.\n"
)


@pytest.mark.parametrize(("text", "names"), [(CHAT, {"Dot", "Bex"}), (SCRIPT, {"KAZ", "NELL"})])
def test_a_label_that_opens_two_lines_of_a_chat_is_a_speakers_name(text: str, names: set[str]) -> None:
    people = {words for kind, words in found(text) if kind == "PERSON"}
    assert names <= people
    assert sum(1 for kind, words in found(text) if kind == "PERSON" and words in names) == 4


@pytest.mark.parametrize(
    "text",
    ["Update: the dilators arrived.\nUpdate: size two now.\nEdit: thanks all.\n",
     "Q: Did it hurt?\nA: Yes.\nQ: Would you do it again?\nA: Tomorrow.\n",
     "Hx: none\nPMH: asthma\nHx: see above\nPMH: as before\n",
     "Me: so scared\nMum: you'll be fine\nMe: I hope so\nMum: I know so\n"],
)
def test_labels_that_are_words_or_shorthand_name_nobody(text: str) -> None:
    assert _kinds(text, ("PERSON",)) == []


@pytest.mark.parametrize(
    ("text", "age"),
    [("ok so 29F, long time reader", "29"), ("my partner (33M) came with me", "33"),
     ("About me: 41 M. Desk job, two kids.", "41")],
)
def test_an_age_and_a_capital_sex_letter_is_an_age(text: str, age: str) -> None:
    assert any(kind == "AGE" and words.startswith(age) for kind, words in found(text))


@pytest.mark.parametrize(
    "text",
    ["the bath was 38C and it was 98F outside", "a fever of 99F that night", "they raised $40M for it",
     "Urologist #2, Dr. Patel, was kinder"],
)
def test_a_temperature_or_an_amount_is_no_age(text: str) -> None:
    assert ("AGE", "98") not in found(text) and ("AGE", "99") not in found(text)
    assert ("AGE", "40") not in found(text) and ("LOCATION", "2, Dr. Patel") not in found(text)


@pytest.mark.parametrize(
    "text",
    ["Week 3, Tuesday\nScore 5/10. Stiff after the drive.",
     "Mobile: 07700 900123\nSent from my phone",
     "Me: 38 M. Started in the spring."],
)
def test_a_number_before_a_weekday_an_everyday_line_or_a_sex_letter_is_no_street(text: str) -> None:
    assert [words for kind, words in found(text) if kind == "LOCATION"] == []


def test_an_address_still_goes_on_to_its_next_line() -> None:
    text = "Please send it to 12 Harbour Street\nNorth Berwick"
    assert any(kind == "LOCATION" and "North" in words for kind, words in found(text))


TAGLISH = (
    "Hello mga sis, share ko lang po yung journey ko. Sabi ng OB ko normal lang daw ang sakit "
    "pero hindi talaga. Kaya nagpa-second opinion ako. Ang bait ng physio, si Marites, siya ang "
    "nagturo sa akin ng breathing. Ngayon okay na kami ng asawa ko. Kaya niyo yan mga mommies!"
)


def test_a_taglish_storys_tagalog_words_are_words_and_its_names_names() -> None:
    people = _kinds(TAGLISH)
    assert ("PERSON", "Marites") in people
    assert not any(w in {"mga", "Sabi", "Kaya", "siya", "ako"} for _, w in people)


@pytest.mark.parametrize(
    ("text", "name"),
    [("so my mate becca drove me there", "becca"),
     ("then i saw doctor okonkwo who actually listened", "okonkwo")],
)
def test_a_lowercase_name_after_a_relation_or_doctor(text: str, name: str) -> None:
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize(
    "text",
    ["my sister lol she cried", "his brother (dont ask) drove", "the doctor appointment was fine",
     "my friend tbh was useless"],
)
def test_slang_a_contraction_or_a_word_after_a_relation_is_no_name(text: str) -> None:
    assert _kinds(text, ("PERSON",)) == []


@pytest.mark.parametrize(
    ("text", "age"),
    [("my youngest, Cara, who's 15 and mortified", "15"), ("I'm Farah, 31 now, and finally well", "31")],
)
def test_an_age_after_whos_or_before_now(text: str, age: str) -> None:
    assert ("AGE", age) in found(text)


@pytest.mark.parametrize(
    "text",
    ["We were sent to the Paediatric Urology clinic first.", "She rolled her eyes at the Stretching.",
     "It is all in a book called The Knot in the Bladder.", "She met me at the Bowel clinic."],
)
def test_a_kind_of_clinic_a_gerund_or_a_body_part_after_the_names_no_place(text: str) -> None:
    assert _kinds(text, ("FACILITY",)) == []


def test_a_hospital_nickname_after_the_still_names_a_place() -> None:
    assert ("FACILITY", "Rotunda") in found("both of mine were born in the Rotunda")


@pytest.mark.parametrize(
    ("text", "place"),
    [("a walk round Heaton Park Sunday morning", "Heaton Park"),
     ("drinks at Brannigans Tuesday night", "Brannigans")],
)
def test_a_weekday_after_a_place_is_no_part_of_it(text: str, place: str) -> None:
    places = [words for kind, words in found(text) if kind in ("LOCATION", "FACILITY")]
    assert places == [place]


@pytest.mark.parametrize(
    ("text", "name"),
    [("Thank you for listening.\n\nWith love,\nOdalys\n\n(You may use my first name.)", "Odalys"),
     ("Ring me if you like.\n\nSigned, P. J. Marlowe", "P. J. Marlowe"),
     ("It does get better.\n\nCheers, Fenella\nP.S. drink water", "Fenella")],
)
def test_a_signature_above_a_note_or_after_a_closing_on_its_line(text: str, name: str) -> None:
    assert ("PERSON", name) in found(text)


def test_a_closing_with_no_name_signs_nobody() -> None:
    assert _kinds("It does get better.\n\nBest wishes, A Grateful Patient", ("PERSON",)) == []


@pytest.mark.parametrize(
    "text",
    ["By Week 3, Walk 2 I was crying.", "She teaches Grade 9 English now.", "Posted in a group | 41 Comments",
     "after 2 Prolapse repairs", "Type 2 Diabetes runs in my family"],
)
def test_a_labels_number_or_a_count_of_a_word_is_no_street(text: str) -> None:
    assert [words for kind, words in found(text) if kind == "LOCATION"] == []


def test_a_street_without_a_head_after_its_number_is_still_a_street() -> None:
    assert any(kind == "LOCATION" and "Quarry" in words for kind, words in found("we lived at 12 Quarry Run"))


@pytest.mark.parametrize(
    ("text", "when"),
    [("In the wet season of 2019 it flared", "wet season of 2019"),
     ("during the monsoon of 2018", "monsoon of 2018"),
     ("the rainy season 2021 was the worst", "rainy season 2021")],
)
def test_a_tropical_season_with_its_year_is_a_date(text: str, when: str) -> None:
    assert any(kind == "DATE" and when in words for kind, words in found(text))


@pytest.mark.parametrize(
    ("text", "handle"),
    [("Posted on 3 May 2024 by tiredpelvis | 12 Comments", "tiredpelvis"),
     ("Hi all, replying to moonwaterMum since our stories match", "moonwaterMum"),
     ("and then crumpet_queen88 on the server sent me a link", "crumpet_queen88"),
     ("Line me: bea_l_0921 if you want to talk", "bea_l_0921")],
)
def test_an_attributed_or_underscored_user_name_is_a_handle(text: str, handle: str) -> None:
    assert ("HANDLE", handle) in found(text)


@pytest.mark.parametrize(
    "text",
    ["the form said {first_name} and {last_name}", "WHERE client_ip = ?", "I replied to the thread",
     "the photo IMG_2231.jpg is blurry"],
)
def test_code_a_file_name_and_a_reply_to_a_thread_are_no_handle(text: str) -> None:
    assert [kind for kind, _ in found(text) if kind == "HANDLE"] == []


@pytest.mark.parametrize(
    "text",
    ["Then the physio taught me Happy Baby pose and it helped.", "I do the Dead Bug exercise daily.",
     "Wallahi I cried. Alhamdulillah it is better.", "Thank Hashem, by Pesach we were fine.",
     "Thank you, koutou katoa. Whakamā is real.", "ALOFA ATU, FA'AFETAI LAVA",
     "I bought Sudocrem and Vagisil.", "Not Dettol, please, aunties!"],
)
def test_exercise_names_blessings_and_pelvic_health_products_name_nobody(text: str) -> None:
    assert _kinds(text) == []


PORTUGUESE = (
    "Depois do parto fui ao centro de saúde e a médica disse que estava tudo bem. Só que não "
    "estava. Tinha dor em tudo, até ao sentar. A minha mãe disse que era assim mesmo, que depois "
    "passava. Ainda hoje me lembro da vergonha. Então a enfermeira Graça ouviu-me com calma e "
    "encaminhou-me para a fisioterapia. Já estou bem, mas demorou muito tempo."
)


def test_a_portuguese_story_from_portugal_is_read_as_portuguese() -> None:
    named = _kinds(PORTUGUESE)
    assert any(w == "Graça" for _, w in named)
    assert not any(w.lower() in {"mesmo", "ainda", "então", "vergonha", "depois"} for _, w in named)


@pytest.mark.parametrize(
    ("text", "age"), [("Tengo 41 años y dos hijos.", "41"), ("J'ai 29 ans et un chat.", "29")]
)
def test_a_spanish_or_french_age_is_the_number_alone(text: str, age: str) -> None:
    assert ("AGE", age) in found(text)


@pytest.mark.parametrize(
    ("text", "insurer"),
    [("Our medical aid, Bonitas, paid for half.", "Bonitas"),
     ("La prepaga, Galeno, no quería cubrir nada.", "Galeno"),
     ("We went private through Laya because the list was two years.", "Laya"),
     ("Claims?\nBlue Harbour Health fought me on every visit.", "Blue Harbour Health"),
     ("HealthPlus denied the first claim.", "HealthPlus")],
)
def test_a_private_insurer_is_found_by_its_part_in_the_story(text: str, insurer: str) -> None:
    assert ("FACILITY", insurer) in found(text)


@pytest.mark.parametrize(
    "text",
    ["Insurance fought us on every visit.", "Work covered it in the end.", "Private cover paid the rest.",
     "The NHS covered it.", "Medicare paid most of it.", "I got through Christmas somehow."],
)
def test_insurance_words_national_schemes_and_holidays_are_no_insurer(text: str) -> None:
    assert _kinds(text, ("FACILITY",)) == []


def test_a_first_name_that_pays_is_still_a_person() -> None:
    assert ("PERSON", "Sarah") in found("Sarah paid for the taxi.")


@pytest.mark.parametrize(
    "text",
    ["so the old man, Reg, never said a word", "my other half, Reg, drove me", "my fella Reg is patient",
     "ME AND THE OLD MAN, REG, WENT TOGETHER"],
)
def test_a_name_after_the_old_man_my_other_half_or_my_fella(text: str) -> None:
    assert any(kind == "PERSON" and words.lower() == "reg" for kind, words in found(text))


@pytest.mark.parametrize("text", ["the man said no", "the other half was fine", "my man will be fine"])
def test_a_word_after_man_or_half_is_no_name(text: str) -> None:
    assert _kinds(text, ("PERSON",)) == []


@pytest.mark.parametrize(
    "text",
    ["My aunties ask every Chinese New Year when the baby is coming.", "Then Hogmanay. I was up dancing.",
     "We sat out the Hogmanay ceilidh.", "It is a group for Women's Health only.",
     "I saw the Pelvic Health team."],
)
def test_a_holiday_without_its_year_or_a_kind_of_health_names_nothing(text: str) -> None:
    assert _kinds(text) == []


@pytest.mark.parametrize(
    ("text", "when"),
    [("By Purim 5783 we were fine.", "Purim 5783"), ("It began at Nowruz 1401, in March.", "Nowruz 1401"),
     ("After Hogmanay 2021 it got worse.", "Hogmanay 2021")],
)
def test_a_festival_with_its_own_calendars_year_is_a_date(text: str, when: str) -> None:
    assert ("DATE", when) in found(text)


def test_a_signatures_title_stays_outside_it_and_a_kiss_after_it() -> None:
    assert ("PERSON", "Helen Ashworth") in found("Thank you.\n\nYours faithfully,\n\nMrs Helen Ashworth")
    assert ("PERSON", "BEV") in found("SEE YOU ALL.\n\nTA-RA,\nBEV X")


@pytest.mark.parametrize(
    ("text", "ages"),
    [("I got my first period at 12 and by 14 I was missing school.", ["12", "14"]),
     ("i started my periods at 11 and it was agony", ["11"]),
     ("she has not smiled since she was twelve.", ["twelve"])],
)
def test_a_girls_age_at_her_first_period(text: str, ages: list[str]) -> None:
    assert [words for kind, words in found(text) if kind == "AGE"] == ages


@pytest.mark.parametrize(
    "text", ["by 10 I was asleep", "we met at 9 and", "the period from 12 to 2 was quiet"]
)
def test_a_time_of_day_is_no_age(text: str) -> None:
    assert [kind for kind, _ in found(text) if kind == "AGE"] == []


@pytest.mark.parametrize(
    ("text", "bad"),
    [("our son is doing his B.Tech in Pune", ("URL", "B.Tech")),
     ("my pelvic floor was basically on 24/7", ("DATE", "24/7")),
     ("JEAN (WIFE OF FORTY-ONE YEARS) RANG THEM", ("AGE", "FORTY-ONE")),
     ("I found it at 3 a.m. on Reddit: provoked vestibulodynia.", ("HANDLE", "a.m.")),
     ("I found it at 3 a.m. on Reddit: provoked vestibulodynia.", ("HANDLE", "provoked"))],
)
def test_a_degree_a_round_the_clock_a_marriages_length_and_a_time_are_nothing(text: str, bad: tuple) -> None:
    assert bad not in found(text)


def test_a_street_never_runs_onto_the_next_paragraph() -> None:
    text = "I drive out of the Cicero Avenue depot.\n\nAbout three years ago it started."
    assert not any("About" in words for _, words in found(text))


def test_a_first_name_that_is_also_anatomy_is_a_name_alone_and_anatomy_in_its_phrase() -> None:
    assert ("PERSON", "Ani") in found("Ani first, she types faster than me.")
    assert _kinds("My Levator Ani and Obturator Internus were tight.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("Our son Harjit, we call him Jazz, is a pharmacist.", "Jazz"),
     ("j'écris sous le pseudo clemou69 depuis des années", "clemou69")],
)
def test_a_name_after_call_him_and_a_handle_after_pseudo(text: str, name: str) -> None:
    assert any(words == name for _, words in found(text))


def test_an_indian_house_number_opens_its_address() -> None:
    text = "Our flat at H.No. 41, Gandhi Chowk was the first place I felt safe."
    assert any(kind == "LOCATION" and words.startswith("H.No. 41") for kind, words in found(text))


@pytest.mark.parametrize(
    ("text", "when"),
    [("At Tabaski 2022 we went home to Thiès.", "Tabaski 2022"),
     ("Phagwah 2019 was the last time.", "Phagwah 2019"),
     ("Hari Raya 2023 I stayed home.", "Hari Raya 2023")],
)
def test_more_festivals_with_their_year_are_dates(text: str, when: str) -> None:
    assert ("DATE", when) in found(text)


@pytest.mark.parametrize(
    "text",
    ["For Tabaski the whole family came.", "Ngiyabonga, everyone.", "Jërëjëf for reading.",
     "Nandri to my sisters.", "Mi likkle bit of peace. Lawd, mi tired."],
)
def test_thanks_in_other_languages_festivals_and_dialect_name_nobody(text: str) -> None:
    assert _kinds(text) == []


@pytest.mark.parametrize(
    ("text", "age"),
    [("Q: who are you\nA: Soyeon, 24, doing my masters", "24"),
     ("I am Ólöf, 33 years, from the north.", "33"),
     ("Rosa Lim, staff nurse, 51 years, from Penang.", "51"), ("It stuck.\n\nMe: 38, two kids.", "38"),
     ("vid 1: pov ur 15 and the nurse laughs", "15"), ("arrivata verso i 51 anni, è cominciato", "51"),
     ("Since my first menses at 12 I had pain.", "12"),
     ("Mgr. Horáková is maybe thirty, very serious.", "thirty")],
)
def test_more_ages_as_people_write_them(text: str, age: str) -> None:
    assert ("AGE", age) in found(text)


def test_an_unknown_capitalised_word_before_its_age_is_a_name() -> None:
    assert ("PERSON", "Soyeon") in found("Q: who are you\nA: Soyeon, 24, doing my masters")
    assert ("PERSON", "Leeds") not in found("Leeds, 24, was a blur")


@pytest.mark.parametrize("text", ["ur 2 funny", "She gave me:\n1. HRT patches\n2. A pessary"])
def test_a_small_number_after_ur_or_a_list_after_me_is_no_age(text: str) -> None:
    assert [kind for kind, _ in found(text) if kind == "AGE"] == []


@pytest.mark.parametrize(
    "text",
    ["I am Japanese-Brazilian and proud of it.", "We are Korean-American, both of us.",
     "In our Hmong community nobody talks about it.", "As a Deaf woman I use BSL.",
     "My Iranian mother cried.",
     "i finally went to the mens health clinic", "six weeks after top surgery it started"],
)
def test_peoples_their_compounds_and_kinds_of_care_name_nobody(text: str) -> None:
    assert _kinds(text) == []


def test_a_hospital_named_for_whom_it_serves_is_still_found() -> None:
    assert ("FACILITY", "the womens") in found("had my son at the womens in the end")


@pytest.mark.parametrize(
    "text",
    ["Waheguru mehar kare #EndoWarrior", "so proud of us #MeToo #PelvicHealth",
     "I'm Israeli, so I'm direct."],
)
def test_hashtags_and_more_peoples_name_nobody(text: str) -> None:
    assert _kinds(text) == []


def test_a_brand_that_is_also_a_first_name_stays_a_name() -> None:
    assert ("PERSON", "Tena") in found("My neighbour Tena came round with soup.")


@pytest.mark.parametrize(
    ("text", "want"),
    [("stay-at-home dad to Theo (5) and Junie (2)", [("AGE", "5"), ("AGE", "2")]),
     ("It got worse. Thabo tried last night and I cried.", [("PERSON", "Thabo")]),
     ("Dan does the bins.", [("PERSON", "Dan")])],
)
def test_a_childs_age_after_a_first_name_and_a_name_before_what_people_do(text: str, want: list) -> None:
    assert all(item in found(text) for item in want)


@pytest.mark.parametrize(
    "text", ["See Step (2) below.", "Referral made that day.", "Ah thought it was normal."]
)
def test_a_numbered_step_and_a_word_before_a_verb_are_no_name(text: str) -> None:
    assert [kind for kind, _ in found(text) if kind in ("AGE", "PERSON")] == []


def test_a_forum_posters_name_before_wrote_is_a_handle_and_so_are_its_mentions() -> None:
    text = (
        "Update below.\n\nteacupsandtears wrote:\nI did it!\n\nmoonpetal88 wrote:\nteacupsandtears so proud"
    )
    handles = [words for kind, words in found(text) if kind == "HANDLE"]
    assert handles.count("teacupsandtears") == 2 and "moonpetal88" in handles
    assert _kinds("Mum wrote: call me\nShe said: no", ("HANDLE", "PERSON")) == []


@pytest.mark.parametrize(
    ("text", "age"),
    [("Background: 37 (M), lineman", "37"), ("it hurt since I was like thirteen.", "thirteen"),
     ("Desde os treze anos eu sofria com cólica.", "treze"), ("(Dr. Okafor is maybe 40. Lovely.)", "40"),
     ("my daughter (shes 19 and smarter than me)", "19"), ("Thabo Nkosi here, 63. I drive a taxi.", "63")],
)
def test_still_more_ages_as_people_write_them(text: str, age: str) -> None:
    assert ("AGE", age) in found(text)


@pytest.mark.parametrize(
    "text", ["the pain is like 7 today", "the bend is about 15 degrees now", "size 12 (M) shirts"]
)
def test_a_score_an_angle_or_a_size_is_no_age(text: str) -> None:
    assert [kind for kind, _ in found(text) if kind == "AGE"] == []


def test_a_portuguese_speaker_names_herself_with_her_article() -> None:
    assert any(words == "Thaís" for _, words in found("Pra quem chegou agora: sou a Thaís, tenho 32 anos."))


@pytest.mark.parametrize(
    ("text", "want"),
    [("Me and my bf Jun Wei have been together three years.", ("PERSON", "Jun Wei")),
     ("my supervisor dazza made a comment", ("PERSON", "dazza")),
     ("my housemate jas found a thread", ("PERSON", "jas")),
     ("during the CNY 2023 holidays we tried", ("DATE", "CNY 2023"))],
)
def test_a_month_name_after_a_relation_more_relations_and_cny(text: str, want: tuple) -> None:
    assert want in found(text)


def test_a_name_or_a_town_that_filipino_web_text_counts_stays_a_name_in_taglish() -> None:
    text = (
        "Nakatira kami ng asawa ko na si Jomar sa Marikina, kasama yung dalawang anak namin. "
        "Hindi ko sinabi kay Jomar kasi nahihiya ako. Kaya lang talaga, sabi ng OB ko normal lang daw. "
        "Pero hindi po siya normal, mga sis."
    )
    named = [words for _, words in _kinds(text)]
    assert named.count("Jomar") == 2 and "Marikina" in named
