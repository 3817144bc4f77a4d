"""The served app over real HTTP: security headers, login and logout routes, downloads, setup code."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest

from moderation.browser import form_token
from moderation.login import login
from moderation.sessions import identity_for
from moderation.setup_code import create_first_admin
from stories.db import transaction
from tests import factories as f
from tests.server_util import running_app


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url):
    opener = urllib.request.build_opener(NoRedirect)
    try:
        return opener.open(url, timeout=10)
    except urllib.error.HTTPError as exc:  # 303 arrives as an "error" without redirects
        return exc


@pytest.fixture
def app(db_url, tmp_path):
    with running_app(tmp_path) as running:
        yield running


@pytest.mark.parametrize("path", ["/", "/_stcore/health", "/auth/login", "/download"])
def test_security_headers_on_every_response(app, path):
    headers = _get(app.url + path).headers
    assert headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_setup_code_is_printed_on_the_console_at_start(app):
    console = app.console()
    match = re.search(r"one-time code:\s+(\S+)", console)
    assert match, console[-2000:]
    with transaction() as s:
        admin = create_first_admin(match.group(1), "first-admin", f.PASSWORD, session=s)
    assert admin.role == "admin"


def _browser(app) -> str:
    """Load the app's page once, as a browser does; return the browser id cookie it gets."""
    cookie = _get(app.url + "/login").headers["Set-Cookie"]
    assert cookie.startswith("stories_browser=")
    return cookie.split(";")[0].split("=", 1)[1]


def _post(app, path, fields, browser=None, staff=None, origin=None):
    cookies = "; ".join(f"{k}={v}" for k, v in (("stories_browser", browser),
                                                 ("stories_staff", staff)) if v)
    headers = {"Cookie": cookies} if cookies else {}
    if origin:
        headers["Origin"] = origin
    request = urllib.request.Request(app.url + path, data=urlencode(fields).encode(),
                                     headers=headers)
    return _get(request)


def _login_fields(browser, username="mod", password=f.PASSWORD):
    return {"username": username, "password": password,
            "form_token": form_token(browser, "login")}


def test_every_page_gives_the_browser_an_httponly_strict_id_cookie(app):
    cookie = _get(app.url + "/").headers["Set-Cookie"]
    assert cookie.startswith("stories_browser=")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    known = urllib.request.Request(app.url + "/", headers={"Cookie": "stories_browser=abc"})
    assert "Set-Cookie" not in _get(known).headers  # given once, then kept


def test_login_post_sets_an_httponly_strict_session_cookie(app):
    f.staff("moderator", "mod")
    browser = _browser(app)
    response = _post(app, "/auth/login", _login_fields(browser), browser=browser)
    assert response.status == 303 and response.headers["Location"] == "/login"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("stories_staff=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Max-Age=28800" in cookie
    value = cookie.split(";")[0].split("=", 1)[1]
    with transaction() as s:
        assert identity_for(value, session=s).username == "mod"


def test_wrong_password_gets_the_generic_outcome_and_no_cookie(app):
    f.staff("moderator", "mod")
    browser = _browser(app)
    for fields in (_login_fields(browser, password="not the password"),
                   _login_fields(browser, username="nobody")):
        response = _post(app, "/auth/login", fields, browser=browser)
        assert response.headers["Location"] == "/login?signin=failed"
        assert "stories_staff" not in (response.headers["Set-Cookie"] or "")


@pytest.mark.parametrize("case", ["other browser", "no browser cookie", "no token", "other site"])
def test_a_login_post_not_bound_to_the_sending_browser_signs_nobody_in(app, case):
    f.staff("moderator", "mod")
    attacker, victim = _browser(app), _browser(app)
    fields = _login_fields(attacker)
    if case == "no token":
        del fields["form_token"]
    sender = {"other browser": victim, "no browser cookie": None}.get(case, attacker)
    origin = "https://attacker.example" if case == "other site" else None
    response = _post(app, "/auth/login", fields, browser=sender, origin=origin)
    assert response.headers["Location"] == "/login?signin=expired"
    assert "stories_staff" not in (response.headers["Set-Cookie"] or "")


def test_logout_route_revokes_the_session_and_clears_the_cookie(app):
    f.staff("moderator", "mod")
    with transaction() as s:
        token = login("mod", f.PASSWORD, session=s)
    browser = _browser(app)
    refused = _post(app, "/auth/logout", {"form_token": "forged"}, browser=browser, staff=token)
    assert refused.headers["Location"] == "/login"
    with transaction() as s:
        assert identity_for(token, session=s) is not None  # a forged form does nothing
    response = _post(app, "/auth/logout", {"form_token": form_token(browser, "logout")},
                     browser=browser, staff=token)
    assert response.status == 303 and response.headers["Location"] == "/login?signin=out"
    assert 'stories_staff=""' in response.headers["Set-Cookie"]
    with transaction() as s:
        assert identity_for(token, session=s) is None


def test_the_old_ticket_and_get_routes_sign_nobody_in_or_out(app):
    f.staff("moderator", "mod")
    with transaction() as s:
        token = login("mod", f.PASSWORD, session=s)
    cookie = {"Cookie": f"stories_staff={token}"}
    for path in ("/auth/complete?ticket=x", "/auth/logout", "/auth/login"):
        response = _get(urllib.request.Request(app.url + path, headers=cookie))
        assert "stories_staff=" not in (response.headers["Set-Cookie"] or "")
    with transaction() as s:
        assert identity_for(token, session=s) is not None


def test_a_download_token_nobody_offered_gets_no_file(app):
    browser = _browser(app)
    for sender in (browser, None):
        response = _post(app, "/download", {"token": "guessed"}, browser=sender)
        assert response.status == 404 and "expired" in response.read().decode()
