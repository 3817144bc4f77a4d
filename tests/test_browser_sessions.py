"""Staff sessions and private downloads in Chromium, against a real `streamlit run server.py`.

* logging in sets the HttpOnly session cookie in the same tab, with no
  extra button; the login survives a reload and reaches every tab;
* logging out in one tab signs out every tab of that browser;
* a login form (or its token) taken from another browser signs nobody in;
* the patient's authorization (with her signature) and the staff export zip
  reach only the browser they were offered to: nothing a page requested is
  fetchable anonymously.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urljoin

import pytest

from tests import factories as f
from tests.browser_journey_util import (
    Visitor,
    click_button,
    main_text,
    menu_titles,
    served_app,
    settle,
)
from tests.staff_browser_util import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]

SIGNED_IN_PROMPT = "Please sign in on the Staff login page to see this page."
SIGNATURE = "Philippa Z. Downloadwright"


@pytest.fixture(scope="module")
def served(request, tmp_path_factory):
    """A migrated database, `streamlit run server.py` on it, and Chromium."""
    with served_app(request, tmp_path_factory.mktemp("browser-sessions")) as served:
        yield served


def visitor(served, name: str) -> Visitor:
    browser, app = served
    return Visitor(browser, app.url, name)


def anonymous(url: str, data: bytes | None = None) -> str:
    """The body of a request with no cookies at all ('' for an error status)."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=20) as r:  # noqa: S310
            return r.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.read().decode(errors="replace")


def test_login_sets_the_cookie_in_the_same_tab_and_survives_a_reload(served):
    f.staff("moderator", "mod-reload")
    person = visitor(served, "moderator")
    try:
        pages_before = len(person.context.pages)
        page = sign_in(person, "mod-reload")
        assert len(person.context.pages) == pages_before  # no new tab
        assert "Queue" in menu_titles(page)
        cookies = {c["name"]: c for c in person.context.cookies()}
        cookie = cookies["stories_staff"]
        assert cookie["httpOnly"] is True and cookie["sameSite"] == "Strict", cookie
        page.reload(wait_until="domcontentloaded")  # a new Streamlit session: only the cookie
        settle(page)
        assert "Signed in as mod-reload (moderator)." in main_text(page)
        page = person.open("/queue")
        page.get_by_role("heading", name="Moderation queue").wait_for()
        readable = page.evaluate("() => document.cookie")
        assert cookie["value"] not in readable and "stories_" not in readable
    finally:
        person.close()


def test_logout_in_one_tab_signs_out_every_tab(served):
    f.staff("moderator", "mod-tabs")
    person = visitor(served, "moderator with two tabs")
    try:
        first = sign_in(person, "mod-tabs")
        second = person.context.new_page()
        second.goto(first.url.rsplit("/", 1)[0] + "/queue", wait_until="domcontentloaded")
        second.get_by_role("heading", name="Moderation queue").wait_for()
        settle(second)

        first.bring_to_front()
        first.get_by_role("button", name="Log out", exact=True).click()
        first.get_by_text("You are logged out.").wait_for()
        settle(first)
        assert "stories_staff" not in {c["name"] for c in person.context.cookies()}

        second.bring_to_front()  # the other tab, still drawn as signed in: one more click
        second.locator('[data-testid="stSidebarNav"] a', has_text="Review").first.click()
        second.get_by_text(SIGNED_IN_PROMPT).wait_for()
        settle(second)
        assert SIGNED_IN_PROMPT in main_text(second)
        second.reload(wait_until="domcontentloaded")
        settle(second)
        assert "Queue" not in menu_titles(second)
    finally:
        person.close()


def test_a_login_form_from_another_browser_signs_nobody_in(served):
    f.staff("moderator", "attacker")
    attacker = visitor(served, "attacker")
    victim = visitor(served, "victim")
    try:
        page = attacker.open("/login")
        token = page.locator('input[name="form_token"]').get_attribute("value")
        form = {"username": "attacker", "password": f.PASSWORD, "form_token": token}
        _, app = served

        # The victim's browser sends the attacker's form, token and all.
        victim.open("/login")
        sent = victim.context.request.post(app.url + "/auth/login", form=form, max_redirects=0)
        assert sent.status == 303 and "signin=expired" in sent.headers["location"]
        assert "stories_staff" not in {c["name"] for c in victim.context.cookies()}
        page = victim.open("/login")
        assert "Signed in as" not in main_text(page)
        assert page.get_by_label("Username", exact=True).is_visible()

        # The same form from the attacker's own browser works: the binding is what refused it.
        own = attacker.context.request.post(app.url + "/auth/login", form=form, max_redirects=0)
        assert own.status == 303 and "stories_staff" in own.headers.get("set-cookie", "")
    finally:
        attacker.close()
        victim.close()


def test_patient_authorization_reaches_only_her_browser(served):
    receipt = f.submit(signature=SIGNATURE)
    _, app = served
    patient = visitor(served, "patient")
    stranger = visitor(served, "stranger")
    try:
        page = patient.open("/check")
        page.get_by_label("Receipt code").fill(receipt.code)
        click_button(page, "Open my story", re.compile("We have your story|The clinic is reading"))
        requested: list[tuple[str, str]] = []
        patient.context.on("request", lambda r: requested.append((r.method, r.url)))
        button = page.get_by_role("button", name="Download a copy of my authorization")
        with page.expect_download() as download:
            button.click()
        with open(download.value.path(), encoding="utf-8") as file:
            assert SIGNATURE in file.read()  # she gets her copy
        fetched = {download.value.url, *(url for _, url in requested if url.startswith(app.url))}
        media = [urljoin(page.url, link) for link in page.evaluate(
            "() => Array.from(document.querySelectorAll('[href],[src]'),"
            " e => e.getAttribute('href') || e.getAttribute('src'))")
            if link and "/media/" in link and "/static/" not in link]
        for url in fetched | set(media):
            assert SIGNATURE not in anonymous(url), url  # no cookies: nothing personal
        token = page.locator('form[action="/download"] input[name="token"]').get_attribute("value")
        assert SIGNATURE not in anonymous(app.url + "/download", f"token={token}".encode())
        stranger.open("/check")
        other = stranger.context.request.post(app.url + "/download", form={"token": token})
        assert other.status == 404 and SIGNATURE not in other.text()
    finally:
        patient.close()
        stranger.close()


def test_the_export_zip_reaches_only_a_signed_in_publishers_browser(served):
    moderator = f.staff("moderator", "mod-export")
    approved = f.submit(title="Zip only for staff", body=f.BODY + " Zip.")
    f.to_approved(approved, moderator)
    f.staff("publisher", "pub-zip")
    _, app = served
    publisher = visitor(served, "publisher")
    try:
        page = sign_in(publisher, "pub-zip")
        publisher.nav("Export")
        click_button(page, "Export now", re.compile(r"^\d+ stor(y|ies) exported"))
        requested: list[str] = []
        publisher.context.on("request", lambda r: requested.append(r.url))
        with page.expect_download() as download:
            page.get_by_role("button", name="Download the zip").click()
        with open(download.value.path(), "rb") as file:
            assert approved.public_id.encode() in file.read()  # a zip naming the story
        for url in {download.value.url, *(u for u in requested if u.startswith(app.url))}:
            body = anonymous(url)
            assert not body.startswith("PK") and approved.public_id not in body, url

        other = publisher.context.new_page()  # log out in another tab
        other.goto(app.url + "/login", wait_until="domcontentloaded")
        other.get_by_role("button", name="Log out", exact=True).click()
        other.get_by_text("You are logged out.").wait_for()
        page.bring_to_front()
        with page.expect_navigation():  # the same button, signed out: no file, a short page
            page.get_by_role("button", name="Download the zip").click()
        assert "expired" in page.content() and approved.public_id not in page.content()
    finally:
        publisher.close()
