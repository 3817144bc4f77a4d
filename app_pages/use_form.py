"""The fields and outcome of recording a use in the distribution ledger, shared by the
Takedowns page (a use of the whole story) and the Excerpts page (a use of an excerpt).

`place_fields(prefix)` draws where, when and a note inside the caller's form;
`record(fn, *args, who=...)` calls the service and shows how it went.  The
words are the clinic's, never the patient's: the service refuses personal data.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from app_pages.common import attempt, flash
from stories.distribution.ledger import MAX_NOTE, MAX_WHERE


def place_fields(prefix: str) -> tuple[str, date, str]:
    """Where, on which day and an optional note, with widget keys `{prefix}_where|_on|_note`."""
    where = st.text_input("Where (for example: spring leaflet, Instagram post)",
                          max_chars=MAX_WHERE, key=f"{prefix}_where")
    used_on = st.date_input("Used on", value=date.today(), max_value=date.today(),
                            key=f"{prefix}_on")
    note = st.text_input("Note for the clinic (optional; no names or contact details)",
                         max_chars=MAX_NOTE, key=f"{prefix}_note")
    return where, used_on, note


def record(fn, *args, who) -> None:
    """Call ledger service `fn`; on success start over with a confirmation, else say why."""
    used, refused = attempt(fn, *args, who=who)
    if used is not None:
        flash("The use is recorded in the ledger.")
        st.rerun()
    if refused is not None:
        st.error(str(refused))
