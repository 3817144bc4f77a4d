"""Staff login, logout, and the one-time first-admin setup.

The browser holds only the random session token (in `st.session_state`);
every failure shows the same message, whatever went wrong.
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import (
    TOKEN_KEY,
    act,
    cookie_token,
    current_identity,
    flash,
    run,
    show_flash,
    sso_configured,
    sso_signed_in,
)
from app_pages.staff_ui import staff_page
from moderation.auth import (
    GENERIC_LOGIN_ERROR,
    MIN_PASSWORD,
    attempt_login,
    create_first_admin,
    issue_ticket,
    logout,
    staff_count,
)

FAILED = GENERIC_LOGIN_ERROR
TICKET_KEY = "staff_ticket"


def signed_in(identity) -> None:
    """Who is signed in, and the logout button."""
    st.success(f"Signed in as {identity.username} ({identity.role}).")
    st.markdown("Use the menu to open the pages your role allows.")
    ticket = st.session_state.pop(TICKET_KEY, None)
    if ticket and not cookie_token():  # valid once, for one minute
        st.link_button("Stay signed in when this page is reloaded",
                       f"/auth/complete?ticket={ticket}")
    if st.button("Log out", key="login_logout"):
        for token in {st.session_state.get(TOKEN_KEY), cookie_token()} - {None}:
            run(logout, token)  # the cookie's session too: it dies on the server
        st.session_state.pop(TOKEN_KEY, None)
        if sso_signed_in():
            st.logout()
        flash("You are logged out.")
        st.rerun()


def login_form() -> None:
    """Username and password."""
    with st.form("login_form"):
        username = st.text_input("Username", key="login_username", autocomplete="username")
        password = st.text_input("Password", type="password", key="login_password",
                                 autocomplete="current-password")
        pressed = st.form_submit_button("Log in", type="primary")
    if not pressed:
        return
    token = run(attempt_login, username, password)
    if token:
        st.session_state[TOKEN_KEY] = token
        st.session_state[TICKET_KEY] = run(issue_ticket, token)
        st.session_state.pop("login_password", None)
        flash("Welcome back.")
        st.rerun()
    else:
        st.error(FAILED)


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
