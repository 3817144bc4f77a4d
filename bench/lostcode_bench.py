"""Lost-code requests: the answer takes as long for a known address as for an unknown one.

Times `stories.notify.lostcode.request_codes` (one transaction each, as the
page calls it) for an address that belongs to stories and for one that does
not, interleaved, and prints the medians and their difference.  The rate
limits are lifted for the measurement only (same code path, more samples).

    .venv/bin/python bench/lostcode_bench.py [--requests 300] [--database-url postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import temporary_database  # noqa: E402
from stories.db import transaction  # noqa: E402
from stories.demo import forms  # noqa: E402
from stories.notify import lostcode, optin  # noqa: E402
from stories.submission import submit_story  # noqa: E402


def timed(address: str, n: int) -> float:
    start = time.perf_counter()
    with transaction() as session:
        lostcode.request_codes(address, f"client-{n}", session=session)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    lostcode.CLIENT_LIMIT = lostcode.ADDRESS_LIMIT = 10**9
    with temporary_database(args.database_url):
        for form in forms(3, seed=11):
            form.contact_email = "known@example.org"
            with transaction() as session:
                receipt = submit_story(form, session=session)
                optin.after_submit(receipt.story_id, True, session=session)
        known, unknown = [], []
        for n in range(args.requests):
            known.append(timed("known@example.org", 2 * n))
            unknown.append(timed("unknown@example.org", 2 * n + 1))
    k, u = statistics.median(known) * 1000, statistics.median(unknown) * 1000
    print(f"{args.requests} requests each: median known {k:.2f} ms, unknown {u:.2f} ms, "
          f"difference {k - u:+.2f} ms")


if __name__ == "__main__":
    main()
