"""A real SMTP server on 127.0.0.1 for the notice tests (aiosmtpd), never a mock of smtplib.

`SmtpServer` keeps every message it accepted; `refuse` makes it answer the
next DATA commands with an error (e.g. "451 4.3.0 try later"), and `delay`
makes each accepted message take a while (to widen race windows).
"""

from __future__ import annotations

import asyncio
import contextlib
import email
import socket
import threading
from email.message import Message

from aiosmtpd.controller import Controller


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Handler:
    def __init__(self, server: SmtpServer):
        self.server = server

    async def handle_DATA(self, _server, _session, envelope):
        with self.server.lock:
            refusal = self.server.refusals.pop(0) if self.server.refusals else None
            if refusal is None and self.server.refuse_all:
                refusal = self.server.refuse_all
        if refusal:
            return refusal
        if self.server.delay:
            await asyncio.sleep(self.server.delay)
        message = email.message_from_bytes(envelope.content)
        with self.server.lock:
            self.server.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"


class SmtpServer:
    """aiosmtpd listening on 127.0.0.1:<free port> until `stop`."""

    def __init__(self):
        self.lock = threading.Lock()
        self.messages: list[tuple[list[str], Message]] = []
        self.refusals: list[str] = []
        self.refuse_all: str | None = None
        self.delay = 0.0
        self.port = free_port()
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> SmtpServer:
        self.controller.start()
        return self

    def stop(self) -> None:
        with contextlib.suppress(AssertionError):  # already stopped (a test played "server down")
            self.controller.stop()

    def to(self, address: str) -> list[Message]:
        """The messages delivered to `address`, in arrival order."""
        with self.lock:
            return [m for rcpt, m in self.messages if address in rcpt]


def body(message: Message) -> str:
    """The plain-text body of a received message (line ends as "\\n")."""
    return message.get_payload(decode=True).decode().replace("\r\n", "\n")
