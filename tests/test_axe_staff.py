"""axe-core (WCAG 2.1 A and AA) on every staff page, in Chromium, against the served app.

Each page is checked in the state a person works it in: the login form, the
queue with stories, the review screen with findings, the export page after an
export with a file to remove, the admin page with an account chosen.  The test
fails on any violation that is ours.  Violations in Streamlit's own markup
that a page cannot change are listed in `KNOWN_STREAMLIT`, each with the rule,
the element it concerns and the reason; anything else fails.

Also saves desktop screenshots of the review screen and the export page
(artifacts/browser/; with STORIES_UPDATE_SCREENSHOTS=1 also docs/screenshots/).
"""

from __future__ import annotations

import os
import re
from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe

from moderation import excerpts as staff_excerpts
from moderation import takedowns as staff_takedowns
from stories import patient
from stories.db import transaction
from stories.models import Story
from tests import factories as f
from tests.browser_journey_util import (
    Visitor,
    act_and_wait,
    choose_option,
    publish_screenshot,
    served_app,
    settle,
    shoot,
)
from tests.staff_browser_util import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
DESKTOP = {"width": 1440, "height": 900}
EXCERPT = "I used a set of dilators every evening, starting with the smallest size."

#: (axe rule id, data-testid of the Streamlit element the failing node is inside)
#: -> why it is Streamlit's own markup, not ours.  Anything not listed fails.
KNOWN_STREAMLIT: dict[tuple[str, str], str] = {
    ("list", "stSidebarNav"):
        "Streamlit's sidebar menu (st.navigation) wraps each section's links in <div>s "
        "directly inside its <ul>; the menu is drawn by Streamlit's frontend and a page "
        "cannot change its markup.",
    ("listitem", "stSidebarNav"):
        "The same menu: its <li> items sit in those <div>s, not directly in the <ul>.",
}

_INSIDE = """([selector, testid]) => {
  const node = document.querySelector(selector);
  return !!(node && node.closest(`[data-testid="${testid}"]`));
}"""


def known(page, rule: str, target: str) -> str | None:
    """The reason a violation on `target` is Streamlit's own, or None if it is ours."""
    return next((why for (r, testid), why in KNOWN_STREAMLIT.items()
                 if r == rule and page.evaluate(_INSIDE, [target, testid])), None)


_OPAQUE = """() => [...document.querySelectorAll('[data-testid="stElementContainer"], .stElementContainer')]
  .every((element) => getComputedStyle(element).opacity === "1")"""


def steady(page) -> None:
    """Settled, and every element faded back in after a rerun.

    Streamlit dims stale elements and fades them back with a transition; axe
    measuring contrast mid-fade would blame our colours for Streamlit's animation.
    """
    settle(page)
    page.wait_for_function(_OPAQUE, timeout=30_000, polling=100)


def our_violations(page) -> list[str]:
    """Every WCAG 2.1 A/AA violation on the page that is not a listed Streamlit one."""
    steady(page)
    results = Axe().run(page, options=AXE_OPTIONS)
    ours = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            target = " ".join(map(str, node["target"]))
            if known(page, violation["id"], target) is None:
                ours.append(f"{violation['id']} ({violation['impact']}): {target} "
                            f"{node.get('failureSummary', '')[:160]} {node.get('html', '')[:200]}")
    return ours


@pytest.fixture(scope="module")
def served(request, tmp_path_factory):
    """A migrated database with stories in every state the pages show, the app, Chromium."""
    workdir = tmp_path_factory.mktemp("axe-staff")

    def seed(mp) -> None:
        mp.setenv("STORIES_SITE_DIR", str(workdir / "site" / "_stories"))
        for role in ("moderator", "publisher", "admin"):
            f.staff(role, f"axe-{role}")
        moderator = f.staff("moderator", "axe-helper")
        f.submit(title="A story to review",
                 body=f.BODY + " Later dave and Maria drove to Leeds again on 4 June 2021. "
                 "I am a teacher and I was 34 then.")
        gone = f.submit(title="Published then withdrawn", body=f.BODY + " Withdrawn later.")
        f.to_approved(gone, moderator)
        f.to_approved(f.submit(title="Published", body=f.BODY + " Still published."), moderator)
        quoted = f.submit(title="Quoted", body=f.BODY + " Quoted later.",
                          channels=["website", "excerpts", "newsletter"])
        f.to_approved(quoted, moderator)
        with transaction() as s:
            public_id = s.get(Story, quoted.story_id).public_id
            staff_excerpts.propose(public_id, EXCERPT, who=moderator, session=s)
            staff_takedowns.record_use(public_id, "newsletter", "winter newsletter",
                                       date.today(), who=moderator, session=s)
        with transaction() as s:
            patient.withdraw(gone.code, session=s)

    with served_app(request, workdir, seed) as served:
        yield served


def visitor(served) -> Visitor:
    browser, app = served
    person = Visitor(browser, app.url, "axe")
    person.context.close()  # the same, at desktop size
    person.context = browser.new_context(viewport=DESKTOP)
    person.context.set_default_timeout(90_000)
    person.page = person.context.new_page()
    return person


def check(page, name: str) -> None:
    """Assert the page has no violation of ours; the title names the page."""
    settle(page)
    assert re.match(rf"{name} · Clinic staff$", page.title()), page.title()
    assert our_violations(page) == [], name


def publish(path, name: str) -> None:
    if os.environ.get("STORIES_UPDATE_SCREENSHOTS") == "1":
        publish_screenshot(path, name)


def test_login_page(served):
    person = visitor(served)
    try:
        page = person.open("/login")
        check(page, "Staff login")
    finally:
        person.close()


def test_queue_and_review_pages(served):
    person = visitor(served)
    try:
        page = sign_in(person, "axe-moderator")
        person.nav("Queue")
        check(page, "Queue")
        choose_option(page, "Story to review", re.compile("^A story to review"), typed="A story",
                      within=".st-key-queue_choice")
        act_and_wait(page, page.locator(".st-key-queue_open button").click,
                     re.compile(r"Detected identifiers \(\d+\)"))
        check(page, "Review")
        publish(shoot(page, "staff-review", top=page.get_by_role("heading", name="Review")),
                "review-screen")
        publish(shoot(page, "staff-review-findings",
                      top=page.get_by_role("heading", name="Current text")), "review-findings")
        page.get_by_role("tab", name="Reject").click()
        page.get_by_role("button", name="Reject…").wait_for()
        assert our_violations(page) == []
    finally:
        person.close()


def test_export_page(served):
    person = visitor(served)
    try:
        page = sign_in(person, "axe-publisher")
        person.nav("Export")
        check(page, "Export")
        act_and_wait(page, page.get_by_role("button", name="Export now").click,
                     re.compile(r"To remove from the site \(1\)"))
        check(page, "Export")
        publish(shoot(page, "staff-export", top=page.get_by_role("heading", level=1)),
                "export-page")
    finally:
        person.close()


def test_admin_page(served):
    person = visitor(served)
    try:
        page = sign_in(person, "axe-admin")
        person.nav("Admin")
        check(page, "Admin")
        choose_option(page, "Account to change", "axe-moderator")
        page.get_by_role("button", name="Disable axe-moderator").wait_for()
        settle(page)
        assert our_violations(page) == []
    finally:
        person.close()


def test_takedowns_page(served):
    person = visitor(served)
    try:
        page = sign_in(person, "axe-moderator")
        person.nav("Takedowns")
        check(page, "Takedowns")
        page.get_by_text("A use of a short excerpt is recorded on the Excerpts page").wait_for()
    finally:
        person.close()


def test_excerpts_page(served):
    person = visitor(served)
    try:
        page = sign_in(person, "axe-moderator")
        person.nav("Excerpts")
        check(page, "Excerpts")
        assert page.get_by_text(EXCERPT).first.is_visible()  # the proposed words, as written
    finally:
        person.close()
