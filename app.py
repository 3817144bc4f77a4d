"""Streamlit entry point: start-up checks, first-admin setup code, navigation.

Run with `./run` (or `streamlit run app.py`).  Public pages are always in
the menu; staff pages appear only for a signed-in account whose role allows
them.  Every staff page still checks the role itself on every run, because
any page can be opened by its URL.
"""

from __future__ import annotations

import os

import streamlit as st

from app_pages.common import current_identity, inject_style
from app_pages.navigation import menu
from app_pages.setup_code import SETUP_ANNOUNCED, announce_setup_code
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
def announce_once(database_url: str) -> bool:
    """Once per process and database, print a first-admin code if no staff exist.

    `server.py` prints one at start-up and sets `SETUP_ANNOUNCED`; then this
    prints nothing (`streamlit run app.py` has no such start-up hook).
    """
    if os.environ.get(SETUP_ANNOUNCED):
        return False
    return announce_setup_code()


st.set_page_config(page_title="Patient stories", page_icon=":material/favorite:",
                   layout="centered")
start_up_checks()
announce_once(get_settings().database_url)
inject_style()
st.navigation(menu(current_identity())).run()
