"""The patient's pages as a person meets them: in Chromium, on a desktop and on a
390×844 touch screen, by keyboard alone, and under axe-core (WCAG 2.1 A/AA).

One served app (`streamlit run server.py`) and one database for the module.
Assertions are about what is on screen *in the viewport*: right after Send the
thank-you and the receipt code are visible without scrolling, the filled form
is gone, a double press does not lose the code, the copy button works by tap.
Screenshots go to artifacts/browser/; with STORIES_UPDATE_SCREENSHOTS=1 they are
also copied to docs/screenshots/ (`patient-*.png`) for the README.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlmodel import func, select

from stories import receipts
from stories.db import transaction
from stories.models import Story
from tests import factories as f
from tests.browser_journey_util import (
    TIMEOUT_MS,
    XSS_HIT_TRAP,
    choose_radio,
    main_text,
    publish_screenshot,
    served_app,
    settle,
    shoot,
    tick,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

DESKTOP = {"viewport": {"width": 1100, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True,
         "device_scale_factor": 1}
THANKS = "Thank you. Your story has reached us safely."
CLOSE = "Close the receipt (the code is not shown again)"
SIGNATURE = "Imogen Keyboardperson"
STORY = ("For years I could not tell anyone about the pain. The dilators and the "
         "physiotherapy helped slowly, and one day it simply worked. You are not broken. ")
CODE = '[data-testid="stCode"] code'
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: axe rules that fail only on Streamlit's own markup, which the app cannot change.
#: Each is allowed only where it points (every node must be inside `where`).
STREAMLIT_VIOLATIONS = {
    "list": ('[data-testid="stSidebarNav"]',
             "Streamlit's sidebar menu puts <div> section wrappers directly inside its <ul> "
             "(stSidebarNavItems); the menu is Streamlit's, not ours. The patient pages also "
             "link to each other in the main area."),
    "listitem": ('[data-testid="stSidebarNav"]',
                 "The same sidebar menu: its <li> items sit in those <div> wrappers, not "
                 "directly in the <ul>."),
}
#: Where the Tab key may stop while a person fills the share form; never the honeypot.
HONEYPOT_LABEL = "Leave this empty"
DESCRIBE_FOCUS = """() => {
  const e = document.activeElement;
  if (!e) return {label: "", tag: ""};
  const visibleText = (node) => {  // its text without aria-hidden parts (icon ligatures)
    const copy = node.cloneNode(true);
    copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return copy.textContent;
  };
  const label = e.getAttribute("aria-label")
    || (e.labels && e.labels.length ? visibleText(e.labels[0]) : "") || visibleText(e) || "";
  return {label: label.replace(/\\s+/g, " ").trim(), tag: e.tagName, type: e.type || "",
          hidden: !!e.closest(".st-key-share_hp_box")};
}"""


#: The outline width (px) around the focused control, or its label for a hidden input.
FOCUS_RING = """() => {
  const e = document.activeElement;
  const shown = e.closest("label") || e;
  const style = getComputedStyle(shown);
  return style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth);
}"""


RECEIPT_HAS_FOCUS = """(() => {
  const e = document.activeElement;
  const thanks = !!e.closest('[data-testid="stAlert"]') && e.textContent.includes("reached us safely");
  return thanks || !!e.closest(
    '.st-key-share_receipt_code, .st-key-share_receipt_actions, .st-key-share_receipt_saved');
})()"""


class Served:
    def __init__(self, app, browser) -> None:
        self.app = app
        self.browser = browser

    def page(self, device: dict, path: str = "/"):
        """A new person (own context and Streamlit session) on `path`."""
        context = self.browser.new_context(**device, accept_downloads=True)
        context.set_default_timeout(TIMEOUT_MS)
        context.add_init_script(XSS_HIT_TRAP)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=self.app.url)
        page = context.new_page()
        page.goto(self.app.url + path, wait_until="domcontentloaded")
        settle(page)
        return page


@pytest.fixture(scope="module")
def served(request, tmp_path_factory):
    with served_app(request, tmp_path_factory.mktemp("browser-patient")) as (browser, app):
        yield Served(app, browser)


def picture(page, name: str, top=None) -> Path:
    """A viewport screenshot in artifacts/; in docs/screenshots/ too when asked to update them."""
    path = shoot(page, name, top=top)
    if os.environ.get("STORIES_UPDATE_SCREENSHOTS") == "1":
        publish_screenshot(path, name)
    return path


def stored() -> int:
    with transaction() as s:
        return s.exec(select(func.count()).select_from(Story)).one()


def in_viewport(page, locator) -> bool:
    """Whether all of `locator` is inside the visible viewport, as it is scrolled now."""
    box = locator.bounding_box()
    size = page.viewport_size
    return (box is not None and box["y"] >= 0 and box["x"] >= 0
            and box["y"] + box["height"] <= size["height"]
            and box["x"] + box["width"] <= size["width"])


def fill_share_form(page, body: str) -> None:
    """Fill what the form requires, by pointer (click or tap)."""
    page.get_by_label("Title", exact=True).fill("Not broken")
    page.get_by_label("Your story (up to 20,000 characters)", exact=True).fill(body)
    tick(page, "The clinic's website (required to publish your story)")
    choose_radio(page, "No, I have no connection with the clinic")
    tick(page, "I confirm that I am the patient who wrote this story, or their legally "
               "authorized representative, and that I have read this authorization.")
    tick(page, "I confirm that I am 18 or older.")
    page.get_by_label("Type your full name as your signature (never published)").fill(SIGNATURE)


def wait_for_receipt(page) -> str:
    page.get_by_text(THANKS).wait_for()
    settle(page)
    return page.locator(CODE).first.inner_text().strip()


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations that are ours (Streamlit's own, listed above, excepted)."""
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    ours = []
    for violation in result.response["violations"]:
        targets = [node["target"][0] for node in violation["nodes"]]
        known = STREAMLIT_VIOLATIONS.get(violation["id"])
        if known and all(page.evaluate("([css, where]) => !!document.querySelector(css)"
                                       "?.closest(where)", [t, known[0]]) for t in targets):
            continue
        ours.append(f"{violation['id']}: {violation['help']} at {targets[:3]}")
    return ours


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_receipt_is_in_view_after_send_and_survives_a_double_press(served, device):
    name = "phone" if device is PHONE else "desktop"
    page = served.page(device)
    assert page.title() == "Share your story · Patient stories"
    check_link = page.get_by_role("link", name="Already shared your story? Check my story")
    assert in_viewport(page, check_link)  # a labelled way to Check my story, not only "»"
    picture(page, f"patient-share-{name}")
    scroll_boxes = page.evaluate("""() => Array.from(document.querySelectorAll(
        '.st-key-share_terms, .st-key-share_terms *')).filter((e) =>
          ["auto", "scroll"].includes(getComputedStyle(e).overflowY)
          && e.scrollHeight > e.clientHeight + 1).length""")
    assert scroll_boxes == 0  # the authorization is read on the page, not in a scroll box
    assert page.get_by_text("You can revoke this at any time.").is_visible()
    before = stored()
    fill_share_form(page, STORY + name)
    send = page.get_by_role("button", name="Send my story")
    send.scroll_into_view_if_needed()
    box = send.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    for _ in range(2):  # an impatient double press
        page.touchscreen.tap(x, y) if device is PHONE else page.mouse.click(x, y)
        page.wait_for_timeout(120)
    code = wait_for_receipt(page)
    page.wait_for_timeout(1_500)  # any second press would have been answered by now
    settle(page)
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){7}", code), code
    assert stored() == before + 1
    assert page.locator(CODE).count() == 1 and page.locator(CODE).first.inner_text() == code
    assert in_viewport(page, page.get_by_text(THANKS))  # no scrolling needed
    # A screen reader goes on from the thanks, not from the top; if the impatient second
    # press landed on the receipt itself, the focus stays where she put it (the script
    # takes it only from the page's body), inside the receipt, never back at the top.
    page.wait_for_function(f"() => {RECEIPT_HAS_FOCUS}", timeout=20_000)
    assert in_viewport(page, page.locator(CODE).first)
    assert page.locator("textarea").count() == 0  # the filled form is gone
    assert SIGNATURE not in main_text(page)
    assert page.get_by_role("button", name="Send my story").count() == 0
    page.mouse.move(0, 0)  # no hover tooltip in the picture
    picture(page, f"patient-receipt-{name}")

    copy = page.get_by_role("button", name="Copy to clipboard")
    assert copy.is_visible() and in_viewport(page, copy)  # shown without hover
    copy.tap() if device is PHONE else copy.click()
    page.wait_for_timeout(300)
    assert page.evaluate("() => navigator.clipboard.readText()") == code
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my code").click()
    assert code in download.value.path().read_text()
    assert download.value.suggested_filename == "receipt-code.txt"

    page.get_by_role("link", name="Check my story").last.click()  # the receipt's own link
    page.get_by_role("heading", name="Check my story").wait_for()
    settle(page)
    assert page.title() == "Check my story · Patient stories"
    assert page.get_by_label("Receipt code").input_value() == code  # ready, not masked
    assert page.get_by_label("Receipt code").get_attribute("type") == "text"
    picture(page, f"patient-check-{name}")
    page.get_by_role("button", name="Open my story").click()
    page.get_by_text("We have your story").wait_for()
    settle(page)
    page.locator('[data-testid="stMain"]').get_by_role("link", name="Share your story").click()
    page.get_by_text(THANKS).wait_for()
    settle(page)
    assert page.locator(CODE).first.inner_text() == code
    assert page.get_by_role("button", name=CLOSE).is_disabled()
    tick(page, "I have copied or downloaded my code")
    page.get_by_role("button", name=CLOSE).wait_for()
    settle(page)
    page.get_by_role("button", name=CLOSE).click()
    page.get_by_role("button", name="Send my story").wait_for()
    settle(page)
    assert page.locator(CODE).count() == 0
    assert page.get_by_label("Type your full name as your signature (never published)") \
        .input_value() == ""
    page.context.close()


def tab_to(page, label: str, seen: list[dict], limit: int = 60) -> dict:
    """Press Tab until the element named `label` has focus; every stop goes to `seen`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(DESCRIBE_FOCUS)
        seen.append(focus)
        if focus["label"] == label:
            return focus
    raise AssertionError(f"Tab never reached {label!r}: {[s['label'][:40] for s in seen]}")


def test_share_and_check_by_keyboard_alone(served):
    page = served.page(DESKTOP)
    seen: list[dict] = []
    tab_to(page, "Title", seen)
    page.keyboard.type("Not broken")
    tab_to(page, "Your story (up to 20,000 characters)", seen)
    page.keyboard.type(STORY + "keyboard")
    tab_to(page, "The clinic's website (required to publish your story)", seen)
    assert page.evaluate(FOCUS_RING) >= 3  # a ring a sighted keyboard user can see
    page.keyboard.press("Space")
    tab_to(page, "No, I have no connection with the clinic", seen)
    page.keyboard.press("Space")
    tab_to(page, "I confirm that I am the patient who wrote this story, or their legally "
                 "authorized representative, and that I have read this authorization.", seen)
    page.keyboard.press("Space")
    tab_to(page, "I confirm that I am 18 or older.", seen)
    page.keyboard.press("Space")
    tab_to(page, "Type your full name as your signature (never published)", seen)
    page.keyboard.type(SIGNATURE)
    tab_to(page, "Send my story", seen)
    assert not [s for s in seen if s["hidden"] or s["label"] == HONEYPOT_LABEL]  # never the trap
    page.keyboard.press("Enter")
    code = wait_for_receipt(page)
    assert in_viewport(page, page.locator(CODE).first)

    tab_to(page, "Copy to clipboard", seen)
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("() => navigator.clipboard.readText()") == code
    tab_to(page, "Check my story", seen)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Check my story").wait_for()
    settle(page)

    # Another visit, typing the code loosely: lower case, spaces instead of dashes.
    page = served.page(DESKTOP, "/check")
    tab_to(page, "Receipt code", seen := [])
    page.keyboard.type(code.lower().replace("-", " "))
    tab_to(page, "Open my story", seen)
    page.keyboard.press("Space")
    page.get_by_text("We have your story").wait_for()
    settle(page)
    tab_to(page, "What has happened so far", seen)
    page.keyboard.press("Enter")
    timeline = page.get_by_text("You shared your story.")
    timeline.wait_for()
    assert re.search(r"\d{1,2} [A-Z][a-z]+ \d{4}: You shared your story\.", main_text(page))
    page.context.close()


def test_the_honeypot_is_invisible_and_takes_no_room(served):
    page = served.page(DESKTOP)
    trap = page.locator(".st-key-share_hp_box input")
    assert trap.count() == 1 and not trap.is_visible()
    box = page.evaluate("() => document.querySelector('.st-key-share_hp_box').getBoundingClientRect().height")
    assert box == 0
    assert "Send my story" in page.locator("body").aria_snapshot()
    assert HONEYPOT_LABEL not in page.locator("body").aria_snapshot()  # not for screen readers
    page.context.close()


def test_axe_finds_no_violation_of_ours_on_any_patient_page(served):
    moderator = f.staff("moderator")
    signing = f.submit(title="Awaiting her approval", body=f.BODY + " Axe.")
    f.to_awaiting_signoff(signing, moderator)
    found = {}

    page = served.page(DESKTOP)
    found["share form"] = axe_violations(page)
    page.get_by_role("button", name="Send my story").click()  # empty: every problem shown
    page.get_by_text("Please fill in your title.").wait_for()
    settle(page)
    found["share form with problems"] = axe_violations(page)
    picture(page, "patient-share-problems-desktop",
            top=page.get_by_role("heading", name="Share your story"))
    fill_share_form(page, STORY + "axe")
    page.get_by_role("button", name="Send my story").click()
    code = wait_for_receipt(page)
    found["receipt"] = axe_violations(page)

    page = served.page(PHONE, "/check")
    found["check (phone)"] = axe_violations(page)
    page.get_by_label("Receipt code").fill(receipts.grouped(code))
    page.get_by_role("button", name="Open my story").click()
    page.get_by_text("We have your story").wait_for()
    settle(page)
    found["her story"] = axe_violations(page)

    page = served.page(DESKTOP, "/check")
    page.get_by_label("Receipt code").fill(signing.code)
    page.get_by_role("button", name="Open my story").click()
    page.get_by_text("The text we would like to publish").wait_for()
    settle(page)
    assert main_text(page).count("physiotherapy helped") == 1  # the text once, with changes
    found["sign-off"] = axe_violations(page)
    assert found == {name: [] for name in found}


def test_on_a_phone_she_reads_an_excerpt_in_full_and_approves_it_by_keyboard(served):
    """The words the clinic wants to quote are on her screen, whole, before she approves them."""
    from moderation import excerpts as staff_excerpts
    from stories.distribution.excerpts import for_patient

    words = "The dilators and the physio finally helped, slowly, one week at a time."
    moderator = f.staff("moderator", "excerpt-moderator")
    receipt = f.submit(title="Quoted one day", body=f.BODY + " " + words,
                       channels=["website", "excerpts"])
    f.to_approved(receipt, moderator)
    with transaction() as s:
        public_id = s.get(Story, receipt.story_id).public_id
        staff_excerpts.propose(public_id, words, who=moderator, session=s)

    page = served.page(PHONE, "/check")
    page.get_by_label("Receipt code").fill(receipt.code)
    page.get_by_role("button", name="Open my story").click()
    heading = page.get_by_role("heading", name="Short excerpts the clinic would like to use")
    heading.wait_for()
    settle(page)
    quote = page.locator("blockquote.excerpt").filter(has_text=words)
    quote.scroll_into_view_if_needed()
    assert in_viewport(page, quote) and quote.inner_text().strip() == words
    assert axe_violations(page) == []
    approve = page.get_by_role("button", name="I approve this excerpt")
    approve.focus()
    page.keyboard.press("Enter")
    page.get_by_text("You approved the excerpt").wait_for()
    page.get_by_text("Excerpts you approved").wait_for()  # the rerun draws the list after the notice
    assert page.get_by_text("Excerpts you approved").is_visible()
    with transaction() as s:
        assert for_patient(receipt.code, session=s)[0].status == "signed off"
    page.context.close()
