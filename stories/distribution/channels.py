"""The channels a story may be used in, as one table, and the consent check at each use.

Two channels are built in and ticked on the share form: the clinic's website
(`Consent.use_website`) and short excerpts in print and social media
(`Consent.use_excerpts`).  The clinic adds others (newsletter, staff
training...) with `STORIES_EXTRA_CHANNELS`; a consent covers one of those
only through a `ConsentChannel` row.  Every recorded use calls
`require_channel` at that moment, so a revocation, an expiry or a channel
she did not tick refuses the use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from stories.audit import record
from stories.config import get_settings
from stories.consent import checks, consent_for
from stories.errors import ConsentMissing, InvalidInput
from stories.events import Event
from stories.models import Consent, ConsentChannel, Story
from stories.revisions import current_revision
from stories.workflow import Status

WEBSITE = "website"
EXCERPTS = "excerpts"


@dataclass(frozen=True)
class Channel:
    """One place a story may go: its key, the words shown, and the `Consent` flag (built-ins)."""

    key: str
    label: str
    consent_field: str | None = None  # None: a clinic-configured channel (`ConsentChannel`)
    #: A use must name an excerpt she signed off (recorded on the Excerpts page), never the story.
    needs_excerpt: bool = False


BUILT_IN: tuple[Channel, ...] = (
    Channel(WEBSITE, "The clinic's website", "use_website"),
    Channel(EXCERPTS, "Short excerpts in print and social media", "use_excerpts",
            needs_excerpt=True),
)


def channels() -> dict[str, Channel]:
    """Every channel: the built-ins, then the clinic's own from `STORIES_EXTRA_CHANNELS`."""
    table = {c.key: c for c in BUILT_IN}
    for key, label in get_settings().extra_channels:
        table.setdefault(key, Channel(key, label))
    return table


def channel(key: str) -> Channel:
    """The channel named `key`; `UnknownChannel` when the clinic has no such channel."""
    try:
        return channels()[key]
    except KeyError:
        raise UnknownChannel(f"There is no channel {key[:32]!r}; the channels are: "
                             f"{', '.join(channels())}.") from None


class UnknownChannel(InvalidInput):
    """A use was recorded for a channel that is not in the table."""


class ChannelNotConsented(ConsentMissing):
    """The patient's authorization does not cover this channel (or no longer allows any use)."""


def covers(consent: Consent | None, key: str, *, session: Session) -> bool:
    """Whether `consent` ticks channel `key` (ignoring revocation and expiry).

    A channel the clinic no longer offers (taken out of `STORIES_EXTRA_CHANNELS`)
    is covered by nothing: its copies must come down, and the takedown consumer
    must not stop on them.
    """
    found = channels().get(key)
    if consent is None or found is None:
        return False
    if found.consent_field is not None:
        return bool(getattr(consent, found.consent_field))
    return session.get(ConsentChannel, (consent.id, key)) is not None


def require_channel(story: Story, key: str, today: date, *, session: Session) -> Consent:
    """Refuse a use of `story` in channel `key` unless it is allowed right now; return the consent.

    Allowed: the story is approved in the exact text the patient signed
    off, and her latest authorization is valid today (not revoked, not
    expired, text intact, statements made) and ticks this channel.
    """
    channel(key)
    consent = consent_for(story, session=session)
    failed = [c.name for c in checks(story, consent, today, session=session)
              if not c.passed and c.name != "Covers the website"]
    if story.status != Status.APPROVED.value or story.erased_at is not None:
        failed.append("Story approved")
    elif story.signed_off_hash != current_revision(story, session=session).content_hash:
        failed.append("Signed off in its current text")
    if not covers(consent, key, session=session):
        failed.append(f"Covers {channel(key).label.lower()}")
    if failed or consent is None:
        raise ChannelNotConsented("This use is not allowed. Conditions not met: "
                                  + "; ".join(f"“{name}”" for name in failed) + ".")
    return consent


def consented_channels(consent: Consent | None, *, session: Session) -> list[str]:
    """The keys of the channels `consent` ticks (for the staff form and the patient view)."""
    if consent is None:
        return []
    extra = set(session.exec(select(ConsentChannel.channel)
                             .where(ConsentChannel.consent_id == consent.id)))
    return [c.key for c in channels().values()
            if (bool(getattr(consent, c.consent_field)) if c.consent_field else c.key in extra)]


def withdraw_channel(story: Story, key: str, *, actor_kind: str, actor_id: int | None,
                     session: Session) -> None:
    """Her consent stops covering channel `key` (the rest stays); announced, so copies come down.

    The audit row names the channel only.  Refused when the consent does not
    cover it (nothing to stop) or is already revoked.
    """
    consent = consent_for(story, session=session)
    if consent is None or consent.revoked_at is not None or not covers(consent, key,
                                                                        session=session):
        raise InvalidInput("Your permission does not cover that use, so there is nothing to stop.")
    found = channel(key)
    if found.consent_field is not None:
        setattr(consent, found.consent_field, False)
        session.add(consent)
    else:
        session.delete(session.get(ConsentChannel, (consent.id, key)))
    session.flush()
    record(session, actor_kind=actor_kind, actor_id=actor_id, action=Event.CHANNEL_WITHDRAWN,
           story_id=story.id, detail=f"channel {key}")


def allow_extra(consent: Consent, key: str, *, session: Session) -> None:
    """Record that `consent` covers a clinic-configured channel (the built-ins are its own fields)."""
    if channel(key).consent_field is not None:
        raise InvalidInput("The website and excerpts are ticked on the authorization itself.")
    if session.get(ConsentChannel, (consent.id, key)) is None:
        session.add(ConsentChannel(consent_id=consent.id, channel=key))
        session.flush()
