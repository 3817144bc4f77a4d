"""The content hash of what a story publishes: what sign-off, audit and stored scans point at."""

from __future__ import annotations

import hashlib
import json


def content_hash(title: str, body: str, display_name: str = "") -> str:
    """SHA-256 over the exact title, body and name shown on the site.

    The display name reaches the website as the story's author, so it is part
    of what the patient signs off: a changed name is a changed hash.  A story
    shown anonymously (empty name) hashes as ``[title, body]``, the form every
    revision had before the name was part of the revision.
    """
    fields = [title, body, display_name] if display_name else [title, body]
    return hashlib.sha256(json.dumps(fields).encode()).hexdigest()


def revision_hash(revision) -> str:
    """The content hash recomputed from a revision's (or row's) stored fields."""
    return content_hash(revision.title, revision.body, revision.display_name)


def excerpt_hash(text: str) -> str:
    """SHA-256 over an excerpt's exact words: what she signs off and each use is tied to.

    Tagged, so an excerpt's hash can never equal a revision's.
    """
    return hashlib.sha256(json.dumps(["excerpt", text]).encode()).hexdigest()
