"""Backups: SQLite VACUUM INTO and restore round trip; pg_dump smoke test when configured."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import pytest
from sqlalchemy import text
from sqlmodel import select

from cli import main as cli_main
from stories import crypto
from stories.audit import verify_chain
from stories.backup import BackupError, backup, pg_dump_command, restore
from stories.db import engine_for, transaction
from stories.models import Consent, Revision, Story
from tests import factories as f


def _state() -> dict:
    with transaction() as s:
        return {
            "stories": [(st.public_id, st.status, st.lock_version) for st in
                        s.exec(select(Story).order_by(Story.id))],
            "texts": [r.body for r in s.exec(select(Revision).order_by(Revision.id))],
            "emails": [crypto.decrypt(st.contact_email_enc) for st in s.exec(select(Story))],
            "consents": [c.model_dump() for c in s.exec(select(Consent).order_by(Consent.id))],
            "chain": verify_chain(s),
        }


@pytest.fixture
def sqlite_url(db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite backup/restore (this run is on PostgreSQL)")
    return db_url


def test_sqlite_backup_then_restore_round_trip(sqlite_url, tmp_path):
    mod = f.staff("moderator")
    approved = f.submit()
    f.to_approved(approved, mod)
    f.submit(body=f.BODY + " A second story.")
    before = _state()
    assert before["chain"].ok and len(before["stories"]) == 2

    dest = backup(tmp_path / "backups" / "stories.db")
    assert dest.exists() and (dest.stat().st_mode & 0o077) == 0  # owner only
    assert not list(dest.parent.glob(".*partial"))
    with sqlite3.connect(dest) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    f.submit(body=f.BODY + " Written after the backup.")  # changes to be undone
    with transaction() as s:
        s.exec(select(Story)).first().staff_note = "changed after the backup"
    assert _state() != before

    restore(dest)
    after = _state()
    assert after == before and after["chain"].ok


def test_backup_refuses_to_overwrite_and_restore_refuses_a_foreign_file(sqlite_url, tmp_path):
    f.submit()
    dest = backup(tmp_path / "one.db")
    with pytest.raises(BackupError, match="already exists"):
        backup(dest)
    stranger = tmp_path / "stranger.db"
    with sqlite3.connect(stranger) as conn:
        conn.execute("CREATE TABLE t (x)")
    for bad, message in ((stranger, "not a backup of this application"),
                         (tmp_path / "missing.db", "does not exist")):
        with pytest.raises(BackupError, match=message):
            restore(bad)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(BackupError, match="not an SQLite database"):
        restore(garbage)
    assert len(_state()["stories"]) == 1  # the live database is untouched


def test_cli_backup(db_url, tmp_path, capsys):
    if db_url.startswith("postgresql") and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    f.submit()
    out = tmp_path / "cli-backup.dump"
    assert cli_main(["backup", "--out", str(out)]) == 0
    assert "backup written to" in capsys.readouterr().out and out.stat().st_size > 0
    assert cli_main(["backup", "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_pg_dump_command_keeps_the_password_out_of_argv(tmp_path):
    url = "postgresql+psycopg://clinic:s3cret@db.internal:6543/stories?options=-csearch_path%3Dtenant"
    argv, env = pg_dump_command(url, tmp_path / "x.dump")
    assert env == {"PGPASSWORD": "s3cret"} and not any("s3cret" in a for a in argv)
    assert "--host=db.internal" in argv and "--port=6543" in argv and "--dbname=stories" in argv
    assert "--schema=tenant" in argv and "--username=clinic" in argv


def test_postgres_pg_dump_smoke(db_url, tmp_path):
    if not db_url.startswith("postgresql"):
        pytest.skip("STORIES_TEST_DATABASE_URL is not set")
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore are not installed")
    f.submit()
    dest = backup(tmp_path / "stories.dump")
    assert dest.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    listing = subprocess.run(["pg_restore", "--list", str(dest)], capture_output=True, text=True,
                             check=True).stdout
    for table in ("story", "revision", "consent", "audit_event", "alembic_version"):
        assert f"TABLE DATA {engine_schema(db_url)} {table} " in listing, table
    with transaction() as s:
        assert s.execute(text("SELECT count(*) FROM story")).scalar_one() == 1  # live data intact


def engine_schema(url: str) -> str:
    with engine_for(url).connect() as conn:
        return conn.execute(text("SELECT current_schema()")).scalar_one()


def test_restore_refuses_postgresql(tmp_path):
    with pytest.raises(BackupError, match="pg_restore"):
        restore(tmp_path / "x.dump", url="postgresql+psycopg://u@h/db")


def test_restore_re_anchors_the_audit_log_at_the_backups_end(sqlite_url, tmp_path, capsys):
    from stories.audit import verify_anchored
    f.to_approved(f.submit(), f.staff())
    dest = backup(tmp_path / "before.db")
    f.submit(body=f.BODY + " Written after the backup.")  # more events, then taken back
    assert cli_main(["restore", "--from", str(dest)]) == 0
    assert "re-anchored" in capsys.readouterr().out
    with transaction() as s:
        assert verify_anchored(s).ok  # the older log is not reported as cut off
    with transaction() as s:
        s.execute(text("DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)"))
    with transaction() as s:
        assert not verify_anchored(s).ok  # and it is guarded again
