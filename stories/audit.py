"""The audit log: insert-only, hash-chained events.

Like Coral's moderation actions, each event is tied to the revision (by its
content hash) that was acted on; `actor_id=None` with `actor_kind="system"`
means the system acted.  Events hold no story text and no personal data: the
`detail` field carries codes (a rejection reason, kinds and positions of kept
findings), never words from a story.

Each event's hash covers its fields and the previous event's hash, and
`prev_hash` is unique, so the chain cannot fork and `verify_chain` detects any
changed, removed or reordered event inside the chain.

A chain kept only in the database cannot show its own end being cut off, or
being rewritten from some event on with every later hash recomputed.  So the
chain is anchored outside the database by checkpoints: (number of events,
last event id, HMAC of those and the last event's hash) signed with a key
derived from `STORIES_ENCRYPTION_KEY` (`stories.crypto.sub_key`).  After every
commit that appended events, the checkpoint file (`STORIES_AUDIT_CHECKPOINT`,
default `<data dir>/audit-checkpoint.json`) is advanced; every export's
manifest carries one too.  `verify_anchored` walks the chain and then checks
each checkpoint still matches: a removed tail, an emptied table or a
rewritten-and-rehashed chain all break them, and nobody without the key can
sign new ones.  Checkpoints hold no hash of anything unkeyed.

A database whose chain predates checkpoints verifies as before until it is
anchored: the first action after the upgrade writes the checkpoint file, or
`audit anchor` does it at once.  A missing checkpoint file for a non-empty
chain is reported, never taken as "intact".
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import event as sa_event
from sqlalchemy import func, insert, text
from sqlmodel import Session, select

from stories.config import get_settings
from stories.crypto import KeyMissing, sub_key, sub_keys
from stories.errors import StoryError
from stories.events import spec
from stories.models import AuditEvent, utcnow
from stories.outbox import announce, announce_many

log = logging.getLogger(__name__)
CHECKPOINT_PURPOSE = "audit-checkpoint"
_PENDING = "stories.audit.checkpoint_pending"  # session.info key: events appended, not committed
_HOOKED = "stories.audit.checkpoint_hooks"  # session.info key: the commit hooks are installed

GENESIS = "0" * 64
_PG_CHAIN_LOCK = 0x5107E5  # advisory lock id serializing chain appends on PostgreSQL
_LOCK_HELD = "stories.audit.chain_lock"  # session.info key: the transaction holding the lock


_HASHED = ("at", "actor_kind", "actor_id", "story_id", "action", "from_status", "to_status",
           "revision_hash", "detail", "prev_hash")


def _digest_of(fields: dict) -> str:
    """The event hash over the chained fields of one event (given as a mapping)."""
    canonical = {name: fields[name] for name in _HASHED}
    canonical["at"] = canonical["at"].isoformat()
    text_ = json.dumps(canonical, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text_.encode()).hexdigest()


def _digest(event: AuditEvent) -> str:
    return _digest_of({name: getattr(event, name) for name in _HASHED})


def lock_chain(session: Session) -> None:
    """Serialize writers on PostgreSQL until the transaction ends (SQLite already is).

    Every action appends to the chain, so this is also the cheapest way to make
    a check-then-insert (such as the duplicate-story check) atomic.  Taking it
    again in the same transaction costs no round trip.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    transaction = session.get_transaction()
    if transaction is None or session.info.get(_LOCK_HELD) is not transaction:
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_CHAIN_LOCK})
        session.info[_LOCK_HELD] = session.get_transaction()


_LAST = "stories.audit.last_hash"  # session.info key: (transaction, hash of its last event)


def _last_hash(session: Session) -> str:
    """The chain's head: read once per transaction, then carried by `record`
    (the chain lock, or SQLite's one writer, keeps anyone else from appending)."""
    lock_chain(session)
    transaction = session.get_transaction()
    cached = session.info.get(_LAST)
    if cached is not None and transaction is not None and cached[0] is transaction:
        return cached[1]
    last = session.exec(select(AuditEvent.event_hash).order_by(AuditEvent.id.desc()).limit(1))
    return last.first() or GENESIS


def record(session: Session, *, actor_kind: str, action: str, **fields) -> AuditEvent:
    """Append one event in the caller's transaction and return it.

    `action` must be a name in `stories.events` (the closed vocabulary); an
    announced event also gets its outbox row here, in the same transaction.
    """
    announced = spec(action).announced
    event = AuditEvent(
        at=utcnow().replace(microsecond=0),
        actor_kind=actor_kind,
        action=action,
        prev_hash=_last_hash(session),
        event_hash="",
        **fields,
    )
    event.event_hash = _digest(event)
    session.add(event)
    session.flush()
    session.info[_LAST] = (session.get_transaction(), event.event_hash)
    if announced:
        announce(event, session=session)
    _checkpoint_after_commit(session)
    return event


def record_many(session: Session, *, actor_kind: str, action: str, rows: list[dict]) -> int:
    """Append one event per item of `rows` (the other fields of each) in one statement.

    The same chain as `record` makes, event by event, for a system action on
    many stories at once (the export's first publications): the hashes are
    chained here and the events and their outbox rows inserted in bulk, so
    10,000 events cost two statements instead of 10,000 flushes.
    """
    if not rows:
        return 0
    session.flush()  # anything pending goes first, so the chain's head is current
    at, prev = utcnow().replace(microsecond=0), _last_hash(session)
    events = []
    for fields in rows:
        event = {"actor_id": None, "story_id": None, "from_status": None, "to_status": None,
                 "revision_hash": None, "detail": "", **fields,
                 "at": at, "actor_kind": actor_kind, "action": str(action), "prev_hash": prev}
        event["event_hash"] = prev = _digest_of(event)
        events.append(event)
    ids = session.execute(insert(AuditEvent).returning(AuditEvent.id, sort_by_parameter_order=True),
                          events).scalars().all()
    session.info[_LAST] = (session.get_transaction(), prev)
    if spec(action).announced:
        announce_many([(i, e["story_id"], e["action"], at) for i, e in zip(ids, events, strict=True)],
                      session=session)
    _checkpoint_after_commit(session)
    return len(events)


@dataclass(frozen=True)
class ChainReport:
    """Outcome of `verify_chain`: ok, how many events, and the first bad one."""

    ok: bool
    events: int
    first_bad_id: int | None = None
    problem: str = ""


def verify_chain(session: Session) -> ChainReport:
    """Walk the chain in id order and recompute every hash."""
    prev = GENESIS
    count = 0
    for event in session.exec(select(AuditEvent).order_by(AuditEvent.id)):
        count += 1
        if event.prev_hash != prev:
            return ChainReport(False, count, event.id, "an event is missing or out of order")
        if _digest(event) != event.event_hash:
            return ChainReport(False, count, event.id, "an event was changed")
        prev = event.event_hash
    return ChainReport(True, count)


# --- anchoring: checkpoints outside the database -------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    """The chain as it was: `events` events, the last one `last_id`; `tag` signs it with its hash."""

    events: int
    last_id: int
    tag: str

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data) -> Checkpoint:
        """Parse what `to_json` wrote; `AuditAnchorDamaged` if it is not that."""
        try:
            return cls(int(data["events"]), int(data["last_id"]), str(data["tag"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise AuditAnchorDamaged("An audit checkpoint is damaged.") from exc


class AuditAnchorDamaged(StoryError):
    """A checkpoint file or entry cannot be read."""


def _tag(key: bytes, events: int, last_id: int, head_hash: str) -> str:
    message = f"{events}:{last_id}:{head_hash}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


_HEAD = text("SELECT (SELECT count(*) FROM audit_event), id, event_hash FROM audit_event "
             "ORDER BY id DESC LIMIT 1")  # the count is the head's position: it has the highest id


def current_checkpoint(session: Session) -> Checkpoint | None:
    """A checkpoint of the chain as this session sees it (None if it is empty), newest key."""
    last = session.execute(_HEAD).first()  # plain SQL: this runs before every commit
    if last is None:
        return None
    events, last_id, head = last
    return Checkpoint(events, last_id, _tag(sub_key(CHECKPOINT_PURPOSE), events, last_id, head))


def checkpoint_path() -> Path:
    """Where the checkpoint file lives (`STORIES_AUDIT_CHECKPOINT`)."""
    return get_settings().audit_checkpoint


_RECORD_BYTES = 256  # the checkpoint file is one fixed-size record, rewritten in place


def _parse(raw: bytes, path: Path) -> Checkpoint | None:
    text_ = raw.decode("utf-8", "replace").strip()
    if not text_:
        return None
    try:
        return Checkpoint.from_json(json.loads(text_))
    except ValueError as exc:
        raise AuditAnchorDamaged(f"The audit checkpoint file {path} is damaged.") from exc


def read_checkpoint_file(path: Path | None = None) -> Checkpoint | None:
    """The checkpoint file's content, None if there is none."""
    path = path or checkpoint_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    return _parse(raw, path)


def write_checkpoint_file(checkpoint: Checkpoint, *, force: bool = False,
                          path: Path | None = None) -> bool:
    """Advance the checkpoint file to `checkpoint`; True if written.

    Never moves it backwards (a slower process committing earlier events must
    not undo a later checkpoint) unless `force` (re-anchoring), under a lock.
    It is written after every action, so it is cheap: one fixed-size record
    overwritten in place (no rename, no fsync).  After a power cut it may
    hold an older checkpoint, still a true prefix of the log; a torn record
    reads as damaged and `audit anchor` rewrites it.  Owner-only (0600).
    """
    path = path or checkpoint_path()
    record_ = json.dumps(checkpoint.to_json()).encode().ljust(_RECORD_BYTES - 1) + b"\n"
    if len(record_) != _RECORD_BYTES:
        raise AuditAnchorDamaged("An audit checkpoint does not fit its record.")
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except FileNotFoundError:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        if not force:
            try:
                existing = _parse(os.pread(fd, 4096, 0), path)
            except AuditAnchorDamaged:
                existing = None
            if existing is not None and existing.events >= checkpoint.events:
                return False
        os.pwrite(fd, record_, 0)
        if os.fstat(fd).st_size != _RECORD_BYTES:
            os.ftruncate(fd, _RECORD_BYTES)
        return True
    finally:
        os.close(fd)


def _checkpoint_after_commit(session: Session) -> None:
    """Once this transaction commits, advance the checkpoint file to the chain's new head.

    The checkpoint is computed just before the commit, inside the transaction
    that appended (the chain's writers are serialized, so it is the head at
    commit), and written just after it, so a rolled-back action leaves none.
    The hooks stay on the session; only a transaction that appended arms them.
    """
    if _PENDING not in session.info:
        session.info[_PENDING] = {}
    if not session.info.get(_HOOKED):
        session.info[_HOOKED] = True
        sa_event.listen(session, "before_commit", _before_commit)
        sa_event.listen(session, "after_commit", _after_commit)
        sa_event.listen(session, "after_soft_rollback", _after_rollback)


def _before_commit(session: Session) -> None:
    pending = session.info.get(_PENDING)
    if pending is not None:
        try:
            pending["checkpoint"] = current_checkpoint(session)
        except KeyMissing:
            pending["checkpoint"] = None


def _after_commit(session: Session) -> None:
    checkpoint = (session.info.pop(_PENDING, None) or {}).get("checkpoint")
    if checkpoint is None:
        return
    try:
        write_checkpoint_file(checkpoint)
    except OSError as exc:  # the action is committed; `audit verify` will show the gap
        log.warning("audit checkpoint not written: %s", exc.strerror or type(exc).__name__)


def _after_rollback(session: Session, _previous_transaction=None) -> None:
    session.info.pop(_PENDING, None)


def _checkpoint_holds(session: Session, checkpoint: Checkpoint) -> str:
    """'' if the chain still contains what `checkpoint` signed, else what is wrong."""
    row = session.exec(select(AuditEvent.event_hash).where(AuditEvent.id == checkpoint.last_id)).first()
    if row is None:
        return "events were removed from the end of the log"
    count = session.exec(select(func.count(AuditEvent.id))
                         .where(AuditEvent.id <= checkpoint.last_id)).one()
    if count != checkpoint.events:
        return "events were removed or added before a checkpoint"
    try:
        keys = sub_keys(CHECKPOINT_PURPOSE)
    except KeyMissing:
        return "no key is configured to check the checkpoint"
    if not any(hmac.compare_digest(_tag(k, count, checkpoint.last_id, row), checkpoint.tag)
               for k in keys):
        return "the log was rewritten (or the checkpoint was signed with a key not configured)"
    return ""


def verify_anchored(session: Session, exports: tuple[tuple[str, Checkpoint], ...] = ()
                    ) -> ChainReport:
    """`verify_chain`, then the checkpoint file and the checkpoints of `exports` ((where, checkpoint)).

    Every checkpoint must describe a prefix of the chain as it is now.  A
    non-empty chain without a checkpoint file is not intact: it may have been
    removed to hide a truncation (`audit anchor` writes the first one).
    """
    walk = verify_chain(session)
    if not walk.ok:
        return walk
    try:
        anchor = read_checkpoint_file()
    except AuditAnchorDamaged as exc:
        return ChainReport(False, walk.events, None, str(exc))
    if anchor is None and (walk.events or exports):
        return ChainReport(False, walk.events, None,
                           f"no checkpoint file at {checkpoint_path()}: the log is not anchored "
                           "(run `python -m stories audit anchor` once if it never was)")
    checks = ([("the checkpoint file", anchor)] if anchor else []) + list(exports)
    for where, checkpoint in checks:
        problem = _checkpoint_holds(session, checkpoint)
        if problem:
            return ChainReport(False, walk.events, checkpoint.last_id, f"{problem} ({where})")
    return walk


def anchor(session: Session) -> Checkpoint | None:
    """Re-anchor: check the chain walks, then sign its head into the checkpoint file, whatever was there.

    For a chain that predates checkpoints, after a restore from a backup, and
    by `rotate-key` (new key).  Refuses (`AuditChainBroken`) a chain that does not walk.
    """
    walk = verify_chain(session)
    if not walk.ok:
        raise AuditChainBroken(f"The audit log is broken at event {walk.first_bad_id}: "
                               f"{walk.problem}; it cannot be anchored.")
    checkpoint = current_checkpoint(session)
    if checkpoint is not None:
        write_checkpoint_file(checkpoint, force=True)
    return checkpoint


class AuditChainBroken(StoryError):
    """The chain does not verify, so it must not be signed."""
