"""Widen findings to the whole identifier they are part of.

The name and place rules stop at the words they recognise, but real
identifiers often go on: a company's legal form ("Mühle KG", "Monti s.r.l.",
"Hoàng Công ty TNHH"), a street type before a street named after a person
("Rambla Débora Silva 30", "Stretto Zanichelli, 7", "TP. Huế"), a house
number after a Dutch street ("Kevinboulevard 27"), the flat, floor or door
after an address ("... 8 Piso 2", ", RD 7").  A redaction of only the part
that was found leaves the rest on the page, so each finding is widened here
to cover the whole.

Every rule is an anchored `match` at a finding's edge (or a look at the few
words before it), and every repetition in them is bounded, so each finding
costs a few regex calls of bounded length whatever follows it (a flood of
", Apt 3" cannot make the pass quadratic).  The widened finding replaces the
original one.
"""

from __future__ import annotations

import re

from stories.findings import Finding

from .counties import CO_NOT_COUNTY
from .street_words import STREET_ENDINGS, STREET_WORDS
from .vocab import FACILITY_HEADS, NAME_NUMERALS, TITLES, words
from .widen_tails import (
    NAMEISH,
    facility_noun,
    facility_tail,
    joined_places,
    place_particles,
    place_tail,
    romance_head,
)

# Legal forms and the partner words that come with them, several countries'.
_LEGAL_FORM = (
    r"(?:GmbH(?:\s*&\s*Co\.\s*KG(?:aA)?)?|KGaA|KG|OHG|GbR|UG|mbH|e\.\s?[GV]\.|AG|SE"
    r"|N\.V\.|B\.V\.|NV|BV|VOF|C\.V\."
    r"|SARL|S\.A\.R\.L\.|SAS|S\.A\.S\.|EURL|SNC|S\.A\.T\.|S\.A\.|SA"
    r"|S\.L\.N\.E\.?|S\.L\.L\.|S\.L\.|S\.C\.P\.?|S\.Coop\.|S\.Com\.|S\.C\.|s\.c\."
    r"|S\.p\.A\.|SpA|SPA|S\.r\.l\.|s\.r\.l\.|SRL|Srl|s\.n\.c\.|S\.n\.c\.|s\.a\.s\."
    r"|Sp\.\s?z\s?o\.\s?o\.|Sp\.\s?k\.|Sp\.\s?j\.|S\.K\.A\."
    r"|Pty\.?\s+Ltd\.?|Ltd\.?|Limited|Inc\.?|LLC|LLP|PLC|plc|Corp\.?|Group"
    rf"|{CO_NOT_COUNTY}"
    r"|Công\s+ty(?:\s+(?:TNHH|MTV|Cổ\s+phần|Hợp\s+danh|Trách\s+nhiệm\s+hữu\s+hạn))*"
    r"|Doanh\s+nghiệp\s+tư\s+nhân|Tập\s+Đoàn|TNHH|MTV)"
)
_PARTNERS = (
    r"(?:và\s+đối\s+tác|y\s+[Aa]sociados|&\s+[Aa]sociados|e\s+[Ff]igli|und\s+Partner|and\s+Partners"
    r"|&\s+Partners|i\s+[Ss]yn|i\s+[Ww]spólnicy|et\s+Fils|and\s+Sons|&\s+Sons|Hermanos)"
)
# Space within a line: an identifier never continues into the next paragraph.
_SP = r"[^\S\n]"
# At a finding's end, or at the start of its last chunk ("... Sp" + ".j."):
_LEGAL_TAIL = re.compile(
    rf"(?:,?{_SP}*(?:{_PARTNERS}{_SP}+)?{_LEGAL_FORM}(?![\w])){{1,3}}"
    rf"|{_SP}+{_PARTNERS}(?![\w])(?:,?{_SP}*{_LEGAL_FORM}(?![\w])){{0,3}}"
)


def _alternatives(alternation: str) -> list[str]:
    """The alternatives of "(?:a|b|...)" (each starts with a literal)."""
    body, depth, starts = alternation[3:-1], 0, [0]
    for i, ch in enumerate(body):
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            starts.append(i + 1)
    alternatives = [body[i : j - 1] for i, j in zip(starts, [*starts[1:], len(body) + 1], strict=True)]
    if {a[0] for a in alternatives} & set("\\[(.?*+"):
        raise ValueError(f"an alternative does not start with a literal: {alternatives}")
    return alternatives


def _first_pairs(alternation: str) -> tuple[frozenset[str], frozenset[str]]:
    """How the alternatives of "(?:a|b|...)" begin: their first two characters ("Gm", "S.",
    "an"), and the first characters of those that go on with a space ("y", "&")."""
    pairs, spaced = set(), set()
    for alt in _alternatives(alternation):
        second = alt[1:3]
        if second == "\\s":
            spaced.add(alt[0])
        elif second == "\\.":
            pairs.add(alt[0] + ".")
        elif alt[1:2].isalpha():
            pairs.add(alt[:2])
        else:
            raise ValueError(f"an alternative goes on with neither a letter, a dot nor a space: {alt}")
    return frozenset(pairs), frozenset(spaced)


# Where a `_LEGAL_TAIL` match can start: after an optional comma and spaces, two
# characters that begin a legal form or a partner word, or one of those that a
# space follows (a cheap test before the long alternation).
_LEGAL_PAIRS, _LEGAL_SPACED = (
    a | b for a, b in zip(_first_pairs(_LEGAL_FORM), _first_pairs(_PARTNERS), strict=True)
)


def _legal_may_start(text: str, pos: int) -> bool:
    """A cheap necessary condition for `_LEGAL_TAIL.match(text, pos)`."""
    i, n = pos + (text[pos : pos + 1] == ","), len(text)
    while i < n and text[i] != "\n" and text[i].isspace():
        i += 1
    two = text[i : i + 2]
    return two in _LEGAL_PAIRS or (two[:1] in _LEGAL_SPACED and two[1:].isspace())


# Prefixes that make a name a business ("PPUH Słobodzian", "Stichting d' Heripon").
_BUSINESS_HEADS = words(
    "ppuh pphu phu fhu p.p.u.h. p.p.h.u. grupa stichting fundacja stowarzyszenie spółdzielnia "
    "gruppo grupo fondazione fundación cooperativa"
)
# Joining two owners' names: "Hoàng và Mai Doanh nghiệp tư nhân".
_OWNER_JOIN = re.compile(r"([A-ZÀ-Ỹ][\w'’-]*)\s+(?:và|y|e|i|und|&|and|et|en)\s+$")

# Street types written before the street's name, several languages; lowercase.
_STREET_TYPES = STREET_WORDS | words(
    "calle c. c/ avenida avda. av. rambla glorieta vial alameda paseo plaza pasaje camino carrera ronda "
    "travesía urbanización acceso cañada callejón cuesta carretera vía bulevar "
    "via viale piazza piazzale corso largo vicolo canale strada stretto borgo contrada rotonda lungomare "
    "vico salita rua travessa praça rue avenue boulevard chemin allée impasse quai "
    "ul. al. pl. os. aleja ulica plac osiedle số ngõ hẻm đường phố tp. quận huyện tỉnh xã phường"
)
# Administrative words that make a place of what follows without any number.
_ADMIN_TYPES = words("tp. quận huyện tỉnh xã phường ul. al. pl. os.")
_TWO_WORD_TYPES = frozenset({"thành phố", "thị xã", "thị trấn"})
_STREET_LINKS = words("de del la las los di da dei della delle des du")
_CHAIN_WORDS = _STREET_TYPES | _STREET_LINKS | {"thành", "thị"}
_WORD = re.compile(r"\S+")
# Dutch and German street names written as one word, then the house number.
_COMPOUND_STREET = re.compile(
    r"(?i)\w(?:" + "|".join(re.escape(w) for w in STREET_ENDINGS if w[-1].isalpha()) + ")$"
)
# A house number, maybe written "No. 58", "No:214", "nº 12" or "Nr. 7".
_HOUSE_NUMBER = re.compile(
    ",?" + _SP + r"+(?:(?:No|N[º°o]|n[º°o]|Nr)\.?[ \t]?:?[ \t]?)?"
    r"\d{1,5}[A-Za-z]?(?:[/-]\d{1,5}){0,3}(?![\w/°º-])"
)
_UNIT_TAIL = re.compile(
    r"(?:,?" + _SP + r"+(?:Apt\.?|Apartment|Unit|Flat|Suite|Piso|Puerta|Piano|Scala|Interno|Int\.|Esc\.|Bajo|"
    r"RD|Level|Floor|Wohnung|Whg\.|m\.|lok\.)" + _SP + r"*\d{1,4}[A-Za-z]?(?![\w])"
    r"|,?" + _SP + r"+\d{1,2}[°º](?:[ \t]?[A-Z])?(?![\w])){1,3}"  # a floor and door: "4° B", "3º"
)
_UNIT_HEAD = re.compile(
    r"(?:Apt\.?|Apartment|Unit|Flat|Suite|Level|Floor|Bldg\.?|Building|Edificio)\s*\d{1,4}[A-Za-z]?,?\s+$"
)
# A unit word right before an address's first number: "Plot 27, Ahmadu Bello Way",
# "Flat B-204, Shantivan Society", "H.No. 296, Sunder Chowk", "Bldg 12, Sursock Street".
_UNIT_WORD = re.compile(
    r"\b(?:Apt\.?|Apartment|Unit|Flat|Suite|Plot|House|Block|Bldg\.?|Building|Edificio|Lote|"
    r"(?:H\.?[ \t]?)?No\.?)[ \t]+(?:[A-Z]-?)?$"
)
_LOOK_BACK = 40  # characters examined before a finding
# Findings that a facility's head before "of" or "for" turns into that facility ("the University
# of Bristol", where "Bristol" was read as a town or a surname).
_HEAD_OF_SOURCES = frozenset({"locative-cue", "city-gazetteer", "name-gazetteer", "proper-noun"})
# Who a facility is for, when its name says so: " for Women", " for Sick Children".
# A facility's head before "of" or "for": "University of", "Royal College of", "Institute for".
_HEAD_OF = re.compile(r"(?:\b[A-Z][\w'’-]*[ \t]+){1,3}(?:of|for)[ \t]+(?:the[ \t]+)?$")
_FOR_WHOM = re.compile(r"[ \t]+(?:for|of)[ \t]+(?:[A-Z][\w'’-]*[ \t]+){0,2}[A-Z][\w'’-]*")


def _legal_end(text: str, f: Finding) -> int:
    """End of a legal form that continues `f` (from its end or its last chunk), else `f.end`."""
    end = f.end
    m = _LEGAL_TAIL.match(text, end) if _legal_may_start(text, end) else None
    if m and m.end() > end:
        end = m.end()
    last = text.rfind(" ", f.start, f.end) + 1 or f.start
    if last > f.start:
        m = _LEGAL_TAIL.match(text, last) if _legal_may_start(text, last) else None
        if m and m.end() > end:
            end = m.end()
    return end


def _word_before(text: str, pos: int) -> tuple[str, int] | None:
    """(lowercase word, its start) of the word before `pos`, across whitespace only, or None."""
    if pos == 0 or not text[pos - 1].isspace():
        return None
    floor = max(0, pos - _LOOK_BACK)
    stripped = text[floor:pos].rstrip()
    if not stripped:
        return None
    word = stripped.rsplit(None, 1)[-1]
    return word.lower(), floor + len(stripped) - len(word)


def _owner_start(text: str, start: int) -> int:
    """Start of a co-owner's name joined right before `start` ("Hoàng và "), else `start`."""
    before = text[max(0, start - _LOOK_BACK) : start]
    owner = _OWNER_JOIN.search(before)
    return start - len(before) + owner.start(1) if owner else start


def _street_start(text: str, f: Finding, prev: tuple[str, int] | None) -> tuple[int, bool]:
    """(start of the street type that begins or precedes `f`, or -1; whether it is administrative).

    The type may be the finding's own first word ("Stretto Uberto"), or come
    before it, possibly with link words ("Glorieta de", "C. de", "thành phố").
    `prev` is `_word_before(text, f.start)`, which the caller has read already.
    """
    own = _WORD.match(text, f.start)
    found, admin = -1, False
    if own and own.end() < f.end and own.group().lower() in _STREET_TYPES:
        found, admin = f.start, own.group().lower() in _ADMIN_TYPES
    following, pos = (own.group().lower() if own else ""), f.start
    for step in range(3):
        if step:
            prev = _word_before(text, pos)
        if prev is None or prev[0] not in _CHAIN_WORDS:
            break
        word, pos = prev
        pair = f"{word} {following}"
        if word in _STREET_TYPES or pair in _TWO_WORD_TYPES:
            found, admin = pos, word in _ADMIN_TYPES or pair in _TWO_WORD_TYPES
        following = word
    return found, admin


def _address_end(text: str, end: int) -> int:
    """End of a house number and any flat/floor/door parts after `end`."""
    m = _HOUSE_NUMBER.match(text, end)
    if m:
        end = m.end()
    m = _UNIT_TAIL.match(text, end)
    return m.end() if m else end


def _widen(text: str, f: Finding) -> Finding:
    if f.kind not in NAMEISH:
        return f
    if f.kind == "FACILITY" or f.source in _HEAD_OF_SOURCES:
        start, end = f.start, f.end
        m = _FOR_WHOM.match(text, end) if f.kind == "FACILITY" else None
        if m:  # "the Royal Hospital for Women", "Hospital for Sick Children"
            end = m.end()
        # `_HEAD_OF` ends in "of", "for" or "the" before the finding: test that before searching
        near = text[max(0, start - _LOOK_BACK) : start].rstrip(" \t\n")
        b = (_HEAD_OF.search(text, max(0, start - _LOOK_BACK), start)
             if near.endswith(("of", "for", "the")) else None)
        if b and any(w.lower() in FACILITY_HEADS for w in b.group().split()):
            start = b.start()  # "the University of Leeds Hospital", "Royal College of Nursing"
        if (start, end) != (f.start, f.end):
            return Finding("FACILITY", start, end, f.score, f.source, f.note)
    prev = _word_before(text, f.start)
    head = prev[1] if prev and prev[0] in _BUSINESS_HEADS else -1  # "PPUH", "Stichting"...
    end = _legal_end(text, f)
    if end > f.end:
        start = head if head >= 0 else _owner_start(text, f.start)
        return Finding("FACILITY", start, end, max(f.score, 0.8), "legal-form")
    if f.kind != "LOCATION" and head >= 0:
        return Finding("FACILITY", head, f.end, max(f.score, 0.7), "business-prefix")
    start, admin = _street_start(text, f, prev)
    if start >= 0:
        end = _address_end(text, f.end)
        if (start, end, f.kind) != (f.start, f.end, "LOCATION") and (
            admin or end > f.end or text[start].isupper()
        ):
            return Finding("LOCATION", start, end, max(f.score, 0.8), "street-type")
    # the anchored house-number match first: it fails on most findings, the search tries 12 positions
    if _HOUSE_NUMBER.match(text, f.end) and _COMPOUND_STREET.search(text, max(f.start, f.end - 12), f.end):
        return Finding("LOCATION", f.start, _address_end(text, f.end), max(f.score, 0.8), "street-compound")
    if f.kind == "LOCATION":
        unit = _UNIT_TAIL.match(text, f.end)
        lead = None
        if text[f.start].isdigit():
            lead = _UNIT_HEAD.search(text, max(0, f.start - 20), f.start) or _UNIT_WORD.search(
                text, max(0, f.start - 14), f.start
            )
        if unit or lead:
            return Finding(
                "LOCATION",
                lead.start() if lead else f.start,
                unit.end() if unit else f.end,
                f.score,
                f.source,
                f.note,
            )
    return f


# Particles before a surname: some only ever are ("van der Merwe", "bin Salleh"), others
# are everyday words in Romance languages ("de", "la") and count only after a title or a
# capitalised first name ("dokter de Vries", "María de la Cruz").
_SURE_PARTICLES = frozenset({"van", "von", "der", "den", "ten", "ter", "bin", "binti", "ibn"})
_PARTICLES_BEFORE = re.compile(
    r"(?:(?<![\w'’-])(?:van|von|der|den|ten|ter|bin|binti|ibn|de|da|di|du|del|della|la|le|al|el)[ \t]+){1,3}$"
)
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.'’-]*)[ \t,]*$")


_PARTICLE_ENDINGS = (
    "van", "von", "der", "den", "ten", "ter", "bin", "binti", "ibn",
    "de", "da", "di", "du", "del", "della", "la", "le", "al", "el",
)  # fmt: skip


def _may_follow_particle(text: str, pos: int) -> bool:
    """A cheap necessary condition for `_PARTICLES_BEFORE.search(text, pos - 24, pos)`:
    before `pos` (or before a line break right before it, where `$` also matches) come
    a particle and spaces or tabs."""
    end = pos - 1 if text[pos - 1 : pos] == "\n" else pos
    window = text[max(0, pos - 24) : end]
    stripped = window.rstrip(" \t")
    return len(stripped) < len(window) and stripped.endswith(_PARTICLE_ENDINGS)


def _particle_start(text: str, f: Finding) -> int:
    """Start of the particles written before a person's surname, or `f.start`."""
    if f.kind != "PERSON" or f.start < 3 or not _may_follow_particle(text, f.start):
        return f.start
    m = _PARTICLES_BEFORE.search(text, max(0, f.start - 24), f.start)
    if m is None:
        return f.start
    if _german_verb(text, m.start()):
        return f.start  # "ich bin Steffi": German "am", no particle
    if m.group().split()[0].lower() in _SURE_PARTICLES:
        return m.start()
    before = _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())
    if before and (before.group(1).lower() in TITLES or before.group(1)[0].isupper()):
        return m.start()
    return f.start


_ICH = re.compile(r"(?i:ich)[ \t]+$")


def _german_verb(text: str, pos: int) -> bool:
    """Is the particle at `pos` German "bin" after "ich" ("ich bin Steffi"), no "bin Salleh"?"""
    return text[pos : pos + 3].lower() == "bin" and _ICH.search(text, max(0, pos - 8), pos) is not None


def widen(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` with each person, place or facility widened to its whole identifier."""
    return joined_places(text, [_whole(text, f) for f in findings])


def _whole(text: str, f: Finding) -> Finding:
    """One finding widened by every rule in turn: its own words, a surname's particles, a
    place's small words and tail, a facility's noun and tail."""
    f = _particles(text, _widen(text, f))
    if f.kind not in NAMEISH:
        return f
    f = romance_head(text, place_particles(text, f))
    return facility_tail(text, facility_noun(text, place_tail(text, f)))


# ... or a chat label's initial without a stop ("Kath M: the physio is worth it"; not "I").
_NAME_SUFFIX = re.compile(
    r",?[ \t]+(?:Jr\.?|Sr\.?|" + "|".join(NAME_NUMERALS) + r")(?![\w])"
    r"|[ \t]+(?:[A-Z]\.){1,3}(?=[ \t,\n]|$)|[ \t][A-HJ-Z](?=:)"
)
# Initials before a surname: "J. Pugsley", "W.W. Hastings", "A. B. Okafor".
_INITIALS_BEFORE = re.compile(r"(?<![\w.'’-])(?:[A-Z]\.[ \t]?){1,3}[ \t]+$")
# Letters with stops that are no one's initials: "the U.S. Rachel", "P.S. Jen", "Q. Declan".
_NOT_INITIALS = frozenset({"U.S.", "U.K.", "U.S.A.", "P.S.", "N.B.", "Q."})
_QUESTION_LINE = re.compile(r"^Q[.:]", re.MULTILINE)


def _not_initials(text: str, m: re.Match) -> bool:
    """Are the letters `m` matched an abbreviation, or an interview's "A." answering "Q."?"""
    letters = m.group().replace(" ", "").replace("\t", "")
    qa = letters == "A." and (m.start() == 0 or text[m.start() - 1] == "\n")
    return letters in _NOT_INITIALS or (qa and _QUESTION_LINE.search(text) is not None)


def _particles(text: str, f: Finding) -> Finding:
    """`f` widened over the particles or initials before a surname ("de Vries", "van der
    Merwe", "W.W. Hastings") and a generation or a surname's initials after it ("Kevin
    Veitonen II", "Earl Baptiste Jr.", "a physio named Jen K.", "Sunil Kumar P.V.", a
    chat's "Kath M:")."""
    start = _particle_start(text, f)
    if f.kind == "PERSON" and start == f.start:
        initials = _INITIALS_BEFORE.search(text, max(0, f.start - 12), f.start)
        start = initials.start() if initials and not _not_initials(text, initials) else start
    suffix = _NAME_SUFFIX.match(text, f.end) if f.kind == "PERSON" else None
    end = suffix.end() if suffix else f.end
    return f if (start, end) == (f.start, f.end) else Finding(f.kind, start, end, f.score, f.source, f.note)
