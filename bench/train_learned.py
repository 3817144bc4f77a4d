"""Train the detector's learned reader (`stories/detect/learned.py`) on the development half.

Run after the development half changes (a test fails until you do):

    .venv/bin/python bench/train_learned.py

It reads only `tests/data/handwritten/dev/` (never the test half), turns each story, as
`detect()` shows it to the reader, into tokens with the runtime's own feature code
(`learned.features`), labels each token ``B-KIND`` / ``I-KIND`` / ``O`` from its spans,
trains a linear-chain CRF with python-crfsuite (L-BFGS, elastic net) and writes
`stories/detect/data/learned.crfsuite` and `learned.json` (the hash of the corpus it
learned from and the parameters).  Training is deterministic for a given corpus; it takes
a few minutes on one core.

``--until N`` trains on the stories numbered up to N only and writes to ``--out``, for
measuring the reader on later stories it never saw (`bench/external_corpora.py --learned`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _p in (str(ROOT), str(ROOT / "bench")):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import handwritten  # noqa: E402
import pycrfsuite  # noqa: E402

from stories.detect import learned  # noqa: E402
from stories.detect.lowercase_text import normal_case  # noqa: E402
from stories.detect.shadow import build_shadow  # noqa: E402

#: L1 and L2 weights and iterations (chosen on dev stories 1-1050 against 1051-1440).
PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
META = learned.MODEL.with_suffix(".json")


def token_labels(spans: list[tuple[int, int]], gold: list[dict]) -> list[str]:
    """B-/I-KIND for every token a gold span touches, O for the rest."""
    labels = ["O"] * len(spans)
    for span in gold:
        first = True
        for i, (s, e) in enumerate(spans):
            if s < span["end"] and e > span["start"]:
                labels[i] = ("B-" if first else "I-") + span["kind"]
                first = False
    return labels


def reading(text: str) -> str:
    """What `detect()` shows the learned reader: the shadow in normal case (capitals
    recased, a story in lowercase read as in capitals), where that keeps every offset
    (nearly every story); else the text as written."""
    shadow = build_shadow(text)
    return normal_case(shadow.text) if shadow.aligned else text


def train(records: list[dict], out: Path) -> None:
    """Train on `records` and write the model to `out`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for record in records:
        text = reading(record["text"])
        spans = learned.tokens(text)
        trainer.append(learned.features(text, spans), token_labels(spans, record["spans"]))
    trainer.set_params(PARAMS)
    trainer.train(str(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--until", type=int, help="train on stories numbered up to N only")
    parser.add_argument("--out", type=Path, help="where to write the model (required with --until)")
    args = parser.parse_args()
    if args.until is not None and args.out is None:
        parser.error("--until needs --out: the committed model is trained on the whole half")
    records = handwritten.load_half("dev")
    if args.until is not None:
        records = [r for r in records if handwritten.story_number(r["id"]) <= args.until]
    out = args.out or learned.MODEL
    started = time.process_time()
    train(records, out)
    seconds = time.process_time() - started
    if args.out is None:
        META.write_text(json.dumps({"corpus": handwritten.half_digest("dev"), "stories": len(records),
                                    "params": PARAMS}, indent=1, sort_keys=True) + "\n")
    print(f"trained on {len(records)} stories in {seconds:.0f} s of CPU; wrote {out} "
          f"({out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
