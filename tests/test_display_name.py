"""The name a story is shown under reaches the website: it is scanned, redacted,
edited and signed off like the text, and the export publishes only what was approved.

Every field that reaches the site is untrusted and identifying until proven
otherwise; these tests follow the display name and the topics from the form
or an import to the exported file.
"""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from moderation import review
from stories import patient
from stories.db import transaction
from stories.errors import IdentifiersRemain, InvalidInput, SignOffMissing
from stories.export import export_site
from stories.frontmatter import parse
from stories.identifiers import findings_for
from stories.importer import import_paths
from stories.models import KeptFinding, Revision, Story
from stories.revisions import current_revision
from stories.texthash import content_hash
from tests import factories as f

#: Names a patient may type in "first name or pseudonym" mode that say more
#: than a first name: (name, words that must never reach the site, what is left).
IDENTIFYING = [
    ("Rachel Smith from Leeds", ["Smith", "Leeds"], "Rachel"),
    ("Khadija K Manchester", ["Manchester", " K"], "Khadija"),
    ("Nurse Kelly at St Marys", ["Kelly", "Marys"], "Nurse"),
    ("Rachel Smith", ["Smith"], "Rachel"),
    ("Tom O'Brien", ["Brien"], "Tom"),
    ("Rose from Sydney", ["Sydney"], "Rose"),
    ("Priya Leeds", ["Leeds"], "Priya"),
    ("Jo B", [" B"], "Jo"),
    ("rachel smith from leeds", ["smith", "leeds"], "rachel"),
]


def _name_findings(story_id: int) -> list:
    with transaction() as s:
        revision = current_revision(s.get(Story, story_id), session=s)
        return [x for x in findings_for(revision, session=s) if x.field == "name"]


def _author(site, public_id: str) -> str:
    (path,) = site.glob(f"*{public_id}.md")
    return parse(path.read_text())[0]["author"]


def _export(site):
    with transaction() as s:
        return export_site(site, session=s)


@pytest.mark.parametrize(("name", "secret", "left"), IDENTIFYING)
def test_an_identifying_display_name_is_found_redacted_and_never_published(
        db_url, tmp_path, name, secret, left):
    receipt = f.submit(display_name=name)
    assert _name_findings(receipt.story_id), name
    who = f.staff()
    f.to_approved(receipt, who)  # redacts every finding, the patient signs off, approved
    _export(tmp_path)
    author = _author(tmp_path, receipt.public_id)
    assert author == left
    text = "".join(p.read_text() for p in tmp_path.glob("*.md"))
    for word in secret:
        assert word not in text.split("---", 2)[1], word


@pytest.mark.parametrize("name", ["Rose", "Hope", "R.K.", "R. K.", "Anna-Maria"])
def test_a_first_name_or_initials_alone_is_what_she_chose(db_url, tmp_path, name):
    receipt = f.submit(display_name=name, display_mode="initials" if "." in name else "pseudonym")
    assert _name_findings(receipt.story_id) == []
    f.to_approved(receipt, f.staff())
    _export(tmp_path)
    assert _author(tmp_path, receipt.public_id) == name


def test_approval_is_refused_while_a_name_finding_is_open(db_url):
    receipt = f.submit(display_name="Rachel Smith")
    who = f.staff()
    with transaction() as s:
        digest = current_revision(s.get(Story, receipt.story_id), session=s).content_hash
        keys = [x.key for x in findings_for(s.get(Revision, s.get(Story, receipt.story_id)
                                                  .current_revision_id), session=s)
                if x.field != "name"]
    with transaction() as s:
        if keys:
            digest = review.redact_findings(receipt.story_id, digest, keys=keys, who=who, session=s)
    with transaction() as s:
        review.send_for_signoff(receipt.story_id, digest, who=who, session=s)
    with transaction() as s:
        patient.sign_off(receipt.code, digest, session=s)
    with transaction() as s, pytest.raises(IdentifiersRemain):
        review.approve(receipt.story_id, digest, who=who, session=s)


def test_a_moderator_edits_the_name_as_a_revision_the_patient_signs_off(db_url):
    receipt = f.submit(display_name="Rachel Smith")
    who = f.staff()
    before = f.current_hash(receipt.story_id)
    with transaction() as s:
        after = review.edit(receipt.story_id, before, "Not broken", f.BODY, who=who, session=s,
                            display_name="Rae")
    assert after != before
    with transaction() as s:
        view = patient.view(receipt.code, session=s)
    assert (view.shown_as, view.original_shown_as) == ("Rae", "Rachel Smith")
    with transaction() as s:
        revisions = s.exec(select(Revision).where(Revision.story_id == receipt.story_id)
                           .order_by(Revision.number)).all()
        assert [r.display_name for r in revisions] == ["Rachel Smith", "Rae"]
        assert revisions[-1].summary == "edited" and revisions[-1].author_kind == "staff"


def test_a_name_changed_after_sign_off_voids_it(db_url):
    receipt = f.submit(display_name="Rose")
    who = f.staff()
    digest = f.to_awaiting_signoff(receipt, who)
    with transaction() as s:
        patient.sign_off(receipt.code, digest, session=s)
    with transaction() as s:
        changed = review.edit(receipt.story_id, digest, "Not broken",
                              current_revision(s.get(Story, receipt.story_id), session=s).body,
                              who=who, session=s, display_name="Rose Smith")
    with transaction() as s:
        story = s.get(Story, receipt.story_id)
        assert (story.status, story.signed_off_hash) == ("in review", None)
    with transaction() as s:
        review.send_for_signoff(receipt.story_id, changed, who=who, session=s)
    with transaction() as s:
        assert patient.view(receipt.code, session=s).shown_as == "Rose Smith"
    with transaction() as s, pytest.raises(SignOffMissing):
        s.get(Story, receipt.story_id).status = "signed off"  # as if the step were skipped
        review.approve(receipt.story_id, changed, who=who, session=s)


def test_erasure_blanks_the_name_on_every_revision(db_url):
    receipt = f.submit(display_name="Rachel Smith")
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    with transaction() as s:
        names = s.exec(select(Revision.display_name).where(
            Revision.story_id == receipt.story_id)).all()
    assert names and set(names) == {""}


def test_export_refuses_a_topic_outside_the_clinic_list(db_url, tmp_path):
    receipt = f.submit()
    f.to_approved(receipt, f.staff())
    with transaction() as s:
        story = s.get(Story, receipt.story_id)
        story.tags = "vaginismus,Rachel Smith Leeds"
        s.add(story)
    report = _export(tmp_path)
    assert (receipt.public_id, "tags") in report.refused
    assert not list(tmp_path.glob("*.md"))


def _import(tmp_path, **item):
    path = tmp_path / "items.jsonl"
    base = {"title": "Finding hope", "authorization_reference": "P-7",
            "authorization_date": "2024-01-05",
            "body": "It took two years of physiotherapy, but patience worked for me in the end."}
    path.write_text(json.dumps({**base, **item}) + "\n")
    return import_paths([path], session_factory=transaction)


def test_import_refuses_an_author_with_contact_details(db_url, tmp_path):
    report = _import(tmp_path, display_name="Rachel Smith, Leeds LS6 2AB 07700900123")
    assert report.imported == []
    ((_, why),) = report.skipped
    assert why.startswith("author:") and "07700900123" not in why and "Smith" not in why


def test_import_scans_the_author_and_waits_for_a_moderator(db_url, tmp_path):
    report = _import(tmp_path, display_name="Rachel Smith")
    ((public_id, status, _),) = report.imported
    assert status == "signed off"
    assert _export(tmp_path / "site").exported == 0  # not before a person approves
    with transaction() as s:
        story = s.exec(select(Story).where(Story.public_id == public_id)).one()
    assert [x.finding.kind for x in _name_findings(story.id)] == ["PERSON"]
    who = f.staff()
    with transaction() as s, pytest.raises(IdentifiersRemain):
        review.approve(story.id, f.current_hash(story.id), who=who, session=s)


def test_import_refuses_topics_outside_the_list(db_url, tmp_path):
    report = _import(tmp_path, tags=["vaginismus", "Rachel from Leeds"])
    assert report.imported == [] and report.skipped[0][1].startswith("tags:")


def test_redacting_a_name_finding_is_one_click_and_shows_in_the_diff(db_url):
    receipt = f.submit(display_name="Nurse Kelly at St Marys")
    who = f.staff()
    digest = f.redact_everything(receipt.story_id, who)
    with transaction() as s:
        revision = s.exec(select(Revision).where(Revision.content_hash == digest)).one()
        assert revision.display_name == "Nurse"
    with pytest.raises(InvalidInput), transaction() as s:  # nothing left to redact
        review.redact_findings(receipt.story_id, digest, kind="PERSON", who=who, session=s)


def _reintroduce_and_keep(receipt, who, words: str) -> str:
    """A moderator's free edit puts a redacted word back and keeps the detector's finding."""
    digest = f.redact_everything(receipt.story_id, who)
    with transaction() as s:
        revision = current_revision(s.get(Story, receipt.story_id), session=s)
        title, body = revision.title, revision.body
    with transaction() as s:
        digest = review.edit(receipt.story_id, digest, title, body + words, who=who, session=s)
    with transaction() as s:
        keys = [x.key for x in findings_for(current_revision(s.get(Story, receipt.story_id),
                                                             session=s), session=s)]
    for key in keys:
        with transaction() as s:
            review.keep_finding(receipt.story_id, digest, key, who=who, session=s)
    return digest


def test_a_redacted_name_put_back_and_kept_is_still_refused_at_approval(db_url):
    receipt = f.submit()  # the body names "Dr Novikova"
    who = f.staff()
    digest = _reintroduce_and_keep(receipt, who, " Thank you, Novikova.")
    with transaction() as s:
        review.send_for_signoff(receipt.story_id, digest, who=who, session=s)
    with transaction() as s:
        patient.sign_off(receipt.code, digest, session=s)
    with transaction() as s, pytest.raises(IdentifiersRemain, match="redacted identifier"):
        review.approve(receipt.story_id, digest, who=who, session=s)


def test_the_export_refuses_what_is_left_of_a_redacted_name(db_url, tmp_path):
    receipt = f.submit()
    who = f.staff()
    f.to_approved(receipt, who)
    with transaction() as s:  # behind approval's back: the export's own check must hold
        revision = current_revision(s.get(Story, receipt.story_id), session=s)
        story = s.get(Story, receipt.story_id)
        fresh = Revision(story_id=story.id, number=revision.number + 1, title=revision.title,
                         body=revision.body + " Thank you, Novikova.",
                         display_name=revision.display_name, content_hash="",
                         author_kind="staff")
        fresh.content_hash = content_hash(fresh.title, fresh.body, fresh.display_name)
        s.add(fresh)
        s.flush()
        s.add(KeptFinding(revision_id=fresh.id, field="body", kind="PERSON",
                          start=len(revision.body) + 12, end=len(fresh.body) - 1))
        story.current_revision_id, story.signed_off_hash = fresh.id, fresh.content_hash
        s.add(story)
    report = _export(tmp_path)
    assert (receipt.public_id, "part of a redacted identifier remains") in report.refused
    assert not list(tmp_path.glob("*.md"))
