"""`db upgrade` and `db status`: create, migrate and inspect the schema."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from stories import migrate
from stories.config import get_settings
from stories.db import get_engine


def register(commands) -> None:
    db = commands.add_parser("db", help="create, migrate or inspect the database schema")
    sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    up = sub.add_parser("upgrade", help="create or migrate the schema to the newest version")
    up.set_defaults(handler=upgrade)
    st = sub.add_parser("status", help="show the schema version and whether it is current")
    st.set_defaults(handler=status)


def _where() -> str:
    # The URL without its password, for messages.
    return make_url(get_settings().database_url).render_as_string(hide_password=True)


def upgrade(_args) -> int:
    at = migrate.upgrade(get_engine())
    print(f"database {_where()} is at schema {at}")
    return 0


def status(_args) -> int:
    at, want = migrate.current(get_engine()), migrate.head()
    print(f"database {_where()}: schema {at or 'none'}; this code needs {want}")
    return 0 if at == want else 1
