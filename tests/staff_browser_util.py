"""Signing a staff member in from a real browser: one small helper, in one place.

The login flow is changing (sessions that survive a reload); when it does,
this is the only function the staff browser tests need adapted.
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
