"""A new story's one way in: `stories.intake.create_story`, the workflow's `ENTRIES` and the
one duplicate rule, for the share form and the import alike."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from stories import patient
from stories.db import transaction
from stories.errors import InvalidTransition
from stories.events import spec
from stories.importer import import_paths
from stories.intake import NewStory, create_story
from stories.models import AuditEvent, Revision, Story
from stories.receipts import new_code
from stories.submission import DuplicateStory
from stories.workflow import ENTRIES, enter
from tests import factories as f

BODY = "It took patience, but the physiotherapy and the dilators helped me in the end."


def _import(tmp_path, body: str = BODY):
    item = tmp_path / "old.jsonl"
    item.write_text(json.dumps({"title": "Old story", "body": body,
                                "authorization_reference": "P-1",
                                "authorization_date": "2024-01-05"}))
    return import_paths([item], session_factory=transaction)


def _arrival(story_id: int) -> AuditEvent:
    with transaction() as s:
        return s.exec(select(AuditEvent).where(AuditEvent.story_id == story_id)
                      .order_by(AuditEvent.id)).first()


def test_every_way_in_is_audited_in_the_vocabulary_and_starts_where_the_table_says(db_url,
                                                                                  tmp_path):
    assert set(ENTRIES) == {"web", "import"}
    for entry in ENTRIES.values():
        assert spec(entry.event).about == "story"
    web = f.submit()
    (public_id, status, _), = _import(tmp_path).imported
    with transaction() as s:
        imported = s.exec(select(Story).where(Story.public_id == public_id)).one()
        web_story = s.get(Story, web.story_id)
        first = s.get(Revision, imported.current_revision_id)
        assert (first.number, first.summary) == (1, "imported from the website")
        assert imported.signed_off_hash == first.content_hash == imported.original_hash
        assert web_story.signed_off_hash is None
    for story, origin in ((web_story, "web"), (imported, "import")):
        event = _arrival(story.id)
        assert story.status == ENTRIES[origin].to == event.to_status
        assert event.action == ENTRIES[origin].event and event.from_status is None
        assert event.actor_kind == ENTRIES[origin].actor
    assert status == "signed off" and "findings" in _arrival(imported.id).detail


def test_a_first_status_not_from_the_table_is_refused(db_url):
    with pytest.raises(InvalidTransition), transaction() as s:
        story, revision = create_story(NewStory("A title", BODY, "anonymous", "", ""),
                                       new_code(), session=s, detail=lambda _: "")
        story.status = "approved"
        enter(story, session=s, revision_hash=revision.content_hash)


def test_an_import_never_brings_back_a_story_its_author_withdrew(db_url, tmp_path):
    (_, _, code), = _import(tmp_path).imported
    with transaction() as s:
        patient.withdraw(code, session=s)
    again = _import(tmp_path)
    assert again.imported == [] and again.skipped == [("old.jsonl:1", "already imported")]


def test_the_form_refuses_the_same_words_twice_but_not_after_a_withdrawal(db_url):
    first = f.submit(body=BODY)
    with pytest.raises(DuplicateStory):
        f.submit(body="  " + BODY.upper())
    with transaction() as s:
        patient.withdraw(first.code, session=s)
    assert f.submit(body=BODY).story_id != first.story_id
