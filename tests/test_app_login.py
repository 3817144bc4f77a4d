"""The Staff login page: the form that posts to the server, sign-in state, logout, first admin."""

from __future__ import annotations

import re

import factories as f
import pytest
from streamlit.testing.v1 import AppTest
from test_app_support import (
    APP,
    app,
    fast_hashing,  # noqa: F401 (fixture)
    html_bodies,
    messages,
    press,
    widget,
)

from app_pages.navigation import visible_titles
from moderation.accounts import staff_count
from moderation.browser import form_token
from moderation.login import login
from moderation.roles import StaffIdentity
from moderation.sessions import logout
from moderation.setup_code import issue_setup_code
from stories.db import transaction

pytestmark = pytest.mark.usefixtures("fast_hashing")

GENERIC = "Username or password is wrong, or the account is locked for a while."


@pytest.fixture
def cookies(monkeypatch) -> dict[str, str]:
    """The cookies the page's request carries (AppTest has none of its own): fill it in."""
    import app_pages.common

    jar: dict[str, str] = {}
    monkeypatch.setattr(app_pages.common, "_cookie", lambda name: jar.get(name))
    return jar


def login_forms(at) -> list[str]:
    return [body for body in html_bodies(at) if 'action="/auth/' in body]


def test_login_is_a_form_posting_to_the_server_with_this_browsers_token(db_url, cookies):
    f.staff("moderator", "mod.one")
    cookies["stories_browser"] = "browser-one"
    at = app("login")
    [form] = login_forms(at)
    assert 'method="post" action="/auth/login"' in form
    assert f'name="form_token" value="{form_token("browser-one", "login")}"' in form
    assert 'name="password" type="password"' in form and 'autocomplete="current-password"' in form
    assert not at.text_input  # the password never travels through the websocket
    assert not at.get("link_button")  # no "stay signed in" step, no new tab


def test_without_the_browser_cookie_the_page_says_how_to_sign_in(db_url, cookies):
    f.staff("moderator", "mod.one")
    at = app("login")
    assert not login_forms(at)
    assert any("allow cookies" in m for m in messages(at, "warning"))


@pytest.mark.parametrize("outcome,kind,text", [
    ("failed", "error", GENERIC),
    ("expired", "warning", "The login form was out of date."),
    ("out", "success", "You are logged out."),
])
def test_the_outcome_of_a_post_is_shown_once(db_url, cookies, outcome, kind, text):
    f.staff("moderator", "mod.one")
    cookies["stories_browser"] = "browser-one"
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["signin"] = outcome
    at.run()
    at.switch_page("app_pages/login.py").run()
    assert any(m.startswith(text) for m in messages(at, kind)), messages(at, kind)
    assert "signin" not in at.query_params


def test_the_cookie_signs_in_every_tab_and_a_logout_anywhere_ends_it(db_url, cookies):
    moderator = f.staff("moderator", "mod.one")
    with transaction() as s:
        token = login("mod.one", f.PASSWORD, session=s)
    cookies.update(stories_browser="browser-one", stories_staff=token)
    tabs = [app("queue"), app("queue")]  # two tabs: no login in either, the cookie alone
    for at in tabs:
        assert not messages(at) and at.title[0].value == "Moderation queue"
    tabs[0].switch_page("app_pages/login.py").run()
    assert f"Signed in as {moderator.username} (moderator)." in messages(tabs[0], "success")
    [logout_form] = login_forms(tabs[0])
    assert 'action="/auth/logout"' in logout_form
    assert form_token("browser-one", "logout") in logout_form
    with transaction() as s:  # what the form's route does
        logout(token, session=s)
    tabs[1].run()  # the other tab, at its next click
    assert any("Please sign in" in m for m in messages(tabs[1]))
    assert "Moderation queue" not in [t.value for t in tabs[1].title]


def test_first_admin_with_the_console_setup_code(db_url, capsys, cookies):
    cookies["stories_browser"] = "browser-one"
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
    assert login_forms(at)  # now the normal login form
    assert code not in "\n".join(m.value for m in at.markdown)


def test_staff_pages_appear_in_the_menu_only_for_allowed_roles(db_url):
    public = {"Share your story", "Check my story", "Staff login"}
    assert visible_titles(None) == public
    assert visible_titles(StaffIdentity(1, "m", "moderator")) == public | {"Queue", "Review",
                                                                          "Takedowns", "Excerpts"}
    assert visible_titles(StaffIdentity(2, "p", "publisher")) == public | {"Export", "Excerpts"}
    assert visible_titles(StaffIdentity(3, "a", "admin")) == public | {
        "Queue", "Review", "Export", "Admin", "Notifications", "Takedowns", "Excerpts"}
