"""Synthetic, realistic stories for a demo queue and for benchmarks.

Every story is made from templates with a seeded random generator, so runs are
reproducible; the names, towns and dates in them are invented, and they are
there on purpose so the detector and the moderator have something to find.
"""

from __future__ import annotations

import random

from sqlmodel import Session

from stories.choices import MATERIAL_CONNECTIONS, TOPICS
from stories.notify import optin
from stories.submission import Receipt, SubmissionForm

FIRST = ["Rachel", "David", "Mei-Ling", "Aisha", "Grace", "Tomasz", "Siobhan", "Priya",
         "Lucia", "Oluwaseun", "Hannah", "Marco", "Yuki", "Fatima", "Ingrid", "Carlos"]
PARTNERS = ["my husband dave", "my partner Sam", "my wife Elena", "my boyfriend Jamal",
            "my fiancé Pieter van den Berg", "my girlfriend Chloe"]
DOCTORS = ["Dr Novikova", "Dr. Pacik", "Dr Okafor", "Nurse Kelly", "Dr Lindqvist"]
TOWNS = ["Leeds", "Bristol", "Galway", "Utrecht", "Portland", "Brisbane", "Leicester"]
WHEN = ["in March 2019", "on the 3rd of May", "last Tuesday the 14th", "in the autumn of 2021",
        "on 14/03/2021", "two years ago"]
OPENINGS = [
    "For {years} years I thought I was the only one.",
    "I never told anyone, not even my sister, about the pain.",
    "When I first searched for help I was too embarrassed to say the word.",
]
MIDDLES = [
    "I met {partner} {when} and we tried for months before I admitted that sex hurt.",
    "My GP in {town} said it was stress and that I should relax with a glass of wine.",
    "{doctor} was the first person who listened; she explained what vaginismus is.",
    "The physiotherapy sessions with dilators felt strange at first but slowly helped.",
    "I was {age} when I finally booked an appointment, after reading stories like this one.",
    "We talked about pelvic floor exercises, breathing and how fear keeps the muscles tight.",
    "Some weeks nothing seemed to change, and I cried in the car park more than once.",
]
ENDINGS = [
    "Today I can live without that fear. If you are reading this: you are not broken.",
    "It took patience, but it worked for me. Please do not wait as long as I did.",
    "I am sharing this so that someone else feels a little less alone.",
]
TITLES = ["Finding my way back", "It was not in my head", "Slowly, then all at once",
          "Not broken", "The year things changed"]


def _body(rng: random.Random) -> str:
    parts = [rng.choice(OPENINGS).format(years=rng.randint(2, 15))]
    for template in rng.sample(MIDDLES, k=5):
        parts.append(template.format(partner=rng.choice(PARTNERS), when=rng.choice(WHEN),
                                     town=rng.choice(TOWNS), doctor=rng.choice(DOCTORS),
                                     age=rng.randint(22, 48)))
    parts.append(rng.choice(ENDINGS))
    paragraphs = [" ".join(parts[i:i + 2]) for i in range(0, len(parts), 2)]
    return "\n\n".join(paragraphs) + f"\n\n(Story {rng.randrange(10**9)})"


def make_form(rng: random.Random) -> SubmissionForm:
    """One realistic, complete and valid submission."""
    mode = rng.choice(["anonymous", "initials", "pseudonym"])
    name = {"anonymous": "", "initials": rng.choice(["R.K.", "J.", "AM"]),
            "pseudonym": rng.choice(FIRST)}[mode]
    return SubmissionForm(
        title=rng.choice(TITLES),
        body=_body(rng),
        display_mode=mode,
        display_name=name,
        tags=rng.sample(TOPICS, k=rng.randint(0, 3)),
        contact_email=rng.choice(["", f"patient{rng.randrange(10**6)}@example.org"]),
        channels=["website", "excerpts"] if rng.random() < 0.5 else ["website"],
        material_connection=rng.choice(list(MATERIAL_CONNECTIONS)[:3]),
        signer_role="patient",
        attest_adult=True,
        attest_identity=True,
        signature=f"{rng.choice(FIRST)} Example",
    )


def forms(n: int, seed: int = 7) -> list[SubmissionForm]:
    """`n` submissions, the same for the same seed."""
    rng = random.Random(seed)
    return [make_form(rng) for _ in range(n)]


def wants_notices(form: SubmissionForm) -> bool:
    """Whether this demo author asked for email notices: most who gave an address did.

    Demo addresses are on the reserved `example.org` domain, so with a local
    SMTP server (see the README) a newcomer watches the messages arrive.
    """
    return bool(form.contact_email) and sum(map(ord, form.contact_email)) % 4 != 0


def choose_notices(form: SubmissionForm, receipt: Receipt, *, session: Session) -> bool:
    """Record the demo author's notice choice as the share page does; True if opted in."""
    return optin.after_submit(receipt.story_id, wants_notices(form), session=session)
