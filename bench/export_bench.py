"""Static-site export of 10,000 approved stories, then a re-export with no change.

Run: `.venv/bin/python bench/export_bench.py [--database-url URL] [--stories 10000]`

Seeds a temporary database with approved, signed-off, redacted stories
(`common.bulk_seed`), exports them with `export_site` (which re-checks
consent, sign-off and re-scans every text for identifiers) into a temporary
folder, then exports again: the second run must write no file, which is
checked on the files' modification times and the manifest's.
Targets: first export < 10 s, re-export < 2 s.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from common import backend, bulk_seed, parser, temporary_database, verdict
from machine import describe

from stories.db import get_engine, transaction
from stories.export import export_site
from stories.export_files import MANIFEST

FULL = 10_000
TARGET_FIRST_S = 10.0
TARGET_AGAIN_S = 2.0


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def run(url: str | None, n: int = 10_000, fmt: str = "jekyll") -> dict:
    with temporary_database(url), tempfile.TemporaryDirectory(prefix="stories-site-") as tmp:
        t0 = time.perf_counter()
        bulk_seed(get_engine(), n, only_status="approved")
        seeded = time.perf_counter() - t0
        out = Path(tmp) / "site"

        t0 = time.perf_counter()
        with transaction() as s:
            first = export_site(out, fmt, session=s)
        first_s = time.perf_counter() - t0
        assert not first.refused, first.refused[:5]
        assert len(first.written) == n, (len(first.written), n)
        with transaction() as s:  # anchors the first run's own audit events (the publications)
            settle = export_site(out, fmt, session=s)
        assert settle.written == [], settle.written[:5]  # no story file is rewritten for that
        before = _mtimes(out)
        assert len(before) == n + 1 and MANIFEST in before  # the stories and the manifest

        time.sleep(0.05)  # so any rewrite would show in the mtimes
        t0 = time.perf_counter()
        with transaction() as s:
            again = export_site(out, fmt, session=s)
        again_s = time.perf_counter() - t0
        after = _mtimes(out)
        rewritten = sorted(name for name in before if after.get(name) != before[name])
        size_mb = sum(os.path.getsize(out / name) for name in before) / 1e6
    return {
        "backend": backend(url), "stories": n, "seed_s": seeded, "first_s": first_s,
        "again_s": again_s, "written_again": len(again.written), "unchanged": again.unchanged,
        "rewritten": rewritten, "size_mb": size_mb,
    }


def report(r: dict) -> list[str]:
    n = r["stories"]
    scale = "" if n == FULL else (f" (scaled run: {1000 * r['first_s'] / n:.1f} ms/story, "
                                  f"about {r['first_s'] * FULL / n:.0f} s for {FULL:,})")
    scale_again = "" if n == FULL else f" (about {r['again_s'] * FULL / n:.0f} s for {FULL:,})"
    first_ok = verdict(r["first_s"] * FULL / n, TARGET_FIRST_S)
    again_ok = verdict(r["again_s"] * FULL / n, TARGET_AGAIN_S) if not r["rewritten"] else "MISSED"
    untouched = "no file touched (mtimes equal)" if not r["rewritten"] else \
        f"{len(r['rewritten'])} files touched!"
    return [
        f"export [{r['backend']}]: {r['stories']} approved stories seeded in {r['seed_s']:.1f} s",
        f"  first export: {r['first_s']:.2f} s ({r['size_mb']:.1f} MB){scale}; "
        f"target < {TARGET_FIRST_S:.0f} s for {FULL:,}: {first_ok}",
        f"  re-export, no change: {r['again_s']:.2f} s{scale_again}, {r['written_again']} written, "
        f"{r['unchanged']} unchanged, {untouched}; target < {TARGET_AGAIN_S:.0f} s: {again_ok}",
    ]


def main() -> None:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--stories", type=int, default=FULL,
                   help="how many approved stories (targets are for 10,000; a smaller run is "
                        "extrapolated linearly and says so)")
    args = p.parse_args()
    print(describe(), flush=True)
    print("\n".join(report(run(args.database_url, args.stories))))


if __name__ == "__main__":
    main()
