"""The distribution ledger: every place a story went, tied to the exact revision hash.

Two writers:

* `record_export` (called by `stories.export.export_site` after a successful
  write): one automatic `website` row per story and site format the export
  publishes; a story whose text changed ends its old row ("replaced") and
  starts a new one; a story the export no longer publishes ends its row
  ("removed") and closes its open takedown tasks;
* `record_use`: a use staff record (channel, where, when, a short note).  The
  channel's consent is checked at that moment (`channels.require_channel`),
  and `where` and the note are refused if they look like personal data.  A
  use of a signed-off excerpt names it and is tied to the excerpt's hash.

Rows hold the clinic's words about the place, never story text.  A use staff
record is audited (naming the channel and the row, never `where` or the
note); the export's own rows are not: the export already anchors the audit
log in its manifest, and an audit row per run would change that anchor and
rewrite the manifest on every re-export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert
from sqlmodel import Session, select

from stories.audit import record, record_many
from stories.detect import detect
from stories.distribution import excerpts, takedowns
from stories.distribution.channels import WEBSITE, channel, require_channel
from stories.errors import InvalidInput
from stories.events import Event
from stories.export_formats import EXPORT_FORMATS
from stories.models import Distribution, Excerpt, Revision, Story, utcnow

MAX_WHERE = 200
MAX_NOTE = 200
#: Finding kinds a place or note may contain (a city, a clinic, a date, a post's address);
#: anything else (a name, an email, a phone number, a handle, an age) is refused.
ALLOWED_KINDS = frozenset({"LOCATION", "FACILITY", "DATE", "URL"})
REPLACED, REMOVED, TAKEN_DOWN = "replaced", "removed", "taken down"


class PersonalDataInNote(InvalidInput):
    """A place or note recorded by staff looks like it holds personal data."""


@dataclass(frozen=True)
class ExportSync:
    """What `record_export` changed: counts only."""

    recorded: int = 0
    ended: int = 0
    closed_tasks: int = 0


def clean_words(text: str, limit: int, what: str, *, required: bool) -> str:
    """`text` trimmed and bounded; refused when empty (if required), too long or identifying."""
    text = " ".join((text or "").split())
    if required and not text:
        raise InvalidInput(f"Please say {what}.")
    if len(text) > limit:
        raise InvalidInput(f"{what.capitalize()} may be at most {limit} characters.")
    kinds = {f.kind for f in detect(text)} - ALLOWED_KINDS if text else set()
    if kinds:
        raise PersonalDataInNote(f"{what.capitalize()} must not hold personal data "
                                 f"(it looks like it holds: {', '.join(sorted(kinds)).lower()}).")
    return text


def active(story_id: int, *, session: Session) -> list[Distribution]:
    """The story's copies still out there (not ended), oldest first."""
    return list(session.exec(select(Distribution).where(
        Distribution.story_id == story_id, Distribution.ended_at.is_(None))
        .order_by(Distribution.id)))


def for_story(story_id: int, *, session: Session) -> list[Distribution]:
    """Every ledger row of a story, oldest first."""
    return list(session.exec(select(Distribution).where(Distribution.story_id == story_id)
                             .order_by(Distribution.id)))


def record_use(story: Story, channel_key: str, where: str, used_on: date, note: str = "", *,
               staff_id: int | None, session: Session, today: date | None = None,
               excerpt: Excerpt | None = None) -> Distribution:
    """Record a manual use of the story's current, signed-off text; refused without consent.

    With `excerpt`, a use of that signed-off excerpt: the channel must be
    excerpts, the excerpt usable at this moment (`excerpts.require_usable`),
    and the row is tied to the excerpt's hash.
    """
    today = today or utcnow().date()
    where = clean_words(where, MAX_WHERE, "where it was used", required=True)
    note = clean_words(note, MAX_NOTE, "the note", required=False)
    if used_on > today:
        raise InvalidInput("The date of use cannot be in the future.")
    require_channel(story, channel_key, today, session=session)
    if channel(channel_key).needs_excerpt and excerpt is None:
        raise InvalidInput("A use in this channel names the excerpt she approved: "
                           "record it on the Excerpts page.")
    digest = story.signed_off_hash
    if excerpt is not None:
        if not channel(channel_key).needs_excerpt:
            raise InvalidInput("An excerpt is used only in the excerpts channel.")
        excerpts.require_usable(excerpt, story, today, session=session)
        digest = excerpt.content_hash
    row = Distribution(story_id=story.id, channel=channel_key, where_used=where,
                       revision_hash=digest, used_on=used_on, note=note,
                       automatic=False, recorded_by=staff_id,
                       excerpt_id=excerpt.id if excerpt is not None else None)
    session.add(row)
    session.flush()
    of_excerpt = f", excerpt {excerpt.id}" if excerpt is not None else ""
    record(session, actor_kind="staff", actor_id=staff_id, action=Event.DISTRIBUTION_RECORDED,
           story_id=story.id, revision_hash=row.revision_hash,
           detail=f"distribution {row.id}, channel {channel_key}{of_excerpt}")
    return row


def end(row: Distribution, reason: str, *, session: Session) -> None:
    """Mark a copy gone (`replaced`, `removed` or `taken down`)."""
    row.ended_at, row.end_reason = utcnow(), reason
    session.add(row)


def website_place(fmt: str) -> str:
    """The ledger's `where` for the export's website copies: one per format, not per folder.

    The Export page exports into a fresh temporary folder for its zip, and
    the command line into any folder: what identifies the copy is the site
    (the format) and the story, not where the files were staged.
    """
    return f"clinic website ({fmt} export)"


def public_id_of(name: str, fmt: str) -> str:
    """The story's opaque id from an export file name (`stories.export.file_name`)."""
    return EXPORT_FORMATS[fmt].public_id_of(name)


_CHUNK = 900  # values per IN list: within every database's limit on bound parameters


def _chunks(values: list[str]):
    """`values` in slices small enough for one IN list."""
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def _website_rows(place: str, session: Session) -> dict[str, tuple[int, str]]:
    """The export's active rows for one site: {public id: (row id, revision hash)}.

    Plain columns, one query: a re-export of thousands of unchanged files
    loads no ORM object.
    """
    rows = session.exec(select(Story.public_id, Distribution.id, Distribution.revision_hash)
                        .join(Story, Story.id == Distribution.story_id).where(
        Distribution.channel == WEBSITE, Distribution.automatic.is_(True),
        Distribution.where_used == place, Distribution.ended_at.is_(None)))
    return {public_id: (row_id, digest) for public_id, row_id, digest in rows}


def _published(public_ids: list[str], session: Session) -> dict[str, tuple[int, str]]:
    """{public id: (story id, current revision hash)} for the stories the export publishes."""
    found = {}
    for chunk in _chunks(public_ids):
        rows = session.exec(select(Story.public_id, Story.id, Revision.content_hash)
                            .join(Revision, Revision.id == Story.current_revision_id)
                            .where(Story.public_id.in_(chunk)))
        found.update({p: (i, h) for p, i, h in rows})
    return found


def _end_website(row_id: int, reason: str, today: date, session: Session) -> int:
    """End one website row; close its open takedown tasks (done by the export); return how many."""
    row = session.get(Distribution, row_id)
    end(row, reason, session=session)
    return takedowns.close_for(row, session=session, staff_id=None, on=today)


def record_export(fmt: str, published: list[str], written: list[str], *, session: Session,
                  today: date | None = None) -> ExportSync:
    """Bring the ledger in line with an export that just ran (called by `export_site`).

    `published`: every file the export now holds; `written`: the files whose
    content it (re)wrote.  First the outbox is read (`takedowns.sync`), so a
    withdrawal committed before this export has its tasks; then a story the
    export no longer publishes ends its website row and closes its tasks
    (in a site folder the export deleted the file; the Export page's zip no
    longer holds it and lists it to delete), and every published story has
    an active row for the exact hash it holds.  An unchanged file that
    already has its row costs no query.
    """
    today = today or utcnow().date()
    takedowns.sync(session=session)
    place = website_place(fmt)
    current = _website_rows(place, session)
    names = {public_id_of(n, fmt): n for n in published}
    closed = 0
    gone = [row_id for public_id, (row_id, _) in current.items() if public_id not in names]
    for row_id in gone:
        closed += _end_website(row_id, REMOVED, today, session)
    changed = set(written)
    check = [p for p, n in names.items() if p not in current or n in changed]
    stories = _published(check, session)
    new, replaced = [], 0
    for public_id in check:
        found = stories.get(public_id)
        if found is None or (public_id in current and current[public_id][1] == found[1]):
            continue
        if public_id in current:
            _end_website(current[public_id][0], REPLACED, today, session)
            replaced += 1
        new.append({"story_id": found[0], "channel": WEBSITE, "where_used": place,
                    "revision_hash": found[1], "used_on": today, "note": "", "automatic": True,
                    "recorded_by": None, "recorded_at": utcnow(), "ended_at": None,
                    "end_reason": ""})
    if new:
        session.flush()
        _announce_first_publication(new, session)
        session.execute(insert(Distribution), new)
    session.flush()
    return ExportSync(len(new), len(gone) + replaced, closed)


def _announce_first_publication(new: list[dict], session: Session) -> None:
    """Audit (and so announce) a story's first appearance on the website.

    Only a story that never had a website row gets the event, so a new version
    or a re-export announces nothing and an unchanged re-export writes no audit
    row (which would move the manifest's audit anchor).
    """
    ids = [row["story_id"] for row in new]
    before = set(session.exec(select(Distribution.story_id).where(
        Distribution.channel == WEBSITE, Distribution.story_id.in_(ids))))
    first: dict[int, str] = {}
    for row in new:
        if row["story_id"] not in before:
            first.setdefault(row["story_id"], row["revision_hash"])
    record_many(session, actor_kind="system", action=Event.PUBLISH, rows=[
        {"story_id": story_id, "revision_hash": revision_hash,
         "detail": "first published on the website"}
        for story_id, revision_hash in first.items()])
