"""Consent checks: may this story be approved or published right now?

Each check has a name a moderator understands, whether it passes, and why.
Approval and export both call `require_publishable`, at that moment, so a
revocation or an expiry takes effect on the next action or export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from stories.authorization import text_hash
from stories.errors import ConsentMissing
from stories.models import AuthorizationText, Consent, Story


@dataclass(frozen=True)
class Check:
    """One line of the consent panel."""

    name: str
    passed: bool
    why: str


def consent_for(story: Story, *, session: Session) -> Consent | None:
    """The story's most recent consent record."""
    query = select(Consent).where(Consent.story_id == story.id).order_by(Consent.id.desc())
    return session.exec(query).first()


def authorization_hashes(session: Session) -> dict[int, str]:
    """{authorization id: hash of its stored text now}, for checking many consents at once."""
    return {t.id: text_hash(t.body) for t in session.exec(select(AuthorizationText))}


def _authorization_ok(consent: Consent, session: Session, hashes: dict[int, str] | None) -> bool:
    if hashes is None:
        terms = session.get(AuthorizationText, consent.authorization_id)
        return bool(terms) and text_hash(terms.body) == consent.authorization_sha256
    return hashes.get(consent.authorization_id) == consent.authorization_sha256


def checks(story: Story, consent: Consent | None, today: date, *, session: Session,
           hashes: dict[int, str] | None = None) -> list[Check]:
    """Every consent check with its outcome (the consent panel).

    `hashes` (from `authorization_hashes`) saves a lookup per consent when
    many are checked in one go, as the export does.
    """
    if consent is None:
        return [Check("Authorization signed", False, "No authorization is on record.")]
    expired = consent.expires_on is not None and consent.expires_on <= today
    text_ok = _authorization_ok(consent, session, hashes)
    rep_ok = consent.signer_role == "patient" or bool(consent.representative_authority)
    return [
        Check("Authorization signed", True, f"Version {consent.authorization_version}, signed "
              f"{consent.signed_at:%Y-%m-%d}."),
        Check("Authorization text on record", text_ok,
              "The signed text matches its stored hash." if text_ok
              else "The signed text no longer matches its hash."),
        Check("Covers the website", consent.use_website,
              "Website use was ticked." if consent.use_website else "Website use was not ticked."),
        Check("Not revoked", consent.revoked_at is None,
              "Not revoked." if consent.revoked_at is None
              else f"Revoked {consent.revoked_at:%Y-%m-%d} ({consent.revoked_how})."),
        Check("Not expired", not expired,
              f"Valid until {consent.expires_on}." if consent.expires_on and not expired
              else "Expired." if expired else f"Until: {consent.expiry_event or 'no date'}."),
        Check("Adult and identity attested", consent.attest_adult and consent.attest_identity,
              "Both statements confirmed." if consent.attest_adult and consent.attest_identity
              else "A required statement is missing."),
        Check("Signer's authority", rep_ok,
              "Signed by the patient." if consent.signer_role == "patient"
              else "Representative's authority stated." if rep_ok
              else "Representative's authority missing."),
        Check("Material connection answered", bool(consent.material_connection),
              consent.material_connection.replace("_", " ") or "Not answered."),
    ]


def require_publishable(story: Story, today: date, *, session: Session,
                        consent: Consent | None = None, hashes: dict[int, str] | None = None) -> Consent:
    """Raise `ConsentMissing` naming every failed check; return the consent.

    `consent` may be passed when the caller already loaded the story's latest
    one, and `hashes` as in `checks`.
    """
    consent = consent or consent_for(story, session=session)
    failed = [c.name for c in checks(story, consent, today, session=session, hashes=hashes)
              if not c.passed]
    if failed or consent is None:
        raise ConsentMissing("Consent does not allow publication: " + "; ".join(failed) + ".")
    return consent
