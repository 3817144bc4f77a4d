"""`excerpts list [--usable]` and `excerpts export --out DIR`: excerpts for the communications team.

`list` prints one line per excerpt: its number, the story's opaque id,
status, verbatim or written, whether it may be used today (and if not, why),
its length, possible identifiers the moderator checked, and uses still out
there; never its words.  `export` writes `excerpts.md` into DIR with the
words of every excerpt usable today (see `stories.distribution.excerpt_export`).
"""

from __future__ import annotations

from pathlib import Path

from moderation.excerpts import export, listing
from moderation.service_accounts import service_account
from stories.db import transaction


def register(commands) -> None:
    parser = commands.add_parser("excerpts", help="excerpts of approved stories signed off by "
                                                  "their authors: list, or export the usable ones")
    actions = parser.add_subparsers(dest="excerpts_action", required=True, metavar="ACTION")
    listed = actions.add_parser("list", help="every excerpt and whether it may be used today "
                                             "(never its words)")
    listed.add_argument("--usable", action="store_true", help="only the excerpts usable today")
    listed.set_defaults(handler=list_command)
    exported = actions.add_parser("export", help="write excerpts.md with every excerpt usable "
                                                 "today, for print and social media")
    exported.add_argument("--out", required=True, type=Path, help="output folder (created if absent)")
    exported.set_defaults(handler=export_command)


def _line(x) -> str:
    usable = "usable" if x.usable else f"not usable: {x.why_not_usable}"
    return (f"{x.excerpt_id}\t{x.public_id}\t{x.status}\t{'verbatim' if x.verbatim else 'written'}"
            f"\t{usable}\t{len(x.text)} chars\t{x.finding_count} checked\t{x.active_uses} in use")


def list_command(args) -> int:
    with transaction() as session:
        who = service_account("cli", session=session)
        lines = listing(who=who, session=session, usable_only=args.usable)
    if not lines:
        print("no usable excerpts" if args.usable else "no excerpts")
        return 0
    print("excerpt\tstory\tstatus\torigin\tusable today\tlength\tidentifiers\tuses")
    for line in lines:
        print(_line(line))
    return 0


def export_command(args) -> int:
    with transaction() as session:
        who = service_account("cli", session=session)
        path, count = export(args.out, who=who, session=session)
    print(f"wrote {count} usable excerpt(s) to {path}")
    return 0
