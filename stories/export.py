"""`export_site`: approved stories as Markdown files for the static site.

Only stories that are approved, still covered by a valid website consent,
signed off in their exact current text, and free of unresolved identifiers
(re-scanned now) are written.  The export owns its files through a manifest:

* file names come from the opaque id (and the publication date for Jekyll),
  never from a title or a name;
* every file the manifest lists is checked on disk against the content hash
  the manifest recorded; one that differs (hand-edited, half-written) or is
  missing is rendered and written again;
* a file whose content did not change is not rewritten, so a re-export with
  no change writes nothing;
* a file the manifest lists but that is no longer exportable is removed;
* a file the manifest does not list is never touched;
* the new output is published as a whole, through a journal: new content
  goes to temporary files, then the journal (what to move in, what to
  remove) is committed with one rename, then it is applied.  A crash before
  the journal's rename leaves the old set (the next run drops the
  temporary files); a crash after it is completed by the next run before
  anything else, so the folder ends as the new set, never a mix;
* a story's text is published only if its content hash, recomputed from the
  text about to be written, is the hash the patient signed off;
* nothing derived from unpublished text is in the manifest unkeyed: an input
  key is an HMAC (key derived from `STORIES_ENCRYPTION_KEY`) and covers the
  published text's hash and whether the clinic edited it, never the
  original's hash.  The manifest also carries an audit checkpoint
  (`stories.audit`), so each export anchors the audit log.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Row
from sqlmodel import Session, select

from stories.audit import AuditAnchorDamaged, Checkpoint, current_checkpoint
from stories.choices import MATERIAL_CONNECTIONS, TOPICS
from stories.config import get_settings
from stories.consent import authorization_hashes, require_publishable
from stories.crypto import sub_key
from stories.distribution.ledger import record_export
from stories.errors import ConsentMissing, InvalidInput
from stories.expiry import expire_due
from stories.export_formats import EXPORT_FORMATS, FORMATS
from stories.frontmatter import emit
from stories.identifiers import fragments_remain, leftover_stamp, with_kept
from stories.models import Consent, KeptFinding, Revision, Story, utcnow
from stories.scans import detector_fingerprint
from stories.sitemarkdown import to_safe_markdown
from stories.texthash import revision_hash
from stories.workflow import Status

_RENDERERS = ("export.py", "export_formats.py", "sitemarkdown.py", "frontmatter.py", "textnorm.py")
#: Fingerprint of the code that turns a story into a file: a change rewrites every file.
RENDER_FINGERPRINT = hashlib.sha256(
    b"".join((Path(__file__).resolve().parent / name).read_bytes() for name in _RENDERERS)
).hexdigest()[:16]
MANIFEST = ".stories-manifest.json"
JOURNAL = ".stories-journal.json"
TMP_PREFIX = ".stories-tmp-"
INPUT_KEY_PURPOSE = "export-input-key"


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
    shape = EXPORT_FORMATS[fmt]
    fields: dict = {**shape.lead, "title": revision.title}
    fields.update({
        "date": published.isoformat(),
        "author": _display(revision),
        "tags": [t for t in story.tags.split(",") if t],
        "id": story.public_id,
        "edited_by_clinic": revision.content_hash != story.original_hash,
        "material_connection": MATERIAL_CONNECTIONS.get(material, MATERIAL_CONNECTIONS["other"]),
        "disclaimer": get_settings().results_vary,
        **shape.extra,
    })
    return file_name(story, fmt), emit(fields, to_safe_markdown(revision.body))


def file_name(story: Story | Row, fmt: str) -> str:
    """The story's file: its opaque id (after the publication date for Jekyll)."""
    return EXPORT_FORMATS[fmt].file_name(story.public_id, story.published_on or utcnow().date())


# What the export's decisions read from a story; the revision's text is loaded
# only for the stories that must be rendered (new or changed since last time).
_STORY_COLUMNS = (Story.id, Story.public_id, Story.display_mode, Story.tags,
                  Story.published_on, Story.original_hash, Story.signed_off_hash,
                  Story.checked_detector)
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


def _shared_inputs() -> tuple[hmac.HMAC, tuple[str, str, str]]:
    """The input key's keyed hash (ready to copy), and the parts every story shares:
    disclaimer, detector, renderer."""
    return (hmac.new(sub_key(INPUT_KEY_PURPOSE), digestmod=hashlib.sha256),
            (get_settings().results_vary, detector_fingerprint(), RENDER_FINGERPRINT))


def input_key(fmt: str, story: Row, consent: Row, kept: set,
              shared: tuple[hmac.HMAC, tuple[str, str, str]]) -> str:
    """Everything a story's file depends on, keyed-hashed: unchanged key, unchanged file.

    `story` is a `_candidates` row; `shared` comes from `_shared_inputs`.  The
    detector and renderer fingerprints are part of it, so a new detector
    re-scans and a new escaping rule rewrites every file.  Of the original
    text only what the file shows counts (was it edited?), and the whole is
    an HMAC: the manifest lets nobody test a guess at unpublished words.
    """
    keyed, common = shared
    parts = [fmt, story.content_hash, story.display_mode, story.tags,
             str(story.published_on), str(story.content_hash != story.original_hash),
             str(consent.id), consent.material_connection, *common, repr(sorted(kept))]
    digest = keyed.copy()
    digest.update("\x1f".join(parts).encode())
    return digest.hexdigest()


def published_hash(story: Story | Row, revision: Revision) -> str:
    """The content hash of exactly what would be published for `story` (the one place it is computed).

    Compared with the hash the patient signed off: text changed behind the
    service layer (directly in the database) no longer matches and is refused.
    """
    return revision_hash(revision)


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


def _open_identifiers(revision: Revision, kept: set, original: Revision | None) -> str | None:
    """The export's re-scan: kinds of findings neither redacted nor kept, or the
    remains of a redacted identifier; None when the text is clear.

    `original` is None when approval already looked for remains with the
    detector in force (the text is the signed-off one, checked by hash).
    """
    kinds = {f.finding.kind for f in with_kept(revision, kept) if not f.kept}
    if kinds:
        return f"identifiers {','.join(sorted(kinds))}"
    if original is not None and fragments_remain(original, revision):
        return "part of a redacted identifier remains"
    return None


def _originals(story_ids: list[int], session: Session) -> dict[int, Revision]:
    """Each story's first revision (what the patient wrote), by story id."""
    query = select(Revision).where(Revision.number == 1)
    return {r.story_id: r for r in _where_in(session, query, Revision.story_id, story_ids)}


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
    originals = _originals([story.id for story, *_ in pending
                            if story.checked_detector != leftover_stamp(story.content_hash)], session)
    for story, consent, name, key in pending:
        revision = revisions[story.revision_id]
        if published_hash(story, revision) != story.signed_off_hash:
            report.refused.append((story.public_id, "text differs from what was signed off"))
            continue
        why = _open_identifiers(revision, kept.get(story.revision_id, set()),
                                originals.get(story.id))
        if why:
            report.refused.append((story.public_id, why))
            continue
        files[name] = render_story(story, revision, fmt, consent.material_connection)[1]
        keys[name] = key
    return files, keys, report


def _sha(content: str | bytes) -> str:
    return hashlib.sha256(content.encode() if isinstance(content, str) else content).hexdigest()


@dataclass
class Manifest:
    """What the export owns: {file name: content sha}, {file name: input key}, audit checkpoint."""

    files: dict[str, str] = field(default_factory=dict)
    inputs: dict[str, str] = field(default_factory=dict)
    audit: dict | None = None

    def dump(self) -> str:
        data = {"files": self.files, "inputs": self.inputs}
        if self.audit is not None:
            data["audit"] = self.audit
        return json.dumps(data, indent=1, sort_keys=True)


def _plain_names(names, what: str) -> list[str]:
    """`names` if every one is a plain file name in the folder (no path), else `InvalidInput`.

    The manifest and the journal name what the export moves and removes; a
    path in them must never reach outside the output folder.
    """
    names = [str(n) for n in names]
    if any(n != os.path.basename(n) or n in ("", ".", "..") for n in names):
        raise InvalidInput(f"The export {what} names a file outside its folder; fix or remove it.")
    return names


def _read_manifest(out: Path) -> Manifest:
    """The manifest in `out`, an empty one if there is none."""
    path = out / MANIFEST
    if not path.exists():
        return Manifest()
    try:
        data = json.loads(path.read_text())
        files = {str(k): str(v) for k, v in data.get("files", {}).items()}
        inputs = {str(k): str(v) for k, v in data.get("inputs", {}).items()}
        audit = data.get("audit")
    except (ValueError, AttributeError) as exc:
        raise InvalidInput(f"The export manifest {MANIFEST} is damaged; fix or remove it.") from exc
    _plain_names(list(files) + list(inputs), "manifest")
    return Manifest(files, inputs, audit if isinstance(audit, dict) else None)


def manifest_checkpoint(out: Path) -> Checkpoint | None:
    """The audit checkpoint an export in `out` carries (for `audit verify --export`)."""
    audit = _read_manifest(Path(out)).audit
    if audit is None:
        return None
    try:
        return Checkpoint.from_json(audit)
    except AuditAnchorDamaged as exc:
        raise InvalidInput(f"The audit checkpoint in {out / MANIFEST} is damaged.") from exc


def _on_disk(out: Path, owned: dict[str, str]) -> dict[str, str]:
    """The owned files whose content on disk is what the manifest recorded: {name: sha}.

    A file that is missing, was edited by hand or was left half-updated is
    not in the result, so it is rendered and written again.
    """
    verified = {}
    for name, digest in owned.items():
        try:
            with open(out / name, "rb") as handle:
                data = handle.read()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            continue
        if _sha(data) == digest:
            verified[name] = digest
    return verified


def _stage(out: Path, name: str, content: str) -> Path:
    """Write `content` to the temporary twin of `out/name`; the caller syncs and moves it."""
    tmp = out / (TMP_PREFIX + name)
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(content)
    return tmp


def _apply_journal(out: Path) -> bool:
    """Complete a committed publish (move staged files in, remove the gone ones); True if there was one.

    Idempotent: a file already moved has no temporary twin any more, so a
    crash while applying is finished by applying again.
    """
    path = out / JOURNAL
    try:
        journal = json.loads(path.read_text())
    except FileNotFoundError:
        return False
    except ValueError as exc:
        raise InvalidInput(f"The export journal {JOURNAL} is damaged; fix or remove it.") from exc
    for name in _plain_names(journal.get("replace", []), "journal"):
        staged = out / (TMP_PREFIX + name)
        if staged.exists():
            os.replace(staged, out / name)
    for name in _plain_names(journal.get("remove", []), "journal"):
        (out / name).unlink(missing_ok=True)
    path.unlink()
    return True


def recover(out: Path) -> None:
    """Finish a publish whose journal was committed, and drop what an uncommitted one staged."""
    _apply_journal(out)
    for stale in out.glob(TMP_PREFIX + "*"):  # staged by a run that never committed
        stale.unlink()


def _publish(out: Path, staged: dict[str, str], removed: list[str]) -> None:
    """Stage every new file, commit the journal with one rename, then apply it."""
    for name, content in staged.items():  # phase 1: everything new goes to temporary files
        _stage(out, name, content)
    journal = _stage(out, JOURNAL, json.dumps({"replace": sorted(staged), "remove": removed}))
    os.sync()  # one flush of all staged files and the journal (cheaper than an fsync per file)
    os.replace(journal, out / JOURNAL)  # the commit point: from here on, the new set
    _sync_folder(out)
    _apply_journal(out)  # phase 2: move into place, remove what is gone
    _sync_folder(out)


def _sync_folder(out: Path) -> None:
    """Make the folder's renames durable."""
    fd = os.open(out, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_files(out: Path, files: dict[str, str | None], keys: dict[str, str],
                manifest: Manifest, verified: dict[str, str], report: ExportReport,
                audit: dict | None = None) -> None:
    """Bring `out` in line with `files`, touching only what the manifest owns.

    `None` content means "unchanged since the last export" (same input key,
    file verified on disk); `verified` is `_on_disk`'s result.
    """
    owned = manifest.files
    hashes = {n: owned[n] if c is None else _sha(c) for n, c in files.items()}
    changed = [n for n, c in files.items() if c is not None and verified.get(n) != hashes[n]]
    clash = [n for n in changed if n not in owned and (out / n).exists()]
    if clash:
        raise InvalidInput(f"{len(clash)} file(s) in the output folder were not written by the "
                           "export and would be overwritten; move them away first.")
    removed = sorted(set(owned) - set(files))
    new = Manifest(hashes, keys, audit)
    report.written, report.removed = sorted(changed), removed
    report.unchanged = len(files) - len(changed)
    if changed or removed or new != manifest or not (out / MANIFEST).exists():
        staged = {name: files[name] for name in changed}
        staged[MANIFEST] = new.dump()  # moved in with the files: it commits the new state
        _publish(out, staged, removed)


def export_site(out: Path, fmt: str = "jekyll", *, session: Session,
                today: date | None = None) -> ExportReport:
    """Expire what is due, then write every exportable story to `out`."""
    if fmt not in FORMATS:
        raise InvalidInput(f"The format must be one of: {', '.join(FORMATS)}.")
    today, out = today or utcnow().date(), Path(out)
    checkpoint = current_checkpoint(session)  # before this run's own events: committed ones only
    expired = expire_due(today, session=session)
    out.mkdir(parents=True, exist_ok=True)
    recover(out)  # an interrupted export is finished (or undone) first
    manifest = _read_manifest(out)
    verified = _on_disk(out, manifest.files)
    previous = {n: k for n, k in manifest.inputs.items() if n in verified}
    files, keys, report = build(fmt, today, session=session, previous=previous)
    report.expired = expired
    write_files(out, files, keys, manifest, verified, report,
                checkpoint.to_json() if checkpoint else None)
    # The distribution ledger follows the export: a row per published story (its exact hash);
    # a story no longer published ends its row and closes its takedown tasks.
    record_export(fmt, sorted(files), report.written, session=session, today=today)
    return report
