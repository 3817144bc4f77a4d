"""Signing a staff member in from a real browser: the one helper every browser test uses.

It types the username and password on "Staff login", presses Log in once and
waits until the page says who is signed in (the session cookie is then set in
this tab; see `server.py`).
"""

from __future__ import annotations

from tests import factories as f
from tests.browser_journey_util import Visitor, click_button


def sign_in(visitor: Visitor, username: str, password: str = f.PASSWORD):
    """Sign `username` in on "Staff login"; return the page, signed in."""
    page = visitor.open("/login")
    page.get_by_label("Username", exact=True).fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    click_button(page, "Log in", f"Signed in as {username}")
    return page
