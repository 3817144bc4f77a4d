"""AppTest: the Takedowns staff page and "Where your story is used" on Check my story."""

from __future__ import annotations

from datetime import date, timedelta

import factories as f
from sqlmodel import select
from test_app_support import (
    app,
    fast_hashing,  # noqa: F401 (fixture)
    messages,
    open_story,
    press,
    screen_text,
    widget,
)

from app_pages.ledger_ui import HEADING, NOWHERE
from stories import patient
from stories.db import transaction
from stories.distribution.patient import OTHERS_MAY_HAVE_COPIES
from stories.models import AuditEvent, Distribution, Story, TakedownTask


def _approved(**overrides):
    who = f.staff("admin", "the.admin")
    receipt = f.submit(**overrides)
    f.to_approved(receipt, who)
    with transaction() as s:
        public_id = s.get(Story, receipt.story_id).public_id
    return receipt, who, public_id


def _record_on_page(at, public_id: str, channel: str, where: str):
    widget(at.selectbox, "use_story").set_value(public_id)
    widget(at.selectbox, "use_channel").set_value(channel)
    widget(at.text_input, "use_where").set_value(where)
    return press(at, "Record this use")


def test_staff_record_a_use_and_a_channel_she_did_not_tick_is_refused(db_url):
    receipt, admin, public_id = _approved()
    at = _record_on_page(app("takedowns", who=admin), public_id, "newsletter", "spring leaflet")
    assert any("Covers the clinic's newsletter" in m for m in messages(at))
    at = _record_on_page(at, public_id, "website", "partner clinic's website")
    assert messages(at) == []
    with transaction() as s:
        rows = s.exec(select(Distribution)).all()
    assert [(r.channel, r.where_used, r.recorded_by) for r in rows] == [
        ("website", "partner clinic's website", admin.id)]


def test_the_page_lists_open_takedowns_and_records_one_done(db_url):
    receipt, admin, public_id = _approved(channels=["website", "newsletter"])
    _record_on_page(app("takedowns", who=admin), public_id, "newsletter", "spring leaflet")
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    at = app("takedowns", who=admin)
    assert {m.label: m.value for m in at.metric}["Open takedowns"] == "1"
    table = at.dataframe[0].value
    assert list(table["story"]) == [public_id] and list(table["where"]) == ["spring leaflet"]
    press(at, "Record as taken down")
    with transaction() as s:
        task = s.exec(select(TakedownTask)).one()
        audited = s.exec(select(AuditEvent.actor_id).where(
            AuditEvent.action == "takedown recorded")).all()
    assert (task.done_by, task.taken_down_on) == (admin.id, date.today())
    assert audited == [admin.id]
    assert "No copy is waiting to be taken down." in screen_text(at)


def test_the_page_is_for_staff_who_review_or_publish(db_url):
    at = app("takedowns")
    assert messages(at) == ["Please sign in on the Staff login page to see this page."]
    assert not at.dataframe and not at.metric
    at = app("takedowns", who=f.staff("publisher"))
    assert messages(at) == [] and {m.label for m in at.metric} == {"Open takedowns", "Overdue"}


def test_the_patient_sees_where_her_story_is_used_and_its_takedown(db_url):
    receipt, admin, public_id = _approved(channels=["website", "newsletter"])
    at = open_story(receipt.code)
    assert HEADING in [e.label for e in at.expander]
    assert NOWHERE in screen_text(at)
    assert ("You allowed the clinic to use your story in: the clinic's website; the clinic's "
            "newsletter.") in screen_text(at)
    _record_on_page(app("takedowns", who=admin), public_id, "newsletter", "spring leaflet")
    at = open_story(receipt.code)
    table = at.dataframe[0].value
    assert list(table["Where"]) == ["spring leaflet"] and list(table["Status"]) == ["In use."]
    assert OTHERS_MAY_HAVE_COPIES in [c.value for c in at.caption]
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    at = open_story(receipt.code)
    assert list(at.dataframe[0].value["Status"]) == [
        "Being taken down: the clinic is removing it."]


def test_the_patient_stops_one_use_and_sees_it_being_taken_down(db_url):
    receipt, admin, public_id = _approved(channels=["website", "newsletter"])
    _record_on_page(app("takedowns", who=admin), public_id, "newsletter", "spring leaflet")
    at = open_story(receipt.code)
    assert widget(at.selectbox, "ledger_stop_channel").value is None  # nothing chosen for her
    press(at, "Stop this use")
    assert messages(at) == ["Please choose the use you want to stop."]
    widget(at.selectbox, "ledger_stop_channel").set_value("The clinic's newsletter")
    press(at, "Stop this use")
    assert messages(at) == ["Please tick the box to confirm that you want to stop this use."]
    widget(at.checkbox, "ledger_stop_sure").set_value(True)
    at = press(at, "Stop this use")
    assert list(at.dataframe[0].value["Status"]) == [
        "Being taken down: the clinic is removing it."]
    assert "You allowed the clinic to use your story in: the clinic's website." in screen_text(at)
    at = app("takedowns", who=admin)
    assert list(at.dataframe[0].value["where"]) == ["spring leaflet"]


def test_overdue_takedowns_are_named_on_the_queue(db_url):
    receipt, admin, public_id = _approved(channels=["website", "newsletter"])
    _record_on_page(app("takedowns", who=admin), public_id, "newsletter", "spring leaflet")
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    at = app("queue", who=admin)  # opened today: not overdue yet
    assert not any("overdue takedown" in m for m in messages(at))
    with transaction() as s:
        task = s.exec(select(TakedownTask)).one()
        task.created_at = task.created_at - timedelta(days=30)
        s.add(task)
    at = app("queue", who=admin)
    assert any(m.startswith("1 overdue takedown") for m in messages(at))
