"""Configuration from environment variables, with documented defaults.

Every setting is read once per call of `get_settings()` so tests can change the
environment; nothing here touches the database or the network.

| variable                     | default                                  |
|------------------------------|------------------------------------------|
| STORIES_DATA_DIR             | `<project>/data`                         |
| STORIES_DATABASE_URL         | `sqlite:///<data dir>/stories.db`        |
| STORIES_MODE                 | `production` (`demo` allows a local key) |
| STORIES_ENCRYPTION_KEY       | none; in demo mode `<data dir>/secret.key`|
| STORIES_SANITIZER            | `nh3` (or `bleach`)                      |
| STORIES_RESULTS_VARY         | "Individual results vary. ..."           |
| STORIES_EXPIRY_NOTICE_DAYS   | `30`                                     |
| STORIES_SUBMIT_LIMIT         | `5` stories per client per hour          |
| STORIES_SESSION_IDLE_MINUTES | `30`: a staff session ends after this idle|
| STORIES_SESSION_MAX_HOURS    | `8`: and this long after login, regardless|
| STORIES_TRUSTED_PROXY_HOPS   | `0`                                      |
| STORIES_SITE_DIR             | none: the Export page offers a zip only  |

`STORIES_SITE_DIR` is the static site's stories folder (for example
`/srv/site/_stories`).  When set, the Export page's "Update the site folder"
writes the export there with `export_site`, which also deletes the files of
withdrawn or expired stories, so they really leave the site.
| STORIES_AUDIT_CHECKPOINT     | `<data dir>/audit-checkpoint.json`       |

The audit checkpoint anchors the audit log outside the database: put it
where whoever can change the database cannot (another disk, another owner).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from stories.clientaddr import parse_hops

PROJECT_DIR = Path(__file__).resolve().parent.parent

# Hard input limits: every untrusted field is bounded before any parser runs.
MAX_TITLE_CHARS = 120
MAX_BODY_CHARS = 20_000
MAX_DISPLAY_NAME_CHARS = 40
MAX_EMAIL_CHARS = 254
MAX_SIGNATURE_CHARS = 120
MAX_COMMENT_CHARS = 2_000
MAX_TAGS = 5

DEFAULT_RESULTS_VARY = (
    "Individual results vary. This story describes one person's experience "
    "and is not medical advice."
)


@dataclass(frozen=True)
class Settings:
    """The resolved configuration of one process."""

    data_dir: Path
    database_url: str
    mode: str
    encryption_key: str | None
    sanitizer: str
    results_vary: str
    expiry_notice_days: int
    submit_limit: int
    trusted_proxy_hops: int
    audit_checkpoint: Path
    session_idle_minutes: int
    session_max_hours: int
    site_dir: Path | None = None  # the site's stories folder the Export page may update

    @property
    def demo(self) -> bool:
        return self.mode == "demo"


_VARIABLES = ("STORIES_DATA_DIR", "STORIES_DATABASE_URL", "STORIES_MODE", "STORIES_ENCRYPTION_KEY",
              "STORIES_SANITIZER", "STORIES_RESULTS_VARY", "STORIES_EXPIRY_NOTICE_DAYS",
              "STORIES_SUBMIT_LIMIT", "STORIES_TRUSTED_PROXY_HOPS", "STORIES_SESSION_IDLE_MINUTES",
              "STORIES_SESSION_MAX_HOURS", "STORIES_SITE_DIR", "STORIES_AUDIT_CHECKPOINT")


def get_settings() -> Settings:
    """The `Settings` for the environment as it is now (parsed once per distinct environment)."""
    return _settings_for(tuple(os.environ.get(name) for name in _VARIABLES))


@lru_cache(maxsize=32)
def _settings_for(_values: tuple) -> Settings:
    """Read the environment into a `Settings` (`_values` is only the cache key)."""
    data_dir = Path(os.environ.get("STORIES_DATA_DIR", PROJECT_DIR / "data"))
    url = os.environ.get("STORIES_DATABASE_URL") or f"sqlite:///{data_dir / 'stories.db'}"
    return Settings(
        data_dir=data_dir,
        database_url=url,
        mode=os.environ.get("STORIES_MODE", "production").strip().lower(),
        encryption_key=os.environ.get("STORIES_ENCRYPTION_KEY") or None,
        sanitizer=os.environ.get("STORIES_SANITIZER", "nh3").strip().lower(),
        results_vary=os.environ.get("STORIES_RESULTS_VARY", DEFAULT_RESULTS_VARY),
        expiry_notice_days=int(os.environ.get("STORIES_EXPIRY_NOTICE_DAYS", "30")),
        submit_limit=int(os.environ.get("STORIES_SUBMIT_LIMIT", "5")),
        trusted_proxy_hops=parse_hops(os.environ.get("STORIES_TRUSTED_PROXY_HOPS")),
        session_idle_minutes=max(1, int(os.environ.get("STORIES_SESSION_IDLE_MINUTES", "30"))),
        session_max_hours=max(1, int(os.environ.get("STORIES_SESSION_MAX_HOURS", "8"))),
        site_dir=Path(site).expanduser() if (site := os.environ.get("STORIES_SITE_DIR", "").strip())
        else None,
        audit_checkpoint=Path(os.environ.get("STORIES_AUDIT_CHECKPOINT")
                              or data_dir / "audit-checkpoint.json"),
    )
