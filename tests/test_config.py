"""The settings table: one definition per setting, documented, with friendly errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stories.config import SETTINGS, SettingInvalid, get_settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()
_ROW = re.compile(r"^\| `(STORIES_[A-Z_]+)` \| (.*?) \|", re.M)


def test_every_setting_is_in_the_readme_table_with_its_default_and_nothing_else_is():
    section = README[README.index("## Configuration"):]
    section = section[:section.index("\n## ", 5)]
    documented = {env: default for env, default in _ROW.findall(section)}
    assert set(documented) == {s.env for s in SETTINGS}
    for setting in SETTINGS:
        expected = f"`{setting.default}`" if setting.default else "none"
        assert documented[setting.env] == expected, setting.env


def test_names_are_unique_and_every_setting_is_an_attribute():
    assert len({s.env for s in SETTINGS}) == len({s.attr for s in SETTINGS}) == len(SETTINGS)
    settings = get_settings()
    assert all(hasattr(settings, s.attr) for s in SETTINGS)


@pytest.mark.parametrize(("env", "bad"), [
    (s.env, "soon") for s in SETTINGS if s.default.isdigit()
] + [("STORIES_MODE", "staging"), ("STORIES_SANITIZER", "regex"),
     ("STORIES_MAIL_FROM", "a b@c"), ("STORIES_CHECK_URL", "ftp://x"),
     ("STORIES_TRUSTED_PROXY_HOPS", "-1")])
def test_a_bad_value_names_its_variable(monkeypatch, env, bad):
    monkeypatch.setenv(env, bad)
    with pytest.raises(SettingInvalid, match=env):
        get_settings()


def test_secrets_are_never_in_the_settings_repr(monkeypatch):
    monkeypatch.setenv("STORIES_SMTP_PASSWORD", "hunter2-very-secret")
    monkeypatch.setenv("STORIES_ENCRYPTION_KEY", "a-key-nobody-may-see")
    shown = repr(get_settings())
    assert "hunter2" not in shown and "nobody-may-see" not in shown
