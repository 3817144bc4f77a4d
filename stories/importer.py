"""`import`: put testimonials that are already published under the same governance.

Input is Markdown files with YAML front matter, or JSON Lines, each with the
consent metadata of a paper authorization (reference, date, expiry, and the
uses it covers: the website, `use_excerpts`, and any of the clinic's configured
channels listed under `channels`).  Every
story is cleaned, checked and scanned like a web submission, in every field
that reaches the site (title, body, the `author` shown, topics), and goes to
the moderation queue as "signed off": a paper authorization is the patient's
consent and her sign-off of the text she signed, not a moderator's review, so
nothing imported is published until a person approved it (after redacting or
keeping every finding; a redaction voids the paper sign-off like any edit).  From then on expiry,
withdrawal and audit apply as to any other story.  Re-importing the same text
is skipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import yaml
from sqlmodel import Session, select

from stories import frontmatter, receipts
from stories.authorization import PAPER_VERSION, text_hash
from stories.choices import DEFAULT_TERM_DAYS, MATERIAL_CONNECTIONS, TOPICS
from stories.config import MAX_PAPER_REFERENCE_CHARS
from stories.distribution.channels import EXCERPTS, WEBSITE, allow_extra, channel, channels
from stories.errors import InvalidInput, StoryError
from stories.fields import clean_line, clean_story
from stories.intake import NewStory, already_stored, create_story
from stories.models import AuthorizationText, Consent, Revision
from stories.submission import INITIALS, display_name_for, tags_for

PAPER_TEXT = (
    "# Paper authorization\n\nThis story was published before the online process existed. "
    "The patient signed a paper authorization, which the clinic keeps on file under the "
    "reference recorded with this consent. Its date and expiry are recorded here; its "
    "revocation follows the same rules as the online authorization."
)
MAX_FILE_BYTES = 2_000_000


@dataclass
class ImportReport:
    """Per item: what happened, by opaque id or input position only."""

    imported: list[tuple[str, str, str]] = field(default_factory=list)  # (public_id, status, code)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (where, why)


def _paper_terms(session: Session) -> AuthorizationText:
    terms = session.exec(select(AuthorizationText).where(AuthorizationText.version == PAPER_VERSION))
    found = terms.first()
    if found is None:
        found = AuthorizationText(version=PAPER_VERSION, body=PAPER_TEXT, sha256=text_hash(PAPER_TEXT))
        session.add(found)
        session.flush()
    return found


def _date(value, label: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise InvalidInput(f"{label} must be a date like 2024-05-31.") from exc


def _paper_channels(item: dict) -> list[str]:
    """The uses the paper authorization covers: the website always (the story is published
    there), excerpts when `use_excerpts` is true, and any configured channel under `channels`.
    """
    listed = item.get("channels") or []
    listed = [listed] if isinstance(listed, str) else listed
    table = channels()
    if not isinstance(listed, list) or not all(isinstance(k, str) and k in table for k in listed):
        raise InvalidInput("channels must list channel names from: " + ", ".join(table) + ".")
    return list(dict.fromkeys([WEBSITE, *([EXCERPTS] if item.get("use_excerpts") else []),
                               *listed]))


def _consent(item: dict, terms: AuthorizationText) -> Consent:
    """The paper authorization's consent, checked (the caller sets its `story_id`)."""
    reference = clean_line(str(item.get("authorization_reference", "")), MAX_PAPER_REFERENCE_CHARS,
                           "authorization_reference")
    signed = _date(item.get("authorization_date"), "authorization_date")
    expires = item.get("expires_on")
    material = str(item.get("material_connection", "none"))
    if material not in MATERIAL_CONNECTIONS:
        raise InvalidInput("material_connection must be one of: " + ", ".join(MATERIAL_CONNECTIONS))
    return Consent(
        authorization_id=terms.id, authorization_version=terms.version,
        authorization_sha256=terms.sha256, use_website=True,
        use_excerpts=EXCERPTS in _paper_channels(item),
        expires_on=(_date(expires, "expires_on") if expires
                    else signed + timedelta(days=DEFAULT_TERM_DAYS)),
        signer_role="patient", attest_adult=True, attest_identity=True,
        material_connection=material, paper_reference=reference,
        signed_at=_as_datetime(signed),
    )


def _shown_as(value) -> tuple[str, str]:
    """(display mode, name) for an imported `author`, checked as the web form checks it."""
    name = str(value or "").strip()
    if not name or name.casefold() == "anonymous":
        return "anonymous", ""
    mode = "initials" if INITIALS.match(name) else "pseudonym"
    try:
        return mode, display_name_for(mode, name)
    except InvalidInput as exc:
        raise InvalidInput(f"author: {exc}") from exc


def _tags(value) -> str:
    """Topics from the clinic's list only: anything else is refused, never published."""
    tags = value if isinstance(value, list) else [value] if value else []
    try:
        return tags_for([str(t) for t in tags])
    except InvalidInput as exc:
        raise InvalidInput(f"tags: {exc} The list: {', '.join(TOPICS)}.") from exc


def _as_datetime(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def import_item(item: dict, *, session: Session) -> tuple[str, str, str] | None:
    """Import one story; None if the same text is already in the database."""
    if not isinstance(item, dict):
        raise InvalidInput("Each item must be an object with title, body and consent fields.")
    title, body = clean_story(str(item.get("title", "")), str(item.get("body", "")))
    if already_stored(body, "import", session=session):
        return None
    mode, name = _shown_as(item.get("display_name"))
    published = item.get("published_on")
    new = NewStory(title=title, body=body, display_mode=mode, display_name=name,
                   tags=_tags(item.get("tags")), origin="import",
                   summary="imported from the website",
                   published_on=_date(published, "published_on") if published else None)
    consent = _consent(item, _paper_terms(session))
    code = receipts.new_code()
    story, _ = create_story(new, code, session=session, detail=_import_detail)
    consent.story_id = story.id
    session.add(consent)
    session.flush()
    for key in _paper_channels(item):
        if channel(key).consent_field is None:
            allow_extra(consent, key, session=session)
    return story.public_id, story.status, code


def _import_detail(revision: Revision) -> str:
    """The import's audit detail: the paper authorization and the kinds found, no words."""
    return "paper authorization; findings " + (revision.finding_summary or "none")


def read_items(path: Path) -> list[tuple[str, dict]]:
    """(where, item) pairs from a Markdown file or a JSON Lines file."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InvalidInput(f"{path.name} is larger than {MAX_FILE_BYTES} bytes.")
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix in (".jsonl", ".ndjson"):
        return [(f"{path.name}:{n}", json.loads(line)) for n, line in enumerate(text.splitlines(), 1)
                if line.strip()]
    try:
        fields, body = frontmatter.parse(text)
    except ValueError as exc:
        raise InvalidInput(f"{path.name} has no front matter ({exc}).") from None
    if not isinstance(fields, dict):
        raise InvalidInput(f"{path.name}: the front matter is not a mapping.")
    return [(path.name, {**fields, "body": body.strip(), "display_name": fields.get("author", "")})]


def import_paths(paths: list[Path], *, session_factory) -> ImportReport:
    """Import every item, each in its own transaction; bad items are reported, not fatal."""
    report = ImportReport()
    for path in paths:
        try:
            items = read_items(path)
        except (OSError, ValueError, yaml.YAMLError, StoryError) as exc:
            report.skipped.append((path.name, _why(exc)))
            continue
        for where, item in items:
            try:
                with session_factory() as session:
                    result = import_item(item, session=session)
            except (StoryError, ValueError, TypeError, KeyError) as exc:
                report.skipped.append((where, _why(exc)))
                continue
            if result is None:
                report.skipped.append((where, "already imported"))
            else:
                report.imported.append(result)
    return report


def _why(exc: Exception) -> str:
    return str(exc) if isinstance(exc, StoryError) else f"unreadable ({type(exc).__name__})"
