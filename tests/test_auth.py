"""Staff accounts: argon2id, generic failures, lockout, sessions, first admin."""

from __future__ import annotations

import pytest

from moderation import auth
from stories.db import transaction
from stories.errors import InvalidInput, NotAuthorized
from stories.models import StaffUser
from tests import factories as f


def _login(user, password):
    with transaction() as s:
        return auth.attempt_login(user, password, session=s)


def test_passwords_are_argon2id_and_login_gives_a_working_token(db_url):
    f.staff("moderator", "mod")
    with transaction() as s:
        stored = s.exec(auth.select(StaffUser).where(StaffUser.username == "mod")).one()
    assert stored.password_hash.startswith("$argon2id$")
    token = _login("mod", f.PASSWORD)
    with transaction() as s:
        who = auth.identity_for(token, session=s)
    assert who.username == "mod" and who.can("review") and not who.can("export")
    with transaction() as s:
        auth.logout(token, session=s)
    with transaction() as s:
        assert auth.identity_for(token, session=s) is None


def test_lockout_after_repeated_failures_even_with_the_right_password(db_url):
    f.staff("moderator", "mod")
    for _ in range(auth.MAX_FAILURES):
        assert _login("mod", "wrong password!") is None
    assert _login("mod", f.PASSWORD) is None


def test_failure_message_is_generic(db_url):
    f.staff("moderator", "mod")
    with pytest.raises(auth.AuthenticationFailed) as unknown, transaction() as s:
        auth.login("nobody", "x", session=s)
    with pytest.raises(auth.AuthenticationFailed) as wrong, transaction() as s:
        auth.login("mod", "x", session=s)
    assert str(unknown.value) == str(wrong.value)


@pytest.mark.parametrize("username,password", [("ab", f.PASSWORD), ("ok-name", "short")])
def test_weak_accounts_are_refused(db_url, username, password):
    with pytest.raises(InvalidInput), transaction() as s:
        auth.add_staff(username, password, "moderator", session=s)


def test_first_admin_needs_the_setup_code_and_only_works_once(db_url):
    with transaction() as s:
        code = auth.issue_setup_code(session=s)
    assert code
    with pytest.raises(NotAuthorized), transaction() as s:
        auth.create_first_admin("guess", "admin", f.PASSWORD, session=s)
    with transaction() as s:
        admin = auth.create_first_admin(code, "admin", f.PASSWORD, session=s)
    assert admin.role == "admin"
    with pytest.raises(NotAuthorized), transaction() as s:
        auth.create_first_admin(code, "second", f.PASSWORD, session=s)
    with transaction() as s:
        assert auth.issue_setup_code(session=s) is None


def test_service_accounts_cannot_log_in(db_url):
    with transaction() as s:
        auth.service_account("cli", session=s)
    assert _login("svc-cli", "!") is None
