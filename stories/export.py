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

from sqlmodel import Session, select

from stories.config import get_settings
from stories.consent import require_publishable
from stories.errors import ConsentMissing, InvalidInput
from stories.expiry import expire_due
from stories.frontmatter import emit
from stories.identifiers import unresolved
from stories.markup import to_safe_markdown
from stories.models import Revision, Story, utcnow
from stories.submission import MATERIAL_CONNECTIONS
from stories.workflow import Status

FORMATS = ("jekyll", "hugo", "plain")
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


def _display(story: Story) -> str:
    return story.display_name if story.display_mode != "anonymous" and story.display_name else "Anonymous"


def render_story(story: Story, revision: Revision, fmt: str, material: str) -> tuple[str, str]:
    """Return (file name, file content) for one story."""
    published = story.published_on or utcnow().date()
    fields: dict = {"title": revision.title}
    if fmt == "jekyll":
        fields = {"layout": "story", **fields}
    fields.update({
        "date": published.isoformat(),
        "author": _display(story),
        "tags": [t for t in story.tags.split(",") if t],
        "id": story.public_id,
        "edited_by_clinic": revision.content_hash != story.original_hash,
        "material_connection": MATERIAL_CONNECTIONS.get(material, MATERIAL_CONNECTIONS["other"]),
        "disclaimer": get_settings().results_vary,
    })
    if fmt == "hugo":
        fields["draft"] = False
    name = f"{published.isoformat()}-{story.public_id}.md" if fmt == "jekyll" else f"{story.public_id}.md"
    return name, emit(fields, to_safe_markdown(revision.body))


def _candidates(session: Session) -> list[Story]:
    query = select(Story).where(Story.status == Status.APPROVED.value, Story.erased_at.is_(None))
    return list(session.exec(query.order_by(Story.id)))


def build(fmt: str, today: date, *, session: Session) -> tuple[dict[str, str], ExportReport]:
    """Decide what to publish: {file name: content}, plus refusals."""
    report = ExportReport()
    files: dict[str, str] = {}
    for story in _candidates(session):
        revision = session.get(Revision, story.current_revision_id)
        try:
            consent = require_publishable(story, today, session=session)
        except ConsentMissing:
            report.refused.append((story.public_id, "consent"))
            continue
        if story.signed_off_hash != revision.content_hash:
            report.refused.append((story.public_id, "sign-off"))
            continue
        remaining = unresolved(revision, session=session)
        if remaining:
            kinds = ",".join(sorted({f.finding.kind for f in remaining}))
            report.refused.append((story.public_id, f"identifiers {kinds}"))
            continue
        name, content = render_story(story, revision, fmt, consent.material_connection)
        files[name] = content
    return files, report


def _sha(content: str) -> str:
    return hashlib.sha256(content.encode()).hexdigest()


def _read_manifest(out: Path) -> dict[str, str]:
    path = out / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text())
        return {str(k): str(v) for k, v in data.get("files", {}).items()}
    except (ValueError, AttributeError) as exc:
        raise InvalidInput(f"The export manifest {MANIFEST} is damaged; fix or remove it.") from exc


def _write_atomic(path: Path, content: str) -> None:
    tmp = path.with_name(TMP_PREFIX + path.name)
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def write_files(out: Path, files: dict[str, str], report: ExportReport) -> None:
    """Bring `out` in line with `files`, touching only what the manifest owns."""
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(TMP_PREFIX + "*"):
        stale.unlink()
    owned = _read_manifest(out)
    hashes = {name: _sha(content) for name, content in files.items()}
    changed = [n for n in files if owned.get(n) != hashes[n] or not (out / n).exists()]
    clash = [n for n in changed if n not in owned and (out / n).exists()]
    if clash:
        raise InvalidInput(f"{len(clash)} file(s) in the output folder were not written by the "
                           "export and would be overwritten; move them away first.")
    staged = []
    for name in changed:  # phase 1: everything new goes to temporary files
        tmp = out / (TMP_PREFIX + name)
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(files[name])
            handle.flush()
            os.fsync(handle.fileno())
        staged.append(name)
    for name in staged:  # phase 2: move into place, remove what is gone
        os.replace(out / (TMP_PREFIX + name), out / name)
    for name in sorted(set(owned) - set(files)):
        (out / name).unlink(missing_ok=True)
        report.removed.append(name)
    report.written = sorted(staged)
    report.unchanged = len(files) - len(staged)
    if hashes != owned:
        _write_atomic(out / MANIFEST, json.dumps({"files": hashes}, indent=1, sort_keys=True))


def export_site(out: Path, fmt: str = "jekyll", *, session: Session,
                today: date | None = None) -> ExportReport:
    """Expire what is due, then write every exportable story to `out`."""
    if fmt not in FORMATS:
        raise InvalidInput(f"The format must be one of: {', '.join(FORMATS)}.")
    today = today or utcnow().date()
    expired = expire_due(today, session=session)
    files, report = build(fmt, today, session=session)
    report.expired = expired
    write_files(Path(out), files, report)
    return report
