"""Random secrets handed out once (session tokens, setup codes) and what is stored instead.

The database keeps only the SHA-256 of such a secret, so a copy of the
database lets nobody sign in or use a setup code.
"""

from __future__ import annotations

import hashlib
import secrets


def new_token(nbytes: int = 32) -> str:
    """A fresh URL-safe random secret of `nbytes` random bytes."""
    return secrets.token_urlsafe(nbytes)


def token_hash(token: str) -> str:
    """What the database stores in place of `token`."""
    return hashlib.sha256(token.encode()).hexdigest()
