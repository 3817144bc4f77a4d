"""Run the database benchmarks (submit, queue, export) and print a summary table.

Run: `.venv/bin/python bench/run_all.py [--database-url URL] [--full]`

Always on a temporary SQLite file; with `--database-url`, on a temporary
schema of that PostgreSQL server as well.  Without `--full` the export runs on
2,000 stories and extrapolates to the 10,000 of its target (saying so), to keep
the whole run within a few minutes on a small machine.
"""

from __future__ import annotations

import argparse
import time

import export_bench
import queue_bench
import submit_bench
from common import verdict
from machine import describe


def _rows(kind: str, sub: dict, que: dict, exp: dict) -> list[tuple[str, str, str, str, str]]:
    scale = exp["stories"] / export_bench.FULL
    scaled = "" if scale == 1 else f" (x{1 / scale:g} from {exp['stories']:,})"
    rows = [
        ("submit (sequential)", kind, f"{sub['per_s']:.0f} stories/s", ">= 200/s",
         verdict(sub["per_s"], submit_bench.TARGET_PER_S[kind], True)),
        (f"submit ({sub['threads']} threads)", kind, f"{sub['threaded_per_s']:.0f} stories/s", "-", ""),
        (f"queue services ({que['stories']:,})", kind, f"{que['svc_queue_ms']:.0f} ms", "-", ""),
        (f"review service ({que['stories']:,})", kind, f"{que['svc_review_ms']:.0f} ms", "-", ""),
    ]
    for page in ("queue", "review"):
        key = f"page_{page}_ms"
        if key in que:
            rows.append((f"{page} page, AppTest ({que['stories']:,})", kind, f"{que[key]:.0f} ms",
                         "< 300 ms", verdict(que[key], queue_bench.TARGET_MS)))
    first, again = exp["first_s"] / scale, exp["again_s"] / scale
    rows += [
        (f"export 10,000{scaled}", kind, f"{first:.1f} s", "< 10 s",
         verdict(first, export_bench.TARGET_FIRST_S)),
        (f"re-export, no change{scaled}", kind, f"{again:.1f} s, {len(exp['rewritten'])} files touched",
         "< 2 s, 0 files", verdict(again, export_bench.TARGET_AGAIN_S) if not exp["rewritten"]
         else "MISSED"),
    ]
    return rows


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--database-url", default=None, help="also run on this PostgreSQL server")
    p.add_argument("--full", action="store_true", help="export the full 10,000 stories")
    args = p.parse_args()
    print(describe(), flush=True)
    export_n = export_bench.FULL if args.full else 2_000
    rows = []
    started = time.perf_counter()
    for url in [None] + ([args.database_url] if args.database_url else []):
        kind = "postgresql" if url else "sqlite"
        print(f"== {kind}", flush=True)
        sub = submit_bench.run(url)
        print(submit_bench.report(sub), flush=True)
        que = queue_bench.run(url)
        print("\n".join(queue_bench.report(que)), flush=True)
        exp = export_bench.run(url, export_n)
        print("\n".join(export_bench.report(exp)), flush=True)
        rows += _rows(kind, sub, que, exp)
    widths = [max(len(r[i]) for r in [("benchmark", "db", "result", "target", "")] + rows)
              for i in range(5)]
    print()
    for row in [("benchmark", "db", "result", "target", ""), tuple("-" * w for w in widths)] + rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    print(f"\n(total {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
