"""The hand-written labelled story corpus is well formed, and its checker catches bad labels.

Every file of both halves (`tests/data/handwritten/dev/` and `test/`, whatever files exist)
must parse into text plus spans whose offsets are valid, sit on word boundaries, do not
overlap, use a known kind and leave no stray ``[[``/``]]``; each story has 150-400 words and
each half with files has at least 8 stories without any identifier.  The checker itself is
tested on small bad stories, so a broken checker cannot pass a broken corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import handwritten  # noqa: E402

FILES = [p for half in handwritten.HALVES for p in handwritten.story_files(half)]
FILLER = " ".join(["word"] * 160)


def test_dev_half_has_every_story_written_so_far():
    assert len(handwritten.story_files("dev")) == 5580


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_story_labels_are_sound(path):
    record = handwritten.parse_file(path)
    assert handwritten.check_story(record, path.name) == []
    for span in record["spans"]:  # the words between the markup are exactly the span
        assert record["text"][span["start"] : span["end"]].strip()


@pytest.mark.parametrize("half", handwritten.HALVES)
def test_half_rules(half):
    assert handwritten.check_half(half) == []


def test_parse_removes_markup_and_keeps_offsets():
    rec = handwritten.parse_markup("my physio [[PERSON:Dee]] at [[FACILITY:St Thomas']] said hi")
    assert rec["text"] == "my physio Dee at St Thomas' said hi"
    assert [(rec["text"][s["start"] : s["end"]], s["kind"]) for s in rec["spans"]] == [
        ("Dee", "PERSON"), ("St Thomas'", "FACILITY")]


def test_parse_spans_lines():
    rec = handwritten.parse_markup("[[LOCATION:27 Beech Ave\nLeeds LS6 2AB]]\n\nDear team")
    assert rec["spans"] == [{"start": 0, "end": len("27 Beech Ave\nLeeds LS6 2AB"), "kind": "LOCATION"}]
    assert rec["text"].startswith("27 Beech Ave\nLeeds LS6 2AB\n\nDear")


@pytest.mark.parametrize(
    ("marked", "problem"),
    [
        (f"[[NAME:Dee]] {FILLER}", "unknown kind"),
        (f"my friend Dee[[PERSON:na]] {FILLER}", "starts inside a word"),
        (f"my friend [[PERSON:De]]e {FILLER}", "ends inside a word"),
        (f"my friend [[PERSON: Dee]] {FILLER}", "white space"),
        (f"my friend [[person:Dee]] {FILLER}", "stray '[['"),
        (f"my friend [[PERSON:Dee {FILLER}", "stray '[['"),
        (f"my friend Dee]] {FILLER}", "stray ']]'"),
        ("my friend [[PERSON:Dee]] is short", "words, expected 150-400"),
        (" ".join(["word"] * 401), "words, expected 150-400"),
    ],
)
def test_checker_catches(marked, problem):
    problems = handwritten.check_story(handwritten.parse_markup(marked, "x/001-bad"))
    assert any(problem in p for p in problems), problems


def test_checker_catches_overlap_and_bad_offsets():
    text = "Dee Smith went to Leeds " + FILLER
    overlap = {"id": "x", "text": text, "spans": [{"start": 0, "end": 9, "kind": "PERSON"},
                                                  {"start": 4, "end": 9, "kind": "PERSON"}]}
    assert any("overlap" in p for p in handwritten.check_story(overlap))
    outside = {"id": "x", "text": text, "spans": [{"start": 5, "end": len(text) + 3, "kind": "PERSON"}]}
    assert any("offsets" in p for p in handwritten.check_story(outside))


def test_checker_messages_do_not_quote_the_labelled_words():
    problems = handwritten.check_story(handwritten.parse_markup("[[NAME:Zebedee]] short", "x/001"))
    assert problems and not any("Zebedee" in p for p in problems)


def test_checker_checks_file_names():
    rec = handwritten.parse_markup(FILLER, "x")
    assert any("file name" in p for p in handwritten.check_story(rec, "Story One.txt"))
    assert handwritten.check_story(rec, "007-texting-uk.txt") == []
    assert handwritten.check_story(rec, "1007-texting-uk.txt") == []  # past story 999
    assert any("file name" in p for p in handwritten.check_story(rec, "10007-texting-uk.txt"))


def test_half_needs_stories_without_identifiers(tmp_path):
    half = tmp_path / "dev"
    half.mkdir()
    for i in range(10):
        marked = (f"[[PERSON:Dee]] {FILLER}" if i < 2 else FILLER)
        (half / f"{i + 1:03d}-story.txt").write_text(marked, encoding="utf-8")
    assert handwritten.check_half("dev", tmp_path) == []
    (half / "004-story.txt").write_text(f"[[PERSON:Dee]] {FILLER}", encoding="utf-8")
    assert any("without identifiers" in p for p in handwritten.check_half("dev", tmp_path))
    assert handwritten.check_half("test", tmp_path) == []  # a half with no files yet
