"""A story's email-notice choice, its address, and the blind index that finds it.

The address lives encrypted (`stories.crypto`) in `ContactPreference`, with
`address_index` = HMAC-SHA256(key, normalized address), the key derived from
the first encryption key with HKDF.  A lost-code request computes the same
HMAC and finds the stories of an address with one indexed query, without
decrypting every row.  After a key rotation the sender run re-indexes rows
whose `index_key` names an older key.

The preference keeps its own copy of the address so that the notice of a
withdrawal can still reach her after the story's text and contact were
erased; the queue drops it right after that last notice is queued.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from functools import lru_cache

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlmodel import Session, select

from stories import crypto
from stories.config import MAX_EMAIL_CHARS, get_settings
from stories.errors import InvalidInput
from stories.models import ContactPreference, Story, utcnow
from stories.patient import find_story
from stories.textnorm import normalize_line

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
_INFO = b"stories contact address blind index v1"


@dataclass(frozen=True)
class NoticeChoice:
    """What the patient sees of her notice settings: on or off, and a masked address."""

    available: bool
    notify: bool
    address_hint: str  # "" when no address is stored


@lru_cache(maxsize=4)
def _derived(keys: str) -> bytes:
    """The HMAC key, derived from the first (encrypting) Fernet key."""
    first = keys.split(",")[0].strip()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=_INFO).derive(base64.urlsafe_b64decode(first))


def index_key() -> bytes:
    """The blind-index key in force."""
    return _derived(crypto.configured_keys())


def index_key_id() -> str:
    """A short, public name of the blind-index key (changes when the first key does)."""
    return hashlib.sha256(b"id:" + index_key()).hexdigest()[:16]


def normalize(address: str) -> str:
    """The form an address is compared in: trimmed, Unicode-normalized, case-folded."""
    return normalize_line(address or "").strip().casefold()


def address_index(address: str) -> str:
    """The blind index of an address (HMAC-SHA256, hex)."""
    return hmac.new(index_key(), normalize(address).encode(), hashlib.sha256).hexdigest()


def clean_address(value: str) -> str:
    """A checked address, or `InvalidInput` (the message never repeats it)."""
    address = normalize_line(value or "").strip()
    if not address or len(address) > MAX_EMAIL_CHARS or not _EMAIL.match(address):
        raise InvalidInput("That does not look like an email address.")
    return address


def mask(address: str) -> str:
    """"p•••@e•••.org": enough for her or staff to recognise it, never the address."""
    local, _, domain = (address or "").partition("@")
    host, _, tld = domain.rpartition(".")
    if not local or not host:
        return "•••"
    return f"{local[0]}•••@{host[0]}•••.{tld}"[:40]


def readable(token: bytes | None) -> str | None:
    """Decrypt an address; None if it is absent or under a key no longer configured
    (that one row is skipped; the rest of a run goes on)."""
    try:
        return crypto.decrypt(token)
    except crypto.KeyMissing:
        return None


def _store(pref: ContactPreference, address: str | None) -> None:
    """Put `address` (or none) into the preference, encrypted and indexed."""
    pref.address_enc = crypto.encrypt(address) if address else None
    pref.address_index = address_index(address) if address else None
    pref.index_key = index_key_id() if address else ""
    pref.updated_at = utcnow()


def _preference(story_id: int, session: Session) -> ContactPreference:
    pref = session.get(ContactPreference, story_id)
    return pref or ContactPreference(story_id=story_id)


def _confirm(pref: ContactPreference, session: Session) -> None:
    """Tell the address that it now receives notices (so a mistyped one is noticed by
    whoever owns it, and she sees they work)."""
    from stories.notify.queue import CONFIRM_KIND, enqueue  # the queue uses this module too

    session.flush()
    enqueue(pref.story_id, CONFIRM_KIND, f"on:{pref.story_id}:{pref.updated_at.timestamp()}",
            session=session, now=pref.updated_at)


def after_submit(story_id: int, notify: bool, *, session: Session) -> bool:
    """Index the contact address given with a new story and record her choice.

    Returns whether notices are now on (False when she gave no address).  A
    first notice confirming the choice is queued when she opted in.
    """
    story = session.get(Story, story_id)
    address = crypto.decrypt(story.contact_email_enc) if story else None
    if not address:
        return False
    pref = _preference(story_id, session)
    _store(pref, address)
    pref.notify = bool(notify)
    session.add(pref)
    if pref.notify:
        _confirm(pref, session)
    return pref.notify


def choice(code: str, *, session: Session) -> NoticeChoice:
    """Her current choice, for the Check my story page."""
    story = find_story(code, session=session)
    pref = session.get(ContactPreference, story.id)
    address = crypto.decrypt(pref.address_enc) if pref and pref.address_enc else \
        crypto.decrypt(story.contact_email_enc)
    withdrawn = story.erased_at is not None  # the withdrawal notice is the last one
    return NoticeChoice(available=get_settings().notifications_on and not withdrawn,
                        notify=bool(pref and pref.notify and address),
                        address_hint=mask(address) if address else "")


def change(code: str, notify: bool, new_address: str = "", *, session: Session) -> NoticeChoice:
    """Turn notices on or off, optionally with a new address (it replaces the contact email)."""
    story = find_story(code, session=session)
    if story.erased_at is not None:
        raise InvalidInput("This story was withdrawn; there is nothing more to be told about it.")
    pref = _preference(story.id, session)
    was_on, old_index = pref.notify and pref.address_enc is not None, pref.address_index
    address = clean_address(new_address) if (new_address or "").strip() else (
        crypto.decrypt(pref.address_enc) if pref.address_enc
        else crypto.decrypt(story.contact_email_enc))
    if notify and not address:
        raise InvalidInput("Please give an email address for the notices.")
    if address:
        _store(pref, address)
        story.contact_email_enc = crypto.encrypt(address)
        session.add(story)
    pref.notify = bool(notify)
    session.add(pref)
    if pref.notify and (not was_on or pref.address_index != old_index):
        _confirm(pref, session)  # turned on, or a new address: it hears so first
    return choice(code, session=session)


def forget(code: str, *, session: Session) -> None:
    """Delete her address everywhere it is stored for this story; notices stop."""
    story = find_story(code, session=session)
    story.contact_email_enc = None
    session.add(story)
    drop(story.id, session=session)


def drop(story_id: int, *, session: Session) -> None:
    """Forget a story's notice address and choice (after withdrawal, or on request)."""
    pref = session.get(ContactPreference, story_id)
    if pref is not None:
        session.delete(pref)
        session.flush()


def index_missing(*, session: Session) -> int:
    """Index stored contact addresses that have no preference yet, or an old key's index.

    Stories stored before notices existed (or whose opt-in step failed) get a
    preference with notices off, so a lost-code request still finds them.
    """
    done = 0
    known = select(ContactPreference.story_id)
    for story in session.exec(select(Story).where(Story.contact_email_enc.is_not(None),
                                                  Story.erased_at.is_(None),
                                                  Story.id.not_in(known))):
        address = readable(story.contact_email_enc)
        if address:
            pref = ContactPreference(story_id=story.id)
            _store(pref, address)
            session.add(pref)
            done += 1
    current = index_key_id()
    for pref in session.exec(select(ContactPreference).where(
            ContactPreference.address_enc.is_not(None), ContactPreference.index_key != current)):
        address = readable(pref.address_enc)
        if address:
            _store(pref, address)
            session.add(pref)
            done += 1
    return done
