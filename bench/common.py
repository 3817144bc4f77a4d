"""Shared pieces of the database benchmarks: a throw-away database and fast seeding.

`temporary_database(url)` creates a database the benchmark owns and points the
process at it (STORIES_DATABASE_URL, a fresh encryption key, a temporary data
directory): a new SQLite file by default, or, given a PostgreSQL URL, a new
schema on that server (selected through the connection's `search_path`, so no
existing table is ever read or written), dropped afterwards.

`bulk_seed` writes many realistic, valid stories with SQLAlchemy Core: texts
come from `stories.demo` templates, go through the real cleaning, detection
and redaction once per template, and every row carries the same fields the
services would write (hashes, encrypted contact and signature, consent under
the current authorization, a hash-chained audit trail).
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cryptography.fernet import Fernet  # noqa: E402
from pydantic_core import PydanticUndefined  # noqa: E402
from sqlalchemy import create_engine, insert, text  # noqa: E402
from sqlalchemy.engine import Engine, make_url  # noqa: E402

from stories import (  # noqa: E402
    authorization,
    crypto,
    migrate,
    receipts,
    scans,  # noqa: E402
)
from stories.audit import GENESIS, _digest  # noqa: E402
from stories.db import engine_for, transaction  # noqa: E402
from stories.demo import forms  # noqa: E402
from stories.detect import detect  # noqa: E402
from stories.fields import clean_story  # noqa: E402
from stories.identifiers import leftover_stamp  # noqa: E402
from stories.intake import duplicate_key  # noqa: E402
from stories.models import AuditEvent, Consent, Revision, Story  # noqa: E402
from stories.redact import redact  # noqa: E402
from stories.revisions import content_hash  # noqa: E402

QUEUE_MIX = {  # share of each status in a clinic that has been running for years
    "approved": 0.55, "rejected": 0.10, "withdrawn": 0.05, "expired": 0.05,
    "submitted": 0.12, "in review": 0.06, "changes requested": 0.03,
    "awaiting sign-off": 0.03, "signed off": 0.01,
}


def parser(description: str) -> argparse.ArgumentParser:
    """The common command line: `--database-url` (default: a temporary SQLite file)."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--database-url", default=None,
                   help="a PostgreSQL server URL to benchmark on (a temporary schema is created "
                        "there and dropped); default: a temporary SQLite file")
    return p


def backend(url: str | None) -> str:
    return "postgresql" if url and url.startswith("postgresql") else "sqlite"


@contextmanager
def temporary_database(url: str | None = None) -> Iterator[str]:
    """Create, migrate and select a database of our own; yield its URL; remove it."""
    with tempfile.TemporaryDirectory(prefix="stories-bench-") as tmp:
        os.environ["STORIES_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["STORIES_ENCRYPTION_KEY"] = Fernet.generate_key().decode()
        os.environ["STORIES_MODE"] = "production"
        if backend(url) == "sqlite":
            if url:
                raise SystemExit("--database-url takes a PostgreSQL URL; SQLite is the default")
            own = f"sqlite:///{Path(tmp) / 'bench.db'}"
            admin = None
        else:
            schema = f"stories_bench_{os.getpid()}_{secrets.token_hex(3)}"
            parsed = make_url(url)
            admin = create_engine(parsed.update_query_dict({"application_name": schema}))
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            own = parsed.update_query_dict({"options": f"-csearch_path={schema}",
                                            "application_name": schema}
                                           ).render_as_string(hide_password=False)
        os.environ["STORIES_DATABASE_URL"] = own
        try:
            migrate.upgrade(engine_for(own))
            yield own
        finally:
            engine_for(own).dispose()
            if admin is not None:
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
                admin.dispose()


@dataclass(frozen=True)
class Template:
    """One cleaned demo story: original and redacted texts, with their detector summaries."""

    title: str
    body: str
    redacted: str
    scan: dict  # finding_summary, findings, detector (stories.scans.record)
    redacted_scan: dict
    display_mode: str
    display_name: str
    tags: str
    material: str


def templates(n: int = 200, seed: int = 11) -> list[Template]:
    """`n` demo stories run once through cleaning, detection and redaction."""
    out = []
    for form in forms(n, seed):
        title, body = clean_story(form.title, form.body)
        redacted = redact(body, detect(body))
        # The "(Story N)" suffix added per story holds no identifier (N is written
        # with a thousands separator), so the template's stored scan fits every copy.
        out.append(Template(title, body, redacted, scans.record(title, body, form.display_name),
                            scans.record(title, redacted, form.display_name), form.display_mode,
                            form.display_name, ",".join(form.tags), form.material_connection))
    return out


def _statuses(n: int, rng: random.Random, only: str | None) -> list[str]:
    if only:
        return [only] * n
    names, weights = zip(*QUEUE_MIX.items(), strict=True)
    return rng.choices(names, weights, k=n)


def bulk_seed(engine: Engine, n: int, *, only_status: str | None = None, seed: int = 5,
              batch: int = 2_000) -> dict[str, int]:
    """Insert `n` valid stories (with revisions, consents and audit events) with Core.

    Stories that went past review have a second, staff-redacted revision;
    approved ones are signed off on exactly that text and have a publication
    date.  Returns how many stories were written per status.
    """
    rng = random.Random(seed)
    pool = templates()
    with transaction(engine) as s:
        terms = authorization.current(s)
        last = s.execute(text("SELECT event_hash, id FROM audit_event ORDER BY id DESC LIMIT 1")
                         ).first()
        start_id = (s.execute(text("SELECT coalesce(max(id), 0) FROM story")).scalar_one()) + 1
        revision_id = (s.execute(text("SELECT coalesce(max(id), 0) FROM revision")).scalar_one()) + 1
    prev = last[0] if last else GENESIS
    now = datetime.now(UTC)
    counts: dict[str, int] = {}
    statuses = _statuses(n, rng, only_status)
    signature = crypto.encrypt("A. Patient")
    contact = crypto.encrypt("patient@example.org")
    for offset in range(0, n, batch):
        stories, revisions, consents, events = [], [], [], []
        for i in range(offset, min(n, offset + batch)):
            sid = start_id + i
            status = statuses[i]
            counts[status] = counts.get(status, 0) + 1
            t = pool[i % len(pool)]
            body = f"{t.body}\n\n(Story {sid:,})"
            created = now - timedelta(days=900) + timedelta(seconds=1500 * i / max(1, n / 1000))
            first_hash = content_hash(t.title, body, t.display_name)
            reviewed = status not in ("submitted",)
            rev_ids = [revision_id]
            revisions.append(dict(id=revision_id, story_id=sid, number=1, title=t.title, body=body,
                                  display_name=t.display_name, content_hash=first_hash,
                                  author_kind="patient", summary="",
                                  created_at=created, **t.scan))
            current_hash = first_hash
            if reviewed:
                revision_id += 1
                redacted = f"{t.redacted}\n\n(Story {sid:,})"
                current_hash = content_hash(t.title, redacted, t.display_name)
                revisions.append(dict(id=revision_id, story_id=sid, number=2, title=t.title,
                                      body=redacted, display_name=t.display_name,
                                      content_hash=current_hash,
                                      author_kind="staff", summary="redacted",
                                      **t.redacted_scan,
                                      created_at=created + timedelta(hours=20)))
                rev_ids.append(revision_id)
            revision_id += 1
            approved = status == "approved"
            signed = status in ("approved", "signed off")
            stories.append(dict(
                id=sid, public_id=receipts.public_id(), receipt_hash=secrets.token_hex(32),
                status=status, display_mode=t.display_mode,
                tags=t.tags, contact_email_enc=contact, current_revision_id=rev_ids[-1],
                original_hash=first_hash, signed_off_hash=current_hash if signed else None,
                signed_off_at=created + timedelta(days=3) if signed else None,
                patient_message="", patient_comment="", staff_note="",
                rejection_reason="off-topic" if status == "rejected" else None,
                duplicate_key=duplicate_key(body), created_at=created,
                updated_at=created + timedelta(days=4),
                approved_at=created + timedelta(days=4) if approved else None,
                checked_detector=leftover_stamp(current_hash) if approved else "",
                published_on=(created + timedelta(days=4)).date() if approved else None,
                withdrawn_at=created + timedelta(days=5) if status == "withdrawn" else None,
                lock_version=len(rev_ids) + 1,
            ))
            consents.append(dict(
                story_id=sid, authorization_id=terms.id, authorization_version=terms.version,
                authorization_sha256=terms.sha256, use_website=True, use_excerpts=False,
                expires_on=(date(2000, 1, 1) if status == "expired"
                            else now.date() + timedelta(days=3 * 365)),
                expiry_event="", signer_role="patient", representative_authority="",
                attest_adult=True, attest_identity=True, material_connection=t.material,
                material_details="", signature_enc=signature, signed_at=created,
                revoked_at=created + timedelta(days=5) if status == "withdrawn" else None,
                revoked_how="online" if status == "withdrawn" else None,
            ))
            event = dict(at=created.replace(microsecond=0), actor_kind="patient",
                         actor_id=None, story_id=sid, action="submit", from_status=None,
                         to_status="submitted", revision_hash=first_hash,
                         detail=f"authorization {terms.version}", prev_hash=prev)
            event["event_hash"] = prev = _digest(SimpleNamespace(**event))
            events.append(event)
        with engine.begin() as conn:
            conn.execute(insert(Story.__table__), _with_model_defaults(Story, stories))
            conn.execute(insert(Revision.__table__), _with_model_defaults(Revision, revisions))
            conn.execute(insert(Consent.__table__), _with_model_defaults(Consent, consents))
            conn.execute(insert(AuditEvent.__table__), _with_model_defaults(AuditEvent, events))
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            for table in ("story", "revision"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT max(id) FROM {table}))"))
            conn.execute(text("ANALYZE"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    return counts


def _with_model_defaults(model, rows: list[dict]) -> list[dict]:
    """Fill the columns a row leaves out with the model's own defaults (computed once)."""
    defaults = {}
    for name, info in model.model_fields.items():
        if name in model.__table__.c and name != "id":
            if info.default_factory is not None:
                defaults[name] = info.default_factory()
            elif info.default is not PydanticUndefined:
                defaults[name] = info.default
    return [{**defaults, **row} for row in rows]


def timed(fn: Callable[[], object], repeat: int = 5) -> tuple[float, float, object]:
    """(first, median of the rest) wall times in milliseconds, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times[0], statistics.median(times[1:] or times), result


def verdict(value: float, target: float, higher_is_better: bool = False) -> str:
    ok = value >= target if higher_is_better else value <= target
    return "ok" if ok else "MISSED"
