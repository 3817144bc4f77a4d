"""The export formats, as one table: what differs between the sites we write for.

Each static-site generator wants the same story with small differences: where
its file name starts (Jekyll's `_posts` need the date first), and a few
front-matter fields of its own.  Adding a format means adding one row; the
export, the distribution ledger, the CLI and the Export page read this table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

DATE_PREFIX_CHARS = len("2026-01-31-")


@dataclass(frozen=True)
class ExportFormat:
    """One site generator's shape of a story file."""

    name: str
    dated_names: bool  # the file name starts with the publication date
    lead: dict[str, Any] = field(default_factory=dict)  # front matter before the title
    extra: dict[str, Any] = field(default_factory=dict)  # front matter after the common fields

    def file_name(self, public_id: str, published: date) -> str:
        """The story's file: its opaque id, never words from the story."""
        return f"{published.isoformat()}-{public_id}.md" if self.dated_names else f"{public_id}.md"

    def public_id_of(self, name: str) -> str:
        """The opaque id back from a file name this format wrote."""
        stem = name.removesuffix(".md")
        return stem[DATE_PREFIX_CHARS:] if self.dated_names else stem


EXPORT_FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("jekyll", dated_names=True, lead={"layout": "story"}),
    ExportFormat("hugo", dated_names=False, extra={"draft": False}),
    ExportFormat("plain", dated_names=False),
)}
FORMATS: tuple[str, ...] = tuple(EXPORT_FORMATS)
