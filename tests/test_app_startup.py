"""Start-up checks in app.py: an out-of-date schema or a missing key stops the app."""

from __future__ import annotations

from test_app_support import app, messages


def test_missing_encryption_key_stops_the_app(db_url, monkeypatch):
    monkeypatch.delenv("STORIES_ENCRYPTION_KEY")
    at = app()
    assert any("STORIES_ENCRYPTION_KEY is not set" in m for m in messages(at))
    assert not at.text_input and not at.title


def test_unmigrated_database_stops_the_app(db_url, monkeypatch, tmp_path):
    monkeypatch.setenv("STORIES_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    at = app()
    assert any("python -m stories db upgrade" in m for m in messages(at))
    assert not at.text_input and not at.title
