"""Email notices: a real SMTP server (aiosmtpd on 127.0.0.1) receives what the sender sends.

Every test goes through the real path: services in transactions, the outbox,
`stories.notify.run_once` (what `python -m stories notify send` runs) and
smtplib talking to the server.  With STORIES_TEST_DATABASE_URL set, every
test here (the concurrent senders too) runs on PostgreSQL.
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlmodel import select

from moderation import admin, review
from stories import patient, reconfirm
from stories.config import get_settings
from stories.db import transaction
from stories.models import (
    ContactPreference,
    Notification,
    Story,
    utcnow,
)
from stories.notify import RunReport, lostcode, optin, queue, run_once, smtp, templates
from stories.workflow import Actor
from tests import factories as f
from tests.notify_util import (
    ADDRESS,
    CHECK_URL,
    notifications,
    opted_in,
    publish,
    subjects,
    words,
)
from tests.smtp_server import SmtpServer, body

# ---------------------------------------------------------------- the journey


def test_a_full_journey_tells_her_of_every_step_and_nothing_else(server, monkeypatch):
    monkeypatch.setenv("STORIES_NOTIFY_DAILY_CAP", "10")
    who, boss = f.staff(), f.staff("admin", "boss")
    receipt = f.submit()
    with transaction() as s:  # as the share page does when she ticks the box
        assert optin.after_submit(receipt.story_id, True, session=s) is True
    digest = f.redact_everything(receipt.story_id, who)
    with transaction() as s:
        review.request_changes(receipt.story_id, digest, "Please shorten it.", who=who, session=s)
    with transaction() as s:
        patient.edit(receipt.code, "Not broken", f.BODY + " Thank you.", session=s)
    digest = f.redact_everything(receipt.story_id, who)
    with transaction() as s:
        review.send_for_signoff(receipt.story_id, digest, "", who=who, session=s)
    with transaction() as s:
        patient.sign_off(receipt.code, digest, session=s)
    with transaction() as s:
        review.approve(receipt.story_id, digest, who=who, session=s)
    publish()
    with transaction() as s:
        reconfirm.request(s.get(Story, receipt.story_id), Actor.staff(who.id), session=s)
    with transaction() as s:
        public_id = s.get(Story, receipt.story_id).public_id
        new_code = admin.reissue_code(public_id, "in person", who=boss, session=s)
    report = run_once()
    with transaction() as s:
        review.withdraw_for_patient(public_id, "by letter", who=who, session=s)
    run_once()
    assert (report.queued, report.sent, report.failed) == (5, 6, 0)  # + the confirmation
    kinds = [n.kind for n in notifications(confirmations=True)]
    assert kinds == ["notices on", "changes requested", "signoff requested", "published",
                     "reconfirmation requested", "new code issued", "withdrawal recorded"]
    received = server.to(ADDRESS)
    assert len(received) == 7
    assert all(m["From"] == '"Story desk" <story-desk@localhost>' or
               m["From"] == "Story desk <story-desk@localhost>" for m in received)
    assert all(CHECK_URL in body(m) for m in received)
    assert new_code not in "".join(body(m) for m in received)  # staff hand that code over
    with transaction() as s:  # the address went with the withdrawal, the messages' too
        assert s.get(ContactPreference, receipt.story_id) is None
        assert all(n.recipient_enc is None for n in s.exec(select(Notification)))


def test_a_rejection_an_ending_authorization_and_a_paper_withdrawal_are_news(server):
    who = f.staff()
    rejected = opted_in(contact_email="one@example.org")
    opted_in(contact_email="two@example.org", body=f.BODY + " Second.",
             expires_on=utcnow().date() + timedelta(days=10))
    with transaction() as s:
        review.reject(rejected.story_id, f.current_hash(rejected.story_id), "duplicate",
                      who=who, session=s)
    run_once()
    run_once()  # the ending authorization is news once per end date, not once per run
    assert subjects(server, "one@example.org") == [templates.NEWS_SUBJECT]
    assert subjects(server, "two@example.org") == [templates.NEWS_SUBJECT]
    assert sorted(n.kind for n in notifications()) == ["authorization ending", "not published"]


def test_without_opt_in_nothing_is_sent(server):
    who = f.staff()
    receipt = f.submit()
    with transaction() as s:
        optin.after_submit(receipt.story_id, False, session=s)
    f.to_awaiting_signoff(receipt, who)
    report = run_once()
    assert (report.queued, server.messages) == (0, [])


def test_without_smtp_settings_nothing_is_sent_and_nothing_is_queued(db_url, monkeypatch):
    monkeypatch.delenv("STORIES_SMTP_URL", raising=False)
    receipt = opted_in()
    f.to_awaiting_signoff(receipt, f.staff())
    assert run_once() == RunReport(off=True)
    assert notifications() == []


# ------------------------------------------------------- what a message holds

DISTINCT = dict(
    title="Zorblat quixwing",
    body=("Plimbert vaskolar dremmish outrovine. Quazzle frimbonet yarrowick "
          "sventhorp glimmerane. Oxtabble prunefrost wendlecroft."),
    display_name="Thessaly",
    signature="Marguerite Vonkelbaum",
    contact_email="quiet.reader@example.org",
)


def test_no_message_holds_any_word_of_the_story_title_name_or_signature(server):
    """Every word the patient gave (distinctive words, so any leak shows) is absent."""
    who, boss = f.staff(), f.staff("admin", "boss")
    receipt = opted_in(**DISTINCT)
    f.to_approved(receipt, who)
    publish()
    with transaction() as s:
        reconfirm.request(s.get(Story, receipt.story_id), Actor.staff(who.id), session=s)
        admin.reissue_code(s.get(Story, receipt.story_id).public_id, "in person", who=boss,
                           session=s)
    with transaction() as s:
        lostcode.request_codes(DISTINCT["contact_email"], "client-1", session=s)
    run_once()
    received = server.to(DISTINCT["contact_email"])
    assert len(received) == 5  # sign-off, published, re-confirmation, new code, lost code
    given = words(" ".join(v for k, v in DISTINCT.items() if k != "contact_email"))
    for message in received:
        text = " ".join([message["Subject"], message["From"], body(message)])
        assert words(text) & given == set()


def test_message_words_come_only_from_the_templates(server):
    """With a realistic story: each message is its template, filled with the URL and sender."""
    receipt = opted_in()
    f.to_approved(receipt, f.staff())
    publish()
    run_once()
    allowed = set()
    for template in templates.MESSAGES.values():
        allowed |= words(template.subject + " " + template.body)
    allowed |= words(CHECK_URL) | words("Story desk story-desk@localhost")
    for message in server.to(ADDRESS):
        assert words(message["Subject"] + " " + body(message)) <= allowed
    assert {"vaginismus", "rose", "leeds", "novikova"} & allowed == set()


@pytest.mark.parametrize("kind", sorted(templates.MESSAGES))
def test_every_template_is_neutral(kind):
    subject, text = templates.render(kind, url=CHECK_URL, sender_name="Story desk", code="X")
    said = words(subject + " " + text)
    assert said & {"vaginismus", "pain", "sex", "sexual", "pelvic", "gynaecology", "clinic's",
                   "treatment", "condition", "rose", "jane"} == set()
    assert CHECK_URL in text


# ------------------------------------------------------------ delivery rules


def test_a_temporary_refusal_is_retried_with_backoff_then_failed(server):
    f.to_awaiting_signoff(opted_in(), f.staff())
    server.refuse_all = "451 4.3.0 try again later"
    start = utcnow()
    first = run_once(now=start)
    again_too_soon = run_once(now=start + timedelta(seconds=30))
    second = run_once(now=start + timedelta(seconds=61))
    third = run_once(now=start + timedelta(seconds=61 + 121))
    assert (first.retried, again_too_soon.retried + again_too_soon.failed) == (1, 0)
    assert (second.retried, third.failed) == (1, 1)
    [row] = notifications()
    assert (row.status, row.attempts, row.last_error) == ("failed", 3, "server answered 451")
    assert row.recipient_enc is None
    server.refuse_all = None
    assert run_once(now=start + timedelta(days=1)).sent == 0 and server.messages == []


def test_a_temporary_refusal_then_success_sends_once(server):
    f.to_awaiting_signoff(opted_in(), f.staff())
    server.refusals = ["451 4.3.0 try again later"]
    start = utcnow()
    assert run_once(now=start).retried == 1
    assert run_once(now=start + timedelta(minutes=5)).sent == 1
    assert len(server.messages) == 1 and notifications()[0].status == "sent"


def test_a_permanent_refusal_fails_at_once(server):
    f.to_awaiting_signoff(opted_in(), f.staff())
    server.refuse_all = "550 5.1.1 mailbox unavailable"
    report = run_once()
    assert (report.failed, report.retried) == (1, 0)
    assert notifications()[0].last_error == "server answered 550"


def test_a_server_that_is_down_is_retried_then_failed(server, monkeypatch):
    f.to_awaiting_signoff(opted_in(), f.staff())
    server.stop()
    start = utcnow()
    reports = [run_once(now=start + timedelta(hours=n)) for n in range(3)]
    assert [r.retried for r in reports] == [1, 1, 0] and reports[-1].failed == 1
    assert notifications()[0].last_error.startswith("server unreachable")
    server.controller = SmtpServer().controller  # so the fixture's stop() has one to stop
    server.controller.start()


def test_two_senders_at_once_never_send_a_message_twice(server):
    """Two threads claim from the same queue; every message arrives exactly once."""
    server.delay = 0.02
    stories = [opted_in(contact_email=f"p{n}@example.org", body=f"{f.BODY} Story {n}.")
               for n in range(12)]
    who = f.staff()
    for receipt in stories:
        with transaction() as s:
            review.send_for_signoff(receipt.story_id, f.current_hash(receipt.story_id), "",
                                    who=who, session=s)
    with transaction() as s:
        assert queue.queue_news(session=s) == 12
    settings, target = get_settings(), smtp.parse_url(server.url)
    reports, barrier = [RunReport(), RunReport()], threading.Barrier(2)

    def sender(report: RunReport) -> None:
        barrier.wait()
        smtp.send_due(target, settings, report, limit=1)  # one at a time: maximal interleaving
        while True:
            before = report.sent
            smtp.send_due(target, settings, report, limit=1)
            if report.sent == before:
                return

    threads = [threading.Thread(target=sender, args=(r,)) for r in reports]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sum(r.sent for r in reports) == 12
    ids = [m["Message-ID"] for _, m in server.messages]
    recipients = sorted(r for rcpt, _ in server.messages for r in rcpt)
    assert len(ids) == len(set(ids)) == 12
    assert recipients == sorted(f"p{n}@example.org" for n in range(12))
    assert all(r.sent > 0 for r in reports), "one sender did everything: the race was not run"


def test_a_rolled_back_action_sends_nothing(server):
    receipt = opted_in()
    who = f.staff()
    digest = f.redact_everything(receipt.story_id, who)
    with pytest.raises(RuntimeError), transaction() as s:
        review.send_for_signoff(receipt.story_id, digest, "", who=who, session=s)
        raise RuntimeError("the page failed after the action")
    report = run_once()
    assert (report.queued, server.messages) == (0, [])


def test_the_daily_cap_suppresses_messages_past_it(server, monkeypatch):
    monkeypatch.setenv("STORIES_NOTIFY_DAILY_CAP", "2")
    who = f.staff()
    receipt = opted_in()
    with transaction() as s:
        story = s.get(Story, receipt.story_id)
        for _ in range(3):
            reconfirm.request(story, Actor.staff(who.id), session=s)
    run_once()
    assert [(n.kind, n.status) for n in notifications(confirmations=True)] == [
        ("notices on", "sent"), ("reconfirmation requested", "sent"),
        ("reconfirmation requested", "suppressed"), ("reconfirmation requested", "suppressed")]
    assert len(server.messages) == 1  # the confirmation was sent (and cleared) before


def test_a_stale_claim_is_failed_not_resent(server):
    f.to_awaiting_signoff(opted_in(), f.staff())
    with transaction() as s:
        queue.queue_news(session=s)
        assert smtp.claim(session=s, now=utcnow(), limit=10)  # then this sender died
        for row in s.exec(select(Notification)):
            row.claimed_at = utcnow() - timedelta(hours=2)
            s.add(row)
    report = run_once()
    assert (report.failed, report.sent, server.messages) == (1, 0, [])
