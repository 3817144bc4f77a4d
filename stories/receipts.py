"""Receipt codes: the patient's only key to her story.

A code is 160 random bits shown once, in groups a person can copy
(`7KQ2-M9XD-...`).  Only its SHA-256 is stored: the code is already
high-entropy, so a plain hash cannot be brute-forced, and a database leak
does not let anyone act as the patient.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

CODE_BYTES = 20  # 160 bits, above the 128-bit floor
_ALPHABET_FIX = str.maketrans({"0": "O", "1": "I", "8": "B"})


def new_code() -> str:
    """A fresh random code in 8 groups of 4 base32 characters."""
    raw = base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode()
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def canonical(code: str) -> str:
    """Uppercase, drop separators and spaces, fix look-alike digits."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return cleaned.translate(_ALPHABET_FIX)[:64]


def code_hash(code: str) -> str:
    """The stored form of a code."""
    return hashlib.sha256(canonical(code).encode()).hexdigest()


def matches(code: str, stored_hash: str) -> bool:
    """Compare a typed code with a stored hash in constant time."""
    return hmac.compare_digest(code_hash(code), stored_hash)


def public_id() -> str:
    """An opaque story id for front matter and file names (no meaning, no text)."""
    return secrets.token_hex(8)
