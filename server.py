"""The served app: Streamlit's ASGI `st.App` around `app.py`, plus HTTP hardening.

`./run` starts this file with `streamlit run server.py`.  It adds what a
Streamlit script cannot do over its websocket:

* security headers on every HTTP response (no framing, no MIME sniffing, no
  referrer, a restrictive permissions policy);
* a random browser id cookie (`moderation.browser.BROWSER_COOKIE`, HttpOnly,
  SameSite=Strict) with the first page a browser loads; forms and downloads
  are bound to it;
* staff login: the "Staff login" page's form posts to `/auth/login`, which
  checks the form token against the browser id (no login CSRF), checks the
  password, sets the server-side session token as an `HttpOnly;
  SameSite=Strict` cookie and sends the browser back to the page, signed in.
  Every tab of that browser shares the one session; `/auth/logout` revokes it
  on the server (so every tab is signed out at its next click) and clears the
  cookie;
* private downloads: `/download` hands a file to the browser that was offered
  it (see `moderation.browser`), never through Streamlit's anonymous media URLs.
"""

from __future__ import annotations

import os
from contextlib import asynccontextmanager

import streamlit as st
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from app_pages.setup_code import SETUP_ANNOUNCED, announce_setup_code
from moderation.browser import BROWSER_COOKIE, DOWNLOADS, form_token_ok, new_browser_id
from moderation.login import attempt_login
from moderation.sessions import COOKIE, identity_for, logout, session_max_age
from stories.db import transaction

LOGIN_PAGE = "/login"
MAX_FORM_BYTES = 8192  # username, password (1,024 characters at most) and a token
GONE = ("<!doctype html><title>Download expired</title><p>This download has expired or "
        "was made for another browser. Go back to the page and press the button again.</p>"
        '<p><a href="/">Back to the app</a></p>')

SECURITY_HEADERS = {
    b"x-frame-options": b"DENY",
    b"content-security-policy": (
        b"frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
    ),
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
    b"permissions-policy": b"camera=(), microphone=(), geolocation=(), payment=()",
    b"cross-origin-opener-policy": b"same-origin",
}


class SecurityHeaders:
    """ASGI middleware adding `SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        browser_cookie = _new_browser_cookie(scope)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                present = {k.lower(): v for k, v in headers}
                extra = [(k, v) for k, v in SECURITY_HEADERS.items() if k not in present]
                if browser_cookie and present.get(b"content-type", b"").startswith(b"text/html"):
                    extra.append((b"set-cookie", browser_cookie))
                message = {**message, "headers": [*headers, *extra]}
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def _new_browser_cookie(scope) -> bytes | None:
    """A Set-Cookie value giving a browser its id, or None when it already has one."""
    if Request(scope).cookies.get(BROWSER_COOKIE):
        return None
    secure = "; Secure" if scope.get("scheme") == "https" else ""
    return f"{BROWSER_COOKIE}={new_browser_id()}; Path=/; HttpOnly; SameSite=Strict{secure}".encode()


def _back_to_login(outcome: str | None = None) -> RedirectResponse:
    """303 to the Staff login page (with `?signin=outcome` for its message)."""
    url = f"{LOGIN_PAGE}?signin={outcome}" if outcome else LOGIN_PAGE
    response = RedirectResponse(url=url, status_code=303)
    response.headers["cache-control"] = "no-store"
    return response


def _same_origin(request: Request) -> bool:
    """False when the browser says the post came from another site (Origin header).

    Under this app's `Referrer-Policy: no-referrer` Chromium sends `Origin: null`
    for its own forms, so "null" proves nothing either way; the form token does.
    """
    origin = request.headers.get("origin")
    return origin in (None, "null") or origin == f"{request.url.scheme}://{request.url.netloc}"


async def _small_form(request: Request, fields: int):
    """The posted form fields, or None for a body larger than any of our forms."""
    try:
        if int(request.headers.get("content-length") or 0) > MAX_FORM_BYTES:
            return None
    except ValueError:
        return None
    return await request.form(max_files=0, max_fields=fields)


async def _bound_form(request: Request, purpose: str):
    """The posted form, if it came from a page rendered for this browser; else None."""
    form = await _small_form(request, 8)
    if form is None or not _same_origin(request):
        return None
    if not form_token_ok(request.cookies.get(BROWSER_COOKIE), purpose, form.get("form_token")):
        return None
    return form


async def sign_in(request: Request) -> RedirectResponse:
    """Check the login form's password; on success set the HttpOnly session cookie.

    The form must carry this browser's login token: a form posted from
    another site or another browser signs nobody in.
    """
    form = await _bound_form(request, "login")
    if form is None:
        return _back_to_login("expired")
    token = await run_in_threadpool(_password_login, str(form.get("username") or ""),
                                    str(form.get("password") or ""), request.cookies.get(COOKIE))
    if token is None:
        return _back_to_login("failed")
    response = _back_to_login()
    response.set_cookie(COOKIE, token, max_age=session_max_age(), httponly=True,
                        samesite="strict", secure=request.url.scheme == "https", path="/")
    return response


def _password_login(username: str, password: str, old_token: str | None) -> str | None:
    """A new session token for a right password (None if wrong); ends the browser's old one."""
    with transaction() as session:
        logout(old_token, session=session)
    with transaction() as session:  # its own transaction: a failure's counter commits
        return attempt_login(username[:64], password[:1024], session=session)


async def sign_out(request: Request) -> RedirectResponse:
    """Revoke the cookie's session on the server (every tab of it) and clear the cookie."""
    form = await _bound_form(request, "logout")
    if form is None:
        return _back_to_login()
    await run_in_threadpool(_end_session, request.cookies.get(COOKIE))
    response = _back_to_login("out")
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict",
                           secure=request.url.scheme == "https")
    return response


def _end_session(token: str | None) -> None:
    with transaction() as session:
        logout(token, session=session)


async def private_download(request: Request) -> Response:
    """Make and send an offered file, only to the browser it was offered to.

    Staff files also need a live staff session that still holds the
    offer's permission.  Nothing is cached; an unknown, expired or foreign
    token gets the same short page and no file.
    """
    form = await _small_form(request, 4)
    offer = form and DOWNLOADS.take(form.get("token"), request.cookies.get(BROWSER_COOKIE))
    if offer is None or not _same_origin(request):
        return HTMLResponse(GONE, status_code=404, headers={"cache-control": "no-store"})
    data = await run_in_threadpool(_make_file, offer, request.cookies.get(COOKIE))
    if data is None:
        return HTMLResponse(GONE, status_code=404, headers={"cache-control": "no-store"})
    return Response(data, media_type=offer.mime, headers={
        "content-disposition": f'attachment; filename="{offer.filename}"',
        "cache-control": "no-store"})


def _make_file(offer, staff_token: str | None) -> bytes | None:
    """The offer's bytes, after the staff permission check where it has one."""
    if offer.permission:
        with transaction() as session:
            who = identity_for(staff_token, session=session)
        if who is None or not who.can(offer.permission):
            return None
    data = offer.make()
    return data.encode() if isinstance(data, str) else data


@asynccontextmanager
async def announce_setup(_app):
    """At start-up, print the first-admin setup code when no staff account exists."""
    announce_setup_code()
    os.environ[SETUP_ANNOUNCED] = "1"  # app.py then does not print a second one
    yield None


app = st.App(
    "app.py",
    lifespan=announce_setup,
    middleware=[Middleware(SecurityHeaders)],
    routes=[Route("/auth/login", sign_in, methods=["POST"]),
            Route("/auth/logout", sign_out, methods=["POST"]),
            Route("/download", private_download, methods=["POST"])],
)
