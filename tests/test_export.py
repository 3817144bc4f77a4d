"""Export: what is published, how files are owned, and hostile content."""

from __future__ import annotations

import os
from datetime import date, timedelta

import pytest
import yaml
from sqlmodel import select

from stories import patient
from stories.db import transaction
from stories.errors import InvalidInput
from stories.export import MANIFEST, export_site
from stories.models import Consent, Story
from tests import factories as f


@pytest.fixture
def site(tmp_path):
    """The export folder (the database lives in tmp_path itself)."""
    path = tmp_path / "site"
    path.mkdir()
    return path


def _export(out, fmt="jekyll", today=None):
    with transaction() as s:
        return export_site(out, fmt, session=s, today=today)


def _front_matter(path):
    text = path.read_text()
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


@pytest.mark.parametrize("fmt", ["jekyll", "hugo", "plain"])
def test_front_matter_fields_and_opaque_file_names(db_url, site, fmt):
    receipt = f.submit(title="Rachel's story", display_name="Rose")
    f.to_approved(receipt, f.staff())
    _export(site, fmt)
    (path,) = site.glob("*.md")
    assert "rachel" not in path.name.lower() and receipt.public_id in path.name
    fields, body = _front_matter(path)
    assert fields["id"] == receipt.public_id
    assert fields["author"] == "Rose"
    assert fields["edited_by_clinic"] is True  # names were redacted
    assert fields["material_connection"].startswith("No material connection")
    assert "Individual results vary" in fields["disclaimer"]
    assert fields["tags"] == ["vaginismus"]
    assert "[name]" in body or "\\[name\\]" in body
    assert "dave" not in body and "Novikova" not in body
    assert set(fields) >= {"title", "date", "author", "tags", "id"}
    if fmt == "jekyll":
        assert fields["layout"] == "story" and path.name.startswith(fields["date"])


def test_reexport_without_change_writes_nothing(db_url, site):
    f.to_approved(f.submit(), f.staff())
    first = _export(site)
    assert len(first.written) == 1
    stamps = {p.name: p.stat().st_mtime_ns for p in site.iterdir()}
    again = _export(site)
    assert again.written == [] and again.unchanged == 1 and again.removed == []
    assert {p.name: p.stat().st_mtime_ns for p in site.iterdir()} == stamps


def test_files_the_export_did_not_write_are_never_touched(db_url, site):
    mine = site / "about.md"
    mine.write_text("the clinic's own page")
    receipt = f.submit()
    f.to_approved(receipt, f.staff())
    _export(site)
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    report = _export(site)
    assert len(report.removed) == 1
    assert mine.read_text() == "the clinic's own page"
    assert sorted(p.name for p in site.iterdir()) == [MANIFEST, "about.md"]


def test_expired_consent_disappears_on_next_export(db_url, site):
    receipt = f.submit(expires_on=date.today() + timedelta(days=10))
    f.to_approved(receipt, f.staff())
    assert _export(site).exported == 1
    report = _export(site, today=date.today() + timedelta(days=11))
    assert report.exported == 0 and len(report.removed) == 1 and report.expired == 1
    assert f.status(receipt.story_id) == "expired"


def test_revoked_consent_is_refused_at_export_time(db_url, site):
    receipt = f.submit()
    f.to_approved(receipt, f.staff())
    with transaction() as s:
        consent = s.exec(select(Consent).where(Consent.story_id == receipt.story_id)).one()
        consent.use_website = False
        s.add(consent)
    report = _export(site)
    assert report.exported == 0 and report.refused == [(receipt.public_id, "consent")]


def test_an_identifier_added_behind_the_moderators_back_is_refused(db_url, site):
    from stories.models import Revision

    receipt = f.submit()
    f.to_approved(receipt, f.staff())
    with transaction() as s:  # simulate a change not made through the service layer
        story = s.get(Story, receipt.story_id)
        revision = s.get(Revision, story.current_revision_id)
        revision.body += " Call me on 07700 900123."
        s.add(revision)
    report = _export(site)
    assert report.exported == 0
    assert report.refused and report.refused[0][0] == receipt.public_id


def test_interrupted_export_leaves_previous_output_intact(db_url, site, monkeypatch):
    f.to_approved(f.submit(), f.staff())
    _export(site)
    before = {p.name: p.read_bytes() for p in site.iterdir()}
    second = f.submit(body=f.BODY + " A second, different story.", title="Second")
    f.to_approved(second, f.staff(name="mod-two"))
    real_replace = os.replace

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        _export(site)
    monkeypatch.setattr(os, "replace", real_replace)
    after = {p.name: p.read_bytes() for p in site.iterdir() if not p.name.startswith(".stories-tmp")}
    assert after == before
    assert _export(site).exported == 2  # and the next run recovers


def test_a_foreign_file_with_our_name_is_not_overwritten(db_url, site):
    receipt = f.submit()
    f.to_approved(receipt, f.staff())
    _export(site, "hugo")
    (site / MANIFEST).unlink()  # the export no longer owns the file
    with pytest.raises(InvalidInput, match="not written by the export"):
        _export(site, "plain")
