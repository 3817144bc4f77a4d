"""`demo --stories N [--approve]`: seed synthetic stories through the real services."""

from __future__ import annotations

import random

from moderation import review
from moderation.service_accounts import service_account
from stories import patient
from stories.db import transaction
from stories.demo import choose_notices, forms
from stories.identifiers import findings_for
from stories.models import Story
from stories.revisions import current_revision
from stories.submission import submit_story


def register(commands) -> None:
    demo = commands.add_parser("demo", help="seed N synthetic stories (for a demo or a benchmark)")
    demo.add_argument("--stories", type=int, required=True, metavar="N")
    demo.add_argument("--approve", action="store_true",
                      help="take each story through redaction, sign-off and approval")
    demo.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    demo.set_defaults(handler=demo_command)


def approve_all_the_way(story_id: int, code: str) -> None:
    """Redact every finding, ask for sign-off, sign off as the patient, approve."""
    with transaction() as session:
        who = service_account("demo", session=session)
        story = session.get(Story, story_id)
        revision = current_revision(story, session=session)
        keys = [f.key for f in findings_for(revision, session=session)]
        current = revision.content_hash
        if keys:
            current = review.redact_findings(story_id, current, keys=keys, who=who, session=session)
        review.send_for_signoff(story_id, current, "Please check the final text.", who=who,
                                session=session)
        patient.sign_off(code, current, session=session)
        review.approve(story_id, current, who=who, session=session)


def demo_command(args) -> int:
    if not 0 < args.stories <= 100_000:
        print("error: --stories must be between 1 and 100000")
        return 2
    seed = args.seed if args.seed is not None else random.randrange(2**31)
    for form in forms(args.stories, seed):
        with transaction() as session:
            receipt = submit_story(form, session=session)
            choose_notices(form, receipt, session=session)
        if args.approve:
            approve_all_the_way(receipt.story_id, receipt.code)
    print(f"seeded {args.stories} stories" + (" (approved)" if args.approve else ""))
    return 0
