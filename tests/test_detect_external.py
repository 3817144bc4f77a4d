"""Regression guard: the detector on labelled text we did not write with our generator.

Scores `stories.detect.detect` with `bench/external_corpora.py` (the scoring of
`tests/data/phi/README.md`) on presidio-research's synthetic set and on the hand-written
story corpus, and fails when a figure falls below the floor recorded here.

The floors are the figures last measured (recorded in `MEASURED`), minus a margin of 0.005
(false alarms: plus 1 per 1,000 words).  Before issue #11's rule changes they were
presidio 0.801 / 0.867, dev 0.786 / 0.513 / 103.4, test 0.745 / 0.491 / 142.3; after the
first round presidio 0.830 / 0.909, dev 0.953 / 0.741 / 41.1, test 0.886 / 0.753 / 54.0;
after the second (40-story dev half) presidio 0.928 / 0.931, test 0.908 / 0.856 / 26.3;
after the fourth (300-story dev half) presidio 0.934 / 0.958, test 0.948 / 0.896 / 17.0;
after the sixth (420-story dev half) presidio 0.934 / 0.961, test 0.951 / 0.925 / 9.7;
after the eighth (630-story dev half) presidio 0.956 / 0.961, dev 0.973 / 0.928 / 6.4.
The development half in capitals has its own floor, so text written in capitals cannot
quietly lose what normal case finds.
Each floor holds twice: with the learned reader off (the rules alone) and on.
They are a ratchet, not the targets of issue #11
(recall >= 0.95 / 0.99, precision >= 0.90, <= 3 false alarms per 1,000 words): raise them
whenever the detector improves.  The test half is never used to choose rules; its floor only
catches a loss.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import external_corpora  # noqa: E402
import handwritten  # noqa: E402

MARGIN = 0.005
FA_MARGIN = 1.0
#: Measured with 5,580 dev stories (the reader trained on them and overruling weak
#: guesses), with the learned reader off (the rules alone) and on.  The reader learned
#: from the dev half, so its "on" dev row is no measurement, only a guard that the
#: shipped model still reads its features.  This round's rules moved the test half's
#: precision with the rules alone from 0.9182 to 0.9211 and its false alarms from 9.69 to
#: 9.00 per 1,000 words (headings in title case); retraining on 480 more stories moved its
#: false alarms with the reader from 6.92 to 5.88, recall unchanged (README).  Presidio's
#: false alarms with the reader move by whole templates with each retraining (25.08, then
#: 40.13 with the reader trained on 5,340 stories, now 10.03).
MEASURED = {
    "off": {
        "presidio_synth": {"recall": 0.9590, "precision": 0.9661, "fa_per_1000": 0.0},
        "dev": {"recall": 0.9560, "precision": 0.8839, "fa_per_1000": 9.73},
        "test": {"recall": 0.9538, "precision": 0.9211, "fa_per_1000": 9.00},
        "dev_caps": {"recall": 0.8981, "precision": 0.7491},
    },
    "on": {
        # (presidio's no-identifier records are few and short and repeat one template: the
        # reader reads "3... 2... 1... liftoff!" as a handle and an unfilled "{street_name}"
        # as a street; precision: "The Princess Royal arrived", eleven times, as a hospital)
        "presidio_synth": {"recall": 0.9724, "precision": 0.9466, "fa_per_1000": 10.03},
        "dev": {"recall": 0.9996, "precision": 0.8928, "fa_per_1000": 9.00},
        "test": {"recall": 0.9728, "precision": 0.9289, "fa_per_1000": 5.88},
        "dev_caps": {"recall": 0.9606, "precision": 0.7518},
    },
}

MODES = sorted(MEASURED)


@pytest.fixture(params=MODES)
def mode(request, monkeypatch) -> str:
    monkeypatch.setenv("STORIES_DETECT_LEARNED", request.param)
    return request.param


def _assert_floors(res: dict, measured: dict) -> None:
    assert res["recall"] >= measured["recall"] - MARGIN, res["per_kind"]
    assert res["precision"] >= measured["precision"] - MARGIN
    if "fa_per_1000" in measured:
        assert res["fa_per_1000"] <= measured["fa_per_1000"] + FA_MARGIN


def test_presidio_synth_holds(mode):
    records = external_corpora.load("presidio_synth")
    assert len(records) == 1500
    res = external_corpora.score(records)
    assert res["spans"] == 2464
    _assert_floors(res, MEASURED[mode]["presidio_synth"])


def test_handwritten_dev_half_holds(mode):
    records = external_corpora.load("dev")
    assert len(records) == 5580
    res = external_corpora.score(records)
    assert res["empty_records"] >= handwritten.MIN_NO_IDENTIFIER
    _assert_floors(res, MEASURED[mode]["dev"])


def test_handwritten_dev_half_in_capitals_holds(mode):
    records = external_corpora.in_capitals(external_corpora.load("dev"))
    assert len(records) >= 290  # a few stories change length in capitals ("ß") and are left out
    _assert_floors(external_corpora.score(records), MEASURED[mode]["dev_caps"])


@pytest.mark.skipif(not handwritten.story_files("test"), reason="no hand-written test half in this checkout")
def test_handwritten_test_half_holds(mode):
    records = external_corpora.load("test")
    res = external_corpora.score(records)
    assert res["spans"] > 0 and 0.0 <= res["recall"] <= 1.0 and 0.0 <= res["precision"] <= 1.0
    assert res["fa_per_1000"] is not None  # the half has stories without identifiers
    _assert_floors(res, MEASURED[mode]["test"])


def test_the_learned_reader_adds_recall_on_text_it_never_saw(monkeypatch):
    """What the reader is for: with it, recall on presidio's set is higher than without."""
    records = external_corpora.load("presidio_synth")
    recall = {}
    for mode in MODES:
        monkeypatch.setenv("STORIES_DETECT_LEARNED", mode)
        recall[mode] = external_corpora.score(records)["recall"]
    assert recall["on"] > recall["off"]


def test_scoring_follows_the_shared_definition():
    """Recall needs every counted word overlapped; filler words and neutral spans are free."""
    text = "Dr Amara Okafor at the Leeds General clinic in March 2019 as a Nigerian"
    record = {"id": "x", "text": text,
              "spans": [{"start": 0, "end": 15, "kind": "PERSON"},
                        {"start": 19, "end": 36, "kind": "FACILITY"},
                        {"start": 47, "end": 57, "kind": "DATE"}],
              "neutral": [{"start": 63, "end": 71}]}

    def predict(_text):  # "Amara Okafor", "Leeds", "March 2019 as a Nigerian"
        return [(3, 15), (23, 28), (47, 71)]

    res = external_corpora.score([record], predict)
    assert res["per_kind"] == {"DATE": (1.0, 1), "FACILITY": (0.0, 1), "PERSON": (1.0, 1)}
    # flagged words: Amara Okafor Leeds March 2019 as a Nigerian -> "as", "a" are false
    assert res["precision"] == pytest.approx(6 / 8)
    missed = external_corpora.misses([record], predict)
    assert [m["words"] for m in missed["missed"]] == ["the Leeds General"]
    assert [f["word"] for f in missed["false_alarms"]] == ["as", "a"]
