"""The whole pipeline in a real browser, against a real `streamlit run server.py`.

One server and one database for the module (Debian's Chromium through
Playwright; skipped with a message when /usr/bin/chromium is missing):

* anonymous visitors opening staff URLs get the sign-in prompt and no story data;
* a staff login sets the HttpOnly session cookie at once and survives a page reload;
* story text full of markup never runs as script on the staff or patient pages;
* the journey: a patient shares a story and keeps her receipt code, a moderator
  redacts the identifiers and sends it for sign-off, the patient signs off, the
  moderator approves, a publisher exports the zip (and the CLI export writes the
  file), the patient withdraws, and both exports then leave the story out; at
  the end the server's console holds none of her personal data.

Screenshots of every step go to artifacts/browser/ (git-ignored).  With
STORIES_UPDATE_SCREENSHOTS=1, four of them are also copied to docs/screenshots/
for the README.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from stories.fields import clean_story
from tests import factories as f
from tests.browser_journey_util import (
    ARTIFACTS,
    ROOT,
    Visitor,
    act_and_wait,
    choose_option,
    choose_radio,
    click_button,
    front_matter,
    main_text,
    menu_titles,
    open_expander,
    publish_screenshot,
    served_app,
    settle,
    shoot,
    tick,
    zip_members,
)
from tests.staff_browser_util import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]

TITLE = "Not broken any more"
IDENTIFIERS = ("dave", "Novikova", "Leeds", "March 2019")
EMAIL = "rose.journey@example.org"
SIGNATURE = "Rosalind Q. Journeyperson"
SIGNED_IN_PROMPT = "Please sign in on the Staff login page to see this page."
STAFF_URLS = ("/queue", "/review", "/export", "/admin")
STAFF_TITLES = ("Queue", "Review", "Export", "Admin")


class Served:
    """The module's server, browser and work folder."""

    def __init__(self, app, browser, workdir: Path) -> None:
        self.app = app
        self.browser = browser
        self.workdir = workdir

    @property
    def url(self) -> str:
        return self.app.url

    def visitor(self, name: str) -> Visitor:
        return Visitor(self.browser, self.url, name)


@pytest.fixture(scope="module")
def served(request, tmp_path_factory):
    """A migrated database, `streamlit run server.py` on it, and Chromium."""
    workdir = tmp_path_factory.mktemp("browser-journey")
    with served_app(request, workdir) as (browser, app):
        yield Served(app, browser, workdir)


def share_story(page, title: str, body: str, shot: str) -> str:
    """Fill the whole "Share your story" form, send it, return the receipt code."""
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Your story (up to 20,000 characters)", exact=True).fill(body)
    choose_radio(page, "A first name or a made-up name")
    page.get_by_label("Initials or first name to show (leave empty if anonymous)").fill("Rose")
    tick(page, "vaginismus")
    page.get_by_label(re.compile(r"^Contact email")).fill(EMAIL)
    tick(page, "The clinic's website (required to publish your story)")
    page.get_by_label(re.compile(r"^\.\.\.or until an event")).fill("until I ask you to take it down")
    choose_radio(page, "No, I have no connection with the clinic")
    choose_radio(page, "I am the patient who wrote this story")
    tick(page, "I confirm that I am the patient who wrote this story, or their legally "
               "authorized representative, and that I have read this authorization.")
    tick(page, "I confirm that I am 18 or older.")
    page.get_by_label("Type your full name as your signature (never published)").fill(SIGNATURE)
    shoot(page, f"{shot}-share-form", top=page.get_by_role("heading", name="Share your story"))
    click_button(page, "Send my story", "Thank you. Your story has reached us safely.")
    shoot(page, f"{shot}-receipt", top=page.get_by_role("heading", name="Share your story"))
    code = page.locator('[data-testid="stCode"] code').first.inner_text().strip()
    assert len(code) >= 10, code
    return code


def open_in_review(page, title: str) -> None:
    """From the Queue page, choose the story titled `title` and open it in Review."""
    # Playwright's regex selector ends at an unescaped "/" (a title may hold "</script>").
    pattern = re.compile("^" + re.escape(title + " (").replace("/", "\\/"))
    choose_option(page, "Story to review", pattern, typed=title[:8],
                  within=".st-key-queue_choice")
    act_and_wait(page, page.locator(".st-key-queue_open button").click,
                 re.compile(r"Detected identifiers \(\d+\)"))


def cli_export(out: Path) -> subprocess.CompletedProcess:
    """`python -m stories export --out OUT` against the module's database."""
    result = subprocess.run(
        [sys.executable, "-m", "stories", "export", "--out", str(out)],
        cwd=ROOT, env=dict(os.environ), capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def download_zip(page) -> dict[str, str]:
    """Click "Download the zip" and return the files in the downloaded zip."""
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the zip").click()
    return zip_members(Path(download.value.path()).read_bytes())


def test_anonymous_visitor_gets_a_sign_in_prompt_on_staff_urls(served):
    receipt = f.submit(title="Hidden from visitors", body=f.BODY + " Only staff may read this.")
    visitor = served.visitor("anonymous")
    try:
        for path in STAFF_URLS:
            page = visitor.open(path)
            page.get_by_text(SIGNED_IN_PROMPT).wait_for()
            text = main_text(page)
            assert SIGNED_IN_PROMPT in text, (path, text)
            for secret in ("Hidden from visitors", receipt.public_id, *IDENTIFIERS):
                assert secret not in page.content(), (path, secret)
            assert not set(STAFF_TITLES) & set(menu_titles(page)), (path, menu_titles(page))
            assert page.locator("h1").count() == 0, (path, page.locator("h1").all_inner_texts())
        shoot(page, "anonymous-staff-url")
    finally:
        visitor.close()


def test_staff_login_survives_a_reload_through_the_httponly_cookie(served):
    f.staff("moderator", "mod-cookie")
    visitor = served.visitor("moderator with cookie")
    try:
        page = sign_in(visitor, "mod-cookie")
        assert "Queue" in menu_titles(page)
        cookies = {c["name"]: c for c in visitor.context.cookies()}
        assert "stories_staff" in cookies, cookies.keys()
        cookie = cookies["stories_staff"]
        assert cookie["httpOnly"] is True and cookie["sameSite"] == "Strict", cookie
        assert cookie["path"] == "/"

        page.reload(wait_until="domcontentloaded")  # a new Streamlit session: only the cookie is left
        settle(page)
        assert "Queue" in menu_titles(page), menu_titles(page)
        page = visitor.open("/queue")  # opening a staff URL directly works too
        page.get_by_role("heading", name="Moderation queue").wait_for()
        assert SIGNED_IN_PROMPT not in main_text(page)
        readable = page.evaluate(
            "() => [document.cookie, JSON.stringify(localStorage), JSON.stringify(sessionStorage)]")
        assert not any("stories_staff" in item or cookie["value"] in item for item in readable), readable
        shoot(page, "cookie-queue-after-reload")
    finally:
        visitor.close()


def test_story_markup_never_runs_as_script(served):
    # The story is stored as typed, tags and Markdown tricks included; they reach the
    # pages, where they must stay inert text.
    title = "<img src=x onerror=alert(1)>Markup story <script>alert(2)</script>"
    body = ("<script>alert(2)</script> It took years, <img src=x onerror=alert(3)> but the "
            "physiotherapy helped me slowly and my partner was patient. You are not broken. "
            "[read more](javascript:alert(4)) ![pic](x\" onerror=\"alert(5)) "
            "<<svg onload=alert(6)>> &lt;img src=x onerror=alert(7)&gt;")
    shown_title, shown_body = clean_story(title, body)
    assert "alert(4)" in shown_body  # something hostile is left for the pages to handle
    author = served.visitor("patient with markup")
    moderator = served.visitor("moderator for markup")
    try:
        page = author.open("/")
        code = share_story(page, title, body, "xss")
        f.staff("moderator", "mod-markup")
        page = sign_in(moderator, "mod-markup")
        moderator.nav("Queue")
        open_in_review(page, shown_title)
        page.get_by_role("heading", name="Current text").scroll_into_view_if_needed()
        page.mouse.move(300, 300)
        page.mouse.move(700, 500)
        page.wait_for_timeout(500)
        shoot(page, "xss-review")
        inert_dom(page)

        page = author.nav("Check my story")
        page.get_by_label("Receipt code").fill(code)
        click_button(page, "Open my story", re.compile("We have your story|The clinic is reading"))
        open_expander(page, "Your story as it stands")
        page.get_by_text("physiotherapy helped me").first.wait_for()
        page.wait_for_timeout(500)
        inert_dom(page)

        for who in (author, moderator):
            assert who.xss_hit() is None, who.name
            assert who.dialogs == [], (who.name, who.dialogs)
    finally:
        author.close()
        moderator.close()


def inert_dom(page) -> None:
    """No element the story text could have produced that loads or runs anything."""
    assert page.locator('img[src="x"], img[onerror], svg[onload]').count() == 0
    assert page.locator('a[href^="javascript:" i]').count() == 0
    assert page.locator(".story-html [onerror], .story-html [onload], .story-html img").count() == 0
    scripts = "".join(page.locator("script").all_inner_texts())
    assert not re.search(r"alert\([1-7]\)", scripts)


def test_patient_story_journey_from_sharing_to_withdrawal(served):
    update_docs = os.environ.get("STORIES_UPDATE_SCREENSHOTS") == "1"
    shots = {}
    patient = served.visitor("patient")
    moderator = served.visitor("moderator")
    publisher = served.visitor("publisher")
    site = served.workdir / "site"
    try:
        # 1. The patient shares her story and keeps the receipt code.
        page = patient.open("/")
        page.get_by_label("Title", exact=True).wait_for()
        code = share_story(page, TITLE, f.BODY, "01")
        shots["share-form"] = ARTIFACTS / "01-share-form.png"
        assert code in main_text(page)

        # 2. A moderator logs in, opens the story from the queue, redacts, sends for sign-off.
        f.staff("moderator", "mod")
        page = sign_in(moderator, "mod")
        shoot(page, "02-moderator-signed-in")
        moderator.nav("Queue")
        page.get_by_role("heading", name="Moderation queue").wait_for()
        open_in_review(page, TITLE)
        marks = " | ".join(page.locator("mark.finding").all_inner_texts())
        for word in IDENTIFIERS:
            assert word in marks, (word, marks)
        shots["review-highlights"] = shoot(page, "03-review-highlights",
                                           top=page.get_by_role("heading", name="Review"))

        for _ in range(10):
            buttons = page.get_by_role("button", name=re.compile(r"^Redact all "))
            if not buttons.count():
                break
            label = buttons.first.inner_text().strip()
            click_button(page, label, f"Redacted all: {label.split(': ', 1)[1]}.")
        page.get_by_text("Detected identifiers (0)").wait_for()
        current = page.locator(".st-key-review_text .story-html").last.inner_text()  # the body
        for word in IDENTIFIERS:
            assert word not in current, (word, current)
        assert page.locator(".story-html del").count() >= len(IDENTIFIERS)
        shoot(page, "04-review-redacted",
              top=page.get_by_role("heading", name="Changes from the patient's original"))

        page.get_by_label("Message to the patient (optional)", exact=True).fill("Please check the wording.")
        click_button(page, "Send to the patient for sign-off", "Done: send for sign-off.")
        assert "awaiting sign-off" in main_text(page)
        shoot(page, "04b-sent-for-signoff", top=page.get_by_role("heading", name="Review"))

        # 3. The patient opens her story with the code, reads the proposal and the changes, signs off.
        page = patient.nav("Check my story")
        page.get_by_label("Receipt code").fill(code)
        click_button(page, "Open my story", "The text we would like to publish")
        assert "Please check the wording." in main_text(page)
        proposed = page.evaluate("""() => Array.from(document.querySelectorAll('.story-html'),
            (part) => { const copy = part.cloneNode(true);
                        copy.querySelectorAll('del').forEach((gone) => gone.remove());
                        return copy.textContent; }).join(' ')""")  # the text once, changes marked
        assert "physiotherapy" in proposed
        for word in IDENTIFIERS:
            assert word not in proposed, (word, proposed)
        removed = " ".join(page.locator(".story-html del").all_inner_texts())
        for word in IDENTIFIERS:
            assert word in removed, (word, removed)
        assert page.locator(".story-html ins").count() >= 1
        proposal_heading = page.get_by_role("heading", name="The text we would like to publish")
        shots["patient-signoff"] = shoot(page, "05-patient-signoff", top=proposal_heading)
        click_button(page, "I approve this exact text", "Thank you. You approved the text")
        shoot(page, "05b-patient-signed-off", top=page.get_by_role("heading", name="Check my story"))

        # 4. The moderator sees the sign-off and approves.
        moderator.nav("Queue")
        page = moderator.nav("Review")
        page.get_by_text("The patient signed off this exact text.").wait_for()
        click_button(page, "Approve for publication", "Approved. It will be published at the next export.")
        assert "status approved" in main_text(page).replace("*", "")
        shoot(page, "06-approved")

        cli_export(site)
        files = list(site.rglob("*.md"))
        assert len(files) == 1, files
        cli_file = files[0]
        meta, text = front_matter(cli_file.read_text())
        assert meta.get("id"), meta
        for word in (*IDENTIFIERS, EMAIL, SIGNATURE):
            assert word not in cli_file.read_text(), word

        # 5. A publisher exports and downloads the zip.
        f.staff("publisher", "pub")
        page = sign_in(publisher, "pub")
        assert "Export" in menu_titles(page) and "Review" not in menu_titles(page)
        publisher.nav("Export")
        click_button(page, "Export now", re.compile(r"^1 stor(y|ies) exported"))
        shots["export"] = shoot(page, "07-export")
        members = download_zip(page)
        stories = [name for name in members if name.endswith(".md")]
        assert len(stories) == 1, members.keys()
        meta, text = front_matter(members[stories[0]])
        assert meta.get("id"), meta
        assert "physiotherapy" in text
        for word in (*IDENTIFIERS, EMAIL, SIGNATURE):
            assert word not in members[stories[0]], word
        assert stories[0] == cli_file.relative_to(site).as_posix()

        # 6. The patient comes back with her code and withdraws (the confirmation box is required).
        page = patient.open("/check")
        page.get_by_label("Receipt code").fill(code)
        click_button(page, "Open my story", "Your story is approved")
        withdraw = page.locator('[data-testid="stFormSubmitButton"] button', has_text="Withdraw my story")
        open_expander(page, "Withdraw my story")
        act_and_wait(page, withdraw.click, "Please tick the box to confirm that you want to withdraw.")
        open_expander(page, "Withdraw my story")
        tick(page, "Yes, I want to withdraw my story and have its text erased.")
        act_and_wait(page, withdraw.click, "Your story has been withdrawn")
        assert "You withdrew your story" in main_text(page)
        shoot(page, "08-withdrawn")

        # 7. Both exports leave the story out now.
        page = publisher.page
        click_button(page, "Export now", re.compile(r"^0 stor(y|ies) exported"))
        members = download_zip(page)
        assert [name for name in members if name.endswith(".md")] == [], members.keys()
        shoot(page, "09-export-after-withdrawal")
        result = cli_export(site)
        assert not cli_file.exists()
        assert list(site.rglob("*.md")) == []
        assert "1 removed" in result.stdout, result.stdout

        for who in (patient, moderator, publisher):
            assert who.dialogs == [] and who.xss_hit() is None, who.name

        # No personal data on the server's console.
        console = served.app.console()
        for secret in (*IDENTIFIERS, EMAIL, SIGNATURE, code):
            assert secret not in console, secret
    finally:
        for who in (patient, moderator, publisher):
            who.close()
    if update_docs:
        for name, path in shots.items():
            publish_screenshot(path, name)
