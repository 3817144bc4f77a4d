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
import unicodedata

CODE_BYTES = 20  # 160 bits, above the 128-bit floor
GROUP = 4
#: Characters people type for a code character they misread: digits that are
#: not in the base32 alphabet, and Cyrillic or Greek capitals that look Latin
#: (a phone keyboard left on another language).
_ALPHABET_FIX = str.maketrans({
    "0": "O", "1": "I", "8": "B",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
})
#: The one answer about a lost code, wherever the patient meets the question.
LOST_CODE = (
    "If you lose your code, contact the clinic: after checking who you are, the staff can "
    "find your story with you and give you a new code (the old one then stops working). "
    "Nobody can see or resend your old code, because we keep only a scrambled form of it."
)
LOST_CODE_BY_EMAIL = (
    "If you gave us an email address, you can also get a new code sent there yourself: "
    "open Check my story and choose \u201cI lost my code\u201d."
)


def lost_code_advice(email_recovery: bool) -> str:
    """The one lost-code answer; with email notices on, the self-service way first."""
    return f"{LOST_CODE_BY_EMAIL} {LOST_CODE}" if email_recovery else LOST_CODE


def new_code() -> str:
    """A fresh random code in 8 groups of 4 base32 characters."""
    raw = base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode()
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def canonical(code: str) -> str:
    """The code as generated, from however it was typed or pasted.

    Unicode compatibility forms (full-width letters) are folded, case,
    spaces, dashes and any other separators are ignored, and look-alike
    characters are read as the code character they resemble.
    """
    folded = unicodedata.normalize("NFKC", code or "").upper().translate(_ALPHABET_FIX)
    return "".join(ch for ch in folded if ch.isascii() and ch.isalnum())[:64]


def well_formed(code: str) -> bool:
    """Whether `code` has the shape `new_code` gives (160 bits in base32), however typed."""
    plain = canonical(code)
    alphabet = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    return len(plain) == len(new_code().replace("-", "")) and set(plain) <= alphabet


def grouped(code: str) -> str:
    """The code in groups of four (`7KQ2-M9XD-...`), however it was typed."""
    plain = canonical(code)
    return "-".join(plain[i : i + GROUP] for i in range(0, len(plain), GROUP))


def code_hash(code: str) -> str:
    """The stored form of a code."""
    return hashlib.sha256(canonical(code).encode()).hexdigest()


def matches(code: str, stored_hash: str) -> bool:
    """Compare a typed code with a stored hash in constant time."""
    return hmac.compare_digest(code_hash(code), stored_hash)


def public_id() -> str:
    """An opaque story id for front matter and file names (no meaning, no text)."""
    return secrets.token_hex(8)
