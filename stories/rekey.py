"""Key rotation: re-encrypt every stored secret under the newest key.

Put the new key first in `STORIES_ENCRYPTION_KEY` (comma-separated, old key
after it), run `python -m stories rotate-key`, then drop the old key.

The integrity keys are derived from the encryption key, so rotation also
re-signs the audit checkpoint under the new key, but only if the log
verifies against the checkpoint now (with any configured key): a tampered
log is never blessed by a rotation.  Exports re-sign their manifest on the
next run (their input keys change, the files do not).
"""

from __future__ import annotations

from sqlmodel import Session, select

from stories.audit import anchor, verify_anchored
from stories.crypto import rotate
from stories.models import CodeRequest, Consent, ContactPreference, Notification, Story


def rotate_all(*, session: Session) -> int:
    """Re-encrypt contact emails and signatures; return how many values changed."""
    count = 0
    for story in session.exec(select(Story).where(Story.contact_email_enc.is_not(None))):
        story.contact_email_enc = rotate(story.contact_email_enc)
        session.add(story)
        count += 1
    for consent in session.exec(select(Consent).where(Consent.signature_enc.is_not(None))):
        consent.signature_enc = rotate(consent.signature_enc)
        session.add(consent)
        count += 1
    count += _rotate_notice_data(session)
    return count


def _rotate_notice_data(session: Session) -> int:
    """Re-encrypt notice addresses, queued recipients and codes, and lost-code requests.

    The blind indexes follow at the next `notify send` (they name their key).
    """
    count = 0
    for model, columns in ((ContactPreference, ("address_enc",)),
                           (Notification, ("recipient_enc", "secret_enc")),
                           (CodeRequest, ("address_enc",))):
        for row in session.exec(select(model)):
            for column in columns:
                if getattr(row, column) is not None:
                    setattr(row, column, rotate(getattr(row, column)))
                    count += 1
            session.add(row)
    return count


def reanchor_audit(*, session: Session) -> str:
    """Re-sign the audit checkpoint with the newest key; '' when done, else why not."""
    report = verify_anchored(session)
    if not report.ok:
        return report.problem
    anchor(session)
    return ""
