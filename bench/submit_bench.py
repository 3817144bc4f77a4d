"""Submissions per second through the service layer (clean + detect + store + audit).

Run: `.venv/bin/python bench/submit_bench.py [--database-url URL] [--n 400] [--threads 1]`

Each story is one `submit_story` call in its own transaction, exactly as the
"Share your story" page does it, on a temporary database (SQLite file by
default; a temporary schema on the PostgreSQL server given).  Also reports the
share of the time spent outside the database (cleaning and detection) and a
concurrent run with a thread pool.  Target: >= 200 stories/s on SQLite.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from common import backend, parser, temporary_database, verdict
from machine import describe
from sqlalchemy import func
from sqlmodel import select

from stories.db import get_engine, transaction
from stories.demo import forms
from stories.models import Story
from stories.submission import clean_story, submit_story

TARGET_PER_S = {"sqlite": 200.0, "postgresql": 200.0}


def _submit(form) -> None:
    with transaction() as s:
        submit_story(form, session=s)


def run(url: str | None, n: int = 400, threads: int = 4) -> dict:
    """Time `n` sequential and `n` threaded submissions; return the figures."""
    with temporary_database(url):
        batch = forms(2 * n + 20, seed=99)
        for form in batch[:20]:  # warm-up: imports, detector tables, connection pool
            _submit(form)
        t0 = time.perf_counter()
        for form in batch[20:20 + n]:
            clean_story(form.title, form.body)
        cleaning = time.perf_counter() - t0

        t0 = time.perf_counter()
        for form in batch[20:20 + n]:
            _submit(form)
        sequential = time.perf_counter() - t0

        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(_submit, batch[20 + n:]))
        threaded = time.perf_counter() - t0
        with transaction(get_engine()) as s:
            stored = s.exec(select(func.count()).select_from(Story)).one()
    assert stored == 2 * n + 20, stored
    kind = backend(url)
    return {
        "backend": kind, "n": n, "per_s": n / sequential, "ms_each": 1000 * sequential / n,
        "clean_share": cleaning / sequential, "threaded_per_s": n / threaded, "threads": threads,
        "target": TARGET_PER_S[kind],
    }


def report(r: dict) -> str:
    return (f"submit [{r['backend']}]: {r['per_s']:.0f} stories/s sequential "
            f"({r['ms_each']:.1f} ms each, {100 * r['clean_share']:.0f}% cleaning+sanitizing), "
            f"{r['threaded_per_s']:.0f} stories/s with {r['threads']} threads; "
            f"target >= {r['target']:.0f}/s: {verdict(r['per_s'], r['target'], True)}")


def main() -> None:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=400)
    p.add_argument("--threads", type=int, default=4)
    args = p.parse_args()
    print(describe(), flush=True)
    print(report(run(args.database_url, args.n, args.threads)))


if __name__ == "__main__":
    main()
