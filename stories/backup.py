"""Backups: a consistent copy of the database in one file, and restoring one (SQLite).

* SQLite: `VACUUM INTO` writes a compact, consistent copy while the app keeps
  running (readers and writers are not blocked for long; WAL content is
  included).  `restore` checks the file is an intact database of this app and
  copies it over the live one with SQLite's online backup API.
* PostgreSQL: `pg_dump --format=custom` (restore it with `pg_restore`), run as
  a subprocess with the password passed through the environment, never on
  the command line.  If the URL selects a schema through `search_path` (as
  the tests and benchmarks do), only that schema is dumped.

The copy is written to a temporary name next to `dest` and renamed into place
only once complete, so a failed backup never leaves a truncated file under
the name an operator expects.  Backups hold personal data (encrypted contact
details, story text): the file is created readable by its owner only.

A restore takes the database back in time on purpose, so the audit log's
checkpoint file (which would now report the newer events as cut off) is
re-anchored at the restored log's end, after checking that log walks.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from stories.audit import AuditChainBroken, anchor
from stories.config import get_settings
from stories.crypto import KeyMissing
from stories.db import engine_for, transaction
from stories.errors import StoryError


class BackupError(StoryError):
    """A backup or restore could not be made; nothing was changed."""


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("An in-memory SQLite database cannot be backed up.")
    return Path(database)


def _prepare(dest: Path) -> Path:
    dest = Path(dest)
    if dest.exists():
        raise BackupError(f"{dest} already exists; choose a new file name.")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.partial")
    tmp.unlink(missing_ok=True)
    return tmp


def _finish(tmp: Path, dest: Path) -> Path:
    os.chmod(tmp, 0o600)
    os.replace(tmp, dest)
    return dest


def _backup_sqlite(url: str, dest: Path) -> Path:
    tmp = _prepare(dest)
    raw = engine_for(url).raw_connection()  # autocommit: VACUUM cannot run in a transaction
    try:
        raw.driver_connection.execute("VACUUM INTO ?", (str(tmp),))
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"SQLite could not write the backup: {exc}") from exc
    finally:
        raw.close()
    return _finish(tmp, dest)


def pg_dump_command(url: str, dest: Path) -> tuple[list[str], dict[str, str]]:
    """The `pg_dump` argument list and extra environment for `url` (no password in argv)."""
    parsed = make_url(url)
    argv = ["pg_dump", "--format=custom", "--no-owner", f"--file={dest}",
            f"--host={parsed.host or 'localhost'}", f"--port={parsed.port or 5432}",
            f"--username={parsed.username or 'postgres'}", f"--dbname={parsed.database}"]
    options = str(parsed.query.get("options", ""))
    if options.startswith("-csearch_path="):
        argv.append(f"--schema={options.removeprefix('-csearch_path=').split(',')[0]}")
    env = {"PGPASSWORD": parsed.password} if parsed.password else {}
    return argv, env


def _backup_postgres(url: str, dest: Path) -> Path:
    program = shutil.which("pg_dump")
    if program is None:
        raise BackupError("pg_dump is not installed (Debian: apt-get install postgresql-client); "
                          "it is needed to back up a PostgreSQL database.")
    tmp = _prepare(dest)
    argv, env = pg_dump_command(url, tmp)
    argv[0] = program
    # An argument list, no shell; every value comes from the configured database URL.
    done = subprocess.run(argv, capture_output=True,  # noqa: S603 text=True, env={**os.environ, **env},
                          timeout=3600, check=False)
    if done.returncode != 0:
        tmp.unlink(missing_ok=True)
        message = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise BackupError(f"pg_dump failed (exit {done.returncode}): {message}")
    return _finish(tmp, dest)


def backup(dest: Path, *, url: str | None = None) -> Path:
    """Write a consistent copy of the database (default: the configured one) to `dest`."""
    url = url or get_settings().database_url
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        return _backup_sqlite(url, Path(dest))
    if backend == "postgresql":
        return _backup_postgres(url, Path(dest))
    raise BackupError(f"Backups of {backend} databases are not supported.")


def _check_sqlite_backup(src: Path) -> None:
    if not src.is_file():
        raise BackupError(f"{src} does not exist.")
    try:
        with sqlite3.connect(f"file:{src}?mode=ro", uri=True) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(f"{src} is damaged (integrity check failed).")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{src} is not an SQLite database: {exc}") from exc
    if not {"alembic_version", "story", "audit_event"} <= tables:
        raise BackupError(f"{src} is not a backup of this application's database.")


def restore(src: Path, *, url: str | None = None) -> None:
    """Replace the SQLite database (default: the configured one) with the backup `src`.

    Stop the app first: open sessions would see the data change under them.
    PostgreSQL dumps are restored with `pg_restore`, not here.
    """
    url = url or get_settings().database_url
    if make_url(url).get_backend_name() != "sqlite":
        raise BackupError("Restore a PostgreSQL dump with pg_restore "
                          "(pg_restore --clean --dbname=... FILE).")
    src = Path(src)
    _check_sqlite_backup(src)
    target = _sqlite_path(url)
    engine_for(url).dispose()
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(f"file:{src}?mode=ro", uri=True) as source, \
            sqlite3.connect(target) as live:
        source.backup(live)
    engine_for(url).dispose()
    _reanchor(url)


def _reanchor(url: str) -> None:
    """Sign the restored audit log's end into the checkpoint file (see the module notes)."""
    try:
        with transaction(engine_for(url)) as session:
            anchor(session)
    except (AuditChainBroken, KeyMissing) as exc:
        raise BackupError(f"The database was restored, but its audit log was not anchored: {exc} "
                          "Run `python -m stories audit anchor` once that is fixed.") from exc
