"""Shared fixtures: a real, migrated database for every test.

SQLite by default: the schema is migrated once per run into a template file
that each test copies.

With STORIES_TEST_DATABASE_URL set to a PostgreSQL URL, every database test
runs there instead.  The run gets a schema of its own (`stories_test_<pid>_<n>`,
selected through the connection's `search_path`), so two engineers running the
suite against the same server at the same time never see each other's rows,
and the `public` schema is never touched.  The schema is migrated once per
run; between tests every table is truncated (ids restart from 1), then the
first authorization text is seeded again, exactly as `upgrade` leaves a
new database.  The schema is dropped at the end of the run.  If the server
cannot be reached, the database tests are skipped with a message saying so
(the SQLite run covers them).
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `.venv/bin/pytest` as well as `python -m pytest`
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import Engine, make_url  # noqa: E402
from sqlalchemy.exc import OperationalError  # noqa: E402

from stories import authorization, migrate  # noqa: E402
from stories.db import engine_for, transaction  # noqa: E402

TEST_KEY = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktdGVzdC0="  # a fixed Fernet key for tests
PG_URL = os.environ.get("STORIES_TEST_DATABASE_URL", "").strip()
SCHEMA_PREFIX = "stories_test_"


def with_schema(url: str, schema: str) -> str:
    """`url` with every connection's search_path (and application_name) set to `schema`."""
    parsed = make_url(url)
    query = dict(parsed.query)
    query["options"] = f"-csearch_path={schema}"
    query["application_name"] = schema
    return parsed.set(query=query).render_as_string(hide_password=False)


def server_error(url: str) -> str | None:
    """None if the PostgreSQL server at `url` answers, else why not (one line)."""
    probe = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with probe.connect() as conn:
            conn.execute(text("SELECT 1"))
        return None
    except OperationalError as exc:
        return str(exc.orig or exc).strip().splitlines()[0]
    finally:
        probe.dispose()


def _drop_abandoned_schemas(admin: Engine) -> None:
    # Schemas left by runs that were killed: no connection carries their run's name.
    with admin.begin() as conn:
        rows = conn.execute(text(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE :p AND NOT EXISTS "
            "(SELECT 1 FROM pg_stat_activity a WHERE a.application_name <> '' "
            "AND nspname LIKE a.application_name || '%')"
        ), {"p": SCHEMA_PREFIX.replace("_", r"\_") + "%"}).scalars().all()
        for name in rows:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))


class PostgresRun:
    """The run's private, migrated schema and how to empty it between tests."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.schema = f"{SCHEMA_PREFIX}{os.getpid()}_{secrets.token_hex(3)}"
        self.url = with_schema(base_url, self.schema)
        # The admin connection carries the run's name too, so a run starting at the
        # same moment never takes the new schema for an abandoned one.
        admin_url = make_url(base_url).update_query_dict({"application_name": self.schema})
        self.admin = create_engine(admin_url)
        self._reset_sql = ""

    def create(self) -> None:
        _drop_abandoned_schemas(self.admin)
        with self.admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{self.schema}"'))
        migrate.upgrade(engine_for(self.url))
        self._reset_sql = self._build_reset_sql()

    def _build_reset_sql(self) -> str:
        with engine_for(self.url).connect() as conn:
            tables = conn.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename <> 'alembic_version' ORDER BY tablename")).scalars().all()
        # TRUNCATE, not DELETE: each test gets brand-new tables, so rows come back in
        # insertion order exactly as after a fresh migration (DELETE is faster, but
        # reuses space and exposes tests that forgot an ORDER BY, at random).
        return "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"

    def reset(self) -> None:
        """Empty every table, restart ids and seed the first authorization text."""
        engine = engine_for(self.url)
        with engine.begin() as conn:
            conn.exec_driver_sql("SET LOCAL lock_timeout = '20s'")
            conn.exec_driver_sql(self._reset_sql)
        with transaction(engine) as session:
            authorization.current(session)

    def drop(self) -> None:
        engine_for(self.url).dispose()
        with self.admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE'))
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres_run():
    """The run's PostgreSQL schema, or None on SQLite; skips if the server is down."""
    if not PG_URL:
        yield None
        return
    problem = server_error(PG_URL)
    if problem:
        shown = make_url(PG_URL).render_as_string(hide_password=True)
        pytest.skip(f"STORIES_TEST_DATABASE_URL is set but PostgreSQL at {shown} is not reachable "
                    f"({problem}); database tests skipped (unset it to run them on SQLite)")
    run = PostgresRun(PG_URL)
    run.create()
    try:
        yield run
    finally:
        run.drop()


#: Modules that pin down the detector's rules one by one run with the learned reader off:
#: it has its own tests (`test_detect_learned.py`), the corpus floors measure both
#: (`test_detect_external.py`), and every other test runs the product as shipped (on).
LEARNED_READER_TESTS = frozenset({"test_detect_learned", "test_detect_external", "test_detect_threads"})


@pytest.fixture(autouse=True)
def _rules_alone_in_rule_tests(request, monkeypatch):
    module = request.module.__name__.rpartition(".")[2]
    if module.startswith("test_detect") and module not in LEARNED_READER_TESTS:
        monkeypatch.setenv("STORIES_DETECT_LEARNED", "off")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    migrate.upgrade(engine_for(f"sqlite:///{path}"))
    engine_for(f"sqlite:///{path}").dispose()
    return path


def point_at_fresh_database(request, workdir: Path, setenv) -> str:
    """Set the STORIES_* environment to a fresh, migrated database in `workdir`; return its URL.

    `setenv` is a `MonkeyPatch.setenv`, so the environment is restored afterwards.
    """
    if PG_URL:
        run: PostgresRun = request.getfixturevalue("postgres_run")
        run.reset()
        url = run.url
    else:
        path = workdir / "stories.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
    setenv("STORIES_DATABASE_URL", url)
    setenv("STORIES_DATA_DIR", str(workdir / "data"))
    setenv("STORIES_ENCRYPTION_KEY", TEST_KEY)
    setenv("STORIES_MODE", "production")
    return url


@pytest.fixture
def db_url(request, tmp_path, monkeypatch) -> str:
    """Point the whole process at a fresh, migrated database; return its URL."""
    return point_at_fresh_database(request, tmp_path, monkeypatch.setenv)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request, tmp_path) -> str:
    """The URL of an empty database (no tables at all), on each backend in turn.

    SQLite: a new file.  PostgreSQL (only when configured): a new schema of this
    run's, dropped afterwards.  Nothing points the process at it: pass the URL
    (or `engine_for(url)`) explicitly, or set STORIES_DATABASE_URL yourself.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    if not PG_URL:
        pytest.skip("STORIES_TEST_DATABASE_URL is not set")
    run: PostgresRun = request.getfixturevalue("postgres_run")
    schema = f"{run.schema}_{secrets.token_hex(2)}"
    with run.admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = with_schema(run.base_url, schema)
    try:
        yield url
    finally:
        engine_for(url).dispose()
        with run.admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))


@pytest.fixture
def session(db_url):
    """One transaction-scoped session, committed at the end of the test."""
    with transaction(engine_for(db_url)) as s:
        yield s


@pytest.fixture
def server(db_url, monkeypatch):
    """A running SMTP server (aiosmtpd on 127.0.0.1), the app's notice settings pointing at it."""
    from tests.notify_util import CHECK_URL, RUNNING
    from tests.smtp_server import SmtpServer

    smtp_server = SmtpServer().start()
    RUNNING[:] = [smtp_server]
    monkeypatch.setenv("STORIES_SMTP_URL", smtp_server.url)
    monkeypatch.setenv("STORIES_CHECK_URL", CHECK_URL)
    monkeypatch.setenv("STORIES_NOTIFY_MAX_ATTEMPTS", "3")
    monkeypatch.setenv("STORIES_NOTIFY_RETRY_SECONDS", "60")
    yield smtp_server
    RUNNING.clear()
    smtp_server.stop()
