"""Submissions per second through the service layer (clean + detect + store + audit).

Run: `.venv/bin/python bench/submit_bench.py [--database-url URL] [--n 400] [--threads 4] [--passes 3]`

Each story is one `submit_story` call in its own transaction, exactly as the
"Share your story" page does it, on a temporary database (SQLite file by
default; a temporary schema on the PostgreSQL server given).  Also reports the
share of the time spent cleaning and a concurrent run with a thread pool.  The
sequential figure is the best of `--passes` passes of `--n` new stories each.
Target: >= 200 stories/s on SQLite.
"""

from __future__ import annotations

import statistics
import time
from concurrent.futures import ThreadPoolExecutor

from common import backend, parser, temporary_database, verdict
from machine import describe
from sqlalchemy import func
from sqlmodel import select

from stories.db import get_engine, transaction
from stories.demo import forms
from stories.fields import clean_story
from stories.models import Story
from stories.submission import submit_story

TARGET_PER_S = {"sqlite": 200.0, "postgresql": 200.0}


def _submit(form) -> None:
    with transaction() as s:
        submit_story(form, session=s)


def run(url: str | None, n: int = 400, threads: int = 4, passes: int = 3) -> dict:
    """Time `passes` x `n` sequential and `n` threaded submissions; return the figures.

    The machine is a shared VM: the best sequential pass is the least disturbed
    one and is the figure; the median is reported beside it.
    """
    with temporary_database(url):
        batch = forms((passes + 1) * n + 20, seed=99)
        for form in batch[:20]:  # warm-up: imports, detector tables, connection pool
            _submit(form)
        t0 = time.perf_counter()
        for form in batch[20:20 + n]:
            clean_story(form.title, form.body)
        cleaning = time.perf_counter() - t0

        times = []
        for k in range(passes):
            t0 = time.perf_counter()
            for form in batch[20 + k * n:20 + (k + 1) * n]:
                _submit(form)
            times.append(time.perf_counter() - t0)
        sequential = min(times)

        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(_submit, batch[20 + passes * n:]))
        threaded = time.perf_counter() - t0
        with transaction(get_engine()) as s:
            stored = s.exec(select(func.count()).select_from(Story)).one()
    assert stored == (passes + 1) * n + 20, stored
    kind = backend(url)
    return {
        "backend": kind, "n": n, "per_s": n / sequential, "ms_each": 1000 * sequential / n,
        "median_per_s": n / statistics.median(times), "passes": passes,
        "clean_share": cleaning / sequential, "threaded_per_s": n / threaded, "threads": threads,
        "target": TARGET_PER_S[kind],
    }


def report(r: dict) -> str:
    return (f"submit [{r['backend']}]: {r['per_s']:.0f} stories/s sequential "
            f"({r['ms_each']:.1f} ms each, best of {r['passes']} passes, median {r['median_per_s']:.0f}/s; "
            f"{100 * r['clean_share']:.0f}% cleaning+sanitizing), "
            f"{r['threaded_per_s']:.0f} stories/s with {r['threads']} threads; "
            f"target >= {r['target']:.0f}/s: {verdict(r['per_s'], r['target'], True)}")


def main() -> None:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=400)
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--passes", type=int, default=3)
    args = p.parse_args()
    print(describe(), flush=True)
    print(report(run(args.database_url, args.n, args.threads, args.passes)))


if __name__ == "__main__":
    main()
