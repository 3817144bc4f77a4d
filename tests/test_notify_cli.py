"""`python -m stories notify send|status` and `demo`, as real subprocesses, with a real SMTP server."""

from __future__ import annotations

import pytest
from sqlmodel import select

from stories.db import transaction
from stories.models import ContactPreference
from tests.smtp_server import SmtpServer, body
from tests.test_cli import cli


@pytest.fixture
def server():
    smtp_server = SmtpServer().start()
    yield smtp_server
    smtp_server.stop()


def test_notify_send_without_smtp_settings_sends_nothing_and_says_so(db_url):
    result = cli("notify", "send", env_extra={"STORIES_SMTP_URL": ""})
    assert result.returncode == 0
    assert result.stdout.strip().startswith("notifications are off")


def test_demo_authors_who_opted_in_hear_of_sign_off_and_publication(db_url, server, tmp_path):
    env = {"STORIES_SMTP_URL": server.url}
    assert cli("demo", "--stories", "12", "--approve", "--seed", "3", env_extra=env)\
        .returncode == 0
    with transaction() as s:
        opted = s.exec(select(ContactPreference).where(ContactPreference.notify.is_(True))).all()
    assert opted, "the demo seeds no story whose author opted in"
    assert cli("export", "--out", str(tmp_path / "site"), env_extra=env).returncode == 0
    result = cli("notify", "send", env_extra=env)
    assert result.returncode == 0, result.stderr
    # "notices on", sign-off requested, then published (its first export)
    assert f"sent {3 * len(opted)}," in result.stdout
    recipients = {r for rcpt, _ in server.messages for r in rcpt}
    assert len(recipients) == len(opted)
    assert all(r.endswith("@example.org") for r in recipients)
    assert all("news about the story you shared" in body(m) for _, m in server.messages)
    assert "@" not in result.stdout + result.stderr  # counts only, never an address
    status = cli("notify", "status", env_extra=env)
    assert "notifications are on" in status.stdout
    assert f"sent {3 * len(opted)}" in status.stdout


def test_a_bad_smtp_url_is_a_one_line_error_without_the_password(db_url):
    result = cli("notify", "send", env_extra={"STORIES_SMTP_URL": "smtp://desk:hunter2@mail"})
    assert result.returncode == 2
    assert "STORIES_SMTP_PASSWORD" in result.stderr and "hunter2" not in result.stderr


def test_a_bad_cap_is_a_one_line_error(db_url):
    result = cli("notify", "status", env_extra={"STORIES_NOTIFY_DAILY_CAP": "lots"})
    assert result.returncode == 2
    assert result.stderr.strip() == ("error: STORIES_NOTIFY_DAILY_CAP must be a whole number of "
                                     "at least 1 (it is 'lots').")
