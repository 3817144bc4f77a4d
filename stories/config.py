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
| STORIES_SMTP_URL             | none: email notices are off              |
| STORIES_SMTP_PASSWORD        | none (the SMTP login's password)         |
| STORIES_MAIL_FROM            | `story-desk@localhost`                   |
| STORIES_MAIL_FROM_NAME       | `Story desk`                             |
| STORIES_CHECK_URL            | `http://localhost:8501/check`            |
| STORIES_NOTIFY_DAILY_CAP     | `5` messages per address per day         |
| STORIES_NOTIFY_MAX_ATTEMPTS  | `5` delivery attempts before "failed"    |
| STORIES_NOTIFY_RETRY_SECONDS | `300` (doubled after each failed attempt)|
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
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

DEFAULT_MAIL_FROM = "story-desk@localhost"
DEFAULT_MAIL_FROM_NAME = "Story desk"  # never the clinic's specialty: a sender name can disclose it
DEFAULT_CHECK_URL = "http://localhost:8501/check"


class SettingInvalid(RuntimeError):
    """An environment variable holds a value the app cannot use (the message names it)."""


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
    smtp_url: str | None = None
    smtp_password: str | None = field(default=None, repr=False)
    mail_from: str = DEFAULT_MAIL_FROM
    mail_from_name: str = DEFAULT_MAIL_FROM_NAME
    check_url: str = DEFAULT_CHECK_URL
    notify_daily_cap: int = 5
    notify_max_attempts: int = 5
    notify_retry_seconds: int = 300

    @property
    def notifications_on(self) -> bool:
        """Whether email notices are sent at all (an SMTP server is configured)."""
        return bool(self.smtp_url)

    @property
    def demo(self) -> bool:
        return self.mode == "demo"


_VARIABLES = ("STORIES_DATA_DIR", "STORIES_DATABASE_URL", "STORIES_MODE", "STORIES_ENCRYPTION_KEY",
              "STORIES_SANITIZER", "STORIES_RESULTS_VARY", "STORIES_EXPIRY_NOTICE_DAYS",
              "STORIES_SUBMIT_LIMIT", "STORIES_TRUSTED_PROXY_HOPS", "STORIES_SMTP_URL",
              "STORIES_SMTP_PASSWORD", "STORIES_MAIL_FROM", "STORIES_MAIL_FROM_NAME",
              "STORIES_CHECK_URL", "STORIES_NOTIFY_DAILY_CAP", "STORIES_NOTIFY_MAX_ATTEMPTS",
              "STORIES_NOTIFY_RETRY_SECONDS")


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
        **_mail_settings(),
    )


def _whole_number(name: str, default: int, minimum: int) -> int:
    """An integer setting, or `SettingInvalid` naming the variable and what it must be."""
    raw = (os.environ.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = minimum - 1
    if value < minimum:
        raise SettingInvalid(f"{name} must be a whole number of at least {minimum} "
                             f"(it is {raw[:20]!r}).")
    return value


def _mail_settings() -> dict:
    """The email-notice settings (see `stories.notify`); the SMTP URL is parsed when used."""
    sender = (os.environ.get("STORIES_MAIL_FROM") or DEFAULT_MAIL_FROM).strip()
    if "@" not in sender or any(ch in sender for ch in " <>,\r\n"):
        raise SettingInvalid("STORIES_MAIL_FROM must be one plain address such as "
                             "story-desk@clinic.example.")
    check_url = (os.environ.get("STORIES_CHECK_URL") or DEFAULT_CHECK_URL).strip()
    if not check_url.startswith(("https://", "http://")):
        raise SettingInvalid("STORIES_CHECK_URL must be the full address of the Check my story "
                             "page, starting with https://.")
    return {
        "smtp_url": (os.environ.get("STORIES_SMTP_URL") or "").strip() or None,
        "smtp_password": os.environ.get("STORIES_SMTP_PASSWORD") or None,
        "mail_from": sender,
        "mail_from_name": (os.environ.get("STORIES_MAIL_FROM_NAME") or "").strip()
        or DEFAULT_MAIL_FROM_NAME,
        "check_url": check_url,
        "notify_daily_cap": _whole_number("STORIES_NOTIFY_DAILY_CAP", 5, 1),
        "notify_max_attempts": _whole_number("STORIES_NOTIFY_MAX_ATTEMPTS", 5, 1),
        "notify_retry_seconds": _whole_number("STORIES_NOTIFY_RETRY_SECONDS", 300, 0),
    }
