"""Detector rules for prose it was not tuned on (issue #11), second part: ages, dates,
handles and ID numbers the way people write them, and the follow-up cases of the name,
place and facility rules.  Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from stories.detect import detect
from tests.detect_prose_util import covered as _covered
from tests.detect_prose_util import flagged_words as _flagged_words
from tests.detect_prose_util import found, words_of

# -- ages, dates and handles ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "kind"),
    [
        ("Me (F, 32) and my husband (35M) tried for years.", "32", "AGE"),
        ("Me (F, 32) and my husband (35M) tried for years.", "35", "AGE"),
        ("I'm 27F and this started when I was a student.", "27", "AGE"),
        ("at the age of twenty-two I married.", "twenty-two", "AGE"),
        ("My next appointment is on 6/30, fingers crossed.", "6/30", "DATE"),
        ("the op was on 12 sept and recovery took ages", "12 sept", "DATE"),
        ("my IG: sam.recovers if anyone wants to talk", "sam.recovers", "HANDLE"),
        ("search pelvicpainpals on instagram, it helped me", "pelvicpainpals", "HANDLE"),
    ],
)
def test_ages_dates_and_handles_the_way_people_write_them(text: str, needle: str, kind: str) -> None:
    assert _covered(text, needle)
    start = text.index(needle)
    assert any(f.kind == kind and f.start <= start < f.end for f in detect(text))


@pytest.mark.parametrize(
    "text",
    ["I posted pictures on instagram and felt better.", "We split it 50/50.", "I may 12 times have cried."],
)
def test_ordinary_words_near_platforms_and_numbers_are_not_flagged(text: str) -> None:
    assert _flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("my IHI is 8003 6012 3456 7890 if the clinic asks", "8003 6012 3456 7890"),
        ("with support from Dr. A. Mensah and the team", "A. Mensah"),
        ("me n tash went to the walk in centre", "tash"),
        ("then we moved up to manchester for his job", "manchester"),
    ],
)
def test_acronym_ids_initials_after_titles_and_texting_names_and_towns(text: str, needle: str) -> None:
    assert _covered(text, needle)


def test_a_short_number_after_an_acronym_is_no_id() -> None:
    assert _flagged_words("My GP is 150 miles away and I talked to them today.") == []


def test_an_english_word_opening_a_sentence_before_and_me_is_no_name() -> None:
    text = "It was a long year. Pain and me, we got to know each other."
    assert _flagged_words(text) == _flagged_words(text.upper()) == []


def test_an_age_is_its_number_but_an_age_joined_to_its_letters_is_one_word() -> None:
    text = "I was 26 years old then, and she is 31 y/o now. As a 45-year-old I felt silly, at 34yo."
    ages = words_of(text, "AGE")
    assert ages == ["26", "31", "45", "34yo"]


@pytest.mark.parametrize(
    "text",
    [
        "She referred me to a Pelvic Health Physiotherapist at last.",
        "Joining an Online Support Group was the turning point.",
        "A GP said it was thrush again, then a spasm, then nothing.",
    ],
)
def test_a_kind_of_thing_in_title_case_and_clinical_words_are_not_flagged(text: str) -> None:
    assert _flagged_words(text) == []


def test_a_named_hospital_after_a_is_still_found() -> None:
    assert _covered("I got a Mayo Clinic appointment in the end.", "Mayo Clinic")


def test_a_small_town_named_by_an_english_word_is_a_word_mid_sentence() -> None:
    # "Person", "Marathon" are small towns in the gazetteer; "Reading" is a large one
    assert _flagged_words("Maybe you haven't met the right Person yet, or run a Marathon.") == []
    assert _covered("My sister works in Reading now.", "Reading")
    assert _covered("In 2019 we moved to Marathon for his job.", "Marathon")  # after a place cue: a town


def test_a_small_word_town_opening_a_sentence_is_a_word() -> None:
    assert _flagged_words("The first weeks were hard. Progress was slow but real.") == []


@pytest.mark.parametrize(
    "text",
    [
        "I was training for my first Marathon, and I had never been pregnant.",
        "A Low-Dose Medication helped more than I expected.",
        "My Primary Care Doctor referred me on.",
    ],
)
def test_clause_commas_job_titles_and_hyphenated_kinds_are_not_names(text: str) -> None:
    assert _flagged_words(text) == []


def test_hyphenated_names_and_name_pairs_still_count() -> None:
    assert _covered("Hi, I'm Mei-Ling and I want to share this.", "Mei-Ling")
    assert _covered("Will and I went to the first session together.", "Will")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Kayla here, 29, from the north.", "29"),
        ("our son (4) came to every appointment", "4"),
        ("Age: 45\nSymptoms: pain", "45"),
        ("I was just twenty when it began.", "twenty"),
        ("I'm nearly 40 and only now getting help.", "40"),
        ("I have been waiting since 03/2019 for surgery.", "03/2019"),
        ("over the Easter weekend of 2018 it got worse", "Easter weekend of 2018"),
        ("the appointment on Weds 12th went well", "Weds 12th"),
        ("on new year's eve 2019 I decided to get help", "new year's eve 2019"),
        ("During Lent 2022 I started the exercises.", "Lent 2022"),
        ("my Discord: sunny#4421 if you want to chat", "sunny#4421"),
        ("I am 34yo and tired of this", "34yo"),
    ],
)
def test_more_ages_dates_and_handles(text: str, needle: str) -> None:
    assert _covered(text, needle)


def test_a_hospital_named_by_a_possessive_after_at_is_a_facility() -> None:
    text = "I'm a nurse at Guy's and I love it."
    assert found(text) == [("FACILITY", "Guy's")]
    text = "I stayed at Sarah's house that week."
    assert found(text) == [("PERSON", "Sarah")]


@pytest.mark.parametrize("text", ["Yours faithfully,\n\nM. Pritchard (Mrs)\n", "Best wishes,\nJ. Okonkwo"])
def test_a_signature_with_an_initial_keeps_the_initial(text: str) -> None:
    name = text.strip().splitlines()[-1].split(" (")[0]
    assert _covered(text, name)


def test_lowercase_names_with_a_middle_initial_and_lists_of_first_names() -> None:
    assert _covered("i'll follow up with benjamin a okafor next week", "benjamin a okafor")
    text = "me, tash, bri and jo went to the walk-in together"
    assert all(_covered(text, name) for name in ("tash", "bri", "jo"))
    # a list of words that are also names is not enough when fewer than three are names
    assert _flagged_words("we bought bread, milk and rose wine") == []


def test_first_names_labelling_lines_of_a_chat_are_names() -> None:
    text = 'mika: "who are you?"\ntracy: "a friend of nadia\'s"\nHeather: I\'m fine'
    assert all(_covered(text, name) for name in ("mika", "tracy", "Heather"))
    assert _flagged_words("note: this is long\nupdate: better now") == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("my second was born at the Royal Hospital for Women last spring", "Royal Hospital for Women"),
        ("I was seen at the University of Dunmere Hospital twice.", "University of Dunmere Hospital"),
    ],
)
def test_a_facility_name_with_for_or_of_is_found_whole(text: str, needle: str) -> None:
    assert _covered(text, needle)


def test_an_address_typed_in_lowercase() -> None:
    text = "they wrote to my old address 41 quarrendon terrace, ne6 5ll, by mistake"
    assert _covered(text, "41 quarrendon terrace, ne6 5ll")
    assert _flagged_words("we had 3 more close calls that winter") == []


def test_a_street_named_before_its_number_and_numbered_labels() -> None:
    assert _covered("Our first flat was on Grössgstötten 50, near the river.", "Grössgstötten 50")
    assert _flagged_words("I was at Week 12 of the plan and in Size 2 by then.") == []
    assert _covered("Our flat at Studio 47, Quarry Run was tiny.", "Studio 47")


def test_a_street_before_its_number_does_not_cross_a_sentence_or_take_a_year() -> None:
    text = "We lived in Leeds. In March 2019 we moved."
    assert "In" not in " ".join(_flagged_words(text))
    upper = text.upper()
    spans = sorted((f.start, f.end) for f in detect(text))
    assert spans == sorted((f.start, f.end) for f in detect(upper))  # as in capitals (property test)


# -- ages without a cue word, and years tied to a named day (third part) --------


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Hello, I'm Priya, 27F, a dental nurse in the city.", "27F"),
        ("Signed: Tomasz K. Nowak, 41M, father of two.", "41M"),
        ("Writing as Rob Hale Sr., 58, a retired driver.", "58"),
        ("(I post as u/quiet_fern_22 over there), 23, from a small town.", "23"),
        ("Kemi here, from the coast, 31yrs. Sorry for the long post.", "31yrs"),
        ("Me llamo Lucía, 39 años, y soy maestra.", "39"),  # the number alone, as the corpus labels it
        ("Je m'appelle Inès, quarante-deux ans, infirmière.", "quarante-deux"),
        ("Moi c'est Anne-Élise, vingt-neuf ans... enfin presque.", "vingt-neuf"),
        ("Soy Ángela, 33... bueno, casi 34.", "33"),
        ("Everyone at work calls me Dot. 52, born up north, two kids.", "52"),
        ("I had my first baby at 22 and my second at 35.", "22"),
        ("I had my first baby at 22 and my second at 35.", "35"),
        ("she got the diagnosis at 44 after years of being dismissed", "44"),
        ("C'est arrivé quand j'avais 19 ans, pendant mes études.", "19"),
        ("Elle s'est mariée à 24 ans avec son ami d'enfance.", "24"),
        ("My mum left when I was seven. I was raised by my nan.", "seven"),
        ("it has hurt since i was about fifteen like every single time", "fifteen"),
        ("I turned forty-four last spring and finally asked for help.", "forty-four"),
    ],
)
def test_ages_stated_without_a_cue_word(text: str, needle: str) -> None:
    assert _covered(text, needle)
    start = text.index(needle)
    assert any(f.kind == "AGE" and f.start <= start < f.end for f in detect(text))


@pytest.mark.parametrize(
    "text",
    [
        "The scan at 20 weeks was fine and the next at 34 weeks too.",
        "They put me on it at 50 mg and then at 75 mg.",
        "The bus comes at 10 past and at 40 past the hour.",
        "I woke at 6 and was in clinic at 9 o'clock.",
        "I was in labour at 37 and a half weeks.",
        "J'ai mal depuis 4 ans et mon copain est parti il y a 2 ans.",
        "Trois ans plus tard, tout allait mieux.",
        "Después de 12 años de dolor por fin encontré ayuda.",
        "I did sets of 10, 15, 20 and then rested.",
        "Pain is 2-3 out of 10 now. It was 8 out of 10.",
        "My pain score was 1-2/10 by the end.",
        "A 34F cup bra did not help with the back pain.",
        "when I was two weeks postpartum it still hurt",
    ],
)
def test_durations_doses_times_and_scores_are_not_ages(text: str) -> None:
    assert [f for f in detect(text) if f.kind in {"AGE", "DATE"}] == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("At Onam 2021 I could not sit through the feast.", "Onam 2021"),
        ("by Eid al-Fitr 2020 things had started to change", "Eid al-Fitr 2020"),
        ("We married on Whit Monday 2018 in the rain.", "Whit Monday 2018"),
        ("On St Andrew's Day 2019 I finally booked the physio.", "Andrew's Day 2019"),
        ("my first flare was on guy fawkes night 2021 lol", "guy fawkes night 2021"),
        ("on pancake day 2023 i told my sister everything", "pancake day 2023"),
        ("THE WORST WAS BY HALLOWEEN NIGHT 2020 I COULD NOT WALK.", "HALLOWEEN NIGHT 2020"),
        ("Para el Día de Muertos del 2019 ya no podía ni sentarme.", "el Día de Muertos del 2019"),
        ("Pour moi tout a basculé à l'automne 2018.", "l'automne 2018"),
        ("I started the dilators in late August 2022.", "late August 2022"),
        ("It came back at the end of March '21.", "end of March '21"),
        ("Le 3 février 2022, j'ai vu la gynéco.", "Le 3 février 2022"),
    ],
)
def test_a_year_tied_to_a_named_day_festival_or_season(text: str, needle: str) -> None:
    assert _covered(text, needle)
    start = text.index(needle)
    assert any(f.kind == "DATE" and f.start <= start < f.end for f in detect(text))


@pytest.mark.parametrize(
    "text",
    [
        "Christmas came and went and I barely noticed.",
        "Around Thanksgiving I had a bad week.",
        "This Easter was the first without pain.",
        "I studied the Civil Rights Act of 1964 at school.",
        "Since 2019 I have been in pain, and in 2021 it got worse.",
        "It was 2019 when it all started.",
        "La pandemia cambió todo en 2020.",
    ],
)
def test_a_bare_holiday_or_a_bare_year_is_not_a_date(text: str) -> None:
    assert [f for f in detect(text) if f.kind == "DATE"] == []


@pytest.mark.parametrize(
    "text",
    [
        "On Christmas Eve I finally managed it.",
        "By June I could use the largest dilator.",
        "I wrote “be kind” on New Year’s Eve and meant it.",
        "On Mother’s Day my husband brought me breakfast.",
        "April⏎⏎April showers, and April prescriptions.".replace("⏎", "\n"),
        "I went back in MARCH with a printed list.",
        "early June was the worst",
    ],
)
def test_a_month_or_holiday_without_a_number_is_no_date(text: str) -> None:
    # a day every reader has (issue #11; no labelled corpus marks one) and no name either
    assert [f for f in detect(text) if f.kind in ("DATE", "PERSON")] == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("On Christmas Eve 2019 I finally managed it.", "Christmas Eve 2019"),
        ("It was the third of March when I went.", "the third of March"),
        ("3. Feb–Apr 2021. Two more courses.", "Feb–Apr 2021"),
        ("from March to June 2020 I was off work", "from March to June 2020"),
    ],
)
def test_a_date_with_a_day_or_a_year_is_still_a_date(text: str, needle: str) -> None:
    assert words_of(text, "DATE") == [needle]


def test_a_written_date_is_not_also_an_address() -> None:
    text = "I went on 9 March 2020 and again on 14 October 2023."
    assert found(text) == [
        ("DATE", "9 March 2020"), ("DATE", "14 October 2023")]


def test_a_named_day_keeps_only_its_own_words() -> None:
    text = "our son was born Boxing Day 2020 at home"
    assert words_of(text, "DATE") == ["Boxing Day 2020"]
    text = "During Vesak 2022, I finally slept well."
    assert words_of(text, "DATE") == ["Vesak 2022"]
