"""Engines and transactions.

One engine per database URL per process.  SQLite gets WAL mode, foreign keys,
a busy timeout and `secure_delete` on every connection; PostgreSQL (psycopg 3)
is used as is.  Services take a `Session` as a keyword argument and callers
wrap one whole action in `transaction()`, so an action is either fully
written or not at all.

The database holds story text, so it never reaches a log: SQL parameters are
hidden (also in error messages) and the engine's own logging (statements,
parameters, rows) is off whatever level the root logger or `sqlalchemy.*`
loggers are set to.  An SQLite database is created readable by its owner only
(folder 0700, file 0600; SQLite gives its -wal and -shm files the same mode),
and after an erasure `checkpoint_after_commit` folds the WAL into the
database and truncates it, so erased words survive in neither file.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, create_engine

from stories.config import get_settings

SQLITE_BUSY_TIMEOUT_MS = 5_000


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Freed space (an erased revision's old words) is overwritten with zeros.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _sqlite_begin(conn) -> None:
    # Take the write lock at BEGIN so two writers queue instead of failing
    # with "database is locked" half-way through a transaction.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


class _QuietEngineLog(logging.LoggerAdapter):
    """The engine's logger, enabled for warnings and above only.

    SQLAlchemy asks its engine's logger whether INFO/DEBUG are enabled before
    logging statements, parameters and rows; a root logger at DEBUG (or a
    logging config resetting `sqlalchemy.*`) must never switch that on here.
    """

    def isEnabledFor(self, level: int) -> bool:  # noqa: N802 (logging's name)
        return level >= logging.WARNING and self.logger.isEnabledFor(level)


def _quiet(engine: Engine) -> Engine:
    """Turn the engine's statement/row logging off for good; return the engine."""
    engine.logger = _QuietEngineLog(logging.getLogger("sqlalchemy.engine.Engine"), {})
    return engine


def _private_sqlite_file(database: str) -> None:
    """Create the database's folder (0700) and file (0600) before SQLite does.

    SQLite creates the -wal and -shm files with the database file's mode, so
    they are 0600 too.  An existing file is narrowed to 0600.
    """
    path = Path(database)
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    for each in (path, Path(f"{database}-wal"), Path(f"{database}-shm")):
        if each.exists() and each.stat().st_mode & 0o077:
            os.chmod(each, 0o600)


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """Return the process-wide engine for `url`, configuring SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith(
                "file:"):
            _private_sqlite_file(parsed.database)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
            hide_parameters=True,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own transaction handling is turned off so BEGIN is ours.
        event.listen(engine, "connect", lambda c, r: setattr(c, "isolation_level", None))
        event.listen(engine, "begin", _sqlite_begin)
        return _quiet(engine)
    engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20,
                           hide_parameters=True)
    event.listen(engine, "handle_error", _terse_server_error)
    return _quiet(engine)


def _terse_server_error(context) -> DBAPIError | None:
    """Reduce a PostgreSQL error to its code and the names involved, never the values.

    The server's message quotes data ("Failing row contains (...)", "Key
    (x)=(...)", "invalid input syntax ...: <value>"), which would reach
    tracebacks and logs; its SQLSTATE and the table, column and constraint
    names are enough to diagnose.
    """
    orig = context.original_exception
    diag = getattr(orig, "diag", None)
    if diag is None or not diag.sqlstate:  # not from the server (a lost connection): no data
        return None
    names = ", ".join(f"{what} {value}" for what, value in (
        ("table", diag.table_name), ("column", diag.column_name),
        ("constraint", diag.constraint_name)) if value)
    orig.args = (f"database error {diag.sqlstate or '?'} ({type(orig).__name__}"
                 + (f"; {names}" if names else "") + ")",)
    # SQLAlchemy's exception quoted the message already: build it again from the terse one.
    return DBAPIError.instance(context.statement, context.parameters, orig,
                               context.dialect.loaded_dbapi.Error, hide_parameters=True,
                               connection_invalidated=context.is_disconnect,
                               dialect=context.dialect)


def checkpoint_wal(engine: Engine) -> bool:
    """Fold SQLite's WAL into the database and truncate it; True if it fully succeeded.

    Called after an erasure is committed: until then the erased words are
    still in the WAL.  A no-op (True) on other databases.  Best effort: a
    reader holding an old snapshot makes it partial (False); the next
    erasure or SQLite's automatic checkpoint finishes the job.
    """
    if engine.dialect.name != "sqlite":
        return True
    raw = engine.raw_connection()  # autocommit: a checkpoint cannot run in a transaction
    try:
        busy, _log, _done = raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return busy == 0
    finally:
        raw.close()


_CHECKPOINT_PENDING = "stories.db.checkpoint_after_commit"
_CHECKPOINT_HOOKED = "stories.db.checkpoint_hooks"


def checkpoint_after_commit(session: Session) -> None:
    """Run `checkpoint_wal` once this session's transaction has committed (erasures call it)."""
    session.info[_CHECKPOINT_PENDING] = True
    if not session.info.get(_CHECKPOINT_HOOKED):
        session.info[_CHECKPOINT_HOOKED] = True
        event.listen(session, "after_commit", _checkpoint_if_pending)
        event.listen(session, "after_soft_rollback",
                     lambda s, _t: s.info.pop(_CHECKPOINT_PENDING, None))


def _checkpoint_if_pending(session: Session) -> None:
    if session.info.pop(_CHECKPOINT_PENDING, None):
        checkpoint_wal(session.get_bind())


def get_engine() -> Engine:
    """The engine for the configured `STORIES_DATABASE_URL`."""
    return engine_for(get_settings().database_url)


@contextmanager
def transaction(engine: Engine | None = None) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any exception."""
    with Session(engine or get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
