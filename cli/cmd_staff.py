"""`staff add USERNAME --role ROLE`: create a staff account.

The password is read from a prompt (twice) or, when stdin is not a terminal,
from the first line of stdin; never from the command line, where it would
land in shell history and process listings.
"""

from __future__ import annotations

import getpass
import sys

from moderation.auth import ROLES, add_staff
from stories.db import transaction
from stories.errors import InvalidInput


def register(commands) -> None:
    staff = commands.add_parser("staff", help="manage staff accounts")
    sub = staff.add_subparsers(dest="staff_command", required=True, metavar="ACTION")
    add = sub.add_parser("add", help="create a staff account (password from prompt or stdin)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.set_defaults(handler=add_command)


def read_password() -> str:
    """Prompt twice on a terminal; otherwise read one line from stdin."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Repeat password: "):
        raise InvalidInput("The passwords differ.")
    return first


def add_command(args) -> int:
    password = read_password()
    with transaction() as session:
        who = add_staff(args.username, password, args.role, session=session)
    print(f"created {who.role} account {who.username}")
    return 0
