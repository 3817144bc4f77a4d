"""What binds a request to the browser that started it: forms and private downloads.

`server.py` gives every browser a random `BROWSER_COOKIE` (HttpOnly,
SameSite=Strict) with the first page it loads.  Streamlit pages read it on
the server (`st.context.cookies`), never in a script.  Two things use it:

* **form tokens**: the staff login and logout forms are plain HTTP posts to
  `server.py` (only an HTTP response can set or clear the session cookie).
  Each form carries `form_token(browser, purpose)`; the route refuses a post
  whose token does not match the cookie of the browser sending it, so a page
  elsewhere cannot sign a visitor in as someone else (login CSRF) or out.
* **private downloads**: a patient's authorization and the staff export zip
  are never handed to Streamlit's media store (anonymous `/media/<id>` URLs).
  A page registers an `Offer`; the browser posts its token to `/download`, and
  `server.py` makes the file only then, only for the browser that was offered
  it (and, for staff files, only while its staff session holds the
  permission).  Offers live a few minutes in this process's memory.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

BROWSER_COOKIE = "stories_browser"
OFFER_SECONDS = 1800  # a button keeps working this long after its page last ran


def new_browser_id() -> str:
    """A fresh random browser id for `BROWSER_COOKIE`."""
    return secrets.token_urlsafe(32)


def form_token(browser_id: str, purpose: str) -> str:
    """The hidden-field value that proves a form was rendered for this browser.

    A hash, so the page never holds the HttpOnly cookie's value itself.
    """
    return hashlib.sha256(f"form:{purpose}:{browser_id}".encode()).hexdigest()


def form_token_ok(browser_id: str | None, purpose: str, given: str | None) -> bool:
    """Whether `given` is this browser's token for `purpose` (constant time)."""
    if not browser_id or not given:
        return False
    return hmac.compare_digest(form_token(browser_id, purpose), given)


@dataclass
class Offer:
    """One file a page offered to one browser; `make` builds it when fetched."""

    browser_hash: str
    slot: str
    make: Callable[[], bytes | str | None]
    filename: str
    mime: str
    permission: str | None  # a staff permission the fetching browser's session must hold
    expires: float = field(default_factory=lambda: time.monotonic() + OFFER_SECONDS)


class PrivateDownloads:
    """The process's live download offers, by the hash of their random token."""

    def __init__(self) -> None:
        self._offers: dict[str, Offer] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _hash(value: str) -> str:
        return hashlib.sha256(value.encode()).hexdigest()

    def offer(self, browser_id: str, slot: str, make: Callable[[], bytes | str | None], *,
              filename: str, mime: str, permission: str | None = None) -> str:
        """Register a file for `browser_id`; return the token its form posts.

        A new offer for the same browser and `slot` replaces the previous one,
        so each button has one live token at a time.
        """
        token = secrets.token_urlsafe(32)
        browser_hash = self._hash(browser_id)
        with self._lock:
            self._drop(lambda o: o.expires <= time.monotonic()
                       or (o.browser_hash == browser_hash and o.slot == slot))
            self._offers[self._hash(token)] = Offer(browser_hash, slot, make, filename, mime,
                                                    permission)
        return token

    def take(self, token: str | None, browser_id: str | None) -> Offer | None:
        """The live offer for `token` if `browser_id` is the browser it was made for."""
        if not token or not browser_id:
            return None
        with self._lock:
            found = self._offers.get(self._hash(token))
        if found is None or found.expires <= time.monotonic():
            return None
        if not hmac.compare_digest(found.browser_hash, self._hash(browser_id)):
            return None
        return found

    def forget(self, browser_id: str, slot: str) -> None:
        """Withdraw this browser's offer in `slot` (e.g. when she closes her story)."""
        browser_hash = self._hash(browser_id)
        with self._lock:
            self._drop(lambda o: o.browser_hash == browser_hash and o.slot == slot)

    def _drop(self, condition: Callable[[Offer], bool]) -> None:
        for key in [k for k, o in self._offers.items() if condition(o)]:
            del self._offers[key]


DOWNLOADS = PrivateDownloads()
