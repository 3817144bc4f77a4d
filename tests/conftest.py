"""Shared fixtures: a real, migrated database for every test.

SQLite by default: the schema is migrated once per run into a template file
that each test copies.  With STORIES_TEST_DATABASE_URL set to a PostgreSQL URL,
the same tests run there: every test starts from an empty, migrated schema.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from stories import migrate
from stories.db import engine_for, transaction

TEST_KEY = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktdGVzdC0="  # a fixed Fernet key for tests
PG_URL = os.environ.get("STORIES_TEST_DATABASE_URL", "")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    migrate.upgrade(engine_for(f"sqlite:///{path}"))
    engine_for(f"sqlite:///{path}").dispose()
    return path


def _fresh_postgres(url: str) -> None:
    engine = engine_for(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(engine)


@pytest.fixture
def db_url(tmp_path, monkeypatch, sqlite_template) -> str:
    """Point the whole process at a fresh, migrated database; return its URL."""
    if PG_URL:
        url = PG_URL
        _fresh_postgres(url)
    else:
        path = tmp_path / "stories.db"
        shutil.copy(sqlite_template, path)
        url = f"sqlite:///{path}"
    monkeypatch.setenv("STORIES_DATABASE_URL", url)
    monkeypatch.setenv("STORIES_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("STORIES_ENCRYPTION_KEY", TEST_KEY)
    monkeypatch.setenv("STORIES_MODE", "production")
    return url


@pytest.fixture
def session(db_url):
    """One transaction-scoped session, committed at the end of the test."""
    with transaction(engine_for(db_url)) as s:
        yield s
