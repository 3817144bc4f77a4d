"""Ages said in voices the cue rules do not hear.

`temporal` reads "I was 34", "I'm 34", "aged 34".  Stories also say:

- dialect, plural and second-person forms of "to be": "I were 58", "she were 40",
  "when we were twenty-five", "you were 22", "You'll be 24", "you're nineteen", "he'd be 30";
- a second age in the same sentence, as the story moves on: "I were 58 when
  it started, 61 now"; or a guess between two: "I was 26 or 27",
  "maybe twenty-six, twenty-seven";
- a label or "aged" with punctuation or an adverb before the number: "Aged: 45",
  "Age - 38", "aged about 40", "at the age of about 30", "Age 38F";
- no verb at all, as Caribbean and other Englishes say it: "she only fifteen and",
  "mi 39, mi live inna Portmore", "mi a 54 and", "(she ole now, she 82)", Pidgin "I dey
  29,", Sheng "niko 31."; Spanish "que tiene 61,"
  (the number closes its clause: a comma, a bracket, a full stop or "and" after it);
- a life stage reached or lived: "By 30 I had given up", "Around 51 my periods stopped",
  "when I hit 50", "I hit forty", "like being twenty five again", ", now fifty-eight, living in";
- a spelled age with "years old" ("Twenty-six years old, newly married"), and a child's
  or a relative's age after "is"/"was" ("My son is seven", "my daughter was two when");
- Portuguese: "tinha 27 anos", "tenho 34 anos", "com 29 anos" (not "há 3
  anos", "5 anos de dor", which are durations);
- an age as a fragment of its own in a texter's self-introduction, whatever
  the case of the word before it: "its katy at work. 29. work at the bakery", or
  whatever comes before it when what follows introduces her: "63. Born in Hoyland".

What makes these ages is their cue (a form of "to be" with a person, a
Portuguese verb of having years) or their place (after another age, inside a
self-introduction); counts, doses, times and durations keep their units
("you'll be 10 minutes", "we were 30 minutes late") and are left alone.
Each rule runs only over the two-digit numbers of a story (cached digit runs)
or behind a gate on the story's set of words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stories.findings import Finding

from . import vocab
from .ages_bare import SMALL_AGES
from .anchors import digit_runs
from .tokens import shared_columns, word_class

_SPELLED = vocab.SPELLED_AGE
_NUM = vocab.NUMBER_AGE
_SPELLED_WORDS = vocab.SPELLED_AGE_WORDS
_ADVERB = r"(?:(?:only|just|about|around|nearly|almost|barely|still|maybe|already|then|probably|like)\s+)?"
# A person and a form of "to be" the cue rules lack: dialect "I were", second person, future, conditional.
_BE = (
    r"(?:\b(?:I|you|he|she|we)\s+were|\byou\s+(?:are|will\s+be|would\s+be)|\byou(?:'re|’re|re)"
    r"|\b(?:you|I|he|she)(?:'ll|’ll|'d|’d)\s+be|\b(?:he|she|I)\s+(?:will|would)\s+be|\bwho\s+(?:is|was))"
)
BE_CUE = re.compile(rf"{_BE}\s+{_ADVERB}$", re.IGNORECASE)
_BE_ENDINGS = ("were", "are", "be", "re", *_ADVERB[6:-6].split("|"))
# What must not follow an age: a unit, a score, a time, a fraction, a range.
_NOT_AFTER = re.compile(
    r"[\d.,:/+]\d|\w|\s?[-–]\s?\d|\s*(?:%|percent|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|times?|"
    r"sessions?|mg|ml|kg|lbs?|pounds?|stone|miles?|km|cm|mm|units?|quid|euros?|dollars?|quid|degrees?|"
    r"out\s+of|of\b|per\b|x\b|[ap]\.?m\b|o'?clock|to\s+\d|weeks?\b|years?\s+(?:ago|later|on|of)\b)",
    re.IGNORECASE,
)
# No verb: a pronoun (or Spanish "has") right before the age, which closes its clause.
_BARE_WORDS = ("she", "he", "mi", "dey", "niko", "tiene", "tenía", "tenia", "tengo")
_BARE_ADVERBS = ("only", "now", "just", "ya", "solo", "a")
_BARE = rf"\b(?:{'|'.join(_BARE_WORDS)})\s+(?:(?:{'|'.join(_BARE_ADVERBS)})\s+)?"
BARE_CUE = re.compile(rf"{_BARE}$", re.IGNORECASE)
_BARE_ENDINGS = _BARE_WORDS + _BARE_ADVERBS  # (a quick test of the text before a number)
_CLAUSE_END_AT = r"\s?[,;.!?)]|\s+(?:and|y)\b"  # "que tiene 22 y estudia"
_CLAUSE_END = re.compile(_CLAUSE_END_AT)
SPELLED_BARE_RE = re.compile(rf"{_BARE}(?P<a>{_SPELLED})\b(?={_CLAUSE_END_AT})", re.IGNORECASE)
SPELLED_BE_RE = re.compile(
    rf"{_BE}\s+{_ADVERB}(?P<a>{_SPELLED})\b(?=\s*[,;.!?)]|\s+(?:and|but|when|now|like|years?|yrs?|with|in|at)\b)",
    re.IGNORECASE,
)
# A label or "aged" with punctuation or an adverb between: "Aged: 45", "Age - 38", "age = 38",
# "aged about 40", "at the age of about 30" (and "Age 38F", a sex letter joined).
LABEL_CUE = re.compile(
    r"\b(?:aged?|age\s+of)\s*(?:[:=\-–]\s*)?(?:(?:about|around|roughly|nearly|almost|just|only|barely)\s+)?$",
    re.IGNORECASE,
)
_LABEL_ENDINGS = (
    "age",
    "aged",
    "Age",
    "Aged",
    "AGE",
    ":",
    "=",
    "-",
    "–",
    "of",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "just",
    "only",
    "barely",
)
_SEX_AFTER = re.compile(r"[FMfm](?!\w)")
# The first age of the sentence, ended at the second one's separator: "I were 58 when it started, ".
_EARLIER_AGE = re.compile(
    r"\b(?:I\s+was|I\s+were|I'm|I’m|I\s+am|aged?|turned|you\s+were|you'll\s+be|you’ll\s+be)\s+"
    rf"{_ADVERB}(?:1[3-9]|[2-9]\d)\b[^.!?\n\d]{{0,40}}(?:,\s+|\s+and\s+|\s+but\s+)$",
    re.IGNORECASE,
)
# "I was 26 or 27", "at 26, maybe 27": the second of a guess, right after a cued first.
_PAIR_BEFORE = re.compile(
    r"\b(?:I\s+was|I\s+were|I'm|I’m|I\s+am|aged?|at|turned|you\s+were)\s+"
    rf"{_ADVERB}(?:1[3-9]|[2-9]\d)(?:,\s+|\s+or\s+)(?:maybe\s+|even\s+|perhaps\s+)?$",
    re.IGNORECASE,
)
SPELLED_PAIR_RE = re.compile(
    rf"\b(?:I\s+was|I\s+were|I'm|I’m|I\s+am|aged|at|turned|you\s+were)\s+{_ADVERB}{_SPELLED}"
    rf"(?:,\s+|\s+or\s+)(?:maybe\s+|even\s+|perhaps\s+)?(?P<a>{_SPELLED})\b(?=\s*[,;.!?)]|\s+(?:and|when)\b)",
    re.IGNORECASE,
)
# Portuguese: a verb of having or completing years, or "com"/"aos", then the number and "anos".
# A calque of "con 29 años": "When I was with 29 years I start to have pain".
WITH_YEARS_RE = re.compile(
    r"\bwith\s+(?P<a>1[3-9]|[2-9]\d)\s+years\b(?!\s+(?:of|experience|ago|later|before))"
)
# Portuguese ages in words: "trinta e dois", "dezanove", "quarenta e nove".
_PT_TENS = "vinte|trinta|quarenta|cinquenta|sessenta|setenta|oitenta|noventa"
_PT_UNITS = "um|uma|dois|duas|três|tres|quatro|cinco|seis|sete|oito|nove"
_PT_SPELLED = (
    rf"(?:(?:{_PT_TENS})(?:\s+e\s+(?:{_PT_UNITS}))?|treze|catorze|quatorze|quinze|dezasseis|dezesseis|dezassete"
    r"|dezessete|dezoito|dezanove|dezenove)"
)
PT_AGE_RE = re.compile(
    r"\b(?:tenho|tinha|tive|fiz|fez|faço|completei|completo|completou|com|aos|pelos|desde\s+os)\s+"
    rf"(?P<a>1[3-9]|[2-9]\d|{_PT_SPELLED})\s+anos\b"
    r"(?!\s+(?:de\s+(?!idade)|d[ae]\b|que\b|atrás|depois|mais))"
    r"|\baos\s+(?P<b>1[3-9]|[2-9]\d)\b(?![.,]?\d|\s*(?:%|anos|dias|meses|semanas|horas|minutos|kg|quilos))",
    re.IGNORECASE,
)
_PT_GATES = vocab.words("tenho tinha tive fiz fez faço completei completo completou com aos pelos desde")
# Italian: "ho 34 anni", "avevo ventisei anni", "a 25 anni" (not "da 5 anni", "6 anni fa": durations).
_IT_TENS = "vent|trent|quarant|cinquant|sessant|settant|ottant|novant"
_IT_SPELLED = (
    rf"(?:(?:{_IT_TENS})[ai]?(?:uno|due|tré|tre|quattro|cinque|sei|sette|otto|nove)|venti|trenta|quaranta"
    r"|cinquanta|sessanta|settanta|ottanta|novanta|tredici|quattordici|quindici|sedici|diciassette|diciotto"
    r"|diciannove)"
)
IT_AGE_RE = re.compile(
    rf"\b(?:ho|avevo|aveva|ha|compiuto|compio|compiuti|a|ai|con|verso\s+i|sui|dopo\s+i)\s+"
    rf"(?P<a>1[3-9]|[2-9]\d|{_IT_SPELLED})\s+anni\b"
    r"(?!\s+(?:fa|di\b|dopo|prima|che))",
    re.IGNORECASE,
)
# Hindi and Urdu written in Latin letters: "41 saal ka hoon", "meri beti 16 saal ki hai";
# Tagalog: "54 na ako", "ako ay 38".
HI_AGE_RE = re.compile(
    r"\b(?P<a>1[3-9]|[2-9]\d)\s+(?:(?:saal|sal|varsh)\s+(?:ka|ki|ke)|na\s+ako)\b|\bako\s+ay\s+(?P<b>1[3-9]|[2-9]\d)\b",
    re.IGNORECASE,
)
_HI_FIL_GATES = frozenset({"saal", "sal", "varsh", "ako"})
# A number alone as a sentence ("work. 29. work at") within a self-introduction begun shortly before.
_INTRO = re.compile(
    r"(?:(?<![\d\w])(?:I\s+am|am|I'm|I’m|im|i'm)\s+[A-Za-z]|\bmy\s+name\b|\bname's\b|\bcall\s+me\b)",
    re.IGNORECASE,
)
_FRAGMENT_REACH = 120

# A number standing alone as a sentence of a self-introduction, told by what comes next
# (whatever comes before it):
# "Name's Sipho. Forty-seven. Born in Soweto", "met me twice. 63. Born in Hoyland", "on the
# radio. Fifty-three. Been driving artics", "Srinu. Forty-six years. Depot manager", "Me? 42.
# Mum of two".  (A count standing alone, "Doctors seen? 14. Fourteen.", has no such sequel.)
_INTRO_NEXT = (
    r"born|been[ \t]+(?:\w+ing|married)|married|mum|mom|mam|mother|dad|father|retired|living|"
    r"single|divorced|widowed|"
    r"grandmother|grandma|granny|gran|nan|grandad|from|originally|raised|working|wife|husband|"
    r"proud|happily|engaged|student|nurse|teacher|depot|manager|engineer|farmer|driver|worked"
)
# (read backwards from each word that can follow, "Born", "Mum", "from"...: `_fragments`)
FRAGMENT_AGE_RE = re.compile(
    rf"(?:[.?!:]|\bme\?)[ \t]+(?P<a>{_NUM}|{_SPELLED})(?:[ \t]+years(?:[ \t]+old)?)?[.,][ \t]+$",
    re.IGNORECASE,
)
_INTRO_AFTER = re.compile(rf"(?:{_INTRO_NEXT})\b", re.IGNORECASE)
_INTRO_WORDS = frozenset(w for w in _INTRO_NEXT.split("|") if w.isalpha()) | {"been"}
_INTRO_CLASS = word_class(_INTRO_WORDS)
_FRAGMENT_REACH_BACK = 40


def _fragments(text: str) -> Iterator[Finding]:
    """`FRAGMENT_AGE_RE` ending right before each word that can follow it."""
    cols = shared_columns(text)
    for k in cols.marked(_INTRO_CLASS, 1):
        s = cols.start(k)
        if text[s - 2 : s - 1] not in (".", ",") or _INTRO_AFTER.match(text, s) is None:
            continue  # (no fragment's full stop or comma right before), "been" without "-ing"
        m = FRAGMENT_AGE_RE.search(text, max(0, s - _FRAGMENT_REACH_BACK), s)
        if m:
            yield Finding("AGE", m.start("a"), m.end("a"), 0.6, "fragment-age")


def _fragment(text: str, s: int, e: int) -> bool:
    """Is the number at s:e a sentence of its own right after a self-introduction in its paragraph?"""
    if not (s >= 3 and text[s - 1] == " " and text[s - 2] == "." and text[s - 3].isalpha()):
        return False
    if not re.match(r"[.,]\s+[A-Za-z]", text[e : e + 3]):
        return False
    lo = max(0, s - _FRAGMENT_REACH)
    para = text.rfind("\n\n", lo, s)
    return bool(_INTRO.search(text, para + 2 if para >= 0 else lo, s))


def _digit_ages(text: str) -> Iterator[Finding]:
    """Two-digit ages after a person's form of "to be", after an earlier age, or as a fragment.

    Cheap string tests on the characters around each number come first; the
    look-back patterns run only where one of them passes.
    """
    for s, e in digit_runs(text):
        if e - s != 2 or s < 3 or text[s] == "0" or (text[s] == "1" and text[s + 1] < "3"):
            continue
        if text[s - 1] not in " \t\n":
            continue
        near = text[max(0, s - 12) : s].rstrip(" ")
        be = near.endswith(_BE_ENDINGS)
        now = text.startswith(" now", e)
        pair = near.endswith((",", " or", "maybe", "even", "perhaps"))
        label = near.endswith(_LABEL_ENDINGS)
        bare = near.lower().endswith(_BARE_ENDINGS) and _CLAUSE_END.match(text, e) is not None
        if not (be or now or pair or label or bare or text[s - 2] == "."):
            continue
        if _NOT_AFTER.match(text, e) and not (label and _SEX_AFTER.match(text, e)):
            continue
        window = text[max(0, s - 70) : s]
        if label and LABEL_CUE.search(window[-30:]):
            end = e + 1 if _SEX_AFTER.match(text, e) else e
            yield Finding("AGE", s, end, 0.7, "age-label")
        elif be and BE_CUE.search(window[-30:]):
            yield Finding("AGE", s, e, 0.7, "be-age")
        elif bare and BARE_CUE.search(window[-30:]):
            yield Finding("AGE", s, e, 0.6, "bare-age")
        elif now and _EARLIER_AGE.search(window):
            yield Finding("AGE", s, e, 0.65, "second-age")
        elif pair and _PAIR_BEFORE.search(window):
            yield Finding("AGE", s, e, 0.6, "pair-age")
        elif _fragment(text, s, e):
            yield Finding("AGE", s, e, 0.6, "fragment-age")


# "By 30 I had given up", "By 40, we", "Around 51 my periods stopped": opening a sentence, an
# age a clause about her follows;
# "when I hit 50", "once she reached 60", "by the time I hit 40 I": a birthday reached; "like
# being twenty five again", "I feel 25 again", ", now fifty-eight, living in": an age lived
# (not "hit 40 degrees", "now 3 weeks").
BY_AGE_RE = re.compile(
    rf"(?:^|(?<=[.!?] )|(?<=\n))(?:[Bb]y|[Aa]round|[Aa]bout)\s+(?P<a>1[6-9]|[2-9]\d|(?i:{_SPELLED}))"
    r"(?:,\s*|\s+)(?:I|i|we|she|he|my)\b",
    re.MULTILINE,
)
_OPENERS = ("By ", "\nby ", ". by ", "Around ", "About ", "around ", "about ")  # (a quick gate)
HIT_AGE_RE = re.compile(
    r"\b(?:when|once|until|till)\s+(?:I|i|she|he|we)\s+(?:hit|reached|reach|hits)\s+(?P<a>1[3-9]|[2-9]\d)\b(?![%.,]?\d)"
    rf"|\b(?:I|i|she|he)\s+(?:hit|reached)\s+(?P<b>{_SPELLED})\b(?![-‐])"
)
# Tried at each of its first words (`_LIFE_CLASS`): "hit 40 I", "being twenty five again", ", now 58,".
LIFE_AGE_RE = re.compile(
    rf"(?i:(?:hit|hitting|reached|reaching)\s+(?P<c>{_NUM}|{_SPELLED})(?=\s?[,;.!?]|\s+(?:and|I|i|my|we|she|"
    r"he|when|that|this|last|the|it|things|everything)\b))"
    rf"|(?i:(?:being|feel|feeling|felt)\s+(?:like\s+)?(?P<d>{_NUM}|{_SPELLED})\s+again\b)"
    rf"|(?i:(?<=,\s)now\s+(?P<e>{_NUM}|{_SPELLED})(?=\s?[,;]|\s+and\b))"
)
_LIFE_CLASS = word_class(
    frozenset({"hit", "hitting", "reached", "reaching", "being", "feel", "feeling", "felt", "now"})
)
_HIT_WORDS = frozenset({"hit", "hits", "reached", "reach"})
# "Twenty-six years old", "a thirty-one-year-old mum", "a five-year-old": a spelled age with its unit.
SPELLED_OLD_RE = re.compile(
    rf"\b(?P<a>{_SPELLED}|(?:{SMALL_AGES})(?=-))[-\s]years?[-\s]old\b", re.IGNORECASE
)  # (a small age only hyphenated: "a five-year-old", not "the car is two years old")
# A child's or a relative's age after "is"/"was": "My son is seven", "my daughter was two when".
# (`prose` reads the children's words too, for an age in brackets: "our son (4)".)
CHILD_WORDS = vocab.words("son daughter boy girl baby kid child twins")
_KIN_WORDS = CHILD_WORDS | vocab.words("brother sister niece nephew grandson granddaughter")
_SMALL_AGES = f"one|{SMALL_AGES}"
KIN_AGE_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(_KIN_WORDS))})\s+(?:is|was)\s+(?:only\s+|just\s+|now\s+)?"
    rf"(?P<a>{_SMALL_AGES}|{_SPELLED}|\d{{1,2}})\b"
    r"(?=\s*[,.;!?)]|\s+(?:and|now|when|then|years?|months?\s+old)\b)",
    re.IGNORECASE,
)


# "a man of 44 years", "a woman of fifty-two": a person described by her age (not "wife of
# forty-one years": a marriage's length).
_PERSON_OF = vocab.words("man woman lady girl guy boy mother mum mom father dad grandmother grandfather")
PERSON_OF_AGE_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(_PERSON_OF))})\s+of\s+(?P<a>{vocab.NUMBER_AGE}|{_SPELLED})\b"
    r"(?![\w.,/%-]*\d|\s*(?:%|kg|kilos?|lbs?|pounds?|stone|cm|percent|minutes?|hours?|days?|weeks?|months?)\b)",
    re.IGNORECASE,
)
_KIN_CLASS = word_class(_KIN_WORDS)
_PERSON_OF_CLASS = word_class(_PERSON_OF)
_OLD_CLASS = word_class(frozenset({"old"}))
_YEARS_CLASS = word_class(frozenset({"years"}))


def _with_years(text: str) -> Iterator[Finding]:
    """`WITH_YEARS_RE` tried where it can match: at the "with" right before each "years" of
    the story (the number between is no word token)."""
    cols = shared_columns(text)
    for k in cols.marked(_YEARS_CLASS, 1):
        if cols.lows[k - 1] == "with":
            m = WITH_YEARS_RE.match(text, cols.start(k - 1))
            if m:
                yield Finding("AGE", m.start("a"), m.end("a"), 0.6, "with-years")


def _matched_at(text: str, cls: int, rx: re.Pattern[str], source: str) -> Iterator[Finding]:
    """AGE findings for `rx` tried at each of the story's words of word class `cls` only
    ("KIN_AGE_RE" at a child's or a relative's word, "PERSON_OF_AGE_RE" at "man", "woman"...)."""
    cols = shared_columns(text)
    for k in cols.marked(cls):
        m = rx.match(text, cols.start(k))
        if m:
            yield Finding("AGE", m.start("a"), m.end("a"), 0.6, source)


def _spelled_years_old(text: str) -> Iterator[Finding]:
    """`SPELLED_OLD_RE` tried where it must end: at each "old" of the story, and at each
    "-year-old" of one word ("a thirty-one-year-old mum", "a five-year-old"; not the
    "five-year-olds" of a class)."""
    cols = shared_columns(text)
    ends = [cols.end(k) for k in cols.marked(_OLD_CLASS)]
    if "-old" in text or "-OLD" in text:
        low = text.lower()
        ends += [m.end() for m in _HYPHEN_OLD.finditer(low)]
    for end in ends:
        m = SPELLED_OLD_RE.search(text, max(0, end - 40), end)
        if m and m.end() == end:
            yield Finding("AGE", m.start("a"), m.end("a"), 0.6, "spelled-age")


_HYPHEN_OLD = re.compile(r"-years?-old(?![\w-])")


def find_voice_ages(text: str, words: frozenset[str] | set[str]) -> Iterator[Finding]:
    """AGE findings for the forms in the module docstring; `words` is the story's lowercase word set."""
    yield from _digit_ages(text)
    reached = [BY_AGE_RE] if any(w in text for w in _OPENERS) else []
    if not _HIT_WORDS.isdisjoint(words):
        reached.append(HIT_AGE_RE)
    for rx in reached:
        for m in rx.finditer(text):
            grp = m.lastgroup or "a"
            yield Finding("AGE", m.start(grp), m.end(grp), 0.6, "be-age")
    cols = shared_columns(text)
    for k in cols.marked(_LIFE_CLASS):
        m = LIFE_AGE_RE.match(text, cols.start(k))
        if m:
            yield Finding("AGE", m.start(m.lastgroup), m.end(m.lastgroup), 0.6, "be-age")
    if not _INTRO_WORDS.isdisjoint(words):
        yield from _fragments(text)
    if ("old" in words and not _SPELLED_WORDS.isdisjoint(words)) or "-old" in text or "-OLD" in text:
        yield from _spelled_years_old(text)
    if not _KIN_WORDS.isdisjoint(words):
        yield from _matched_at(text, _KIN_CLASS, KIN_AGE_RE, "kin-age")
    if not _SPELLED_WORDS.isdisjoint(words):
        for rx in (SPELLED_BE_RE, SPELLED_PAIR_RE, SPELLED_BARE_RE):
            for m in rx.finditer(text):
                yield Finding("AGE", m.start("a"), m.end("a"), 0.6, "spelled-age")
    if "with" in words and "years" in words:
        yield from _with_years(text)
    if "of" in words and not _PERSON_OF.isdisjoint(words):
        yield from _matched_at(text, _PERSON_OF_CLASS, PERSON_OF_AGE_RE, "person-of-age")
    if ("anos" in words and not _PT_GATES.isdisjoint(words)) or "aos" in words:
        for m in PT_AGE_RE.finditer(text):
            grp = m.lastgroup or "a"
            yield Finding("AGE", m.start(grp), m.end(grp), 0.7, "age-pt")
    if not _HI_FIL_GATES.isdisjoint(words):
        for m in HI_AGE_RE.finditer(text):
            grp = m.lastgroup or "a"
            yield Finding("AGE", m.start(grp), m.end(grp), 0.7, "age-hi")
    if "anni" in words:
        for m in IT_AGE_RE.finditer(text):
            yield Finding("AGE", m.start("a"), m.end("a"), 0.7, "age-it")
