"""AppTest: the opt-in on the share form, notices and lost code on Check my story, the staff page."""

from __future__ import annotations

import factories as f
import pytest
from sqlmodel import select
from test_app_support import (
    app,
    fast_hashing,  # noqa: F401 (fixture)
    fill_share,
    messages,
    open_story,
    press,
    screen_text,
    widget,
)

from moderation import notices
from stories.db import transaction
from stories.errors import NotAuthorized
from stories.models import CodeRequest, ContactPreference, Notification, Story
from stories.notify import lostcode, optin, run_once

pytestmark = pytest.mark.usefixtures("fast_hashing")
ADDRESS = "reader@example.org"


@pytest.fixture
def notices_on(db_url, monkeypatch):
    """Notices configured (the sender is not run here: nothing needs the server)."""
    monkeypatch.setenv("STORIES_SMTP_URL", "smtp://127.0.0.1:2")


def preference(story_id: int) -> ContactPreference | None:
    with transaction() as s:
        return s.get(ContactPreference, story_id)


def only_story() -> Story:
    with transaction() as s:
        return s.exec(select(Story)).one()


def test_opting_in_on_the_share_form(notices_on):
    at = app()
    box = widget(at.checkbox, "share_notify")
    assert box.value is False and "news about my story" in box.label
    fill_share(at, email=ADDRESS)
    box.check()
    press(at, "Send my story")
    assert not messages(at)
    pref = preference(only_story().id)
    assert pref.notify is True and pref.address_index == optin.address_index(ADDRESS)
    assert ADDRESS not in screen_text(at)


def test_not_opting_in_still_indexes_the_address_for_a_lost_code(notices_on):
    at = app()
    fill_share(at, email=ADDRESS)
    press(at, "Send my story")
    pref = preference(only_story().id)
    assert (pref.notify, pref.address_index) == (False, optin.address_index(ADDRESS))


def test_opting_in_without_an_address_says_so(notices_on):
    at = app()
    fill_share(at, email="")
    widget(at.checkbox, "share_notify").check()
    press(at, "Send my story")
    assert any("no contact email" in m for m in messages(at, "success"))
    assert preference(only_story().id) is None


def test_no_opt_in_and_no_lost_code_form_when_notices_are_off(db_url, monkeypatch):
    monkeypatch.delenv("STORIES_SMTP_URL", raising=False)
    assert not [w for w in app().checkbox if w.key == "share_notify"]
    assert "I lost my code" not in [e.label for e in app("check").expander]


def test_managing_notices_on_check_my_story(notices_on):
    receipt = f.submit(contact_email=ADDRESS)
    at = open_story(receipt.code)
    assert any("Email notices are **off**" in m.value and "r•••@e•••.org" in m.value
               for m in at.markdown)
    widget(at.checkbox, "check_notify_on").check()
    widget(at.text_input, "check_notify_address").set_value("new@example.org")
    press(at, "Save my choice")
    assert "Your choice is saved." in messages(at, "success")
    pref = preference(receipt.story_id)
    assert pref.notify and pref.address_index == optin.address_index("new@example.org")
    assert "new@example.org" not in " ".join(m.value for m in at.markdown)
    press(at, "Delete my email address")
    assert preference(receipt.story_id) is None
    with transaction() as s:
        assert s.get(Story, receipt.story_id).contact_email_enc is None
    assert any("We have no email address" in m.value for m in at.markdown)


def test_a_bad_new_address_is_refused_without_repeating_it(notices_on):
    receipt = f.submit(contact_email=ADDRESS)
    at = open_story(receipt.code)
    widget(at.text_input, "check_notify_address").set_value("not-an-address")
    press(at, "Save my choice")
    assert messages(at) == ["That does not look like an email address."]


def test_lost_code_answers_the_same_for_a_known_and_an_unknown_address(notices_on):
    f.submit(contact_email=ADDRESS)
    with transaction() as s:
        optin.index_missing(session=s)
    answers = []
    for address in (ADDRESS, "stranger@example.org"):
        at = app("check")
        widget(at.text_input, "check_lost_address").set_value(address)
        press(at, "Send me a new code")
        shown = [m.value for m in at.markdown] + [c.value for c in at.caption]
        answers.append((messages(at, "success"), messages(at), shown))
    assert answers[0] == answers[1]
    assert answers[0][0] == [lostcode.ANSWER]
    with transaction() as s:
        assert len(s.exec(select(CodeRequest)).all()) == 2


def test_the_staff_page_shows_counts_and_failures_masked(notices_on):
    admin = f.staff("admin", "the.admin")
    receipt = f.submit(contact_email=ADDRESS)
    with transaction() as s:
        optin.after_submit(receipt.story_id, True, session=s)
    f.to_awaiting_signoff(receipt, f.staff())
    run_once()  # nobody listens on port 2: the message waits for a retry
    with transaction() as s:  # the confirmation and the sign-off request wait; one gives up
        row = s.exec(select(Notification).order_by(Notification.id)).first()
        row.status, row.recipient_enc = "failed", None
        s.add(row)
    at = app("notifications", who=admin)
    text = screen_text(at)
    assert "Notifications are **on**" in text
    assert {m.label: m.value for m in at.metric}["Failed"] == "1"
    table = at.dataframe[0].value
    assert list(table["to"]) == ["r•••@e•••.org"] and ADDRESS not in text
    assert list(table["why"])[0].startswith("server unreachable")


def test_the_staff_page_says_when_notices_are_off(db_url, monkeypatch):
    monkeypatch.delenv("STORIES_SMTP_URL", raising=False)
    at = app("notifications", who=f.staff("admin", "the.admin"))
    assert any("Notifications are **off**" in w.value for w in at.warning)


def test_the_staff_page_is_for_admins_only(db_url):
    moderator = f.staff("moderator")
    at = app("notifications", who=moderator)
    assert messages(at) == ["Your account is not allowed to see this page."]
    assert not at.metric
    with pytest.raises(NotAuthorized), transaction() as s:  # the service checks too
        notices.overview(who=moderator, session=s)


def test_no_notice_settings_on_a_withdrawn_story(notices_on):
    from stories import patient

    receipt = f.submit(contact_email=ADDRESS)
    assert "Email notices" in [e.label for e in open_story(receipt.code).expander]
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    assert "Email notices" not in [e.label for e in open_story(receipt.code).expander]
