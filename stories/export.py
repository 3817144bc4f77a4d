"""`export_site`: approved stories as Markdown files for the static site.

Only stories that are approved, still covered by a valid website consent,
signed off in their exact current text, and free of unresolved identifiers
(re-scanned now) are written.  The export owns its files through a manifest:

* file names come from the opaque id (and the publication date for Jekyll),
  never from a title or a name;
* a file whose content did not change is not rewritten, so a re-export with
  no change writes nothing;
* a file the manifest lists but that is no longer exportable is removed;
* a file the manifest does not list is never touched;
* new content is first written to temporary files; only when all of them are
  on disk are they moved into place, so an export interrupted while writing
  leaves the previous output intact.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Row
from sqlmodel import Session, select

from stories.config import get_settings
from stories.consent import authorization_hashes, require_publishable
from stories.errors import ConsentMissing, InvalidInput
from stories.expiry import expire_due
from stories.frontmatter import emit
from stories.identifiers import with_kept
from stories.markup import to_safe_markdown
from stories.models import Consent, KeptFinding, Revision, Story, utcnow
from stories.scans import detector_fingerprint
from stories.submission import MATERIAL_CONNECTIONS, TOPICS
from stories.workflow import Status

FORMATS = ("jekyll", "hugo", "plain")
_RENDERERS = ("export.py", "markup.py", "frontmatter.py", "sanitize.py", "textnorm.py")
#: Fingerprint of the code that turns a story into a file: a change rewrites every file.
RENDER_FINGERPRINT = hashlib.sha256(
    b"".join((Path(__file__).resolve().parent / name).read_bytes() for name in _RENDERERS)
).hexdigest()[:16]
MANIFEST = ".stories-manifest.json"
TMP_PREFIX = ".stories-tmp-"


@dataclass
class ExportReport:
    """What an export did: file names only, never story text."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    expired: int = 0

    @property
    def exported(self) -> int:
        return len(self.written) + self.unchanged


def _display(revision: Revision) -> str:
    """The byline: the revision's display name (scanned and signed off with the text)."""
    return revision.display_name or "Anonymous"


def render_story(story: Story | Row, revision: Revision, fmt: str, material: str) -> tuple[str, str]:
    """Return (file name, file content) for one story (a `Story` or a `_candidates` row)."""
    published = story.published_on or utcnow().date()
    fields: dict = {"title": revision.title}
    if fmt == "jekyll":
        fields = {"layout": "story", **fields}
    fields.update({
        "date": published.isoformat(),
        "author": _display(revision),
        "tags": [t for t in story.tags.split(",") if t],
        "id": story.public_id,
        "edited_by_clinic": revision.content_hash != story.original_hash,
        "material_connection": MATERIAL_CONNECTIONS.get(material, MATERIAL_CONNECTIONS["other"]),
        "disclaimer": get_settings().results_vary,
    })
    if fmt == "hugo":
        fields["draft"] = False
    return file_name(story, fmt), emit(fields, to_safe_markdown(revision.body))


def file_name(story: Story | Row, fmt: str) -> str:
    """The story's file: its opaque id (after the publication date for Jekyll)."""
    published = story.published_on or utcnow().date()
    return f"{published.isoformat()}-{story.public_id}.md" if fmt == "jekyll" else f"{story.public_id}.md"


# What the export's decisions read from a story; the revision's text is loaded
# only for the stories that must be rendered (new or changed since last time).
_STORY_COLUMNS = (Story.id, Story.public_id, Story.display_mode, Story.tags,
                  Story.published_on, Story.original_hash, Story.signed_off_hash)
_CONSENT_COLUMNS = tuple(c for c in Consent.__table__.columns if c.name != "signature_enc")


def _where_in(session: Session, query, column, ids: list[int]):
    """Rows of `query` where `column` is in `ids`, asked in chunks any database's IN list takes."""
    for chunk in range(0, len(ids), 900):
        yield from session.exec(query.where(column.in_(ids[chunk:chunk + 900])))


def _candidates(session: Session) -> list[tuple[Row, Row | None]]:
    """Approved stories with their current revision's id and hash, and their latest consent.

    Plain rows, not ORM objects: with attribute access by column name they
    serve `render_story` and the consent checks, at a fraction of the cost.
    """
    rows = session.exec(
        select(*_STORY_COLUMNS, Revision.id.label("revision_id"), Revision.content_hash)
        .join(Revision, Revision.id == Story.current_revision_id)
        .where(Story.status == Status.APPROVED.value, Story.erased_at.is_(None))
        .order_by(Story.id)
    ).all()
    consents: dict[int, Row] = {}
    query = select(*_CONSENT_COLUMNS).order_by(Consent.id)
    for c in _where_in(session, query, Consent.story_id, [r.id for r in rows]):
        consents[c.story_id] = c  # the latest wins
    return [(row, consents.get(row.id)) for row in rows]


def _kept(revision_ids: list[int], session: Session) -> dict[int, set]:
    """Kept findings of many revisions at once: {revision id: {(field, kind, start, end)}}."""
    kept: dict[int, set] = {}
    for k in _where_in(session, select(KeptFinding), KeptFinding.revision_id, revision_ids):
        kept.setdefault(k.revision_id, set()).add((k.field, k.kind, k.start, k.end))
    return kept


def _revisions(ids: list[int], session: Session) -> dict[int, Revision]:
    """Whole revisions (text and stored findings) by id."""
    return {r.id: r for r in _where_in(session, select(Revision), Revision.id, ids)}


def _shared_inputs() -> tuple[str, str, str]:
    """The input-key parts every story shares: disclaimer, detector and renderer."""
    return get_settings().results_vary, detector_fingerprint(), RENDER_FINGERPRINT


def input_key(fmt: str, story: Row, consent: Row, kept: set, shared: tuple[str, str, str]) -> str:
    """Everything a story's file depends on, hashed: unchanged key, unchanged file.

    `story` is a `_candidates` row; `shared` comes from `_shared_inputs`.  The
    detector and renderer fingerprints are part of it, so a new detector
    re-scans and a new escaping rule rewrites every file.
    """
    parts = [fmt, story.content_hash, story.display_mode, story.tags,
             str(story.published_on), story.original_hash, str(consent.id),
             consent.material_connection, *shared, repr(sorted(kept))]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _refusal(story: Row, consent: Row | None, today: date, session: Session,
             hashes: dict[int, str]) -> str | None:
    """Why a story may not be published today (consent, sign-off), or None."""
    try:
        require_publishable(story, today, session=session, consent=consent, hashes=hashes)
    except ConsentMissing:
        return "consent"
    if not set(filter(None, story.tags.split(","))) <= set(TOPICS):
        return "tags"  # only the clinic's own topic words may reach the site
    return "sign-off" if story.signed_off_hash != story.content_hash else None


def _open_identifiers(revision: Revision, kept: set) -> str | None:
    """The export's re-scan: kinds of findings neither redacted nor kept, or None."""
    kinds = {f.finding.kind for f in with_kept(revision, kept) if not f.kept}
    return f"identifiers {','.join(sorted(kinds))}" if kinds else None


def build(fmt: str, today: date, *, session: Session, previous: dict[str, str] | None = None
          ) -> tuple[dict[str, str | None], dict[str, str], ExportReport]:
    """Decide what to publish: ({file name: content, None if unchanged}, {name: input key}, report).

    Consent and sign-off are checked for every story, today.  A story whose
    input key equals the one recorded for its file last time was already
    scanned and rendered with the same detector and code: it is not again,
    and its text is not even loaded.
    """
    report, files, keys, previous = ExportReport(), {}, {}, previous or {}
    hashes, shared = authorization_hashes(session), _shared_inputs()
    rows = _candidates(session)
    kept = _kept([story.revision_id for story, _ in rows], session)
    pending = []  # (story, consent, name, key): to scan and render
    for story, consent in rows:
        why = _refusal(story, consent, today, session, hashes)
        if why:
            report.refused.append((story.public_id, why))
            continue
        name = file_name(story, fmt)
        key = input_key(fmt, story, consent, kept.get(story.revision_id, set()), shared)
        if previous.get(name) == key:
            files[name], keys[name] = None, key
        else:
            pending.append((story, consent, name, key))
    revisions = _revisions([story.revision_id for story, *_ in pending], session)
    for story, consent, name, key in pending:
        revision = revisions[story.revision_id]
        why = _open_identifiers(revision, kept.get(story.revision_id, set()))
        if why:
            report.refused.append((story.public_id, why))
            continue
        files[name] = render_story(story, revision, fmt, consent.material_connection)[1]
        keys[name] = key
    return files, keys, report


def _sha(content: str) -> str:
    return hashlib.sha256(content.encode()).hexdigest()


def _read_manifest(out: Path) -> tuple[dict[str, str], dict[str, str]]:
    """({file name: content sha}, {file name: input key}) from the manifest, if any."""
    path = out / MANIFEST
    if not path.exists():
        return {}, {}
    try:
        data = json.loads(path.read_text())
        files = {str(k): str(v) for k, v in data.get("files", {}).items()}
        inputs = {str(k): str(v) for k, v in data.get("inputs", {}).items()}
    except (ValueError, AttributeError) as exc:
        raise InvalidInput(f"The export manifest {MANIFEST} is damaged; fix or remove it.") from exc
    return files, inputs


def _stage(out: Path, name: str, content: str) -> Path:
    """Write `content` to the temporary twin of `out/name`; the caller syncs and moves it."""
    tmp = out / (TMP_PREFIX + name)
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(content)
    return tmp


def write_files(out: Path, files: dict[str, str | None], keys: dict[str, str],
                owned: dict[str, str], inputs: dict[str, str], report: ExportReport) -> None:
    """Bring `out` in line with `files`, touching only what the manifest owns.

    `None` content means "unchanged since the last export" (same input key).
    """
    hashes = {n: owned[n] if c is None else _sha(c) for n, c in files.items()}
    changed = [n for n, c in files.items() if c is not None and (owned.get(n) != hashes[n]
                                                                  or not (out / n).exists())]
    clash = [n for n in changed if n not in owned and (out / n).exists()]
    if clash:
        raise InvalidInput(f"{len(clash)} file(s) in the output folder were not written by the "
                           "export and would be overwritten; move them away first.")
    for name in changed:  # phase 1: everything new goes to temporary files
        _stage(out, name, files[name])
    if changed:
        os.sync()  # one flush of all staged files (cheaper than an fsync per file)
    for name in changed:  # phase 2: move into place, remove what is gone
        os.replace(out / (TMP_PREFIX + name), out / name)
    for name in sorted(set(owned) - set(files)):
        (out / name).unlink(missing_ok=True)
        report.removed.append(name)
    report.written = sorted(changed)
    report.unchanged = len(files) - len(changed)
    if hashes != owned or keys != inputs:  # the manifest last: it commits the new state
        tmp = _stage(out, MANIFEST, json.dumps({"files": hashes, "inputs": keys}, indent=1,
                                               sort_keys=True))
        os.sync()
        os.replace(tmp, out / MANIFEST)


def export_site(out: Path, fmt: str = "jekyll", *, session: Session,
                today: date | None = None) -> ExportReport:
    """Expire what is due, then write every exportable story to `out`."""
    if fmt not in FORMATS:
        raise InvalidInput(f"The format must be one of: {', '.join(FORMATS)}.")
    today, out = today or utcnow().date(), Path(out)
    expired = expire_due(today, session=session)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(TMP_PREFIX + "*"):  # left by an interrupted export
        stale.unlink()
    owned, inputs = _read_manifest(out)
    previous = {n: k for n, k in inputs.items() if n in owned and (out / n).exists()}
    files, keys, report = build(fmt, today, session=session, previous=previous)
    report.expired = expired
    write_files(out, files, keys, owned, inputs, report)
    return report
