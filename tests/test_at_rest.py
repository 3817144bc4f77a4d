"""Files at rest: the database is private to its owner, and erased words leave every file.

SQLite only (PostgreSQL keeps its files itself).
"""

from __future__ import annotations

import os
import stat
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from moderation import review
from stories import patient
from stories.db import engine_for, get_engine, transaction
from stories.retention import purge
from tests import factories as f
from tests.conftest import PG_URL
from tests.test_cli import cli

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite files only")

MARK = "Quokkamarmalade"  # a word found nowhere else: its bytes are the story's


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def loose_umask():
    """The common default umask (0022), under which files are world-readable unless made private."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_cli_creates_a_private_data_folder_and_database(db_url, tmp_path, loose_umask):
    data = tmp_path / "fresh" / "data"
    result = cli("db", "upgrade", env_extra={"STORIES_DATA_DIR": str(data), "STORIES_DATABASE_URL": ""})
    assert result.returncode == 0, result.stderr
    assert _mode(data) == 0o700
    assert _mode(data / "stories.db") == 0o600


def test_wal_and_shm_are_private_while_the_database_is_open(tmp_path, loose_umask):
    path = tmp_path / "private" / "live.db"
    engine = engine_for(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            conn.execute(text("CREATE TABLE t (x TEXT)"))
            conn.execute(text("INSERT INTO t VALUES ('hello')"))
            conn.commit()
            for name in ("live.db", "live.db-wal", "live.db-shm"):
                assert _mode(path.parent / name) == 0o600, name
        assert _mode(path.parent) == 0o700
    finally:
        engine.dispose()


def _database_files() -> dict[str, bytes]:
    path = get_engine().url.database
    return {name: open(name, "rb").read() for name in (path, f"{path}-wal", f"{path}-shm")
            if os.path.exists(name)}


def _assert_words_gone() -> None:
    files = _database_files()
    assert files  # the database itself at least
    for name, data in files.items():
        for word in (MARK, "Novikova"):
            assert word.encode() not in data, f"{word} still in {os.path.basename(name)}"


def test_withdrawn_text_is_gone_from_the_database_and_its_wal(db_url):
    receipt = f.submit(body=f.BODY + f" {MARK} was our dog's name.")
    f.to_approved(receipt, f.staff())
    assert MARK.encode() in b"".join(_database_files().values())  # the test sees the text
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    _assert_words_gone()


def test_purged_text_is_gone_from_the_database_and_its_wal(db_url):
    receipt = f.submit(body=f.BODY + f" {MARK} was our dog's name.")
    with transaction() as s:
        review.reject(receipt.story_id, f.current_hash(receipt.story_id), "off-topic",
                      who=f.staff(), session=s)
    assert MARK.encode() in b"".join(_database_files().values())
    with transaction() as s:
        report = purge(1, session=s, today=date.today() + timedelta(days=3))
    assert report.purged == [receipt.public_id]
    _assert_words_gone()
