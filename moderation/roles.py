"""Staff roles and what each may do: the signed-in identity pages and services see.

Every service that acts for staff takes a `StaffIdentity` and calls
`require(who, permission)` itself, so a page that forgot its own check still
cannot act beyond the role.  Admins may do everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from stories.errors import NotAuthorized

ROLES = ("moderator", "publisher", "admin")

# Which roles may do what.
PERMISSIONS = {
    "review": {"moderator", "admin"},
    "export": {"publisher", "admin"},
    "manage": {"admin"},
}


@dataclass(frozen=True)
class StaffIdentity:
    """The signed-in staff member, as pages and services see them."""

    id: int
    username: str
    role: str

    def can(self, permission: str) -> bool:
        return self.role in PERMISSIONS[permission]


def require(identity: StaffIdentity | None, permission: str) -> StaffIdentity:
    """Raise `NotAuthorized` unless `identity` holds `permission`."""
    if identity is None or not identity.can(permission):
        raise NotAuthorized("Your account is not allowed to do this.")
    return identity
