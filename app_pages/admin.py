"""Admin: staff accounts (add, disable, enable, unlock, reset password, change role),
authorization versions, and lost receipt codes.

Every service called here checks the admin role again itself.
"""

from __future__ import annotations

import streamlit as st

from app_pages.admin_consent import authorization_versions, lost_code
from app_pages.common import act, flash, require_staff, run, show_flash
from app_pages.staff_ui import staff_page
from moderation import accounts as manage
from moderation.accounts import add_staff_as
from moderation.passwords import MIN_PASSWORD
from moderation.roles import ROLES

ROLE_HELP = ("moderator: reviews stories · publisher: exports to the website · "
             "admin: everything, including accounts")


def add_form(identity) -> None:
    """Create an account with a role and a first password."""
    st.subheader("Add an account")
    with st.form("admin_add", clear_on_submit=False):
        username = st.text_input("Username", key="admin_username")
        role = st.selectbox("Role", ROLES, key="admin_role", help=ROLE_HELP)
        password = st.text_input(f"First password (at least {MIN_PASSWORD} characters)",
                                 type="password", key="admin_password")
        again = st.text_input("The same password again", type="password", key="admin_again")
        pressed = st.form_submit_button("Add account", type="primary")
    if not pressed:
        return
    if password != again:
        st.error("The two passwords are different.")
        return
    added = run(add_staff_as, username, password, role, who=identity)
    if added:
        for key in ("admin_username", "admin_password", "admin_again"):
            st.session_state.pop(key, None)
        flash(f"Account {added.username} ({added.role}) created.")
        st.rerun()


def accounts(identity) -> list[manage.AccountRow]:
    """Every login account with its role and state (a lock shows until when)."""
    st.subheader("Accounts")
    rows = run(manage.accounts, who=identity) or []
    st.dataframe([{"Username": r.username, "Role": r.role, "State": r.state,
                   "Last login": f"{r.last_login_at:%Y-%m-%d %H:%M}" if r.last_login_at else ""}
                  for r in rows], hide_index=True, width="stretch")
    return rows


def change_account(identity, rows: list[manage.AccountRow]) -> None:
    """The actions on one chosen account: those its state allows."""
    st.subheader("Change an account")
    names = [r.username for r in rows]
    chosen = st.selectbox("Account to change", names, index=None, key="admin_account",
                          placeholder="Choose an account")
    row = next((r for r in rows if r.username == chosen), None)
    if row is None:
        return
    st.caption(f"{row.username}: {row.role}, {row.state}.")
    if row.locked_until:
        _button(f"Unlock {row.username}", "admin_unlock", f"Unlocked {row.username}.",
                manage.unlock, row.username, identity)
    if row.active:
        sure = st.checkbox(f"Yes, switch {row.username} off and sign them out everywhere",
                           key="admin_disable_sure")
        if st.button(f"Disable {row.username}", key="admin_disable"):
            if not sure:
                st.error("Please tick the box to confirm.")
            else:
                _act(f"Disabled {row.username}; their sessions ended.", manage.disable,
                     row.username, identity)
    else:
        _button(f"Enable {row.username}", "admin_enable", f"Enabled {row.username}.",
                manage.enable, row.username, identity)
    role_form(identity, row)
    password_form(identity, row)


def _act(message: str, fn, username: str, identity, *args) -> None:
    """Call account service `fn`; on success keep `message` and reload."""
    if act(fn, username, *args, who=identity):
        flash(message)
        st.rerun()


def _button(label: str, key: str, message: str, fn, username: str, identity) -> None:
    if st.button(label, key=key):
        _act(message, fn, username, identity)


def role_form(identity, row: manage.AccountRow) -> None:
    """Give the account another role."""
    with st.form("admin_role_form"):
        role = st.selectbox(f"New role for {row.username}", ROLES, index=ROLES.index(row.role),
                            key="admin_new_role", help=ROLE_HELP)
        pressed = st.form_submit_button("Change role")
    if pressed:
        _act(f"{row.username} is now {role}.", manage.set_role, row.username, identity, role)


def password_form(identity, row: manage.AccountRow) -> None:
    """Set a new password for the account (its sessions end)."""
    with st.form("admin_reset_form", clear_on_submit=True):
        first = st.text_input(f"New password for {row.username} (at least {MIN_PASSWORD} "
                              "characters)", type="password", key="admin_reset_password")
        again = st.text_input("The same new password again", type="password",
                              key="admin_reset_again")
        pressed = st.form_submit_button("Reset password")
    if not pressed:
        return
    if first != again:
        st.error("The two passwords are different.")
        return
    for key in ("admin_reset_password", "admin_reset_again"):
        st.session_state.pop(key, None)  # never kept on screen or in the session
    _act(f"New password set for {row.username}; their sessions ended.", manage.reset_password,
         row.username, identity, first)


def main() -> None:
    """Render the page."""
    staff_page("Admin")
    identity = require_staff("manage")
    st.title("Admin")
    show_flash()
    add_form(identity)
    rows = accounts(identity)
    change_account(identity, rows)
    st.divider()
    authorization_versions(identity)
    st.divider()
    lost_code(identity)


main()
