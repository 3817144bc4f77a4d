"""The clinic's public moderation policy page, generated from the app's settings.

How stories are chosen and edited, that no story is refused or changed for
being negative (16 CFR 465.7), the reasons a story is not published (the
one table in `stories.rejection`), the disclosures every story carries, the
channels a patient may allow, and how a withdrawal reaches every copy.  It
is written as a Markdown page for the site kits (`site-kits/`): the same
front-matter writer and Markdown escaping as the export, so the clinic's
own settings cannot put markup or a template on the public site either.
"""

from __future__ import annotations

from pathlib import Path

from stories.choices import MATERIAL_CONNECTIONS
from stories.config import get_settings
from stories.distribution.channels import channels
from stories.errors import InvalidInput
from stories.frontmatter import emit
from stories.rejection import REASONS
from stories.sitemarkdown import to_safe_markdown

FILE_NAME = "moderation-policy.md"
TITLE = "How we choose and edit patient stories"
NEVER_FOR_BEING_NEGATIVE = (
    "We publish stories whether they are positive or negative. We never refuse, hold back, "
    "shorten or change a story because it is critical of the clinic or describes a poor result.")


def policy_text() -> str:
    """The policy as plain paragraphs and lists (before Markdown escaping)."""
    settings = get_settings()
    allowed = "; ".join(c.label.lower() for c in channels().values())
    reasons = "\n".join(f"- {r.staff}" for r in REASONS.values())
    connections = "\n".join(f"- {text}" for key, text in MATERIAL_CONNECTIONS.items()
                            if key != "none")
    return "\n\n".join([
        "Every story on this site was written by a patient about her own treatment and is "
        "published with her written permission. She chooses where it may be used: "
        f"{allowed}. The clinic uses it only where she allowed.",
        NEVER_FOR_BEING_NEGATIVE,
        "What we edit: we remove anything that could identify the author or another person "
        "(names, places, dates, contact details), and we may correct spelling. The author "
        "approves the exact final text, word for word, before it is published. A story the "
        "clinic edited says so.",
        "Short excerpts: when the author allowed them, we may quote a short passage of her "
        "approved story, only after she has approved that passage word for word.",
        "We do not publish a story when:\n" + reasons,
        "Every story says whether its author has a connection with the clinic, such as:\n"
        + connections,
        f"Every story carries this notice: {settings.results_vary}",
        "An author may withdraw her story, or stop one use of it, at any time with her receipt "
        "code. The story is then removed from this site at the next update, and every other "
        "copy the clinic controls is taken down; the clinic aims to do so within "
        f"{settings.takedown_overdue_days} days.",
    ])


def render_policy(fmt: str) -> str:
    """The policy page as a Markdown document for a Jekyll or Hugo site."""
    fields: dict = {"title": TITLE}
    if fmt == "jekyll":
        fields = {"layout": "policy", **fields, "permalink": "/moderation-policy/"}
    elif fmt != "hugo":
        raise InvalidInput("The format must be jekyll or hugo.")
    return emit(fields, to_safe_markdown(policy_text()))


def write_policy(folder: Path, fmt: str) -> Path:
    """Write `moderation-policy.md` into `folder` (Jekyll: the site root; Hugo: `content/`)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InvalidInput("The folder for the policy page does not exist.")
    path = folder / FILE_NAME
    path.write_text(render_policy(fmt), encoding="utf-8", newline="\n")
    return path
