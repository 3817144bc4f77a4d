"""Operations: `retention purge [--days N]`, `backup --out FILE`, `restore --from FILE`."""

from __future__ import annotations

from pathlib import Path

from stories.backup import backup, restore
from stories.db import transaction
from stories.retention import DEFAULT_RETENTION_DAYS, RETENTION_ENV, purge


def register(commands) -> None:
    retention = commands.add_parser(
        "retention", help="erase the text of rejected, withdrawn and expired stories after a while")
    sub = retention.add_subparsers(dest="retention_command", required=True, metavar="ACTION")
    run = sub.add_parser(
        "purge", help="erase texts older than the retention period (consent and audit are kept)")
    run.add_argument("--days", type=int, default=None, metavar="N",
                     help=f"retention period in days (default: {RETENTION_ENV} or "
                          f"{DEFAULT_RETENTION_DAYS})")
    run.set_defaults(handler=purge_command)

    dump = commands.add_parser(
        "backup", help="write a consistent copy of the database to a file (SQLite or pg_dump)")
    dump.add_argument("--out", required=True, type=Path, metavar="FILE",
                      help="the backup file to create (must not exist yet)")
    dump.set_defaults(handler=backup_command)

    load = commands.add_parser(
        "restore", help="replace the SQLite database with a backup (stop the app first)")
    load.add_argument("--from", dest="source", required=True, type=Path, metavar="FILE")
    load.set_defaults(handler=restore_command)


def purge_command(args) -> int:
    with transaction() as session:
        report = purge(args.days, session=session)
    print(f"retention {report.days} days (unchanged since before {report.cutoff}): "
          f"{len(report.purged)} stories erased, {len(report.skipped)} skipped (changed meanwhile), "
          f"{report.notices_deleted} finished email notices deleted")
    for public_id in report.purged:
        print(f"erased story {public_id}")
    return 0


def backup_command(args) -> int:
    written = backup(args.out)
    print(f"backup written to {written} ({written.stat().st_size} bytes); it holds personal "
          "data: store it encrypted")
    return 0


def restore_command(args) -> int:
    restore(args.source)
    print(f"database restored from {args.source}; audit log re-anchored at the backup's end; "
          "run `python -m stories db upgrade` if it is older")
    return 0
