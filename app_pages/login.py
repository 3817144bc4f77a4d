"""Staff login, logout, and the one-time first-admin setup.

The login form is a plain HTML form that posts to `/auth/login` in
`server.py`: only an HTTP response can set the HttpOnly session cookie, so
the browser goes there once and comes back to this page signed in, in every
tab, across reloads.  The form carries this browser's login token, so a form
elsewhere cannot sign anyone in.  Every failure shows the same message.
"""

from __future__ import annotations

import html

import streamlit as st

from app_pages.common import (
    TOKEN_KEY,
    act,
    bound_form_token,
    cookie_token,
    current_identity,
    flash,
    post_button,
    run,
    show_flash,
    sso_configured,
    sso_signed_in,
)
from app_pages.staff_ui import staff_page
from moderation.accounts import staff_count
from moderation.login import GENERIC_LOGIN_ERROR
from moderation.passwords import MIN_PASSWORD
from moderation.sessions import logout
from moderation.setup_code import create_first_admin

FAILED = GENERIC_LOGIN_ERROR
OUTCOMES = {  # `?signin=` set by server.py's redirect back here
    "failed": ("error", FAILED),
    "expired": ("warning", "The login form was out of date. Please enter your username and "
                           "password again."),
    "out": ("success", "You are logged out."),
}


def show_outcome() -> None:
    """The message for the redirect that brought the browser back here, once."""
    kind, message = OUTCOMES.get(st.query_params.get("signin", ""), (None, None))
    if "signin" in st.query_params:
        del st.query_params["signin"]  # not again after a reload
    if kind:
        getattr(st, kind)(message)


def signed_in(identity) -> None:
    """Who is signed in, and the logout button."""
    st.success(f"Signed in as {identity.username} ({identity.role}).")
    st.markdown("Use the menu to open the pages your role allows.")
    token = bound_form_token("logout")
    if cookie_token() and token:  # the cookie dies on the server and in the browser
        post_button("/auth/logout", "Log out", {"form_token": token}, css="staff-logout")
    elif st.button("Log out", key="login_logout"):
        run(logout, st.session_state.pop(TOKEN_KEY, None))
        if sso_signed_in():
            st.logout()
        flash("You are logged out.")
        st.rerun()


def login_form() -> None:
    """Username and password, posted to `/auth/login` with this browser's token."""
    token = bound_form_token("login")
    if token is None:
        st.warning("This page could not set its cookie. Please allow cookies for this site "
                   "and reload the page to sign in.")
        return
    st.html(
        '<form method="post" action="/auth/login" class="staff-login">'
        '<label for="login-username">Username</label>'
        '<input id="login-username" name="username" autocomplete="username" required '
        'maxlength="64" autocapitalize="none" spellcheck="false">'
        '<label for="login-password">Password</label>'
        '<input id="login-password" name="password" type="password" '
        'autocomplete="current-password" required maxlength="1024">'
        f'<input type="hidden" name="form_token" value="{html.escape(token)}">'
        '<button type="submit">Log in</button></form>')


def setup_form() -> None:
    """Create the first admin with the code printed on the server's console."""
    st.subheader("First-time setup")
    st.markdown("No staff account exists yet. Whoever started the app can find a one-time "
                "**setup code** printed on the server's console. Enter it here to create the "
                "first administrator account.")
    with st.form("setup_form"):
        code = st.text_input("Setup code", type="password", key="setup_code")
        username = st.text_input("Username for the administrator", key="setup_username")
        password = st.text_input(f"Password (at least {MIN_PASSWORD} characters)",
                                 type="password", key="setup_password")
        pressed = st.form_submit_button("Create the administrator account", type="primary")
    if pressed and act(create_first_admin, code, username, password):
        st.session_state.pop("setup_password", None)
        st.session_state.pop("setup_code", None)
        flash("The administrator account was created. You can log in now.")
        st.rerun()


def main() -> None:
    """Render the page."""
    staff_page("Staff login")
    st.title("Staff login")
    show_flash()
    show_outcome()
    identity = current_identity()
    if identity:
        signed_in(identity)
        return
    if run(staff_count) == 0:
        setup_form()
        return
    sso_option()
    login_form()


def sso_option() -> None:
    """Single sign-on through the clinic's OIDC provider, when configured."""
    if not sso_configured():
        return
    if sso_signed_in():  # signed in with the provider, but no matching staff account
        st.warning("Your single sign-on account has no staff access here. Ask an administrator.")
        st.button("Sign out of single sign-on", on_click=st.logout, key="sso_logout")
        return
    st.button("Sign in with the clinic's single sign-on", on_click=st.login, key="sso_login",
              type="primary")
    st.caption("Or sign in with a username and password:")


main()
