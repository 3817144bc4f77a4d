"""The distribution ledger and takedown tasks, through the real services and the CLI.

Every place a story went is a ledger row tied to the exact revision hash;
a withdrawal or an expiry opens a takedown task for every active copy; the
export closes website copies, staff close the others (audited, who and
when); a rolled-back withdrawal opens nothing; each use checks the consent
for its channel at that moment.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from moderation import review
from moderation import takedowns as staff_takedowns
from stories import patient
from stories.consent import consent_for
from stories.db import transaction
from stories.distribution import takedowns
from stories.distribution.channels import ChannelNotConsented, UnknownChannel, allow_extra
from stories.distribution.ledger import PersonalDataInNote, for_story
from stories.distribution.patient import OTHERS_MAY_HAVE_COPIES, stop_channel, where_used
from stories.errors import InvalidInput, NotAuthorized
from stories.events import Event
from stories.expiry import expire_due
from stories.export import export_site
from stories.models import AuditEvent, Distribution, Revision, Story, TakedownTask
from tests import factories as f

ROOT = Path(__file__).resolve().parents[1]
NEWSLETTER = ["website", "newsletter"]  # a channel recorded by hand (excerpts name an excerpt)
TODAY = date.today()


def _export(out: Path, fmt: str = "hugo", today: date | None = None):
    with transaction() as s:
        return export_site(out, fmt, session=s, today=today or TODAY)


_approved = f.approved
_public_id = f.public_id


def _record(receipt, who, channel="newsletter", where="spring leaflet", note=""):
    with transaction() as s:
        return staff_takedowns.record_use(_public_id(receipt.story_id), channel, where, TODAY,
                                          note, who=who, session=s).id


def _tasks(story_id: int) -> list[TakedownTask]:
    with transaction() as s:
        return list(s.exec(select(TakedownTask).where(TakedownTask.story_id == story_id)
                           .order_by(TakedownTask.id)))


def _rows(story_id: int) -> list[Distribution]:
    with transaction() as s:
        return for_story(story_id, session=s)


def _sync() -> int:
    with transaction() as s:
        return takedowns.sync(session=s)


def test_the_export_records_each_website_file_with_its_exact_hash(db_url, tmp_path):
    receipt, _ = _approved()
    _export(tmp_path)
    rows = _rows(receipt.story_id)
    assert [(r.channel, r.automatic, r.ended_at) for r in rows] == [("website", True, None)]
    assert rows[0].revision_hash == f.current_hash(receipt.story_id)
    assert rows[0].where_used == "clinic website (hugo export)"
    _export(tmp_path)  # nothing changed: no second row
    assert len(_rows(receipt.story_id)) == 1


def test_a_manual_use_is_recorded_only_for_a_channel_she_consented_to(db_url):
    receipt, who = _approved(use_excerpts=False)
    with pytest.raises(ChannelNotConsented, match="excerpts"):
        _record(receipt, who, channel="excerpts")
    with pytest.raises(ChannelNotConsented, match="newsletter"):
        _record(receipt, who, channel="newsletter")
    with pytest.raises(UnknownChannel):
        _record(receipt, who, channel="billboard")
    assert _rows(receipt.story_id) == []
    with transaction() as s:  # the clinic-configured channel, once her consent covers it
        allow_extra(consent_for(s.get(Story, receipt.story_id), session=s), "newsletter", session=s)
    _record(receipt, who, channel="newsletter", where="winter newsletter")
    assert [(r.channel, r.where_used) for r in _rows(receipt.story_id)] == [
        ("newsletter", "winter newsletter")]


def test_a_use_after_the_withdrawal_is_refused(db_url):
    receipt, who = _approved(channels=NEWSLETTER)
    _record(receipt, who)
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    with pytest.raises(ChannelNotConsented, match="not allowed. Conditions not met: “Not revoked”"):
        _record(receipt, who, where="summer leaflet")
    assert len(_rows(receipt.story_id)) == 1


def test_a_note_or_place_with_personal_data_is_refused_and_length_is_bounded(db_url):
    receipt, who = _approved(channels=NEWSLETTER)
    with pytest.raises(PersonalDataInNote, match="email"):
        _record(receipt, who, note="sent to jane.doe@example.org")
    with pytest.raises(PersonalDataInNote, match="person"):
        _record(receipt, who, where="given to Jane Smith")
    with pytest.raises(Exception, match="at most 200"):
        _record(receipt, who, note="x " * 150)
    assert _rows(receipt.story_id) == []


def test_only_staff_who_review_or_publish_record_uses(db_url):
    receipt, _ = _approved(channels=NEWSLETTER)
    with pytest.raises(NotAuthorized), transaction() as s:
        staff_takedowns.record_use(_public_id(receipt.story_id), "newsletter", "leaflet", TODAY,
                                   who=None, session=s)


def test_a_withdrawal_opens_a_task_per_copy_and_the_export_closes_the_website_one(db_url, tmp_path):
    receipt, who = _approved(channels=NEWSLETTER)
    _export(tmp_path)
    _record(receipt, who)
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    assert _sync() == 2  # the website file and the leaflet; the erase that follows adds none
    assert _sync() == 0  # the cursor moved on
    tasks = _tasks(receipt.story_id)
    assert [t.reason for t in tasks] == ["withdraw", "withdraw"]
    _export(tmp_path)  # the file goes, so does its task
    site, leaflet = _tasks(receipt.story_id)
    assert site.done_at is not None and site.done_by is None
    assert leaflet.done_at is None
    assert not list(tmp_path.glob("*.md"))


def test_closing_a_manual_takedown_is_audited_with_who_and_when(db_url):
    receipt, who = _approved(channels=NEWSLETTER)
    _record(receipt, who)
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    with transaction() as s:
        [line] = staff_takedowns.open_tasks(who=who, session=s)
    assert line.channel == "newsletter" and not line.overdue
    day = TODAY - timedelta(days=1)
    with transaction() as s:
        staff_takedowns.record_taken_down(line.task_id, day, who=who, session=s)
    [task] = _tasks(receipt.story_id)
    assert (task.done_by, task.taken_down_on) == (who.id, day)
    with transaction() as s:
        audit = s.exec(select(AuditEvent).where(
            AuditEvent.action == Event.TAKEDOWN_RECORDED.value)).one()
        assert staff_takedowns.open_tasks(who=who, session=s) == []
    assert (audit.actor_kind, audit.actor_id, audit.story_id) == ("staff", who.id, receipt.story_id)
    assert day.isoformat() in audit.detail
    assert _rows(receipt.story_id)[0].end_reason == "taken down"
    with pytest.raises(takedowns.TakedownAlreadyRecorded), transaction() as s:
        staff_takedowns.record_taken_down(line.task_id, TODAY, who=who, session=s)


def test_an_expiry_opens_takedown_tasks(db_url):
    receipt, who = _approved(channels=NEWSLETTER, expires_on=TODAY + timedelta(days=2))
    _record(receipt, who)
    with transaction() as s:
        assert expire_due(TODAY + timedelta(days=3), session=s) == 1
    assert _sync() == 1
    assert [t.reason for t in _tasks(receipt.story_id)] == ["expire"]


def test_a_rolled_back_withdrawal_opens_no_task(db_url):
    receipt, who = _approved(channels=NEWSLETTER)
    _record(receipt, who)
    with pytest.raises(RuntimeError), transaction() as s:
        patient.withdraw(receipt.code, session=s)
        raise RuntimeError("the withdrawal failed after it was written")
    assert _sync() == 0
    assert _tasks(receipt.story_id) == []
    assert f.status(receipt.story_id) == "approved"


def test_overdue_tasks_follow_the_setting(db_url, monkeypatch):
    receipt, who = _approved(channels=NEWSLETTER)
    _record(receipt, who)
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    _sync()
    later = takedowns.utcnow() + timedelta(days=8)
    with transaction() as s:
        assert [t.overdue for t in takedowns.tasks(session=s, now=later)] == [True]
    monkeypatch.setenv("STORIES_TAKEDOWN_OVERDUE_DAYS", "30")
    with transaction() as s:
        assert takedowns.tasks(session=s, now=later, overdue_only=True) == []


def test_the_patient_sees_where_her_story_is_used_and_each_takedown(db_url, tmp_path):
    receipt, who = _approved(channels=NEWSLETTER)
    _export(tmp_path)
    _record(receipt, who, where="spring leaflet", note="print run 500")
    with transaction() as s:
        lines = where_used(receipt.code, session=s)
    assert [(u.channel, u.where, u.status) for u in lines] == [
        ("The clinic's website", "The clinic's website", "In use."),
        ("The clinic's newsletter", "spring leaflet", "In use.")]
    assert all("print run" not in u.where and str(tmp_path) not in u.where for u in lines)
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    _export(tmp_path)
    with transaction() as s:
        site, leaflet = where_used(receipt.code, session=s)
    assert site.status.startswith("Taken down on")
    assert leaflet.status.startswith("Being taken down")
    assert "copies other people may have made" in OTHERS_MAY_HAVE_COPIES


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "stories", "takedowns", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)


def test_the_cli_lists_open_and_overdue_takedowns_and_records_one_done(db_url, monkeypatch):
    receipt, who = _approved(channels=NEWSLETTER)
    _record(receipt, who, where="spring leaflet")
    assert "no open takedowns" in _cli().stdout
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    listed = _cli()
    assert listed.returncode == 0, listed.stderr
    public_id = _public_id(receipt.story_id)
    assert public_id in listed.stdout and "spring leaflet" in listed.stdout
    assert "1 open, 0 overdue" in listed.stdout
    assert "no overdue takedowns" in _cli("--overdue").stdout
    with transaction() as s:  # make the task ten days old
        task = s.exec(select(TakedownTask)).one()
        task.created_at = task.created_at - timedelta(days=10)
        s.add(task)
    overdue = _cli("--overdue")
    assert overdue.returncode == 1 and "OVERDUE" in overdue.stdout
    task_id = _tasks(receipt.story_id)[0].id
    done = _cli("--done", str(task_id), "--on", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    assert "no open takedowns" in _cli().stdout
    again = _cli("--done", str(task_id))
    assert again.returncode == 2 and "already recorded" in again.stderr


def test_a_new_approved_version_replaces_the_website_row_and_she_sees_one_line(db_url, tmp_path):
    receipt, who = _approved()
    _export(tmp_path)
    first = f.current_hash(receipt.story_id)
    with transaction() as s:
        current = s.get(Story, receipt.story_id)
        revision = s.get(Revision, current.current_revision_id)
        digest = review.edit(receipt.story_id, first, revision.title,
                             revision.body + " Thank you for reading.", who=who, session=s)
    with transaction() as s:
        review.send_for_signoff(receipt.story_id, digest, "One more line.", who=who, session=s)
    with transaction() as s:
        patient.sign_off(receipt.code, digest, session=s)
    with transaction() as s:
        review.approve(receipt.story_id, digest, who=who, session=s)
    _export(tmp_path)
    rows = _rows(receipt.story_id)
    assert [(r.revision_hash, r.end_reason) for r in rows] == [(first, "replaced"), (digest, "")]
    with transaction() as s:
        assert [u.status for u in where_used(receipt.code, session=s)] == ["In use."]


def test_stopping_one_channel_takes_down_its_copies_only_and_refuses_new_uses(db_url, tmp_path):
    receipt, who = _approved(channels=NEWSLETTER)
    _export(tmp_path)
    _record(receipt, who)
    with transaction() as s:
        stop_channel(receipt.code, "newsletter", session=s)
    assert _sync() == 1
    [task] = _tasks(receipt.story_id)
    with transaction() as s:
        assert s.get(Distribution, task.distribution_id).channel == "newsletter"
        audit = s.exec(select(AuditEvent).where(AuditEvent.action == "channel withdrawn")).one()
    assert (audit.actor_kind, audit.detail) == ("patient", "channel newsletter")
    with pytest.raises(ChannelNotConsented):
        _record(receipt, who, where="summer leaflet")
    with transaction() as s:  # then the website: the next export removes the file and its task
        stop_channel(receipt.code, "website", session=s)
    _export(tmp_path)
    assert not list(tmp_path.glob("*.md"))
    site = [t for t in _tasks(receipt.story_id) if t.id != task.id]
    assert len(site) == 1 and site[0].done_at is not None
    with pytest.raises(Exception, match="nothing to stop"), transaction() as s:
        stop_channel(receipt.code, "website", session=s)


def test_exports_into_fresh_folders_keep_one_row_and_close_the_takedown(db_url, tmp_path):
    """The Export page's zip runs in a new temporary folder each time: same site, same row."""
    receipt, _ = _approved()
    _export(tmp_path / "zip-1")
    _export(tmp_path / "zip-2")
    assert len(_rows(receipt.story_id)) == 1
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    _export(tmp_path / "zip-3")  # the story is no longer in the export: its copy is closed
    [task] = _tasks(receipt.story_id)
    assert task.done_at is not None and _rows(receipt.story_id)[0].end_reason == "removed"


def test_a_use_in_the_excerpts_channel_must_name_the_excerpt_she_approved(db_url):
    """Short excerpts are used only as the words she signed off, never as the whole story."""
    receipt, who = _approved(use_excerpts=True)
    with pytest.raises(InvalidInput, match="Excerpts page"):
        _record(receipt, who, channel="excerpts")
    assert _rows(receipt.story_id) == []
    assert "excerpts" not in staff_takedowns.channel_labels(whole_story=True)
    assert "excerpts" in staff_takedowns.channel_labels()


def test_copies_in_a_channel_the_clinic_stopped_offering_come_down_and_never_stall_the_tasks(
        db_url, monkeypatch):
    receipt, who = _approved(channels=["website", "newsletter", "training"])
    newsletter, training = _record(receipt, who), _record(receipt, who, channel="training",
                                                          where="spring induction day")
    monkeypatch.setenv("STORIES_EXTRA_CHANNELS", "newsletter=The clinic's newsletter")
    with transaction() as s:
        stop_channel(receipt.code, "newsletter", session=s)
    assert _sync() == 2  # the consumer reads on past the channel it no longer knows
    assert sorted(t.distribution_id for t in _tasks(receipt.story_id)) == [newsletter, training]
