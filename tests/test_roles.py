"""Every staff service checks the role on the server: a table of (service, who) -> refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from moderation import accounts, admin, publishing, queue, review
from moderation.roles import StaffIdentity
from stories.db import transaction
from stories.errors import NotAuthorized
from tests import factories as f

K = ("body", "PERSON", 0, 1)
REVIEW_CALLS = {
    "status_counts": lambda sid, who, s: queue.status_counts(who=who, session=s),
    "queue": lambda sid, who, s: queue.queue(who=who, session=s),
    "review": lambda sid, who, s: queue.review(sid, who=who, session=s),
    "start_review": lambda sid, who, s: review.start_review(sid, who=who, session=s),
    "edit": lambda sid, who, s: review.edit(sid, "h", "t", "b" * 50, who=who, session=s),
    "redact": lambda sid, who, s: review.redact_findings(sid, "h", kind="PERSON", who=who, session=s),
    "keep": lambda sid, who, s: review.keep_finding(sid, "h", K, who=who, session=s),
    "note": lambda sid, who, s: review.add_note(sid, "n", who=who, session=s),
    "request_changes": lambda sid, who, s: review.request_changes(sid, "h", "m", who=who, session=s),
    "send_for_signoff": lambda sid, who, s: review.send_for_signoff(sid, "h", who=who, session=s),
    "approve": lambda sid, who, s: review.approve(sid, "h", who=who, session=s),
    "reject": lambda sid, who, s: review.reject(sid, "h", "off-topic", who=who, session=s),
    "withdraw": lambda sid, who, s: review.withdraw_for_patient("x", "r", who=who, session=s),
    "expiring": lambda sid, who, s: admin.expiring(date.today(), 30, who=who, session=s),
    "ask_reconfirmation": lambda sid, who, s: admin.ask_reconfirmation(sid, who=who, session=s),
    "versions": lambda sid, who, s: admin.authorization_versions(who=who, session=s),
}
ADMIN_CALLS = {
    "publish_authorization": lambda sid, who, s: admin.publish_authorization("v9", "x" * 300, who=who,
                                                                           session=s),
    "reissue_code": lambda sid, who, s: admin.reissue_code("x", "in person", who=who, session=s),
    "accounts": lambda sid, who, s: accounts.accounts(who=who, session=s),
    "disable": lambda sid, who, s: accounts.disable("someone", who=who, session=s),
    "enable": lambda sid, who, s: accounts.enable("someone", who=who, session=s),
    "unlock": lambda sid, who, s: accounts.unlock("someone", who=who, session=s),
    "reset_password": lambda sid, who, s: accounts.reset_password("someone", f.PASSWORD, who=who,
                                                                  session=s),
    "set_role": lambda sid, who, s: accounts.set_role("someone", "admin", who=who, session=s),
    "add_staff": lambda sid, who, s: accounts.add_staff_as("new-user", f.PASSWORD, "admin", who=who,
                                                             session=s),
}
EXPORT_CALLS = {
    "export": lambda sid, who, s: publishing.export_as(Path("/nonexistent"),
                                                       "jekyll", who=who, session=s),
    "takedown_files": lambda sid, who, s: publishing.takedown_files("jekyll", [], who=who,
                                                                    session=s),
    "update_site": lambda sid, who, s: publishing.update_site_as("jekyll", who=who, session=s),
}
CASES = (
    [(name, call, role) for name, call in REVIEW_CALLS.items() for role in (None, "publisher")]
    + [(name, call, role) for name, call in ADMIN_CALLS.items() for role in (None, "moderator", "publisher")]
    + [(name, call, role) for name, call in EXPORT_CALLS.items() for role in (None, "moderator")]
)


@pytest.mark.parametrize("name,call,role", CASES, ids=[f"{n}-{r}" for n, _, r in CASES])
def test_refused_for_anonymous_and_lower_roles(db_url, name, call, role):
    receipt = f.submit()
    who = None if role is None else StaffIdentity(99, "someone", role)
    with pytest.raises(NotAuthorized), transaction() as s:
        call(receipt.story_id, who, s)
    assert f.status(receipt.story_id) == "submitted"  # and nothing changed
