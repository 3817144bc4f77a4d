"""Operator commands: `withdraw`, `audit verify`, `keygen`, `rotate-key`, `expire`."""

from __future__ import annotations

from moderation.auth import service_account
from moderation.review import withdraw_for_patient
from stories.audit import verify_chain
from stories.crypto import new_key
from stories.db import transaction
from stories.expiry import expire_due
from stories.models import utcnow
from stories.rekey import rotate_all


def register(commands) -> None:
    withdraw = commands.add_parser(
        "withdraw", help="record a withdrawal received on paper or by phone (ID from front matter)")
    withdraw.add_argument("id", help="the story's opaque id, as in the exported front matter")
    withdraw.add_argument("--reason", required=True, help="how it reached the clinic (not stored)")
    withdraw.add_argument("--how", default="paper", choices=("paper", "phone", "email"))
    withdraw.set_defaults(handler=withdraw_command)

    audit = commands.add_parser("audit", help="check the audit log")
    sub = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    verify = sub.add_parser("verify", help="detect any changed, removed or reordered event")
    verify.set_defaults(handler=verify_command)

    keygen = commands.add_parser("keygen", help="print a new STORIES_ENCRYPTION_KEY value")
    keygen.set_defaults(handler=lambda _a: print(new_key()) or 0)

    rotate = commands.add_parser(
        "rotate-key", help="re-encrypt stored contact details and signatures with the first key")
    rotate.set_defaults(handler=rotate_command)

    expire = commands.add_parser("expire", help="take down stories whose authorization expired")
    expire.set_defaults(handler=expire_command)


def withdraw_command(args) -> int:
    with transaction() as session:
        who = service_account("cli", session=session)
        withdraw_for_patient(args.id, args.reason, args.how, who=who, session=session)
    print(f"story {args.id} withdrawn; its text is erased and it leaves the site on the next export")
    return 0


def verify_command(_args) -> int:
    with transaction() as session:
        report = verify_chain(session)
    if report.ok:
        print(f"audit log intact: {report.events} events")
        return 0
    print(f"audit log BROKEN at event {report.first_bad_id}: {report.problem}")
    return 1


def expire_command(_args) -> int:
    with transaction() as session:
        count = expire_due(utcnow().date(), session=session)
    print(f"{count} stories expired")
    return 0


def rotate_command(_args) -> int:
    with transaction() as session:
        count = rotate_all(session=session)
    print(f"re-encrypted {count} values with the newest key")
    return 0
