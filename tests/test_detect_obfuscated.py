"""Hidden and obfuscated identifiers: found whole, and redacted without a fragment.

Each case is a reproduction from issue #10 (items 3 and 4): the detector must
find the identifier however it is disguised, the finding must cover the
whole original run (joiners, marks, spaces and spelled-out words included),
and `redact(text, detect(text))` must leave no fragment of it.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from stories.detect import detect
from stories.redact import redact

ZWNJ, ZWJ, CGJ, VS16, LRM = "\u200c", "\u200d", "\u034f", "\ufe0f", "\u200e"
FULL_URL = "ｆａｃｅｂｏｏｋ．ｃｏｍ／ｒａｃｈｅｌ．ｓｍｉｔｈ"


def underlined(word: str) -> str:
    return "".join(ch + "\u0332" for ch in word)


# (text, the disguised identifier as written, words that must not survive redaction)
CASES = [
    ("thanks to sarah jones for everything", "sarah jones", ["sarah", "jones"]),
    ("thanks to khadija khan for listening", "khadija khan", ["khadija", "khan"]),
    ("and tom o'brien was so kind", "tom o'brien", ["tom", "brien"]),
    ("and tom o’brien was so kind", "tom o’brien", ["tom", "brien"]),
    *[
        (f"My friend Ra{ch}chel came with me.", f"Ra{ch}chel", ["chel"])
        for ch in (ZWNJ, ZWJ, CGJ, VS16, LRM)
    ],
    ("My friend Ra**chel** came with me.", "Ra**chel**", ["chel"]),
    (f"My friend {underlined('Rachel')} came with me.", underlined("Rachel"), ["rachel"]),
    ("email me at rachel.smith＠gmail.com please", "rachel.smith＠gmail.com", ["rachel", "smith", "gmail"]),
    ("My friend R a c h e l came with me.", "R a c h e l", ["rachel"]),
    ("My friend R.a.c.h.e.l came with me.", "R.a.c.h.e.l", ["rachel"]),
    ("thanks to ｓａｒａｈ ｊｏｎｅｓ for everything", "ｓａｒａｈ ｊｏｎｅｓ", ["sarah", "jones"]),
    ("thanks to sаrаh jоnes for everything", "sаrаh jоnes", ["sarah", "jones"]),  # Cyrillic а о
    ("thanks to sαrah jοnes for everything", "sαrah jοnes", ["sarah", "jones"]),  # Greek α ο
    ("mail rachel.smith@gmаil.com today", "rachel.smith@gmаil.com", ["rachel", "smith", "gmail"]),
    (f"see {FULL_URL} now", FULL_URL, ["rachel", "smith"]),
    (
        "call me on oh seven seven double oh nine oh oh one two three any time",
        "oh seven seven double oh nine oh oh one two three",
        ["seven", "double", "nine"],
    ),
    (
        "my nhs number is four eight five, seven seven seven, three four five six",
        "four eight five, seven seven seven, three four five six",
        ["four", "eight", "five", "seven", "three", "six"],
    ),
    ("write to rachel dot smith at gmail dot com", "rachel dot smith at gmail dot com",
     ["rachel", "smith", "gmail"]),
    ("find me on facebook dot com slash rachel.smith", "facebook dot com slash rachel.smith",
     ["rachel", "smith"]),
    ("it was hxxps://facebook[.]com/rachel.smith8", "hxxps://facebook[.]com/rachel.smith8",
     ["rachel", "smith"]),
    ("we lived in L S 6 2 A B for years", "L S 6 2 A B", ["ls62ab"]),
    ("my postcode is L S 6  2 A B, near the park", "L S 6  2 A B", ["ls62ab"]),
    ("my friend S a r a h J o n e s came", "S a r a h J o n e s", ["sarahjones"]),
    ("my friend R_a_c_h_e_l came", "R_a_c_h_e_l", ["rachel"]),
    ("email rachel at gmail.com for it", "rachel at gmail.com", ["rachel", "gmail"]),
    ("email rachel @ gmail.com for it", "rachel @ gmail.com", ["rachel", "gmail"]),
]


def _covered(text: str, needle: str) -> bool:
    start = text.index(needle)
    found = detect(text)
    return all(
        any(f.start <= pos < f.end for f in found)
        for pos in range(start, start + len(needle))
        if not text[pos].isspace()
    )


def _letters(s: str) -> str:
    """The letters and digits a reader sees, folded: marks, joiners, spaces and dots gone."""
    s = unicodedata.normalize("NFKC", s)
    s = s.translate(str.maketrans("асеΡαрοоЅ", "acePapooS"))
    return re.sub(r"[^a-z0-9 ]", "", "".join(c for c in s if unicodedata.category(c)[0] in "LNZ").lower())


@pytest.mark.parametrize(("text", "needle", "words"), CASES)
def test_disguised_identifier_is_found_whole(text: str, needle: str, words: list[str]) -> None:
    assert _covered(text, needle)


@pytest.mark.parametrize(("text", "needle", "words"), CASES)
def test_redaction_leaves_no_fragment(text: str, needle: str, words: list[str]) -> None:
    redacted = redact(text, detect(text))
    seen = _letters(redacted)
    assert needle not in redacted
    for word in words:
        assert not re.search(rf"(?<![a-z]){word}|{word}(?![a-z])", seen), (word, redacted)


def test_spaced_letters_are_read_joined_in_the_whole_word() -> None:
    text = "My friend R a c h e l came with me."
    seen = _letters(redact(text, detect(text)))
    assert "r a c h e l" not in seen and "came with me" in seen


@pytest.mark.parametrize(
    "text",
    [
        "Honestly I’m tired and They’re not listening.",
        "I’ve tried, I’d hoped, We’re done, You’re not alone, Don’t give up, Can’t stop.",
        "so I’m here and it’s fine",
    ],
)
def test_curly_contractions_are_not_names(text: str) -> None:
    assert detect(text) == []


@pytest.mark.parametrize(
    ("curly", "straight"),
    [
        ("my friend o’brien came", "my friend o'brien came"),
        ("Thanks to Sinéad O‘Brien-Walsh.", "Thanks to Sinéad O'Brien-Walsh."),
    ],
)
def test_curly_apostrophe_reads_like_a_straight_one(curly: str, straight: str) -> None:
    assert [(f.kind, f.start, f.end) for f in detect(curly)] == [
        (f.kind, f.start, f.end) for f in detect(straight)
    ]
    assert detect(straight)


# Ordinary dots, letters and number words next to a disguised identifier: only
# the identifier is found (the shadow joins and reads no more than it must).
GUARDS = [
    ("I worked for Monti s.r.l. and my friend R.a.c.h.e.l helped.", "Monti s.r.l.", "R.a.c.h.e.l"),
    ("We flew to the U.S.A. with my friend R a c h e l that summer.", None, "R a c h e l"),
    ("i.e. nothing useful, e.g. a b c, but my friend r a c h e l helped.", None, "r a c h e l"),
    ("The dot com boom was before my time; facebook dot com slash rachel.smith is mine.", None,
     "facebook dot com slash rachel.smith"),
    ("I did one or two sessions, then three more; call oh seven seven double oh nine oh oh one two three.",
     None, "oh seven seven double oh nine oh oh one two three"),
    ("I had one, two, three, four, five, six sessions; ring oh seven seven double oh nine oh oh one "
     "two three.", None, "oh seven seven double oh nine oh oh one two three"),
    ("Steps 1 2 3 4 helped, and so did my friend R a c h e l.", None, "R a c h e l"),
    ("I looked at webmd.com for hours; email rachel at gmail.com", "webmd.com", "rachel at gmail.com"),
    ("It felt safe. My mum said: email rachel at gmail.com", None, "rachel at gmail.com"),
]


@pytest.mark.parametrize(("text", "other", "needle"), GUARDS)
def test_only_the_disguised_identifier_is_found(text: str, other: str | None, needle: str) -> None:
    start = text.index(needle)
    spans = {(f.start, f.end) for f in detect(text)}
    expected = {(start, start + len(needle))}
    if other:  # an identifier written plainly next to it
        expected.add((text.index(other), text.index(other) + len(other)))
    assert spans == expected
