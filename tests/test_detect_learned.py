"""The detector's learned reader (`stories/detect/learned.py`): what it adds, that it
overrules only weak guesses made of ordinary words, that it can be switched off or be
missing, and that switching it rescans stored stories.

Its quality on text it never saw is measured in `test_detect_external.py` (floors with it
on and off) and reported by `bench/external_corpora.py`.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import handwritten  # noqa: E402
import train_learned  # noqa: E402
from factories import staff, submit  # noqa: E402

import stories.detect as detector  # noqa: E402
from moderation.queue import queue  # noqa: E402
from stories.config import SettingInvalid, setting_value  # noqa: E402
from stories.db import transaction  # noqa: E402
from stories.detect import detect, learned  # noqa: E402
from stories.findings import KINDS, Finding  # noqa: E402
from stories.scans import detector_fingerprint  # noqa: E402

# Written for these tests (in no corpus): the rules miss the river and the pidgin age.
RIVER = "I was jogging along the Brisbane River when I felt it again."
PIDGIN = "Me name Tameka, me 31, me from Spanish Town."
HOSTILE = ["a" * 20_000, "1" * 20_000, "1 " * 10_000, "A " * 10_000, "(" * 20_000, "Dr " * 6_000,
           "\n" * 20_000]


def _rules(text: str, monkeypatch) -> list:
    monkeypatch.setenv("STORIES_DETECT_LEARNED", "off")
    found = detect(text)
    monkeypatch.setenv("STORIES_DETECT_LEARNED", "on")
    return found


def test_the_model_ships_and_was_trained_on_the_development_half_as_it_is():
    """Add or change a development story and this fails until `bench/train_learned.py` runs."""
    assert learned.available()
    meta = json.loads(train_learned.META.read_text())
    assert meta["corpus"] == handwritten.half_digest("dev")
    assert meta["stories"] == len(handwritten.story_files("dev"))
    assert meta["params"] == train_learned.PARAMS


@pytest.mark.parametrize(("text", "words", "kind"), [(RIVER, "Brisbane River", "LOCATION"),
                                                     (PIDGIN, "31", "AGE")])
def test_it_adds_what_the_rules_miss(text, words, kind, monkeypatch):
    rules = _rules(text, monkeypatch)
    assert not any(text[f.start : f.end] == words for f in rules)
    added = [f for f in detect(text) if f not in rules]
    assert [(text[f.start : f.end], f.kind, f.source) for f in added] == [(words, kind, learned.SOURCE)]
    assert 0.0 < added[0].score <= 1.0


# Texts whose shadow differs from what was typed (joiners, full-width and spaced letters).
DISGUISED = ["My friend Ra\u200cchel drove me to ｌｕｔｈ in Ｌｅｅｄｓ, then R a c h e l went home.",
             "Dr P\u0430cik at St M\u0430ry's, 3 4 years old, rachel dot k at gmail dot com"]


def test_every_finding_of_the_rules_is_kept_but_weak_guesses_of_ordinary_words(monkeypatch):
    texts = [r["text"] for r in handwritten.load_half("dev")[::25]] + DISGUISED
    overruled = 0
    for text in texts:
        rules = _rules(text, monkeypatch)
        both = detect(text)
        for f in set(rules) - set(both):
            assert f.source in detector.OVERRULABLE and detector._only_words(text, f), (f.source, text[:30])
            overruled += 1
        assert both == sorted(both, key=lambda f: (f.start, -f.end))
    assert overruled < len(texts) // 8  # a few weak guesses (21 in 216 texts), not the rules' work undone


# Written for these tests: a list of tips whose capitalised ordinary words a rule reads as names.
TIPS = """My tips, for what they are worth.

1. Breathe into the belly before you try anything.
2. Lube is not cheating. Buy a big bottle and use plenty of it.
3. Intercourse is allowed to wait until you are ready.
4. Rest days count as progress too."""


def test_it_overrules_a_weak_guess_it_is_sure_is_an_ordinary_word(monkeypatch):
    rules = _rules(TIPS, monkeypatch)
    assert {(TIPS[f.start : f.end], f.source) for f in rules} == {("Lube", "proper-noun"),
                                                                  ("Intercourse", "proper-noun")}
    assert detect(TIPS) == []


class _Sure(learned.Reading):
    """A reading certain that every word of the text is no identifier."""

    def __init__(self, text: str) -> None:
        spans = learned.tokens(text)
        super().__init__([], [s for s, _ in spans], [e for _, e in spans], [1.0] * len(spans))


def _at(text: str, words: str, source: str, nth: int = 0) -> Finding:
    start = [m.start() for m in re.finditer(re.escape(words), text)][nth]
    return Finding("PERSON", start, start + len(words), 0.5, source)


def test_what_a_sure_reader_may_overrule():
    text = "Tea with Hope and Kettle, then Dr Thistle said kettle. Kettle Barnes signed."
    hope, kettle = _at(text, "Hope", "name-gazetteer"), _at(text, "Kettle", "proper-noun")
    title = _at(text, "Thistle", "title")  # a strong rule: a title before it
    assert detector._overruled(text, [hope, kettle, title], _Sure(text)) == [hope, title]
    # A word of a finding that stays is a name everywhere: "Kettle Barnes" keeps "Kettle".
    signed = _at(text, "Kettle Barnes", "signature")
    assert kettle in detector._overruled(text, [kettle, signed], _Sure(text))


def test_sure_nothing_needs_every_token_of_the_span_sure():
    text = "Lube is fine"
    spans = learned.tokens(text)
    sure, unsure = learned.SURE_NOTHING, learned.SURE_NOTHING - 0.005
    reading = learned.Reading([], [s for s, _ in spans], [e for _, e in spans], [sure, unsure, 1.0])
    assert reading.sure_nothing(0, 4)  # "Lube": just SURE_NOTHING
    assert not reading.sure_nothing(0, 7)  # "Lube is": "is" a little less
    assert reading.sure_nothing(8, 12) and not reading.sure_nothing(4, 5)  # a space holds no token


def test_off_is_the_rules_alone(monkeypatch):
    monkeypatch.setenv("STORIES_DETECT_LEARNED", "off")
    assert not learned.active()
    assert all(f.source != learned.SOURCE for f in detect(RIVER + " " + PIDGIN))


def test_without_the_model_file_detection_is_the_rules_alone(monkeypatch, tmp_path):
    rules = _rules(RIVER, monkeypatch)
    monkeypatch.setattr(learned, "MODEL", tmp_path / "missing.crfsuite")
    learned.reset()
    try:
        assert not learned.available() and not learned.active()
        assert detect(RIVER) == rules
    finally:
        monkeypatch.undo()
        learned.reset()
    assert learned.available()


def test_each_thread_tags_with_its_own_tagger():
    """A tagger keeps the sequence it tagged last: two sessions must never share one."""
    mine, theirs = learned.tagger(), []
    worker = threading.Thread(target=lambda: theirs.append(learned.tagger()))
    worker.start()
    worker.join()
    assert mine is not None and theirs[0] is not None and theirs[0] is not mine
    assert learned.tagger() is mine


def test_a_failing_reader_fails_closed(monkeypatch):
    def broken(_text):
        raise RuntimeError("model file damaged")

    monkeypatch.setattr(detector, "read_learned", broken)
    assert [(f.start, f.end, f.source) for f in detect(RIVER)] == [(0, len(RIVER), "detector-error")]


def test_its_spans_are_whole_tokens_of_known_kinds_and_repeatable():
    text = RIVER + "\n\n" + PIDGIN + " " + handwritten.load_half("dev")[0]["text"]
    found = learned.find_learned(text)
    assert found and found == learned.find_learned(text)
    starts = {s for s, _ in learned.tokens(text)}
    ends = {e for _, e in learned.tokens(text)}
    for f in found:
        assert f.kind in KINDS and f.source == learned.SOURCE
        assert f.start in starts and f.end in ends


@pytest.mark.parametrize("text", HOSTILE,
                         ids=["letters", "digits", "digit-words", "capitals", "brackets", "titles", "lines"])
def test_hostile_input_of_the_largest_size_gives_findings_inside_the_text(text):
    for f in detect(text):
        assert 0 <= f.start < f.end <= len(text)


def test_capitals_are_read_as_the_rules_read_them():
    """The reader sees the recased shadow, so a shouted story is no wall of findings."""
    text = PIDGIN.upper()
    assert {f.kind for f in detect(text)} <= {"PERSON", "AGE", "LOCATION"}
    assert any(f.kind == "AGE" and text[f.start : f.end] == "31" for f in detect(text))


def test_token_labels_mark_the_first_and_following_tokens_of_a_span():
    text = "Seen at St Mary's in Leeds."
    spans = learned.tokens(text)
    labels = train_learned.token_labels(spans, [{"start": 8, "end": 17, "kind": "FACILITY"},
                                                {"start": 21, "end": 26, "kind": "LOCATION"}])
    assert list(zip([text[s:e] for s, e in spans], labels, strict=True)) == [
        ("Seen", "O"), ("at", "O"), ("St", "B-FACILITY"), ("Mary", "I-FACILITY"), ("'", "I-FACILITY"),
        ("s", "I-FACILITY"), ("in", "O"), ("Leeds", "B-LOCATION"), (".", "O")]


def test_training_is_deterministic(tmp_path):
    records = handwritten.load_half("dev")[:20]
    train_learned.train(records, tmp_path / "a.crfsuite")
    train_learned.train(records, tmp_path / "b.crfsuite")
    assert (tmp_path / "a.crfsuite").read_bytes() == (tmp_path / "b.crfsuite").read_bytes()


def test_switching_it_is_a_new_detector_and_db_rescan_brings_the_queue_up_to_date(db_url, monkeypatch):
    """A story whose only identifier the reader finds is hidden from "with findings only"
    while it is off; after switching it on, `db rescan` shows it."""
    monkeypatch.setenv("STORIES_DETECT_LEARNED", "off")
    off = detector_fingerprint()
    body = "I kept going. " * 4 + RIVER + " The physio helped."
    receipt = submit(body=body, title="Running again", display_name="R.")
    mod = staff()
    with transaction() as s:
        assert [i.id for i in queue(who=mod, session=s, with_findings_only=True)] == []
    monkeypatch.setenv("STORIES_DETECT_LEARNED", "on")
    assert detector_fingerprint() != off
    done = subprocess.run([sys.executable, "-m", "stories", "db", "rescan"], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert "rescanned 1 revision" in done.stdout
    with transaction() as s:
        items = queue(who=mod, session=s, with_findings_only=True)
    assert [i.id for i in items] == [receipt.story_id] and "LOCATION:1" in items[0].findings
    assert "Brisbane" not in done.stdout + done.stderr


def test_the_switch_is_read_through_the_settings_table(monkeypatch):
    monkeypatch.delenv("STORIES_DETECT_LEARNED", raising=False)
    assert setting_value("STORIES_DETECT_LEARNED") == "on"
    monkeypatch.setenv("STORIES_DETECT_LEARNED", " OFF ")
    assert setting_value("STORIES_DETECT_LEARNED") == "off"
    monkeypatch.setenv("STORIES_DETECT_LEARNED", "maybe")
    with pytest.raises(SettingInvalid, match="STORIES_DETECT_LEARNED must be one of on, off"):
        detect(RIVER)


def test_the_setting_is_checked():
    bad = subprocess.run([sys.executable, "-c", "from stories.config import get_settings; get_settings()"],
                         cwd=ROOT, capture_output=True, text=True, env={"STORIES_DETECT_LEARNED": "maybe",
                                                                         "PATH": "/usr/bin"})
    assert bad.returncode != 0 and "STORIES_DETECT_LEARNED must be one of on, off" in bad.stderr

