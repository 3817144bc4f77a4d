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
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Row
from sqlmodel import Session, select

from stories.audit import current_checkpoint
from stories.choices import MATERIAL_CONNECTIONS, TOPICS
from stories.config import get_settings
from stories.consent import authorization_hashes, require_publishable
from stories.crypto import sub_key
from stories.distribution.ledger import record_export
from stories.errors import ConsentMissing, InvalidInput
from stories.expiry import expire_due
from stories.export_files import on_disk, read_manifest, recover, write_files
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
    manifest = read_manifest(out)
    verified = on_disk(out, manifest.files)
    previous = {n: k for n, k in manifest.inputs.items() if n in verified}
    files, keys, report = build(fmt, today, session=session, previous=previous)
    report.expired = expired
    write_files(out, files, keys, manifest, verified, report,
                checkpoint.to_json() if checkpoint else None)
    # The distribution ledger follows the export: a row per published story (its exact hash);
    # a story no longer published ends its row and closes its takedown tasks.
    record_export(fmt, sorted(files), report.written, session=session, today=today)
    return report
