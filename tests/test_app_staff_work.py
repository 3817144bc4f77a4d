"""Staff pages worked as a person would: review screen, reject with a reason, export, admin."""

from __future__ import annotations

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
from moderation.login import attempt_login, login
from moderation.queue import KIND_WORDS, LEGEND, in_context
from moderation.sessions import identity_for
from stories import patient
from stories.db import transaction
from stories.export import file_name
from stories.findings import KINDS
from stories.models import StaffUser, Story
from stories.rejection import REASONS
from tests import factories as f

pytestmark = pytest.mark.usefixtures("fast_hashing")


@pytest.fixture
def moderator(db_url):
    return f.staff("moderator")


def open_review(who, story_id: int):
    return app("review", who=who, review_story_id=story_id)


def labels(at) -> list[str]:
    return [b.label for b in at.button]


# --- Review screen -----------------------------------------------------------------

def test_every_kind_has_plain_words_and_one_legend_colour():
    assert set(KIND_WORDS) == set(KINDS)
    in_legend = [kind for _, group in LEGEND for kind in group]
    assert sorted(in_legend) == sorted(KINDS)


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("one two three four five six seven NAME a b c d e f g", "NAME",
     ("…three four five six seven ", "NAME", " a b c d e…")),
    ("NAME at the start", "NAME", ("", "NAME", " at the start")),
    ("line one\nNAME here", "NAME", ("line one ", "NAME", " here")),
])
def test_in_context_gives_a_few_words_either_side(text, span, expected):
    start = text.index(span)
    near = in_context(text, start, start + len(span))
    assert (near.before, near.words, near.after) == expected


def test_findings_read_in_plain_words_in_context_with_a_legend(moderator):
    receipt = f.submit()
    at = open_review(moderator, receipt.story_id)
    html = "\n".join(h.value for h in at.html)
    assert "PERSON in" not in screen_text(at)  # no more "PERSON in body at 52-56"
    assert ("<strong>A person's name</strong> in the story (open):<br>…anyone. I met my husband "
            '<mark class="finding finding-person" title="PERSON">dave</mark> in March 2019 '
            "and we…") in html
    legend = next(h.value for h in at.html if 'class="legend"' in h.value)
    for words, kinds in LEGEND:
        assert f'<mark class="finding finding-{kinds[0].lower()}">{words}</mark>' in legend


def test_decisions_come_before_the_text_and_findings(moderator):
    receipt = f.submit()
    at = open_review(moderator, receipt.story_id)
    names = labels(at)
    first_redact = next(n for n, label in enumerate(names) if label.startswith("Redact"))
    for decision in ("Send to the patient for sign-off", "Request changes", "Reject…"):
        assert names.index(decision) < first_redact, decision
    assert [t.label for t in at.tabs] == ["Send for sign-off", "Request changes", "Reject"]


def test_every_button_on_the_review_screen_has_its_own_name(moderator):
    receipt = f.submit(body=f.BODY + " Later dave and Maria drove to Leeds again on 4 June 2021.")
    at = open_review(moderator, receipt.story_id)
    names = labels(at)
    redacts = [n for n in names if n.startswith("Redact “")]
    assert len(redacts) >= 6
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    assert "Redact “Novikova” (a person's name)" in names or \
        "Redact “Dr Novikova” (a person's name)" in names


def test_a_hint_quotes_the_sentence_that_triggered_it(moderator):
    receipt = f.submit()
    at = open_review(moderator, receipt.story_id)
    assert any(e.label.startswith("Mentions exact dates") for e in at.expander)
    sentences = [h.value for h in at.html if 'class="hint-sentence"' in h.value]
    assert any("I met my husband dave in " in s and ">March 2019</mark>" in s for s in sentences)
    assert not any("Novikova" in s for s in sentences if "March 2019" in s)


def test_label_words_cannot_carry_markdown(moderator):
    receipt = f.submit(body=f.BODY + " Ask **[Dave](javascript:alert(1))** about it.")
    at = open_review(moderator, receipt.story_id)
    for label in labels(at):
        assert "](" not in label and "**" not in label and "javascript:" not in label


# --- Reject with a reason ------------------------------------------------------------

def test_reject_asks_for_a_reason_then_a_confirmation_and_can_be_cancelled(moderator):
    receipt = f.submit()
    at = open_review(moderator, receipt.story_id)
    assert widget(at.selectbox, "review_reject_reason").value is None  # nothing preselected
    press(at, "Reject…")
    assert messages(at) == ["Please choose a reason first."]
    widget(at.selectbox, "review_reject_reason").set_value("identifiable")
    press(at, "Reject…")
    confirm = next(w.value for w in at.warning if w.value.startswith("Reject this story?"))
    assert REASONS["identifiable"].patient in confirm
    assert story(receipt.story_id).status == "submitted"
    press(at, "Cancel, keep the story")
    assert "Yes, reject the story" not in labels(at)
    assert story(receipt.story_id).status == "submitted"


def test_the_patient_reads_why_in_kind_words(moderator):
    receipt = f.submit()
    at = open_review(moderator, receipt.story_id)
    widget(at.selectbox, "review_reject_reason").set_value("off-topic")
    press(at, "Reject…")
    press(at, "Yes, reject the story")
    assert story(receipt.story_id).status == "rejected"
    assert any("reason on her Check my story page" in m for m in messages(at, "success"))
    page = open_story(receipt.code)
    text = screen_text(page)
    assert f"**Why:** {REASONS['off-topic'].patient}" in text
    with transaction() as s:
        assert patient.view(receipt.code, session=s).decision_reason == REASONS["off-topic"].patient


def test_every_reason_has_a_patient_sentence_and_no_other_status_shows_one(moderator):
    assert set(review.REJECTION_REASONS) == set(REASONS)
    for reason in REASONS.values():
        assert reason.patient and reason.patient != reason.staff
    receipt = f.submit()
    with transaction() as s:
        assert patient.view(receipt.code, session=s).decision_reason == ""


# --- Export ---------------------------------------------------------------------------

def approved_pair(moderator):
    kept = f.submit(title="Kept")
    f.to_approved(kept, moderator)
    gone = f.submit(title="Gone", body=f.BODY + " Gone later.")
    f.to_approved(gone, moderator)
    return kept, gone


def name_of(receipt, fmt="jekyll") -> str:
    with transaction() as s:
        return file_name(s.get(Story, receipt.story_id), fmt)


def test_export_names_the_files_to_remove_after_a_withdrawal(moderator, monkeypatch):
    monkeypatch.delenv("STORIES_SITE_DIR", raising=False)
    kept, gone = approved_pair(moderator)
    publisher = f.staff("publisher")
    at = app("export", who=publisher)
    press(at, "Export now")
    assert "2 stories exported: 2 written, 0 unchanged." in messages(at, "success")
    assert not any(e.startswith("To remove") for e in messages(at))
    with transaction() as s:
        patient.withdraw(gone.code, session=s)
    press(at, "Export now")
    assert "1 story exported: 1 written, 0 unchanged." in messages(at, "success")
    assert any(e.startswith("To remove from the site (1)") for e in messages(at))
    assert f"- `{name_of(gone)}`" in [m.value for m in at.markdown]
    assert any(name_of(kept) in m.value and "Files written" in m.value for m in at.markdown)
    assert any("STORIES_SITE_DIR" in c.value for c in at.caption)
    assert "Update the site folder" not in labels(at)


def test_update_the_site_folder_removes_withdrawn_stories(moderator, monkeypatch, tmp_path):
    site = tmp_path / "site" / "_stories"
    monkeypatch.setenv("STORIES_SITE_DIR", str(site))
    kept, gone = approved_pair(moderator)
    publisher = f.staff("publisher")
    at = app("export", who=publisher)
    press(at, "Update the site folder")
    assert not messages(at)
    assert {name_of(kept), name_of(gone)} <= {p.name for p in site.iterdir()}
    # A story that reached the site another way (a zip unzipped by hand), then withdrawn.
    by_hand = f.submit(title="By hand", body=f.BODY + " Copied by hand.")
    f.to_approved(by_hand, moderator)
    (site / name_of(by_hand)).write_text("copied by hand\n")
    with transaction() as s:
        patient.withdraw(gone.code, session=s)
        patient.withdraw(by_hand.code, session=s)
    press(at, "Update the site folder")
    assert not (site / name_of(gone)).exists()
    assert (site / name_of(kept)).exists()
    assert any(m.startswith("The site folder is up to date") for m in messages(at, "success"))
    removed = next(m.value for m in at.markdown if m.value.startswith("**Removed from"))
    assert name_of(gone) in removed
    assert any(e.startswith("Still in the site folder") for e in messages(at))
    assert f"- `{name_of(by_hand)}`" in [m.value for m in at.markdown]


# --- Admin ----------------------------------------------------------------------------

def user(username: str) -> StaffUser:
    with transaction() as s:
        return s.exec(select(StaffUser).where(StaffUser.username == username)).one()


def choose(at, username: str):
    widget(at.selectbox, "admin_account").set_value(username)
    at.run()
    return at


def test_admin_sees_a_lock_and_unlocks_it(db_url):
    admin = f.staff("admin", "the.admin")
    f.staff("moderator", "locked.mod")
    for _ in range(5):
        with transaction() as s:
            attempt_login("locked.mod", "not the password at all", session=s)
    at = app("admin", who=admin)
    table = at.dataframe[0].value
    state = dict(zip(table["Username"], table["State"], strict=True))
    assert state["locked.mod"].startswith("locked until ") and state["the.admin"] == "active"
    choose(at, "locked.mod")
    press(at, "Unlock locked.mod")
    assert "Unlocked locked.mod." in messages(at, "success")
    assert user("locked.mod").locked_until is None


def test_admin_disables_with_a_confirmation_and_the_sessions_end(db_url):
    admin = f.staff("admin", "the.admin")
    f.staff("moderator", "leaving.mod")
    with transaction() as s:
        token = login("leaving.mod", f.PASSWORD, session=s)
    at = choose(app("admin", who=admin), "leaving.mod")
    press(at, "Disable leaving.mod")
    assert messages(at) == ["Please tick the box to confirm."] and user("leaving.mod").active
    next(c for c in at.checkbox if c.key == "admin_disable_sure").check()
    press(at, "Disable leaving.mod")
    assert not user("leaving.mod").active
    with transaction() as s:
        assert identity_for(token, session=s) is None
    table = at.dataframe[0].value
    assert dict(zip(table["Username"], table["State"], strict=True))["leaving.mod"] == "disabled"
    choose(at, "leaving.mod")
    press(at, "Enable leaving.mod")
    assert user("leaving.mod").active


def test_admin_changes_a_role_and_resets_a_password(db_url):
    admin = f.staff("admin", "the.admin")
    f.staff("moderator", "some.mod")
    at = choose(app("admin", who=admin), "some.mod")
    widget(at.selectbox, "admin_new_role").set_value("publisher")
    press(at, "Change role")
    assert user("some.mod").role == "publisher"
    choose(at, "some.mod")
    widget(at.text_input, "admin_reset_password").set_value("another long passphrase")
    widget(at.text_input, "admin_reset_again").set_value("another long passphrase!")
    press(at, "Reset password")
    assert messages(at) == ["The two passwords are different."]
    widget(at.text_input, "admin_reset_password").set_value("another long passphrase")
    widget(at.text_input, "admin_reset_again").set_value("another long passphrase")
    press(at, "Reset password")
    assert not messages(at)
    with transaction() as s:
        assert login("some.mod", "another long passphrase", session=s)
    assert "another long passphrase" not in screen_text(at)


def test_the_last_admin_cannot_switch_herself_off(db_url):
    admin = f.staff("admin", "the.admin")
    at = choose(app("admin", who=admin), "the.admin")
    next(c for c in at.checkbox if c.key == "admin_disable_sure").check()
    press(at, "Disable the.admin")
    assert any("last active admin" in m for m in messages(at))
    assert user("the.admin").active


def test_label_words_keep_an_address_readable():
    from app_pages.staff_ui import label_words

    assert label_words("sarah.jones@example.com") == "sarah.jones@example.com"
    assert label_words("**[x](javascript:alert(1))**") == "xjavascriptalert1"
