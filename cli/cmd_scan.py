"""`scan`: find identifiers in JSON Lines on stdin, or in Markdown/text files.

stdin contract (stable, other tools depend on it): each input line
`{"id": ..., "text": ...}` gives one output line
`{"id": ..., "findings": [{"start", "end", "kind", "text"}]}` with offsets as
Python string indexes.  A line that cannot be read gives
`{"id": ..., "error": "..."}` and the exit code becomes 2; the other lines are
still answered.  With FILE arguments it prints a readable report and exits 1
when any identifier is found (for auditing stories already on a website).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from stories.detect import detect

MAX_TEXT_CHARS = 1_000_000


def register(commands) -> None:
    scan = commands.add_parser(
        "scan", help="detect identifiers (JSON Lines on stdin, or FILE... for a report)")
    scan.add_argument("files", nargs="*", metavar="FILE", help="Markdown or text files to audit")
    scan.set_defaults(handler=scan_command)


def _findings(text: str) -> list[dict]:
    return [{"start": f.start, "end": f.end, "kind": f.kind, "text": text[f.start:f.end]}
            for f in detect(text)]


def _answer(line: str) -> tuple[dict, bool]:
    try:
        item = json.loads(line)
    except ValueError:
        return {"id": None, "error": "not valid JSON"}, False
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        ident = item.get("id") if isinstance(item, dict) else None
        return {"id": ident, "error": 'expected an object with a string "text"'}, False
    if len(item["text"]) > MAX_TEXT_CHARS:
        return {"id": item.get("id"), "error": f"text longer than {MAX_TEXT_CHARS} characters"}, False
    return {"id": item.get("id"), "findings": _findings(item["text"])}, True


def scan_stream(lines, out) -> int:
    """Answer every non-blank input line; 0 if all were read, 2 otherwise."""
    status = 0
    for line in lines:
        if not line.strip():
            continue
        answer, ok = _answer(line)
        status = status if ok else 2
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
    return status


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def scan_files(paths: list[str], out) -> int:
    """Readable report; 1 if any identifier is found, 2 if a file is unreadable."""
    found_any, status = False, 0
    for name in paths:
        try:
            text = Path(name).read_text(encoding="utf-8", errors="replace")[:MAX_TEXT_CHARS]
        except OSError as exc:
            print(f"{name}: cannot read ({exc.strerror})", file=sys.stderr)
            status = 2
            continue
        findings = _findings(text)
        found_any = found_any or bool(findings)
        for f in findings:
            line, col = _line_col(text, f["start"])
            out.write(f"{name}:{line}:{col}: {f['kind']}: {f['text']!r}\n")
        out.write(f"{name}: {len(findings)} identifier(s)\n")
    return status or (1 if found_any else 0)


def scan_command(args) -> int:
    if args.files:
        return scan_files(args.files, sys.stdout)
    return scan_stream(sys.stdin, sys.stdout)
