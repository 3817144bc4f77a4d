"""Encryption at rest for personal data that is not story text.

Contact emails and typed signatures are encrypted with Fernet (AES-128-CBC +
HMAC-SHA256) from `cryptography`.  `STORIES_ENCRYPTION_KEY` holds one or more
comma-separated Fernet keys: the first encrypts, all decrypt, so a key can be
rotated by putting the new key first and running `python -m stories rotate-key`.
Outside demo mode a missing key is a start-up error; in demo mode a key is kept
in `<data dir>/secret.key` (mode 0600) so the two-command quick start works.

The same keys are the root of the integrity keys (`sub_key`, `sub_keys`):
HKDF-SHA256 derives one independent key per purpose (the export manifest's
input keys, the audit checkpoint's signature), so the operator manages one
secret.  Rotation re-derives them: what a sub-key signs is either recomputed
by the next run (the export) or re-signed by `rotate-key` (the checkpoint).
"""

from __future__ import annotations

import base64
import os
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from stories.config import get_settings


class KeyMissing(RuntimeError):
    """No encryption key is configured outside demo mode."""


def _demo_key() -> str:
    path = get_settings().data_dir / "secret.key"
    if not path.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(Fernet.generate_key().decode())
    return path.read_text().strip()


def configured_keys() -> str:
    """The key string in force, or `KeyMissing` when none may be used."""
    settings = get_settings()
    if settings.encryption_key:
        return settings.encryption_key
    if settings.demo:
        return _demo_key()
    raise KeyMissing(
        "STORIES_ENCRYPTION_KEY is not set. Generate one with "
        "`python -m stories keygen` or set STORIES_MODE=demo for a local trial."
    )


@lru_cache(maxsize=4)
def _fernet(keys: str) -> MultiFernet:
    return MultiFernet([Fernet(k.encode()) for k in _key_list(keys)])


def _key_list(keys: str) -> list[str]:
    return [k.strip() for k in keys.split(",") if k.strip()]


@lru_cache(maxsize=16)
def _derive(key: str, purpose: str) -> bytes:
    """HKDF-SHA256 of one Fernet key for one purpose (32 bytes)."""
    material = base64.urlsafe_b64decode(key.encode())
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=f"patient-stories/{purpose}/v1".encode()).derive(material)


def sub_keys(purpose: str) -> list[bytes]:
    """The `purpose` key derived from every configured key, newest first (for checking)."""
    return [_derive(k, purpose) for k in _key_list(configured_keys())]


def sub_key(purpose: str) -> bytes:
    """The `purpose` key derived from the newest configured key (for signing)."""
    return sub_keys(purpose)[0]


def encrypt(value: str | None) -> bytes | None:
    """Encrypt a string; `None` and "" stay absent."""
    if not value:
        return None
    return _fernet(configured_keys()).encrypt(value.encode())


def decrypt(token: bytes | None) -> str | None:
    """Decrypt what `encrypt` wrote; a token from an unknown key raises."""
    if token is None:
        return None
    try:
        return _fernet(configured_keys()).decrypt(bytes(token)).decode()
    except InvalidToken as exc:
        raise KeyMissing("A stored value was encrypted with a key that is not configured.") from exc


def rotate(token: bytes | None) -> bytes | None:
    """Re-encrypt a token under the first (newest) key."""
    if token is None:
        return None
    return _fernet(configured_keys()).rotate(bytes(token))


def new_key() -> str:
    """A fresh Fernet key for `STORIES_ENCRYPTION_KEY`."""
    return Fernet.generate_key().decode()
