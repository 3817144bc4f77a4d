"""User names in pasted community threads (issue #11, fifteenth round): a Discord message's
header ("Toast — Today at 04:19") and the part of a user name her friends call her by
("u/mossy_toadstool" ... "toadstool you were the one").  Every text here is written for
this test, not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import found

DISCORD = """posting this from the server with permission

Toast — Today at 04:19
did you ring them

menoMarge — Yesterday at 9:02 PM
not yet. tomorrow

Pip the Brave — 14/03/2023 22:43
you can do it"""


def test_a_discord_headers_display_name_is_a_user_name():
    handles = [w for k, w in found(DISCORD) if k == "HANDLE"]
    assert handles == ["Toast", "menoMarge", "Pip the Brave"]


@pytest.mark.parametrize("text", ["Monday — 10:30\nphysio again", "Physio — 10:30\nbetter today",
                                  "me — Today at 6:15 PM\nsmall win", "March — 12/03/2023 09:00\nscan"])
def test_a_diary_time_and_her_own_messages_are_no_user_names(text):
    assert not [w for k, w in found(text) if k == "HANDLE"]


THREAD = """r/PelvicPainUK • Posted by u/mossy_toadstool

eight months of dilators and I did it.

    u/quiet_bramble_77 • 2h
    toadstool I am so proud of you

    u/mossy_toadstool OP • 1h
    bramble you told me to keep going in March"""


def test_the_part_of_a_user_name_she_is_called_by_is_a_user_name_too():
    handles = [w for k, w in found(THREAD) if k == "HANDLE"]
    assert handles.count("toadstool") == 1 and handles.count("bramble") == 1


def test_a_part_that_is_a_word_of_the_clinic_or_used_everywhere_is_no_nickname():
    text = ("u/pelvic_pete_throwaway here. My pelvic floor was tight, pelvic physio helped.\n"
            "Throwaway for obvious reasons.")
    assert [w for k, w in found(text) if k == "HANDLE"] == ["u/pelvic_pete_throwaway"]
    endo = ("thanks @sunny.side.endo! endo took years. endo is common. endo again. endo.")
    assert [w for k, w in found(endo) if k == "HANDLE"] == ["@sunny.side.endo"]


def test_a_chat_speakers_initial_is_part_of_her_name():
    chat = "14/03/2024, 19:08 - Kath M: what did she suggest?\n14/03/2024, 19:09 - Kath M: the cream"
    assert [w for k, w in found(chat) if k == "PERSON"] == ["Kath M", "Kath M"]
    assert [w for k, w in found("Kath I: no idea\nKath: yes")] == ["Kath", "Kath"]  # "I" is no initial
