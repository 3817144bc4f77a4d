"""Queue, Review, Export and Admin pages for signed-in staff."""

from __future__ import annotations

import io
import re
import zipfile

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
    story,
    widget,
)

from moderation import review
from moderation.browser import DOWNLOADS
from moderation.sessions import identity_for
from stories import patient
from stories.db import transaction
from stories.identifiers import findings_for
from stories.models import KeptFinding, Revision, StaffUser, Story

pytestmark = pytest.mark.usefixtures("fast_hashing")


@pytest.fixture
def moderator(db_url):
    return f.staff("moderator")



def kinds(story_id: int) -> list[str]:
    with transaction() as s:
        revision = s.get(Revision, s.get(Story, story_id).current_revision_id)
        return sorted(x.finding.kind for x in findings_for(revision, session=s))


def open_review(who, story_id: int):
    return app("review", who=who, review_story_id=story_id)


def test_queue_shows_counts_and_items_and_opens_review(moderator):
    first = f.submit(title="First story")
    f.submit(title="Second story", body=f.BODY + " Second.")
    with transaction() as s:
        review.start_review(first.story_id, who=moderator, session=s)
    at = app("queue", who=moderator)
    counts = {m.label: m.value for m in at.metric}
    assert counts["Submitted"] == "1" and counts["In review"] == "1"
    table = at.dataframe[0].value
    assert list(table["Title"]) == ["First story", "Second story"]  # oldest first
    assert "person's name" in table["Detected identifiers"][0]  # kinds in plain words
    widget(at.selectbox, "queue_choice").set_value(first.story_id)
    press(at, "Open in Review")
    assert at.title[0].value == "Review"
    assert any("First story" in h.value for h in at.html)


def test_queue_filter(moderator):
    f.submit(title="Only one")
    at = app("queue", who=moderator)
    widget(at.multiselect, "queue_filter").set_value(["approved"])
    at.run()
    assert not at.dataframe
    assert "No story matches this filter." in messages(at, "info")


def test_review_shows_highlights_diff_consent_and_hints(moderator):
    receipt = f.submit()
    at = open_review(moderator, receipt.story_id)
    html = "\n".join(h.value for h in at.html)
    assert 'class="finding finding-person"' in html
    assert "Covers the website: Website use was ticked." in html
    assert "No changes: this is exactly what the patient wrote." in [c.value for c in at.caption]
    assert "The patient has not signed off this text." in [c.value for c in at.caption]


def test_redact_one_finding(moderator):
    receipt = f.submit()
    before = kinds(receipt.story_id)
    at = open_review(moderator, receipt.story_id)
    press(at, "Redact “dave” (a person's name)")
    assert not messages(at)
    assert len(kinds(receipt.story_id)) == len(before) - 1
    assert any(s.startswith("Redacted one") for s in messages(at, "success"))
    assert any("<del>" in h.value for h in at.html)  # the diff now shows the change


def test_redact_all_of_a_kind(moderator):
    receipt = f.submit()
    assert kinds(receipt.story_id).count("PERSON") >= 2
    at = open_review(moderator, receipt.story_id)
    press(at, next(b.label for b in at.button if b.label.startswith("Redact all (")
                   and b.label.endswith("): a person's name")))
    assert "PERSON" not in kinds(receipt.story_id)
    with transaction() as s:
        body = s.get(Revision, story(receipt.story_id).current_revision_id).body
    assert "[name]" in body and "Novikova" not in body


def test_keep_a_finding(moderator):
    receipt = f.submit()
    at = open_review(moderator, receipt.story_id)
    press(at, "Keep “dave” (a person's name)")
    with transaction() as s:
        assert len(s.exec(select(KeptFinding)).all()) == 1
    assert any("(kept as it is)" in h.value for h in at.html)


def test_free_edit_saves_a_new_revision(moderator):
    receipt = f.submit()
    at = open_review(moderator, receipt.story_id)
    assert widget(at.text_area, "review_edit_body").value == f.BODY
    widget(at.text_input, "review_edit_title").set_value("Not broken, edited")
    press(at, "Save as a new revision")
    assert not messages(at)
    with transaction() as s:
        revision = s.get(Revision, story(receipt.story_id).current_revision_id)
    assert revision.title == "Not broken, edited" and revision.summary == "edited"
    assert widget(at.text_input, "review_edit_title").value == "Not broken, edited"


def test_request_changes_and_send_for_signoff(moderator):
    receipt = f.submit()
    at = open_review(moderator, receipt.story_id)
    press(at, "Send to the patient for sign-off")
    assert story(receipt.story_id).status == "awaiting sign-off"
    other = f.submit(title="Other", body=f.BODY + " Other.")
    at = open_review(moderator, other.story_id)
    press(at, "Request changes")  # an empty message is refused
    assert any("what to change" in m for m in messages(at))
    next(t for t in at.text_area if t.label == "Message to the patient").set_value(
        "Please leave out the city.")
    press(at, "Request changes")
    saved = story(other.story_id)
    assert saved.status == "changes requested"
    assert saved.patient_message == "Please leave out the city."


def test_approve_when_signed_off(moderator):
    receipt = f.submit()
    digest = f.to_awaiting_signoff(receipt, moderator)
    with transaction() as s:
        patient.sign_off(receipt.code, digest, session=s)
    at = open_review(moderator, receipt.story_id)
    assert "The patient signed off this exact text." in messages(at, "success")
    press(at, "Approve for publication")
    assert not messages(at)
    assert story(receipt.story_id).status == "approved"


def test_reject_with_a_reason(moderator):
    receipt = f.submit()
    at = open_review(moderator, receipt.story_id)
    widget(at.selectbox, "review_reject_reason").set_value("off-topic")
    press(at, "Reject…")
    assert story(receipt.story_id).status == "submitted"  # not yet: a confirmation first
    press(at, "Yes, reject the story")
    saved = story(receipt.story_id)
    assert saved.status == "rejected" and saved.rejection_reason == "off-topic"
    at = open_review(moderator, receipt.story_id)  # a mistake: undone from the same screen
    assert not [b for b in at.button if b.label == "Approve for publication"]
    press(at, "Reopen for review")
    assert not messages(at)
    saved = story(receipt.story_id)
    assert saved.status == "in review" and saved.rejection_reason is None
    assert any("in review again" in m for m in messages(at, "success"))


def test_note_and_paper_withdrawal(moderator):
    receipt = f.submit()
    at = open_review(moderator, receipt.story_id)
    next(t for t in at.text_area if t.label.startswith("Staff note")).set_value("Call back.")
    press(at, "Save note")
    assert story(receipt.story_id).staff_note == "Call back."
    next(c for c in at.checkbox if c.label.startswith("The patient asked")).check()
    press(at, "Withdraw and erase")
    saved = story(receipt.story_id)
    assert saved.status == "withdrawn" and saved.erased_at is not None


def test_stale_action_shows_the_conflict(moderator):
    receipt = f.submit()
    at = open_review(moderator, receipt.story_id)
    with transaction() as s:  # another moderator edits meanwhile
        review.edit(receipt.story_id, f.current_hash(receipt.story_id), "Changed elsewhere",
                    f.BODY, who=moderator, session=s)
    press(at, "Send to the patient for sign-off")
    assert any("changed" in m for m in messages(at))
    assert story(receipt.story_id).status == "in review"  # the edit's status, no sign-off
    assert any("Changed elsewhere" in h.value for h in at.html)  # reloaded text
    press(at, "Send to the patient for sign-off")  # now on the text it shows: fine
    assert story(receipt.story_id).status == "awaiting sign-off"


def test_export_gives_a_zip_for_a_publisher(moderator, monkeypatch):
    import app_pages.common

    monkeypatch.setattr(app_pages.common, "_cookie", {"stories_browser": "publisher-b"}.get)
    receipt = f.to_approved(f.submit(), moderator) and f.submit(title="Later",
                                                                 body=f.BODY + " Later.")
    approved = story(1)
    publisher = f.staff("publisher")
    at = app("export", who=publisher)
    assert any("python -m stories export" in c.value for c in at.code)
    press(at, "Export now")
    assert not messages(at)
    assert not at.download_button  # never an anonymous /media/ URL
    form = next(h.value for h in at.html if ">Download the zip</button>" in h.value)
    offer = DOWNLOADS.take(re.search(r'name="token" value="([^"]+)"', form).group(1), "publisher-b")
    assert offer.permission == "export" and offer.make() == at.session_state["export_result"][2]
    _, report, data = at.session_state["export_result"]
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert report.written == [n for n in names if n.endswith(".md")]
    assert len(report.written) == 1 and approved.public_id in report.written[0]
    assert receipt.public_id not in "".join(names)
    assert "1 story exported: 1 written, 0 unchanged." in messages(at, "success")


def test_admin_adds_and_lists_staff(db_url):
    admin = f.staff("admin", "the.admin")
    at = app("admin", who=admin)
    widget(at.text_input, "admin_username").set_value("new.mod")
    widget(at.text_input, "admin_password").set_value(f.PASSWORD)
    widget(at.text_input, "admin_again").set_value(f.PASSWORD + "x")
    press(at, "Add account")
    assert messages(at) == ["The two passwords are different."]
    widget(at.text_input, "admin_again").set_value(f.PASSWORD)
    press(at, "Add account")
    assert not messages(at)
    with transaction() as s:
        user = s.exec(select(StaffUser).where(StaffUser.username == "new.mod")).one()
    assert user.role == "moderator"
    table = at.dataframe[0].value
    assert set(table["Username"]) == {"the.admin", "new.mod"}
    assert "password" not in screen_text(at).lower().replace("first password", "")\
        .replace("same password", "")


def test_logged_out_token_no_longer_opens_staff_pages(moderator):
    receipt = f.submit(title="Secret title")
    at = open_review(moderator, receipt.story_id)
    with transaction() as s:
        from moderation.sessions import logout
        logout(at.session_state["staff_token"], session=s)
        assert identity_for(at.session_state["staff_token"], session=s) is None
    at.run()
    assert "Secret title" not in screen_text(at)
    assert any("Please sign in" in m for m in messages(at))


def test_review_shows_the_display_name_with_its_findings_and_edits_it(moderator):
    receipt = f.submit(display_name="Rachel Smith from Leeds")
    at = open_review(moderator, receipt.story_id)
    assert any("Shown on the website as: <strong>Rachel " in h.value
               and 'class="finding finding-person"' in h.value for h in at.html)
    assert any("in the name shown" in t for t in screen_text(at).splitlines())
    widget(at.text_input, "review_edit_name").set_value("Rae")
    press(at, "Save as a new revision")
    assert not messages(at)
    with transaction() as s:
        revision = s.get(Revision, s.get(Story, receipt.story_id).current_revision_id)
        assert (revision.display_name, revision.author_kind) == ("Rae", "staff")


def test_the_patient_sees_the_name_she_signs_off(moderator):
    receipt = f.submit(display_name="Rachel Smith")
    f.to_awaiting_signoff(receipt, moderator)
    at = open_story(receipt.code)
    assert "Shown as: <del>Rachel Smith</del><ins>Rachel</ins>" in screen_text(at)  # the change
    at.toggle(key="check_show_changes").set_value(False).run()  # the clean final text
    assert "<p>Shown as: Rachel</p>" in screen_text(at)  # the byline she approves
