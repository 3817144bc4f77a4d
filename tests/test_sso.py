"""Optional OIDC single sign-on: identity comes from the provider, access from an account."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from moderation.login import identity_for_sso
from stories.db import transaction
from tests import factories as f
from tests.test_app_support import APP

AUTH_SECRETS = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret-test-cookie-secret",
    "client_id": "stories",
    "client_secret": "not-a-real-secret",
    "server_metadata_url": "https://sso.clinic.invalid/.well-known/openid-configuration",
}


def test_sso_user_gets_only_the_role_of_a_matching_active_account(db_url):
    f.staff("moderator", "nurse.kelly@clinic.example")
    with transaction() as s:
        who = identity_for_sso("Nurse.Kelly@clinic.example", True, session=s)
        assert who.role == "moderator"
        assert identity_for_sso("nurse.kelly@clinic.example", False, session=s) is None
        assert identity_for_sso("stranger@clinic.example", True, session=s) is None
        assert identity_for_sso(None, True, session=s) is None


def test_login_page_offers_sso_only_when_configured(db_url, monkeypatch):
    import app_pages.common

    monkeypatch.setattr(app_pages.common, "_cookie", {"stories_browser": "b"}.get)
    f.staff("moderator", "mod")
    plain = AppTest.from_file(str(APP), default_timeout=30)
    plain.run()
    plain.switch_page("app_pages/login.py").run()
    assert not [b for b in plain.button if "single sign-on" in b.label]
    sso = AppTest.from_file(str(APP), default_timeout=30)
    sso.secrets["auth"] = AUTH_SECRETS
    sso.run()
    sso.switch_page("app_pages/login.py").run()
    assert [b for b in sso.button if "single sign-on" in b.label]
    assert any('action="/auth/login"' in h.value for h in sso.html)  # passwords work beside it
