"""The stored records, as SQLModel tables.

Story text lives only in `Revision` rows (insert-only, each with a content
hash); `Story` holds the workflow state and points at its current revision.
Personal data that is not story text (contact email, typed signature) is
stored encrypted (`*_enc` columns, see `stories.crypto`).  `AuditEvent` rows
never hold story text: only who, what, which status, which revision hash.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Column, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Server-side timestamp, timezone-aware UTC; clients never supply one.

    SQLModel's `UTCDateTime` column type stores it as UTC on every database
    and gives it back timezone-aware.
    """
    return datetime.now(UTC)


class AuthorizationText(SQLModel, table=True):
    """One published version of the authorization patients sign."""

    __tablename__ = "authorization_text"
    id: int | None = Field(default=None, primary_key=True)
    version: str = Field(index=True, unique=True, max_length=32)
    body: str = Field(sa_column=Column(Text, nullable=False))
    sha256: str = Field(max_length=64)
    effective_at: datetime = Field(default_factory=utcnow)
    created_by: int | None = Field(default=None, foreign_key="staff_user.id")


class Story(SQLModel, table=True):
    """A patient's story and where it stands in the workflow."""

    id: int | None = Field(default=None, primary_key=True)
    public_id: str = Field(index=True, unique=True, max_length=32)
    receipt_hash: str = Field(index=True, unique=True, max_length=64)
    status: str = Field(index=True, max_length=32)
    display_mode: str = Field(max_length=16)
    tags: str = Field(default="", max_length=300)
    contact_email_enc: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    current_revision_id: int | None = Field(default=None)
    original_hash: str = Field(default="", max_length=64)
    signed_off_hash: str | None = Field(default=None, max_length=64)
    signed_off_at: datetime | None = None
    patient_message: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    patient_comment: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    staff_note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    rejection_reason: str | None = Field(default=None, max_length=40)
    duplicate_key: str = Field(default="", index=True, max_length=64)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)
    approved_at: datetime | None = None
    published_on: date | None = None
    withdrawn_at: datetime | None = None
    erased_at: datetime | None = None
    reconfirm_requested_at: datetime | None = None
    origin: str = Field(default="web", max_length=16)
    checked_detector: str = Field(default="", max_length=40)  # approval's leftover check (detector:text)
    lock_version: int = Field(default=0)


class Revision(SQLModel, table=True):
    """One version of everything a story publishes: title, body and the name it is shown
    under (empty: anonymous).  Rows are never updated, except erasure blanking them.
    """

    __table_args__ = (UniqueConstraint("story_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    story_id: int = Field(foreign_key="story.id", index=True)
    number: int
    title: str = Field(sa_column=Column(Text, nullable=False))
    body: str = Field(sa_column=Column(Text, nullable=False))
    display_name: str = Field(default="", max_length=64)
    content_hash: str = Field(max_length=64, index=True)
    author_kind: str = Field(max_length=16)
    author_id: int | None = Field(default=None, foreign_key="staff_user.id")
    summary: str = Field(default="", max_length=200)
    finding_summary: str = Field(default="", max_length=200)
    findings: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    detector: str = Field(default="", max_length=16)
    created_at: datetime = Field(default_factory=utcnow)


class KeptFinding(SQLModel, table=True):
    """A moderator's explicit decision to keep a detected span as it is.

    Recorded by field, kind and position on one revision, never by text.
    """

    __tablename__ = "kept_finding"
    id: int | None = Field(default=None, primary_key=True)
    revision_id: int = Field(foreign_key="revision.id", index=True)
    field: str = Field(max_length=8)
    kind: str = Field(max_length=16)
    start: int
    end: int
    staff_id: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime = Field(default_factory=utcnow)


class Consent(SQLModel, table=True):
    """The authorization a patient (or representative) gave for one story."""

    id: int | None = Field(default=None, primary_key=True)
    story_id: int = Field(foreign_key="story.id", index=True)
    authorization_id: int = Field(foreign_key="authorization_text.id")
    authorization_version: str = Field(max_length=32)
    authorization_sha256: str = Field(max_length=64)
    use_website: bool = False
    use_excerpts: bool = False
    expires_on: date | None = Field(default=None, index=True)
    expiry_event: str = Field(default="", max_length=200)
    signer_role: str = Field(max_length=16)
    representative_authority: str = Field(default="", max_length=200)
    attest_adult: bool = False
    attest_identity: bool = False
    material_connection: str = Field(max_length=32)
    material_details: str = Field(default="", max_length=300)
    signature_enc: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    signed_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
    revoked_how: str | None = Field(default=None, max_length=16)
    revoked_by_staff: int | None = Field(default=None, foreign_key="staff_user.id")
    paper_reference: str = Field(default="", max_length=64)
    #: The uses the form listed, as she read them (JSON [key, label] pairs; "" before 0009:
    #: the website and excerpts).  See `stories.distribution.choice`.
    channels_shown: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class StaffUser(SQLModel, table=True):
    """A clinic staff account; passwords are argon2id hashes."""

    __tablename__ = "staff_user"
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True, max_length=64)
    password_hash: str = Field(max_length=200)
    role: str = Field(max_length=16)
    active: bool = True
    failed_logins: int = 0
    locked_until: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    last_login_at: datetime | None = None


class StaffSession(SQLModel, table=True):
    """A server-side login session; the browser holds only a random token.

    The token lives in an HttpOnly cookie.  `expires_at` is the idle deadline,
    moved forward while the session is used; `created_at` plus the absolute
    limit ends it regardless (see `moderation.sessions`).  Only `kind="session"`
    rows sign anyone in.
    """

    __tablename__ = "staff_session"
    token_hash: str = Field(primary_key=True, max_length=64)
    kind: str = Field(default="session", max_length=8)
    staff_id: int = Field(foreign_key="staff_user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    revoked_at: datetime | None = None


class SetupCode(SQLModel, table=True):
    """The one-time code that lets whoever started the app create the first admin."""

    __tablename__ = "setup_code"
    id: int | None = Field(default=None, primary_key=True)
    code_hash: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None


class RateEvent(SQLModel, table=True):
    """One attempt counted by a rate limit (keyed by a hash, never raw input)."""

    __tablename__ = "rate_event"
    id: int | None = Field(default=None, primary_key=True)
    bucket: str = Field(index=True, max_length=80)
    at: datetime = Field(default_factory=utcnow, index=True)


class AuditEvent(SQLModel, table=True):
    """Insert-only history: who did what to which revision; hash-chained."""

    __tablename__ = "audit_event"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    actor_kind: str = Field(max_length=16)
    actor_id: int | None = Field(default=None)
    story_id: int | None = Field(default=None, index=True)
    action: str = Field(max_length=40)
    from_status: str | None = Field(default=None, max_length=32)
    to_status: str | None = Field(default=None, max_length=32)
    revision_hash: str | None = Field(default=None, max_length=64)
    detail: str = Field(default="", max_length=500)
    prev_hash: str = Field(max_length=64, unique=True)  # unique: the chain cannot fork
    event_hash: str = Field(max_length=64, unique=True)


class OutboxEvent(SQLModel, table=True):
    """An announced event waiting for whatever acts on it (messages, takedown tasks).

    Written in the same transaction as its audit event (a rolled-back action
    leaves none); holds no text: the story, the event's name and when.  A
    consumer claims rows by setting `claimed_at` and marks them `done_at`.
    """

    __tablename__ = "outbox_event"
    id: int | None = Field(default=None, primary_key=True)
    audit_event_id: int = Field(index=True)  # no foreign key: the audit log stays independent
    story_id: int | None = Field(default=None, index=True)
    event: str = Field(max_length=40, index=True)
    at: datetime = Field(default_factory=utcnow)
    claimed_at: datetime | None = None
    done_at: datetime | None = Field(default=None, index=True)
    attempts: int = 0


class ContactPreference(SQLModel, table=True):
    """A story's email-notice choice and the address notices go to (see `stories.notify`).

    The address is encrypted like every contact detail; `address_index` is a
    keyed hash of it (a blind index: HMAC under a key derived from the
    encryption key, `index_key` names which) so a lost-code request can find
    the stories of an address without decrypting every row.
    """

    __tablename__ = "contact_preference"
    story_id: int = Field(foreign_key="story.id", primary_key=True)
    address_enc: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    address_index: str | None = Field(default=None, index=True, max_length=64)
    index_key: str = Field(default="", max_length=16)
    notify: bool = False
    updated_at: datetime = Field(default_factory=utcnow)


class Notification(SQLModel, table=True):
    """One email to a patient: pending, sent, failed or suppressed.

    Holds no text: the message is built from `stories.notify.templates` by its
    `kind` when it is sent.  The recipient (and, for a lost code, the new
    code) are encrypted and wiped once the message is sent, failed or
    suppressed; `recipient_hint` is a masked form for the staff page.
    `dedup_key` makes queuing the same news twice impossible.
    """

    __tablename__ = "notification"
    id: int | None = Field(default=None, primary_key=True)
    story_id: int | None = Field(default=None, index=True)
    kind: str = Field(max_length=32)
    dedup_key: str = Field(max_length=80, unique=True)
    recipient_enc: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    address_index: str | None = Field(default=None, index=True, max_length=64)
    recipient_hint: str = Field(default="", max_length=40)
    secret_enc: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    status: str = Field(default="pending", index=True, max_length=16)
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, index=True)
    claimed_at: datetime | None = None
    sent_at: datetime | None = None
    last_error: str = Field(default="", max_length=60)
    created_at: datetime = Field(default_factory=utcnow, index=True)


class CodeRequest(SQLModel, table=True):
    """A "lost my code" request, waiting for the sender run (which finds its stories).

    Stored the same way whether or not the address is known, so answering the
    request takes the same work both ways; deleted once handled.
    """

    __tablename__ = "code_request"
    id: int | None = Field(default=None, primary_key=True)
    address_enc: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    address_index: str = Field(max_length=64)
    requested_at: datetime = Field(default_factory=utcnow)


class NotifyCursor(SQLModel, table=True):
    """How far the notice queue has read the outbox (its own position: other consumers keep theirs)."""

    __tablename__ = "notify_cursor"
    name: str = Field(primary_key=True, max_length=32)
    last_outbox_id: int = 0


class Distribution(SQLModel, table=True):
    """One place a story went: a website file written by the export, or a use staff recorded.

    Tied to the exact revision hash that went out (for a use of an excerpt,
    `excerpt_id` names it and `revision_hash` holds the excerpt's hash).  `where_used` and `note`
    are the clinic's words about the place ("spring leaflet"), never story
    text or personal data; `ended_at` is set when this copy is gone (the
    export removed or replaced the file, or staff recorded it taken down).
    """

    __tablename__ = "distribution"
    id: int | None = Field(default=None, primary_key=True)
    story_id: int = Field(foreign_key="story.id", index=True)
    channel: str = Field(max_length=32)
    where_used: str = Field(max_length=200)
    revision_hash: str = Field(max_length=64)
    used_on: date
    note: str = Field(default="", max_length=200)
    automatic: bool = False  # written by the export (closed by the export), not by staff
    recorded_by: int | None = Field(default=None, foreign_key="staff_user.id")
    recorded_at: datetime = Field(default_factory=utcnow)
    ended_at: datetime | None = Field(default=None, index=True)
    end_reason: str = Field(default="", max_length=16)  # "replaced", "removed", "taken down"
    excerpt_id: int | None = Field(default=None, foreign_key="excerpt.id", index=True)


class TakedownTask(SQLModel, table=True):
    """A copy that must come down because consent ended (withdrawal, expiry, erasure).

    One per distribution and outbox event (the unique pair makes a second
    reading of the outbox harmless).  Done when the export removed the file
    (`done_by` empty) or when staff recorded it taken down (who and when).
    """

    __tablename__ = "takedown_task"
    __table_args__ = (UniqueConstraint("distribution_id", "outbox_id"),)
    id: int | None = Field(default=None, primary_key=True)
    distribution_id: int = Field(foreign_key="distribution.id", index=True)
    story_id: int = Field(foreign_key="story.id", index=True)
    outbox_id: int
    reason: str = Field(max_length=40)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    done_at: datetime | None = Field(default=None, index=True)
    taken_down_on: date | None = None
    done_by: int | None = Field(default=None, foreign_key="staff_user.id")


class ConsentChannel(SQLModel, table=True):
    """A clinic-configured channel (newsletter, staff training...) a consent covers.

    The built-in channels live on `Consent` (`use_website`, `use_excerpts`);
    `stories.distribution.channels` reads both through one table.
    """

    __tablename__ = "consent_channel"
    consent_id: int = Field(foreign_key="consent.id", primary_key=True)
    channel: str = Field(primary_key=True, max_length=32)


class TakedownCursor(SQLModel, table=True):
    """How far the takedown consumer has read the outbox (its own position)."""

    __tablename__ = "takedown_cursor"
    name: str = Field(primary_key=True, max_length=32)
    last_outbox_id: int = 0


class Excerpt(SQLModel, table=True):
    """A short passage of an approved story the clinic would like to quote (print, social media).

    Insert-only words: a different passage is a new row.  `content_hash` is
    the hash of `text` (`stories.texthash.excerpt_hash`), what she signs off
    and what the ledger ties each use to; `revision_hash` is the approved
    revision it was cut from.  `status` is one of
    `stories.distribution.excerpts.ExcerptStatus`.  Erasure blanks `text`
    and her comment like every other word of the story.
    """

    __tablename__ = "excerpt"
    id: int | None = Field(default=None, primary_key=True)
    story_id: int = Field(foreign_key="story.id", index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(max_length=64, index=True)
    revision_hash: str = Field(max_length=64)
    verbatim: bool = False  # found word for word in the approved text (else written by staff)
    status: str = Field(max_length=16, index=True)
    proposed_by: int | None = Field(default=None, foreign_key="staff_user.id")
    proposed_at: datetime = Field(default_factory=utcnow)
    answered_at: datetime | None = None  # when she signed it off or declined it
    patient_comment: str = Field(default="", max_length=500)
    finding_count: int = 0  # detected possible identifiers the moderator confirmed she checked
    retired_at: datetime | None = None
    retired_by: int | None = Field(default=None, foreign_key="staff_user.id")
