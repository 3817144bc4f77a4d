"""The `python -m stories` command line: help for every command in-process, the rest as real subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stories.db import transaction
from stories.models import StaffUser, Story
from tests import factories as f

ROOT = Path(__file__).resolve().parents[1]


def cli(*args, stdin="", env_extra=None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "stories", *args], input=stdin, capture_output=True, text=True,
        cwd=ROOT, env=env, timeout=120,
    )


def _commands(parser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path of the parser (derived, so a new command is tested at once)."""
    import argparse

    found = [prefix]
    for action in parser._actions:  # argparse keeps sub-parsers only here
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _commands(sub, (*prefix, name))
    return found


def _all_commands() -> list[tuple[str, ...]]:
    import cli as entry

    return _commands(entry.build_parser())


@pytest.mark.parametrize("command", _all_commands(), ids=lambda c: " ".join(c) or "(top)")
def test_every_command_has_help(command, capsys):
    """In-process: `--help` prints usage and exits 0 for every command and sub-command."""
    import cli as entry

    with pytest.raises(SystemExit) as done:
        entry.main([*command, "--help"])
    assert done.value.code == 0
    assert "usage: python -m stories" in capsys.readouterr().out


def test_the_command_list_is_the_documented_one():
    """Every top-level command appears in the README's command-line table."""
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("## Command line"):readme.index("## Configuration")]
    tops = {c[0] for c in _all_commands() if c}
    assert {t for t in tops if f"`{t}" not in table} == set()


def test_scan_contract(db_url):
    lines = [
        {"id": "a", "text": "My husband dave and I met Dr Novikova on the 3rd of May."},
        {"id": 7, "text": "Nothing to see: the pelvic floor physio helped."},
    ]
    result = cli("scan", stdin="\n".join(json.dumps(x) for x in lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 7]
    text = lines[0]["text"]
    for finding in out[0]["findings"]:
        assert set(finding) == {"start", "end", "kind", "text"}
        assert text[finding["start"]:finding["end"]] == finding["text"]
    assert {"PERSON", "DATE"} <= {x["kind"] for x in out[0]["findings"]}


def test_scan_bad_line_is_answered_and_others_still_processed(db_url):
    result = cli("scan", stdin='not json\n{"id": 2, "text": "call 07700 900123"}\n')
    assert result.returncode == 2
    first, second = (json.loads(x) for x in result.stdout.splitlines())
    assert "error" in first and second["id"] == 2 and second["findings"]


def test_scan_files_reports_and_exits_nonzero(db_url, tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text("The physiotherapy helped me a lot.\n")
    leaky = tmp_path / "leaky.md"
    leaky.write_text("---\ntitle: x\n---\nEmail me at jane.doe@example.com\n")
    assert cli("scan", str(clean)).returncode == 0
    result = cli("scan", str(clean), str(leaky))
    assert result.returncode == 1 and "EMAIL" in result.stdout and "leaky.md:4:" in result.stdout


def test_staff_add_reads_password_from_stdin_never_argv(db_url):
    result = cli("staff", "add", "alice", "--role", "moderator", stdin=f.PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    with transaction() as s:
        user = s.exec(StaffUser.__table__.select().where(StaffUser.username == "alice")).one()
    assert user.role == "moderator" and user.password_hash.startswith("$argon2id$")
    bad = cli("staff", "add", "bob", "--role", "moderator", stdin="short\n")
    assert bad.returncode == 2 and "password" in bad.stderr


def test_demo_then_export_then_withdraw_by_id(db_url, tmp_path):
    assert cli("demo", "--stories", "3", "--approve", "--seed", "3").returncode == 0
    assert cli("demo", "--stories", "2", "--seed", "4").returncode == 0
    with transaction() as s:
        statuses = sorted(x.status for x in s.exec(Story.__table__.select()).all())
    assert statuses == ["approved"] * 3 + ["submitted"] * 2
    out = tmp_path / "site"
    result = cli("export", "--out", str(out), "--format", "hugo")
    assert result.returncode == 0 and "exported 3 stories" in result.stdout
    files = sorted(out.glob("*.md"))
    public_id = files[0].stem
    gone = cli("withdraw", public_id, "--reason", "letter received", "--how", "paper")
    assert gone.returncode == 0, gone.stderr
    again = cli("export", "--out", str(out), "--format", "hugo")
    assert "1 removed" in again.stdout and not (out / f"{public_id}.md").exists()
    assert cli("audit", "verify").returncode == 0


def test_refuses_to_run_on_an_out_of_date_schema(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    result = cli("export", "--out", str(tmp_path / "o"), env_extra={"STORIES_DATABASE_URL": url})
    assert result.returncode == 2 and "db upgrade" in result.stderr


def test_withdraw_unknown_id_is_a_clear_error(db_url):
    result = cli("withdraw", "deadbeefdeadbeef", "--reason", "phone call")
    assert result.returncode == 2 and "No story has that id" in result.stderr


def test_backup_and_restore_through_the_cli(db_url, tmp_path):
    if not db_url.startswith("sqlite"):
        pytest.skip("restore is for SQLite; PostgreSQL uses pg_restore")
    receipt = f.submit()
    dump = tmp_path / "backup.db"
    assert cli("backup", "--out", str(dump)).returncode == 0
    assert cli("withdraw", receipt.public_id, "--reason", "letter").returncode == 0
    restored = cli("restore", "--from", str(dump))
    assert restored.returncode == 0, restored.stderr
    assert f.status(receipt.story_id) == "submitted"  # the state at backup time is back
