"""The menu: public pages always, staff pages only for roles that may use them.

Staff pages a visitor may not use are still registered (as hidden pages) so
that opening one by its URL lands on that page's own sign-in check rather
than silently on another page; the check on the page is what protects it.
"""

from __future__ import annotations

import streamlit as st

from moderation.roles import StaffIdentity

PUBLIC = (
    ("app_pages/share.py", "Share your story", ":material/edit_note:"),
    ("app_pages/check.py", "Check my story", ":material/search:"),
)
LOGIN = ("app_pages/login.py", "Staff login", ":material/login:")
STAFF = (
    ("app_pages/queue.py", "Queue", ":material/list:", "review"),
    ("app_pages/review.py", "Review", ":material/rate_review:", "review"),
    ("app_pages/export.py", "Export", ":material/download:", "export"),
    ("app_pages/takedowns.py", "Takedowns", ":material/delete_sweep:", "review"),
    ("app_pages/excerpts.py", "Excerpts", ":material/format_quote:", ("review", "export")),
    ("app_pages/admin.py", "Admin", ":material/manage_accounts:", "manage"),
    ("app_pages/notifications.py", "Notifications", ":material/mail:", "manage"),
)


def shown(identity: StaffIdentity | None, permission: str | tuple[str, ...]) -> bool:
    """Whether a staff page needing `permission` (or any one of several) is listed for `identity`."""
    wanted = (permission,) if isinstance(permission, str) else permission
    return identity is not None and any(identity.can(p) for p in wanted)


def menu(identity: StaffIdentity | None) -> dict[str, list[st.Page]]:
    """The sections and pages for `identity` (None: an anonymous visitor)."""
    public = [st.Page(path, title=title, icon=icon, default=(n == 0))
              for n, (path, title, icon) in enumerate(PUBLIC)]
    staff = [st.Page(path, title=title, icon=icon,
                     visibility="visible" if shown(identity, perm) else "hidden")
             for path, title, icon, perm in STAFF]
    login = st.Page(LOGIN[0], title=LOGIN[1], icon=LOGIN[2])
    return {"For patients": public, "Clinic staff": [login, *staff]}


def visible_titles(identity: StaffIdentity | None) -> set[str]:
    """The page titles shown in the menu for `identity`."""
    return ({title for _, title, _ in PUBLIC} | {LOGIN[1]}
            | {title for _, title, _, perm in STAFF if shown(identity, perm)})
