"""The communications team's file of usable excerpts (`python -m stories excerpts export`).

One Markdown file with a fixed name (`excerpts.md`: never a name made from
text), listing only the excerpts usable today (`excerpts.listing` with
`usable_only`): signed off by the patient, cut from the story's current text,
and her consent valid and covering excerpts right now.  An excerpt whose
consent ended or that was retired is simply not in the next file.  Each
excerpt's words are escaped (`stories.sitemarkdown.to_safe_markdown`), so
no markup, link or template in them acts wherever the file is opened or
pasted.  The file names each excerpt's number and hash, so every use can be
recorded against exactly those words.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from sqlmodel import Session

from stories.distribution.excerpts import ExcerptLine, listing
from stories.errors import InvalidInput
from stories.models import utcnow
from stories.patient import readable_date
from stories.sitemarkdown import to_safe_markdown

FILE_NAME = "excerpts.md"
TITLE = "Excerpts approved for print and social media"
INTRO = (
    "Exported on {day}. Each author approved her excerpt word for word, and her permission "
    "covers short excerpts in print and social media today. Use the words exactly as they are "
    "here. Record every use on the Excerpts page, with the excerpt's number, so that it can be "
    "taken down if she withdraws. This list is only good for today: export it again before "
    "using an excerpt on another day.")
NONE_USABLE = "No excerpt may be used today."


def _section(line: ExcerptLine) -> str:
    origin = ("word for word from the published story" if line.verbatim
              else "written by the clinic from the published story")
    quoted = "\n".join(f"> {row}" if row else ">" for row in to_safe_markdown(line.text).split("\n"))
    return (f"## Excerpt {line.excerpt_id}\n\n- Story: {line.public_id}\n"
            f"- Excerpt hash: {line.content_hash}\n- {origin.capitalize()}\n\n{quoted}\n")


def render(lines: list[ExcerptLine], today: date) -> str:
    """The file's Markdown: a title, what the list means, then one section per excerpt."""
    parts = [f"# {TITLE}\n", INTRO.format(day=readable_date(today)) + "\n"]
    parts += [_section(line) for line in lines] or [NONE_USABLE + "\n"]
    return "\n".join(parts)


def write_export(folder: Path, *, session: Session, today: date | None = None) -> tuple[Path, int]:
    """Write `excerpts.md` into `folder` (created if absent); return its path and how many."""
    today = today or utcnow().date()
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InvalidInput("The output path exists and is not a folder.")
    folder.mkdir(parents=True, exist_ok=True)
    lines = listing(session=session, usable_only=True, today=today)
    path = folder / FILE_NAME
    partial = folder / f".{FILE_NAME}.partial"
    partial.write_text(render(lines, today), encoding="utf-8", newline="\n")
    os.replace(partial, path)  # all or nothing: a reader never sees half a list
    return path, len(lines)
