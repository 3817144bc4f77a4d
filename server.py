"""The served app: Streamlit's ASGI `st.App` around `app.py`, plus HTTP hardening.

`./run` starts this file with `streamlit run server.py`.  It adds what a
Streamlit script cannot do over its websocket:

* security headers on every HTTP response (no framing, no MIME sniffing, no
  referrer, a restrictive permissions policy);
* the staff session cookie: `/auth/complete?ticket=...` exchanges a one-time
  ticket (made right after a successful login) for a server-side session token
  set as an `HttpOnly; SameSite=Strict` cookie, so a login survives a page
  reload without anything a script can read; `/auth/logout` revokes the
  session and clears the cookie.
"""

from __future__ import annotations

import os
from contextlib import asynccontextmanager

import streamlit as st
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from app_pages.setup_code import SETUP_ANNOUNCED, announce_setup_code
from moderation.auth import COOKIE, SESSION_HOURS, logout, redeem_ticket
from stories.db import transaction

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

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS.items() if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def _redirect_home(request: Request) -> RedirectResponse:
    response = RedirectResponse(url="/", status_code=303)
    response.headers["cache-control"] = "no-store"
    return response


def complete_login(request: Request) -> RedirectResponse:
    """Turn a one-time ticket into the HttpOnly session cookie."""
    with transaction() as session:
        token = redeem_ticket(request.query_params.get("ticket", ""), session=session)
    response = _redirect_home(request)
    if token:
        response.set_cookie(COOKIE, token, max_age=SESSION_HOURS * 3600, httponly=True,
                            samesite="strict", secure=request.url.scheme == "https", path="/")
    return response


def end_session(request: Request) -> RedirectResponse:
    """Revoke the cookie's session on the server and clear the cookie."""
    with transaction() as session:
        logout(request.cookies.get(COOKIE), session=session)
    response = _redirect_home(request)
    response.delete_cookie(COOKIE, path="/")
    return response


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
    routes=[Route("/auth/complete", complete_login), Route("/auth/logout", end_session)],
)
