"""Detector rules: ages in a writer's profile line and at a life's turns, numbered everyday
words, middle initials between a first name and a common-word surname, and nicknames that
speak in a chat written in another language.  Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from stories.detect import detect
from tests.detect_prose_util import covered as _covered
from tests.detect_prose_util import flagged_words as _flagged_words
from tests.detect_prose_util import found_as as _found_as


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Background: 34, male, desk job, two kids.", "34"),
        ("quick recap: 22, at uni, burning pain since spring.", "22"),
        ("TL;DR: 26, healthy, ED for a year and it was mostly anxiety.", "26"),
        ("Bit about me: thirty-four, heavy diesel fitter, married.", "thirty-four"),
        ("Pt: self, male, 45 yrs, IT manager.", "45"),
        ("Chi sono: 58 anni, tre figli, maestra in pensione.", "58"),
        ("Tópico: 52 anos, diabético, achei que tinha acabado.", "52"),
        ("Y ahora, a mis 71 años, me pasé tres sufriendo por vergüenza.", "71"),
        ("From 14 onwards I was curled up on the bathroom floor every month.", "14"),
        ("By 15 she was in pain most days, not only during her period.", "15"),
    ],
)
def test_ages_in_a_profile_line_and_at_a_life_s_turns(text: str, age: str) -> None:
    assert _found_as(text, age, "AGE")


@pytest.mark.parametrize(
    "text",
    [
        "Duration: 15 years, on and off, worse in winter.",
        "Duración: 20 años, con altibajos y sin diagnóstico.",
        "Score: 31, which the physio said was high.",
        "Week 3: 20, then 25 squeezes a day.",
        "From page 14 onwards the leaflet was useless.",
        "By 10 she was asleep and I could finally cry.",
    ],
)
def test_durations_scores_and_counts_after_a_label_are_not_ages(text: str) -> None:
    assert not any(f.kind == "AGE" for f in detect(text))


@pytest.mark.parametrize(
    "text",
    [
        "Eight months on and I can go to the office on Day 1 of my period.",
        "The physio moved me up to Level 2 after six weeks.",
        "I was on Band 5 then, working nights on the ward.",
    ],
)
def test_an_everyday_word_with_a_number_after_it_is_no_name(text: str) -> None:
    assert _flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I met Jordan M. Alvarez at church and he listened.", "Jordan M. Alvarez"),
        ("My consultant, Jordan M. White, explained every step.", "Jordan M. White"),
    ],
)
def test_a_first_name_a_middle_initial_and_a_surname_are_one_name(text: str, name: str) -> None:
    start = text.index(name)
    assert any(f.kind == "PERSON" and f.start == start and f.end == start + len(name) for f in detect(text))


PORTUGUESE_CHAT = """conversa no zap

bia: amiga preciso desabafar
lu: fala mulher
bia: lembra que eu te falei que eu e o marido nunca conseguimos direito? então
bia: fui na gineco hoje. ela nem conseguiu fazer o exame
lu: aiii amiga, que tristeza
bia: ela falou que parece vaginismo, que o músculo contrai sozinho de medo
lu: minha prima teve isso e fez fisioterapia pélvica, resolveu
bia: sério?? vou procurar amanhã então
"""


def test_nicknames_that_speak_in_a_chat_in_another_language_are_names() -> None:
    found = {PORTUGUESE_CHAT[f.start : f.end] for f in detect(PORTUGUESE_CHAT) if f.kind == "PERSON"}
    assert {"bia", "lu"} <= found


SPANISH_QA = """Me pidieron que contara mi experiencia en forma de entrevista, así que aquí va.

Pregunta: ¿cuánto tardaste en notar mejoría?
Respuesta: unas seis semanas con los ejercicios, pero los primeros días fueron los peores.
Pregunta: ¿y el dolor al principio?
Respuesta: fuerte, pero la fisio me ayudó a respirar y a no apretar tanto cuando tenía miedo.
Pregunta: ¿qué le dirías a alguien que está empezando?
Respuesta: que no es culpa suya y que con paciencia todo mejora, aunque no lo parezca.
"""


def test_labels_that_are_common_words_of_the_chat_s_language_stay_words() -> None:
    assert not any(f.kind == "PERSON" for f in detect(SPANISH_QA))


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Paciente de 34 años, A.M.R., administrativa, consulta por dolor.", "A.M.R."),
        ("PT: me, G.M., age 52 at onset. Nonsmoker.", "G.M."),
        ("Do sign it G.W. if you print it, please.", "G.W."),
    ],
)
def test_dotted_initials_are_a_person(text: str, initials: str) -> None:
    assert _found_as(text, initials, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "P.S. thank you to the whole team, you were great.",
        "We landed at 6 a.m. and I went straight to the U.S. clinic.",
        "E.D. is common after the operation, the nurse said.",
    ],
)
def test_abbreviations_in_dotted_capitals_are_no_one(text: str) -> None:
    assert not any(f.kind == "PERSON" for f in detect(text))


def test_a_postcode_in_capitals_keeps_its_letters() -> None:
    text = "PLEASE SEND IT TO 22 COTHAM ROAD, BRISTOL BS6 6DS OR RING ME."
    assert _covered(text, "BS6 6DS")


def test_a_salutation_with_a_title_names_the_person() -> None:
    assert _found_as("Dear Sister Akins,\n\nThank you for everything.", "Akins", "PERSON")
    assert _covered("DEAR SISTER AKINS,\n\nPLEASE EXCUSE THE BIG LETTERS. MY EYES ARE BAD.", "AKINS")
    shouted = "MY SISTER HELPED ME A LOT. SHE WAS THERE EVERY DAY."
    assert not any("HELPED" in w for w in _flagged_words(shouted))


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("I drive trains for Queensland Rail, so you can imagine the pads.", "Queensland Rail"),
        ("It was partly covered through Manitoba Hydro, so check your plan.", "Manitoba Hydro"),
        ("I'm a junior at the University of Michigan studying nursing.", "University of Michigan"),
        ("I stopped going to Mass at Church of the Three Patrons for a year.", "Church of the Three Patrons"),
    ],
)
def test_a_region_s_firm_and_a_head_of_a_place_are_facilities(text: str, firm: str) -> None:
    start = text.index(firm)
    assert any(f.kind == "FACILITY" and f.start == start and f.end == start + len(firm) for f in detect(text))


@pytest.mark.parametrize(
    "text", ["We had a lovely Canada Day with the kids.", "Nothing beats a Texas Summer for sweating."]
)
def test_a_region_s_day_or_season_is_no_firm(text: str) -> None:
    assert not any(f.kind == "FACILITY" for f in detect(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("J'ai eu un rendez-vous à l'Hôpital Tenon, enfin, après deux ans d'attente.", "Hôpital Tenon"),
        ("Alla fine sono andata all'Ospedale Niguarda e mi hanno ascoltata davvero.", "Ospedale Niguarda"),
    ],
)
def test_an_elided_article_is_no_part_of_the_name_after_it(text: str, name: str) -> None:
    assert _covered(text, name)


def test_a_name_with_an_apostrophe_keeps_it() -> None:
    text = "My physio, Siobhan O'Brien, was brilliant with me."
    assert _covered(text, "O'Brien")


def test_senders_after_a_time_and_a_poster_s_header_are_found() -> None:
    chat = ("22:14 Beto: carnal te cuento algo pero no le vayas a decir a nadie\n"
            "22:14 Memo: q pasó wey, me asustas\n"
            "22:15 Beto: nada grave, ya fui al urólogo por lo que te dije\n"
            "22:16 Memo: ahh simón. y qué te dijo el doctor\n22:18 Beto: que tengo el azúcar alta, eso era\n")
    found = {chat[f.start : f.end] for f in detect(chat)}
    assert {"Beto", "Memo"} <= found
    family = ("3/4/23 9:43 pm — ritu: same as every month?? this is not normal\n"
              "3/4/23 9:44 pm — pinky: mummy also thought it was just her thyroid\n"
              "3/4/23 9:47 pm — ritu: ok that's it. booking you at the clinic\n"
              "3/4/23 9:48 pm — pinky: good. send the reports also\n")
    assert {"ritu", "pinky"} <= {family[f.start : f.end] for f in detect(family)}
    discord = "ashmoth — yesterday at 21:20\nthis is everything. so proud\n"
    assert _covered(discord, "ashmoth")
    forum = "OldGaffer62 · posted 12 Feb 2024\nLong-time lurker, first post.\n"
    assert _covered(forum, "OldGaffer62")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("**gracefulat60** — Thank you for saying what the rest of us think.", "gracefulat60"),
        ("**Osvaldo R**: Compadre, respect. I need to make that appointment.", "Osvaldo R"),
        ("**Glen from Olds** — Had mine done at the Foothills last year.", "Glen"),
    ],
)
def test_a_poster_in_bold_is_named(text: str, name: str) -> None:
    assert _covered(text, name)


def test_a_bold_heading_is_no_poster() -> None:
    assert not any(f.kind in ("PERSON", "HANDLE") for f in detect("**What helped** — patience, mostly."))


@pytest.mark.parametrize(
    ("text", "date"),
    [("WIFE'S LOG\n\n05/11\n0700 PT AWAKE. C/O PAIN 5/10.\n", "05/11"),
     ("NOTES\n\nFRI 8/3\nISC QID NOW.\n", "FRI 8/3")],
)
def test_a_date_alone_on_a_log_s_line_heads_the_day(text: str, date: str) -> None:
    assert _found_as(text, date, "DATE")


def test_a_score_alone_on_a_line_is_no_date() -> None:
    assert not any(f.kind == "DATE" for f in detect("Pain today:\n7/10\nbad again"))


@pytest.mark.parametrize(
    ("text", "ages"),
    [("We’re 74 and 77 now. Still arguing about commas.", ("74", "77")),
     ("By 44, things in the bedroom started failing.", ("44",))],
)
def test_a_couple_s_ages_and_an_age_a_turn_came_at(text: str, ages: tuple[str, ...]) -> None:
    assert all(_found_as(text, age, "AGE") for age in ages)


def test_spaced_initials_are_a_person() -> None:
    assert _found_as("Mujer de 41 años (M. P. L.), administrativa, vive en el centro.", "M. P. L.", "PERSON")


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Posted in Brazilian Mums in Ireland (fb group)\n\nhi girls, sorry for the english",
         "Brazilian Mums in Ireland"),
        ("Posted in: Pudendal Neuralgia Support Canada (Facebook group)\n\nLong time lurker.",
         "Pudendal Neuralgia Support Canada"),
        ("For group Ukrainians in Cork 💙💛\n\nDear girls, many of you asked me.", "Ukrainians in Cork"),
    ],
)
def test_the_group_a_post_header_names_is_a_facility(text: str, group: str) -> None:
    start, end = text.index(group), text.index(group) + len(group)
    assert any(f.kind == "FACILITY" and (f.start, f.end) == (start, end) for f in detect(text))


@pytest.mark.parametrize(
    "text",
    ["Posted in: Men's Health › Peyronie's Disease\n\nHi all.",
     "Posted in a private support group · 5h\n\nHi."],
)
def test_a_forum_section_or_an_unnamed_group_is_no_facility(text: str) -> None:
    assert not any(f.kind == "FACILITY" for f in detect(text))


def test_a_hospital_s_nickname_in_quotes_is_the_hospital() -> None:
    text = 'I saw a urologist at the Belfast City Hospital – "the City" – and aye, it was cancer.'
    start = text.index("City\"")
    assert any(f.kind == "FACILITY" and f.start == start for f in detect(text))
    assert not any(f.kind == "FACILITY" for f in detect('My mum called it – "the Change" – and laughed.'))


@pytest.mark.parametrize(
    "text",
    [
        "I tried Priligy 30 mg. It gave me headaches for a week.",
        "She wrote me a script for Keflex just in case it came back.",
        "The doctor put me on Estrogel for the flushes and it helped.",
        "Month 9: started Trimix injections. I was terrified of the needle.",
    ],
)
def test_a_medicine_with_its_dose_or_prescription_is_no_one(text: str) -> None:
    assert not any(f.kind == "PERSON" for f in detect(text))


def test_a_name_with_a_count_after_it_is_still_a_name() -> None:
    assert _found_as("I saw Sarah 3 times before she retired.", "Sarah", "PERSON")


def test_a_name_signed_with_kisses_on_its_own_line_is_a_person() -> None:
    text = "Is Dec having something similar in Boston?\n\nB x\n\n---\n\nFrom: my sister"
    start = text.index("B x")
    assert any(f.kind == "PERSON" and (f.start, f.end) == (start, start + 1) for f in detect(text))
    assert not any(f.kind == "PERSON" for f in detect("See you Sunday.\n\nLove x\n\nP.S. bring the cake"))


@pytest.mark.parametrize(
    "text",
    ["Os lo iba a contar el Domingo en la comida en casa de mamá.",
     "Atiende los Lunes y Miércoles en la tarde, pide cita con tiempo.",
     "Je suis retournée le Lundi suivant chez la kiné, enfin."],
)
def test_a_day_of_the_week_in_another_language_is_no_one(text: str) -> None:
    assert not any(f.kind in ("PERSON", "LOCATION", "FACILITY") for f in detect(text))
