"""Drive Debian's Chromium through Playwright, and catch any script that runs.

`playwright install` does not work here; the system Chromium is used instead.
Tests that need a browser call `launch_chromium()`; it skips the test with a
clear message when ``/usr/bin/chromium`` is missing.

`XSS_TRAP` is an init script for ``page.add_init_script``: every API a
payload would use to prove or exploit execution (dialogs, network, writing,
opening windows, string timers) records a hit in ``window.__xss`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)

XSS_TRAP = """
(() => {
  const hits = [];
  Object.defineProperty(window, "__xss", { value: hits, writable: false });
  // eval stays: Playwright evaluates through it; eval('alert(1)') still hits alert.
  const trap = (name) => function (...args) { hits.push(name + ":" + String(args[0]).slice(0, 80)); };
  for (const name of ["alert", "confirm", "prompt", "print", "open", "fetch",
                      "postMessage", "importScripts"]) {
    try { window[name] = trap(name); } catch (e) {}
  }
  for (const name of ["WebSocket", "EventSource", "Worker", "SharedWorker", "Image"]) {
    try { window[name] = trap(name); } catch (e) {}
  }
  document.write = trap("document.write");
  document.writeln = trap("document.writeln");
  XMLHttpRequest.prototype.open = trap("xhr");
  navigator.sendBeacon = trap("sendBeacon");
  for (const name of ["setTimeout", "setInterval"]) {
    const original = window[name];
    window[name] = function (handler, ...rest) {
      if (typeof handler === "string") { hits.push(name + ":" + handler.slice(0, 80)); return 0; }
      return original.call(window, handler, ...rest);
    };
  }
})();
"""

#: Elements or attributes that must not exist in the browser's own parse of a
#: page built from untrusted text.
DANGEROUS_DOM = """
() => {
  const found = [];
  const selector = "script,iframe,frame,object,embed,applet,form,style,svg,math,base,link,meta,"
                 + "a[href],img,video,audio,source,input,button,textarea,select,details,template";
  const all = (css) => Element.prototype.querySelectorAll.call(document.documentElement, css);
  for (const element of all(selector)) {
    found.push(element.outerHTML.slice(0, 120));
  }
  for (const element of all("body *")) {
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith("on") || attribute.name === "style") {
        found.push(element.tagName + "[" + attribute.name + "]");
      }
    }
  }
  return found;
}
"""


@contextmanager
def launch_chromium(extra_args: tuple[str, ...] = ()) -> Iterator[object]:
    """Yield a headless Playwright Chromium ``Browser``; skip if Chromium is absent."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); browser test skipped")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=[*CHROMIUM_ARGS, *extra_args]
        )
        try:
            yield browser
        finally:
            browser.close()


#: The address trapped pages are served from (never resolved: routed locally).
PAGE_URL = "https://xss-test.invalid/page.html"


class TrappedPage:
    """A page with `XSS_TRAP` installed and all network blocked and recorded.

    `load` serves a document from `PAGE_URL` through a local route (a real
    navigation, so the init script runs first) and returns every hit: trap
    calls, dialogs, any other request or navigation, and dangerous elements or
    attributes in the browser's own parse.  Inert text produces none.
    """

    def __init__(self, browser) -> None:
        self.page = browser.new_page()
        self.events: list[str] = []
        self._document = ""
        self.page.add_init_script(XSS_TRAP)
        self.page.on("dialog", self._on_dialog)
        self.page.route("**/*", self._route)

    def _on_dialog(self, dialog) -> None:
        self.events.append(f"dialog:{dialog.type}")
        dialog.dismiss()

    def _route(self, route) -> None:
        if route.request.url == PAGE_URL and route.request.is_navigation_request():
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=self._document)
        else:
            self.events.append(f"request:{route.request.url[:80]}")
            route.abort()

    def load(self, document: str, settle_ms: int = 150) -> list[str]:
        self.events.clear()
        self._document = document
        self.page.goto(PAGE_URL, wait_until="load")
        self.page.wait_for_timeout(settle_ms)
        self.page.mouse.move(5, 5)
        self.page.mouse.move(400, 300)
        hits = [f"navigated:{self.page.url[:80]}"] if self.page.url != PAGE_URL else []
        try:
            hits += self.page.evaluate("() => Array.from(window.__xss)")
            hits += [f"dom:{item}" for item in self.page.evaluate(DANGEROUS_DOM)]
        except PlaywrightError as error:  # a clobbered or hijacked page is a finding too
            hits.append(f"inspection failed: {str(error)[:120]}")
        return hits + self.events

    def close(self) -> None:
        self.page.close()
