"""The `python -m stories` command line: argument parsing and dispatch.

Each command module registers its sub-commands on the parser and does its
work through the same service functions the app uses.  Domain errors become a
one-line message on stderr and exit code 2; nothing is half-written because
every command runs one transaction per action.
"""

from __future__ import annotations

import argparse
import sys

from cli import (
    cmd_consent,
    cmd_db,
    cmd_demo,
    cmd_excerpts,
    cmd_export,
    cmd_notify,
    cmd_ops,
    cmd_scan,
    cmd_sitekit,
    cmd_staff,
    cmd_stories,
    cmd_takedowns,
)
from stories.errors import StoryError
from stories.migrate import require_current_schema

MODULES = (cmd_db, cmd_staff, cmd_scan, cmd_export, cmd_demo, cmd_stories, cmd_consent, cmd_ops,
           cmd_notify, cmd_takedowns, cmd_excerpts, cmd_sitekit)
NEEDS_NO_DATABASE = {"db", "scan", "keygen", "restore", "site-policy"}


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with `--help` on every command."""
    parser = argparse.ArgumentParser(
        prog="python -m stories",
        description="Patient story pipeline: database, staff, scanning, export and demo data.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in MODULES:
        module.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command not in NEEDS_NO_DATABASE:
            require_current_schema()
        return int(args.handler(args) or 0)
    except StoryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:  # configuration problems (key missing, schema out of date)
        print(f"error: {exc}", file=sys.stderr)
        return 2
