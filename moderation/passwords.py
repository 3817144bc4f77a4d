"""Staff passwords: the length rule, argon2id hashing and constant-work checking.

Passwords are argon2id hashes (argon2-cffi, the library's recommended
parameters).  A password is hashed at once and never stored, logged or
audited.  Checking an unknown user costs the same as checking a known one
(`verify_unknown`), so timing does not tell which usernames exist.
"""

from __future__ import annotations

import secrets
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from stories.errors import InvalidInput

MIN_PASSWORD = 12
MAX_PASSWORD = 1024  # longer input is refused when set, and cut when checked
_hasher = PasswordHasher()  # argon2id with the library's recommended parameters


def check_password_rules(password: str) -> None:
    """Raise `InvalidInput` unless `password` has an allowed length."""
    if len(password) < MIN_PASSWORD or len(password) > MAX_PASSWORD:
        raise InvalidInput(f"A password needs {MIN_PASSWORD} to {MAX_PASSWORD} characters.")


def hash_password(password: str) -> str:
    """The argon2id hash stored for `password`."""
    return _hasher.hash(password)


def verify_password(stored: str, password: str) -> bool:
    """Whether `password` matches the stored hash (False for a malformed hash)."""
    try:
        return _hasher.verify(stored, (password or "")[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        return False


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash to verify against for unknown users (made on first use, not at import)."""
    return _hasher.hash(secrets.token_hex(16))


def verify_unknown(password: str) -> None:
    """Do the work of one check for a user that does not exist (the answer is always no)."""
    verify_password(_dummy_hash(), password)
