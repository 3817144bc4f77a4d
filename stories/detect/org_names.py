"""Organisations named by a head word and what they are of or for, with no other cue.

"the Association of Peyronie's Disease Advocates", "the Society for Menstrual Cycle
Research", "the Foundation for Women's Cancer": every word after the head may be an ordinary
word, so no name list finds them, yet the whole name points at one group a patient belongs
to or works for.  The head must be capitalised and followed by "of" or "for" and a run of
capitalised words (with "and", "&" or "the" between them); an ordinary phrase ("society
for women") is lower case.  The run ends at the first word that is not capitalised.

A numbered lodge, post, local or branch names one hall: "the FOP Lodge 7 rep", "the American
Legion Post 64", "Teamsters Local 727", "RSL Sub-Branch 12" (capitalised words before it, no
little word among them; a post only of the Legion or the VFW, not a "Blog Post 3").

A team is an organisation too, named by a plural after "the" that a fan follows, supports,
cheers for, plays for or watches: "Follow the Crusaders, God help me", "watching the Riders
lose", "season tickets for the Blue Jays"; not a show or a games ("the Olympics", "the
Simpsons").  So is a capitalised plural before its game, its fans or its season tickets ("a
Vikings game", "Wildcats basketball games", "a Leafs fan"; not "Kids games" opening a
sentence, an everyday word there) and one a fan cheers on ("go the Cowboys!", "Go Cubs go", "And
up the Vale!").
"""

from __future__ import annotations

import re

from stories.findings import Finding

from .anchors import begins_word, find_all, matches_at
from .lexicon import lexicon

_HEADS = (
    "Association", "Society", "Foundation", "Institute", "Federation", "Alliance", "Coalition",
    "League", "Academy", "Fellowship", "Council", "Guild", "Network", "Trust", "Fund",
)
# Each pattern opens with its literal words, so `re` skips to where one can start; the word
# boundary before it, and the words before a team or a numbered hall, are tested after.
_NAMED = re.compile(
    r"(?:" + "|".join(_HEADS) + r")[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    r"[A-Z][\w'’-]*(?:[ \t]+(?:(?:and|&|of|for|the)[ \t]+)?[A-Z][\w'’-]*){0,5}"
)
_THE_PLURAL = re.compile(r"the[ \t]+((?:[A-Z][a-z]+[ \t]+)?[A-Z][a-z]+s)\b")
_FAN_VERB = re.compile(
    r"\b(?:[Ss]upport(?:s|ed|ing)?|[Ff]ollow(?:s|ed|ing)?|[Cc]heer(?:s|ed|ing)?[ \t]+(?:for|on)|fan[ \t]+of|"
    r"tickets?[ \t]+(?:for|to)|play(?:s|ed|ing)?[ \t]+for|[Ww]atch(?:es|ed|ing)?)[ \t]+$"
)
# Plurals after "watching the" that are shows, events or families, not teams.
_NOT_TEAMS = frozenset({
    "Olympics", "Paralympics", "Simpsons", "Kardashians", "Oscars", "Emmys", "Grammys", "Games", "News",
    "News Headlines", "Highlights", "Commonwealth Games", "Proms", "Friends", "Sopranos", "Waltons",
    "Archers", "Bachelors", "Traitors", "Voices", "Kids", "Boys", "Girls", "Lights", "Stars", "Fireworks",
    "Golden Girls", "Rugby Sevens", "Sevens", "Nationals", "Finals", "Playoffs", "Highland Games",
})
_GAME = re.compile(r"(?:games?|match(?:es)?|fans?|supporters?|season[ \t]+tickets?)\b")
_GAME_WORDS = (" game", " match", " fan", " supporter", " season")  # where `_GAME` can start
_PLURAL_BEFORE = re.compile(
    r"(?<![\w'’])([A-Z][a-z]+s)[ \t]+"
    r"(?:(?:basketball|football|hockey|baseball|rugby|soccer|footy|netball|league|playoff)[ \t]+)?$"
)
_GO_TEAM = re.compile(
    r"[Gg]o[ \t]+(?:the[ \t]+)?([A-Z][a-z]+s)\b(?=[ \t]*(?:$|[^\w \t]|[Gg]o\b))", re.MULTILINE
)
# A British fan's cheer, a sentence of its own: "And up the Vale!", "Up the Irons" at a line's end.
_UP_THE = re.compile(
    r"[Uu]p[ \t]+the[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?=[ \t]*(?:!|$))", re.MULTILINE
)
_CHEER_BEFORE = re.compile(r"(?:^|[.!?][ \t]+|\n|[Aa]nd[ \t]+)$")
_HALL = re.compile(
    r"(?:Lodge|Local|Branch|Sub-Branch|Chapter|Troop|Precinct|Post)[ \t]+(?:No\.?[ \t]?)?\d{1,4}[A-Z]?\b"
)
_HALL_OWNER = re.compile(r"(?:\b[A-Z][\w'’&-]*[ \t]+){1,4}$")  # "FOP ", "American Legion "
_NOT_OWNERS = frozenset({"The", "A", "An", "My", "Our", "At", "In", "To"})
_REACH = 60  # characters before a hall's word that its owner's name may take


def _hall(text: str, m: re.Match) -> Finding | None:
    """The numbered hall `m` with its owner's name before it, or None without one (or for a
    post that is no Legion's or VFW's: "Blog Post 3")."""
    if not begins_word(text, m.start()):
        return None
    owner = _HALL_OWNER.search(text, max(0, m.start() - _REACH), m.start())
    if owner is None:
        return None
    words = list(re.finditer(r"\S+", text[owner.start() : m.start()]))
    while words and words[0].group() in _NOT_OWNERS:
        words.pop(0)
    if not words or (m.group().startswith("Post") and words[-1].group() not in ("Legion", "VFW")):
        return None
    return Finding("FACILITY", owner.start() + words[0].start(), m.end(), 0.7, "org-name")


def find_org_names(text: str) -> list[Finding]:
    """FACILITY findings for "<Head> of/for <Capitalised Words>", numbered lodges and teams
    (module docstring)."""
    found = [Finding("FACILITY", m.start(), m.end(), 0.7, "org-name")
             for m in _NAMED.finditer(text) if begins_word(text, m.start())]
    found += [Finding("FACILITY", m.start(1), m.end(1), 0.6, "team") for m in _THE_PLURAL.finditer(text)
              if m.group(1).split()[-1] not in _NOT_TEAMS and m.group(1) not in _NOT_TEAMS
              and begins_word(text, m.start())
              and _FAN_VERB.search(text, max(0, m.start() - 25), m.start())]
    go = [i for word in ("go ", "Go ", "go\t") for i in find_all(text, word)]
    found += [_team(text, m.start(1), m.end(1)) for m in matches_at(_GO_TEAM, text, go)
              if begins_word(text, m.start()) and m.group(1) not in _NOT_TEAMS]
    found += _teams_before_games(text)
    up = [i for word in ("up the", "Up the") for i in find_all(text, word)]
    found += [_team(text, m.start(1), m.end(1)) for m in matches_at(_UP_THE, text, up)
              if _CHEER_BEFORE.search(text, max(0, m.start() - 6), m.start())
              and m.group(1) not in _NOT_TEAMS]
    halls = (_hall(text, m) for m in _HALL.finditer(text))
    return found + [h for h in halls if h is not None]


def _team(text: str, start: int, end: int) -> Finding:
    """A team's FACILITY finding over text[start:end]."""
    return Finding("FACILITY", start, end, 0.6, "team")


def _teams_before_games(text: str) -> list[Finding]:
    """Teams named by a capitalised plural right before their game, fans or tickets."""
    found = []
    starts = [i + 1 for word in _GAME_WORDS for i in find_all(text, word)]
    for m in matches_at(_GAME, text, starts):
        plural = _PLURAL_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if plural is None or plural.group(1) in _NOT_TEAMS:
            continue
        before = text[max(0, plural.start() - 3) : plural.start()].rstrip(" \t")
        if (not before or before[-1] in ".!?\n") and lexicon().only_a_word(plural.group(1)):
            continue  # "Kids games were ..." opening a sentence: an everyday word's capital
        found.append(_team(text, plural.start(1), plural.end(1)))
    return found
