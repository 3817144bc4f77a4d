"""The export's files on disk: the manifest it owns them by, and an all-or-nothing publish.

`stories.export` decides what each file holds; this module puts the files in
place.  The manifest records every file the export wrote (its content hash
and keyed input key) and an audit checkpoint; files are checked against it on
every run and repaired.  New output is staged in temporary files and applied
through a journal committed by one rename, so a crash leaves the old set or,
once the journal is committed, a set the next run completes first.  A file the
manifest does not list is never touched.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from stories.audit import AuditAnchorDamaged, Checkpoint
from stories.errors import InvalidInput

if TYPE_CHECKING:
    from stories.export import ExportReport

MANIFEST = ".stories-manifest.json"
JOURNAL = ".stories-journal.json"
TMP_PREFIX = ".stories-tmp-"


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


def read_manifest(out: Path) -> Manifest:
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
    audit = read_manifest(Path(out)).audit
    if audit is None:
        return None
    try:
        return Checkpoint.from_json(audit)
    except AuditAnchorDamaged as exc:
        raise InvalidInput(f"The audit checkpoint in {out / MANIFEST} is damaged.") from exc


def on_disk(out: Path, owned: dict[str, str]) -> dict[str, str]:
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
