"""Staff login, logout, lockout and the first-admin setup code."""

from __future__ import annotations

import re

import factories as f
import pytest
from test_app_support import (
    app,
    fast_hashing,  # noqa: F401 (fixture)
    messages,
    press,
    widget,
)

from app_pages.navigation import visible_titles
from moderation.auth import MAX_FAILURES, StaffIdentity, identity_for, issue_setup_code, login, staff_count
from stories.db import transaction

pytestmark = pytest.mark.usefixtures("fast_hashing")

GENERIC = "Username or password is wrong, or the account is locked for a while."


def log_in(username: str, password: str):
    at = app("login")
    widget(at.text_input, "login_username").set_value(username)
    widget(at.text_input, "login_password").set_value(password)
    return press(at, "Log in")


def test_login_and_logout(db_url):
    f.staff("moderator", "mod.one")
    at = log_in("mod.one", f.PASSWORD)
    assert not messages(at)
    assert "Signed in as mod.one (moderator)." in messages(at, "success")
    token = at.session_state["staff_token"]
    link = at.get("link_button")[0]
    assert link.proto.url.startswith("/auth/complete?ticket=")
    assert token not in link.proto.url
    press(at, "Log out")
    assert "staff_token" not in at.session_state
    with transaction() as s:
        assert identity_for(token, session=s) is None
    assert widget(at.text_input, "login_username")  # the form is back


def test_wrong_password_and_unknown_user_get_the_same_generic_error(db_url):
    f.staff("moderator", "mod.one")
    assert messages(log_in("mod.one", "not the password at all")) == [GENERIC]
    assert messages(log_in("nobody.here", f.PASSWORD)) == [GENERIC]


def test_lockout_after_repeated_failures(db_url):
    f.staff("moderator", "mod.one")
    at = log_in("mod.one", "wrong password 0")
    for n in range(1, MAX_FAILURES):
        widget(at.text_input, "login_password").set_value(f"wrong password {n}")
        press(at, "Log in")
    widget(at.text_input, "login_password").set_value(f.PASSWORD)
    press(at, "Log in")
    assert messages(at) == [GENERIC]
    assert "staff_token" not in at.session_state


def test_first_admin_with_the_console_setup_code(db_url, capsys):
    at = app("login")
    out = capsys.readouterr().out
    found = re.search(r"one-time code:\s+(\S+)", out)
    assert "FIRST-TIME SETUP" in out or found is None
    if found:
        code = found.group(1)
    else:  # the process already announced a code for this database URL
        with transaction() as s:
            code = issue_setup_code(session=s)
    assert "First-time setup" in [h.value for h in at.subheader]
    widget(at.text_input, "setup_code").set_value("not-the-code")
    widget(at.text_input, "setup_username").set_value("boss")
    widget(at.text_input, "setup_password").set_value(f.PASSWORD)
    press(at, "Create the administrator account")
    assert any("setup code is wrong" in m for m in messages(at))
    with transaction() as s:
        assert staff_count(session=s) == 0
    widget(at.text_input, "setup_code").set_value(code)
    widget(at.text_input, "setup_password").set_value(f.PASSWORD)
    press(at, "Create the administrator account")
    assert not messages(at)
    with transaction() as s:
        assert staff_count(session=s) == 1
    assert widget(at.text_input, "login_username")  # now the normal login form
    assert code not in "\n".join(m.value for m in at.markdown)


def test_staff_pages_appear_in_the_menu_only_for_allowed_roles(db_url):
    public = {"Share your story", "Check my story", "Staff login"}
    assert visible_titles(None) == public
    assert visible_titles(StaffIdentity(1, "m", "moderator")) == public | {"Queue", "Review"}
    assert visible_titles(StaffIdentity(2, "p", "publisher")) == public | {"Export"}
    assert visible_titles(StaffIdentity(3, "a", "admin")) == public | {
        "Queue", "Review", "Export", "Admin"}


def test_the_session_cookie_signs_in_after_a_reload_and_logout_revokes_it(db_url, monkeypatch):
    import app_pages.common

    moderator = f.staff("moderator", "mod.one")
    with transaction() as s:
        token = login("mod.one", f.PASSWORD, session=s)
    monkeypatch.setattr(app_pages.common, "cookie_token", lambda: token)
    at = app("queue")  # no login in this tab: the cookie alone
    assert not messages(at) and at.title[0].value == "Moderation queue"
    at.switch_page("app_pages/login.py").run()
    assert f"Signed in as {moderator.username} (moderator)." in messages(at, "success")
    press(at, "Log out")
    with transaction() as s:
        assert identity_for(token, session=s) is None
