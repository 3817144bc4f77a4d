"""The "Check my story" page: status, sign-off, decline, edit, withdraw, wrong code."""

from __future__ import annotations

import html
import re

import factories as f
import pytest
from streamlit.proto.TextInput_pb2 import TextInput
from test_app_support import (
    app,
    fast_hashing,  # noqa: F401 (fixture)
    messages,
    open_story,
    press,
    story,
    widget,
)

from moderation import review
from stories import patient, receipts
from stories.db import transaction
from stories.frontmatter import neutralize_value
from stories.models import Revision

pytestmark = pytest.mark.usefixtures("fast_hashing")




@pytest.fixture
def moderator(db_url):
    return f.staff("moderator")


def test_wrong_code_gets_the_generic_message(db_url):
    f.submit()
    at = open_story("AAAA-BBBB-CCCC-DDDD")
    assert messages(at) == [patient.NOT_FOUND]
    assert "patient_code" not in at.session_state
    assert not at.query_params
    assert any(receipts.LOST_CODE in c.value for c in at.caption)  # the one lost-code answer


def test_the_code_field_is_readable_with_a_hide_toggle(db_url):
    at = app("check")
    assert widget(at.text_input, "check_code_input").proto.type == TextInput.DEFAULT
    widget(at.toggle, "check_code_hidden").set_value(True).run()
    assert widget(at.text_input, "check_code_input").proto.type == TextInput.PASSWORD


def test_a_code_typed_loosely_opens_the_story(db_url):
    receipt = f.submit()
    at = open_story(" " + receipt.code.lower().replace("-", " ").replace("o", "0") + " ")
    assert not messages(at)
    assert "We have your story" in at.info[0].value


def test_many_wrong_codes_slow_down_but_never_lock_out_the_right_one(db_url, monkeypatch):
    monkeypatch.setattr(patient, "MAX_LOOKUP_DELAY", 0.01)  # the real cap is 30 s
    receipt = f.submit()
    at = open_story("wrong-1")
    for n in range(2, 15):
        widget(at.text_input, "check_code_input").set_value(f"wrong-{n}")
        press(at, "Open my story")
        assert messages(at) == [patient.NOT_FOUND]
        slowed = [i.value for i in at.info if i.value.startswith("Several codes")]
        assert bool(slowed) == (n > patient.FREE_LOOKUPS)  # she is told why it takes longer
    widget(at.text_input, "check_code_input").set_value(receipt.code)
    press(at, "Open my story")
    assert not messages(at)
    assert "We have your story" in at.info[0].value


def test_status_timeline_and_code_kept_only_in_session(db_url):
    receipt = f.submit()
    at = open_story(receipt.code)
    assert not messages(at)
    assert "We have your story" in at.info[0].value
    timeline = next(m.value for m in at.markdown if "You shared your story." in m.value)
    assert re.search(r"- \d{1,2} [A-Z][a-z]+ \d{4}: You shared your story\.", timeline)
    assert at.session_state["patient_code"] == receipt.code
    assert receipt.code not in str(at.query_params)


def test_sign_off_shows_how_the_website_writes_a_title_with_symbols(db_url, moderator):
    title = 'I <3 slow "progress" & {patience}'
    receipt = f.submit(title=title)
    f.to_awaiting_signoff(receipt, moderator)
    at = open_story(receipt.code)
    shown = [h.value for h in at.html]
    assert any(html.escape(title) in h for h in shown)  # her title, as typed
    published = neutralize_value(title)
    assert published != title
    assert f'<p class="published-title">{html.escape(published)}</p>' in shown
    assert any("look-alikes" in c.value for c in at.caption)


def test_plain_title_needs_no_published_note(db_url, moderator):
    receipt = f.submit(title="Not broken")
    f.to_awaiting_signoff(receipt, moderator)
    at = open_story(receipt.code)
    assert not any("look-alikes" in c.value for c in at.caption)


def test_sign_off_the_exact_text(db_url, moderator):
    receipt = f.submit()
    digest = f.to_awaiting_signoff(receipt, moderator)
    at = open_story(receipt.code)
    shown = "\n".join(h.value for h in at.html)
    assert "Not broken" in shown and "<del>" in shown and "<ins>" in shown
    assert shown.count("helped. You are not broken.") == 1  # the text once, with its changes
    assert any("Please check." in h.value for h in at.html)  # the clinic's message
    widget(at.toggle, "check_show_changes").set_value(False).run()  # the clean final text
    shown = "\n".join(h.value for h in at.html)
    assert shown.count("helped. You are not broken.") == 1 and "<del>" not in shown
    press(at, "I approve this exact text")
    assert not messages(at)
    assert story(receipt.story_id).status == "signed off"
    assert story(receipt.story_id).signed_off_hash == digest
    assert "You approved the text" in messages(at, "success")[0]


def test_sign_off_refused_when_the_text_changed_on_screen(db_url, moderator):
    receipt = f.submit()
    digest = f.to_awaiting_signoff(receipt, moderator)
    at = open_story(receipt.code)
    with transaction() as s:  # the clinic changes the text and asks again
        new = review.edit(receipt.story_id, digest, "Not broken at all", f.BODY.replace(
            "dave", "[name]"), who=moderator, session=s)
    with transaction() as s:
        review.send_for_signoff(receipt.story_id, new, "", who=moderator, session=s)
    press(at, "I approve this exact text")
    assert any("changed" in m for m in messages(at))
    assert story(receipt.story_id).status == "awaiting sign-off"
    assert story(receipt.story_id).signed_off_hash is None


def test_decline_with_a_comment(db_url, moderator):
    receipt = f.submit()
    f.to_awaiting_signoff(receipt, moderator)
    at = open_story(receipt.code)
    next(t for t in at.text_area if t.label.startswith("Not happy")).set_value(
        "Please keep my last sentence.")
    press(at, "Decline")
    saved = story(receipt.story_id)
    assert saved.status == "in review"
    assert saved.patient_comment == "Please keep my last sentence."


def test_edit_when_changes_are_requested(db_url, moderator):
    receipt = f.submit()
    with transaction() as s:
        review.request_changes(receipt.story_id, f.current_hash(receipt.story_id),
                               "Please remove the doctor's name.", who=moderator, session=s)
    at = open_story(receipt.code)
    assert any("Please remove the doctor" in h.value for h in at.html)
    body = next(t for t in at.text_area if t.label.startswith("Your story"))
    assert body.value == f.BODY
    body.set_value(f.BODY.replace("Dr Novikova", "my doctor"))
    press(at, "Send my changes")
    assert not messages(at)
    assert story(receipt.story_id).status == "submitted"
    with transaction() as s:
        latest = s.get(Revision, story(receipt.story_id).current_revision_id)
    assert latest.author_kind == "patient" and "my doctor" in latest.body


def test_withdraw_needs_confirmation_then_erases(db_url):
    receipt = f.submit()
    at = open_story(receipt.code)
    press(at, "Withdraw my story")
    assert messages(at) == ["Please tick the box to confirm that you want to withdraw."]
    assert story(receipt.story_id).status == "submitted"
    next(c for c in at.checkbox if c.label.startswith("Yes, I want")).check()
    press(at, "Withdraw my story")
    saved = story(receipt.story_id)
    assert saved.status == "withdrawn" and saved.erased_at is not None
    assert "text erased" in messages(at, "success")[0]
    assert "erased from our records" in at.info[0].value
    assert "will not be published" not in at.info[0].value
    assert "removed at the next update" in at.info[0].value
    assert not [b for b in at.button if b.label == "Withdraw my story"]


def test_approved_says_on_the_website_only_once_the_export_put_it_there(db_url, moderator,
                                                                       tmp_path):
    from stories.export import export_site

    receipt = f.submit()
    f.to_approved(receipt, moderator)
    infos = [i.value for i in open_story(receipt.code).info]
    assert any("appears on the clinic's website at the next update" in i for i in infos)
    with transaction() as s:
        export_site(tmp_path, "jekyll", session=s)
    infos = [i.value for i in open_story(receipt.code).info]
    assert "Your story is approved and appears on the clinic's website." in infos
