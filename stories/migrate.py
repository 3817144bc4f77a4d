"""Schema migrations with Alembic, driven from code (`python -m stories db upgrade`).

The app and the CLI call `require_current_schema` at start-up and refuse to run
on an out-of-date schema with a message naming the command that fixes it.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from stories import authorization
from stories.db import get_engine, transaction

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class SchemaOutOfDate(RuntimeError):
    """The database schema is older (or newer) than this code."""


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head() -> str:
    """The newest migration this code knows."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def current(engine: Engine | None = None) -> str | None:
    """The migration the database is at (None for an empty database)."""
    with (engine or get_engine()).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine | None = None, target: str = "head") -> str:
    """Create or migrate the schema, then seed the first authorization text.

    On SQLite, foreign keys are switched off for the migration's connection
    (SQLite ignores that switch inside a transaction, so it is set before
    BEGIN): a batch migration rebuilds a table by copying it, which a table
    referenced by others cannot survive with the checks on.  The references
    are checked once at the end instead, and any broken one fails the upgrade.
    """
    engine = engine or get_engine()
    config = _config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError("The migration left a broken reference between tables.")
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
    with transaction(engine) as session:
        authorization.current(session)
    return current(engine) or ""


def require_current_schema(engine: Engine | None = None) -> None:
    """Raise `SchemaOutOfDate` unless the database is at `head()`."""
    at, want = current(engine), head()
    if at != want:
        raise SchemaOutOfDate(
            f"The database schema is at {at or 'nothing'}, this code needs {want}. "
            "Run `python -m stories db upgrade` first."
        )
