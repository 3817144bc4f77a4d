"""Patient lookups through the service: growing delays, never a lockout; timeline wording."""

from __future__ import annotations

import re

from moderation import review
from stories import patient
from stories.db import transaction
from tests import factories as f

WRONG = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"


def lookup(code: str, client: str = "client-a") -> tuple[float, bool]:
    """One lookup as the page does it: (the wait it was given, whether the code opened)."""
    with transaction() as s:
        wait = patient.start_lookup(client, session=s)
    with transaction() as s:
        return wait, patient.finish_lookup(code, client, session=s)


def test_delays_grow_after_a_few_wrong_codes_up_to_a_cap():
    waits = [patient.lookup_delay(n) for n in range(14)]
    assert waits[: patient.FREE_LOOKUPS] == [0.0] * patient.FREE_LOOKUPS
    assert waits[5:11] == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0]
    assert max(waits) == patient.MAX_LOOKUP_DELAY


def test_wrong_codes_slow_this_client_down_but_the_right_code_always_opens(db_url):
    receipt = f.submit()
    waits = [lookup(WRONG)[0] for _ in range(12)]
    assert waits == [patient.lookup_delay(n) for n in range(12)]
    wait, opened = lookup(receipt.code)  # after 12 wrong codes: a wait, never a refusal
    assert wait == patient.MAX_LOOKUP_DELAY and opened
    assert lookup(receipt.code)[0] == patient.MAX_LOOKUP_DELAY  # a right code resets nothing
    assert lookup(WRONG, client="client-b") == (0.0, False)  # another client is not slowed


def test_right_codes_do_not_slow_their_owner_down(db_url):
    receipt = f.submit()
    assert [lookup(receipt.code) for _ in range(10)] == [(0.0, True)] * 10


def test_timeline_shows_readable_dates_and_each_clinic_edit_once(db_url):
    moderator = f.staff("moderator")
    receipt = f.submit()
    digest = f.current_hash(receipt.story_id)  # three edits, as redactions one by one are
    for n in range(3):
        with transaction() as s:
            digest = review.edit(receipt.story_id, digest, f"Not broken {n}", f.BODY,
                                 who=moderator, session=s)
    with transaction() as s:
        view = patient.view(receipt.code, session=s)
    words = [w for _, w in view.timeline]
    assert words.count("The clinic edited the text.") == 1
    assert all(re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", day) for day, _ in view.timeline)
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", view.expires_on)
