"""`staff add|disable|enable|unlock|reset-password|set-role`: manage staff accounts.

A password is read from a prompt (twice, never echoed) or, for `add` when
stdin is not a terminal and for `reset-password --password-stdin`, from the
first line of stdin; never from the command line, where it would land in
shell history and process listings.  Changes to existing accounts act as the
`svc-cli` service account and are audited like the Admin page's.
"""

from __future__ import annotations

import getpass
import sys

from moderation import accounts
from moderation.accounts import add_staff
from moderation.roles import ROLES
from moderation.service_accounts import service_account
from stories.db import transaction
from stories.errors import InvalidInput


def register(commands) -> None:
    staff = commands.add_parser("staff", help="manage staff accounts")
    sub = staff.add_subparsers(dest="staff_command", required=True, metavar="ACTION")
    add = sub.add_parser("add", help="create a staff account (password from prompt or stdin)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.set_defaults(handler=add_command)
    for name, text in (("disable", "switch an account off and end its sessions"),
                       ("enable", "switch a disabled account back on"),
                       ("unlock", "lift a lock after too many wrong passwords")):
        command = sub.add_parser(name, help=text)
        command.add_argument("username")
        command.set_defaults(handler=change_command, action=name)
    reset = sub.add_parser("reset-password", help="set a new password (prompt, or "
                           "--password-stdin) and end the account's sessions")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true",
                       help="read the new password from the first line of stdin")
    reset.set_defaults(handler=reset_command)
    role = sub.add_parser("set-role", help="give an account another role")
    role.add_argument("username")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(handler=role_command)


def read_password() -> str:
    """Prompt twice on a terminal; otherwise read one line from stdin."""
    if not sys.stdin.isatty():
        return stdin_password()
    return prompt_password()


def stdin_password() -> str:
    """The first line of stdin, without its line end."""
    return sys.stdin.readline().rstrip("\r\n")


def prompt_password() -> str:
    """Ask twice without echo; refuse when the two differ."""
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


def change_command(args) -> int:
    """disable / enable / unlock one account."""
    with transaction() as session:
        who = service_account("cli", session=session)
        result = getattr(accounts, args.action)(args.username, who=who, session=session)
    done = {"disable": "disabled", "enable": "enabled", "unlock": "unlocked"}[args.action]
    ended = f"; {result} session(s) ended" if args.action == "disable" else ""
    print(f"{done} account {args.username.strip().lower()}{ended}")
    return 0


def reset_command(args) -> int:
    """Set a new password read without echo (or from stdin with --password-stdin)."""
    if args.password_stdin:
        password = stdin_password()
    elif sys.stdin.isatty():
        password = prompt_password()
    else:
        raise InvalidInput("No terminal to ask on: pipe the password with --password-stdin.")
    with transaction() as session:
        who = service_account("cli", session=session)
        ended = accounts.reset_password(args.username, password, who=who, session=session)
    print(f"new password set for {args.username.strip().lower()}; {ended} session(s) ended")
    return 0


def role_command(args) -> int:
    """Change one account's role."""
    with transaction() as session:
        who = service_account("cli", session=session)
        accounts.set_role(args.username, args.role, who=who, session=session)
    print(f"account {args.username.strip().lower()} is now {args.role}")
    return 0
