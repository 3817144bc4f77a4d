"""Shop, pharmacy and employer chains, and pubs, however they are typed.

"work at home bargains", "my shift at boots", "I WORKED AT PICK N PAY", "a job at b&m":
a chain where someone works or shops narrows her down with the town around it, and
its name is often everyday words ("Home Bargains", "Boots", "The Warehouse") that no
capital marks when she texts in lower case or shouts in capitals.  `CHAINS` holds the
large chains of the countries the clinic's patients write from; `CUED_CHAINS` those
whose name is one everyday word, found only after "at" or "from" ("at boots", not
"my boots").  A hand list, like `holidays.py`: no offline source names them.
"""

from __future__ import annotations

import re

from stories.findings import Finding

from .lexicon import lexicon
from .tokens import shared_columns

# Names that are no everyday phrase: found wherever they stand.
CHAINS = (
    # UK and Ireland
    "tesco", "tesco extra", "asda", "sainsbury's", "sainsburys", "morrisons", "aldi", "lidl",
    "waitrose", "home bargains", "b&m", "b and m", "poundland", "poundstretcher", "primark",
    "superdrug", "greggs", "pret", "wetherspoons", "co-op", "matalan", "tk maxx",
    "marks and spencer", "marks & spencer", "m&s", "jd sports", "sports direct", "argos",
    "currys", "wilko", "dunnes", "dunnes stores", "penneys", "supervalu", "centra",
    "londis", "costa", "caffe nero", "nandos", "nando's", "kfc", "mcdonalds", "mcdonald's",
    "screwfix", "b&q", "homebase", "halfords", "specsavers", "royal mail", "amazon",
    "deliveroo", "just eat", "tesco express", "sainsbury's local", "lloyds pharmacy",
    # North America
    "walmart", "costco", "kroger", "publix", "heb", "h-e-b", "walgreens", "cvs", "rite aid",
    "starbucks", "dunkin", "dunkin donuts", "chick-fil-a", "home depot", "lowes", "lowe's",
    "trader joe's", "trader joes", "whole foods", "safeway", "meijer", "wegmans", "dollar general",
    "dollar tree", "best buy", "tim hortons", "timmies", "loblaws", "sobeys", "shoppers drug mart",
    "canadian tire", "no frills", "t&t", "fedex", "usps",
    # Australia and New Zealand
    "woolworths", "woolies", "coles", "bunnings", "kmart", "big w", "pak'nsave", "paknsave",
    "chemist warehouse", "priceline",
    # South Africa, Nigeria, Kenya, India, Portugal, Spain
    "pick n pay", "shoprite", "dis-chem", "naivas",
    "carrefour", "quickmart", "tuskys", "reliance fresh", "big bazaar", "dmart", "d-mart",
    "pingo doce", "continente", "mercadona", "el corte ingles", "el corte inglés",
)
# One everyday word each: a chain only after "at" or "from" ("worked at boots").  ("the
# warehouse", "new world", "countdown", "next" stay out: in lower case they are as often
# the phrase.)
CUED_CHAINS = ("boots", "target", "spar", "clicks", "checkers", "centra", "costa", "subway")

# The commonest names of British and Irish pubs: a pub after "the" and a word that goes to
# or runs one ("went down the red lion", "I run the Plough", "STARTED GOING DOWN THE GREYHOUND").
PUBS = (
    "red lion", "royal oak", "white hart", "rose and crown", "kings arms", "king's arms", "queens head",
    "queen's head", "crown", "plough", "swan", "white horse", "black horse", "bell", "ship", "wheatsheaf",
    "fox and hounds", "greyhound", "nags head", "nag's head", "coach and horses", "george", "bull",
    "crown and anchor", "ship and anchor", "anchor", "cross keys", "white lion", "black bull", "feathers",
    "star", "green man", "lamb", "angel", "old bell", "globe", "victoria", "albion", "railway",
    "prince of wales",
)
_PUB_RE = re.compile(
    r"\b(?:went|go|going|goes|down|at|run|runs|ran|round)\s+the\s+"
    rf"(?P<p>{'|'.join(sorted(PUBS, key=len, reverse=True))})"
    # then the sentence goes on as after a place: punctuation, or a word such as "after", "that"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:after|for|with|and|on|last|that|every|most|tonight|yesterday|to|in|at|"
    r"the|i|we|he|she|they|was|is|where|when|nights?|once|again)\b)",
    re.IGNORECASE,
)

_ALTERNATION = "|".join(sorted({re.escape(c) for c in CHAINS}, key=len, reverse=True))
_CHAIN_RE = re.compile(rf"(?<![\w&'’-])(?:{_ALTERNATION})(?![\w&'’-])", re.IGNORECASE)
_CUED_RE = re.compile(
    rf"(?<![\w-])(?:at|from)\s+(?P<c>{'|'.join(CUED_CHAINS)})(?![\w&'’-])", re.IGNORECASE
)
_GATE_WORDS = frozenset(
    w for c in (*CHAINS, *CUED_CHAINS, *PUBS) for w in re.split(r"[\s&'’-]+", c) if w.isalpha() and w != "and"
)


def find_chains(text: str) -> list[Finding]:
    """FACILITY findings for the chains above ("home bargains", "PICK N PAY", "Pingo Doce"),
    but not a capitalised one-word name that is a surname too ("Sarah Coles")."""
    if shared_columns(text).low_set().isdisjoint(_GATE_WORDS):
        return []  # most stories name none
    out = [Finding("FACILITY", m.start(), m.end(), 0.6, "chain") for m in _CHAIN_RE.finditer(text)
           if _chain_written(m.group())]
    out += [Finding("FACILITY", m.start("c"), m.end("c"), 0.6, "chain") for m in _CUED_RE.finditer(text)
            if _chain_written(m.group("c"))]
    return out + _pubs(text)


def _pubs(text: str) -> list[Finding]:
    """FACILITY findings for the pubs of `PUBS` after a venue's cue and "the"."""
    if "the " not in text.lower():
        return []
    return [Finding("FACILITY", m.start("p"), m.end("p"), 0.6, "pub") for m in _PUB_RE.finditer(text)]


def _chain_written(name: str) -> bool:
    """Is the match a chain's name: on one line, and not a capitalised word that a name
    list holds ("Coles", "Boots" may be surnames; "coles", "BOOTS" are the shops)?"""
    if "\n" in name:
        return False
    if name.islower() or name.isupper() or " " in name:
        return True
    return not lexicon().is_name(name)
