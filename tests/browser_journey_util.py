"""Helpers for the real-browser tests (journey, sessions, patient, axe); no tests of its own.

`served_app` gives a module its fresh database, `streamlit run server.py` on
it and Chromium.

Streamlit re-runs the whole script after every interaction, over a websocket,
then draws the new elements.  `settle` waits until a run is over and every
widget is drawn (no loading skeletons); `act_and_wait` does one interaction
and waits for the text that proves it went through, then settles.  Timeouts
are generous: the machine is small and shared.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import point_at_fresh_database
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser_util import launch_chromium
from tests.server_util import running_app

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts" / "browser"
DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1100, "height": 900}
TIMEOUT_MS = 90_000  # one Streamlit rerun on a busy 2-core machine can take a while

#: Records any dialog a script tries to open (alert/confirm/prompt), instead of opening it.
XSS_HIT_TRAP = """
(() => {
  for (const name of ["alert", "confirm", "prompt"]) {
    try {
      window[name] = function () { window.__xss_hit = true; return null; };
    } catch (e) {}
  }
})();
"""

_SETTLED = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app
    && app.getAttribute("data-test-script-state") === "notRunning"
    && app.getAttribute("data-test-connection-state") === "CONNECTED"
    && !document.querySelector('[data-testid="stSkeleton"]')
    && !document.querySelector('[data-stale="true"]');
}
"""


def launch_browser():
    """Headless Debian Chromium (`browser_util.launch_chromium`, plus two quiet flags)."""
    return launch_chromium(("--disable-sync", "--disable-quic"))


@contextmanager
def served_app(request, workdir: Path,
               setup: Callable[[pytest.MonkeyPatch], None] | None = None):
    """A fresh, migrated database in `workdir`, the app served on it, and Chromium.

    Yields (browser, app).  `setup(mp)` runs once the database exists and
    before the server starts: extra settings (`mp.setenv`) and seed rows.  The
    environment is restored afterwards; skipped with a message without Chromium.
    """
    with pytest.MonkeyPatch.context() as mp:
        point_at_fresh_database(request, workdir, mp.setenv)
        if setup is not None:
            setup(mp)
        with launch_browser() as browser, running_app(workdir) as app:
            yield browser, app


class Visitor:
    """One person in their own browser context (own cookies, own Streamlit session).

    Every page carries `XSS_HIT_TRAP`; every dialog is recorded in `dialogs`
    and dismissed.
    """

    def __init__(self, browser, base_url: str, name: str) -> None:
        self.base_url = base_url
        self.name = name
        self.context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
        self.context.set_default_timeout(TIMEOUT_MS)
        self.context.add_init_script(XSS_HIT_TRAP)
        self.dialogs: list[str] = []
        self.context.on("page", self._watch)
        self.page: Page = self.context.new_page()

    def _watch(self, page: Page) -> None:
        page.on("dialog", self._on_dialog)

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}:{dialog.message[:80]}")
        dialog.dismiss()

    def open(self, path: str = "/") -> Page:
        """Load `path` fresh (a new Streamlit session) and wait until it is drawn."""
        self.page.goto(self.base_url + path, wait_until="domcontentloaded")
        settle(self.page)
        return self.page

    def nav(self, title: str) -> Page:
        """Click `title` in the sidebar menu (same Streamlit session) and wait."""
        link = self.page.locator('[data-testid="stSidebarNav"] a', has_text=title)
        link.first.click()
        self.page.get_by_role("heading", level=1).first.wait_for()
        settle(self.page)
        return self.page

    def xss_hit(self):
        return self.page.evaluate("() => window.__xss_hit")

    def close(self) -> None:
        self.context.close()


def settle(page: Page, timeout: float = TIMEOUT_MS) -> None:
    """Wait until no script run is going on and every element is drawn."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_function(_SETTLED, timeout=timeout, polling=200)
    page.wait_for_timeout(150)  # a run that was just requested flips the state a moment later
    page.wait_for_function(_SETTLED, timeout=timeout, polling=200)


def act_and_wait(page: Page, action, expected: str | re.Pattern, timeout: float = TIMEOUT_MS) -> None:
    """Do `action()`, then wait for the text `expected` and for the run to end."""
    action()
    page.get_by_text(expected).first.wait_for(timeout=timeout)
    settle(page, timeout)


def click_button(page: Page, name: str, expected: str | re.Pattern) -> None:
    """Click the button named exactly `name`; wait for `expected`."""
    button = page.get_by_role("button", name=name, exact=True)
    act_and_wait(page, button.click, expected)


def tick(page: Page, label: str) -> None:
    """Tick a Streamlit checkbox by its label (the real input is visually hidden)."""
    box = page.get_by_role("checkbox", name=label, exact=True)
    if not box.is_checked():
        page.locator('[data-testid="stCheckbox"]', has_text=label).locator("label").click()
    assert box.is_checked(), label


def choose_radio(page: Page, option: str) -> None:
    """Choose the radio option labelled `option`."""
    radio = page.get_by_role("radio", name=option, exact=True)
    page.locator('[data-testid="stRadio"] label', has_text=option).first.click()
    assert radio.is_checked(), option


def choose_option(page: Page, label: str, option: str | re.Pattern, typed: str = "",
                  within: str = "") -> None:
    """Pick `option` in the selectbox or multiselect labelled `label`.

    `within` (a CSS selector such as ".st-key-queue_choice") narrows the search
    when a page has two widgets with the same label.  Typing `typed` first filters
    the list.
    """
    scope = page.locator(within) if within else page
    box = scope.get_by_role("combobox", name=label, exact=True)
    choice = page.get_by_role("option", name=option, exact=isinstance(option, str)).first
    for attempt in range(3):  # the list can close by itself while a rerun redraws the page
        box.click()
        if typed:
            box.press("ControlOrMeta+a")  # replace whatever the box shows
            box.press_sequentially(typed, delay=30)
        try:
            choice.click(timeout=15_000)
            break
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
            settle(page)
    listbox = page.get_by_role("listbox", name=label)
    if listbox.count() and listbox.first.is_visible():
        page.keyboard.press("Escape")


def open_expander(page: Page, title: str):
    """Open the expander titled `title` (if it is closed); return its locator."""
    expander = page.locator('[data-testid="stExpander"]', has=page.locator("summary", has_text=title))
    details = expander.locator("details").first
    if not details.evaluate("(element) => element.open"):
        expander.locator("summary").first.click()
    page.wait_for_function("(element) => element.open", arg=details.element_handle())
    return expander


def shoot(page: Page, name: str, top=None) -> Path:
    """Save a viewport screenshot as artifacts/browser/`name`.png.

    `top`: a locator to scroll to the top of the view first.
    """
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if top is not None:
        top.first.evaluate("(element) => element.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(200)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def publish_screenshot(source: Path, name: str, limit: int = 200_000) -> Path:
    """Copy an artifact to docs/screenshots/`name`.png, palette-reduced if over `limit` bytes."""
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = DOCS_SCREENSHOTS / f"{name}.png"
    shutil.copyfile(source, target)
    if target.stat().st_size > limit:
        from PIL import Image

        with Image.open(source) as image:
            image.convert("RGB").quantize(colors=128).save(target, optimize=True)
    assert target.stat().st_size < limit, target
    return target


def zip_members(data: bytes) -> dict[str, str]:
    """The files in a zip, as text."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def front_matter(markdown: str) -> tuple[dict[str, str], str]:
    """(`key: value` pairs of the leading `---` block, the rest), for Jekyll/Hugo files."""
    match = re.match(r"\A---\n(.*?)\n---\n(.*)\Z", markdown, re.S)
    assert match, markdown[:300]
    pairs = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and not line.startswith((" ", "-")):
            pairs[key.strip()] = value.strip().strip('"')
    return pairs, match.group(2)


def main_text(page) -> str:
    """The main area's text (no sidebar)."""
    return page.locator('[data-testid="stMain"]').inner_text()


def menu_titles(page) -> list[str]:
    """The page titles in the sidebar menu (without the icons' ligature names)."""
    return page.evaluate("""() => Array.from(
        document.querySelectorAll('[data-testid="stSidebarNav"] a'), (link) => {
          const copy = link.cloneNode(true);
          copy.querySelectorAll('[data-testid="stIconMaterial"]').forEach((icon) => icon.remove());
          return copy.textContent.trim();
        })""")
