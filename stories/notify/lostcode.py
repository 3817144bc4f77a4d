"""Self-service lost code: "I lost my code", answered without saying whether it matched.

`request_codes` does exactly the same work for any address: it checks the
rate limits (per client and per address), stores the request (encrypted, with
its blind index), writes the same audit event, and returns the same answer.
Nothing is looked up there: the sender run (`handle_requests`) finds the
stories of that address, gives each a new receipt code (the old one stops
working) and queues a message with it to that address, then deletes the
request.  So neither the answer, nor its timing, nor the audit log tell
whether an address is known.  The admin reissue stays for patients without
an email address.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, select

from stories import crypto, ratelimit, receipts
from stories.audit import record
from stories.events import Event
from stories.models import CodeRequest, ContactPreference, Story, utcnow
from stories.notify import optin
from stories.notify.queue import CODE_KIND, enqueue
from stories.revisions import current_revision
from stories.workflow import Status

ANSWER = ("Thank you. If this address belongs to a story shared with us, a new receipt code "
          "is on its way to it, usually within a few minutes. Your old code no longer works "
          "once the new one is sent. If nothing arrives, please contact the clinic.")
CLIENT_LIMIT, CLIENT_WINDOW = 5, timedelta(hours=1)
ADDRESS_LIMIT, ADDRESS_WINDOW = 3, timedelta(days=1)
_LIMITED = "Too many requests. Please wait a while and try again."


def request_codes(address: str, client_key: str, *, session: Session) -> str:
    """Accept a lost-code request; the same answer (and work) for every address."""
    address = optin.clean_address(address)
    index = optin.address_index(address)
    ratelimit.hit(ratelimit.bucket("lost-code-client", client_key), limit=CLIENT_LIMIT,
                  window=CLIENT_WINDOW, session=session, message=_LIMITED)
    ratelimit.hit(ratelimit.bucket("lost-code-address", index), limit=ADDRESS_LIMIT,
                  window=ADDRESS_WINDOW, session=session, message=_LIMITED)
    session.add(CodeRequest(address_enc=crypto.encrypt(address), address_index=index))
    record(session, actor_kind="patient", action=Event.LOST_CODE_REQUEST,
           detail="new codes asked for by email")
    return ANSWER


def _new_code(story: Story, session: Session) -> str | None:
    """Replace the story's receipt code; the new code, or None if the story moved meanwhile."""
    code = receipts.new_code()
    result = session.execute(
        update(Story).where(Story.id == story.id, Story.lock_version == story.lock_version)
        .values(receipt_hash=receipts.code_hash(code), lock_version=Story.lock_version + 1,
                updated_at=utcnow()))
    if result.rowcount != 1:
        return None
    revision = current_revision(story, session=session)
    record(session, actor_kind="system", action=Event.CODE_SENT_BY_EMAIL, story_id=story.id,
           revision_hash=revision.content_hash if revision else None,
           detail="new receipt code sent to the contact address")
    return code


def handle_requests(*, session: Session, now: datetime | None = None) -> int:
    """Give every story of each requested address a new code and queue it; return requests done."""
    now = now or utcnow()
    requests = session.exec(select(CodeRequest).order_by(CodeRequest.id)).all()
    for request in requests:
        stories = session.exec(
            select(Story).join(ContactPreference, ContactPreference.story_id == Story.id)
            .where(ContactPreference.address_index == request.address_index,
                   Story.status != Status.WITHDRAWN.value, Story.erased_at.is_(None))
            .order_by(Story.id)).all()
        for story in stories:
            code = _new_code(story, session)
            if code:
                enqueue(story.id, CODE_KIND, f"code:{request.id}:{story.id}", session=session,
                        now=now, secret=code, always=True)
        session.delete(request)
    session.flush()
    return len(requests)
