"""Email notices, continued: lost codes, privacy in logs, the opt-in and the settings.

Every test goes through the real path: services in transactions, the outbox,
`stories.notify.run_once` (what `python -m stories notify send` runs) and
smtplib talking to the server.  With STORIES_TEST_DATABASE_URL set, every
test here (the concurrent senders too) runs on PostgreSQL.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import event
from sqlmodel import select

from moderation import review
from stories import patient
from stories.config import SettingInvalid, get_settings
from stories.db import get_engine, transaction
from stories.errors import NotFound, RateLimited
from stories.models import (
    AuditEvent,
    CodeRequest,
    ContactPreference,
    Story,
)
from stories.notify import lostcode, optin, queue, run_once, smtp, templates
from stories.workflow import Action, Actor, perform
from tests import factories as f
from tests.notify_util import (
    ADDRESS,
    CONFIRMATION,
    notifications,
    opted_in,
    subjects,
)
from tests.smtp_server import body

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
    assert all(n.secret_enc is None for n in notifications())


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
    assert [n.kind for n in notifications()] == ["authorization ending"]
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
    failed = [n for n in notifications() if n.status == "failed"]
    assert [n.last_error for n in failed] == ["address unreadable (encryption key)"]
