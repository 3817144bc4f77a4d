"""Every message a patient can receive, in one table.

A message must not disclose anything to whoever sees the mailbox, the
subject line or the sender: no story text, no condition, no clinic specialty,
no names.  So every subject and body is here, written once, filled only with
the Check-my-story address, the sender name and (for a lost code) the new
code.  `tests/test_notify.py` checks each against the words of a story.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid

NEWS_SUBJECT = "News about the story you shared"
_NEWS = ("Hello,\n\nThere is news about the story you shared. Open Check my story at {url} "
         "and enter your receipt code.{extra}\n\n"
         "You receive this because you asked for email notices. You can turn them off, change "
         "the address or delete it on the same page.\n\n{sender}\n")
_ANSWER = " Your answer is needed."


@dataclass(frozen=True)
class Template:
    """A subject and a body with `{url}`, `{sender}` and (lost code only) `{code}`."""

    subject: str
    body: str


def _news(extra: str = "") -> Template:
    return Template(NEWS_SUBJECT, _NEWS.replace("{extra}", extra))


#: Message kind -> what is sent.  The kinds are the patient's own words for the step.
MESSAGES: dict[str, Template] = {
    "notices on": Template(
        "Email notices about the story you shared",
        "Hello,\n\nThis address will receive a short email when there is news about the story "
        "you shared; the email never says more than that. You can turn these notices off, "
        "change the address or delete it on Check my story at {url}, with your receipt code."
        "\n\nIf you did not ask for this, please contact us.\n\n{sender}\n"),
    "signoff requested": _news(_ANSWER),
    "changes requested": _news(_ANSWER),
    "published": _news(),
    "not published": _news(),
    "reviewed again": _news(),
    "reconfirmation requested": _news(_ANSWER),
    "authorization ending": _news(_ANSWER),
    "withdrawal recorded": _news(),
    "excerpt proposed": _news(" The clinic would like to quote a short part of it." + _ANSWER),
    "new code issued": Template(
        "A new receipt code for the story you shared",
        "Hello,\n\nA new receipt code was issued for the story you shared; the old one no "
        "longer works. If you did not ask for this, please contact us.\n\nCheck my story: "
        "{url}\n\n{sender}\n"),
    "your new code": Template(
        "Your new receipt code",
        "Hello,\n\nYou asked for a new receipt code for the story you shared. Your new code "
        "is:\n\n    {code}\n\nYour old code no longer works. Keep this one somewhere private, "
        "like a password, and delete this email once you have. Open Check my story at {url} "
        "and enter it.\n\nIf you did not ask for a new code, keep this one anyway: it is now "
        "the only key to your story.\n\n{sender}\n"),
}


def render(kind: str, *, url: str, sender_name: str, code: str = "") -> tuple[str, str]:
    """(subject, body) of a message kind; `KeyError` for a kind not in `MESSAGES`."""
    template = MESSAGES[kind]
    return template.subject, template.body.format(url=url, sender=sender_name, code=code)


def build_message(kind: str, *, to: str, sender_name: str, sender_address: str, url: str,
                  code: str = "") -> EmailMessage:
    """The email to send: neutral subject and body, the configured sender."""
    subject, body = render(kind, url=url, sender_name=sender_name, code=code)
    message = EmailMessage()
    message["From"] = formataddr((sender_name, sender_address))
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=sender_address.rpartition("@")[2] or None)
    message.set_content(body)
    return message
