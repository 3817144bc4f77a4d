"""Curated word lists that steer the detector: cues, titles, safe vocabulary.

Why curated and not learned: every entry here is a decision a reviewer can
read.  Cue words make a following word a name or a place; "safe" words are
capitalized words that a first-person recovery story uses all the time and
that identify nobody (clinical terms, drugs, family roles, months handled by
the date rules, countries handled by `regions.txt`).  All lists are lowercase.
"""

from __future__ import annotations

from .holidays import HOLIDAYS  # noqa: F401  (one table, read as vocab.HOLIDAYS)
from .peoples import DEMONYMS  # noqa: F401  (one table, read as vocab.DEMONYMS)


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, as a set (word lists stay readable)."""
    return frozenset(text.split())


# Clinical and everyday health vocabulary that must never be taken for a name.
CLINICAL = words(
    """
    botox kegel kegels vaginismus vulvodynia dyspareunia vestibulodynia
    lidocaine lignocaine emla estrogen oestrogen estradiol premarin vagifem
    ob-gyn obgyn ob gyn gyn gynae gynaecologist gynecologist gynaecology gynecology
    gp gps nhs dilator dilators pelvic floor physio physiotherapy physiotherapist
    physical therapy therapist pt cbt ssri ssris sri amitriptyline gabapentin
    diazepam valium xanax lyrica pregabalin ibuprofen paracetamol tylenol advil
    hrt ivf iui ivf's pap smear smears hpv std sti stis uti utis ibs pcos
    endometriosis adenomyosis fibroids menopause perimenopause lichen sclerosus
    pelvic vaginal vulval vulvar vagina vulva clitoris hymen hymenectomy pelvis bladder bowel bowels
    rectum prostate penis testicles scrotum abdomen womb labia anus coccyx tailbone
    cervix cervical uterus ovaries ovary laparoscopy colposcopy ultrasound
    mri ct scan scans bloods biopsy surgery anaesthetic anesthetic sedation
    trigger point emdr dbt act mindfulness headspace calm yoga pilates
    intimina ohnut amielle soul source vuvatech crave sensate focus
    hymen physio's a&e er icu nicu ptsd ocd adhd asd cptsd
    reddit instagram insta tiktok youtube twitter whatsapp zoom etsy
    kindle netflix spotify podcast podcasts covid covid-19 lockdown
    thrush spasm spasms urogynecologist urogynaecologist urogynecology urogynaecology
    perineal perineum endo episiotomy prolapse incontinence pessary cystitis candida
    """
)

#: Endings of words for what a person does ("presenter", "caller", "farmer", "therapist"):
#: such a word the dictionary writes in lowercase labels a role, not a name.
AGENT_ENDINGS = ("er", "or", "ist", "ant", "ent")
# Endings of clinical words in English and Spanish: a word ending so names a condition,
# a test, a specialist or a specialty, never a person ("Prostatitis", "Internist",
# "Naturopath", "Ginecóloga", "Kinesióloga", "Fisioterapeuta", "Ansiolítico").
CLINICAL_ENDINGS = (
    "itis", "osis", "ectomy", "oscopy", "otomy", "algia", "dynia", "ologist", "ology", "opath",
    "opathy", "iatrist", "iatry", "ternist", "ólogo", "óloga", "ología", "apeuta", "ítico", "ítica",
    "ólogos", "ólogas", "pausia", "pause", "ismo", "dynie", "algie", "ectomie", "oscopie", "ologue",
    "ologie", "iatre", "iatrie", "apeute", "odinia", "ologista",
)  # fmt: skip

# Months in Spanish and French, one alternation for every date rule that reads them.
ES_MONTHS = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
FR_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
)

# Ages as people write them, one vocabulary for every age rule: a number from 13 to 99
# ("one" to "twelve" and 1-12 are too often not ages), spelled with or without a hyphen.
AGE_TENS = "twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety"
AGE_UNITS = "one|two|three|four|five|six|seven|eight|nine"
AGE_TEENS = "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
SPELLED_AGE = rf"(?:(?:{AGE_TENS})(?:[-\s](?:{AGE_UNITS}))?|{AGE_TEENS})"
NUMBER_AGE = r"(?:1[3-9]|[2-9]\d)"
# A day of the month in words: "the twenty-first of June", "the third of May".
_ORDINAL_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
SPELLED_ORDINAL = (
    rf"(?:(?:twenty|thirty)[-\s](?:{_ORDINAL_UNITS})|{_ORDINAL_UNITS}|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
SPELLED_AGE_WORDS = frozenset(
    {*AGE_TENS.split("|"), *AGE_TEENS.split("|")}
    | {f"{t}-{u}" for t in AGE_TENS.split("|") for u in AGE_UNITS.split("|")}
)

# Family roles and generic addressees: capitalized as forms of address
# ("Mum came with me") but identify nobody; with the words for mother, father and
# grandparents in the languages patients write around English ("Hooyo", "Ammi", "Má",
# "Ouma", "Abuela"), leaving out those that are mostly given names ("Lola", "Bibi").
ROLES = words(
    """
    mum mom mummy mommy mam mama mother dad daddy father papa gran granny grandma
    grandmother grandad grandpa grandfather nan nana auntie aunty aunt uncle
    sis bro babe hubby husband wife partner boyfriend girlfriend fiance fiancé
    fiancee fiancée doctor doc nurse midwife sister brother son daughter baby
    god lord jesus christ allah bible church mass sir madam miss ma'am
    christmas easter thanksgiving halloween diwali eid hanukkah passover ramadan
    noël navidad nochebuena nochevieja
    má mẹ hooyo ammi amma ammu abbu nani dadi nanima dadima appa mami papi abuela abuelo
    abuelita abuelito tía tío ninang ninong manman ouma oupa kuia koro mokopuna sahiba
    sahib bhabhi didi bhaiya yiayia pappou babcia dziadek oma opa nonna nonno umma eomma
    halmeoni obaasan ojiisan mamá papá mãe avó avô vovó vovô maman mamie oncle tante ayah
    ibu nenek atuk amah ahma ahgong popo nainai yeye waipo laolao mamaw papaw memaw nanna
    missus signora signore señora señor apá amá baji
    """
)

# Words that start sentences or appear capitalized in titles and headings.
FUNCTION = words(
    """
    a an the and or but so if then than that this these those there here
    i i'm i've i'd i'll me my mine myself we we're we've our us you your
    he she it they them their his her him its one ones
    when while after before because since until though although even just
    also still yet now today tonight tomorrow yesterday soon later finally
    eventually slowly sometimes often always never every each all both
    some any many much more most less few no not nothing something everything
    anything anyone someone everyone nobody somebody what which who whom whose
    why how where whatever whenever wherever however meanwhile anyway besides
    is was were be been being am are has have had do does did done can could
    will would shall should may might must let lets let's
    at in on of to for from with without by about into onto over under
    through during between among around near up down out off again once
    yes yeah ok okay oh wow well hi hello hey dear thanks thank please sorry fae
    first second third last next another other such same very really quite
    honestly actually basically looking thinking back sadly luckily thankfully
    hopefully fortunately unfortunately obviously apparently
    edit update tl;dr tldr ps note
    name place facility date age phone email link handle id
    said says made told went got felt kept took came gave asked saw knew thought
    weeks months days years hours minutes times sessions
    you're you've you'd you'll he's he'd he'll she's she'd she'll it's it'd it'll
    we'd we'll they're they've they'd they'll that's there's here's what's who's
    where's how's don't doesn't didn't can't cannot couldn't won't wouldn't
    shouldn't isn't aren't wasn't weren't hasn't haven't hadn't mustn't needn't
    ain't y'all
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand
    """
)

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTH_ABBR = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# The days of the week in Spanish, French, Italian and Portuguese, capitalised in many stories
# ("el Domingo", "los Lunes y Miércoles", "Le Lundi suivant"): never a person there.
WORLD_WEEKDAYS = words(
    """lunes martes miércoles miercoles jueves viernes sábado sabado sábados sabados domingo domingos
    lundi mardi mercredi jeudi vendredi samedi dimanche lunedì martedì mercoledì giovedì venerdì
    domenica segunda-feira terça-feira quarta-feira quinta-feira sexta-feira"""
)
# Every English month word, longest first, as a regex alternation ("september|sept|sep|...").
MONTH_WORDS = "|".join(sorted([*MONTHS, *MONTH_ABBR], key=len, reverse=True))

# Titles before a name; the name itself is the finding, not the title.
TITLES = words(
    """
    dr dr. doctor mr mr. mrs mrs. ms ms. miss mx mx. prof prof. professor
    nurse sister midwife sr sr. rev rev. reverend consultant surgeon
    dame sir lady lord
    dra dra. doctora sra sra. srta srta. don doña
    dokter docteur dottore dottoressa dottor dott herr frau señor señora madame mme monsieur
    aunty auntie uncle ate kuya tita tito
    pastor padre fr fr. father rev. imam rabbi deacon dre
    capt capt. sgt sgt. sergeant sfc cpl lt lt. pvt
    """
)

# Titles that only a name follows (not "Nurse", "Consultant": "the Nurse Practitioner").
HONORIFICS = words("mr mr. mrs mrs. ms ms. miss mx dr dr. doctor prof prof. professor")
# Words a letter's closing opens with ("Love, Bea", "Cheers Dave"): no part of the name after.
# (and in the other languages patients write: "Besos,", "Beijos, Ju", "Bisous"; these are
# also greetings, `everyday_extra.GREETINGS`, so a closing alone on the last line is no name)
FOREIGN_CLOSINGS = words("besos besitos abrazos saludos bisous beijos beijinhos xoxo")
CLOSINGS = FOREIGN_CLOSINGS | words(
    "signed love cheers thanks regards best sincerely warmly yours blessings hugs ta"
)

# "my <relation> NAME" / "my relation, NAME," cues.
RELATIONS = [
    "husband",
    "wife",
    "partner",
    "boyfriend",
    "girlfriend",
    "fiance",
    "fiancé",
    "fiancee",
    "fiancée",
    "ex",
    "ex-husband",
    "ex-wife",
    "ex-boyfriend",
    "ex-girlfriend",
    "spouse",
    "daughter",
    "son",
    "kids",
    "children",
    "child",
    "baby",
    "twins",
    "sister",
    "brother",
    "mum",
    "mom",
    "mother",
    "dad",
    "father",
    "stepdad",
    "stepmom",
    "stepmum",
    "gran",
    "granny",
    "grandma",
    "grandmother",
    "grandad",
    "grandpa",
    "grandfather",
    "aunt",
    "auntie",
    "aunty",
    "daughter-in-law",
    "son-in-law",
    "mother-in-law",
    "father-in-law",
    "sister-in-law",
    "brother-in-law",
    "stepdaughter",
    "stepson",
    "granddaughter",
    "grandson",
    "uncle",
    "cousin",
    "niece",
    "nephew",
    "friend",
    "bestie",
    "mate",
    "bf",
    "gf",
    "hubby",
    "fella",
    "feller",
    "missus",
    "missis",
    "man",
    "half",
    "fiancée",
    "pal",
    "buddy",
    "colleague",
    "coworker",
    "co-worker",
    "boss",
    "manager",
    "flatmate",
    "roommate",
    "housemate",
    "classmate",
    "teammate",
    "supervisor",
    "neighbour",
    "neighbor",
    "doctor",
    "doc",
    "gp",
    "gynaecologist",
    "gynecologist",
    "gynae",
    "obgyn",
    "ob-gyn",
    "ob/gyn",
    "therapist",
    "physio",
    "physiotherapist",
    "pt",
    "psychologist",
    "psychiatrist",
    "counsellor",
    "counselor",
    "surgeon",
    "consultant",
    "specialist",
    "nurse",
    "midwife",
    "urologist",
    "sexologist",
    "dermatologist",
    "endocrinologist",
]

# Words in a capitalized run that make it a facility or an employer.
FACILITY_HEADS = words(
    """
    hospital hospitals clinic clinics centre center surgery practice infirmary trust university college
    pavilion
    school academy pharmacy chemist chemists group health healthcare medical institute foundation ltd inc
    llc plc corp company co hotel bank church office services wellness physiotherapy physio sanatorium
    hospice maternity unit ward gynaecology gynecology department dept supermarket store stores restaurant
    cafe café salon spa gym studio library council ministry agency authority commission society association
    charity parish mosque masjid temple mandir gurdwara synagogue chapel cathedral methodist presbyterian
    baptist anglican lutheran pentecostal adventist therapy therapies solutions logistics freight systems
    technologies industries consulting partners associates holdings enterprises engineering construction
    scaffolding hardware dental motors garage bakery deli diner pub inn tavern nursery kindergarten
    preschool daycare factory mill haulage airlines club project network alliance collective initiative
    instituto parroquia fm radio
    """
)

# What a clinic or department treats: with only these before its head, a facility is a
# kind of clinic ("the Perineal Clinic", "Women's Health Physio"), not a named place.
DEPARTMENT_WORDS = words(
    """
    pain pessary perineal continence fertility menopause sexual women women's womens men's
    health pelvic colposcopy antenatal postnatal gynae urology psychosexual medicine
    therapy planning family walk-in urgent care emergency outpatient outpatients urogynae
    men occupational midlife urological gynaecological gynecological
    """
)

# Particles allowed inside a multi-word name or place.
PARTICLES = words(
    "van von den der de da das dos del della di du la le el al bin binti binte ibn ten ter upon on-the y dela"
)

# Locative cues: a capitalized run right after them is a place or facility.
# ("fae" is Scots for "from": "fae Govan")
LOCATIVE = words(
    "in from fae near outside around at via towards toward live lived living born raised grew based"
)

# "to" is locative only after a motion verb ("moved to Leeds", not "talked to Siobhán").
MOTION = words(
    "moved move moving went go going back drove drive flew fly relocated travelled traveled "
    "trip came come coming returned commute commuted emigrated way referred transferred admitted"
)

# Place-name prefixes that are also safe words ("West Davidmouth", "New Haven").
PLACE_PREFIXES = words(
    "north south east west new port lake mount mt fort saint st san santa upper lower great little"
)

# Ordinary words that are also first names: need a cue unless mid-sentence.
AMBIGUOUS_NAMES = words(
    """
    hope grace will summer young faith joy rose mark bill may june april
    august autumn dawn eve ivy holly heather daisy iris ruby pearl amber
    crystal brook river sky sunny cliff glen dale wade chase drew lance
    miles bond price rich gay guy pat sue rob ted jack frank art sage
    destiny charity patience prudence honor honour harmony melody precious
    victory blessing comfort gift precious love star bright long green
    white black brown gray grey king lee park hall wood moon day story
    major early rock peace sterling hunter fisher baker cook mason page
    """
)

UNITS = words(
    "weeks week months month days day hours hour minutes minute mins min years year "
    "yrs % percent mg ml mcg units unit cm mm kg lbs lb times sessions session "
    "dilators pounds kilos degrees stone miles km"
)

# Roman numerals that end a name ("Dave III"): `widen` takes them into the name, and `recase`
# leaves them in capitals so that a story in capitals keeps them too.
NAME_NUMERALS = ("II", "III", "IV")

# Kinds of place, room and service, capitalised alone after "the" ("cried in the Bathroom",
# "at the Supermarket", "in the Army"): no place's name.
KINDS_OF_PLACE = words(
    """chemist chemists pharmacy vicarage rectory manse surgery hospital clinic library gym office church
    chapel mosque temple gurdwara pub shop shops market mart ward unit canteen staffroom playground
    bathroom kitchen shower bedroom lounge toilet loo garden yard village town mall grocery supermarket
    gallery hall corridor lobby car van bus train army navy military consultation appointment
    waiting room states caribbean netherlands tropics outback bush"""
)
