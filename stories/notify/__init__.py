"""Email notices to patients, and self-service lost codes.

What lives here, in the order a message flows:

* `optin`: a story's notice choice and address (encrypted, with a blind
  index: an HMAC under a key derived from the encryption key);
* `queue`: turns announced events (`stories.outbox`) into `Notification`
  rows for opted-in stories, with a daily cap per address;
* `lostcode`: "I lost my code" requests, answered the same whether or not the
  address is known, handled by the sender run;
* `templates`: every subject and body, in one table, with nothing from a story;
* `smtp`: delivery over `smtplib`, claiming each row so it is sent at most once;
* `run_once` (below): what `python -m stories notify send` does.

Never logged or audited: an address, a code or a message body.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from stories.config import get_settings
from stories.db import transaction
from stories.models import utcnow


@dataclass
class RunReport:
    """What one sender run did (counts only)."""

    off: bool = False
    indexed: int = 0
    code_requests: int = 0
    queued: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0


def run_once(*, now: datetime | None = None, limit: int = 200) -> RunReport:
    """Index addresses, handle lost-code requests, queue news, send what is due.

    Each step is its own transaction; sending happens outside any transaction
    (a row is claimed first, so two runs at once never send one message twice).
    Without `STORIES_SMTP_URL` nothing at all happens (notices are off).
    """
    from stories.notify import lostcode, optin, queue, smtp

    settings = get_settings()
    if not settings.notifications_on:
        return RunReport(off=True)
    now = now or utcnow()
    target = smtp.target_from(settings)  # a bad URL stops the run before anything changes
    report = RunReport()
    with transaction() as session:
        report.indexed = optin.index_missing(session=session)
    with transaction() as session:
        report.code_requests = lostcode.handle_requests(session=session, now=now)
    with transaction() as session:
        report.queued = queue.queue_news(session=session, now=now)
    smtp.send_due(target, settings, report, now=now, limit=limit)
    return report
