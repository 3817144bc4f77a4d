"""Email notices: a real SMTP server (aiosmtpd on 127.0.0.1) receives what the sender sends.

Every test goes through the real path: services in transactions, the outbox,
`stories.notify.run_once` (what `python -m stories notify send` runs) and
smtplib talking to the server.  With STORIES_TEST_DATABASE_URL set, every
test here (the concurrent senders too) runs on PostgreSQL.
"""

from __future__ import annotations

import logging
import re
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlmodel import select

from moderation import admin, review
from stories import patient, reconfirm
from stories.config import SettingInvalid, get_settings
from stories.db import get_engine, transaction
from stories.errors import NotFound, RateLimited
from stories.models import (
    AuditEvent,
    CodeRequest,
    ContactPreference,
    Notification,
    Story,
    utcnow,
)
from stories.notify import RunReport, lostcode, optin, queue, run_once, smtp, templates
from stories.workflow import Action, Actor, perform
from tests import factories as f
from tests.smtp_server import SmtpServer, body

CHECK_URL = "https://stories.clinic.example/check"
CONFIRMATION = templates.MESSAGES[queue.CONFIRM_KIND].subject
ADDRESS = "patient@example.org"


@pytest.fixture
def server(db_url, monkeypatch):
    """A running SMTP server, with the app's notice settings pointing at it."""
    smtp_server = SmtpServer().start()
    RUNNING[:] = [smtp_server]
    monkeypatch.setenv("STORIES_SMTP_URL", smtp_server.url)
    monkeypatch.setenv("STORIES_CHECK_URL", CHECK_URL)
    monkeypatch.setenv("STORIES_NOTIFY_MAX_ATTEMPTS", "3")
    monkeypatch.setenv("STORIES_NOTIFY_RETRY_SECONDS", "60")
    yield smtp_server
    RUNNING.clear()
    smtp_server.stop()


RUNNING: list[SmtpServer] = []  # the test's server, so `opted_in` can deliver the confirmation


def opted_in(**overrides):
    """A submitted story whose author asked for notices (as the share page does).

    The confirmation this queues ("notices on") is sent and emptied from the
    server's inbox, so a test sees only the messages of what it does next.
    """
    receipt = f.submit(**overrides)
    with transaction() as s:
        optin.after_submit(receipt.story_id, True, session=s)
    if RUNNING:
        assert run_once().failed == 0
        with RUNNING[0].lock:
            RUNNING[0].messages[:] = [(to, m) for to, m in RUNNING[0].messages
                                      if m["Subject"] != CONFIRMATION]
    return receipt


def publish() -> None:
    """Run an export: a story's first export is its publication, which is news."""
    import tempfile

    from stories.export import export_site

    with tempfile.TemporaryDirectory() as site, transaction() as s:
        export_site(Path(site), session=s)


def subjects(server: SmtpServer, address: str = ADDRESS) -> list[str]:
    return [m["Subject"] for m in server.to(address)]


def words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W_]+", text)}


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
    kinds = [n.kind for n in _notifications(confirmations=True)]
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
    assert sorted(n.kind for n in _notifications()) == ["authorization ending", "not published"]


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
    assert _notifications() == []


def _notifications(confirmations: bool = False) -> list[Notification]:
    """The queued messages in order (without the "notices on" confirmations unless asked)."""
    with transaction() as s:
        rows = list(s.exec(select(Notification).order_by(Notification.id)))
    return [n for n in rows if confirmations or n.kind != queue.CONFIRM_KIND]


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
    [row] = _notifications()
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
    assert len(server.messages) == 1 and _notifications()[0].status == "sent"


def test_a_permanent_refusal_fails_at_once(server):
    f.to_awaiting_signoff(opted_in(), f.staff())
    server.refuse_all = "550 5.1.1 mailbox unavailable"
    report = run_once()
    assert (report.failed, report.retried) == (1, 0)
    assert _notifications()[0].last_error == "server answered 550"


def test_a_server_that_is_down_is_retried_then_failed(server, monkeypatch):
    f.to_awaiting_signoff(opted_in(), f.staff())
    server.stop()
    start = utcnow()
    reports = [run_once(now=start + timedelta(hours=n)) for n in range(3)]
    assert [r.retried for r in reports] == [1, 1, 0] and reports[-1].failed == 1
    assert _notifications()[0].last_error.startswith("server unreachable")
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
    assert [(n.kind, n.status) for n in _notifications(confirmations=True)] == [
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


# -------------------------------------------------------------- lost codes


def _statements(fn) -> list[str]:
    """The SQL statements `fn` runs (parameters aside), in order."""
    seen: list[str] = []

    def listen(_conn, _cursor, statement, _params, _context, _many):
        seen.append(statement)

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", listen)
    try:
        fn()
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    return seen


def test_lost_code_answers_the_same_with_the_same_work_for_known_and_unknown(server):
    opted_in()
    answers = {}

    def ask(address: str, client: str) -> None:
        with transaction() as s:
            answers[address] = lostcode.request_codes(address, client, session=s)

    known = _statements(lambda: ask(ADDRESS, "a"))
    unknown = _statements(lambda: ask("nobody@example.org", "b"))
    assert answers[ADDRESS] == answers["nobody@example.org"] == lostcode.ANSWER
    assert known == unknown  # same statements, same order: no shortcut to time
    with transaction() as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "lost code request")).all()
        assert [(e.story_id, e.detail) for e in events] == [(None, events[0].detail)] * 2
        assert len(s.exec(select(CodeRequest)).all()) == 2


def test_a_lost_code_request_mails_a_new_code_and_the_old_one_stops(server):
    first = f.submit()  # gave an address but never opted in: the lost code still reaches her
    second = opted_in(body=f.BODY + " Another one.")
    other = opted_in(contact_email="someone.else@example.org", body=f.BODY + " Third.")
    with transaction() as s:
        lostcode.request_codes("  Patient@Example.org ", "client", session=s)
    report = run_once()
    assert report.code_requests == 1
    mails = [m for m in server.to(ADDRESS) if m["Subject"] == "Your new receipt code"]
    codes = [re.search(r"\n    (\S+)\n", body(m)).group(1) for m in mails]
    assert len(codes) == 2
    opened = set()
    for code in codes:
        with transaction() as s:
            opened.add(patient.view(code, session=s).public_id)
    with transaction() as s:
        expected = {s.get(Story, r.story_id).public_id for r in (first, second)}
    assert opened == expected
    for old in (first.code, second.code):
        with pytest.raises(NotFound), transaction() as s:
            patient.view(old, session=s)
    with transaction() as s:
        patient.view(other.code, session=s)  # someone else's code still works
    assert all(n.secret_enc is None for n in _notifications())


def test_lost_code_requests_are_rate_limited_per_address_and_per_client(server):
    for n in range(lostcode.ADDRESS_LIMIT):
        with transaction() as s:
            lostcode.request_codes(ADDRESS, f"client-{n}", session=s)
    with pytest.raises(RateLimited), transaction() as s:
        lostcode.request_codes(ADDRESS.upper(), "client-new", session=s)
    for n in range(lostcode.CLIENT_LIMIT):
        with transaction() as s:
            lostcode.request_codes(f"x{n}@example.org", "one-client", session=s)
    with pytest.raises(RateLimited), transaction() as s:
        lostcode.request_codes("y@example.org", "one-client", session=s)


# ------------------------------------------------- privacy in logs and audit


def test_no_address_code_or_body_in_logs_or_audit(server, caplog):
    caplog.set_level(logging.DEBUG)
    receipt = opted_in()
    f.to_awaiting_signoff(receipt, f.staff())
    with transaction() as s:
        lostcode.request_codes(ADDRESS, "client", session=s)
    run_once()
    [mail] = [m for m in server.to(ADDRESS) if m["Subject"] == "Your new receipt code"]
    code = re.search(r"\n    (\S+)\n", body(mail)).group(1)
    # every log record but the test SMTP server's own (aiosmtpd logs what it receives)
    logged = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records
                       if not r.name.startswith("mail."))
    with transaction() as s:
        audited = " ".join(e.detail for e in s.exec(select(AuditEvent)))
    for secret in (ADDRESS, "patient@", code, receipt.code, "There is news"):
        assert secret not in logged and secret not in audited
    assert "notification" in logged  # the sender does log, by id


# ---------------------------------------------------- opt-in and settings


def test_the_blind_index_finds_an_address_without_decrypting_and_is_not_its_hash(db_url):
    receipt = opted_in()
    with transaction() as s:
        pref = s.get(ContactPreference, receipt.story_id)
        assert pref.address_index == optin.address_index(" PATIENT@example.org")
        assert ADDRESS.encode() not in (pref.address_enc or b"")
    import hashlib
    assert pref.address_index != hashlib.sha256(ADDRESS.encode()).hexdigest()


def test_she_can_change_turn_off_and_delete_her_address(server):
    receipt = opted_in()
    with transaction() as s:
        shown = optin.change(receipt.code, True, "new.address@example.org", session=s)
    assert (shown.notify, shown.address_hint) == (True, "n•••@e•••.org")
    f.to_awaiting_signoff(receipt, f.staff())
    run_once()
    # a new address first hears that it receives notices, then the news
    assert subjects(server, "new.address@example.org") == [CONFIRMATION, templates.NEWS_SUBJECT]
    assert server.to(ADDRESS) == []
    with transaction() as s:
        assert optin.change(receipt.code, False, session=s).notify is False
        optin.forget(receipt.code, session=s)
    with transaction() as s:
        story = s.get(Story, receipt.story_id)
        assert story.contact_email_enc is None
        assert s.get(ContactPreference, receipt.story_id) is None
        assert optin.choice(receipt.code, session=s).address_hint == ""


def test_stories_stored_before_notices_are_indexed_with_notices_off(server):
    receipt = f.submit()  # no preference row yet
    assert run_once().indexed == 1
    with transaction() as s:
        pref = s.get(ContactPreference, receipt.story_id)
        assert (pref.notify, pref.address_index) == (False, optin.address_index(ADDRESS))


@pytest.mark.parametrize(("name", "value", "words_said"), [
    ("STORIES_NOTIFY_DAILY_CAP", "many", "STORIES_NOTIFY_DAILY_CAP must be a whole number"),
    ("STORIES_NOTIFY_MAX_ATTEMPTS", "0", "at least 1"),
    ("STORIES_MAIL_FROM", "Clinic <x@y>", "STORIES_MAIL_FROM must be one plain address"),
    ("STORIES_CHECK_URL", "check", "STORIES_CHECK_URL must be the full address"),
])
def test_bad_settings_are_refused_with_the_variable_named(monkeypatch, name, value, words_said):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingInvalid, match=words_said):
        get_settings()


@pytest.mark.parametrize("url", ["http://host", "smtp://", "smtp://user:s3cret@host:25",
                                 "smtp://host:notaport"])
def test_a_bad_smtp_url_is_refused_without_echoing_it(url):
    with pytest.raises(SettingInvalid) as caught:
        smtp.parse_url(url)
    assert "s3cret" not in str(caught.value) and "STORIES_SMTP_URL" in str(caught.value)


@pytest.mark.parametrize(("url", "expected"), [
    ("smtp://mail.example:2525", ("smtp", "mail.example", 2525, "")),
    ("smtp+starttls://desk%40clinic@mail.example", ("smtp+starttls", "mail.example", 587,
                                                     "desk@clinic")),
    ("smtps://desk@mail.example", ("smtps", "mail.example", 465, "desk")),
])
def test_smtp_urls(url, expected):
    target = smtp.parse_url(url)
    assert (target.scheme, target.host, target.port, target.username) == expected


def test_dates_in_the_past_are_not_news_twice(server):
    """The expiry notice for one end date is queued once, whatever the number of runs."""
    receipt = opted_in(expires_on=date.today() + timedelta(days=3))
    for _ in range(3):
        run_once()
    assert [n.kind for n in _notifications()] == ["authorization ending"]
    who = f.staff()
    with transaction() as s:
        perform(s.get(Story, receipt.story_id), Action.START_REVIEW, Actor.staff(who.id),
                session=s, revision_hash=None)
    run_once()
    assert len(server.messages) == 1


def test_a_key_rotation_keeps_addresses_readable_and_reindexes_them(server, monkeypatch):
    from cryptography.fernet import Fernet

    from stories.rekey import rotate_all
    from tests.conftest import TEST_KEY

    receipt = opted_in()
    old_index = optin.address_index(ADDRESS)
    monkeypatch.setenv("STORIES_ENCRYPTION_KEY", f"{Fernet.generate_key().decode()},{TEST_KEY}")
    with transaction() as s:
        rotate_all(session=s)
    new_key = get_settings().encryption_key.split(",")[0]
    monkeypatch.setenv("STORIES_ENCRYPTION_KEY", new_key)  # the old key is gone
    assert run_once().indexed == 1
    with transaction() as s:
        pref = s.get(ContactPreference, receipt.story_id)
        assert pref.address_index == optin.address_index(ADDRESS) != old_index
    f.to_awaiting_signoff(receipt, f.staff())
    run_once()
    assert subjects(server) == [templates.NEWS_SUBJECT]


def test_a_retention_purge_drops_the_notice_address(server):
    from stories.retention import purge

    receipt = opted_in()
    with transaction() as s:
        review.reject(receipt.story_id, f.current_hash(receipt.story_id), "duplicate",
                      who=f.staff(), session=s)
    with transaction() as s:  # ... and the retention period passes
        purge(1, session=s, today=date.today() + timedelta(days=30))
    run_once()
    with transaction() as s:
        assert s.get(ContactPreference, receipt.story_id) is None
        assert s.get(Story, receipt.story_id).erased_at is not None


def test_a_message_whose_key_is_gone_fails_without_stopping_the_others(server, monkeypatch):
    from cryptography.fernet import Fernet

    lost = opted_in(contact_email="lost@example.org", body=f.BODY + " Lost.")
    f.to_awaiting_signoff(lost, f.staff())
    with transaction() as s:
        queue.queue_news(session=s)
    monkeypatch.setenv("STORIES_ENCRYPTION_KEY", Fernet.generate_key().decode())
    kept = f.submit(contact_email="kept@example.org", body=f.BODY + " Kept.")  # new key
    with transaction() as s:
        optin.after_submit(kept.story_id, True, session=s)
    f.to_awaiting_signoff(kept, f.staff("moderator", "second"))
    report = run_once()
    assert (report.failed, report.sent) == (1, 2)
    assert subjects(server, "kept@example.org") == [CONFIRMATION, templates.NEWS_SUBJECT]
    failed = [n for n in _notifications() if n.status == "failed"]
    assert [n.last_error for n in failed] == ["address unreadable (encryption key)"]
