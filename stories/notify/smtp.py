"""Delivery: claim due messages, send each over SMTP once, record the outcome.

`STORIES_SMTP_URL` names the server: `smtp://host:25` (plain),
`smtp+starttls://user@host:587` (STARTTLS, then login) or
`smtps://user@host:465` (TLS from the start); the password comes from
`STORIES_SMTP_PASSWORD`, never from the URL.

At most once: a sender first claims rows in a short transaction
(`SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL; on SQLite an
`UPDATE ... WHERE claimed_at IS NULL` per row, which only one sender can win),
then sends outside any transaction, then records the outcome.  A temporary
failure (a 4xx answer, or no answer at all) releases the claim with an
exponential backoff; after `STORIES_NOTIFY_MAX_ATTEMPTS` the message is
failed.  A permanent refusal (5xx) fails it at once: asking again would not
change the answer, and repeated rejected mail gets a sender blocked.  A claim
older than an hour (a sender that died mid-send) is marked failed, never
sent again, because it may have gone out.  Once a message is sent, failed or
suppressed, its address and code are wiped.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import unquote, urlsplit

from sqlalchemy import update
from sqlmodel import Session, select

from stories import crypto
from stories.config import SettingInvalid, Settings
from stories.db import transaction
from stories.models import Notification, utcnow
from stories.notify.queue import FAILED, PENDING, SENT
from stories.notify.templates import build_message

log = logging.getLogger("stories.notify")
TIMEOUT_SECONDS = 20
STALE_CLAIM = timedelta(hours=1)
_PORTS = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}


@dataclass(frozen=True)
class SmtpTarget:
    """Where and how to deliver (no password: that is read when sending)."""

    scheme: str
    host: str
    port: int
    username: str


class DeliveryFailed(Exception):
    """The server refused or could not be reached; `permanent` says whether to retry."""

    def __init__(self, reason: str, permanent: bool):
        super().__init__(reason)
        self.reason, self.permanent = reason, permanent


def parse_url(url: str) -> SmtpTarget:
    """An `SmtpTarget` from `STORIES_SMTP_URL`, or `SettingInvalid` (never echoing the URL)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None or parts.scheme not in _PORTS or not parts.hostname:
        raise SettingInvalid("STORIES_SMTP_URL must look like smtp+starttls://user@host:587, "
                             "smtps://user@host:465 or smtp://host:25.")
    if parts.password:
        raise SettingInvalid("STORIES_SMTP_URL must not hold the password; put it in "
                             "STORIES_SMTP_PASSWORD.")
    return SmtpTarget(parts.scheme, parts.hostname, port or _PORTS[parts.scheme],
                      unquote(parts.username or ""))


def target_from(settings: Settings) -> SmtpTarget | None:
    """The configured target, None when notices are off."""
    return parse_url(settings.smtp_url) if settings.smtp_url else None


def _classify(exc: Exception) -> DeliveryFailed:
    """A delivery error as temporary (retry later) or permanent, with a category only."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()] or [550]
        code = min(codes)
    elif isinstance(exc, smtplib.SMTPAuthenticationError):
        return DeliveryFailed("login refused (check the SMTP settings)", permanent=False)
    elif isinstance(exc, smtplib.SMTPResponseException):
        code = exc.smtp_code
    else:
        return DeliveryFailed(f"server unreachable ({type(exc).__name__})", permanent=False)
    return DeliveryFailed(f"server answered {code}", permanent=500 <= code < 600)


def deliver(target: SmtpTarget, password: str | None, message) -> None:
    """Send one message; `DeliveryFailed` on any refusal or connection problem."""
    try:
        if target.scheme == "smtps":
            server = smtplib.SMTP_SSL(target.host, target.port, timeout=TIMEOUT_SECONDS,
                                      context=ssl.create_default_context())
        else:
            server = smtplib.SMTP(target.host, target.port, timeout=TIMEOUT_SECONDS)
        with server:
            if target.scheme == "smtp+starttls":
                server.starttls(context=ssl.create_default_context())
            if target.username:
                server.login(target.username, password or "")
            server.send_message(message)
    except (smtplib.SMTPException, OSError) as exc:
        raise _classify(exc) from None


def _due(session: Session, now: datetime, limit: int):
    return (select(Notification.id).where(
        Notification.status == PENDING, Notification.claimed_at.is_(None),
        Notification.next_attempt_at <= now).order_by(Notification.id).limit(limit))


def claim(*, session: Session, now: datetime, limit: int) -> list[int]:
    """Claim up to `limit` due messages for this sender; no other sender gets them."""
    if session.get_bind().dialect.name == "postgresql":
        ids = list(session.exec(_due(session, now, limit).with_for_update(skip_locked=True)))
        if ids:
            session.execute(update(Notification).where(Notification.id.in_(ids))
                            .values(claimed_at=now))
        return ids
    won = []
    for row_id in session.exec(_due(session, now, limit)).all():
        result = session.execute(
            update(Notification).where(Notification.id == row_id,
                                       Notification.claimed_at.is_(None))
            .values(claimed_at=now))
        if result.rowcount == 1:
            won.append(row_id)
    return won


def fail_stale_claims(*, session: Session, now: datetime) -> int:
    """Fail messages claimed long ago by a sender that never reported back (never resend)."""
    stale = session.exec(select(Notification).where(
        Notification.status == PENDING, Notification.claimed_at.is_not(None),
        Notification.claimed_at < now - STALE_CLAIM)).all()
    for row in stale:
        _finish(row, FAILED, "sender stopped mid-send; not resent", now)
        session.add(row)
    return len(stale)


def _finish(row: Notification, status: str, error: str, now: datetime) -> None:
    row.status, row.last_error = status, error[:60]
    row.recipient_enc = row.secret_enc = None
    if status == SENT:
        row.sent_at = now


def _record(row_id: int, outcome: DeliveryFailed | None, settings: Settings,
            now: datetime) -> str:
    """Write the outcome of one attempt; return "sent", "retried" or "failed"."""
    with transaction() as session:
        row = session.get(Notification, row_id)
        row.attempts += 1
        if outcome is None:
            _finish(row, SENT, "", now)
            result = "sent"
        elif outcome.permanent or row.attempts >= settings.notify_max_attempts:
            _finish(row, FAILED, outcome.reason, now)
            result = "failed"
        else:
            delay = settings.notify_retry_seconds * 2 ** (row.attempts - 1)
            row.claimed_at, row.last_error = None, outcome.reason[:60]
            row.next_attempt_at = now + timedelta(seconds=delay)
            result = "retried"
        session.add(row)
    return result


def _message_for(row_id: int, settings: Settings):
    """Decrypt the recipient (and code) of a claimed row and build its message."""
    with transaction() as session:
        row = session.get(Notification, row_id)
        return build_message(row.kind, to=crypto.decrypt(row.recipient_enc),
                             sender_name=settings.mail_from_name,
                             sender_address=settings.mail_from, url=settings.check_url,
                             code=crypto.decrypt(row.secret_enc) or "")


def send_due(target: SmtpTarget, settings: Settings, report, *, now: datetime | None = None,
             limit: int = 200) -> None:
    """Claim and send every due message (up to `limit`), adding the counts to `report`."""
    now = now or utcnow()
    with transaction() as session:
        report.failed += fail_stale_claims(session=session, now=now)
    with transaction() as session:
        ids = claim(session=session, now=now, limit=limit)
    for row_id in ids:
        try:
            deliver(target, settings.smtp_password, _message_for(row_id, settings))
            outcome = None
        except DeliveryFailed as exc:
            outcome = exc
        except crypto.KeyMissing:  # encrypted under a key no longer configured: unsendable
            outcome = DeliveryFailed("address unreadable (encryption key)", permanent=True)
        result = _record(row_id, outcome, settings, now)
        setattr(report, result, getattr(report, result) + 1)
        log.info("notification %s: %s", row_id, result if outcome is None else
                 f"{result} ({outcome.reason})")
