"""The patient's own copy of the authorization she signed, as a readable document.

Built from the consent record and the exact authorization version it points
at, so it shows what was signed, not today's text; the list of uses comes
from the consent's own record of what the form showed (`choice.shown`).
Only the receipt code opens it; it is generated on request and never stored
or logged.
"""

from __future__ import annotations

from sqlmodel import Session, select

from stories import crypto
from stories.choices import MATERIAL_CONNECTIONS
from stories.distribution import choice
from stories.models import AuthorizationText, Consent
from stories.patient import find_story


def _choices(consent: Consent, session: Session) -> list[str]:
    expiry = str(consent.expires_on) if consent.expires_on else consent.expiry_event or "none given"
    lines = [
        *choice.choice_lines(consent, session=session),
        f"- This authorization expires: {expiry}",
        f"- Connection with the clinic: {MATERIAL_CONNECTIONS.get(consent.material_connection, '')}",
        f"- Signed by: {'the patient' if consent.signer_role == 'patient' else 'a representative'}",
    ]
    if consent.representative_authority:
        lines.append(f"- Representative's authority: {consent.representative_authority}")
    return lines


def _section(consent: Consent, terms: AuthorizationText, session: Session) -> str:
    revoked = (f"\n**Revoked** on {consent.revoked_at:%Y-%m-%d %H:%M} UTC ({consent.revoked_how}).\n"
               if consent.revoked_at else "")
    return "\n".join([
        f"## Authorization version {terms.version} (text fingerprint {terms.sha256[:16]})",
        "",
        terms.body.replace("# Authorization", "### Authorization", 1),
        "",
        # The list of uses she read under the text, as recorded then (none before 0009).
        *([choice.uses_section(choice.shown(consent)), ""] if consent.channels_shown else []),
        "### Your choices",
        *_choices(consent, session),
        "",
        f"Signed electronically on {consent.signed_at:%Y-%m-%d %H:%M} UTC as: "
        f"{crypto.decrypt(consent.signature_enc) or '(no signature on record)'}",
        revoked,
    ])


def authorization_copy(code: str, *, session: Session) -> str:
    """Markdown document of every authorization given for the story (newest first)."""
    story = find_story(code, session=session)
    consents = session.exec(
        select(Consent).where(Consent.story_id == story.id).order_by(Consent.id.desc())
    ).all()
    parts = [f"# Your authorization for story {story.public_id}", ""]
    for consent in consents:
        parts.append(_section(consent, session.get(AuthorizationText, consent.authorization_id),
                              session))
    return "\n".join(parts)
