"""Helpers shared by the Streamlit `AppTest` tests (no tests of its own).

`app(...)` opens the real entry point on a page, optionally signed in as a
staff member; `fill_share` fills the patient's form; `screen_text` and
`html_bodies` collect what a visitor would see.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from factories import PASSWORD
from streamlit.components.v2.component_manager import BidiComponentManager
from streamlit.testing.v1 import AppTest

from moderation import passwords
from moderation.login import login
from stories.choices import TOPICS
from stories.db import transaction
from stories.distribution.channels import channels
from stories.models import Story

APP = Path(__file__).resolve().parent.parent / "app.py"
VALID_BODY = (
    "For years I could not talk about it. The physiotherapy and the dilators helped "
    "slowly, and my partner was patient with me. You are not broken."
)


@pytest.fixture
def fast_hashing(monkeypatch):
    """Cheap argon2 parameters: these tests are about pages, not password cost.

    Use with `pytestmark = pytest.mark.usefixtures("fast_hashing")`.
    """
    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024,
                                                        parallelism=1))


@cache
def _components() -> BidiComponentManager:
    """Scan installed Streamlit components once per test process, not per AppTest."""
    manager = BidiComponentManager()
    manager.discover_and_register_components(start_file_watching=False)
    return manager


def app(page: str | None = None, who=None, **state) -> AppTest:
    """The app, run once, then on `page` (e.g. "review"), as staff `who` if given.

    `state` is put in the session state first (e.g. review_story_id=3).
    """
    at = AppTest.from_file(str(APP), default_timeout=30)
    at._bidi_component_manager = _components()  # AppTest's own per-instance cache
    for key, value in state.items():
        at.session_state[key] = value
    if who is not None:
        with transaction() as s:
            at.session_state["staff_token"] = login(who.username, PASSWORD, session=s)
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def widget(elements, key: str):
    """The widget with `key` among `elements` (e.g. `at.text_input`)."""
    return next(w for w in elements if w.key == key)


def fill_share(at: AppTest, **overrides) -> None:
    """Fill the share form with a valid story; `overrides` by field name."""
    values = {
        "title": "Not broken", "body": VALID_BODY, "mode": "pseudonym", "name": "Rose",
        "tags": ["vaginismus"], "email": "", "website": True, "excerpts": False,
        "material": "none", "signer": "patient", "attest_identity": True,
        "attest_adult": True, "signature": "Jane Patient", "trap": "",
    }
    values.update(overrides)
    kinds = {"body": at.text_area, "mode": at.radio, "material": at.radio, "signer": at.radio,
             "attest_identity": at.checkbox, "attest_adult": at.checkbox}
    uses = set(channels())  # a channel's box is named after its key: website=False, newsletter=True
    for name, value in values.items():
        if name in uses:
            widget(at.checkbox, f"share_channel_{name}").set_value(value)
        elif name == "tags":
            for topic in TOPICS:
                widget(at.checkbox, f"share_topic_{topic}").set_value(topic in value)
        else:
            widget(kinds.get(name, at.text_input), f"share_{name}").set_value(value)


def press(at: AppTest, label: str) -> AppTest:
    """Click the button (or form submit button) labelled `label`, then re-run."""
    for button in at.button:
        if button.label == label:
            button.click()
            at.run()
            assert not at.exception, [e.value for e in at.exception]
            return at
    raise AssertionError(f"no button {label!r}: {[b.label for b in at.button]}")


def messages(at: AppTest, kind: str = "error") -> list[str]:
    """The texts of every st.error (or success, warning, info)."""
    return [e.value for e in getattr(at, kind)]


STYLESHEET = f"<style>{(APP.parent / 'app_pages' / 'style.css').read_text()}</style>"


def html_bodies(at: AppTest) -> list[str]:
    """Every piece of HTML the app let through: st.html and unsafe Markdown.

    The app's own stylesheet (a fixed file) is left out.
    """
    bodies = [h.value for h in at.html if h.value != STYLESHEET]
    bodies += [m.value for m in at.markdown if m.allow_html]
    return bodies


def screen_text(at: AppTest) -> str:
    """Everything a visitor could read on the page, as one string."""
    parts = [str(e.value) for name in ("markdown", "caption", "text", "code", "title",
                                       "header", "subheader", "error", "success", "info",
                                       "warning") for e in getattr(at, name)]
    parts += html_bodies(at)
    parts += [str(d.value) for d in at.dataframe]
    for name in ("selectbox", "multiselect", "radio"):
        for w in getattr(at, name):
            parts += [str(o) for o in w.options]
    parts += [str(w.value) for w in [*at.text_input, *at.text_area]]
    return "\n".join(parts)


def open_story(code: str) -> AppTest:
    """The "Check my story" page, opened with a receipt code."""
    at = app("check")
    widget(at.text_input, "check_code_input").set_value(code)
    return press(at, "Open my story")


def story(story_id: int) -> Story:
    """The story as stored now."""
    with transaction() as s:
        return s.get(Story, story_id)
