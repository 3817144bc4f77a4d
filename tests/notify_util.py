"""Shared pieces of the email-notice tests: a real SMTP server fixture and helpers."""

from __future__ import annotations

import re
from pathlib import Path

from sqlmodel import select

from stories.db import transaction
from stories.models import Notification
from stories.notify import optin, queue, run_once, templates
from tests import factories as f
from tests.smtp_server import SmtpServer

CHECK_URL = "https://stories.clinic.example/check"
CONFIRMATION = templates.MESSAGES[queue.CONFIRM_KIND].subject
ADDRESS = "patient@example.org"


RUNNING: list[SmtpServer] = []  # the test's server, so `opted_in` can deliver the confirmation


def opted_in(**overrides):
    """A submitted story whose author asked for notices (as the share page does).

    The confirmation this queues ("notices on") is sent and emptied from the
    server's inbox, so a test sees only the messages of what it does next.
    """
    receipt = f.submit(**overrides)
    with transaction() as s:
        optin.after_submit(receipt.story_id, True, session=s)
    if RUNNING:
        assert run_once().failed == 0
        with RUNNING[0].lock:
            RUNNING[0].messages[:] = [(to, m) for to, m in RUNNING[0].messages
                                      if m["Subject"] != CONFIRMATION]
    return receipt


def publish() -> None:
    """Run an export: a story's first export is its publication, which is news."""
    import tempfile

    from stories.export import export_site

    with tempfile.TemporaryDirectory() as site, transaction() as s:
        export_site(Path(site), session=s)


def subjects(server: SmtpServer, address: str = ADDRESS) -> list[str]:
    return [m["Subject"] for m in server.to(address)]


def words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W_]+", text)}


def notifications(confirmations: bool = False) -> list[Notification]:
    """The queued messages in order (without the "notices on" confirmations unless asked)."""
    with transaction() as s:
        rows = list(s.exec(select(Notification).order_by(Notification.id)))
    return [n for n in rows if confirmations or n.kind != queue.CONFIRM_KIND]
