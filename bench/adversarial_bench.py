"""Worst-case timing of the text-safety layer on adversarial input at the size limit.

Run: `.venv/bin/python bench/adversarial_bench.py [--repeat 1]`

Every input is `MAX_BODY_CHARS` (20,000) characters of something that makes
parsers backtrack, recurse or re-scan: bracket and backtick floods, deep
quote/list nesting, ``<``/``&``/``{{`` floods, emphasis delimiters, one very
long line, entity chains, and mixes.  Each path runs on every input and the
worst wall-clock and CPU time per path are printed with the input that
caused it; the target is under one second of CPU per call (CPU time, because
the machine may be shared).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import commonmark  # noqa: E402
import markdown  # noqa: E402
from machine import describe  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402

from stories import migrate  # noqa: E402
from stories.config import MAX_BODY_CHARS  # noqa: E402
from stories.db import transaction  # noqa: E402
from stories.detect import detect  # noqa: E402
from stories.errors import InvalidInput  # noqa: E402
from stories.export import render_story  # noqa: E402
from stories.fields import clean_story  # noqa: E402
from stories.frontmatter import emit  # noqa: E402
from stories.markup import (  # noqa: E402
    highlight_html,
    render_diff_html,
    render_html,
    to_safe_markdown,
    unified_diff,
)
from stories.models import Revision, Story  # noqa: E402
from stories.redact import redact  # noqa: E402
from stories.submission import SubmissionForm, submit_story  # noqa: E402
from stories.textnorm import normalize_text  # noqa: E402

TARGET_SECONDS = 1.0
N = MAX_BODY_CHARS


def _fit(pattern: str) -> str:
    return (pattern * (N // len(pattern) + 1))[:N]


CASES: dict[str, str] = {
    "open-brackets": "[" * N,
    "bracket-pairs": _fit("[]("),
    "link-openers": _fit("[a]("),
    "backticks": "`" * N,
    "quote-nesting": ">" * N,
    "quote-nesting-spaced": _fit("> "),
    "star-nesting": _fit("* "),
    "dash-nesting": _fit("- "),
    "ordered-nesting": _fit("1. "),
    "indent-nesting": "".join(" " * (2 * i) + "- x\n" for i in range(400))[:N],
    "emphasis-stars": "*" * N,
    "emphasis-alternating": _fit("*a"),
    "emphasis-underscores": _fit("_a"),
    "less-than": "<" * N,
    "tag-openers": _fit("<a "),
    "comment-openers": _fit("<!--"),
    "ampersands": "&" * N,
    "entities": _fit("&lt;"),
    "entity-chain": "&" + "amp;" * ((N - 10) // 4) + "lt;b&gt;",
    "liquid": _fit("{{"),
    "liquid-tags": _fit("{% "),
    "backslashes": "\\" * N,
    "long-line-words": _fit("word "),
    "many-lines": _fit("a\n"),
    "blank-lines": "\n" * N,
    "headings": _fit("#"),
    "delimiters": _fit("---\n"),
    "invisible": _fit("a\u200b\u202e"),
    "mixed": _fit("> - [x](<b>&amp;{{ `*_~|:@$\\ "),
    "script-flood": _fit("<script>alert(1)</script>"),
    "digits-spaced": _fit("1 "),
    "digit-run": "7" * N,
    "at-dots": _fit("a@b."),
    "capitalized-words": _fit("Grace Hope "),
    "url-ish": _fit("www.a.co/"),
    # Floods aimed at the detector's widening of findings (stories/detect/widen.py).
    "address-units": "12 Elm Street" + _fit(", Apt 3")[: N - 13],
    "legal-forms": _fit("Dave KG "),
    "street-types": _fit("Calle de la Dave 5 Piso 3 "),
    "owner-joins": _fit("Hoàng và "),
}


def _spans(text: str) -> list[tuple[int, int, str]]:
    """A dense, overlapping set of findings over `text`."""
    return [(i, i + 7, "PERSON" if i % 2 else "DATE") for i in range(0, len(text) - 7, 5)]


def _renderers() -> dict[str, Callable[[str], str]]:
    return {
        "python-markdown(safe)": markdown.markdown,
        "markdown-it(safe)": MarkdownIt("commonmark", {"html": True}).render,
        "commonmark(safe)": commonmark.commonmark,
    }


def paths() -> dict[str, Callable[[str], object]]:
    """Path name -> callable on one untrusted text."""
    result: dict[str, Callable[[str], object]] = {
        "normalize_text": normalize_text,
        "to_safe_markdown": to_safe_markdown,
        "render_html[nh3]": lambda t: render_html(t, "nh3"),
        "render_html[bleach]": lambda t: render_html(t, "bleach"),
        "highlight_html": lambda t: highlight_html(t, _spans(t)),
        "render_diff_html": lambda t: render_diff_html(t, t[::-1]),
        "render_diff_html(edit)": lambda t: render_diff_html(t, t[: N // 2] + "x" + t[N // 2 :]),
        "unified_diff": lambda t: unified_diff(t, t[::-1]),
        "frontmatter.emit": lambda t: emit({"title": t[:120], "tags": [t[:40]]}, to_safe_markdown(t)),
    }
    for name, render in _renderers().items():  # the website's renderer on what we would export
        result[name] = lambda t, render=render: render(to_safe_markdown(_stored_body(t)))
    result.update(pipeline_paths())
    return result


def _stored_body(text: str) -> str:
    """What submission would store for `text`: normalized, otherwise as typed."""
    return normalize_text(text).strip()


def _quietly(run: Callable[[], object]) -> object:
    """Run one path; a refusal (InvalidInput) is an answer too, and a fast one."""
    try:
        return run()
    except InvalidInput:
        return None


def _export_file(text: str) -> str:
    story = Story(public_id="0123456789abcdef", receipt_hash="x", status="approved",
                  display_mode="anonymous", tags="", original_hash="")
    revision = Revision(story_id=1, number=1, title=text[:120], body=text, content_hash="h",
                        author_kind="patient")
    return render_story(story, revision, "jekyll", "none")[1]


def pipeline_paths() -> dict[str, Callable[[str], object]]:
    """The paths around the text functions: detection, redaction, submission, export."""
    return {
        "detect": detect,
        "redact(detect)": lambda t: redact(t, detect(t)),
        "clean_story(submit)": lambda t: _quietly(lambda: clean_story(t[:120], t)),
        "submit_story(store)": _submit_and_store,
        "export file": _export_file,
    }


def _submit_and_store(text: str) -> object:
    form = SubmissionForm(title=text[:120], body=text, display_mode="anonymous",
                          channels=["website"], material_connection="none",
                          attest_adult=True, attest_identity=True, signature="Bench Mark")
    with transaction() as session:
        return _quietly(lambda: submit_story(form, session=session))


def _time(run: Callable[[str], object], text: str, repeat: int) -> tuple[float, float]:
    """Mean (wall, CPU) seconds of `run(text)`."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        run(text)
    return (time.perf_counter() - wall) / repeat, (time.process_time() - cpu) / repeat


def worst_times(repeat: int) -> list[tuple[str, float, float, str]]:
    """For each path: (path, worst wall s, worst CPU s, input with the worst CPU time)."""
    rows = []
    for path, run in paths().items():
        timings = {case: _time(run, text, repeat) for case, text in CASES.items()}
        worst_case = max(timings, key=lambda case: timings[case][1])
        rows.append((path, max(w for w, _ in timings.values()), timings[worst_case][1], worst_case))
    return rows


def _temporary_database(folder: str) -> None:
    """A migrated SQLite database for the `submit_story(store)` path."""
    os.environ.update({"STORIES_DATA_DIR": folder, "STORIES_MODE": "demo",
                       "STORIES_DATABASE_URL": f"sqlite:///{folder}/bench.db"})
    migrate.upgrade()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per input (mean is reported)")
    args = parser.parse_args()
    print(describe(), flush=True)
    _temporary_database(tempfile.mkdtemp(prefix="adversarial-"))
    print(f"{len(CASES)} adversarial inputs of {N:,} characters; target < {TARGET_SECONDS:.1f} s CPU")
    print(f"{'path':26} {'wall s':>7} {'cpu s':>7}  {'status':6} worst input (by CPU)")
    failed = False
    for path, wall, cpu, case in worst_times(args.repeat):
        ok = cpu < TARGET_SECONDS
        failed |= not ok
        print(f"{path:26} {wall:7.3f} {cpu:7.3f}  {'ok' if ok else 'SLOW':6} {case}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
