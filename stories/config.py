"""Configuration: every setting defined once, in `SETTINGS`, read from the environment.

Each `Setting` names its environment variable, the attribute it becomes on
`Settings`, its default (as a person would write it), how its text is parsed
and checked, and one line of help.  `Settings` is built from the table, the
README's configuration table is checked against it (`tests/test_config.py`),
and a bad value raises `SettingInvalid` naming the variable and what it must
be, never a bare `ValueError`.  Adding a setting means adding one row.

`get_settings()` reads the environment as it is now (parsed once per distinct
environment, so tests can change it); nothing here touches the database or
the network.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, make_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent

# Hard input limits: every untrusted field is bounded before any parser runs.
MAX_TITLE_CHARS = 120
MAX_BODY_CHARS = 20_000
MAX_DISPLAY_NAME_CHARS = 40
MAX_EMAIL_CHARS = 254
MAX_SIGNATURE_CHARS = 120
MAX_COMMENT_CHARS = 2_000
MAX_TAGS = 5
MAX_PAPER_REFERENCE_CHARS = 64  # an imported story's paper authorization reference

DEFAULT_RESULTS_VARY = (
    "Individual results vary. This story describes one person's experience "
    "and is not medical advice."
)
DEFAULT_MAIL_FROM = "story-desk@localhost"
DEFAULT_MAIL_FROM_NAME = "Story desk"  # never the clinic's specialty: a sender name can disclose it
DEFAULT_CHECK_URL = "http://localhost:8501/check"
DEFAULT_EXTRA_CHANNELS = "newsletter=The clinic's newsletter;training=Staff training"


class SettingInvalid(RuntimeError):
    """An environment variable holds a value the app cannot use (the message names it)."""


Parser = Callable[[str, str, dict[str, Any]], Any]  # (variable, raw text or "", resolved so far)


@dataclass(frozen=True)
class Setting:
    """One row of the configuration table."""

    env: str
    attr: str
    default: str  # as shown to people; "" means none
    parse: Parser
    help: str
    secret: bool = False  # never shown in full (repr, messages)


# --- parsers: each takes (variable, raw text, settings resolved so far) ---------------------

def _text(default: str = "") -> Parser:
    return lambda _env, raw, _so_far: raw.strip() or default


def _optional(_env: str, raw: str, _so_far: dict) -> str | None:
    return raw.strip() or None


def _secret(_env: str, raw: str, _so_far: dict) -> str | None:
    return raw or None  # keys and passwords: exactly as given


def _choice(default: str, *allowed: str) -> Parser:
    def parse(env: str, raw: str, _so_far: dict) -> str:
        value = raw.strip().lower() or default
        if value not in allowed:
            raise SettingInvalid(f"{env} must be one of {', '.join(allowed)} (it is {raw[:20]!r}).")
        return value
    return parse


def _whole(default: int, minimum: int) -> Parser:
    def parse(env: str, raw: str, _so_far: dict) -> int:
        if not raw.strip():
            return default
        try:
            value = int(raw.strip())
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise SettingInvalid(f"{env} must be a whole number of at least {minimum} "
                                 f"(it is {raw[:20]!r}).")
        return value
    return parse


def _data_dir(_env: str, raw: str, _so_far: dict) -> Path:
    return Path(raw.strip()).expanduser() if raw.strip() else PROJECT_DIR / "data"


def _database_url(_env: str, raw: str, so_far: dict) -> str:
    return raw.strip() or f"sqlite:///{so_far['data_dir'] / 'stories.db'}"


def _checkpoint(_env: str, raw: str, so_far: dict) -> Path:
    return Path(raw.strip()).expanduser() if raw.strip() else so_far["data_dir"] / "audit-checkpoint.json"


def _optional_path(_env: str, raw: str, _so_far: dict) -> Path | None:
    return Path(raw.strip()).expanduser() if raw.strip() else None


def _hops(env: str, raw: str, _so_far: dict) -> int:
    from stories.clientaddr import parse_hops  # the rule lives beside its only user

    try:
        return parse_hops(raw or None)
    except ValueError as exc:
        raise SettingInvalid(str(exc)) from None


def _mail_from(env: str, raw: str, _so_far: dict) -> str:
    sender = raw.strip() or DEFAULT_MAIL_FROM
    if "@" not in sender or any(ch in sender for ch in " <>,\r\n"):
        raise SettingInvalid(f"{env} must be one plain address such as story-desk@clinic.example.")
    return sender


def _check_url(env: str, raw: str, _so_far: dict) -> str:
    url = raw.strip() or DEFAULT_CHECK_URL
    if not url.startswith(("https://", "http://")):
        raise SettingInvalid(f"{env} must be the full address of the Check my story page, "
                             "starting with https://.")
    return url


_CHANNEL_KEY = re.compile(r"^[a-z][a-z0-9-]{1,31}$")


def _channels(env: str, raw: str, _so_far: dict) -> tuple[tuple[str, str], ...]:
    """`key=Label;key=Label`: the clinic's own channels besides the website and excerpts.

    Empty: the default (newsletter, staff training); `none`: no others.
    """
    raw = raw.strip() or DEFAULT_EXTRA_CHANNELS
    if raw.lower() == "none":
        return ()
    found = []
    for part in filter(None, (p.strip() for p in raw.split(";"))):
        key, _, label = part.partition("=")
        if not _CHANNEL_KEY.match(key.strip()) or not label.strip() or len(label) > 80:
            raise SettingInvalid(f"{env} must read key=Label;key=Label with keys of lower-case "
                                 f"letters, digits and dashes (near {part[:20]!r}).")
        found.append((key.strip(), label.strip()))
    return tuple(found)


#: Every setting, in the order they are resolved (a later one may use an earlier one).
SETTINGS: tuple[Setting, ...] = (
    Setting("STORIES_DATA_DIR", "data_dir", "./data", _data_dir,
            "where the SQLite database, the demo key and the audit checkpoint live"),
    Setting("STORIES_DATABASE_URL", "database_url", "sqlite:///<data dir>/stories.db",
            _database_url, "SQLAlchemy URL; postgresql+psycopg://user@host/db for PostgreSQL"),
    Setting("STORIES_MODE", "mode", "production", _choice("production", "production", "demo"),
            "demo allows a generated local encryption key"),
    Setting("STORIES_ENCRYPTION_KEY", "encryption_key", "", _secret,
            "comma-separated Fernet keys; the first encrypts, all decrypt", secret=True),
    Setting("STORIES_SANITIZER", "sanitizer", "nh3", _choice("nh3", "nh3", "bleach"),
            "the engine that cleans our own preview HTML"),
    Setting("STORIES_DETECT_LEARNED", "detect_learned", "on", _choice("on", "on", "off"),
            "on: a model trained on labelled stories adds what the detector's rules miss; off: rules alone"),
    Setting("STORIES_RESULTS_VARY", "results_vary", "Individual results vary. ...",
            _text(DEFAULT_RESULTS_VARY), "the disclaimer written into every exported story"),
    Setting("STORIES_EXPIRY_NOTICE_DAYS", "expiry_notice_days", "30", _whole(30, 1),
            "how far ahead authorizations ending are shown and announced"),
    Setting("STORIES_RETENTION_DAYS", "retention_days", "180", _whole(180, 1),
            "retention purge: age after which rejected/withdrawn/expired text is purged"),
    Setting("STORIES_SUBMIT_LIMIT", "submit_limit", "5", _whole(5, 1),
            "stories one client may send per hour"),
    Setting("STORIES_TRUSTED_PROXY_HOPS", "trusted_proxy_hops", "0", _hops,
            "how many proxies in front of the app append to X-Forwarded-For"),
    Setting("STORIES_SESSION_IDLE_MINUTES", "session_idle_minutes", "30", _whole(30, 1),
            "a staff session ends after this many minutes without use"),
    Setting("STORIES_SESSION_MAX_HOURS", "session_max_hours", "8", _whole(8, 1),
            "a staff session ends this many hours after login"),
    Setting("STORIES_SITE_DIR", "site_dir", "", _optional_path,
            "the static site's stories folder the Export page may update"),
    Setting("STORIES_AUDIT_CHECKPOINT", "audit_checkpoint", "<data dir>/audit-checkpoint.json",
            _checkpoint, "the signed checkpoint that anchors the audit log outside the database"),
    Setting("STORIES_SMTP_URL", "smtp_url", "", _optional,
            "smtp+starttls://user@host:587, smtps://user@host:465 or smtp://host:25; none: "
            "notices off"),
    Setting("STORIES_SMTP_PASSWORD", "smtp_password", "", _secret,
            "the SMTP login's password (never in the URL)", secret=True),
    Setting("STORIES_MAIL_FROM", "mail_from", DEFAULT_MAIL_FROM, _mail_from, "sender address"),
    Setting("STORIES_MAIL_FROM_NAME", "mail_from_name", DEFAULT_MAIL_FROM_NAME,
            _text(DEFAULT_MAIL_FROM_NAME), "sender name: never the clinic's specialty"),
    Setting("STORIES_CHECK_URL", "check_url", DEFAULT_CHECK_URL, _check_url,
            "the public address of Check my story, put in every message"),
    Setting("STORIES_NOTIFY_DAILY_CAP", "notify_daily_cap", "5", _whole(5, 1),
            "news messages per address per day; more are stored as suppressed"),
    Setting("STORIES_NOTIFY_MAX_ATTEMPTS", "notify_max_attempts", "5", _whole(5, 1),
            "delivery attempts before a message is failed"),
    Setting("STORIES_NOTIFY_RETRY_SECONDS", "notify_retry_seconds", "300", _whole(300, 0),
            "first retry delay, doubled after each failed attempt"),
    Setting("STORIES_TAKEDOWN_OVERDUE_DAYS", "takedown_overdue_days", "7", _whole(7, 1),
            "a takedown task still open after this many days is shown as overdue"),
    Setting("STORIES_EXTRA_CHANNELS", "extra_channels", DEFAULT_EXTRA_CHANNELS, _channels,
            "the clinic's own channels besides the website and excerpts (key=Label;...)"),
)


class _SettingsBase:
    """What every `Settings` can answer beyond its table fields."""

    @property
    def demo(self) -> bool:
        return self.mode == "demo"

    @property
    def notifications_on(self) -> bool:
        """Whether email notices are sent at all (an SMTP server is configured)."""
        return bool(self.smtp_url)


#: The resolved configuration of one process: one frozen field per row of `SETTINGS`.
Settings = make_dataclass(
    "Settings",
    [(s.attr, Any, field(repr=not s.secret)) for s in SETTINGS],
    bases=(_SettingsBase,),
    frozen=True,
)


def setting_value(env: str) -> Any:
    """One setting that stands alone (its parser needs no other), read from the environment
    as it is now; parsed once per distinct value.  For code on a hot path (the detector
    asks on every call whether its learned reader is on), where `get_settings()`, which
    reads every variable, would cost more than the answer."""
    return _parse_one(env, os.environ.get(env))


@lru_cache(maxsize=32)
def _parse_one(env: str, raw: str | None) -> Any:
    row = next(s for s in SETTINGS if s.env == env)
    return row.parse(env, raw or "", {})


def get_settings() -> Settings:
    """The `Settings` for the environment as it is now (parsed once per distinct environment)."""
    return _settings_for(tuple(os.environ.get(s.env) for s in SETTINGS))


@lru_cache(maxsize=32)
def _settings_for(values: tuple) -> Settings:
    """Parse one environment snapshot, row by row, in table order."""
    resolved: dict[str, Any] = {}
    for setting, raw in zip(SETTINGS, values, strict=True):
        resolved[setting.attr] = setting.parse(setting.env, raw or "", resolved)
    return Settings(**resolved)
