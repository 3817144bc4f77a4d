"""A pasted form's answers, a chat export's senders and the communities she posts in (issue
#11, sixteenth round): "First name or initials: GK", "3/2/24, 9:14 PM - kayla.b: are you
up", "r/CPPS", "pelvic pain pals › #wins", and insurers named in brackets or before "health
policy".  Every text here is written for this test, not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import found, words_of

FORM = """STORY SUBMISSION
First name or initials: GK
Last initial (optional): S
Age: 47
Suburb / town: kedron, brissie
Insurer / funding: Medibank
where from: campbellsville ky
Name (optional): prefer not to say
Location: Ireland

Story: it started after my second baby."""


def test_a_forms_answers_are_what_its_labels_say():
    got = found(FORM)
    for pair in [("PERSON", "GK"), ("PERSON", "S"), ("LOCATION", "kedron"), ("FACILITY", "Medibank"),
                 ("LOCATION", "campbellsville ky")]:
        assert pair in got


def test_a_declined_answer_or_a_country_is_no_identifier():
    words = [w for _, w in found(FORM)]
    assert not any("prefer" in w or "Ireland" in w for w in words)


def test_a_title_before_the_name_stays_outside():
    assert ("PERSON", "Paul Dennison") in found("Your name: Mr Paul Dennison\nAge: 70\n")


CHAT = """3/2/24, 9:14 PM - kayla.b: are you still up
3/2/24, 9:15 PM - Me: yeah
[22:47] tobi.lifts: and the babe?
10:23 PM — Rhodri.J
mate i was you two years ago
[09:12] jomar_2E: landed"""


def test_a_chat_lines_sender_shaped_like_a_user_name_is_a_handle():
    handles = words_of(CHAT, "HANDLE")
    for name in ("kayla.b", "tobi.lifts", "Rhodri.J", "jomar_2E"):
        assert name in handles
    assert "Me" not in handles


def test_a_web_address_after_a_time_is_no_sender():
    assert "bbc.co.uk" not in words_of("[10:02] bbc.co.uk: the article", "HANDLE")


@pytest.mark.parametrize(("text", "community"), [
    ("I posted this on r/CPPS first as u/tight_in_gr", "r/CPPS"),
    ("pelvic pain pals › #wins\n\nmoth.mum — 03/11/2023 21:04\nwe did it", "pelvic pain pals"),
    ("Guild: V-Word Support Squad\nChannel: #partners", "V-Word Support Squad"),
    ("#success-stories — Curved & Unbothered (Discord)\n\nok so", "Curved & Unbothered"),
    ("a few people in the Pelvic Pain Pals discord asked me", "Pelvic Pain Pals"),
])
def test_the_community_she_posts_in_is_a_facility(text: str, community: str):
    assert ("FACILITY", community) in found(text)


@pytest.mark.parametrize("text", [
    "someone on the discord told me to post here",
    "Forum › Men's Health › Erectile problems",
    "I found the Discord server through a friend",
])
def test_a_forum_section_or_the_discord_alone_is_no_community(text: str):
    assert not words_of(text, "FACILITY")


@pytest.mark.parametrize(("text", "insurer"), [
    ("Went to a gyno through my prepagada (Coomeva). She was nice", "Coomeva"),
    ("For your records, my Jubilee health policy number is on the form.", "Jubilee"),
])
def test_an_insurer_in_brackets_or_before_its_kind_of_cover(text: str, insurer: str):
    assert ("FACILITY", insurer) in found(text)


@pytest.mark.parametrize(("text", "club"), [
    ("she has played camogie with Ballincollig GAA since she was nine", "Ballincollig GAA"),
    ("I'm now seeing Brianna at Midtown Pelvic PT for that", "Midtown Pelvic PT"),
    ("Then referral to Erasmus MC, andrology outpatients", "Erasmus MC"),
])
def test_a_clubs_or_a_practices_letters_are_part_of_its_name(text: str, club: str):
    assert ("FACILITY", club) in found(text)


@pytest.mark.parametrize(("text", "age"), [
    ("I celebrated my 73rd in June with her", "73rd"),
    ("about two years ago after my 65th a bit after", "65th"),
    ("for her 90th, we all went to the coast", "90th"),
])
def test_a_birthday_named_by_its_number_is_an_age(text: str, age: str):
    assert ("AGE", age) in found(text)


@pytest.mark.parametrize("text", ["on my 5th session she said", "by my 13th appointment it eased",
                                  "my 20th dilator session went fine"])
def test_a_count_of_sessions_is_no_age(text: str):
    assert not words_of(text, "AGE")


@pytest.mark.parametrize(("text", "address"), [
    ("Calle Mayor nº 12, Madrid", "Calle Mayor nº 12"),
    ("her practice is on Bağdat Caddesi near the sea", "Bağdat Caddesi"),
])
def test_a_house_number_written_with_no_and_a_turkish_street(text: str, address: str):
    assert ("LOCATION", address) in found(text)


@pytest.mark.parametrize(("text", "initials"), [
    ("You may publish this with my initials, MDB, and without the appeal number.", "MDB"),
    ('Please use my story but change my name to "S." only.', "S"),
    ('Kindly publish under "A.S.", nurse practitioner, only.', "A.S."),
    ("Aoife rang the GP at Christmas and I nearly crashed. — A.)", "A"),
    ("(She was taking 800mg. It didn't touch it. - M)", "M"),
    ("No pressure at all. ~M\n", "M"),
])
def test_the_initials_she_asks_for_or_signs_a_note_with_are_hers(text: str, initials: str):
    assert ("PERSON", initials) in found(text)


@pytest.mark.parametrize("text", ["please publish as Anonymous", "see the chart (Plan - B) below",
                                  "My children say I should use my initials only, but I won't."])
def test_an_everyday_word_or_a_plans_letter_is_no_chosen_name(text: str):
    assert not words_of(text, "PERSON")


@pytest.mark.parametrize(("text", "name"), [
    ("Il medico di base, il dott. Bertolino, mi ha dato subito un antibiotico.", "Bertolino"),
    ("Interpreter: Pa Nhia Vang\nWritten up by: the physio", "Pa Nhia Vang"),
])
def test_an_italian_doctors_title_and_an_interpreters_form_line_name_a_person(text: str, name: str):
    assert ("PERSON", name) in found(text)



def test_an_answer_opening_with_a_capitalised_little_word_still_counts():
    assert ("FACILITY", "Second Wind Joinery") in found("Employer: Second Wind Joinery\nAge: 51\n")


def test_a_yes_or_a_lowercase_phrase_answers_nothing():
    assert found("Employer: yes\nLocation: in the car at work\n") == []


@pytest.mark.parametrize("text, age", [
    ("Name: K\nAge (optional): 29\nWhat would you like to talk about?", "29"),
    ("Age (if you want): thirty-one\n", "thirty-one"),
    ("Edad: 47 años\n", "47"),
])
def test_a_forms_age_field_is_an_age_whatever_its_note(text, age):
    assert ("AGE", age) in found(text)


def test_an_age_field_of_a_decade_or_a_refusal_names_no_age():
    assert not words_of("Age: 30s\nAge: prefer not to say\n", "AGE")
