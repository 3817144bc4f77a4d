"""One field of a patient's (or a moderator's) text, made ready to store.

Every path that stores words (the share form, the patient's and the
moderator's edits, comments and messages, imports, re-confirmation) uses these
rules: normalize Unicode and control characters (`stories.textnorm`), enforce
the size limit with a message that never quotes the text, and nothing else.
A patient's words are kept exactly as typed; markup is escaped where shown.
"""

from __future__ import annotations

from stories.config import MAX_BODY_CHARS, MAX_COMMENT_CHARS, MAX_TITLE_CHARS
from stories.errors import InvalidInput
from stories.textnorm import TextTooLong, check_length, normalize_line, normalize_text

MIN_BODY_CHARS = 40


def clean_line(value: str, limit: int, label: str, required: bool = True) -> str:
    """One-line field: normalized (whitespace runs become one space), bounded.

    Markup-like text is kept as typed; it is escaped where it is shown.
    `label` is a noun for messages: "Your {label} is ... characters long".
    """
    text = normalize_line(value or "")
    try:
        check_length(text, limit, label)
    except TextTooLong as exc:
        raise InvalidInput(str(exc)) from exc
    if required and not text:
        raise InvalidInput(f"Please fill in your {label}.")
    return text


def clean_story(title: str, body: str) -> tuple[str, str]:
    """Normalize and bound a title and a body; their words are kept as typed."""
    title = clean_line(title, MAX_TITLE_CHARS, "title")
    body = normalize_text(body or "")
    try:
        check_length(body, MAX_BODY_CHARS, "story")
    except TextTooLong as exc:
        raise InvalidInput(str(exc)) from exc
    body = body.strip()
    if len(body) < MIN_BODY_CHARS:
        raise InvalidInput(f"Your story needs at least {MIN_BODY_CHARS} characters.")
    return title, body


def clean_comment(value: str, label: str = "comment") -> str:
    """Normalize and bound a free-text comment or message."""
    text = normalize_text(value or "").strip()
    try:
        check_length(text, MAX_COMMENT_CHARS, label)
    except TextTooLong as exc:
        raise InvalidInput(str(exc)) from exc
    return text
