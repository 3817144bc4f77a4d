"""The moderation queue and the review page with 50,000 stories in the database.

Run: `.venv/bin/python bench/queue_bench.py [--database-url URL] [--stories 50000]`

Seeds a temporary database: the bulk with SQLAlchemy Core (`common.bulk_seed`:
valid stories, revisions, consents and a chained audit trail, in a realistic
mix of statuses), then a few stories through the real services (submit,
redact, sign-off, approve).  Times the read services (`status_counts`,
`queue`, `review`), then one run of the Queue page and of the Review page in
Streamlit's `AppTest`, signed in through `st.session_state["staff_token"]`.
Targets: each page run < 300 ms.
"""

from __future__ import annotations

import logging
import time

from common import ROOT, backend, bulk_seed, parser, temporary_database, timed, verdict
from machine import describe

from cli.cmd_demo import approve_all_the_way
from moderation.accounts import add_staff
from moderation.login import attempt_login
from moderation.queue import queue, review, status_counts
from stories.audit import verify_chain
from stories.db import get_engine, transaction
from stories.demo import forms
from stories.submission import submit_story

TARGET_MS = 300.0
PASSWORD = "benchmark password, long enough"
APP = ROOT / "app.py"


def seed(n: int) -> tuple[float, list[int]]:
    """Bulk rows plus 10 stories through the services; return seconds and those ids."""
    t0 = time.perf_counter()
    bulk_seed(get_engine(), n - 10)
    print(f"  bulk-inserted {n - 10} stories in {time.perf_counter() - t0:.1f} s", flush=True)
    ids = []
    for i, form in enumerate(forms(10, seed=123)):
        with transaction() as s:
            receipt = submit_story(form, session=s)
        if i % 2:
            approve_all_the_way(receipt.story_id, receipt.code)
        ids.append(receipt.story_id)
    return time.perf_counter() - t0, ids


def _app_test(token: str, **state):
    from streamlit.testing.v1 import AppTest

    for name in list(logging.root.manager.loggerDict):  # "missing ScriptRunContext" noise
        if name.startswith("streamlit"):
            logging.getLogger(name).setLevel(logging.ERROR)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["staff_token"] = token
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    return at


def page_time(token: str, page: str, check, repeat: int = 4, **state) -> tuple[float, float]:
    """(first, median) ms of `switch_page(page).run()` in a signed-in AppTest.

    `check(at)` asserts the page really showed its content (not a login prompt).
    """
    times = []
    for _ in range(repeat):
        at = _app_test(token, **state)
        t0 = time.perf_counter()
        at.switch_page(f"app_pages/{page}.py").run()
        times.append((time.perf_counter() - t0) * 1000)
        assert not at.exception, [e.value for e in at.exception]
        assert not at.error, [e.value for e in at.error]
        check(at)
    rest = sorted(times[1:]) or times
    return times[0], rest[len(rest) // 2]


def run(url: str | None, n: int = 50_000) -> dict:
    with temporary_database(url):
        seconds, ids = seed(n)
        with transaction() as s:
            who = add_staff("bench-mod", PASSWORD, "moderator", session=s)
        with transaction() as s:
            token = attempt_login("bench-mod", PASSWORD, session=s)
            chain = verify_chain(s)
        assert token and chain.ok, chain
        figures = {"backend": backend(url), "stories": n, "seed_s": seconds}

        def services_queue():
            with transaction() as s:
                return status_counts(who=who, session=s), queue(who=who, session=s)

        def services_review():
            with transaction() as s:
                return review(ids[0], who=who, session=s)

        _, figures["svc_queue_ms"], (counts, items) = timed(services_queue)
        assert sum(counts.values()) == n and len(items) == 50, (counts, len(items))
        _, figures["svc_review_ms"], view = timed(services_review)
        assert view.story.id == ids[0]
        have_pages = (ROOT / "app_pages" / "queue.py").exists()
        if have_pages:
            def queue_shown(at):
                assert len(at.dataframe[0].value) == 50 and at.metric, "queue not shown"

            def review_shown(at):
                assert any(view.revision.title in h.value for h in at.html), "review not shown"
                assert any(b.label for b in at.button), "no action buttons"

            figures["page_queue_first_ms"], figures["page_queue_ms"] = page_time(
                token, "queue", queue_shown)
            figures["page_review_first_ms"], figures["page_review_ms"] = page_time(
                token, "review", review_shown, review_story_id=ids[0])
        return figures


def report(r: dict) -> list[str]:
    lines = [
        f"queue [{r['backend']}]: {r['stories']} stories seeded in {r['seed_s']:.1f} s",
        f"  services: status_counts+queue {r['svc_queue_ms']:.1f} ms, review {r['svc_review_ms']:.1f} ms",
    ]
    for page in ("queue", "review"):
        key = f"page_{page}_ms"
        if key in r:
            first = r[f"page_{page}_first_ms"]
            lines.append(f"  AppTest {page} page: {r[key]:.0f} ms (first run {first:.0f} ms); "
                         f"target < {TARGET_MS:.0f} ms: {verdict(r[key], TARGET_MS)}")
        else:
            lines.append(f"  AppTest {page} page: not timed (app_pages/{page}.py missing)")
    return lines


def main() -> None:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--stories", type=int, default=50_000)
    args = p.parse_args()
    print(describe(), flush=True)
    print("\n".join(report(run(args.database_url, args.stories))))


if __name__ == "__main__":
    main()
