"""Small read-only lookups for the "Check my story" page that `PatientView` lacks.

Like everything a patient can do, each one opens the story by its receipt
code only (`stories.patient.find_story`, same generic message for a wrong code).
"""

from __future__ import annotations

from sqlmodel import Session

from stories.patient import find_story


def reconfirm_requested(code: str, *, session: Session) -> bool:
    """Whether the clinic asked the patient if she still stands by her story."""
    return find_story(code, session=session).reconfirm_requested_at is not None
