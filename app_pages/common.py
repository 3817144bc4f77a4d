"""Helpers every page uses.

* `run` / `act`: one service call in one transaction; a refused action
  (`StoryError`) becomes a plain `st.error` and nothing is written.
* `current_identity` / `require_staff`: who is signed in, checked on the
  server on every run of every staff page.
* `show_html` / `show_text`: the only ways pages put untrusted words on
  screen (escaped, or sanitized HTML from `stories.markup`).
* `flash` / `show_flash`: a message that survives one `st.rerun()`.
* `act_on_click` / `refuse`: the body of a button callback (`on_click=`,
  `args=` bound when the button is drawn), whose confirmation or refusal
  `show_flash` shows in the run that follows.
* `browser_id` / `post_button` / `private_download`: plain HTML forms that
  post to `server.py` routes, bound to this browser (staff login and logout,
  personal and staff-only downloads; see `moderation.browser`).
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from moderation.browser import BROWSER_COOKIE, DOWNLOADS, form_token
from moderation.login import identity_for_sso
from moderation.roles import StaffIdentity
from moderation.sessions import COOKIE, identity_for
from stories.clientaddr import client_address
from stories.config import get_settings
from stories.db import transaction
from stories.errors import StoryError

T = TypeVar("T")
log = logging.getLogger("stories.app")
TOKEN_KEY = "staff_token"  # noqa: S105 (a session_state key, not a secret)
_FLASH_KEY = "_flash"
_REFUSAL_KEY = "_refusal"
_STYLE = Path(__file__).with_name("style.css")
GENERIC_FAILURE = (
    "Sorry, something went wrong on our side and nothing was saved. "
    "Please try again in a moment."
)


def _outcome(fn: Callable[..., T], args: tuple, kwargs: dict) -> tuple[bool, T | None, str | None]:
    """Run `fn` in a transaction: (True, result, None), or (False, None, what to tell her)."""
    try:
        with transaction() as session:
            return True, fn(*args, session=session, **kwargs), None
    except StoryError as exc:
        return False, None, str(exc)
    except Exception as exc:  # never a traceback (or story text) for visitors
        log.error("service call %s failed: %s", getattr(fn, "__name__", "?"),
                  type(exc).__name__)
        return False, None, GENERIC_FAILURE


def _call(fn: Callable[..., T], args: tuple, kwargs: dict) -> tuple[bool, T | None]:
    """Run `fn` in a transaction; (True, result) or (False, None) after an error (shown)."""
    ok, result, error = _outcome(fn, args, kwargs)
    if error:
        st.error(error)
    return ok, result


def run(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Call service `fn(*args, session=..., **kwargs)`; its result, or None after an error."""
    return _call(fn, args, kwargs)[1]


def act(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
    """Like `run` for actions that return nothing: True when it went through."""
    return _call(fn, args, kwargs)[0]


def attempt(fn: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[T | None, StoryError | None]:
    """Like `run`, but a refusal is handed back for the page to show next to its field.

    (result, None) when it went through; (None, refusal) when the service
    refused; (None, None) after an unexpected failure (already shown).
    """
    try:
        with transaction() as session:
            return fn(*args, session=session, **kwargs), None
    except StoryError as exc:
        return None, exc
    except Exception as exc:  # never a traceback (or story text) for visitors
        log.error("service call %s failed: %s", getattr(fn, "__name__", "?"),
                  type(exc).__name__)
        st.error(GENERIC_FAILURE)
    return None, None


def show_code_once(code: str, confirmation: str, label: str, advice: list[str]) -> None:
    """A receipt code, shown this once: a confirmation, the code, and how to keep or hand it over."""
    st.success(confirmation)
    st.markdown(f"**{label}**, shown only this once:")
    st.code(code, language=None)
    st.markdown("\n".join(f"- {line}" for line in advice))


def _forwarded_for() -> str:
    """Every X-Forwarded-For header of the request, joined in order."""
    try:
        return ",".join(st.context.headers.get_all("X-Forwarded-For"))
    except Exception:  # no headers in this runtime (tests, bare mode)
        return ""


NONCE_KEY = "client_nonce"  # a random name for this browser session, when nothing else names it


def client_key() -> str:
    """A hash naming this visitor for rate limits: the IP, else the browser session.

    Behind trusted proxies (`STORIES_TRUSTED_PROXY_HOPS`) the IP is the
    client's from X-Forwarded-For, see `stories.clientaddr`.
    """
    ip = None
    try:
        ip = st.context.ip_address
    except Exception:  # not available in every runtime (tests, bare mode)
        ip = None
    ip = client_address(ip if isinstance(ip, str) else None, _forwarded_for(),
                        get_settings().trusted_proxy_hops)
    if ip:
        source = f"ip:{ip}"
    else:  # no address: this browser (its id cookie), else this browser session
        source = f"browser:{browser_id() or st.session_state.setdefault(NONCE_KEY, secrets.token_hex(16))}"
    return hashlib.sha256(source.encode()).hexdigest()


def _cookie(name: str) -> str | None:
    """A cookie of the request that opened this page (read on the server), if any."""
    try:
        value = st.context.cookies.get(name)
    except Exception:  # no cookies in this runtime (tests, bare mode)
        return None
    return value if isinstance(value, str) and value else None


def cookie_token() -> str | None:
    """The session token in the HttpOnly cookie that `server.py` sets, if any."""
    return _cookie(COOKIE)


def browser_id() -> str | None:
    """This browser's random id (the HttpOnly cookie `server.py` gives every browser)."""
    return _cookie(BROWSER_COOKIE)


def post_button(action: str, label: str, fields: dict[str, str], css: str = "") -> None:
    """A plain HTML form posting hidden `fields` to a `server.py` route, as one button."""
    hidden = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                     for k, v in fields.items())
    st.html(f'<form method="post" action="{html.escape(action)}" class="post-button {css}">'
            f'{hidden}<button type="submit">{html.escape(label)}</button></form>')


def bound_form_token(purpose: str) -> str | None:
    """The token a form for `purpose` must carry from this browser (None: no browser id)."""
    browser = browser_id()
    return form_token(browser, purpose) if browser else None


def private_download(slot: str, label: str, make: Callable[[], bytes | str | None], *,
                     filename: str, mime: str, permission: str | None = None,
                     help_text: str = "") -> None:
    """A download button whose file only this browser can fetch, made when pressed.

    Unlike `st.download_button` nothing goes to Streamlit's media store,
    whose `/media/<id>` URLs anyone can fetch: `server.py` runs `make` when
    this browser posts the token (and checks `permission` against its staff
    session).  A new run replaces the token; `DOWNLOADS.forget` ends it.
    """
    browser = browser_id()
    if not browser:
        st.caption("To download, allow this site's cookies and reload the page.")
        return
    token = DOWNLOADS.offer(browser, slot, make, filename=filename, mime=mime,
                            permission=permission)
    post_button("/download", label, {"token": token}, css=f"download-{slot}")
    if help_text:
        st.caption(help_text)


def current_identity() -> StaffIdentity | None:
    """The signed-in staff member, checked against the server session now.

    The token comes from the HttpOnly cookie set at login (a token in this
    tab's session state is honoured too: tests sign in that way); either is
    looked up on the server on every run, so a logout anywhere counts here.
    """
    token = st.session_state.get(TOKEN_KEY)
    if token:
        identity = run(identity_for, token)
        if identity is not None:
            return identity
        st.session_state.pop(TOKEN_KEY, None)  # expired or revoked
    token = cookie_token()
    if token:
        return run(identity_for, token)
    return sso_identity()


def sso_configured() -> bool:
    """Whether the clinic configured OIDC single sign-on (an [auth] secrets section)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all  # noqa: BLE001
        return False


def sso_signed_in() -> bool:
    """Whether `st.login` signed this browser in (False when SSO is not set up)."""
    return sso_configured() and bool(st.user.get("is_logged_in", False))


def sso_identity() -> StaffIdentity | None:
    """The account of a user signed in through `st.login`, if SSO is configured."""
    if not sso_signed_in():
        return None
    email = st.user.get("email")
    return run(identity_for_sso, email, bool(st.user.get("email_verified", True)))


def require_staff(*permissions: str) -> StaffIdentity:
    """Stop the page unless a signed-in account holds one of `permissions`."""
    identity = current_identity()
    if identity is None:
        st.error("Please sign in on the Staff login page to see this page.")
        st.stop()
    if not any(identity.can(p) for p in permissions):
        st.error("Your account is not allowed to see this page.")
        st.stop()
    return identity


def flash(message: str) -> None:
    """Keep a success message for the next run (use before `st.rerun()`, or in a callback)."""
    st.session_state[_FLASH_KEY] = message


def refuse(message: str) -> None:
    """In a callback: keep why nothing was done, for `show_flash` to show as an error."""
    st.session_state[_REFUSAL_KEY] = message


def act_on_click(done: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
    """The body of a button callback: call service `fn` and keep how it went.

    Pass it (or a page's wrapper) as `on_click=` with `args=` bound when the
    button is drawn, so the action names what was on screen (for example the
    revision hash: a story changed since is refused by the service's
    compare-and-set, not by bookkeeping in the session).  Streamlit runs a
    callback before the page's script, where `st.rerun` does nothing; so the
    confirmation `done` (or the refusal) waits for `show_flash`.
    """
    ok, _, error = _outcome(fn, args, kwargs)
    if ok:
        flash(done)
    else:
        refuse(error or GENERIC_FAILURE)
    return ok


def show_flash() -> None:
    """Show, once, the message kept by `flash` and the refusal kept by `refuse`."""
    refusal = st.session_state.pop(_REFUSAL_KEY, None)
    if refusal:
        st.error(refusal)
    message = st.session_state.pop(_FLASH_KEY, None)
    if message:
        st.success(message)


_HEADING = re.compile(r"^(#{1,4})(?= )", re.MULTILINE)


def show_terms(body: str) -> None:
    """The clinic's authorization text (its own, trusted Markdown), its headings moved
    below the page's (an authorization "# Title" would be a second page title)."""
    st.markdown(_HEADING.sub(lambda m: "#" * (len(m.group(1)) + 2), body))


def show_html(fragment: str) -> None:
    """Show HTML that `stories.markup` produced (escaped and sanitized)."""
    st.html(f'<div class="story-html">{fragment}</div>')


def show_text(text: str, tag: str = "p", css: str = "") -> None:
    """Show untrusted plain text, escaped, never parsed as Markdown."""
    attr = f' class="{css}"' if css else ""
    body = html.escape(text or "").replace("\n", "<br>")
    st.html(f"<{tag}{attr}>{body}</{tag}>")


def inject_style() -> None:
    """Add the app's small stylesheet (highlight colours, hidden honeypot)."""
    if _STYLE.exists():
        st.html(f"<style>{_STYLE.read_text()}</style>")


def age(then, now) -> str:
    """A rough, human age such as "3 days" or "5 hours"."""
    seconds = max(0, int((now - then).total_seconds()))
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return "just now"
