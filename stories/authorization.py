"""The authorization patients sign, as versioned records.

The text covers the elements a HIPAA authorization for marketing use needs
(45 CFR 164.508): what is disclosed, by whom, to whom, for what purpose, an
expiration date or event, the right to revoke in writing and how, that
treatment does not depend on signing, and that published information may be
redisclosed.  Each consent stores the version and SHA-256 of the exact text
shown; publishing a new version never changes what older consents point at.
"""

from __future__ import annotations

import hashlib

from sqlmodel import Session, select

from stories.errors import InvalidInput
from stories.models import AuthorizationText, utcnow

FIRST_VERSION = "2026-11-v1"
#: The placeholder version that imported stories' paper authorizations point at;
#: it is never the text new patients sign.
PAPER_VERSION = "paper"

FIRST_TEXT = """\
# Authorization to publish your story

Please read this carefully. You can say no, and you can change your mind later.

**What will be shared.** The story you write on this page, after our staff have
removed anything that could identify you and after you have approved the final
wording, together with the name you choose to be shown (anonymous, your initials,
or a first name or pseudonym you pick) and the topics you tick.

**Who shares it.** The clinic and the staff who review stories on its behalf.

**Who will see it.** Anyone: it is published on the clinic's public website and,
only if you tick the box for it, short excerpts may be quoted in the clinic's
leaflets and social media posts.

**Why.** To give hope and information to other people living with the same
condition, and to promote the clinic's services. This is a marketing use of your
health information.

**How long this lasts.** Until the expiry date you choose below, or, if you choose
none, three years from the day you sign. After that your story is taken down,
unless you confirm again.

**You can revoke this at any time.** Use your receipt code on the "Check my story"
page and press "Withdraw my story", or write to the clinic (a letter or a signed
email to the practice manager). Your story is removed from the website at the next
update, usually within a day. Withdrawing does not undo what was lawfully done
before, such as copies others made while it was public.

**Your treatment does not depend on this.** Whether you sign or not will not
change your treatment, payment, or eligibility for care in any way.

**Once published, others may copy it.** Information on a public website can be
copied and shared again by people who read it, and it is then no longer protected
by health privacy law.

**Payment or connections.** We ask whether you received anything from the clinic
(payment, free or discounted treatment) or have work or family ties with it, so
that this can be disclosed next to your story as the law requires.

**By signing you confirm** that you are the patient who wrote this story, or their
legally authorized representative (and you state your authority), that you are 18
or older, and that you have read this authorization. You are entitled to a copy of
it: you can download it at any time with your receipt code.
"""


def text_hash(body: str) -> str:
    """SHA-256 of an authorization text, stored with every consent."""
    return hashlib.sha256(body.encode()).hexdigest()


def current(session: Session) -> AuthorizationText:
    """The newest version in force; creates the first one on an empty database."""
    latest = session.exec(
        select(AuthorizationText)
        .where(AuthorizationText.effective_at <= utcnow(), AuthorizationText.version != PAPER_VERSION)
        .order_by(AuthorizationText.effective_at.desc(), AuthorizationText.id.desc())
    ).first()
    if latest is None:
        latest = publish(FIRST_VERSION, FIRST_TEXT, session=session, staff_id=None)
    return latest


def publish(version: str, body: str, *, session: Session, staff_id: int | None) -> AuthorizationText:
    """Add a new version; it applies to consents given from now on."""
    version = version.strip()
    if not version or len(version) > 32:
        raise InvalidInput("A version label of 1 to 32 characters is required.")
    if len(body.strip()) < 200:
        raise InvalidInput("The authorization text looks incomplete.")
    exists = session.exec(select(AuthorizationText).where(AuthorizationText.version == version))
    if exists.first():
        raise InvalidInput("That version label is already used.")
    record = AuthorizationText(
        version=version, body=body, sha256=text_hash(body), created_by=staff_id
    )
    session.add(record)
    session.flush()
    return record
