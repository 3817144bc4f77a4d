"""Property tests of `detect` and `redact` with Hypothesis."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from stories.detect import detect, name_words
from stories.findings import PLACEHOLDERS
from stories.leftovers import leftovers, redact_with_mentions
from stories.redact import redact, redact_rescanned

PIECES = st.sampled_from(
    [
        "My husband Dave",
        "and I",
        "moved to Leeds",
        "in March 2019.",
        "I was 34",
        "Dr Young",
        "call 07700 900123",
        "jane@example.com",
        "www.example.org/x",
        "@jane_88",
        "MRN 00482913",
        "Botox",
        "Kegel",
        "vaginismus",
        "dilator",
        "the 3rd of May",
        "St Mary's Hospital",
        "\n",
        ", ",
        ". ",
        "🙂",
        "مرحبا",
        "42",
        "x",
        "",
        "O'Connor",
        "Mei-Ling",
        # disguised identifiers (issue #10): the shadow must read them
        "thanks to sarah jones",
        "my friend Ra\u200cchel",
        "my friend Ra**chel**",
        "my friend R a c h e l",
        "Ｒａｃｈｅｌ Ｓｍｉｔｈ",
        "rachel.smith＠gmail.com",
        "rachel dot smith at gmail dot com",
        "hxxps://facebook[.]com/rachel.smith",
        "oh seven seven double oh nine oh oh one two three",
        "I’m",
        "They’re",
    ]
)
STORIES = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=30).map(" ".join))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(STORIES)
def test_offsets_are_valid_and_sorted(text: str) -> None:
    found = detect(text)
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
    assert found == sorted(found, key=lambda f: (f.start, -f.end))


@SETTINGS
@given(STORIES)
def test_detect_is_deterministic(text: str) -> None:
    assert detect(text) == detect(text)


@SETTINGS
@given(STORIES)
def test_redaction_removes_what_it_redacted(text: str) -> None:
    found = detect(text)
    redacted = redact(text, found)
    again = detect(redacted)
    # Each placeholder in the redacted text is never itself detected.
    pos = 0
    for ph in sorted(set(PLACEHOLDERS.values())):
        pos = redacted.find(ph)
        while pos != -1:
            end = pos + len(ph)
            assert not any(f.start < end - 1 and f.end > pos + 1 for f in again), (ph, redacted)
            pos = redacted.find(ph, end)
    # No original identifier text of a redacted kind survives verbatim.
    for f in found:
        piece = text[f.start : f.end]
        if len(piece) >= 4 and piece not in "".join(PLACEHOLDERS.values()):
            assert piece not in redacted or piece in text.replace(piece, "", 1)


def test_placeholders_alone_are_never_detected() -> None:
    text = " ".join(PLACEHOLDERS.values()) + " and [name] said [name] was at [facility] in [place]."
    assert detect(text) == []


@SETTINGS
@given(STORIES)
def test_redacted_text_has_no_finding_of_the_redacted_kinds(text: str) -> None:
    found = detect(text)
    redacted = redact_rescanned(text, found, detect)
    kinds = {f.kind for f in found}
    again = [f for f in detect(redacted) if f.kind in kinds]
    assert not again, (redacted, [(f.kind, redacted[f.start : f.end]) for f in again])


@SETTINGS
@given(STORIES)
def test_no_fragment_of_a_redacted_span_remains(text: str) -> None:
    redacted = redact_with_mentions(text, detect(text), touching_only=False)
    rest = leftovers(text, redacted)
    assert not rest, (redacted, [redacted[x.start : x.end] for x in rest])


# Issue #11: text written in capitals gets the same findings as the same text in
# normal case.  Sentences are drawn from everyday words (lowercase in normal text),
# names after a cue, towns, dates and ages, so "normal case" is well defined.
_EVERYDAY = st.sampled_from(
    ["the", "pain", "was", "really", "bad", "and", "I", "cried", "after", "work", "every",
     "night", "because", "nobody", "listened", "to", "me", "but", "things", "got", "better",
     "slowly", "with", "help", "from", "friends", "treatment", "exercises", "so", "much"]
)  # fmt: skip
_IDENTIFYING = st.sampled_from(
    ["my husband Dave", "my friend Ngozi", "in Leeds", "in Manchester", "in March 2019",
     "on 12 May 2021", "when I was 34", "Dr Okafor", "my sister Priya"]
)  # fmt: skip
_SENTENCE = st.lists(st.one_of(_EVERYDAY, _IDENTIFYING), min_size=3, max_size=14).map(
    lambda ws: " ".join(ws)[:1].upper() + " ".join(ws)[1:] + "."
)
_CAPS_STORIES = st.lists(_SENTENCE, min_size=1, max_size=5).map(" ".join)


@given(_CAPS_STORIES)
@example("My husband Dave I I I.")  # a name's numeral suffix ("DAVE III") stays in capitals
@SETTINGS
def test_text_in_capitals_gets_the_same_findings(text: str) -> None:
    def spans(t: str) -> set[tuple[str, int, int]]:
        return {(f.kind, f.start, f.end) for f in detect(t)}

    assert spans(text.upper()) == spans(text)


def test_a_storys_findings_do_not_depend_on_the_stories_read_before_it():
    """Per-word answers are cached across stories; what depends on a story's language is not
    ("Los" opening a Spanish story's sentence is a word, "Los Angeles" in the next is a town)."""
    english = "Martin Karlsen\n\nLos Angeles\nUnited States"
    spanish = ("Los médicos no me creían y yo pensaba que era normal. Los días eran largos, "
               "y por la noche no podía dormir por el dolor. Pero la fisioterapeuta de suelo "
               "pélvico me explicó que los músculos estaban tensos, que no era mi culpa, y con "
               "ejercicios, paciencia y mucho apoyo de mi marido, ahora estoy mucho mejor. "
               "Los primeros meses fueron duros, pero valió la pena.")

    def spans(t: str) -> list[tuple[str, int, int]]:
        return sorted((f.kind, f.start, f.end) for f in detect(t))

    name_words._PLAIN_CACHES.clear()  # each order starts from empty caches
    alone = spans(english)
    name_words._PLAIN_CACHES.clear()
    spans(spanish)
    assert spans(english) == alone
    assert any(english[s:e].startswith("Los") for _, s, e in alone)
