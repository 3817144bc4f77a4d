"""The served app over real HTTP: security headers, session cookie route, setup code."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest

from moderation import auth
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


@pytest.mark.parametrize("path", ["/", "/_stcore/health", "/auth/complete?ticket=x"])
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
        admin = auth.create_first_admin(match.group(1), "first-admin", f.PASSWORD, session=s)
    assert admin.role == "admin"


def test_ticket_becomes_an_httponly_strict_cookie_once(app):
    f.staff("moderator", "mod")
    with transaction() as s:
        token = auth.login("mod", f.PASSWORD, session=s)
    with transaction() as s:
        ticket = auth.issue_ticket(token, session=s)
    response = _get(f"{app.url}/auth/complete?ticket={ticket}")
    assert response.status == 303 and response.headers["Location"] == "/"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("stories_staff=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    value = cookie.split(";")[0].split("=", 1)[1]
    with transaction() as s:
        assert auth.identity_for(value, session=s).username == "mod"
    again = _get(f"{app.url}/auth/complete?ticket={ticket}")
    assert "Set-Cookie" not in again.headers  # a ticket works once


def test_logout_route_revokes_the_session(app):
    f.staff("moderator", "mod")
    with transaction() as s:
        token = auth.login("mod", f.PASSWORD, session=s)
    request = urllib.request.Request(f"{app.url}/auth/logout", headers={"Cookie": f"stories_staff={token}"})
    response = _get(request)
    assert response.status == 303 and "stories_staff=" in response.headers["Set-Cookie"]
    with transaction() as s:
        assert auth.identity_for(token, session=s) is None
