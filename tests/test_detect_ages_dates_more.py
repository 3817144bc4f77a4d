"""Detector rules for ages and dates, third part: ages in a self-description without a cue
word right before the number, parts of a year, months of other languages, era years and a
day before a lowercase month.  Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from stories.detect import detect
from tests.detect_prose_util import covered as _covered
from tests.detect_prose_util import flagged_words as _flagged_words
from tests.detect_prose_util import found_as as _found_as


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Honestly I was also 41 and thought it was too late for me.", "41"),
        ("By then I'm still 19 and living with my parents.", "19"),
        ("I was about 30 when the pain started.", "30"),
        ("I'm a retired postman, 67, and my wife made me write this.", "67"),
        ("hi i'm a mum of three, 38, from the coast", "38"),
        ("my name is rosa, from the north, thirty-nine, and a baker", "thirty-nine"),
        ("I am Priya, full name P.K. Priya Nair, forty-four, a librarian.", "forty-four"),
        ("It took me until 37 to say the word out loud.", "37"),
        ("Took me till fifty-one to ask for help.", "fifty-one"),
        ("I have had this pain since 24 and nobody listened.", "24"),
        ("i've been like this since about nineteen. it never stopped", "nineteen"),
        ("When I was eleven, I fell off a horse.", "eleven"),
    ],
)
def test_ages_in_a_self_description(text: str, needle: str) -> None:
    assert _found_as(text, needle, "AGE")


@pytest.mark.parametrize(
    "text",
    [
        "I was also 20 minutes late to the appointment.",
        "I'm on my third dilator, 14 mm, and it is fine.",
        "I am a nurse, 12 years on the ward, and tired.",
        "The clinic is open until 10 on Thursdays.",
        "I was about 40 kg lighter back then.",
        "We waited until twenty to six for the doctor.",
        "Since twenty minutes after the injection I felt better.",
        "It was also 35 and sunny that day.",
        "I'm trying sizes 2, 3, 4 and it hurts less, 6 days out of 7.",
    ],
)
def test_durations_sizes_times_and_scores_in_a_self_description_are_not_ages(text: str) -> None:
    assert not any(f.kind == "AGE" for f in detect(text))


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("The pain got worse towards the end of 2017, after the move.", "the end of 2017"),
        ("At the start of 2021 I finally saw a physio.", "start of 2021"),
        ("My surgery was in late 2016 and the recovery was slow.", "late 2016"),
        ("It was mid-2022 before anything changed.", "mid-2022"),
        ("We tried again in the first half of 2019.", "first half of 2019"),
        ("The referral came in mid-October 2020.", "mid-October 2020"),
        ("Op 3 maart 2022 had ik mijn eerste afspraak.", "3 maart 2022"),
        ("Am 14. März 2020 war ich beim Arzt.", "14. März 2020"),
        ("Il 7 maggio 2021 ho iniziato la fisioterapia.", "7 maggio 2021"),
        ("Em 5 de março de 2019 fui ao hospital.", "5 de março de 2019"),
        ("I started in juli 2018 with a new therapist.", "juli 2018"),
        ("In the autumn of Reiwa 3 my daughter was born.", "autumn of Reiwa 3"),
        ("It happened in Showa 62, a long time ago.", "Showa 62"),
        ("our first try was 14th march 2023 and it hurt", "14th march 2023"),
        ("the scan was booked for 2 august 2024 at last", "2 august 2024"),
    ],
)
def test_year_parts_world_months_era_years_and_lowercase_day_months(text: str, needle: str) -> None:
    assert _found_as(text, needle, "DATE")


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 I moved house and started again.",
        "My friend Mei came with me to every appointment.",
        "Later that year it got better.",
        "The midwife said it would take time.",
        "I may 3 times a week skip the exercises.",
    ],
)
def test_a_bare_year_a_name_like_a_month_and_everyday_words_are_not_dates(text: str) -> None:
    assert not any(f.kind == "DATE" for f in detect(text))


def test_an_era_year_and_a_year_part_keep_their_own_words() -> None:
    assert _flagged_words("We married in late 2015. Then nothing.") == ["late 2015"]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("cait (26) from walton, live off the main road", "26"),
        ("20F - finally an update on my journey", "20"),
        ("The pain started when I had 27 years, more or less.", "27"),
        ("Dear me,\n\nYou are twenty-two. It is late.", "twenty-two"),
        ("I'm Imran, I turned forty the year it started.", "forty"),
    ],
)
def test_ages_in_other_shapes(text: str, age: str) -> None:
    assert _covered(text, age)


@pytest.mark.parametrize(
    "text",
    [
        "I had 3 years of pain.",
        "I have 15 years left on the mortgage.",
        "I wear a 34F bra now.",
        "sessions (12) helped",
    ],
)
def test_counts_sizes_and_durations_in_those_shapes_are_not_ages(text: str) -> None:
    assert _flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Back then I were 44 and still working the night shift.", "44"),
        ("she were only 17 when she had our first", "17"),
        ("You were 31 and nobody told you this was treatable.", "31"),
        ("You'll be 26, newly married, and sure it's your fault.", "26"),
        ("you're 19 and you think everyone else finds it easy", "19"),
        ("He'd be 52 by now if he'd lived.", "52"),
        ("You're thirty-three and you've stopped dating.", "thirty-three"),
        ("I was 49 when the flushes began, 53 now and sleeping again.", "53"),
        ("It began when I was 33 or 34, I can't be sure.", "34"),
        ("I was about forty, forty-one, when it finally stopped.", "forty-one"),
        ("Eu tenho 42 anos e moro em Braga.", "42"),
        ("Com 31 anos tive a minha filha.", "31"),
        ("hiya im shona, everyone says shons. 33. nurse in a care home", "33"),
        ("Lots of love,\nMaria (47, finally sleeping through the night)", "47"),
        ("I was aged about 36 when the tear was found.", "36"),
        ("Aged: 58. Retired bus driver.", "58"),
        ("Age - 29, from the valleys", "29"),
        ("Age 41F, long time lurker", "41"),
        ("At the age of roughly 50 I gave up on sex.", "50"),
    ],
)
def test_ages_in_dialect_second_person_pairs_portuguese_and_fragments(text: str, age: str) -> None:
    assert _found_as(text, age, "AGE")


@pytest.mark.parametrize(
    "text",
    [
        "We were 40 minutes late for the scan.",
        "You'll be 15 minutes in before it eases.",
        "you're 20 percent of the way there",
        "I were 14 stone back then.",
        "Pain was a 7, about 30 now with the cream? no, 3 now.",
        "I was on 20 mg, 40 now since the review.",
        "Tenho dor há 15 anos.",
        "Fiz fisioterapia durante 2 anos e tenho 12 anos de dor.",
        "It hurt. 14. That is how many doctors I saw.",
        "Table (14, 15) shows the doses.",
        "Gestational age: 38+4 when my waters went.",
        "I was 40+6 when they finally induced me.",
        "The average 38 people in the waiting room.",
        "Baby at a gestational age of 34 weeks.",
    ],
)
def test_units_durations_doses_and_counts_in_those_voices_are_not_ages(text: str) -> None:
    assert not any(f.kind == "AGE" for f in detect(text))


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Ahora, en octubre 2023, ya casi no me duele.", "octubre 2023"),
        ("Desde abril 2021 voy a la fisio cada semana.", "abril 2021"),
        ("C'était en novembre 2022, juste avant Noël.", "novembre 2022"),
        ("Pierwsza wizyta była 12 stycznia 2021 w Krakowie.", "12 stycznia 2021"),
        ("We moved here w listopadzie 2019, then the pain began.", "listopadzie 2019"),
        ("Operację miałam 7 czerwca 2020.", "7 czerwca 2020"),
        ("got my results 19/3 and cried in the car", "19/3"),
        ("op was 27/11 so i missed the work party", "27/11"),
        ("we went to carnival and then pancake day 2023 was our first try", "pancake day 2023"),
        ("proposed on songkran 2019 in chiang mai", "songkran 2019"),
        ("My waters broke the May bank holiday weekend 2021.", "May bank holiday weekend 2021"),
        ("Mi RUN es 9.876.543-2, por si lo necesitan.", "9.876.543-2"),
    ],
)
def test_romance_and_polish_month_years_day_months_festivals_and_dotted_ids(text: str, needle: str) -> None:
    assert _covered(text, needle)


@pytest.mark.parametrize(
    "text",
    [
        "The clinic is open 24/7 and the phone line too.",
        "I scored 18/20 on the pain questionnaire.",
        "Approx 16/12 duration of symptoms at first review.",
        "My pain was 7/10 this week.",
        "In 2022 we moved to the coast.",
        "The flat cost 12.500.000 pesos.",
    ],
)
def test_around_the_clock_scores_durations_bare_years_and_prices_are_not_dates_or_ids(text: str) -> None:
    assert not any(f.kind in ("DATE", "ID") for f in detect(text))


@pytest.mark.parametrize(
    "text",
    [
        "The nurse smiled. “May I take a look now?” she asked.",
        "May we talk about the results first? I nodded.",
        "Tengo sesenta y pico y por fin duermo bien.",
        "Ya tenía treinta y tantos cuando me casé.",
    ],
)
def test_a_request_opening_with_may_and_a_vague_decade_are_not_dates_or_ages(text: str) -> None:
    assert not any(f.kind in ("DATE", "AGE") for f in detect(text))


def test_may_as_a_month_before_a_pronoun_is_still_a_date() -> None:
    assert _found_as("In May 2021 I started physio. Did it help?", "May 2021", "DATE")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Deborah, presently forty-two (42) years of age and residing here", "forty-two"),
        ("Deborah, presently forty-two (42) years of age and residing here", "42"),
        ("Executed this 12th day of March, 2024.", "12th day of March, 2024"),
    ],
)
def test_sworn_statement_ages_and_dates(text: str, needle: str) -> None:
    assert _covered(text, needle)


def test_a_day_of_treatment_is_no_date() -> None:
    assert _flagged_words("on the 3rd day of treatment it eased") == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Nobody warned me that at fifty-three it would all dry up.", "fifty-three"),
        ("honestly being 20 and thinking you are broken is the worst.", "20"),
    ],
)
def test_more_ages_people_write(text: str, age: str) -> None:
    assert _covered(text, age)


@pytest.mark.parametrize(
    "text",
    [
        "We met at twenty past six in the car park.",
        "I was at thirty weeks when the pain started.",
        "After being 40 minutes late I gave up on the bus.",
        "I hate being 5 foot 2 in a room of tall doctors.",
    ],
)
def test_times_counts_and_heights_are_no_ages(text: str) -> None:
    assert not [f for f in detect(text) if f.kind == "AGE"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("We met at 3am in the shared kitchen during freshers' week 2022.", "freshers' week 2022"),
        ("It all started in rag week 2019 after a party.", "rag week 2019"),
    ],
)
def test_a_named_week_with_its_year_is_a_date(text: str, date: str) -> None:
    assert _covered(text, date)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Bass player, 38, writing this from the back of a van.", "38"),
        ("Retired nurse, 61, from Hull.", "61"),
    ],
)
def test_an_age_between_commas_after_a_word_for_a_person(text: str, age: str) -> None:
    assert _covered(text, age)


def test_a_list_of_numbers_is_no_age() -> None:
    assert not [f for f in detect("I bought sizes 10, 12, 14, all wrong.") if f.kind == "AGE"]


def test_a_portuguese_age_in_a_self_introduction() -> None:
    text = "so. i'm thaís, 27 anos, from belo horizonte, living in lisbon now"
    assert _covered(text, "27 anos")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("It was done on the Friday before Mother's Day 2023, and I remember the card.",
         "the Friday before Mother's Day 2023"),
        ("I saw him on the Sunday after Thanksgiving '21, which was odd.",
         "the Sunday after Thanksgiving '21"),
        ("Nos casamos el sábado 17 de junio de 2023 y fue bonito.", "sábado 17 de junio de 2023"),
        ("I was admitted from 2 to 9 March 2020 for tests.", "2 to 9 March 2020"),
        ("I was seen on the twenty-first of June 2022 by a nurse.", "the twenty-first of June 2022"),
        ("WE HAVE BEEN MARRIED SINCE AUGUST OF '81 AND STILL ARE.", "AUGUST OF '81"),
        ("Empezó a finales de 2019, más o menos.", "a finales de 2019"),
        ("C'est arrivé au début de 2021, après le confinement.", "au début de 2021"),
        ("by the back end of 2022 i was on the list", "the back end of 2022"),
        ("In the first months of 2020 I started having pain.", "the first months of 2020"),
    ],
)  # fmt: skip
def test_the_words_that_make_a_date_one_day_belong_to_it(text: str, date: str) -> None:
    assert _covered(text, date)


@pytest.mark.parametrize(
    "text",
    [
        "It was my first March in Leeds and it rained every day.",
        "Mi 2020 fue muy duro, pero salí adelante.",
        "The second week of treatment was the hardest.",
    ],
)
def test_a_spelled_ordinal_or_a_possessive_before_a_month_or_year_is_no_date(text: str) -> None:
    assert [w for w in _flagged_words(text) if w[0].isdigit() or w.lower().startswith(("first", "mi "))] == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I was only nineteen and he was twenty-two, and we had both waited.", "twenty-two"),
        ("Summer was fifteen and started getting the same pain.", "fifteen"),
        ("Our daughter Poppy, who was 18 months old when this all kicked off.", "18"),
    ],
)
def test_someone_else_s_age_and_a_baby_s_age_in_months(text: str, age: str) -> None:
    assert age in [w for w in _flagged_words(text)]


@pytest.mark.parametrize(
    "text",
    ["It was twenty minutes late again.", "The room was fifteen feet wide.", "It took 6 months to get seen."],
)
def test_a_number_after_was_that_counts_something_else_is_no_age(text: str) -> None:
    assert _flagged_words(text) == []
