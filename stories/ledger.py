"""The patient's own copy of the authorization she signed, as a readable document.

Built from the consent record and the exact authorization version it points
at, so it shows what was signed, not today's text.  Only the receipt code opens
it; it is generated on request and never stored or logged.
"""

from __future__ import annotations

from sqlmodel import Session, select

from stories import crypto
from stories.choices import MATERIAL_CONNECTIONS
from stories.models import AuthorizationText, Consent
from stories.patient import find_story


def _choices(consent: Consent) -> list[str]:
    expiry = str(consent.expires_on) if consent.expires_on else consent.expiry_event or "none given"
    lines = [
        f"- Publication on the clinic's website: {'yes' if consent.use_website else 'no'}",
        f"- Short excerpts in leaflets and social media: {'yes' if consent.use_excerpts else 'no'}",
        f"- This authorization expires: {expiry}",
        f"- Connection with the clinic: {MATERIAL_CONNECTIONS.get(consent.material_connection, '')}",
        f"- Signed by: {'the patient' if consent.signer_role == 'patient' else 'a representative'}",
    ]
    if consent.representative_authority:
        lines.append(f"- Representative's authority: {consent.representative_authority}")
    return lines


def _section(consent: Consent, terms: AuthorizationText) -> str:
    revoked = (f"\n**Revoked** on {consent.revoked_at:%Y-%m-%d %H:%M} UTC ({consent.revoked_how}).\n"
               if consent.revoked_at else "")
    return "\n".join([
        f"## Authorization version {terms.version} (text fingerprint {terms.sha256[:16]})",
        "",
        terms.body.replace("# Authorization", "### Authorization", 1),
        "",
        "### Your choices",
        *_choices(consent),
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
        parts.append(_section(consent, session.get(AuthorizationText, consent.authorization_id)))
    return "\n".join(parts)
