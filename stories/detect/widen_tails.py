"""What follows a person's, place's or facility's name and belongs to it.

A compass word, a place noun or a numbered part after a place ("Dadar East", "Lekki Phase
1"), a lowercase facility noun ("the Dennistoun practice"), a shop's joined word or a
ward's number ("Pick n Pay", "Ward 23"), and a second place joined by "and" ("near
Broadview and Danforth", "at the Fox and Newt"): each an anchored match at a finding's
end (`widen` applies them after its own rules).
"""

from __future__ import annotations

import re

from stories.findings import Finding

from .dates_widen import ROMANCE_WEEKDAYS
from .dates_world import WORLD_MONTHS
from .mentions import CAPITAL_ONLY
from .tokens import shared_columns
from .vocab import ES_MONTHS, FR_MONTHS, FUNCTION, MONTHS, WEEKDAYS, words

NAMEISH = frozenset({"PERSON", "FACILITY", "LOCATION"})

# The numbered parts of a town ("Tema Community 11", "DHA Phase 5").
_NUMBERED_PARTS = ("phase", "sector", "zone", "community", "block")

# A compass word, a place noun or a numbered part after a place's name belongs to it:
# "Dadar East", "Queen West", "Dadar station", "Lekki Phase 1", "Sector 15".
_PLACE_TAIL = re.compile(
    r"[ \t]+(?:East|West|North|South|Central|east|west|north|south|station|market|junction"
    rf"|(?:{'|'.join(p.title() for p in (*_NUMBERED_PARTS, 'extension'))})[ \t]+\d{{1,3}}[A-Z]?)(?![\w'’-])"
)
_JOINED = frozenset({" and ", " & "})


# A lowercase facility noun after a place's or a person's name makes them one facility:
# "the Dennistoun practice", "the Leeds clinic", "Sweeney's bakery".
_FACILITY_NOUN = re.compile(
    r"[ \t]+(?:practice|clinic|surgery|hospital|centre|center|bakery|school|college|pub|café|cafe|salon|gym|"
    r"church|mosque|temple|pharmacy|chemist|supermarket|shop|store|office|hotel|restaurant|nursery)(?![\w'’-])"
)
_NOUN_SOURCES = frozenset({"proper-noun", "name-gazetteer", "city-gazetteer", "locative-cue", "the-place"})


def facility_noun(text: str, f: Finding) -> Finding:
    """`f` widened over a lowercase facility noun right after it ("the Dennistoun practice")."""
    if f.source not in _NOUN_SOURCES or f.kind not in NAMEISH:
        return f
    m = _FACILITY_NOUN.match(text, f.end)
    return f if m is None else Finding("FACILITY", f.start, m.end(), f.score, f.source, f.note)


def place_tail(text: str, f: Finding) -> Finding:
    """`f` widened over a compass word or a place noun right after it, if there is one."""
    if f.kind not in NAMEISH or f.source in {"title", "name-cue", "signature"}:
        return f
    m = _PLACE_TAIL.match(text, f.end)
    if m is None:
        return f
    kind = "FACILITY" if f.kind == "FACILITY" else "LOCATION"
    return Finding(kind, f.start, m.end(), f.score, f.source, f.note)


# The small words inside a place's name ("Newcastle upon Tyne", "Frankfurt am Main", "Caxias
# do Sul", "Črni Vrh nad Idrijo", "Velká Bukovina u Decína"), each before a capitalised word.
# Those in _PLACE_ONLY_PARTICLES join no person's names, so they make a place of a run a
# name list or a capital found ("Ostrov nad Ohrí"); the others only carry a place on.
_PLACE_ONLY_PARTICLES = ("nad", "pod", "am", "upon", "sur", "sous", "bei", "an der")
_CARRYING_PARTICLES = words("u v z ze do da de del dos das e y sul im en na")
_PLACE_PARTICLE = re.compile(
    rf"[ \t]+(?P<particle>{'|'.join((*_PLACE_ONLY_PARTICLES, *sorted(_CARRYING_PARTICLES)))})"
    r"[ \t]+(?P<word>[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*)"
)
# Months and weekdays, in the languages the date rules read, end a place's name.
_NOT_A_PLACE_WORD = frozenset(
    {*FUNCTION, *MONTHS, *WEEKDAYS, *ES_MONTHS.split("|"), *FR_MONTHS.split("|"), *WORLD_MONTHS}
) | ROMANCE_WEEKDAYS | words("segunda terça quarta quinta sexta")  # (Portuguese weekdays)


def place_particles(text: str, f: Finding) -> Finding:
    """`f` widened over the small words and the capitalised words of a place's name after
    it ("Caxias" -> "Caxias do Sul"); a person's name found by a name list or a capital
    becomes a place before "nad", "am", "upon" ("Ostrov nad Ohrí")."""
    if f.kind != "LOCATION" and not (f.kind == "PERSON" and f.source in CAPITAL_ONLY):
        return f
    end = f.end
    for _ in range(2):
        m = _PLACE_PARTICLE.match(text, end)
        if m is None or m.group("word").casefold() in _NOT_A_PLACE_WORD:
            break
        if f.kind != "LOCATION" and m.group("particle") not in _PLACE_ONLY_PARTICLES:
            break
        end = m.end()
    return f if end == f.end else Finding("LOCATION", f.start, end, f.score, f.source, f.note)


# A French facility word, in lowercase, before a name, is part of it: "l'hôpital de la
# Croix-Rousse", "l'école Jean-Macé", "au collège Jean-Jaurès" (a Spanish or Portuguese
# "la clínica de Huelin" names the clinic by its place, which is the identifier).
_FRENCH_HEADS = words(
    "hôpital hopital clinique école ecole collège lycée lycee université universite faculté institut"
    " maternité église paroisse hôtel-dieu hotel-dieu polyclinique chu gmf clsc"
)
# ... with the adjective that may follow it ("l'Hôpital régional de Saint-Jérôme", "le
# Centre hospitalier de Granby").
_FRENCH_HEAD_ADJECTIVES = "régional|regional|universitaire|général|general|pédiatrique|psychiatrique"
_ROMANCE_HEAD = re.compile(
    rf"(?i:(?:\bl['’])?\b(?:{'|'.join(sorted(_FRENCH_HEADS))}|centre[ \t]+hospitalier)"
    rf"(?:[ \t]+(?:{_FRENCH_HEAD_ADJECTIVES}))?"
    r"(?:[ \t]+(?:de[ \t]+la|du|des|de|d['’]))?)[ \t]+$"
)
# The story's words (tokens, in lowercase) that may hold a French facility word.
_ROMANCE_HEAD_WORDS = (
    _FRENCH_HEADS | {f"{e}{w}" for w in _FRENCH_HEADS for e in ("l'", "l’")} | {"hospitalier"}
)
# A particle ending a facility's name found before its last word, an acronym: "... da UFMG".
_LAST_PART = re.compile(r"[ \t]+(?:[A-ZÀ-Þ][\w'’-]*)")
_ENDING_PARTICLES = ("de", "da", "do", "das", "dos", "del", "du", "des")
# Facility words that make a name a facility wherever they stand in it ("Hospital La Paz").
_INSIDE_HEADS = words(
    "hospital hôpital clínica clinica clinique centro instituto sanatorio policlínica club parroquia colegio"
    " universidad escuela"
)


def romance_head(text: str, f: Finding) -> Finding:
    """`f` widened back over a French facility word before it, as a FACILITY ("l'hôpital de
    la Croix-Rousse"); a name holding a facility word is a FACILITY ("Hospital La Paz", "del
    Centro de Salud Delicias"), and goes on over the word after a particle that ends it
    ("Hospital das Clínicas da UFMG")."""
    if f.kind not in NAMEISH or f.source in {"title", "name-cue"}:
        return f
    lows = shared_columns(text).low_set()
    heads_before = not _ROMANCE_HEAD_WORDS.isdisjoint(lows)
    if not heads_before and _INSIDE_HEADS.isdisjoint(lows):
        return f  # (set tests on the story's words first: most stories hold no such word)
    head = _ROMANCE_HEAD.search(text, max(0, f.start - 40), f.start) if heads_before else None
    parts = text[f.start : f.end].lower().split()
    if head is None and _INSIDE_HEADS.isdisjoint(parts):
        return f
    end = f.end
    if parts[-1] in _ENDING_PARTICLES:
        last = _LAST_PART.match(text, end)
        end = last.end() if last else end
    return Finding("FACILITY", head.start() if head else f.start, end, f.score, f.source, f.note)


def joined_places(text: str, findings: list[Finding]) -> list[Finding]:
    """Two places joined by "and" or "&" as one ("near Broadview and Danforth"): a corner
    or two neighbouring towns; redacting them together leaves no dangling "and"."""
    # a place, or an unknown capitalised word next to one ("near Quillan and Ossory")
    places = [f for f in findings if f.kind in ("LOCATION", "FACILITY") or f.source in CAPITAL_ONLY]
    places.sort(key=lambda f: (f.start, f.end))
    if len(places) < 2:
        return findings
    merged: dict[Finding, Finding] = {}
    gone: set[Finding] = set()
    for a, b in zip(places, places[1:], strict=False):
        a_now = merged.get(a, a)
        joined = text[a.end : b.start] in _JOINED and "\n" not in text[a.start : b.end]
        named = text[max(0, a_now.start - 4) : a_now.start] == "the "  # "at the Fox and Newt": a pub
        if joined and ("LOCATION" in (a.kind, b.kind) or b.kind == "FACILITY" or named):
            # "near Broadview and Danforth"; "Bristol Civil and Family Justice Centre"
            place = "LOCATION" in (a.kind, b.kind)
            kind = "FACILITY" if b.kind == "FACILITY" or (named and not place) else "LOCATION"
            whole = Finding(kind, a_now.start, b.end, min(a.score, b.score), a.source, a.note)
            merged[b] = whole
            gone.add(a)
    if not merged:
        return findings
    return [merged.get(f, f) for f in findings if f not in gone]


# A shop's "n" ("Pick n Pay", "Marks & Spencer"), a ward's or unit's number ("Ward 23",
# "Unit 4B") and a town's numbered part ("Community 11") belong to what they follow.
_SHOP_JOIN = re.compile(r"[ \t](?:n|'n'|’n’|&)[ \t][A-Z][\w'’-]*")
_NUMBERED_HEADS = ("ward", "unit", "bay", "wing")
_HEAD_NUMBER = re.compile(r"[ \t]\d{1,3}[A-Z]?(?![\w/.,:-]\w)")
# The letters a club, a practice or a hospital ends its name with: "Ballincollig GAA", "Pontyclun
# RFC", "Midtown Pelvic PT", "Tweed Heads RSL", "Erasmus MC", "Charing Cross GIC".
_ORGANISATION_LETTERS = re.compile(
    r"[ \t](?:PT|GAA|RFC|RUFC|AFC|FC|RSL|GIC|UMC|MC|CC|GC|YMCA|YWCA)(?![\w'’-])"
)


def facility_tail(text: str, f: Finding) -> Finding:
    """`f` widened over a shop's joined second word, a ward's number after it, or the letters
    that make a name a club's, a practice's or a hospital's (then a facility)."""
    if f.kind not in NAMEISH:
        return f
    letters = _ORGANISATION_LETTERS.match(text, f.end)
    if letters is not None:
        return Finding("FACILITY", f.start, letters.end(), f.score, f.source, f.note)
    m = _SHOP_JOIN.match(text, f.end) if f.kind == "FACILITY" else None
    last = text[max(f.start, f.end - 9) : f.end].lower()
    if m is None and last.endswith(_NUMBERED_HEADS + _NUMBERED_PARTS):
        m = _HEAD_NUMBER.match(text, f.end)
        if m is not None and last.endswith(_NUMBERED_HEADS):
            return Finding("FACILITY", f.start, m.end(), f.score, f.source, f.note)
    return f if m is None else Finding(f.kind, f.start, m.end(), f.score, f.source, f.note)
