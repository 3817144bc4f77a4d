"""Excerpts through the real services: proposed, scanned, signed off by her, used, taken down.

A moderator proposes a short passage of an approved story whose consent
covers excerpts; a word of a redacted identifier refuses it, other findings
need the moderator's confirmation; the patient signs off exactly the words
she saw (by hash) or declines; only a usable excerpt may be recorded as used,
tied to its hash; a withdrawal, a stopped channel or a retirement puts its
uses on the takedown list; the communications team's file holds only the
usable ones.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from moderation import excerpts as staff_excerpts
from moderation import review
from stories import patient
from stories.db import transaction
from stories.distribution import excerpts, takedowns
from stories.distribution.channels import ChannelNotConsented
from stories.distribution.excerpts import (
    ExcerptFindings,
    ExcerptLeftovers,
    ExcerptNotUsable,
    ExcerptStatus,
)
from stories.distribution.patient import stop_channel, where_used
from stories.errors import InvalidInput, InvalidTransition, NotAuthorized, StaleRevision
from stories.events import Event
from stories.models import Excerpt, OutboxEvent, Revision, Story
from stories.texthash import excerpt_hash
from tests import factories as f
from tests.excerpt_util import (
    LEFTOVER,
    NAMED,
    QUOTE,
    TODAY,
    WRITTEN,
    approved_story,
    audit_rows,
    excerpt_row,
    propose_excerpt,
    sign_excerpt,
    story_public_id,
    sync_takedowns,
    task_copies,
    use_excerpt,
)


def test_a_verbatim_excerpt_is_proposed_audited_without_its_words_and_announced(db_url):
    receipt, who = approved_story(use_excerpts=True)
    excerpt = propose_excerpt(receipt, who)
    assert (excerpt.status, excerpt.verbatim, excerpt.finding_count) == ("proposed", True, 0)
    assert excerpt.content_hash == excerpt_hash(QUOTE) and excerpt.text == QUOTE
    assert excerpt.revision_hash == f.current_hash(receipt.story_id)
    [audit] = audit_rows(Event.EXCERPT_PROPOSED)
    assert (audit.actor_id, audit.story_id, audit.revision_hash) == (
        who.id, receipt.story_id, excerpt.content_hash)
    assert audit.detail == f"excerpt {excerpt.id}, verbatim"
    assert "physiotherapy" not in audit.detail
    with transaction() as s:
        outbox = s.exec(select(OutboxEvent.event).where(
            OutboxEvent.audit_event_id == audit.id)).all()
    assert outbox == ["excerpt proposed"]
    written = propose_excerpt(receipt, who, WRITTEN)
    assert written.verbatim is False
    with pytest.raises(InvalidInput, match=f"already proposed \\(excerpt {excerpt.id}\\)"):
        propose_excerpt(receipt, who, "  " + QUOTE.replace(" ", "  "))  # the same words, spaced out


def test_proposing_needs_an_approved_story_whose_consent_covers_excerpts(db_url):
    receipt, who = approved_story(use_excerpts=False)
    with pytest.raises(ChannelNotConsented, match="Covers short excerpts"):
        propose_excerpt(receipt, who)
    pending = f.submit(use_excerpts=True, body=f.BODY + " Still waiting.")
    f.to_awaiting_signoff(pending, who)
    with pytest.raises(ChannelNotConsented, match="Story approved"):
        propose_excerpt(pending, who)
    with transaction() as s:
        assert s.exec(select(Excerpt)).all() == []


def test_an_excerpt_is_bounded(db_url):
    receipt, who = approved_story(use_excerpts=True)
    with pytest.raises(InvalidInput, match="at least 20"):
        propose_excerpt(receipt, who, "Too short.")
    with pytest.raises(InvalidInput, match="limit is 500") as refused:
        propose_excerpt(receipt, who, "It helped. " * 50)
    assert "It helped" not in str(refused.value)


def test_a_word_of_a_redacted_identifier_refuses_it_even_when_confirmed(db_url):
    receipt, who = approved_story(use_excerpts=True)
    with pytest.raises(ExcerptLeftovers) as refused:
        propose_excerpt(receipt, who, LEFTOVER, checked=True)
    assert "Novikova" not in str(refused.value)
    with transaction() as s:
        assert s.exec(select(Excerpt)).all() == []


def test_other_findings_need_the_moderator_to_confirm_she_checked_them(db_url):
    receipt, who = approved_story(use_excerpts=True)
    with pytest.raises(ExcerptFindings, match="1 possible identifier.*person") as refused:
        propose_excerpt(receipt, who, NAMED)
    assert "Margaret" not in str(refused.value)
    excerpt = propose_excerpt(receipt, who, NAMED, checked=True)
    assert excerpt.finding_count == 1
    [audit] = audit_rows(Event.EXCERPT_PROPOSED)
    assert audit.detail.endswith("1 possible identifier(s) checked by staff")
    assert "Margaret" not in audit.detail


def test_she_signs_off_exactly_the_words_she_saw(db_url):
    receipt, who = approved_story(use_excerpts=True)
    excerpt = propose_excerpt(receipt, who)
    with pytest.raises(StaleRevision):
        sign_excerpt(receipt, excerpt, seen=excerpt_hash("some other words she never saw"))
    assert excerpt_row(excerpt.id).status == "proposed"
    signed = sign_excerpt(receipt, excerpt)
    assert signed.status == "signed off" and signed.answered_at is not None
    [audit] = audit_rows(Event.EXCERPT_SIGNED_OFF)
    assert (audit.actor_kind, audit.revision_hash) == ("patient", excerpt.content_hash)
    with pytest.raises(InvalidTransition):
        sign_excerpt(receipt, excerpt)
    other = f.submit(use_excerpts=True, body=f.BODY + " Someone else.")  # another patient's code:
    # it opens nothing of hers
    with pytest.raises(Exception, match="no such excerpt"), transaction() as s:
        excerpts.sign_off(other.code, excerpt.id, excerpt.content_hash, session=s)


def test_an_old_view_cannot_sign_a_retired_excerpt_or_one_cut_from_an_older_text(db_url):
    receipt, who = approved_story(use_excerpts=True)
    old = propose_excerpt(receipt, who)
    with transaction() as s:
        staff_excerpts.retire(old.id, who=who, session=s)
    propose_excerpt(receipt, who, WRITTEN)  # the clinic's new proposal
    with pytest.raises(InvalidTransition, match="retired"):
        sign_excerpt(receipt, old)  # her screen still showed the old one
    stale = propose_excerpt(receipt, who, QUOTE)
    with transaction() as s:  # the clinic edits the approved story: it goes back to review
        story = s.get(Story, receipt.story_id)
        revision = s.get(Revision, story.current_revision_id)
        review.edit(receipt.story_id, revision.content_hash, revision.title,
                    revision.body + " Thank you.", who=who, session=s)
    with pytest.raises(InvalidInput, match="changed since the clinic proposed"):
        sign_excerpt(receipt, stale)


def test_she_declines_with_a_bounded_comment_that_the_audit_does_not_hold(db_url):
    receipt, who = approved_story(use_excerpts=True)
    excerpt = propose_excerpt(receipt, who)
    with pytest.raises(InvalidInput, match="limit is 500"), transaction() as s:
        excerpts.decline(receipt.code, excerpt.id, excerpt.content_hash, "no " * 200, session=s)
    with transaction() as s:
        excerpts.decline(receipt.code, excerpt.id, excerpt.content_hash,
                         "Please not that sentence.", session=s)
    declined = excerpt_row(excerpt.id)
    assert (declined.status, declined.patient_comment) == ("declined", "Please not that sentence.")
    [audit] = audit_rows(Event.EXCERPT_DECLINED)
    assert audit.detail == f"excerpt {excerpt.id}, with a comment"
    with pytest.raises(ExcerptNotUsable, match="declined"):
        use_excerpt(declined, who)


def test_a_use_is_tied_to_the_excerpt_hash_and_needs_it_signed_off(db_url):
    receipt, who = approved_story(use_excerpts=True)
    excerpt = propose_excerpt(receipt, who)
    with pytest.raises(ExcerptNotUsable, match="proposed"):
        use_excerpt(excerpt, who)
    sign_excerpt(receipt, excerpt)
    row = use_excerpt(excerpt, who)
    assert (row.channel, row.excerpt_id, row.revision_hash) == (
        "excerpts", excerpt.id, excerpt.content_hash)
    assert row.revision_hash != f.current_hash(receipt.story_id)
    [audit] = audit_rows(Event.DISTRIBUTION_RECORDED)
    assert audit.revision_hash == excerpt.content_hash and f"excerpt {excerpt.id}" in audit.detail
    with transaction() as s:
        lines = where_used(receipt.code, session=s)
    assert [(u.where, u.excerpt, u.status) for u in lines] == [
        ("spring leaflet", QUOTE, "In use.")]


def test_a_use_in_another_channel_cannot_name_an_excerpt(db_url):
    receipt, who = approved_story(use_excerpts=True)
    excerpt = propose_excerpt(receipt, who)
    sign_excerpt(receipt, excerpt)
    from stories.distribution.ledger import record_use
    with pytest.raises(InvalidInput, match="only in the excerpts channel"), transaction() as s:
        record_use(s.get(Story, receipt.story_id), "website", "partner site", TODAY,
                   staff_id=who.id, session=s, excerpt=s.get(Excerpt, excerpt.id))


def test_withdrawal_puts_the_excerpt_use_on_the_takedown_list_and_erases_its_words(db_url):
    receipt, who = approved_story(use_excerpts=True)
    excerpt = propose_excerpt(receipt, who)
    sign_excerpt(receipt, excerpt)
    row = use_excerpt(excerpt, who)
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    assert sync_takedowns() == 1
    assert task_copies(receipt.story_id) == [(row.id, "withdraw")]
    with transaction() as s:  # staff see which excerpt to take down, and where
        [line] = takedowns.tasks(session=s)
    assert (line.where_used, line.excerpt_id) == ("spring leaflet", excerpt.id)
    gone = excerpt_row(excerpt.id)
    assert gone.text == "" and gone.content_hash == excerpt.content_hash
    with pytest.raises(ChannelNotConsented):
        use_excerpt(gone, who, where="summer leaflet")
    with transaction() as s:  # the staff list says why, in plain words
        [listed] = excerpts.listing(session=s)
    assert listed.why_not_usable == excerpts.WITHDRAWN_WITH_STORY


def test_stopping_the_excerpts_channel_takes_the_excerpt_use_down(db_url):
    receipt, who = approved_story(use_excerpts=True)
    excerpt = propose_excerpt(receipt, who)
    sign_excerpt(receipt, excerpt)
    row = use_excerpt(excerpt, who)
    with transaction() as s:
        stop_channel(receipt.code, "excerpts", session=s)
    assert sync_takedowns() == 1
    assert task_copies(receipt.story_id) == [(row.id, "channel withdrawn")]


def test_retiring_an_excerpt_keeps_its_uses_on_the_takedown_list(db_url):
    receipt, who = approved_story(use_excerpts=True)
    kept, retired = propose_excerpt(receipt, who), propose_excerpt(receipt, who, WRITTEN)
    sign_excerpt(receipt, kept)
    sign_excerpt(receipt, retired)
    kept_row, retired_row = use_excerpt(kept, who), use_excerpt(retired, who, where="instagram post")
    with transaction() as s:
        staff_excerpts.retire(retired.id, who=who, session=s)
    [audit] = audit_rows(Event.EXCERPT_RETIRED)
    assert audit.detail == f"excerpt {retired.id}, 1 use(s) to take down"
    assert sync_takedowns() == 1
    assert task_copies(receipt.story_id) == [(retired_row.id, "excerpt retired")]
    with transaction() as s:
        statuses = {u.where: u.status for u in where_used(receipt.code, session=s)}
    assert statuses == {"spring leaflet": "In use.",
                        "instagram post": "Being taken down: the clinic is removing it."}
    with pytest.raises(ExcerptNotUsable, match="retired"):
        use_excerpt(excerpt_row(retired.id), who, where="another post")
    with pytest.raises(InvalidTransition), transaction() as s:
        staff_excerpts.retire(retired.id, who=who, session=s)
    assert kept_row.ended_at is None


def test_only_moderators_propose_and_retire(db_url):
    receipt, admin = approved_story(use_excerpts=True)
    publisher = f.staff("publisher")
    with pytest.raises(NotAuthorized), transaction() as s:
        staff_excerpts.propose(story_public_id(receipt.story_id), QUOTE, who=publisher, session=s)
    excerpt = propose_excerpt(receipt, admin)
    with pytest.raises(NotAuthorized), transaction() as s:
        staff_excerpts.retire(excerpt.id, who=publisher, session=s)
    with transaction() as s:  # the communications team reads the list
        assert [x.excerpt_id for x in staff_excerpts.listing(who=publisher, session=s)] == [
            excerpt.id]
    with pytest.raises(NotAuthorized), transaction() as s:
        staff_excerpts.listing(who=None, session=s)


def test_expired_consent_makes_the_excerpt_unusable(db_url):
    receipt, who = approved_story(use_excerpts=True, expires_on=TODAY + timedelta(days=2))
    excerpt = propose_excerpt(receipt, who)
    sign_excerpt(receipt, excerpt)
    with transaction() as s:
        story = s.get(Story, receipt.story_id)
        with pytest.raises(ChannelNotConsented, match="Not expired"):
            excerpts.require_usable(s.get(Excerpt, excerpt.id), story, TODAY + timedelta(days=3),
                                    session=s)
        excerpts.require_usable(s.get(Excerpt, excerpt.id), story, TODAY, session=s)


def test_the_statuses_and_moves_are_one_table(db_url):
    targets = {move.to for move in excerpts.MOVES.values()}
    assert targets | {ExcerptStatus.PROPOSED} == set(ExcerptStatus)
    assert set(excerpts.MOVES) == {Event.EXCERPT_SIGNED_OFF, Event.EXCERPT_DECLINED,
                                   Event.EXCERPT_RETIRED}


def test_a_proposal_queues_one_neutral_notice_for_an_opted_in_patient(db_url):
    from stories.notify import queue, templates
    from tests.notify_util import notifications, opted_in

    receipt = opted_in(use_excerpts=True)
    who = f.staff("admin", name="notice-admin")
    f.to_approved(receipt, who)
    with transaction() as s:
        queue.queue_news(session=s)
    before = [n.kind for n in notifications()]
    excerpt = propose_excerpt(receipt, who)
    with transaction() as s:
        queue.queue_news(session=s)
    assert [n.kind for n in notifications()][len(before):] == ["excerpt proposed"]
    subject, body = templates.render("excerpt proposed", url="https://x.test/check",
                                     sender_name="Story desk")
    assert "quote a short part" in body and "physiotherapy" not in body + subject
    sign_excerpt(receipt, excerpt)  # her own answer is not news to her
    with transaction() as s:
        assert queue.queue_news(session=s) == 0


def test_she_is_not_asked_about_excerpts_once_she_stopped_them(db_url):
    receipt, who = approved_story(use_excerpts=True)
    propose_excerpt(receipt, who)
    with transaction() as s:
        assert [e.status for e in excerpts.for_patient(receipt.code, session=s)] == ["proposed"]
        stop_channel(receipt.code, "excerpts", session=s)
    with transaction() as s:
        assert excerpts.for_patient(receipt.code, session=s) == []
