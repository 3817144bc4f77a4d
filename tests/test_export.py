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
from stories.export import export_site
from stories.export_files import MANIFEST
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
    assert _export(site).written == []  # anchors the first run's own event (the publication)
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


# --- the manifest holds nothing that confirms a guess at unpublished words --------------------

def _unkeyed_guesses(site, story_id: int, candidates: list[str]) -> set[str]:
    """The attack: input keys recomputed, without any secret, for candidate original bodies.

    The attacker has the code, the published file (title, author, tags,
    date, disclaimer) and the manifest; only the original text is unknown.
    """
    import hashlib

    from stories.config import get_settings
    from stories.export import RENDER_FINGERPRINT
    from stories.models import Revision
    from stories.scans import detector_fingerprint
    from stories.texthash import content_hash

    with transaction() as s:
        story = s.get(Story, story_id)
        current = s.get(Revision, story.current_revision_id)
        consent = s.exec(select(Consent).where(Consent.story_id == story_id)).one()
        first = s.exec(select(Revision).where(Revision.story_id == story_id)
                       .order_by(Revision.id)).first()
    keys = set()
    for body in candidates:
        for edited in (content_hash(first.title, body, first.display_name), "True"):
            # the old formula (original's hash), or today's "was it edited" flag, unkeyed
            parts = ["jekyll", current.content_hash, story.display_mode, story.tags,
                     str(story.published_on), edited, str(consent.id),
                     consent.material_connection, get_settings().results_vary,
                     detector_fingerprint(), RENDER_FINGERPRINT, repr(sorted(set()))]
            keys.add(hashlib.sha256("\x1f".join(parts).encode()).hexdigest())
    return keys


def test_manifest_lets_no_guess_at_a_redacted_name_be_confirmed(db_url, site):
    import json

    receipt = f.submit()
    f.to_approved(receipt, f.staff())  # "Novikova" (and more) redacted before publication
    _export(site)
    inputs = json.loads((site / MANIFEST).read_text())["inputs"]
    candidates = [f.BODY.replace("Novikova", name) for name in ("Smith", "Jones", "Novikova")]
    assert not _unkeyed_guesses(site, receipt.story_id, candidates) & set(inputs.values())
    with transaction() as s:  # nothing in the manifest moves with the original text alone
        story = s.get(Story, receipt.story_id)
        story.original_hash = "0" * 64  # another original, the same published text
        s.add(story)
    _export(site)
    assert json.loads((site / MANIFEST).read_text())["inputs"] == inputs


def test_input_keys_are_keyed_with_the_encryption_key(db_url, site, monkeypatch):
    import json

    from tests.conftest import TEST_KEY
    f.to_approved(f.submit(), f.staff())
    _export(site)
    before = json.loads((site / MANIFEST).read_text())["inputs"]
    other = "b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMDA="
    monkeypatch.setenv("STORIES_ENCRYPTION_KEY", f"{other},{TEST_KEY}")
    report = _export(site)
    after = json.loads((site / MANIFEST).read_text())["inputs"]
    assert set(after) == set(before) and after != before  # same files, other secret
    assert report.written == []  # the files themselves did not change


# --- only the signed-off text is published ------------------------------------------------------

def _append_behind_the_back(story_id: int, words: str) -> None:
    from stories.models import Revision
    with transaction() as s:  # not through the service layer: the stored hash stays
        story = s.get(Story, story_id)
        revision = s.get(Revision, story.current_revision_id)
        revision.body += words
        s.add(revision)


def test_text_changed_in_the_database_after_sign_off_is_refused(db_url, site):
    receipt = f.submit()
    f.to_approved(receipt, f.staff())
    _append_behind_the_back(receipt.story_id, " I regret ever trusting this clinic.")
    report = _export(site)
    assert report.exported == 0 and report.written == []
    assert report.refused == [(receipt.public_id, "text differs from what was signed off")]
    assert not list(site.glob("*.md"))


def test_text_changed_after_publication_is_refused_when_rendered_again(db_url, site, monkeypatch):
    receipt = f.submit()
    f.to_approved(receipt, f.staff())
    assert len(_export(site).written) == 1
    _append_behind_the_back(receipt.story_id, " I regret ever trusting this clinic.")
    monkeypatch.setenv("STORIES_RESULTS_VARY", "Results vary.")  # every file is rendered again
    report = _export(site)
    assert report.refused == [(receipt.public_id, "text differs from what was signed off")]
    assert len(report.removed) == 1 and not list(site.glob("*.md"))
    assert all("regret" not in p.read_text() for p in site.iterdir() if p.is_file())


# --- files on disk are what the manifest says, and a publish is all or nothing ------------------

def test_a_hand_edited_exported_file_is_repaired(db_url, site):
    f.to_approved(f.submit(), f.staff())
    _export(site)
    (path,) = site.glob("*.md")
    published = path.read_text()
    path.write_text(published + "\nRachel Smith 07700 900123 <script>alert(1)</script>\n")
    report = _export(site)
    assert report.written == [path.name]
    assert path.read_text() == published
    assert _export(site).written == []  # and then it is left alone


def test_a_deleted_or_truncated_exported_file_is_rewritten(db_url, site):
    f.to_approved(f.submit(), f.staff())
    f.to_approved(f.submit(title="Second", body=f.BODY + " Two."), f.staff(name="mod-two"))
    _export(site)
    one, two = sorted(site.glob("*.md"))
    published = {one.name: one.read_text(), two.name: two.read_text()}
    one.unlink()
    two.write_text(published[two.name][:40])
    report = _export(site)
    assert report.written == sorted(published)
    assert {p.name: p.read_text() for p in site.glob("*.md")} == published


def _crash_on(monkeypatch, name: str, nth: int = 1):
    """os.replace fails the `nth` time it would move a file named `name` (or ending with it)
    into place: a crash in the middle.  Returns the real `os.replace`."""
    real, seen = os.replace, []

    def replace(src, dst, *args, **kwargs):
        if os.path.basename(str(dst)).endswith(name):
            seen.append(dst)
            if len(seen) == nth:
                raise OSError("power cut")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    return real


def test_an_export_interrupted_half_way_is_completed_by_the_next_run(db_url, site, monkeypatch):
    f.to_approved(f.submit(), f.staff())
    f.to_approved(f.submit(title="Second", body=f.BODY + " Two."), f.staff(name="mod-two"))
    _export(site)
    old = {p.name: p.read_text() for p in site.glob("*.md")}
    monkeypatch.setenv("STORIES_RESULTS_VARY", "Results vary.")  # every file changes
    real = _crash_on(monkeypatch, ".md", nth=2)  # one file moved in, the other not
    with pytest.raises(OSError, match="power cut"):
        _export(site)
    monkeypatch.setattr(os, "replace", real)
    monkeypatch.delenv("STORIES_RESULTS_VARY")  # reverted: the next run must publish the old set
    _export(site)
    assert {p.name: p.read_text() for p in site.glob("*.md")} == old
    assert not [p for p in site.iterdir() if p.name.startswith(".stories-tmp-")]
    assert _export(site).written == []


def test_an_export_interrupted_before_its_commit_point_leaves_the_old_set(db_url, site, monkeypatch):
    from stories.export_files import JOURNAL
    f.to_approved(f.submit(), f.staff())
    _export(site)
    before = {p.name: p.read_bytes() for p in site.iterdir()}
    monkeypatch.setenv("STORIES_RESULTS_VARY", "Results vary.")
    _crash_on(monkeypatch, JOURNAL)
    with pytest.raises(OSError, match="power cut"):
        _export(site)
    visible = {p.name: p.read_bytes() for p in site.iterdir() if not p.name.startswith(".stories-tmp")}
    assert visible == before


def test_a_manifest_naming_a_file_outside_the_folder_touches_nothing(db_url, site):
    import json
    f.to_approved(f.submit(), f.staff())
    _export(site)
    outside = site.parent / "outside.md"
    outside.write_text("not the export's")
    data = json.loads((site / MANIFEST).read_text())
    data["files"]["../outside.md"] = "0" * 64  # would be "removed" as no longer exported
    (site / MANIFEST).write_text(json.dumps(data))
    with pytest.raises(InvalidInput, match="outside its folder"):
        _export(site)
    assert outside.read_text() == "not the export's"


def test_the_render_fingerprint_covers_what_reaches_the_site_and_nothing_of_the_screens():
    """A highlight colour or a diff rule must not rewrite every published file."""
    import ast
    from pathlib import Path

    from stories import export

    here = Path(export.__file__).resolve().parent
    assert set(export._RENDERERS) == {"export.py", "export_formats.py", "sitemarkdown.py", "frontmatter.py",
                                      "textnorm.py"}
    for name in export._RENDERERS:
        tree = ast.parse((here / name).read_text())
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not imported & {"stories.markup", "stories.sanitize"}, name
