"""What every staff page shares for accessibility: its own title and readable captions.

* `staff_page(title)`: the browser tab names the page ("Review · Clinic staff"),
  so a screen-reader user and a person with eight tabs open know where they
  are (WCAG 2.4.2), instead of every page being "Patient stories".
* the styles it relies on (captions with at least 4.5:1 contrast, finding
  highlights with dark text, the legend) are in `style.css`, which the app
  adds to every page.
* `REVIEW_KEY`: the one session-state key that says which story the Review
  page shows.
* `label_words(words)`: words from a story made safe for a widget label
  (Streamlit renders labels as Markdown), so buttons can say which words
  they act on ("Redact “dave” (a person's name)").
"""

from __future__ import annotations

import re

import streamlit as st

SITE = "Clinic staff"
REVIEW_KEY = "review_story_id"  # session state: the story the Review page shows (the queue sets it)
_UNSAFE = re.compile(r"[^\w\s'’.,@-]|_")
MAX_LABEL_WORDS = 40


def staff_page(title: str, *, wide: bool = False) -> None:
    """Name the browser tab after the page ("Review · Clinic staff")."""
    st.set_page_config(page_title=f"{title} · {SITE}", layout="wide" if wide else "centered")


def label_words(words: str) -> str:
    """`words` with every Markdown-significant character removed, on one line, shortened."""
    cleaned = " ".join(_UNSAFE.sub("", words or "").split())
    if len(cleaned) > MAX_LABEL_WORDS:
        cleaned = cleaned[:MAX_LABEL_WORDS - 1].rstrip() + "…"
    return cleaned or "these words"
