"""Staff accounts: argon2id, generic failures, lockout, sessions, first admin."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from moderation.accounts import add_staff
from moderation.login import MAX_FAILURES, attempt_login, login
from moderation.service_accounts import service_account
from moderation.sessions import identity_for, logout
from moderation.setup_code import create_first_admin, issue_setup_code
from moderation.tokens import token_hash
from stories.db import transaction
from stories.errors import AuthenticationFailed, InvalidInput, NotAuthorized
from stories.models import StaffSession, StaffUser, utcnow
from tests import factories as f


def _login(user, password):
    with transaction() as s:
        return attempt_login(user, password, session=s)


def test_passwords_are_argon2id_and_login_gives_a_working_token(db_url):
    f.staff("moderator", "mod")
    with transaction() as s:
        stored = s.exec(select(StaffUser).where(StaffUser.username == "mod")).one()
    assert stored.password_hash.startswith("$argon2id$")
    token = _login("mod", f.PASSWORD)
    with transaction() as s:
        who = identity_for(token, session=s)
    assert who.username == "mod" and who.can("review") and not who.can("export")
    with transaction() as s:
        logout(token, session=s)
    with transaction() as s:
        assert identity_for(token, session=s) is None


def test_lockout_after_repeated_failures_even_with_the_right_password(db_url):
    f.staff("moderator", "mod")
    for _ in range(MAX_FAILURES):
        assert _login("mod", "wrong password!") is None
    assert _login("mod", f.PASSWORD) is None


def test_failure_message_is_generic(db_url):
    f.staff("moderator", "mod")
    with pytest.raises(AuthenticationFailed) as unknown, transaction() as s:
        login("nobody", "x", session=s)
    with pytest.raises(AuthenticationFailed) as wrong, transaction() as s:
        login("mod", "x", session=s)
    assert str(unknown.value) == str(wrong.value)


@pytest.mark.parametrize("username,password", [("ab", f.PASSWORD), ("ok-name", "short")])
def test_weak_accounts_are_refused(db_url, username, password):
    with pytest.raises(InvalidInput), transaction() as s:
        add_staff(username, password, "moderator", session=s)


def test_first_admin_needs_the_setup_code_and_only_works_once(db_url):
    with transaction() as s:
        code = issue_setup_code(session=s)
    assert code
    with pytest.raises(NotAuthorized), transaction() as s:
        create_first_admin("guess", "admin", f.PASSWORD, session=s)
    with transaction() as s:
        admin = create_first_admin(code, "admin", f.PASSWORD, session=s)
    assert admin.role == "admin"
    with pytest.raises(NotAuthorized), transaction() as s:
        create_first_admin(code, "second", f.PASSWORD, session=s)
    with transaction() as s:
        assert issue_setup_code(session=s) is None


def test_service_accounts_cannot_log_in(db_url):
    with transaction() as s:
        service_account("cli", session=s)
    assert _login("svc-cli", "!") is None


def _session_row(token):
    with transaction() as s:
        return s.get(StaffSession, token_hash(token))


def _shift(token, **fields):
    """Move a session's clock fields into the past (as if time had passed)."""
    with transaction() as s:
        row = s.get(StaffSession, token_hash(token))
        for name, delta in fields.items():
            setattr(row, name, getattr(row, name) - delta)
        s.add(row)


def _who(token):
    with transaction() as s:
        return identity_for(token, session=s)


def test_a_session_ends_after_the_idle_timeout(db_url, monkeypatch):
    monkeypatch.setenv("STORIES_SESSION_IDLE_MINUTES", "20")
    f.staff("moderator", "mod")
    token = _login("mod", f.PASSWORD)
    row = _session_row(token)
    assert timedelta(minutes=19) < row.expires_at - row.created_at <= timedelta(minutes=20)
    _shift(token, created_at=timedelta(minutes=15), expires_at=timedelta(minutes=15))
    assert _who(token).username == "mod"  # used after 15 idle minutes: still live, and extended
    assert _session_row(token).expires_at - utcnow() > timedelta(minutes=19)
    _shift(token, expires_at=timedelta(minutes=21))  # then 21 minutes without use
    assert _who(token) is None


def test_a_session_ends_at_the_absolute_limit_however_busy(db_url, monkeypatch):
    monkeypatch.setenv("STORIES_SESSION_IDLE_MINUTES", "30")
    monkeypatch.setenv("STORIES_SESSION_MAX_HOURS", "2")
    f.staff("moderator", "mod")
    token = _login("mod", f.PASSWORD)
    _shift(token, created_at=timedelta(hours=1, minutes=50))
    assert _who(token) is not None  # used 10 minutes before the end
    assert _session_row(token).expires_at <= _session_row(token).created_at + timedelta(hours=2)
    _shift(token, created_at=timedelta(minutes=11))  # in use all along, but 2 h since login
    assert _who(token) is None
