"""The hand-written labelled story corpus: parse its inline markup and check its labels.

Stories live one per file in `tests/data/handwritten/<half>/NNN-slug.txt` (half is
``dev`` or ``test``), as a patient would type them, with every identifier wrapped inline as
``[[KIND:the exact words]]``.  `parse_file` turns a file into
``{"id", "text", "spans": [{"start", "end", "kind"}]}`` (the text without the markup,
offsets into it, end exclusive), the same record shape as `tests/data/phi/*.jsonl`, so one
scorer (`bench/external_corpora.py`) reads both.

`check_story` and `check_half` are the label checker: they return human-readable problems
(empty when the labels are sound), so a test can show every problem at once.  Problems
name the file and offsets only, never the labelled words, in keeping with the project's
rule that no personal-looking text goes into messages.

Importable by tests and benchmarks; no Streamlit, no database.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from stories.findings import KINDS  # noqa: E402

CORPUS_DIR = ROOT / "tests" / "data" / "handwritten"
HALVES = ("dev", "test")
MIN_WORDS, MAX_WORDS = 150, 400
MIN_NO_IDENTIFIER = 8  # stories per half with no identifier at all
FILE_NAME = re.compile(r"^\d{3,4}-[a-z0-9]+(?:-[a-z0-9]+)*\.txt$")
# KIND is upper-case letters; the words run to the first "]]" (they may span lines).
_MARKUP = re.compile(r"\[\[([A-Z]+):(.+?)\]\]", re.DOTALL)
_WORD = re.compile(r"\w")


def parse_markup(marked: str, story_id: str = "") -> dict:
    """Strip ``[[KIND:words]]`` markup from `marked`; return the record with its spans.

    Anything that is not well-formed markup is left in the text as it is, so that the
    checker reports it as a stray bracket rather than the parser guessing.
    """
    out: list[str] = []
    spans: list[dict] = []
    pos = length = 0
    for m in _MARKUP.finditer(marked):
        before = marked[pos : m.start()]
        out.append(before)
        length += len(before)
        words = m.group(2)
        spans.append({"start": length, "end": length + len(words), "kind": m.group(1)})
        out.append(words)
        length += len(words)
        pos = m.end()
    out.append(marked[pos:])
    return {"id": story_id, "text": "".join(out), "spans": spans}


def parse_file(path: Path) -> dict:
    """Read one story file (UTF-8) into a record whose id is ``<half>/<file stem>``."""
    marked = Path(path).read_text(encoding="utf-8")
    return parse_markup(marked, f"{Path(path).parent.name}/{Path(path).stem}")


def story_files(half: str, base: Path = CORPUS_DIR) -> list[Path]:
    """The story files of one half, in name order (none if the folder does not exist)."""
    folder = base / half
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def load_half(half: str, base: Path = CORPUS_DIR) -> list[dict]:
    """Every story of one half as records (an empty list if the half has no files yet)."""
    return [parse_file(p) for p in story_files(half, base)]


def story_number(name: str) -> int:
    """The number a story's file name or record id starts with ("dev/0412-slug" -> 412)."""
    return int(name.rpartition("/")[2].split("-", 1)[0])


def half_digest(half: str, base: Path = CORPUS_DIR) -> str:
    """SHA-256 over one half's file names and bytes: which corpus a model learned from."""
    digest = hashlib.sha256()
    for path in story_files(half, base):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of non-space characters."""
    return len(text.split())


def _is_word(ch: str) -> bool:
    return bool(_WORD.match(ch))


def _span_problems(text: str, span: dict) -> list[str]:
    """Problems of one span on its own: kind, offsets, edges, word boundaries."""
    s, e, kind = span.get("start"), span.get("end"), span.get("kind")
    where = f"span {s}-{e} ({kind})"
    if kind not in KINDS:
        return [f"{where}: unknown kind"]
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
        return [f"{where}: offsets outside the text or empty"]
    problems = []
    words = text[s:e]
    if words != words.strip():
        problems.append(f"{where}: starts or ends with white space")
    if not any(_is_word(c) for c in words):
        problems.append(f"{where}: covers no word")
    if s > 0 and _is_word(text[s - 1]) and _is_word(text[s]):
        problems.append(f"{where}: starts inside a word")
    if e < len(text) and _is_word(text[e - 1]) and _is_word(text[e]):
        problems.append(f"{where}: ends inside a word")
    return problems


def check_story(record: dict, file_name: str | None = None) -> list[str]:
    """Every problem with one parsed story's labels and size (empty list when sound)."""
    text, spans = record["text"], record["spans"]
    name = record.get("id") or file_name or "story"
    problems: list[str] = []
    if file_name is not None and not FILE_NAME.match(file_name):
        problems.append("file name is not NNN-short-slug.txt (three or four digits)")
    for span in spans:
        problems += _span_problems(text, span)
    ordered = sorted(spans, key=lambda sp: (sp["start"], sp["end"]))
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b["start"] < a["end"]:
            problems.append(f"spans {a['start']}-{a['end']} and {b['start']}-{b['end']} overlap")
    for token in ("[[", "]]"):
        at = text.find(token)
        if at >= 0:
            problems.append(f"stray {token!r} at offset {at} (malformed or unknown-kind markup?)")
    n = word_count(text)
    if not MIN_WORDS <= n <= MAX_WORDS:
        problems.append(f"{n} words, expected {MIN_WORDS}-{MAX_WORDS}")
    return [f"{name}: {p}" for p in problems]


def check_half(half: str, base: Path = CORPUS_DIR) -> list[str]:
    """Every problem in one half: each file's problems, plus the half-wide rules.

    A half with no files yet has no problems (the other writer's half may not exist in
    this worktree); a half with files needs at least `MIN_NO_IDENTIFIER` stories without
    any identifier and distinct story numbers.
    """
    files = story_files(half, base)
    problems: list[str] = []
    records = []
    for path in files:
        try:
            record = parse_file(path)
        except UnicodeDecodeError:
            problems.append(f"{half}/{path.name}: not UTF-8")
            continue
        records.append(record)
        problems += check_story(record, path.name)
    if files:
        empty = sum(1 for r in records if not r["spans"])
        if empty < MIN_NO_IDENTIFIER:
            problems.append(f"{half}: {empty} stories without identifiers, expected >= {MIN_NO_IDENTIFIER}")
        numbers = [story_number(p.name) for p in files]
        if len(set(numbers)) != len(numbers):
            problems.append(f"{half}: two files share a story number")
    return problems


def main() -> None:
    """`python bench/handwritten.py`: check both halves and print a one-line summary each."""
    bad = False
    for half in HALVES:
        records = load_half(half)
        problems = check_half(half)
        spans = sum(len(r["spans"]) for r in records)
        empty = sum(1 for r in records if not r["spans"])
        words = sum(word_count(r["text"]) for r in records)
        print(f"{half}: {len(records)} stories, {words:,} words, {spans} labelled identifiers, "
              f"{empty} without identifiers, {len(problems)} problems")
        for p in problems:
            print("  " + p)
        bad = bad or bool(problems)
    raise SystemExit(1 if bad else 0)


if __name__ == "__main__":
    main()
