"""`takedowns [--overdue] [--all]` and `takedowns --done TASK [--on DATE]`: copies that must come down.

Lists one line per task: task id, opaque story id, channel, the place
(the clinic's words or the website file), why, age in days, and OVERDUE when
open longer than `STORIES_TAKEDOWN_OVERDUE_DAYS`.  Never story text.  With
`--overdue` the exit code is 1 when any task is overdue (for cron alerts).
"""

from __future__ import annotations

from datetime import date

from moderation.service_accounts import service_account
from moderation.takedowns import open_tasks, record_taken_down
from stories.db import transaction
from stories.errors import InvalidInput


def register(commands) -> None:
    parser = commands.add_parser(
        "takedowns", help="copies of withdrawn or expired stories still to be taken down")
    parser.add_argument("--overdue", action="store_true",
                        help="only tasks open longer than STORIES_TAKEDOWN_OVERDUE_DAYS "
                             "(exit code 1 when there is any)")
    parser.add_argument("--all", action="store_true", help="include tasks already done")
    parser.add_argument("--done", type=int, metavar="TASK",
                        help="record that task TASK's copy was taken down")
    parser.add_argument("--on", metavar="YYYY-MM-DD",
                        help="with --done: the day it was taken down (default today)")
    parser.set_defaults(handler=takedowns_command)


def _day(raw: str | None) -> date:
    if not raw:
        return date.today()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput("--on must be a date written YYYY-MM-DD.") from None


def _line(task) -> str:
    state = (f"done {task.taken_down_on}" if task.done_at is not None
             else "OVERDUE" if task.overdue else "open")
    kind = "website file" if task.automatic else \
        f"excerpt {task.excerpt_id}" if task.excerpt_id else "manual"
    return (f"{task.task_id}\t{task.public_id}\t{task.channel}\t{kind}\t{task.where_used}\t"
            f"{task.reason}\t{task.age_days}d\t{state}")


def takedowns_command(args) -> int:
    if args.done is not None:
        with transaction() as session:
            who = service_account("cli", session=session)
            record_taken_down(args.done, _day(args.on), who=who, session=session)
        print(f"takedown {args.done} recorded as done")
        return 0
    with transaction() as session:
        who = service_account("cli", session=session)
        lines = open_tasks(who=who, session=session, overdue_only=args.overdue,
                           include_done=args.all)
    if not lines:
        print("no overdue takedowns" if args.overdue else "no open takedowns")
        return 0
    print("task\tstory\tchannel\tkind\twhere\twhy\tage\tstate")
    for task in lines:
        print(_line(task))
    overdue = sum(t.overdue for t in lines)
    print(f"{sum(t.done_at is None for t in lines)} open, {overdue} overdue")
    return 1 if args.overdue and overdue else 0
