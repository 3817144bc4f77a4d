"""The content hash of a story's words: what sign-off, audit and stored scans point at."""

from __future__ import annotations

import hashlib
import json


def content_hash(title: str, body: str) -> str:
    """SHA-256 over the exact title and body."""
    return hashlib.sha256(json.dumps([title, body]).encode()).hexdigest()
