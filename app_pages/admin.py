"""Admin: staff accounts, authorization versions, and lost receipt codes.

Every service called here checks the admin role again itself.
"""

from __future__ import annotations

import streamlit as st

from app_pages.admin_consent import authorization_versions, lost_code
from app_pages.common import flash, require_staff, run, show_flash
from moderation.auth import MIN_PASSWORD, ROLES
from moderation.ui_support import add_staff_as, list_staff

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


def accounts(identity) -> None:
    """Every login account with its role and state."""
    st.subheader("Accounts")
    rows = run(list_staff, who=identity) or []
    st.dataframe([{"Username": r.username, "Role": r.role, "Active": r.active,
                   "Locked": r.locked,
                   "Last login": f"{r.last_login_at:%Y-%m-%d %H:%M}" if r.last_login_at else ""}
                  for r in rows], hide_index=True, width="stretch")


def main() -> None:
    """Render the page."""
    identity = require_staff("manage")
    st.title("Admin")
    show_flash()
    add_form(identity)
    accounts(identity)
    st.divider()
    authorization_versions(identity)
    st.divider()
    lost_code(identity)


main()
