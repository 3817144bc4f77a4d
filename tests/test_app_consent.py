"""Consent in the app: the patient's copy, re-confirmation, expiry, versions, lost codes."""

from __future__ import annotations

import re
from datetime import date, timedelta

import factories as f
import pytest
from sqlmodel import select
from streamlit.runtime.media_file_manager import MediaFileManager
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

from moderation import admin
from moderation.browser import DOWNLOADS
from stories import patient
from stories.db import transaction
from stories.distribution.choice import offered, uses_section
from stories.models import Consent, Revision

pytestmark = pytest.mark.usefixtures("fast_hashing")
NEW_TEXT = "# Authorization to publish your story\n\n" + (
    "Plain-language terms that cover every element the law asks for. " * 6)
ASK = "Do you still stand by your story?"
LABEL = "Download a copy of my authorization"


@pytest.fixture
def moderator(db_url):
    return f.staff("moderator", "mod.one")


BROWSER = "patient-browser"


@pytest.fixture
def downloads(monkeypatch) -> list[tuple[bytes, str | None]]:
    """Every file handed to Streamlit's media store (anonymous URLs): must stay empty.

    The page's request carries the browser id cookie `BROWSER`.
    """
    import app_pages.common

    monkeypatch.setattr(app_pages.common, "_cookie", {"stories_browser": BROWSER}.get)
    offered: list[tuple[bytes, str | None]] = []
    real = MediaFileManager.add

    def spy(self, data, mimetype, coordinates, file_name=None, is_for_static_download=False):
        offered.append((data, file_name))
        return real(self, data, mimetype, coordinates, file_name, is_for_static_download)

    monkeypatch.setattr(MediaFileManager, "add", spy)
    return offered


def offered_token(at, label: str) -> str:
    """The token in the form of the page's download button `label`."""
    form = next(h.value for h in at.html if f">{label}</button>" in h.value)
    return re.search(r'name="token" value="([^"]+)"', form).group(1)


def fetch_offered(at, label: str, browser: str = BROWSER) -> tuple[str, str] | None:
    """What `/download` would send `browser` for the page's button `label`: (text, file name)."""
    offer = DOWNLOADS.take(offered_token(at, label), browser)
    return (offer.make(), offer.filename) if offer else None


def consents(story_id: int) -> list[Consent]:
    with transaction() as s:
        return list(s.exec(select(Consent).where(Consent.story_id == story_id)
                           .order_by(Consent.id)))


def ask(story_id: int, who) -> None:
    with transaction() as s:
        admin.ask_reconfirmation(story_id, who=who, session=s)


def test_patient_downloads_her_authorization_in_every_status(db_url, downloads):
    receipt = f.submit(use_excerpts=True, signature="Jane Q. Patient")
    at = open_story(receipt.code)
    document, name = fetch_offered(at, LABEL)
    assert name == "authorization.md"
    assert "Authorization version 2026-11-v1" in document
    assert "- Short excerpts in print and social media: yes" in document
    assert "- The clinic's website: yes" in document
    assert "- The clinic's newsletter: no" in document  # every use she was offered
    assert "Jane Q. Patient" in document
    next(c for c in at.checkbox if c.label.startswith("Yes, I want")).check()
    press(at, "Withdraw my story")
    assert story(receipt.story_id).status == "withdrawn"
    assert "Revoked" in fetch_offered(at, LABEL)[0]
    assert fetch_offered(at, LABEL, browser="another-browser") is None
    token = offered_token(at, LABEL)
    press(at, "Close my story")
    assert DOWNLOADS.take(token, BROWSER) is None  # closing her story ends the download
    assert downloads == []  # nothing ever reached an anonymous /media/ URL


def test_no_question_until_the_clinic_asks(db_url, moderator):
    receipt = f.submit()
    f.to_approved(receipt, moderator)
    at = open_story(receipt.code)
    assert ASK not in screen_text(at)
    assert not [b for b in at.button if b.label == "Yes, keep it published"]


def test_reconfirm_yes_renews_with_a_new_expiry(db_url, moderator):
    receipt = f.submit(channels=["website", "newsletter"])
    f.to_approved(receipt, moderator)
    ask(receipt.story_id, moderator)
    at = open_story(receipt.code)
    assert ASK in screen_text(at)
    assert ("Your story stays allowed only in: the clinic's website; the clinic's newsletter."
            in screen_text(at))  # the uses she renews, as she chose them
    press(at, "Yes, keep it published")
    assert len(messages(at)) == 1 and "signature" in messages(at)[0]
    assert len(consents(receipt.story_id)) == 1
    new_end = date.today() + timedelta(days=700)
    widget(at.date_input, "check_reconfirm_expires").set_value(new_end)
    widget(at.text_input, "check_reconfirm_signature").set_value("Jane Q. Patient")
    press(at, "Yes, keep it published")
    assert not messages(at)
    first, second = consents(receipt.story_id)
    assert second.expires_on == new_end and second.signed_at >= first.signed_at
    saved = story(receipt.story_id)
    assert saved.status == "approved" and saved.reconfirm_requested_at is None
    assert "renewed" in messages(at, "success")[0]
    assert ASK not in screen_text(at)
    assert f"lasts until {patient.readable_date(new_end)}" in screen_text(at)


def test_reconfirm_no_takes_the_story_down_and_erases_it(db_url, moderator):
    receipt = f.submit()
    f.to_approved(receipt, moderator)
    ask(receipt.story_id, moderator)
    at = open_story(receipt.code)
    press(at, "No, take it down")
    assert messages(at) == ["Please tick the box to confirm that you want your story taken "
                            "down."]
    assert story(receipt.story_id).status == "approved"
    widget(at.checkbox, "check_reconfirm_sure").check()
    press(at, "No, take it down")
    saved = story(receipt.story_id)
    assert saved.status == "withdrawn" and saved.erased_at is not None
    with transaction() as s:
        texts = s.exec(select(Revision.body).where(Revision.story_id == receipt.story_id)).all()
    assert texts and set(texts) == {""}
    assert consents(receipt.story_id)[-1].revoked_at is not None
    assert "taken down" in messages(at, "success")[0]
    assert ASK not in screen_text(at)


def test_moderator_asks_and_the_patient_sees_the_question(db_url, moderator):
    receipt = f.submit()
    f.to_approved(receipt, moderator)
    at = app("review", who=moderator, review_story_id=receipt.story_id)
    assert "Not asked." in screen_text(at)
    press(at, "Ask the author to re-confirm")
    assert not messages(at)
    assert story(receipt.story_id).reconfirm_requested_at is not None
    assert f"Asked on {date.today():%Y-%m-%d}" in screen_text(at)
    assert ASK in screen_text(open_story(receipt.code))


def test_queue_lists_authorizations_ending_soon(db_url, moderator):
    soon = f.submit(title="Ends soon", expires_on=date.today() + timedelta(days=10))
    later = f.submit(title="Ends later", body=f.BODY + " Later.",
                     expires_on=date.today() + timedelta(days=300))
    at = app("queue", who=moderator)
    assert "Authorizations ending within 30 days" in screen_text(at)
    table = at.dataframe[-1].value
    assert list(table["Id"]) == [soon.public_id]
    assert list(table["Ends on"]) == [str(date.today() + timedelta(days=10))]
    assert later.public_id not in "\n".join(str(d.value) for d in at.dataframe[1:])
    assert "Ends soon" not in str(table)  # ids only, no titles or text
    widget(at.selectbox, "queue_expiring_choice").set_value(soon.story_id)
    widget(at.button, "queue_expiring_open").click()  # the second "Open in Review"
    at.run()
    assert at.title[0].value == "Review"
    assert at.session_state["review_story_id"] == soon.story_id


def test_queue_says_when_nothing_ends_soon(db_url, moderator):
    f.submit(expires_on=date.today() + timedelta(days=300))
    at = app("queue", who=moderator)
    assert "None. No authorization ends in that time." in screen_text(at)
    assert len(at.dataframe) == 1  # the queue only


def test_admin_publishes_a_new_version_the_share_page_shows_it(db_url):
    boss = f.staff("admin", "boss")
    at = app("admin", who=boss)
    versions = at.dataframe[-1].value
    assert list(versions["Version"]) == ["2026-11-v1"]
    widget(at.text_input, "admin_auth_version").set_value("2027-01-v2")
    widget(at.text_area, "admin_auth_body").set_value(NEW_TEXT)
    at.run()
    preview = [m.value for m in at.markdown if "Plain-language terms" in m.value]
    assert preview == [NEW_TEXT.strip()]  # the preview: the clinic's Markdown, as patients see it
    assert uses_section(offered()) in [m.value for m in at.markdown]  # and the list of uses
    press(at, "Publish this version")
    assert messages(at) == ["Please tick the box to confirm that you want to publish this "
                            "version."]
    widget(at.checkbox, "admin_auth_sure").check()
    press(at, "Publish this version")
    assert not messages(at)
    assert "Authorization version 2027-01-v2 published." in messages(at, "success")
    assert list(at.dataframe[-1].value["Version"]) == ["2027-01-v2", "2026-11-v1"]
    share = app()
    assert "Authorization version 2027-01-v2" in screen_text(share)
    assert "Plain-language terms" in screen_text(share)
    assert "- Staff training" in screen_text(share)  # every version lists the uses


def test_moderator_sees_nothing_of_the_admin_sections(db_url, moderator):
    at = app("admin", who=moderator)
    text = screen_text(at)
    assert "Authorization versions" not in text and "Lost receipt code" not in text
    assert "2026-11-v1" not in text
    assert not at.dataframe and not at.button and not at.text_area
    assert any("not allowed" in m for m in messages(at))


def test_admin_reissues_a_code_once(db_url):
    receipt = f.submit()
    boss = f.staff("admin", "boss")
    at = app("admin", who=boss)
    widget(at.text_input, "admin_reissue_id").set_value(receipt.public_id)
    widget(at.selectbox, "admin_reissue_how").set_value("phone call-back")
    press(at, "Issue a new code")
    assert messages(at) == ["Please tick the box to confirm that you verified her identity."]
    widget(at.text_input, "admin_reissue_id").set_value(receipt.public_id)
    widget(at.checkbox, "admin_reissue_sure").check()
    press(at, "Issue a new code")
    assert not messages(at)
    new_code = at.code[-1].value
    assert new_code and new_code != receipt.code
    at.run()  # shown once: gone on the next run
    assert new_code not in screen_text(at)
    old = open_story(receipt.code)
    assert messages(old) == [patient.NOT_FOUND]
    new = open_story(new_code)
    assert not messages(new)
    assert "We have your story" in new.info[0].value
