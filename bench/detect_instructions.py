"""CPU instructions per story of `stories.detect.detect`, counted by valgrind.

Run: `.venv/bin/python bench/detect_instructions.py [--stories 100]`

Wall-clock throughput depends on the host (the same code measured 592 and
1,350 stories/s on two machines of this project's class) and on what else
runs; an instruction count does not.  The script runs a driver twice under
`valgrind --tool=callgrind`: both warm up on 50 corpus stories (and on one
in capitals, which loads the tables text in capitals reads once per process),
then one detects N more stories and the other none; the difference divided by N is
the cost of one story, start-up excluded.  Needs valgrind (`apt-get install
valgrind`); takes about half a minute.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_DRIVER = """
import sys
sys.path[:0] = [{root!r}, {bench!r}]
from corpus import generate
from stories.detect import detect
texts = [s.text for s in generate(50 + {n_max}, 0)]
for text in texts[:50]:
    detect(text)
detect(texts[0].upper())  # tables loaded on first use by text in capitals: a one-time cost
for text in texts[50:50 + {n}]:
    detect(text)
"""


def _instructions(n: int, n_max: int, workdir: str, learned: str) -> int:
    """Total instructions of a driver process that detects `n` stories after the warm-up."""
    out = os.path.join(workdir, f"callgrind.{n}.out")
    code = _DRIVER.format(root=str(ROOT), bench=str(ROOT / "bench"), n=n, n_max=n_max)
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", code],
        capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONHASHSEED": "0", "STORIES_DETECT_LEARNED": learned},
    )
    match = re.search(r"Collected : (\d+)", proc.stderr)
    if not match:
        sys.exit(f"could not read valgrind's count:\n{proc.stderr[-2000:]}")
    return int(match.group(1))


def per_story(stories: int = 100, learned: str = "off") -> float:
    """Instructions per story (needs valgrind; about a minute), with the learned reader
    `learned` ("on" or "off")."""
    with tempfile.TemporaryDirectory(prefix="detect-ir-") as tmp:
        base = _instructions(0, stories, tmp, learned)
        total = _instructions(stories, stories, tmp, learned)
    return (total - base) / stories


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=100)
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    for learned in ("off", "on"):
        print(f"detector, learned reader {learned}: {per_story(args.stories, learned) / 1e6:.2f} M "
              f"instructions per story (callgrind, {args.stories} corpus stories of ~300 words "
              "after 50 warm-up stories)")


if __name__ == "__main__":
    main()
