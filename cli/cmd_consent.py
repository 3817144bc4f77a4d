"""Consent operations: `import`, `expiring`, `reconfirm`, `authorization publish`, `receipt reissue`."""

from __future__ import annotations

import sys
from pathlib import Path

from moderation import admin
from moderation.service_accounts import service_account
from stories.config import get_settings
from stories.db import transaction
from stories.importer import import_paths
from stories.models import utcnow
from stories.reconfirm import request_due


def register(commands) -> None:
    imp = commands.add_parser(
        "import", help="import published testimonials (Markdown with front matter, or .jsonl)")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.set_defaults(handler=import_command)

    exp = commands.add_parser("expiring", help="list stories whose authorization ends soon")
    exp.add_argument("--days", type=int, default=None, help="look-ahead (default STORIES_EXPIRY_NOTICE_DAYS)")
    exp.set_defaults(handler=expiring_command)

    rec = commands.add_parser("reconfirm", help="ask authors of older stories to re-confirm")
    rec.add_argument("--older-than-days", type=int, default=365)
    rec.set_defaults(handler=reconfirm_command)

    auth = commands.add_parser("authorization", help="manage authorization text versions")
    sub = auth.add_subparsers(dest="auth_command", required=True, metavar="ACTION")
    pub = sub.add_parser("publish", help="publish a new version from a Markdown file")
    pub.add_argument("--version", required=True)
    pub.add_argument("--file", required=True, type=Path)
    pub.set_defaults(handler=publish_command)

    rc = commands.add_parser("receipt", help="receipt codes")
    rsub = rc.add_subparsers(dest="receipt_command", required=True, metavar="ACTION")
    re_ = rsub.add_parser("reissue", help="new code for a patient whose identity was verified")
    re_.add_argument("id", help="the story's opaque id")
    re_.add_argument("--verified", required=True, choices=admin.VERIFICATION_METHODS)
    re_.set_defaults(handler=reissue_command)


def import_command(args) -> int:
    report = import_paths(args.files, session_factory=transaction)
    for public_id, status, code in report.imported:
        print(f"imported {public_id} ({status}: waiting in the moderation queue); "
              f"give the author this receipt code: {code}")
    for where, why in report.skipped:
        print(f"skipped {where}: {why}", file=sys.stderr)
    print(f"{len(report.imported)} imported, {len(report.skipped)} skipped")
    return 1 if report.skipped and not report.imported else 0


def expiring_command(args) -> int:
    days = args.days if args.days is not None else get_settings().expiry_notice_days
    with transaction() as session:
        who = service_account("cli", session=session)
        rows = [(s.public_id, s.status) for s in admin.expiring(utcnow().date(), days, who=who,
                                                                    session=session)]
    for public_id, status in rows:
        print(f"{public_id}\t{status}")
    print(f"{len(rows)} stories with an authorization ending within {days} days")
    return 0


def reconfirm_command(args) -> int:
    with transaction() as session:
        count = request_due(args.older_than_days, session=session)
    print(f"{count} authors asked to re-confirm (they see it with their receipt code)")
    return 0


def publish_command(args) -> int:
    body = args.file.read_text(encoding="utf-8")
    with transaction() as session:
        who = service_account("cli", session=session)
        record = admin.publish_authorization(args.version, body, who=who, session=session)
    print(f"published authorization {record.version} ({record.sha256[:16]})")
    return 0


def reissue_command(args) -> int:
    with transaction() as session:
        who = service_account("cli", session=session)
        code = admin.reissue_code(args.id, args.verified, who=who, session=session)
    print(f"new receipt code for {args.id}: {code}\nThe old code no longer works.")
    return 0
