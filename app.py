"""Streamlit entry point: start-up checks, first-admin setup code, navigation.

Run with `./run` (or `streamlit run app.py`).  Public pages are always in
the menu; staff pages appear only for a signed-in account whose role allows
them.  Every staff page still checks the role itself on every run, because
any page can be opened by its URL.
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import current_identity, inject_style, run
from app_pages.navigation import menu
from moderation.auth import issue_setup_code
from stories.config import get_settings
from stories.crypto import KeyMissing, configured_keys
from stories.migrate import SchemaOutOfDate, require_current_schema


def start_up_checks() -> None:
    """Refuse to run on an out-of-date schema or without an encryption key."""
    try:
        require_current_schema()
        configured_keys()
    except (SchemaOutOfDate, KeyMissing) as exc:
        st.error(str(exc))
        st.stop()


@st.cache_resource(show_spinner=False)
def announce_setup_code(database_url: str) -> bool:
    """Once per server process and database: print a first-admin code if no staff exist."""
    code = run(issue_setup_code)
    if code:
        banner = "=" * 64
        print(f"\n{banner}\nFIRST-TIME SETUP: no staff account exists yet.\n"
              f"Open the app's 'Staff login' page and enter this one-time code:\n\n"
              f"    {code}\n\nIt works once and expires in 24 hours.\n{banner}\n", flush=True)
    return True


st.set_page_config(page_title="Patient stories", page_icon=":material/favorite:",
                   layout="centered")
start_up_checks()
announce_setup_code(get_settings().database_url)
inject_style()
st.navigation(menu(current_identity())).run()
