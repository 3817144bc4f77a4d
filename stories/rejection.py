"""Why the clinic may decline to publish a story: the one table of reasons.

Each reason has the moderator's words (on the review screen) and a sentence
for the patient (on her *Check my story* page).  The patient's sentence is
plain and kind, names no condition, person or detail of her story, and never
blames her.  `moderation.review` reads the staff words from here; the patient
side reads the patient's sentence, so it lives in `stories/`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RejectionReason:
    """One reason: what the moderator chooses, and what the patient reads."""

    staff: str
    patient: str


REASONS: dict[str, RejectionReason] = {
    "identifiable": RejectionReason(
        "The story could identify its author or someone else.",
        "We could not find a way to publish it without a risk that someone could recognise "
        "you or another person. Keeping you safe comes first."),
    "not-own-experience": RejectionReason(
        "It is not the author's own experience as a patient.",
        "Our website only shares stories that patients tell about their own treatment, so "
        "we cannot publish this one."),
    "off-topic": RejectionReason(
        "It is not about the conditions the clinic treats.",
        "Our website only shares stories about the conditions the clinic treats, so we "
        "cannot publish this one."),
    "abusive": RejectionReason(
        "It contains abusive content.",
        "Some of its wording goes against the rules we keep for every story on our website."),
    "duplicate": RejectionReason(
        "It duplicates another submission.",
        "We already have this story from you, so we are keeping just one copy of it."),
    "consent-invalid": RejectionReason(
        "The authorization is not valid.",
        "We could not confirm the permission to publish it. You are welcome to share it "
        "again, or to contact the clinic."),
    "medical-claims": RejectionReason(
        "It makes medical claims the clinic cannot support.",
        "It describes treatment results in a way the clinic cannot stand behind as "
        "medical advice."),
}


def patient_words(code: str | None) -> str:
    """The patient's sentence for a reason code ("" for none or an unknown code)."""
    reason = REASONS.get(code or "")
    return reason.patient if reason else ""
