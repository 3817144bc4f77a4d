"""Shop, pharmacy and employer chains, and pubs, however they are typed.

"work at home bargains", "my shift at boots", "I WORKED AT PICK N PAY", "a job at b&m":
a chain where someone works or shops narrows her down with the town around it, and
its name is often everyday words ("Home Bargains", "Boots", "Pick n Pay") that no
capital marks when she texts in lower case or shouts in capitals.  `CHAINS` holds the
large chains of the countries the clinic's patients write from; `CUED_CHAINS` those
whose name is one everyday word, found only after "at" or "from" ("at boots", not
"my boots").  A hand list, like `holidays.py`: no offline source names them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from stories.findings import Finding

from .anchors import lowered
from .language import story_words
from .lexicon import lexicon
from .tokens import Columns, shared_columns, word_class

# Names that are no everyday phrase: found wherever they stand.
CHAINS = (
    # UK and Ireland
    "tesco", "tesco extra", "asda", "sainsbury's", "sainsburys", "morrisons", "aldi", "lidl",
    "waitrose", "home bargains", "b&m", "poundland", "poundstretcher", "primark",
    "superdrug", "greggs", "pret", "wetherspoons", "co-op", "matalan", "tk maxx",
    "marks and spencer", "marks & spencer", "m&s", "jd sports", "argos",
    "currys", "wilko", "dunnes", "dunnes stores", "penneys", "supervalu", "centra",
    "londis", "costa", "caffe nero", "nandos", "nando's", "kfc", "mcdonalds", "mcdonald's",
    "screwfix", "b&q", "homebase", "halfords", "specsavers", "deliveroo", "tesco express",
    "sainsbury's local", "lloyds pharmacy", "royal mail", "an post", "7-eleven", "seven-eleven",
    # North America
    "walmart", "costco", "kroger", "publix", "heb", "h-e-b", "walgreens", "cvs", "rite aid",
    "starbucks", "dunkin", "dunkin donuts", "chick-fil-a", "home depot", "lowes", "lowe's",
    "trader joe's", "trader joes", "safeway", "meijer", "wegmans", "tim hortons", "timmies", "loblaws",
    "sobeys", "shoppers drug mart", "no frills", "t&t", "fedex", "usps", "canada post",
    # Australia and New Zealand
    "woolworths", "woolies", "coles", "bunnings", "kmart", "pak'nsave", "paknsave",
    "chemist warehouse", "priceline", "australia post", "nz post",
    # South Africa, Nigeria, Kenya, India, Portugal, Spain
    "pick n pay", "shoprite", "dis-chem", "naivas",
    "carrefour", "quickmart", "tuskys", "reliance fresh", "big bazaar", "dmart", "d-mart",
    "pingo doce", "continente", "mercadona", "el corte ingles", "el corte inglés",
)
# One everyday word each: a chain only after "at" or "from" ("worked at boots").  ("the
# warehouse", "new world", "countdown", "next" stay out: in lower case they are as often
# the phrase.)
CUED_CHAINS = ("boots", "target", "spar", "clicks", "checkers", "centra", "costa", "subway", "amazon")

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
    r"(?:went|go|going|goes|down|at|run|runs|ran|round)\s+the\s+"
    rf"(?P<p>{'|'.join(sorted(PUBS, key=len, reverse=True))})"
    # then the sentence goes on as after a place: punctuation, or a word such as "after", "that"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:after|for|with|and|on|last|that|every|most|tonight|yesterday|to|in|at|"
    r"the|i|we|he|she|they|was|is|where|when|nights?|once|again)\b)",
    re.IGNORECASE,
)
_PUB_FIRST = frozenset(p.split()[0].replace("'s", "") for p in PUBS)
_PUB_CUE_CLASS = word_class(["went", "go", "going", "goes", "down", "at", "run", "runs", "ran", "round"])

_CUED_CLASS = word_class(CUED_CHAINS)


_DIGIT = re.compile(r"\d")


def _tokens(name: str) -> list[str]:
    """A chain's words as the tokenizer writes them ("sainsbury's" is "sainsbury")."""
    return [t for t in re.split(r"[^\w'’-]+|['’]s\b", name) if t]


def _anchor(name: str, common: frozenset[str]) -> str | None:
    """The word of a chain's name that a story must hold for it to be there: its first
    word of two or more letters that is no very common word ("bargains" of "home
    bargains"), or None when every word is common ("pick n pay") or holds a digit, which the
    tokenizer splits off ("7-eleven"): those are found by their phrase."""
    return next((w for w in _tokens(name) if w not in common and len(w) > 1 and not _DIGIT.search(w)), None)


@lru_cache(maxsize=1)
def _gates() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """(the chains of `CHAINS` by their anchor word, tested against the story's words at
    once; the names made only of common words or written with "&", tested as phrases of
    the lowered story)."""
    common = lexicon().very_common_lower
    by_anchor: dict[str, list[str]] = {}
    phrases = []
    for chain in CHAINS:
        anchor = _anchor(chain, common)
        if anchor is None or "&" in chain:
            phrases.append(chain)
        else:
            by_anchor.setdefault(anchor, []).append(chain)
    return {a: tuple(c) for a, c in by_anchor.items()}, tuple(phrases)


@lru_cache(maxsize=256)
def _names_re(names: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern for these chain names as whole words, in any case."""
    alternation = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"(?<![\w&'’-])(?:{alternation})(?![\w&'’-])", re.IGNORECASE)


def find_chains(text: str) -> list[Finding]:
    """FACILITY findings for the chains above ("home bargains", "PICK N PAY", "Pingo Doce"),
    but not a capitalised one-word name that is a surname too ("Sarah Coles")."""
    cols = shared_columns(text)
    by_anchor, phrases = _gates()
    low = lowered(text)
    # only the chains whose anchor word the story holds (most stories hold none)
    names = [c for w in cols.low_set().intersection(by_anchor) for c in by_anchor[w]]
    names += [p for p in phrases if p in low]
    out = []
    if names:
        out = [Finding("FACILITY", m.start(), m.end(), 0.6, "chain")
               for m in _names_re(tuple(sorted(names))).finditer(text)
               if _chain_written(m.group()) and not _story_word(cols, m.group())]
    for k in cols.marked(_CUED_CLASS, 1):
        if cols.lows[k - 1] in ("at", "from") and _chain_written(cols.words[k]):
            out.append(Finding("FACILITY", cols.start(k), cols.end(k), 0.6, "chain"))  # "at boots"
    return out + _pubs(text)


def _pubs(text: str) -> list[Finding]:
    """FACILITY findings for the pubs of `PUBS` after a venue's cue and "the"."""
    cols = shared_columns(text)
    lows, out = cols.lows, []
    for k in cols.marked(_PUB_CUE_CLASS, 0, len(lows) - 2):
        if lows[k + 1] == "the" and lows[k + 2] in _PUB_FIRST:
            m = _PUB_RE.match(text, cols.start(k))
            if m:
                out.append(Finding("FACILITY", m.start("p"), m.end("p"), 0.6, "pub"))
    return out


def _story_word(cols: Columns, name: str) -> bool:
    """Is the lowercase match a word of the story's language, when that is not English
    (Dutch "ik heb", not the shop "heb")?"""
    return name.islower() and name in story_words(cols)


def _chain_written(name: str) -> bool:
    """Is the match a chain's name: on one line, and not a capitalised word that a name
    list holds ("Coles", "Boots" may be surnames; "coles", "BOOTS" are the shops)?"""
    if "\n" in name:
        return False
    if name.islower() or name.isupper() or " " in name:
        return True
    return not lexicon().is_name(name)
