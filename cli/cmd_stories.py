"""Operator commands: `withdraw`, `audit verify|anchor`, `keygen`, `rotate-key`, `expire`."""

from __future__ import annotations

from pathlib import Path

from moderation.review import withdraw_for_patient
from moderation.service_accounts import service_account
from stories.audit import anchor, checkpoint_path, verify_anchored
from stories.crypto import new_key
from stories.db import transaction
from stories.errors import InvalidInput
from stories.expiry import expire_due
from stories.export_files import MANIFEST, manifest_checkpoint
from stories.models import utcnow
from stories.rekey import reanchor_audit, rotate_all


def register(commands) -> None:
    withdraw = commands.add_parser(
        "withdraw", help="record a withdrawal received on paper or by phone (ID from front matter)")
    withdraw.add_argument("id", help="the story's opaque id, as in the exported front matter")
    withdraw.add_argument("--reason", required=True, help="how it reached the clinic (not stored)")
    withdraw.add_argument("--how", default="paper", choices=("paper", "phone", "email"))
    withdraw.set_defaults(handler=withdraw_command)

    audit = commands.add_parser("audit", help="check the audit log")
    sub = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    verify = sub.add_parser(
        "verify", help="detect any changed, removed or reordered event, a cut-off end or a "
                       "rewritten log (against the checkpoint file and exports' checkpoints)")
    verify.add_argument("--export", dest="exports", action="append", type=Path, default=[],
                        metavar="DIR", help="also check the checkpoint in this export folder "
                                            "(repeatable)")
    verify.set_defaults(handler=verify_command)
    pin = sub.add_parser(
        "anchor", help="sign the log's current end into the checkpoint file (once for a log that "
                       "predates checkpoints, or after restoring a backup)")
    pin.set_defaults(handler=anchor_command)

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


def _export_checkpoints(folders: list[Path]) -> tuple:
    """(where, checkpoint) for each export folder; a folder without one is an error."""
    found = []
    for folder in folders:
        checkpoint = manifest_checkpoint(folder)
        if checkpoint is None:
            raise InvalidInput(f"{folder / MANIFEST} holds no audit checkpoint.")
        found.append((f"export {folder}", checkpoint))
    return tuple(found)


def verify_command(args) -> int:
    exports = _export_checkpoints(args.exports)
    with transaction() as session:
        report = verify_anchored(session, exports)
    if report.ok:
        print(f"audit log intact: {report.events} events, anchored by {checkpoint_path()}"
              + (f" and {len(exports)} export(s)" if exports else ""))
        return 0
    where = f"at event {report.first_bad_id}" if report.first_bad_id else "(no event to point at)"
    print(f"audit log BROKEN {where}: {report.problem}")
    return 1


def anchor_command(_args) -> int:
    with transaction() as session:
        checkpoint = anchor(session)
    if checkpoint is None:
        print("the audit log is empty: nothing to anchor")
    else:
        print(f"audit log anchored at {checkpoint.events} events in {checkpoint_path()}")
    return 0


def expire_command(_args) -> int:
    with transaction() as session:
        count = expire_due(utcnow().date(), session=session)
    print(f"{count} stories expired")
    return 0


def rotate_command(_args) -> int:
    with transaction() as session:
        count = rotate_all(session=session)
        problem = reanchor_audit(session=session)
    print(f"re-encrypted {count} values with the newest key")
    if problem:
        print(f"audit checkpoint NOT re-signed: {problem}; run `audit verify` before dropping "
              "the old key")
        return 1
    print("audit checkpoint re-signed with the newest key")
    return 0
