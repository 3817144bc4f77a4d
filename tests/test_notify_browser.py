"""In a real browser: she opts in, the sign-off message reaches a real SMTP server, she follows
it and signs off.

A real `streamlit run server.py`, Debian's Chromium through Playwright (skipped
with a message when /usr/bin/chromium is missing), aiosmtpd on 127.0.0.1, and
`python -m stories notify send` as the sender.  The moderator's steps go
through the service layer: the browser journey of staff pages is covered in
`test_browser_journey.py`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import point_at_fresh_database
from sqlmodel import select

from stories.db import transaction
from stories.models import ContactPreference, Story
from stories.submission import Receipt
from tests import factories as f
from tests.browser_journey_util import (
    ROOT,
    Visitor,
    click_button,
    launch_browser,
    main_text,
    shoot,
    tick,
)
from tests.server_util import running_app
from tests.smtp_server import SmtpServer, body
from tests.test_browser_journey import share_story

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]
EMAIL = "rose.journey@example.org"  # what `share_story` types as the contact email
OPTIN = "Email me when there is news about my story"


def notify_send(env: dict) -> str:
    """`python -m stories notify send` against the test database; its output."""
    result = subprocess.run([sys.executable, "-m", "stories", "notify", "send"], cwd=ROOT,
                            env={**os.environ, **env}, capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_opt_in_receive_the_sign_off_message_follow_it_and_sign_off(request, tmp_path):
    mail = SmtpServer().start()
    try:
        with pytest.MonkeyPatch.context() as mp:
            point_at_fresh_database(request, tmp_path, mp.setenv)
            mp.setenv("STORIES_SMTP_URL", mail.url)
            with launch_browser() as browser, running_app(tmp_path) as app:
                mp.setenv("STORIES_CHECK_URL", f"{app.url}/check")
                _journey(browser, app, mail)
    finally:
        mail.stop()


def _journey(browser, app, mail: SmtpServer) -> None:
    patient = Visitor(browser, app.url, "patient")
    try:
        page = patient.open("/")
        page.get_by_label("Title", exact=True).wait_for()
        tick(page, OPTIN)
        code = share_story(page, "Slowly, then all at once", f.BODY, "n1")
        with transaction() as s:
            story = s.exec(select(Story)).one()
            assert s.get(ContactPreference, story.id).notify is True
        receipt = Receipt(code=code, public_id=story.public_id, story_id=story.id)
        f.to_awaiting_signoff(receipt, f.staff("moderator", "mod"))

        output = notify_send({"STORIES_CHECK_URL": os.environ["STORIES_CHECK_URL"]})
        assert "sent 2," in output  # the confirmation of her opt-in, then the news
        confirmation, message = mail.to(EMAIL)
        assert confirmation["Subject"] == "Email notices about the story you shared"
        text = body(message)
        assert message["Subject"] == "News about the story you shared"
        assert "Slowly" not in text and "Rose" not in text
        link = re.search(r"https?://\S+/check", text).group(0)

        page.goto(link, wait_until="domcontentloaded")
        page.get_by_label("Receipt code").wait_for()
        page.get_by_label("Receipt code").fill(code)
        click_button(page, "Open my story", "The text we would like to publish")
        click_button(page, "I approve this exact text", "Thank you. You approved the text")
        shoot(page, "n2-signed-off-after-the-email")
        assert "You approved the final text" in main_text(page)
        with transaction() as s:
            assert s.get(Story, story.id).status == "signed off"
        assert EMAIL not in app.console() and code not in app.console()
    finally:
        patient.close()
