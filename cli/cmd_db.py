"""`db upgrade` and `db status`: create, migrate and inspect the schema."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from stories import migrate
from stories.config import get_settings
from stories.db import get_engine, transaction
from stories.scans import rescan_stale


def register(commands) -> None:
    db = commands.add_parser("db", help="create, migrate or inspect the database schema")
    sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    up = sub.add_parser("upgrade", help="create or migrate the schema to the newest version")
    up.set_defaults(handler=upgrade)
    rs = sub.add_parser("rescan", help="scan again every revision whose stored findings came "
                                       "from an older detector (upgrade does this too)")
    rs.set_defaults(handler=rescan)
    st = sub.add_parser("status", help="show the schema version and whether it is current")
    st.set_defaults(handler=status)


def _where() -> str:
    # The URL without its password, for messages.
    return make_url(get_settings().database_url).render_as_string(hide_password=True)


def upgrade(_args) -> int:
    at = migrate.upgrade(get_engine())
    print(f"database {_where()} is at schema {at}")
    return rescan(_args)


def rescan(_args) -> int:
    """Bring every stored scan (and the queue's summary) up to the detector in force."""
    with transaction() as session:
        count = rescan_stale(session=session)
    print(f"rescanned {count} revision(s) with the current detector")
    return 0


def status(_args) -> int:
    at, want = migrate.current(get_engine()), migrate.head()
    print(f"database {_where()}: schema {at or 'none'}; this code needs {want}")
    return 0 if at == want else 1
