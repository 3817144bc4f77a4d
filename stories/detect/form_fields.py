"""The answers of a form pasted into a story: "First name or initials: GK", "Suburb / town:
Chermside", "Insurer / funding: Bupa", "Age (optional): 29".

Patients often send their story through a web form or copy one from another clinic's, and
its lines keep the shape "Label: answer".  The label says what the answer is, so the answer
is an identifier whatever it looks like: initials ("GK", "S"), a lowercase town
("campbellsville ky"), an insurer named with everyday words.  Only the answer's first part
counts (up to a comma, a bracket or a dash: "Surrey (New Westminster)" is a town and a note);
an answer that declines ("prefer not to say", "n/a", "anonymous", "I would rather not"), a
country or a region ("Location: Ireland"), or a long sentence is left alone.  Labels are read
in English ("Preferred name for publication:"), Spanish, French, Portuguese, Italian, Dutch,
German, the Scandinavian languages, Polish and Czech ("Leeftijd: 46", "Wohnort: Bielefeld",
"Krankenkasse: Barmer").
"""

from __future__ import annotations

import re

from stories.findings import Finding

from . import vocab
from .lexicon import lexicon

_PERSON = (
    r"(?:first|last|full|given|family|preferred|display|your|patient'?s?|partner'?s?)?[ \t]*"
    r"(?:name|names|initials?|surname|nickname)(?:[ \t]+or[ \t]+initials?)?"
    r"(?:[ \t]+(?:for|on|to[ \t]+use[ \t]+on|in)[ \t]+(?:the[ \t]+)?"
    r"(?:publication|website|site|story|web|blog))?"
    r"|nombre(?:[ \t]+completo)?|apellidos?|pr[ée]nom|nom|nome|cognome"
    r"|(?:voor|achter)?naam|vorname|nachname|(?:for|efter|etter)?navn|(?:för|efter)?namn|imi[ęe]|nazwisko"
    r"|jm[ée]no|p[řr][íi]jmen[íi]"
    r"|interpreter|translator|carer|(?:typed|written(?:[ \t]+up)?|translated|recorded)[ \t]+by"
)
_LOCATION = (
    r"city|town|suburb|hometown|home[ \t]+town|village|location|where[ \t]+(?:are[ \t]+you[ \t]+)?from"
    r"|where[ \t]+(?:do[ \t]+)?you[ \t]+live|neighbou?rhood|ciudad|colonia|barrio|localidad|municipio"
    r"|ville|quartier|cidade|bairro|citt[àa]|post[ \t]?code|zip(?:[ \t]+code)?"
    r"|woonplaats|gemeente|wijk|wohnort|stadtteil|bezirk|bosted|bostad|hemort|miejscowo[śs][ćc]|miasto"
    r"|m[ěe]sto|bydli[šs]t[ěe]"
)
_FACILITY = (
    r"(?:health[ \t]+)?insur(?:er|ance)(?:[ \t]+company)?|aseguradora|obra[ \t]+social|prepaga|mutuelle"
    r"|employer|workplace|krankenkasse|(?:zorg)?verzekeraar|werkgever|arbeitgeber"
)
_AGE = r"(?:your[ \t]+)?age|edad|âge|idade|alter|leeftijd|[åa]lder|wiek|v[ěe]k|et[àa]"
_KINDS = ("PERSON", "LOCATION", "FACILITY", "AGE")
# An age field's answer: a number or a spelled age ("29", "thirty-one"), not "30s" or "prefer not".
_AGE_ANSWER = re.compile(rf"(?:\d{{1,3}}|{vocab.SPELLED_AGE})(?![\w'’])", re.IGNORECASE)
_LINE = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*)?(?:\*\*)?(?:(?P<PERSON>" + _PERSON + r")|(?P<LOCATION>" + _LOCATION
    + r")|(?P<FACILITY>" + _FACILITY + r")|(?P<AGE>" + _AGE + r"))(?:[ \t]*/[ \t]*[^\W\d_]+){0,2}"
    r"(?:[ \t]*\([^)\n]{1,40}\))?(?:\*\*)?[ \t]*:[ \t]*(?P<answer>[^\n]{1,80})",
    re.MULTILINE | re.IGNORECASE,
)
# Where an answer's first part ends: a comma, a bracket, a dash between spaces, a semicolon.
_ANSWER_END = re.compile(r"[,;(|<]|[ \t][-–—][ \t]|\.[ \t]|\.$")
_MAX_WORDS = 5
# An answer that declines or leaves the field empty.
_DECLINES = vocab.words(
    """n/a na none no not nope i prefer rather anonymous anon withheld optional private skip unknown
    nil nothing same just use please yes ninguno ninguna prefiero anónimo anónima anonyme aucun"""
)


def _answer(text: str, m: re.Match) -> tuple[int, int] | None:
    """(start, end) of the answer's first part, or None when it names nothing."""
    start = m.start("answer")
    cut = _ANSWER_END.search(text, start, m.end("answer"))
    end = cut.start() if cut else m.end("answer")
    words = text[start:end].split()
    if not words or len(words) > _MAX_WORDS or not any(ch.isalnum() for ch in words[0]):
        return None
    lows = [w.strip(".").lower() for w in words]
    if lows[0] in _DECLINES or all(w in vocab.FUNCTION for w in lows):
        return None
    if lows[0] in vocab.FUNCTION and words[0].islower():  # "Location: in the car"; not "Second Chapters"
        return None
    if lows[0] in vocab.TITLES and len(words) > 1:  # "Name: Mr Paul Dennison"
        start = text.index(words[1], start + len(words[0]))
    return start, start + len(text[start:end].rstrip())


def _region(text: str, start: int, end: int) -> bool:
    """Is the answer a country or a region ("Ireland", "New South Wales", "Texas")?"""
    lex = lexicon()
    low = text[start:end].casefold()
    return low in lex.regions_lower or all(lex.is_safe(w) for w in low.split())


def find_form_fields(text: str) -> list[Finding]:
    """PERSON, LOCATION and FACILITY findings for the answers of a pasted form."""
    if ":" not in text:
        return []
    found = []
    for m in _LINE.finditer(text):
        kind = next(k for k in _KINDS if m.group(k))
        if kind == "AGE":
            age = _AGE_ANSWER.match(text, m.start("answer"))
            if age:
                found.append(Finding("AGE", age.start(), age.end(), 0.7, "form-field"))
            continue
        span = _answer(text, m)
        if span is None or (kind == "LOCATION" and _region(text, *span)):
            continue
        found.append(Finding(kind, span[0], span[1], 0.7, "form-field"))
    return found
