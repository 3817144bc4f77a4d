"""Benchmark 4: the served app under N concurrent browser sessions submitting the form.

Starts `streamlit run server.py` on 127.0.0.1 with a fresh SQLite database,
opens N Chromium pages (one browser, one context each, so N real Streamlit
sessions over the real websocket), and has every session submit the "Share
your story" form K times.  Bounded in count (N*K submissions) and in time
(--max-seconds).  Prints submits/s, p50/p95 latency from the click on "Send my
story" to the receipt on screen, and the server's resident memory.

Usage:  .venv/bin/python bench/served_bench.py [--sessions 4] [--per-session 3]
        [--post-script-gc true|false]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from machine import describe
from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
BODY = ("For years I could not tell anyone about the pain. The physiotherapy and the dilators "
        "helped slowly, and today I want others to know they are not alone. Session {n}.")


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (from /proc)."""
    total = 0
    for proc in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{proc}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def start_server(data: Path, port: int, post_script_gc: str) -> subprocess.Popen:
    env = {**os.environ, "STORIES_DATA_DIR": str(data), "STORIES_MODE": "demo",
           "STORIES_SUBMIT_LIMIT": "100000", "STORIES_DATABASE_URL": f"sqlite:///{data}/stories.db"}
    env.pop("STORIES_ENCRYPTION_KEY", None)
    subprocess.run([sys.executable, "-m", "stories", "db", "upgrade"], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "server.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--runner.postScriptGC", post_script_gc],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):  # noqa: S310
                return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("server did not start")


async def tick(page, label: str) -> None:
    await page.locator('[data-testid="stCheckbox"]', has_text=label).locator("label").click()


async def fill_and_send(page, n: int) -> float:
    """Fill the required fields, click send, return seconds until the receipt shows."""
    await page.get_by_label("Title", exact=True).fill(f"Benchmark story {n}")
    await page.get_by_label("Your story (up to 20,000 characters)", exact=True).fill(BODY.format(n=n))
    await tick(page, "The clinic's website (required to publish your story)")
    await page.locator('[data-testid="stRadio"] label', has_text="No, I have no connection").first.click()
    await tick(page, "I confirm that I am the patient who wrote this story")
    await tick(page, "I confirm that I am 18 or older.")
    await page.get_by_label("Type your full name as your signature (never published)").fill("Bench Mark")
    started = time.perf_counter()
    await page.get_by_role("button", name="Send my story", exact=True).click()
    await page.get_by_text("Thank you. Your story has reached us safely.").first.wait_for(timeout=120_000)
    return time.perf_counter() - started


async def session(browser, url: str, index: int, per_session: int, deadline: float,
                  latencies: list[float]) -> None:
    context = await browser.new_context(viewport={"width": 1100, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(120_000)
    for k in range(per_session):
        if time.monotonic() > deadline:
            break
        await page.goto(url, wait_until="domcontentloaded")
        await page.get_by_label("Title", exact=True).wait_for()
        latencies.append(await fill_and_send(page, index * 1000 + k))
    await context.close()


async def drive(url: str, sessions: int, per_session: int, max_seconds: float) -> tuple[list[float], float]:
    latencies: list[float] = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        deadline = time.monotonic() + max_seconds
        started = time.perf_counter()
        await asyncio.gather(*(session(browser, url, i, per_session, deadline, latencies)
                               for i in range(sessions)))
        elapsed = time.perf_counter() - started
        await browser.close()
    return latencies, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--per-session", type=int, default=3)
    parser.add_argument("--post-script-gc", default="true", choices=("true", "false"))
    parser.add_argument("--max-seconds", type=float, default=240)
    parser.add_argument("--port", type=int, default=8799)
    args = parser.parse_args()
    print(describe(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        proc = start_server(Path(tmp), args.port, args.post_script_gc)
        try:
            idle = rss_mb(proc.pid)
            latencies, elapsed = asyncio.run(drive(f"http://127.0.0.1:{args.port}/", args.sessions,
                                                   args.per_session, args.max_seconds))
            busy = rss_mb(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    done = len(latencies)
    p95 = statistics.quantiles(latencies, n=20)[-1] if done >= 2 else float("nan")
    print(f"served app, runner.postScriptGC={args.post_script_gc}: {args.sessions} sessions x "
          f"{args.per_session} submissions")
    print(f"  submissions   {done} in {elapsed:.1f} s (whole sessions incl. page loads and typing)")
    print(f"  throughput    {done / elapsed:.2f} submits/s")
    print(f"  latency       p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms "
          "(click on Send -> receipt shown)")
    print(f"  server memory {idle:.0f} MB idle -> {busy:.0f} MB after the run (RSS)")


if __name__ == "__main__":
    main()
