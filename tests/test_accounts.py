"""Account management: disable, enable, unlock, reset-password, set-role (service and CLI)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select
from test_cli import cli

from moderation import accounts
from moderation.login import attempt_login, login
from moderation.sessions import identity_for
from stories.db import transaction
from stories.errors import InvalidInput, NotAuthorized, NotFound
from stories.models import AuditEvent, StaffSession, StaffUser, utcnow
from tests import factories as f

NEW_PASSWORD = "a brand new long passphrase"


def sign_in(username: str, password: str = f.PASSWORD) -> str:
    with transaction() as s:
        return login(username, password, session=s)


def user(username: str) -> StaffUser:
    with transaction() as s:
        return s.exec(select(StaffUser).where(StaffUser.username == username)).one()


def audit(action: str) -> list[str]:
    with transaction() as s:
        return [e.detail for e in s.exec(select(AuditEvent).where(AuditEvent.action == action))]


def call(fn, *args, who):
    with transaction() as s:
        return fn(*args, who=who, session=s)


def lock(username: str) -> None:
    for _ in range(5):
        with transaction() as s:
            attempt_login(username, "wrong password entirely", session=s)


@pytest.fixture
def admin(db_url):
    return f.staff("admin", "the.admin")


def test_disable_ends_every_session_and_login(admin):
    mod = f.staff("moderator", "leaving.mod")
    tokens = [sign_in("leaving.mod"), sign_in("leaving.mod")]
    other = sign_in("the.admin")
    assert call(accounts.disable, "leaving.mod", who=admin) == 2
    with transaction() as s:
        assert all(identity_for(t, session=s) is None for t in tokens)
        assert identity_for(other, session=s) is not None  # only hers end
        rows = s.exec(select(StaffSession).where(StaffSession.staff_id == mod.id)).all()
        assert rows and all(r.revoked_at is not None for r in rows)
        assert attempt_login("leaving.mod", f.PASSWORD, session=s) is None
    assert audit("staff disable") == [f"staff {mod.id} sessions ended 2"]
    call(accounts.enable, "leaving.mod", who=admin)
    assert user("leaving.mod").active
    with transaction() as s:
        assert identity_for(tokens[0], session=s) is None  # old sessions stay ended
    assert sign_in("leaving.mod")
    assert audit("staff enable") == [f"staff {mod.id}"]


def test_unlock_lifts_the_lock_and_the_list_shows_until_when(admin):
    f.staff("moderator", "locked.mod")
    lock("locked.mod")
    row = next(r for r in call(accounts.accounts, who=admin) if r.username == "locked.mod")
    assert row.locked_until and row.locked_until > utcnow() + timedelta(minutes=10)
    assert row.state.startswith("locked until ") and row.state.endswith(" UTC")
    with transaction() as s:
        assert attempt_login("locked.mod", f.PASSWORD, session=s) is None  # locked
    call(accounts.unlock, "locked.mod", who=admin)
    assert sign_in("locked.mod")
    with pytest.raises(InvalidInput, match="not locked"):
        call(accounts.unlock, "locked.mod", who=admin)
    assert len(audit("staff unlock")) == 1


def test_reset_password_replaces_it_ends_sessions_and_audits_no_password(admin):
    mod = f.staff("moderator", "forgetful.mod")
    token = sign_in("forgetful.mod")
    old_hash = user("forgetful.mod").password_hash
    with pytest.raises(InvalidInput, match="12 to 1024"):
        call(accounts.reset_password, "forgetful.mod", "short", who=admin)
    assert call(accounts.reset_password, "forgetful.mod", NEW_PASSWORD, who=admin) == 1
    assert user("forgetful.mod").password_hash != old_hash
    with transaction() as s:
        assert identity_for(token, session=s) is None
        assert attempt_login("forgetful.mod", f.PASSWORD, session=s) is None
    assert sign_in("forgetful.mod", NEW_PASSWORD)
    details = audit("staff reset password")
    assert details == [f"staff {mod.id} sessions ended 1"]
    with transaction() as s:
        every = " ".join(f"{e.action} {e.detail}" for e in s.exec(select(AuditEvent)))
    assert NEW_PASSWORD not in every and "argon2" not in every


def test_set_role_changes_what_the_account_may_do(admin):
    f.staff("moderator", "growing.mod")
    token = sign_in("growing.mod")
    call(accounts.set_role, "growing.mod", "publisher", who=admin)
    with transaction() as s:
        who = identity_for(token, session=s)
    assert who.role == "publisher" and who.can("export") and not who.can("review")
    assert audit("staff set role")[0].endswith("from moderator to publisher")
    with pytest.raises(InvalidInput, match="role must be one of"):
        call(accounts.set_role, "growing.mod", "owner", who=admin)


def test_the_last_active_admin_cannot_be_disabled_or_demoted(admin):
    with pytest.raises(accounts.LastActiveAdmin):
        call(accounts.disable, "the.admin", who=admin)
    with pytest.raises(accounts.LastActiveAdmin):
        call(accounts.set_role, "the.admin", "moderator", who=admin)
    assert user("the.admin").active and user("the.admin").role == "admin"
    second = f.staff("admin", "second.admin")
    call(accounts.set_role, "the.admin", "moderator", who=second)  # now there is another
    with pytest.raises(accounts.LastActiveAdmin):
        call(accounts.disable, "second.admin", who=second)
    assert not audit("staff disable")


@pytest.mark.parametrize("fn,args", [
    (accounts.disable, ("x.user",)), (accounts.enable, ("x.user",)),
    (accounts.unlock, ("x.user",)), (accounts.reset_password, ("x.user", NEW_PASSWORD)),
    (accounts.set_role, ("x.user", "admin")), (accounts.accounts, ()),
])
def test_only_admins_manage_accounts(db_url, fn, args):
    f.staff("moderator", "x.user")
    for role in ("moderator", "publisher"):
        with pytest.raises(NotAuthorized):
            call(fn, *args, who=f.staff(role, f"{role}.caller"))
    assert user("x.user").role == "moderator" and user("x.user").active


def test_service_accounts_and_unknown_names_are_not_managed(admin):
    with transaction() as s:
        from moderation.service_accounts import service_account
        service_account("cli", session=s)
    for name in ("svc-cli", "nobody.here"):
        with pytest.raises(NotFound):
            call(accounts.enable, name, who=admin)
    assert "svc-cli" not in {r.username for r in call(accounts.accounts, who=admin)}


def test_cli_manages_accounts_end_to_end(admin):
    mod = f.staff("moderator", "cli.mod")
    token = sign_in("cli.mod")
    result = cli("staff", "disable", "cli.mod")
    assert result.returncode == 0, result.stderr
    assert "disabled account cli.mod; 1 session(s) ended" in result.stdout
    assert not user("cli.mod").active
    with transaction() as s:
        assert identity_for(token, session=s) is None
    assert cli("staff", "enable", "cli.mod").returncode == 0 and user("cli.mod").active
    lock("cli.mod")
    assert cli("staff", "unlock", "cli.mod").returncode == 0
    assert user("cli.mod").locked_until is None
    result = cli("staff", "reset-password", "cli.mod", "--password-stdin",
                 stdin=NEW_PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert NEW_PASSWORD not in result.stdout + result.stderr
    assert sign_in("cli.mod", NEW_PASSWORD)
    assert cli("staff", "set-role", "cli.mod", "admin").returncode == 0
    assert user("cli.mod").role == "admin"
    with transaction() as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action.like("staff %"))).all()
    mine = [e.action for e in events if e.detail.startswith(f"staff {mod.id}")]
    assert [a for a in mine if a not in ("staff add", "staff locked")] == [
        "staff disable", "staff enable", "staff unlock", "staff reset password",
        "staff set role"]
    assert all(e.actor_id is not None for e in events
               if e.action not in ("staff add", "staff locked"))


def test_cli_refuses_without_a_terminal_and_keeps_the_last_admin(admin):
    result = cli("staff", "reset-password", "the.admin", stdin=NEW_PASSWORD + "\n")
    assert result.returncode == 2 and "--password-stdin" in result.stderr
    result = cli("staff", "disable", "the.admin")
    assert result.returncode == 2 and "last active admin" in result.stderr
    result = cli("staff", "set-role", "the.admin", "publisher")
    assert result.returncode == 2 and user("the.admin").role == "admin"
