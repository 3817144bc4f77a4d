"""Word sets and patterns that drive the name rules in `names`.

Kept apart from the rules so the lists can be reviewed (and extended) on
their own; all words are lowercase.
"""

from __future__ import annotations

import re

from . import vocab
from .counties import CO_NOT_COUNTY

# Romance possessives ("mi prima Fer", "minha irmã Inês", "ma sœur Claire", "mia sorella
# Chiara"), with the words for a partner, a relative or a friend after them.
ROMANCE_POSSESSIVES = vocab.words("mi mis tu su nuestra nuestro meu minha mon ma mes mio mia nostra")
ROMANCE_RELATIONS = vocab.words(
    """esposo esposa marido novio novia pareja hermano hermana hijo hija prima primo amiga amigo
    suegra cuñada cuñado compañero compañera namorado namorada irmã irmão filho filha companheiro
    companheira mari femme copain copine compagnon compagne sœur soeur frère fils fille cousine
    amie marito moglie compagno compagna fidanzato fidanzata sorella fratello figlio figlia cugina
    cugino amica amico"""
)
# German and Dutch ("mein Mann Joop", "meine Tochter Lea", "mijn zus Ineke"): a relation
# word only after one of these possessives, which English never writes ("man" is English).
GERMANIC_POSSESSIVES = vocab.words("mein meine meinem meinen meiner unser unsere unserem mijn onze ons")
GERMANIC_RELATIONS = vocab.words(
    """mann frau freund freundin tochter sohn schwester bruder mutter vater partnerin ehemann ehefrau
    schwiegermutter cousine kollegin man vrouw vriend vriendin dochter zoon zus broer moeder vader
    schoonmoeder echtgenoot"""
)
# "Ich bin Steffi", "Ik ben Ineke", but also "Ich bin Krankenschwester": only before a word
# that is none of the language's.
GERMANIC_NAMING_PAIRS = frozenset({("ich", "bin"), ("ik", "ben")})
POSSESSIVES = frozenset({"my", "our", "his", "her", "their", "your", "mine", "the"}) | ROMANCE_POSSESSIVES
REL_ADJ = frozenset(
    [
        "ex",
        "best",
        "late",
        "older",
        "younger",
        "little",
        "big",
        "new",
        "old",
        "lovely",
        "amazing",
        "wonderful",
        "current",
        "then",
        "first",
        "second",
        "oldest",
        "eldest",
        "youngest",
        "baby",
        "twin",
        "step",
        "dear",
        "sweet",
        "gorgeous",
        "fantastic",
        "brilliant",
        "other",
    ]
)
RELATIONS = frozenset(vocab.RELATIONS) | ROMANCE_RELATIONS
NAMING = frozenset(
    {"named", "called", "name's", "name’s", "i'm", "i’m", "im", "nicknamed", "aka",
     "llamo", "m'appelle", "m’appelle", "chamo", "chamo-me", "heiße", "heisse", "heet"}
)  # fmt: skip
NAMING_PAIRS = frozenset(
    {
        ("name", "is"),
        ("name", "was"),
        ("i", "am"),
        ("known", "as"),
        ("this", "is"),
        ("it's", "me"),
        ("calls", "me"),
        ("call", "me"),
        ("call", "him"),
        ("call", "her"),
        ("calls", "him"),
        ("calls", "her"),
        ("called", "him"),
        ("called", "her"),
        ("nombre", "es"),
        ("nome", "é"),
        ("sou", "a"),  # "sou a Thaís": Portuguese names a person with her article
        ("sou", "o"),
    }
)
WEAK_PREV = frozenset(
    [
        "with",
        "and",
        "told",
        "asked",
        "texted",
        "met",
        "married",
        "dear",
        "thanks",
        "love",
        "to",
        "by",
        "for",
        "hi",
        "hey",
        "saw",
        "see",
        "called",
    ]
)
PAIR_NEXT = frozenset({"i", "me", "myself"})
PLACE_ENDINGS = (
    "mouth",
    "ville",
    "burgh",
    "borough",
    "bury",
    "ford",
    "field",
    "port",
    "chester",
    "caster",
    "haven",
    "side",
    "stad",
    "dorf",
    "heim",
    "burg",
    "wick",
    "stead",
    "shire",
    "view",
    "town",
)
CUE_PREV = vocab.TITLES | RELATIONS | NAMING | WEAK_PREV | {"is", "was", "am", "as", "me", "n", "an"}
PERSON_VERBS = frozenset(
    [
        "was",
        "said",
        "told",
        "came",
        "drove",
        "helped",
        "messaged",
        "asked",
        "held",
        "kept",
        "explained",
        "recommended",
        "suggested",
        "showed",
        "listened",
        "laughed",
        "cried",
        "knew",
        "wrote",
        "texted",
        "called",
        "replied",
        "sat",
        "hugged",
        "smiled",
        "and",
        "from",
        "who",
        "has",
        "had",
        "is",
        "kept",
        "messaged",
        "began",
        "started",
        "lives",
        "lived",
        "works",
        "worked",
        "says",
        "shouted",
        "whispered",
        "decided",
        "moved",
        "became",
        "joined",
        "met",
        "gave",
        "took",
        "wanted",
        # what people do for each other in these stories ("Chichi bought a cake")
        "bought",
        "brought",
        "rang",
        "sent",
        "booked",
        "insisted",
        "promised",
        "offered",
        "noticed",
        "organised",
        "organized",
        "arranged",
        "stayed",
        "paid",
        "tried",
        "felt",
        "found",
        "went",
        "saw",
        "did",
        "does",
        "stopped",
        "loved",
        "needed",
        "thinks",
        "tells",
        "knows",
        "reckons",
    ]
)
COMPANY_SUFFIX = re.compile(
    rf"(?:,?[^\S\n]+(?:S\.A\.S\.|S\.A\.|S\.L\.|S\.p\.A\.|SpA|GmbH(?:\s*&\s*Co\.\s*KG)?|Ltd\.?|Inc\.?|LLC|PLC|plc|"
    r"NV|BV|AG|Pty\s+Ltd|Sp\.\s*z\s*o\.o\.(?:\s*Sp\.k\.)?|Sp\.j\.|S\.C\.|s\.c\.|SARL|SAS|S\.Com\.|S\.Coop\.|"
    rf"i\s+syn\s+s\.c\.|et\s+Fils|and\s+Sons|&\s+Sons|Group|{CO_NOT_COUNTY}|Công\s+ty(?:\s+\w+){{0,5}}|TNHH))+"
    r"(?!\w)"  # a whole suffix: not the "Inc" of "Stress Urinary Incontinence"
)
FIRM_JOINERS = frozenset({"and", "&", "et", "i", "und", "y", "và", "en"})
FACILITY_PREV = frozenset({"at", "for", "by", "joined", "with"})
WORK_WORDS = frozenset(
    {"work", "worked", "working", "works", "job", "employed", "shift", "shifts", "intern", "volunteer",
     "volunteered", "volunteering", "drive", "drives", "drove", "driving", "teach", "teaches", "taught",
     "teaching", "apprentice", "apprenticeship", "placement", "contract", "contractor", "employee"}
)

# Words for a post or a job ("Practice Manager", "Clinical Lead", "Health Visitor"): a run
# ending in one names a job, and a line holding one above an address names a post.
JOB_WORDS = vocab.words(
    """practitioner assistant worker officer manager visitor registrar consultant coordinator counsellor
    counselor advisor adviser educator lead director head administrator secretary clinician lecturer
    executive chair president supervisor receptionist"""
)
