"""Her choice of uses: the list she reads, the boxes she ticks, and their record.

The share form offers one box per channel of `channels.channels()` (the
built-ins and the clinic's `STORIES_EXTRA_CHANNELS`), and the authorization
she reads lists the same channels in plain words (`uses_section`).

The list comes from the settings, which the clinic may change later, while
an authorization version's text (and its hash) must never change under past
patients.  So the list is not written into the version's text: each consent
records the list exactly as it was shown (`Consent.channels_shown`), and her
copy of the authorization (`stories.ledger`) is built from that record, not
from today's settings.  The form sends a fingerprint of the list she read;
a list that changed while she wrote is refused, as a new authorization
version is, so what is recorded is what she saw.
"""

from __future__ import annotations

import hashlib
import json
import re

from sqlmodel import Session, select

from stories.distribution.channels import (
    BUILT_IN,
    WEBSITE,
    UnknownChannel,
    allow_extra,
    channels,
)
from stories.errors import InvalidInput
from stories.models import Consent, ConsentChannel

WEBSITE_NEEDED = "To publish your story we need your permission for the website."
NOT_OFFERED = ("One of the uses you ticked is not offered any more. Please read the list "
               "again and tick your choices.")
LIST_CHANGED = ("The list of places where your story may be used was updated while you "
                "wrote. Please read it again and tick your choices.")
REQUIRED_NOTE = " (required to publish your story)"
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~])")


def offered() -> list[tuple[str, str]]:
    """(key, label) of every channel in table order: what the form lists and she ticks."""
    return [(c.key, c.label) for c in channels().values()]


def _as_record(pairs: list[tuple[str, str]]) -> str:
    return json.dumps([list(p) for p in pairs], ensure_ascii=False)


def fingerprint(pairs: list[tuple[str, str]]) -> str:
    """A short fingerprint of a list of uses: the form sends the one of the list she read."""
    return hashlib.sha256(_as_record(pairs).encode()).hexdigest()[:16]


def shown(consent: Consent) -> list[tuple[str, str]]:
    """The list of uses `consent` showed her (before 0009: the built-ins, all there was)."""
    if not consent.channels_shown:
        return [(c.key, c.label) for c in BUILT_IN]
    return [(str(key), str(label)) for key, label in json.loads(consent.channels_shown)]


def _plain(label: str) -> str:
    """A label as literal Markdown text (labels are the clinic's settings, not formatting)."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", label)


def uses_section(pairs: list[tuple[str, str]]) -> str:
    """The authorization's list of uses in plain words (Markdown), shown under its text."""
    items = [f"- {_plain(label)}{REQUIRED_NOTE if key == WEBSITE else ''}"
             for key, label in pairs]
    return "\n".join([
        "**Where your story may be used.** You choose each use with its own box below. The "
        "clinic uses your story only where you ticked, checks your permission again before "
        "every use, and you can stop any one use later on \"Check my story\":",
        "", *items])


def check_choice(keys: list[str]) -> list[str]:
    """The ticked keys without repeats; each must be offered now, and the website ticked."""
    if not isinstance(keys, list | tuple) or not all(isinstance(k, str) for k in keys):
        raise InvalidInput("The uses must be a list of channel names.")
    chosen = list(dict.fromkeys(keys))
    if any(key not in channels() for key in chosen):
        raise UnknownChannel(NOT_OFFERED)
    if WEBSITE not in chosen:
        raise InvalidInput(WEBSITE_NEEDED)
    return chosen


def record_choice(consent: Consent, keys: list[str], *, session: Session) -> None:
    """Record her ticks on `consent`, in the caller's transaction.

    Built-ins go in their own fields, every clinic-configured one through
    `allow_extra`, and the list she was shown in `channels_shown`.  `keys`
    must have passed `check_choice`.
    """
    table = channels()
    for found in table.values():
        if found.consent_field is not None:
            setattr(consent, found.consent_field, found.key in keys)
    consent.channels_shown = _as_record(offered())
    session.add(consent)
    session.flush()
    for key in keys:
        if table[key].consent_field is None:
            allow_extra(consent, key, session=session)


def ticked(consent: Consent, *, session: Session) -> set[str]:
    """Every channel key `consent` covers as recorded, whether or not still configured."""
    extra = session.exec(select(ConsentChannel.channel)
                         .where(ConsentChannel.consent_id == consent.id))
    return {c.key for c in BUILT_IN if getattr(consent, c.consent_field)} | set(extra)


def choice_lines(consent: Consent, *, session: Session) -> list[str]:
    """Her copy's lines: each use she was shown (and any recorded otherwise), yes or no."""
    pairs = shown(consent)
    covered = ticked(consent, session=session)
    labels = {key: c.label for key, c in channels().items()}
    pairs += [(key, labels.get(key, key)) for key in sorted(covered - {k for k, _ in pairs})]
    return [f"- {label}: {'yes' if key in covered else 'no'}" for key, label in pairs]
