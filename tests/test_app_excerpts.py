"""AppTest: the Excerpts staff page and "Short excerpts the clinic would like to use" on Check my story."""

from __future__ import annotations

import factories as f
import pytest
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

from app_pages.excerpts_ui import APPROVED, HEADING
from stories.db import transaction
from stories.distribution import excerpts
from stories.models import AuditEvent, Distribution, Excerpt, Story

pytestmark = pytest.mark.usefixtures("fast_hashing")
QUOTE = "the dilators and physiotherapy helped. You are not broken."
NAMED = "My sister Margaret held my hand through it all, and it helped."
HOSTILE = "It helped <b>so much</b> and **really** [click](http://x.test) *now*."


def _approved(**overrides):
    who = f.staff("admin", "the.admin")
    receipt = f.submit(**overrides)
    f.to_approved(receipt, who)
    with transaction() as s:
        public_id = s.get(Story, receipt.story_id).public_id
    return receipt, who, public_id


def _propose_on_page(at, text: str, checked: bool = False):
    widget(at.text_area, "excerpt_text").set_value(text)
    at.run()
    widget(at.checkbox, "excerpt_checked").set_value(checked)
    return press(at, "Propose to the patient")


def _excerpts() -> list[Excerpt]:
    with transaction() as s:
        return list(s.exec(select(Excerpt).order_by(Excerpt.id)))


def _listed(at) -> list[str]:
    """The staff list's heading line of each excerpt, in order."""
    return [m.value for m in at.markdown if m.value.startswith("**Excerpt ")]


def test_a_moderator_reads_the_text_proposes_and_findings_need_her_confirmation(db_url):
    receipt, admin, public_id = _approved(use_excerpts=True)
    at = app("excerpts", who=admin)
    assert widget(at.selectbox, "excerpt_story").value == public_id
    assert "physiotherapy helped" in screen_text(at)  # the approved text, to copy from
    at = _propose_on_page(at, NAMED)
    assert any("1 possible identifier(s) in this excerpt: person" in w for w in messages(at, "warning"))
    assert any("confirm that you checked them" in m for m in messages(at))
    assert _excerpts() == []
    at = _propose_on_page(at, NAMED, checked=True)
    assert messages(at) == []
    [excerpt] = _excerpts()
    assert (excerpt.text, excerpt.status, excerpt.finding_count) == (NAMED, "proposed", 1)
    assert any(f"Excerpt {excerpt.id} proposed" in m for m in messages(at, "success"))
    [line] = _listed(at)
    assert line.startswith(f"**Excerpt {excerpt.id}** · story ") and " · proposed · " in line
    assert any(NAMED in h.value for h in at.html if 'class="excerpt"' in h.value)
    assert widget(at.text_area, "excerpt_text").value == ""


def test_a_leftover_of_a_redacted_name_is_refused_on_the_page(db_url):
    receipt, admin, _ = _approved(use_excerpts=True)
    at = _propose_on_page(app("excerpts", who=admin),
                          "Dr Novikova finally explained it to me, and it helped.", checked=True)
    assert any("removed from her story" in m for m in messages(at))
    assert _excerpts() == []


def test_a_story_without_excerpt_consent_is_not_offered(db_url):
    _, admin, _ = _approved(use_excerpts=False)
    at = app("excerpts", who=admin)
    assert "No approved story allows excerpts at the moment." in screen_text(at)
    assert not [w for w in at.selectbox if w.key == "excerpt_story"]


def test_the_patient_approves_an_excerpt_shown_exactly_and_staff_record_its_use(db_url):
    receipt, admin, public_id = _approved(use_excerpts=True)
    _propose_on_page(app("excerpts", who=admin), HOSTILE, checked=True)
    at = open_story(receipt.code)
    assert HEADING in [h.value for h in at.subheader]
    shown = [h.value for h in at.html if "excerpt" in h.value]
    assert any("&lt;b&gt;so much&lt;/b&gt;" in h and "**really**" in h for h in shown)
    assert not any("<b>so much" in h for h in shown)
    at = press(at, "I approve this excerpt")
    assert messages(at) == []
    [excerpt] = _excerpts()
    assert excerpt.status == "signed off"
    assert APPROVED in screen_text(at) and "You approved it on" in screen_text(at)
    assert not [b for b in at.button if b.label == "I approve this excerpt"]
    staff = app("excerpts", who=admin)
    assert " · may be used today · " in _listed(staff)[0]
    widget(staff.text_input, "excerpt_use_where").set_value("spring leaflet")
    staff = press(staff, "Record this use")
    assert messages(staff) == []
    with transaction() as s:
        [row] = s.exec(select(Distribution)).all()
    assert (row.excerpt_id, row.revision_hash) == (excerpt.id, excerpt.content_hash)
    at = open_story(receipt.code)
    table = at.dataframe[0].value
    assert list(table["Where"]) == ["spring leaflet"] and list(table["Excerpt"]) == [HOSTILE]


def test_the_patient_declines_with_a_comment_that_staff_read(db_url):
    receipt, admin, _ = _approved(use_excerpts=True)
    _propose_on_page(app("excerpts", who=admin), QUOTE)
    at = open_story(receipt.code)
    [excerpt] = _excerpts()
    widget(at.text_area, f"excerpt_comment_{excerpt.id}").set_value("Not that one, please.")
    at = press(at, "Decline")
    assert messages(at) == []
    assert HEADING not in [h.value for h in at.subheader]
    assert _excerpts()[0].status == "declined"
    staff = app("excerpts", who=admin)
    assert " · declined · " in _listed(staff)[0]
    assert any(h.value == "<p>Not that one, please.</p>" for h in staff.html)


def test_a_click_on_an_excerpt_retired_meanwhile_approves_nothing(db_url):
    receipt, admin, _ = _approved(use_excerpts=True)
    _propose_on_page(app("excerpts", who=admin), QUOTE)
    at = open_story(receipt.code)  # her screen shows the proposal
    [excerpt] = _excerpts()
    with transaction() as s:
        excerpts.retire(excerpt.id, staff_id=admin.id, session=s)
    at = press(at, "I approve this excerpt")
    assert messages(at, "success") == []
    assert _excerpts()[0].status == "retired"
    assert HEADING not in [h.value for h in at.subheader]


def test_staff_retire_on_the_page_and_publishers_only_read(db_url):
    receipt, admin, _ = _approved(use_excerpts=True)
    at = _propose_on_page(app("excerpts", who=admin), QUOTE)
    at = press(at, "Retire this excerpt")
    assert _excerpts()[0].status == "retired"
    with transaction() as s:
        assert s.exec(select(AuditEvent.actor_id).where(
            AuditEvent.action == "excerpt retired")).all() == [admin.id]
    publisher = app("excerpts", who=f.staff("publisher"))
    assert messages(publisher) == []
    assert not [w for w in publisher.text_area if w.key == "excerpt_text"]
    assert not [b for b in publisher.button if b.label == "Retire this excerpt"]
    assert " · retired · " in _listed(publisher)[0]
    anonymous = app("excerpts")
    assert messages(anonymous) == ["Please sign in on the Staff login page to see this page."]
    assert _listed(anonymous) == []
