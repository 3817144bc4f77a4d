"""`export --out DIR [--format jekyll|hugo|plain]`: publish to the static site."""

from __future__ import annotations

import sys
from pathlib import Path

from stories.db import transaction
from stories.export import FORMATS, export_site


def register(commands) -> None:
    export = commands.add_parser("export", help="write approved stories as Markdown files")
    export.add_argument("--out", required=True, type=Path, help="output folder (created if absent)")
    export.add_argument("--format", default="jekyll", choices=FORMATS)
    export.set_defaults(handler=export_command)


def export_command(args) -> int:
    with transaction() as session:
        report = export_site(args.out, args.format, session=session)
    print(f"exported {report.exported} stories: {len(report.written)} written, "
          f"{report.unchanged} unchanged, {len(report.removed)} removed, "
          f"{report.expired} newly expired")
    for public_id, why in report.refused:
        print(f"refused story {public_id}: {why}", file=sys.stderr)
    return 1 if report.refused else 0
