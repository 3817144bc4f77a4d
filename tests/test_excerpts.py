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

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from moderation import excerpts as staff_excerpts
from moderation import review
from stories import patient
from stories.db import transaction
from stories.distribution import excerpts, takedowns
from stories.distribution.channels import ChannelNotConsented
from stories.distribution.excerpt_export import FILE_NAME, write_export
from stories.distribution.excerpts import (
    ExcerptFindings,
    ExcerptLeftovers,
    ExcerptNotUsable,
    ExcerptStatus,
)
from stories.distribution.patient import stop_channel, where_used
from stories.errors import InvalidInput, InvalidTransition, NotAuthorized, StaleRevision
from stories.events import Event
from stories.models import AuditEvent, Distribution, Excerpt, OutboxEvent, Revision, Story
from stories.texthash import excerpt_hash
from tests import factories as f

ROOT = Path(__file__).resolve().parents[1]
TODAY = date.today()
QUOTE = "the dilators and physiotherapy helped. You are not broken."
WRITTEN = "Slowly, with physiotherapy, things got better for me."
NAMED = "My sister Margaret held my hand through it all, and it helped."
LEFTOVER = "Dr Novikova finally explained it to me, and it helped."


_approved = f.approved
_public_id = f.public_id


def _propose(receipt, who, text=QUOTE, checked=False) -> Excerpt:
    with transaction() as s:
        return staff_excerpts.propose(_public_id(receipt.story_id), text, checked_findings=checked,
                                      who=who, session=s)


def _sign(receipt, excerpt: Excerpt, seen: str | None = None):
    with transaction() as s:
        return excerpts.sign_off(receipt.code, excerpt.id, seen or excerpt.content_hash, session=s)


def _use(excerpt: Excerpt, who, where="spring leaflet") -> Distribution:
    with transaction() as s:
        return staff_excerpts.record_use(excerpt.id, where, TODAY, who=who, session=s)


def _excerpt(excerpt_id: int) -> Excerpt:
    with transaction() as s:
        return s.get(Excerpt, excerpt_id)


def _audit(action: Event) -> list[AuditEvent]:
    with transaction() as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == action.value)
                           .order_by(AuditEvent.id)))


def _sync() -> int:
    with transaction() as s:
        return takedowns.sync(session=s)


def _task_copies(story_id: int) -> list[tuple[int, str]]:
    """(distribution id, reason) of every takedown task of the story."""
    with transaction() as s:
        return [(t.distribution_id, t.reason) for t in s.exec(
            select(takedowns.TakedownTask).where(takedowns.TakedownTask.story_id == story_id)
            .order_by(takedowns.TakedownTask.id))]


def test_a_verbatim_excerpt_is_proposed_audited_without_its_words_and_announced(db_url):
    receipt, who = _approved(use_excerpts=True)
    excerpt = _propose(receipt, who)
    assert (excerpt.status, excerpt.verbatim, excerpt.finding_count) == ("proposed", True, 0)
    assert excerpt.content_hash == excerpt_hash(QUOTE) and excerpt.text == QUOTE
    assert excerpt.revision_hash == f.current_hash(receipt.story_id)
    [audit] = _audit(Event.EXCERPT_PROPOSED)
    assert (audit.actor_id, audit.story_id, audit.revision_hash) == (
        who.id, receipt.story_id, excerpt.content_hash)
    assert audit.detail == f"excerpt {excerpt.id}, verbatim"
    assert "physiotherapy" not in audit.detail
    with transaction() as s:
        outbox = s.exec(select(OutboxEvent.event).where(
            OutboxEvent.audit_event_id == audit.id)).all()
    assert outbox == ["excerpt proposed"]
    written = _propose(receipt, who, WRITTEN)
    assert written.verbatim is False
    with pytest.raises(InvalidInput, match=f"already proposed \\(excerpt {excerpt.id}\\)"):
        _propose(receipt, who, "  " + QUOTE.replace(" ", "  "))  # the same words, spaced out


def test_proposing_needs_an_approved_story_whose_consent_covers_excerpts(db_url):
    receipt, who = _approved(use_excerpts=False)
    with pytest.raises(ChannelNotConsented, match="Covers short excerpts"):
        _propose(receipt, who)
    pending = f.submit(use_excerpts=True, body=f.BODY + " Still waiting.")
    f.to_awaiting_signoff(pending, who)
    with pytest.raises(ChannelNotConsented, match="Story approved"):
        _propose(pending, who)
    with transaction() as s:
        assert s.exec(select(Excerpt)).all() == []


def test_an_excerpt_is_bounded(db_url):
    receipt, who = _approved(use_excerpts=True)
    with pytest.raises(InvalidInput, match="at least 20"):
        _propose(receipt, who, "Too short.")
    with pytest.raises(InvalidInput, match="limit is 500") as refused:
        _propose(receipt, who, "It helped. " * 50)
    assert "It helped" not in str(refused.value)


def test_a_word_of_a_redacted_identifier_refuses_it_even_when_confirmed(db_url):
    receipt, who = _approved(use_excerpts=True)
    with pytest.raises(ExcerptLeftovers) as refused:
        _propose(receipt, who, LEFTOVER, checked=True)
    assert "Novikova" not in str(refused.value)
    with transaction() as s:
        assert s.exec(select(Excerpt)).all() == []


def test_other_findings_need_the_moderator_to_confirm_she_checked_them(db_url):
    receipt, who = _approved(use_excerpts=True)
    with pytest.raises(ExcerptFindings, match="1 possible identifier.*person") as refused:
        _propose(receipt, who, NAMED)
    assert "Margaret" not in str(refused.value)
    excerpt = _propose(receipt, who, NAMED, checked=True)
    assert excerpt.finding_count == 1
    [audit] = _audit(Event.EXCERPT_PROPOSED)
    assert audit.detail.endswith("1 possible identifier(s) checked by staff")
    assert "Margaret" not in audit.detail


def test_she_signs_off_exactly_the_words_she_saw(db_url):
    receipt, who = _approved(use_excerpts=True)
    excerpt = _propose(receipt, who)
    with pytest.raises(StaleRevision):
        _sign(receipt, excerpt, seen=excerpt_hash("some other words she never saw"))
    assert _excerpt(excerpt.id).status == "proposed"
    signed = _sign(receipt, excerpt)
    assert signed.status == "signed off" and signed.answered_at is not None
    [audit] = _audit(Event.EXCERPT_SIGNED_OFF)
    assert (audit.actor_kind, audit.revision_hash) == ("patient", excerpt.content_hash)
    with pytest.raises(InvalidTransition):
        _sign(receipt, excerpt)
    other = f.submit(use_excerpts=True, body=f.BODY + " Someone else.")  # another patient's code:
    # it opens nothing of hers
    with pytest.raises(Exception, match="no such excerpt"), transaction() as s:
        excerpts.sign_off(other.code, excerpt.id, excerpt.content_hash, session=s)


def test_an_old_view_cannot_sign_a_retired_excerpt_or_one_cut_from_an_older_text(db_url):
    receipt, who = _approved(use_excerpts=True)
    old = _propose(receipt, who)
    with transaction() as s:
        staff_excerpts.retire(old.id, who=who, session=s)
    _propose(receipt, who, WRITTEN)  # the clinic's new proposal
    with pytest.raises(InvalidTransition, match="retired"):
        _sign(receipt, old)  # her screen still showed the old one
    stale = _propose(receipt, who, QUOTE)
    with transaction() as s:  # the clinic edits the approved story: it goes back to review
        story = s.get(Story, receipt.story_id)
        revision = s.get(Revision, story.current_revision_id)
        review.edit(receipt.story_id, revision.content_hash, revision.title,
                    revision.body + " Thank you.", who=who, session=s)
    with pytest.raises(InvalidInput, match="changed since the clinic proposed"):
        _sign(receipt, stale)


def test_she_declines_with_a_bounded_comment_that_the_audit_does_not_hold(db_url):
    receipt, who = _approved(use_excerpts=True)
    excerpt = _propose(receipt, who)
    with pytest.raises(InvalidInput, match="limit is 500"), transaction() as s:
        excerpts.decline(receipt.code, excerpt.id, excerpt.content_hash, "no " * 200, session=s)
    with transaction() as s:
        excerpts.decline(receipt.code, excerpt.id, excerpt.content_hash,
                         "Please not that sentence.", session=s)
    declined = _excerpt(excerpt.id)
    assert (declined.status, declined.patient_comment) == ("declined", "Please not that sentence.")
    [audit] = _audit(Event.EXCERPT_DECLINED)
    assert audit.detail == f"excerpt {excerpt.id}, with a comment"
    with pytest.raises(ExcerptNotUsable, match="declined"):
        _use(declined, who)


def test_a_use_is_tied_to_the_excerpt_hash_and_needs_it_signed_off(db_url):
    receipt, who = _approved(use_excerpts=True)
    excerpt = _propose(receipt, who)
    with pytest.raises(ExcerptNotUsable, match="proposed"):
        _use(excerpt, who)
    _sign(receipt, excerpt)
    row = _use(excerpt, who)
    assert (row.channel, row.excerpt_id, row.revision_hash) == (
        "excerpts", excerpt.id, excerpt.content_hash)
    assert row.revision_hash != f.current_hash(receipt.story_id)
    [audit] = _audit(Event.DISTRIBUTION_RECORDED)
    assert audit.revision_hash == excerpt.content_hash and f"excerpt {excerpt.id}" in audit.detail
    with transaction() as s:
        lines = where_used(receipt.code, session=s)
    assert [(u.where, u.excerpt, u.status) for u in lines] == [
        ("spring leaflet", QUOTE, "In use.")]


def test_a_use_in_another_channel_cannot_name_an_excerpt(db_url):
    receipt, who = _approved(use_excerpts=True)
    excerpt = _propose(receipt, who)
    _sign(receipt, excerpt)
    from stories.distribution.ledger import record_use
    with pytest.raises(InvalidInput, match="only in the excerpts channel"), transaction() as s:
        record_use(s.get(Story, receipt.story_id), "website", "partner site", TODAY,
                   staff_id=who.id, session=s, excerpt=s.get(Excerpt, excerpt.id))


def test_withdrawal_puts_the_excerpt_use_on_the_takedown_list_and_erases_its_words(db_url):
    receipt, who = _approved(use_excerpts=True)
    excerpt = _propose(receipt, who)
    _sign(receipt, excerpt)
    row = _use(excerpt, who)
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    assert _sync() == 1
    assert _task_copies(receipt.story_id) == [(row.id, "withdraw")]
    with transaction() as s:  # staff see which excerpt to take down, and where
        [line] = takedowns.tasks(session=s)
    assert (line.where_used, line.excerpt_id) == ("spring leaflet", excerpt.id)
    gone = _excerpt(excerpt.id)
    assert gone.text == "" and gone.content_hash == excerpt.content_hash
    with pytest.raises(ChannelNotConsented):
        _use(gone, who, where="summer leaflet")
    with transaction() as s:  # the staff list says why, in plain words
        [listed] = excerpts.listing(session=s)
    assert listed.why_not_usable == excerpts.WITHDRAWN_WITH_STORY


def test_stopping_the_excerpts_channel_takes_the_excerpt_use_down(db_url):
    receipt, who = _approved(use_excerpts=True)
    excerpt = _propose(receipt, who)
    _sign(receipt, excerpt)
    row = _use(excerpt, who)
    with transaction() as s:
        stop_channel(receipt.code, "excerpts", session=s)
    assert _sync() == 1
    assert _task_copies(receipt.story_id) == [(row.id, "channel withdrawn")]


def test_retiring_an_excerpt_keeps_its_uses_on_the_takedown_list(db_url):
    receipt, who = _approved(use_excerpts=True)
    kept, retired = _propose(receipt, who), _propose(receipt, who, WRITTEN)
    _sign(receipt, kept)
    _sign(receipt, retired)
    kept_row, retired_row = _use(kept, who), _use(retired, who, where="instagram post")
    with transaction() as s:
        staff_excerpts.retire(retired.id, who=who, session=s)
    [audit] = _audit(Event.EXCERPT_RETIRED)
    assert audit.detail == f"excerpt {retired.id}, 1 use(s) to take down"
    assert _sync() == 1
    assert _task_copies(receipt.story_id) == [(retired_row.id, "excerpt retired")]
    with transaction() as s:
        statuses = {u.where: u.status for u in where_used(receipt.code, session=s)}
    assert statuses == {"spring leaflet": "In use.",
                        "instagram post": "Being taken down: the clinic is removing it."}
    with pytest.raises(ExcerptNotUsable, match="retired"):
        _use(_excerpt(retired.id), who, where="another post")
    with pytest.raises(InvalidTransition), transaction() as s:
        staff_excerpts.retire(retired.id, who=who, session=s)
    assert kept_row.ended_at is None


def test_only_moderators_propose_and_retire(db_url):
    receipt, admin = _approved(use_excerpts=True)
    publisher = f.staff("publisher")
    with pytest.raises(NotAuthorized), transaction() as s:
        staff_excerpts.propose(_public_id(receipt.story_id), QUOTE, who=publisher, session=s)
    excerpt = _propose(receipt, admin)
    with pytest.raises(NotAuthorized), transaction() as s:
        staff_excerpts.retire(excerpt.id, who=publisher, session=s)
    with transaction() as s:  # the communications team reads the list
        assert [x.excerpt_id for x in staff_excerpts.listing(who=publisher, session=s)] == [
            excerpt.id]
    with pytest.raises(NotAuthorized), transaction() as s:
        staff_excerpts.listing(who=None, session=s)


def _exported(tmp_path: Path) -> str:
    with transaction() as s:
        path, _ = write_export(tmp_path / "out", session=s)
    assert path.name == FILE_NAME
    return path.read_text()


def test_the_export_holds_only_usable_excerpts(db_url, tmp_path):
    receipt, who = _approved(use_excerpts=True)
    signed, waiting = _propose(receipt, who), _propose(receipt, who, WRITTEN)
    _sign(receipt, signed)
    text = _exported(tmp_path)
    assert f"## Excerpt {signed.id}" in text and signed.content_hash in text
    assert "physiotherapy helped" in text
    assert f"## Excerpt {waiting.id}" not in text and "Slowly" not in text
    assert [p.name for p in (tmp_path / "out").iterdir()] == [FILE_NAME]
    with transaction() as s:  # her consent stops covering excerpts: gone from the next file
        stop_channel(receipt.code, "excerpts", session=s)
    assert "physiotherapy helped" not in _exported(tmp_path)
    assert "No excerpt may be used today." in _exported(tmp_path)


def test_the_export_leaves_out_a_withdrawn_story_and_one_without_excerpt_consent(db_url, tmp_path):
    receipt, who = _approved(use_excerpts=True)
    excerpt = _propose(receipt, who)
    _sign(receipt, excerpt)
    assert "physiotherapy helped" in _exported(tmp_path)
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    assert "## Excerpt" not in _exported(tmp_path)
    # a signed-off excerpt of a story whose consent lacks excerpts
    other, _ = _approved(use_excerpts=False, body=f.BODY + " Second.")
    with transaction() as s:
        s.add(Excerpt(story_id=other.story_id, text=QUOTE, content_hash=excerpt_hash(QUOTE),
                      revision_hash=f.current_hash(other.story_id), status="signed off"))
    assert "## Excerpt" not in _exported(tmp_path)


def test_the_export_escapes_markup_in_the_words(db_url, tmp_path):
    receipt, who = _approved(use_excerpts=True)
    hostile = "It helped <script>alert(1)</script> and [a link](http://x.test) {{ site }}"
    excerpt = _propose(receipt, who, hostile, checked=True)
    _sign(receipt, excerpt)
    text = _exported(tmp_path)
    assert "<script" not in text and "&lt;script&gt;" in text
    assert "\\[a link\\](http&#58;//x.test)" in text and "{{" not in text


def test_expired_consent_makes_the_excerpt_unusable(db_url):
    receipt, who = _approved(use_excerpts=True, expires_on=TODAY + timedelta(days=2))
    excerpt = _propose(receipt, who)
    _sign(receipt, excerpt)
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


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "stories", "excerpts", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)


def test_the_cli_lists_excerpts_without_their_words_and_exports_the_usable_ones(db_url, tmp_path):
    assert "no excerpts" in _cli("list").stdout
    receipt, who = _approved(use_excerpts=True)
    signed, waiting = _propose(receipt, who), _propose(receipt, who, WRITTEN)
    _sign(receipt, signed)
    listed = _cli("list")
    assert listed.returncode == 0, listed.stderr
    public_id = _public_id(receipt.story_id)
    assert f"{signed.id}\t{public_id}\tsigned off\tverbatim\tusable" in listed.stdout
    assert f"{waiting.id}\t{public_id}\tproposed\twritten\tnot usable" in listed.stdout
    assert "physiotherapy" not in listed.stdout and "Slowly" not in listed.stdout
    usable = _cli("list", "--usable")
    assert f"{signed.id}\t" in usable.stdout and f"{waiting.id}\t" not in usable.stdout
    out = tmp_path / "for-comms"
    exported = _cli("export", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "1 usable excerpt(s)" in exported.stdout
    text = (out / FILE_NAME).read_text()
    assert "physiotherapy helped" in text and "Slowly" not in text
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    refused = _cli("export", "--out", str(blocked))
    assert refused.returncode == 2 and "not a folder" in refused.stderr


def test_a_proposal_queues_one_neutral_notice_for_an_opted_in_patient(db_url):
    from stories.notify import queue, templates
    from tests.notify_util import notifications, opted_in

    receipt = opted_in(use_excerpts=True)
    who = f.staff("admin", name="notice-admin")
    f.to_approved(receipt, who)
    with transaction() as s:
        queue.queue_news(session=s)
    before = [n.kind for n in notifications()]
    excerpt = _propose(receipt, who)
    with transaction() as s:
        queue.queue_news(session=s)
    assert [n.kind for n in notifications()][len(before):] == ["excerpt proposed"]
    subject, body = templates.render("excerpt proposed", url="https://x.test/check",
                                     sender_name="Story desk")
    assert "quote a short part" in body and "physiotherapy" not in body + subject
    _sign(receipt, excerpt)  # her own answer is not news to her
    with transaction() as s:
        assert queue.queue_news(session=s) == 0


def test_she_is_not_asked_about_excerpts_once_she_stopped_them(db_url):
    receipt, who = _approved(use_excerpts=True)
    _propose(receipt, who)
    with transaction() as s:
        assert [e.status for e in excerpts.for_patient(receipt.code, session=s)] == ["proposed"]
        stop_channel(receipt.code, "excerpts", session=s)
    with transaction() as s:
        assert excerpts.for_patient(receipt.code, session=s) == []
