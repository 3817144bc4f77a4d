"""`notify send` (for cron or a systemd timer) and `notify status`: email notices to patients.

Both print counts only: never an address, a code or a message.
"""

from __future__ import annotations

from stories.db import transaction
from stories.notify import run_once
from stories.notify.queue import overview

OFF = "notifications are off: STORIES_SMTP_URL is not set (nothing was sent)"


def register(commands) -> None:
    notify = commands.add_parser("notify", help="email notices to patients who asked for them")
    sub = notify.add_subparsers(dest="notify_command", required=True, metavar="ACTION")
    send = sub.add_parser(
        "send", help="handle lost-code requests, queue news from the outbox, send what is due "
                     "(run it every few minutes from cron or a systemd timer)")
    send.add_argument("--limit", type=int, default=200, metavar="N",
                      help="send at most N messages in this run (default 200)")
    send.set_defaults(handler=send_command)
    status = sub.add_parser("status", help="counts of messages by status, and whether notices are on")
    status.set_defaults(handler=status_command)


def send_command(args) -> int:
    report = run_once(limit=max(1, args.limit))
    if report.off:
        print(OFF)
        return 0
    print(f"indexed {report.indexed} addresses, handled {report.code_requests} lost-code "
          f"requests, queued {report.queued}, sent {report.sent}, will retry "
          f"{report.retried}, failed {report.failed}")
    return 0


def status_command(args) -> int:
    with transaction() as session:
        view = overview(session=session)
    print("notifications are on" if view.on else OFF)
    print(", ".join(f"{status} {n}" for status, n in view.counts.items())
          + f"; stories with notices on: {view.opted_in}")
    return 0
