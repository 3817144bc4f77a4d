"""Deterministic labelled corpus of synthetic first-person recovery stories.

`generate(n, seed)` returns `LabelledStory`s: `.text` (~300 words) and
`.spans`, gold `(kind, start, end)` identifiers.  Everything comes from a
seeded `random.Random` and seeded Faker instances, so the same (n, seed) gives
the same corpus on every machine with the pinned Faker.

Stories mix identifier sentences (names of partners, children and clinicians;
places; facilities; dates; ages; contact details; ID numbers) with clinical
filler full of capitalized distractors (Botox, Kegel, CBT, NHS, countries,
states, Mum).  A share of names are *invented* (syllable-built, in no
gazetteer) or lowercase, so the benchmark also measures the cue rules rather
than only gazetteer look-ups.  Titles are outside the gold span ("Dr [X]").
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from faker import Faker

# fmt: off
LOCALES = (
    "en_US", "en_GB", "en_IE", "en_AU", "en_NZ", "en_CA", "en_IN", "de_DE", "nl_NL", "fr_FR", "es_ES",
    "it_IT", "pl_PL", "vi_VN", "yo_NG",
)
HARD_NAMES = (
    "Pieter van den Berg", "Mei-Ling", "Siobhán O'Connor", "José María", "Nguyen Thi Lan",
    "Oluwaseun Adeyemi", "Siobhán", "Aoife Ní Bhriain", "Jean-Luc", "Anna-Lena Müller", "Zoë", "Björn",
    "D'Angelo", "McAllister", "Chukwuemeka", "Priyanka", "Xiaoling", "Małgorzata",
)
AMBIGUOUS = (
    "Hope", "Grace", "Will", "Summer", "Faith", "Joy", "Rose", "Mark", "Bill", "June", "Dawn", "Ivy",
    "Daisy", "Frank", "Rob", "Pat", "Sue", "Jack",
)
WORD_SURNAMES = ("Young", "Long", "Green", "White", "Park", "Lee", "King", "Brown", "Hall", "Wood")
REAL_CITIES = (
    "Leeds", "Manchester", "Dublin", "Cork", "Auckland", "Toronto", "Lagos", "Berlin", "Utrecht", "Galway",
    "Brisbane", "Austin", "Portland", "Reading", "Bath", "Hamilton", "Nice", "Sale",
)
EMPLOYERS = (
    "Tesco", "Google", "Amazon", "Boots", "Walmart", "Starbucks", "Aldi", "Deloitte", "Sainsbury's",
    "Target",
)
FACILITY_HEADS = (
    "Hospital", "Women's Clinic", "Medical Centre", "Health Center", "Physio Clinic",
    "Pelvic Health Clinic", "Infirmary", "Surgery", "Family Practice",
)
SYLLABLES = (
    "ka", "lo", "mi", "ra", "ten", "sa", "vi", "no", "dre", "bel", "or", "an", "ju", "xe", "ta", "ri",
    "mon", "el",
)
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
RELATIONS = (
    "husband", "wife", "partner", "boyfriend", "girlfriend", "fiancé", "daughter", "son", "friend",
    "best friend", "sister", "colleague", "mum",
)
CLINICIANS = (
    "doctor", "gynaecologist", "gynecologist", "therapist", "physio", "pelvic floor physio", "GP",
    "counsellor", "OB-GYN", "sex therapist",
)
TITLES = ("Dr", "Dr.", "Doctor", "Nurse", "Mrs", "Ms", "Mr", "Prof.", "Professor", "Midwife")

# fmt: on

# Identifier templates: <KIND:generator> slots; everything else is literal.
ID_TEMPLATES = (
    "My {rel} <PERSON:first> has been patient with me through all of it.",
    "<PERSON:first> and I had been together for {n} years when we finally talked about it.",
    "I told my {rel}, <PERSON:first>, before anyone else.",
    "My {rel} <PERSON:lower> drove me to every appointment.",
    "Eventually I saw <TITLE> <PERSON:last>, who actually listened.",
    "<TITLE> <PERSON:last> explained that vaginismus is an involuntary reaction.",
    "My {clin}, <PERSON:full>, taught me to use dilators slowly.",
    "We named our daughter <PERSON:first> after my grandmother.",
    "A woman called <PERSON:first> messaged me on the forum and it changed everything.",
    "Hi, I'm <PERSON:first> and I want to share what helped me.",
    "My name is <PERSON:full> and I was diagnosed with vaginismus at <AGE:num>.",
    "<PERSON:ambiguous> and I went to our first session together.",
    "My friend <PERSON:ambiguous> kept telling me it was not my fault.",
    "I still remember <TITLE> <PERSON:wordlast> saying there was nothing wrong with me.",
    "<PERSON:hard> from my support group recommended a pelvic floor physio.",
    "My {clin} <PERSON:hard> was gentle and never rushed me.",
    "I went with <PERSON:first> to the pharmacy to pick up the lidocaine.",
    "<PERSON:invented> was the first person who did not laugh at me.",
    "My {rel} <PERSON:invented> came to the appointment with me.",
    "<PERSON:first>'s patience meant the world to me.",
    "I grew up in <LOCATION:city> and nobody there talked about sex.",
    "We moved to <LOCATION:city> in <DATE:monthyear> for my {rel2}'s job.",
    "I live near <LOCATION:realcity>, so the clinic was a long drive.",
    "The clinic is on <LOCATION:street>, just past the station.",
    "Our flat at <LOCATION:address> was the first place I felt safe.",
    "If it helps, our postcode is <LOCATION:postcode> and the clinic is close by.",
    "I was referred to <FACILITY:hospital> after two years of waiting.",
    "The nurses at <FACILITY:hospital> were wonderful.",
    "I work at <FACILITY:employer>, so taking time off for appointments was hard.",
    "I worked for <FACILITY:company> at the time and told nobody.",
    "My first appointment was on <DATE:dmy> and I nearly cancelled.",
    "On <DATE:holiday> I finally managed it without pain.",
    "Everything changed <DATE:weekday>.",
    "I started Botox treatment on <DATE:numeric>.",
    "By <DATE:month> I could use the largest dilator.",
    "I was <AGE:num> when I first tried to use a tampon.",
    "I was diagnosed aged <AGE:num>, after years of being told to relax.",
    "As a <AGE:yearold>-year-old I felt ridiculous crying in the waiting room.",
    "My grandmother, who is <AGE:old>, told me she had the same problem.",
    "You can call me on <PHONE:phone> if you want to talk.",
    "The clinic's number is <PHONE:phone>.",
    "Email me at <EMAIL:email> if you are going through this.",
    "I wrote more about it on <URL:url>.",
    "The exercises are on <URL:bareurl> if anyone wants them.",
    "Follow me on Instagram <HANDLE:at> for updates.",
    "My insta is <HANDLE:bare> if you want to chat.",
    "My MRN is <ID:mrn>, in case the clinic asks.",
    "My insurance policy <ID:policy> covered most of the physio.",
    "My NHS number is <ID:nhs> and they still lost my referral.",
    "They asked for my member ID, <ID:member>, every single time.",
)
FILLER = (
    "I had vaginismus for years without knowing it had a name.",
    "Penetration felt like hitting a wall, and every attempt ended in tears.",
    "My GP said I just needed to relax, which made me feel worse.",
    "The gynaecologist suggested Botox injections into the pelvic floor muscles.",
    "Kegel exercises made things worse because my muscles were already too tight.",
    "CBT helped me untangle the fear from the physical pain.",
    "I used a set of dilators every evening, starting with the smallest size.",
    "Lidocaine gel took the edge off the burning on bad days.",
    "Pelvic floor physiotherapy was the turning point for me.",
    "The NHS waiting list was almost a year long.",
    "An OB-GYN finally told me that vulvodynia and dyspareunia often come together.",
    "Mum never talked about bodies, and I think that shaped a lot of my fear.",
    "Some nights I lay awake wondering whether I was broken.",
    "Reading other stories on Reddit made me feel less alone.",
    "My pain went from 8/10 to about 2/10 over six months.",
    "I did the breathing exercises three times a day for 10 minutes.",
    "Honestly, the hardest part was asking for help at all.",
    "We moved from England to Canada, and I had to start again with a new doctor.",
    "Insurance in Texas covered none of it, so we paid out of pocket.",
    "Sensate focus exercises took the pressure off both of us.",
    "There were setbacks, especially around exams and stressful weeks at work.",
    "I want anyone reading this to know that it does get better.",
    "Vaginal estrogen cream helped with the dryness after my surgery.",
    "I started with 20 units of Botox and a size 2 dilator.",
    "God knows how many times I apologised for something that was not my fault.",
    "The first time I used the largest dilator I actually laughed.",
    "Dad still does not know, and that is fine with me.",
    "In 2019 I finally booked the appointment I had avoided for so long.",
    "EMDR was suggested for the trauma, but I was not ready.",
    "Talking openly with my partner was scarier than any treatment.",
    "After the hymenectomy I needed another eight weeks of physio.",
    "My advice is to find a specialist who believes you.",
    "A trigger point massage sounds awful but it helped.",
    "Ohio has very few specialists, so many of us travel.",
    "The pelvic exam was the moment I realised this was real.",
    "Sometimes progress looked like nothing at all for weeks.",
    "I kept a journal of every session and every small win.",
    "Amitriptyline made me drowsy, so I stopped after a month.",
    "Looking back, I wish I had spoken up much sooner.",
    "Every body is different and what worked for me may not work for you.",
)


@dataclass
class LabelledStory:
    """A story and its gold identifier spans `(kind, start, end)`."""

    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    locale: str = ""


class _Gen:
    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fakers = fakers
        self.locale = "en_US"

    @property
    def fk(self) -> Faker:
        return self.fakers[self.locale]

    def invented(self) -> str:
        word = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3)))
        return word.capitalize()

    def value(self, kind: str, gen: str) -> str:  # noqa: C901 - one table of generators
        r, fk = self.rng, self.fk
        if kind == "PERSON":
            if gen == "first":
                return r.choice([fk.first_name(), fk.first_name(), self.invented(), r.choice(HARD_NAMES)])
            if gen == "lower":
                return fk.first_name().lower() if r.random() < 0.7 else fk.first_name()
            if gen == "last":
                return r.choice([fk.last_name(), fk.last_name(), self.invented(), r.choice(WORD_SURNAMES)])
            if gen == "wordlast":
                return r.choice(WORD_SURNAMES)
            if gen == "full":
                return f"{fk.first_name()} {fk.last_name()}"
            if gen == "ambiguous":
                return r.choice(AMBIGUOUS)
            if gen == "hard":
                return r.choice(HARD_NAMES)
            return self.invented()
        if kind == "LOCATION":
            if gen == "city":
                return r.choice([fk.city(), r.choice(REAL_CITIES)])
            if gen == "realcity":
                return r.choice(REAL_CITIES)
            if gen == "street":
                return f"{fk.last_name()} {r.choice(['Road', 'Street', 'Avenue', 'Lane', 'Drive'])}"
            if gen == "address":
                return re.sub(r"\s*\n\s*", ", ", fk.street_address()).strip()
            return fk.postcode()
        if kind == "FACILITY":
            if gen == "hospital":
                return r.choice(
                    [
                        f"St {fk.first_name()}'s {r.choice(FACILITY_HEADS)}",
                        f"{r.choice(REAL_CITIES)} {r.choice(FACILITY_HEADS)}",
                        f"Riverside {r.choice(FACILITY_HEADS)}",
                        f"the {fk.last_name()} {r.choice(FACILITY_HEADS)}".removeprefix("the "),
                    ]
                )
            if gen == "employer":
                return r.choice(EMPLOYERS)
            return re.sub(r"\s+", " ", fk.company())
        if kind == "DATE":
            month, day, year = r.choice(MONTHS), r.randint(1, 28), r.randint(2008, 2024)
            suffix = "th" if day in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
            if gen == "monthyear":
                return f"{month} {year}"
            if gen == "dmy":
                return r.choice(
                    [
                        f"the {day}{suffix} of {month}",
                        f"{day} {month} {year}",
                        f"{month} {day}, {year}",
                        f"{month} {day}{suffix}",
                    ]
                )
            if gen == "holiday":
                return r.choice(
                    [
                        "Christmas Eve",
                        f"Christmas Eve {year}",
                        "Valentine's Day",
                        f"Easter {year}",
                        "New Year's Day",
                        "Thanksgiving",
                    ]
                )
            if gen == "weekday":
                return f"last {r.choice(WEEKDAYS)} the {day}{suffix}"
            if gen == "numeric":
                return r.choice(
                    [
                        f"{day:02d}/{r.randint(1, 12):02d}/{year}",
                        f"{year}-{r.randint(1, 12):02d}-{day:02d}",
                        f"{r.randint(1, 12)}/{day}/{year % 100:02d}",
                    ]
                )
            return month
        if kind == "AGE":
            if gen == "yearold":  # the number of "34-year-old", as every external corpus labels it
                return str(r.randint(19, 60))
            if gen == "old":
                return str(r.randint(86, 99))
            return str(r.randint(16, 55))
        if kind == "PHONE":
            return fk.phone_number()
        if kind == "EMAIL":
            return fk.free_email() if r.random() < 0.6 else fk.email()
        if kind == "URL":
            if gen == "bareurl":
                return f"{fk.domain_word()}.{r.choice(['co.uk', 'com', 'org', 'net'])}/{fk.slug()}"
            return r.choice([fk.url(), f"www.{fk.domain_name()}", fk.uri()])
        if kind == "HANDLE":
            user = f"{fk.first_name().lower()}_{fk.last_name().lower()}{r.randint(1, 99)}"
            user = re.sub(r"[^a-z0-9_]", "", user)
            return "@" + user if gen == "at" else user
        if kind == "ID":
            if gen == "mrn":
                return str(r.randint(10**7, 10**8 - 1))
            if gen == "policy":
                letters = r.choice("ABCDEFGHJK") + r.choice("ABCDEFGHJK")
                return f"{letters}-{r.randint(1000, 9999)}-{r.randint(10, 99)}"
            if gen == "nhs":
                return f"{r.randint(100, 999)} {r.randint(100, 999)} {r.randint(1000, 9999)}"
            return f"{r.choice(['XJ', 'MB', 'QH'])}{r.randint(100000, 999999)}"
        raise ValueError(kind)


_SLOT = re.compile(r"<([A-Z]+)(?::(\w+))?>")


def _render(gen: _Gen, template: str, out: list[str], spans: list[tuple[str, int, int]], pos: int) -> int:
    r = gen.rng
    template = template.format(
        rel=r.choice(RELATIONS), rel2=r.choice(RELATIONS), clin=r.choice(CLINICIANS), n=r.randint(2, 9)
    ).replace("<TITLE>", r.choice(TITLES))
    last = 0
    for m in _SLOT.finditer(template):
        literal = template[last : m.start()]
        out.append(literal)
        pos += len(literal)
        value = gen.value(m.group(1), m.group(2) or "")
        out.append(value)
        if m.group(1) != "DATE" or any(c.isdigit() for c in value):
            # a month or a holiday alone ("By June", "On Thanksgiving") names no day of hers:
            # no identifier, as in the hand-labelled corpus and presidio-research's set
            spans.append((m.group(1), pos, pos + len(value)))
        pos += len(value)
        last = m.end()
    out.append(template[last:])
    return pos + len(template) - last


def generate(n: int = 600, seed: int = 0, words: int = 300) -> list[LabelledStory]:
    """`n` stories of about `words` words, deterministic in `seed`."""
    rng = random.Random(seed)
    fakers = {}
    for i, loc in enumerate(LOCALES):
        fk = Faker(loc)
        fk.seed_instance(seed * 1000 + i)
        fakers[loc] = fk
    gen = _Gen(rng, fakers)
    stories = []
    for _ in range(n):
        gen.locale = rng.choice(LOCALES)
        out: list[str] = []
        spans: list[tuple[str, int, int]] = []
        pos, count = 0, 0
        id_sentences = rng.sample(ID_TEMPLATES, rng.randint(7, 11))
        fillers = rng.sample(FILLER, len(FILLER))
        while count < words:
            if id_sentences and (rng.random() < 0.45 or not fillers):
                template = id_sentences.pop()
            elif fillers:
                template = fillers.pop()
            else:
                break
            sep = "\n\n" if rng.random() < 0.12 else " "
            if out:
                out.append(sep)
                pos += len(sep)
            mark = len(out)
            pos = _render(gen, template, out, spans, pos)
            count += len("".join(out[mark:]).split())
        stories.append(LabelledStory("".join(out), spans, gen.locale))
    return stories


if __name__ == "__main__":
    for story in generate(2, 1):
        print(story.locale, story.text, *(f"{k}:{story.text[s:e]!r}" for k, s, e in story.spans), sep="\n")
