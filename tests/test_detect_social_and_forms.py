"""Identifiers as social media, chats, forms and scripts write them (issue #11, tenth
round): a Discord export's poster lines, a chat speaker with an emoji or on a line of
her own, a town's hashtag, a form's "Name:" and "Signature:", an initial's full stop
(no sentence end), ages in Pidgin, Hindi/Urdu, Tagalog and Portuguese, a relation's name
without a comma, a first name and an unknown surname opening a line, streets like "West
4th" and "NE 2nd Avenue", "Crop Over 2022".  Every sentence here is written for this test,
not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import found


def test_a_discord_exports_poster_lines_name_the_posters() -> None:
    text = "welcome all\n\nmothwing — 23:14\nok so hi\n\nfernlight_ — 11/02/2023 9:47 PM\nhey"
    assert {("HANDLE", "mothwing"), ("HANDLE", "fernlight_")} <= set(found(text))


def test_a_speaker_with_an_emoji_or_on_a_line_of_her_own_is_named() -> None:
    chat = "Kez 🌸: so how was it\nme: fine\nKez 🌸: spill"
    assert [w for k, w in found(chat) if k == "PERSON"] == ["Kez", "Kez"]
    script = "Our story.\n\nGORD:\nWe waited.\n\nLIL:\nHe did.\n\nGORD:\nThen we went."
    assert ("PERSON", "GORD") in found(script)


@pytest.mark.parametrize(
    ("text", "town"), [("#vulvodynia #glasgow #spoonie", "glasgow"), ("#endo #Bath", "Bath")]
)
def test_a_hashtag_of_a_large_town_is_the_town(text: str, town: str) -> None:
    assert ("LOCATION", town) in found(text)


@pytest.mark.parametrize("text", ["#bath #selfcare #hope", "#endowarrior #spoonie"])
def test_a_hashtag_of_an_everyday_word_or_a_topic_is_no_town(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("Name: K. Owusu-Ansah", "K. Owusu-Ansah"), ("Signature: K. Owusu-Ansah   Date: 3/4", "K. Owusu-Ansah"),
     ("Name:    Joana B Ferreira", "Joana B Ferreira"),
     ("it was signed by K. Owusu-Ansah today", "Owusu-Ansah")],
)
def test_a_forms_name_label_and_an_initial_before_a_surname(text: str, name: str) -> None:
    assert any(kind == "PERSON" and name in words for kind, words in found(text))


def test_a_conditions_name_after_a_name_colon_is_no_persons() -> None:
    assert [w for k, w in found("the pain finally had a name: Pudendal Neuralgia.") if k == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "age"),
    [("1/ I be 41. Trader for Balogun market.", "41"), ("bas itna ke 36 saal ka hoon", "36"),
     ("Ako din sis, 57 na ako.", "57"), ("Menopausa aos 49 e ninguém me avisou", "49"),
     ("She said a woman of 71 cannot be talking like that.", "71"),
     ("My son (17, a goalie) has the same pain.", "17"), ("First post. 52 M, diagnosed last year.", "52"),
     ("By fifteen she was missing school every month.", "fifteen")],
)
def test_ages_in_pidgin_hindi_tagalog_portuguese_and_asides(text: str, age: str) -> None:
    assert any(kind == "AGE" and words.startswith(age) for kind, words in found(text))


@pytest.mark.parametrize("text", ["aos 3 meses o bebé dormia", "a man of 50 kilos", "It cost 40 M, a lot."])
def test_a_babys_months_a_weight_or_millions_is_no_age(text: str) -> None:
    assert [w for k, w in found(text) if k == "AGE"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("I married my husband Aman in December.", "Aman"),
     ("“I missed the nativity”\nMark Holroyd, 44, Headingley", "Mark Holroyd")],
)
def test_a_name_after_a_relation_or_a_first_name_and_surname_opening_a_line(text: str, name: str) -> None:
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize(
    "text",
    ["my husband Honestly was useless", "The Consultant Urogynaecologist explained it.",
     "ME MOTHER SEH ALL WOMAN GET IT."],
)
def test_a_word_a_role_or_a_dialect_verb_after_a_relation_is_no_name(text: str) -> None:
    assert not any(kind == "PERSON" and words.split()[0] in ("Honestly", "Urogynaecologist", "SEH")
                   for kind, words in found(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [("the clinic on West 4th, by the bakery", "West 4th"), ("the market on NE 2nd Avenue", "NE 2nd Avenue")],
)
def test_a_street_named_by_a_compass_point_and_an_ordinal(text: str, place: str) -> None:
    assert ("LOCATION", place) in found(text)


def test_a_festival_of_the_caribbean_with_its_year_is_a_date() -> None:
    assert ("DATE", "Crop Over 2022") in found("By Crop Over 2022 I was dancing again.")


def test_a_full_stop_after_an_initial_ends_no_sentence_but_plan_b_stays_a_word() -> None:
    assert found("It was Plan B. Then we tried again.") == []


HINGLISH = (
    "Didi namaste. Sorry for long msg. Our family doctor kept saying periods mein dard normal hai, "
    "shaadi ke baad theek ho jayega. Mummy bhi same bolti thi. Main bahut pareshan thi yaar, "
    "kyunki Riya ko har mahine yeh hota hai aur koi sunta nahi. Finally Dr Anjali ne bola endometriosis hai."
)


def test_a_hinglish_storys_words_are_words_and_its_names_stay_names() -> None:
    persons = [words for kind, words in found(HINGLISH) if kind == "PERSON"]
    assert "Riya" in persons and any("Anjali" in w for w in persons)
    assert not {"hoon", "nahi", "dard", "thi", "shaadi", "pareshan"} & {w.lower() for w in persons}


def test_dates_and_clock_times_a_forum_post_is_stamped_with() -> None:
    assert found("Pinkfizz · 04/05/23 07:48\n\nsame here") == [("HANDLE", "Pinkfizz"), ("DATE", "04/05/23")]


@pytest.mark.parametrize(
    ("text", "found_words"),
    [("Dear Dr. Feldman,\n\nThank you for everything.", ("PERSON", "Feldman")),
     ("Q: Tell us about yourself?\n\nMei Ling: I am 71.\n\nQ: And now?\n\nMei Ling: Better.",
      ("PERSON", "Mei Ling")),
     ("a rant\n\nAnatoliaGal77 · Original poster\n\nBit of a rant.", ("HANDLE", "AnatoliaGal77")),
     ("My insurance, Horizon Blue Cross Blue Shield, covered part.",
      ("FACILITY", "Horizon Blue Cross Blue Shield")),
     ("Campaign stories\nMY STORY: Nomvula, 52\n\nI am a teacher.", ("AGE", "52")),
     ("Testimonio – Rosa M., 44 años\n\nQuiero compartir.", ("AGE", "44"))],
)
def test_salutations_interview_labels_posters_insurers_headline_ages(text: str, found_words: tuple) -> None:
    assert found_words in found(text)


@pytest.mark.parametrize(
    "text", ["Did The First Doctor Help?\n\nNo.", "The Doctor Part\n\nThe urologist asked."]
)
def test_a_heading_with_doctor_in_it_names_no_one(text: str) -> None:
    assert found(text) == []


def test_a_user_name_alone_above_its_post_is_a_handle_but_a_heading_is_not() -> None:
    text = (
        "Am I being precious?\n\nMoonlitKettle\nNot at all.\n\nsparrow_1987\nSame.\n\n"
        "Recovery\nSlow.\n\nWeek3\nSore."
    )
    assert [w for k, w in found(text) if k == "HANDLE"] == ["MoonlitKettle", "sparrow_1987"]


def test_a_title_case_line_of_everyday_words_names_no_one() -> None:
    assert found("Tips.\n\n2. Your Husband Will Not Understand Unless You Tell Him.\nMine did not.") == []


def test_a_signature_above_the_town_it_was_written_from() -> None:
    text = "Thank you for everything.\n\nYours faithfully,\n\nH. Ashcombe\nCottenham, Cambridge"
    assert ("PERSON", "H. Ashcombe") in found(text)
    assert any(kind == "LOCATION" and "Cottenham" in words for kind, words in found(text))


@pytest.mark.parametrize(
    ("text", "found_words"),
    [("Thread: DD 14 missing school every month", ("AGE", "14")),
     ("DS2 (6) still wets the bed.", ("AGE", "6")),
     ("admitted 16-Jan-2024, home 18-Jan-24.", ("DATE", "16-Jan-2024")),
     ("ZuriInLeeds · Posted Tue 16-Jan-24 21:52\nAny tips?", ("HANDLE", "ZuriInLeeds")),
     ("Thank you.\n\nYours faithfully,\n\nK. A. Dinesh Perera\nChartered Accountant",
      ("PERSON", "K. A. Dinesh Perera"))],
)
def test_mumsnet_children_dashed_dates_posters_signature_above_a_job(text: str, found_words: tuple) -> None:
    assert found_words in found(text)


def test_a_job_under_a_signature_is_no_place() -> None:
    text = "Thank you.\n\nYours faithfully,\n\nK. A. Dinesh Perera\nChartered Accountant"
    assert [w for k, w in found(text) if k == "LOCATION"] == []
