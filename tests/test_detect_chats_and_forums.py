"""Chats, forum posts and Taglish (issue #11, ninth round): speakers of a pasted chat,
forum handles, private insurers, signatures, names after a relation or "doctor" in lower
case, Tagalog and Portuguese words, and the words of other languages, faiths and shops that
name nobody (ages, dates and numbers: `test_detect_ages_dates_numbers.py`).  Every
sentence here is written for this test, not taken from a corpus."""

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
    "text",
    ["We were sent to the Paediatric Urology clinic first.", "She rolled her eyes at the Stretching.",
     "It is all in a book called The Knot in the Bladder.", "She met me at the Bowel clinic."],
)
def test_a_kind_of_clinic_a_gerund_or_a_body_part_after_the_names_no_place(text: str) -> None:
    assert _kinds(text, ("FACILITY",)) == []


def test_a_hospital_nickname_after_the_still_names_a_place() -> None:
    assert ("FACILITY", "Rotunda") in found("both of mine were born in the Rotunda")


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


def test_a_signatures_title_stays_outside_it_and_a_kiss_after_it() -> None:
    assert ("PERSON", "Helen Ashworth") in found("Thank you.\n\nYours faithfully,\n\nMrs Helen Ashworth")
    assert ("PERSON", "BEV") in found("SEE YOU ALL.\n\nTA-RA,\nBEV X")


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


@pytest.mark.parametrize(
    "text",
    ["For Tabaski the whole family came.", "Ngiyabonga, everyone.", "Jërëjëf for reading.",
     "Nandri to my sisters.", "Mi likkle bit of peace. Lawd, mi tired."],
)
def test_thanks_in_other_languages_festivals_and_dialect_name_nobody(text: str) -> None:
    assert _kinds(text) == []


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


def test_a_forum_posters_name_before_wrote_is_a_handle_and_so_are_its_mentions() -> None:
    text = (
        "Update below.\n\nteacupsandtears wrote:\nI did it!\n\nmoonpetal88 wrote:\nteacupsandtears so proud"
    )
    handles = [words for kind, words in found(text) if kind == "HANDLE"]
    assert handles.count("teacupsandtears") == 2 and "moonpetal88" in handles
    assert _kinds("Mum wrote: call me\nShe said: no", ("HANDLE", "PERSON")) == []


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


TWELVE_HOUR_CHAT = (
    "My sister let me share our chat from the week after surgery.\n\n"
    "14/06/2023, 7:02 pm - Nads: how is the belly button\n"
    "14/06/2023, 7:05 pm - Yasmin: looks like a raisin honestly\n"
    "14/06/2023, 7:05 pm - Nads: thats the gas they pump in, walk it off\n"
    "14/06/2023, 7:06 pm - Yasmin: walk WHERE, I live on the couch now\n"
)


@pytest.mark.parametrize("name", ["Nads", "Yasmin"])
def test_speakers_after_a_twelve_hour_timestamp_are_names(name: str) -> None:
    persons = [words for kind, words in found(TWELVE_HOUR_CHAT) if kind == "PERSON"]
    assert persons.count(name) == 2  # every line she speaks, though "nads" is also a word


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Publicado por trianero62 el 15/03/2023\n\nBuenas, compañeros del foro.", "trianero62"),
        ("Geplaatst door mamavanlotte\nOnderwerp: verzakking na de bevalling", "mamavanlotte"),
        ("Posté par fleurdelys_31 le 3 mai, dans le forum des mamans.", "fleurdelys_31"),
        ("A lad in the server, Mo (goes by b1gmo_heals), told me to look up CPPS.", "b1gmo_heals"),
    ],
)
def test_a_posts_author_is_a_handle_in_other_languages_too(text: str, handle: str) -> None:
    assert ("HANDLE", handle) in found(text)


def test_the_gleason_score_names_nobody_but_dr_gleason_does() -> None:
    assert found("Biopsy showed Gleason 4+3, so my Gleason score meant surgery.") == []
    assert ("PERSON", "Gleason") in found("I saw Dr Gleason about the results.")
