"""A learned second reader: a CRF tagger trained on the hand-written development half.

Why: rules written from one batch of stories carry over to the next unseen batch by a
few hundredths at most, while a sequence model trained on every labelled story of the
development half generalises what the labels share (a capitalised word nobody lists
after "with", a number after a name and a comma, a word before "Hospital" or "Road").
Together they find more than either alone; see the README's detection section for
the figures, measured on text the model never saw.

It adds, and overrules only the weakest guesses.  `detect()` adds a learned span where it
covers words the rules left uncovered, and drops a rule finding only when it comes from a
rule that guesses from a capital, a name list or a cue word alone and the reader is all
but certain (`SURE_NOTHING`) that none of its words is an identifier: a capitalised
ordinary word ("Receptionist asked", "Counselling for Anxiety").  It stays optional: with
``STORIES_DETECT_LEARNED=off``, without python-crfsuite installed, or without the model
file, detection is the rules alone.

The model (`data/learned.crfsuite`) is built by `bench/train_learned.py` from the
development half only (the test half is never shown to it); `data/learned.json` records
the hash of the corpus it was trained on, and a test fails when the corpus changed and
the model was not rebuilt.  Features use the same lexicon as the rules.  Cost is linear
in the text (one feature dict per token, a Viterbi pass in C); inputs are bounded
upstream (`stories.config.MAX_BODY_CHARS`).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from stories.config import setting_value
from stories.findings import Finding

from .lexicon import DATA_DIR, lexicon

MODEL = DATA_DIR / "learned.crfsuite"
SOURCE = "learned"
#: A word (letters, digits, underscore) or one other non-space character.
TOKEN = re.compile(r"\w+|[^\w\s]")
_SENTENCE_END = frozenset(".!?")
_CONTEXT = (-2, -1, 1, 2)
#: Word features copied onto the neighbouring tokens (besides the word and its shape).
_NEIGHBOUR_FLAGS = ("cap", "name", "city", "ord", "dig", "safe")
#: A token the best path labels ``O`` is still read as an identifier when the model gives
#: ``O`` less than this probability: recall first.  Measured on development stories the
#: model was not trained on (README, *The learned reader*): +0.005 recall, -0.016 precision.
OUTSIDE_BELOW = 0.8
#: The reader overrules a weak rule finding when it gives ``O`` at least this probability
#: on every token of it.  Chosen on development stories the model was not trained on
#: (README, *The learned reader*): no identifier lost there or in presidio's set, fewer
#: false alarms (0.98 lost one of presidio's).
SURE_NOTHING = 0.99


def tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) of every token of `text`."""
    return [m.span() for m in TOKEN.finditer(text)]


def _shape(word: str) -> str:
    """Letters and digits as X, x and d, runs squeezed to two: "McKee" -> "XxXxx"."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if len(out) < 2 or not (out[-1] == c and out[-2] == c):
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=65_536)
def word_features(word: str) -> tuple[str, ...]:
    """What the word alone says: its lower-case form and shape (first, in that order), its
    affixes and the lexicon lists that hold it."""
    lex, low = lexicon(), word.casefold()
    flags = {
        "cap": word[:1].isupper(),
        "up": word.isupper() and len(word) > 1,
        "dig": word.isdigit(),
        "name": lex.is_name(word) or lex.is_name(word.title()),
        "first": word.title() in lex.first,
        "last": word.title() in lex.last,
        "city": low in lex.cities_lower,
        "big": low in lex.large_towns_lower,
        "reg": low in lex.regions_lower,
        "ord": low in lex.ordinary_lower,
        "vc": low in lex.very_common_lower,
        "safe": low in lex.safe_lower,
    }
    feats = [f"w={low}", f"sh={_shape(word)}", f"s3={low[-3:]}", f"p3={low[:3]}"]
    feats += [name for name, on in flags.items() if on]
    if flags["dig"]:
        feats.append(f"dlen={len(word)}")
    return tuple(feats)


@lru_cache(maxsize=65_536)
def _parts(word: str, known: frozenset[str] | None) -> tuple[tuple[str, ...], ...]:
    """The word's own features, then those it lends the token at each offset of `_CONTEXT`
    (its word and shape, and next door also `_NEIGHBOUR_FLAGS`), prefixed with the offset.
    With `known`, only features the model has a weight for: the others change nothing,
    and leaving them out saves the tagger looking them up."""
    own = word_features(word)
    near = own[:2] + tuple(f for f in own if f in _NEIGHBOUR_FLAGS)
    parts = [own, *(tuple(f"{d}{f}" for f in (near if abs(d) == 1 else own[:2])) for d in _CONTEXT)]
    if known is not None:
        parts = [tuple(f for f in part if f in known) for part in parts]
    return tuple(parts)


def features(text: str, spans: list[tuple[int, int]], known: frozenset[str] | None = None) -> list[list[str]]:
    """One list of feature names per token: its own word features, where it stands in its
    line and sentence, and what its neighbours lend it (two each side)."""
    words = [text[s:e] for s, e in spans]
    parts = [_parts(w, known) for w in words]
    out = []
    for i, (start, _) in enumerate(spans):
        f = list(parts[i][0])
        gap = text[spans[i - 1][1] : start] if i else "\n"
        if "\n" in gap:
            f.append("bol")
        if "\n" in gap or words[i - 1] in _SENTENCE_END:
            f.append("bos")
        for k, d in enumerate(_CONTEXT, 1):
            j = i + d
            if 0 <= j < len(spans):
                f.extend(parts[j][k])
            else:
                f.append(f"{d}pad")
        out.append(f)
    return out


_THREAD = threading.local()


def tagger():
    """This thread's tagger, or None when python-crfsuite or the model file is missing.

    A CRFsuite tagger keeps the sequence it tagged last (its marginals are read after
    tagging), so each thread (one per browser session) opens its own."""
    if not hasattr(_THREAD, "tagger"):
        _THREAD.tagger = _open()
    return _THREAD.tagger


def _open():
    try:
        import pycrfsuite
    except ImportError:
        return None
    if not Path(MODEL).is_file():
        return None
    loaded = pycrfsuite.Tagger()
    loaded.open(str(MODEL))
    return loaded


@lru_cache(maxsize=1)
def known_features() -> frozenset[str]:
    """Every feature name the loaded model has a weight for."""
    model = tagger()
    return frozenset(name for name, _ in model.info().state_features) if model else frozenset()


def reset() -> None:
    """Forget the loaded model (after `MODEL` changed: tests and benchmarks)."""
    _THREAD.__dict__.pop("tagger", None)
    known_features.cache_clear()
    _parts.cache_clear()


def available() -> bool:
    """Can the learned reader run here (library installed and model present)?"""
    return tagger() is not None


def active() -> bool:
    """Is the learned reader in force: switched on (``STORIES_DETECT_LEARNED``) and able to run?"""
    return setting_value("STORIES_DETECT_LEARNED") == "on" and available()


@dataclass(frozen=True, slots=True)
class Reading:
    """What the reader made of one text: its spans, and for each token its start, end and
    the probability it gives that the token is no identifier (``O``)."""

    found: list[Finding]
    starts: list[int]
    ends: list[int]
    outside: list[float]

    def sure_nothing(self, start: int, end: int) -> bool:
        """Is the reader all but certain (`SURE_NOTHING`) that text[start:end] holds no
        identifier: every token it overlaps, at least one, read as ``O``?"""
        first = bisect_right(self.ends, start)  # the first token ending after `start`
        last = bisect_left(self.starts, end)  # the tokens before it start before `end`
        return first < last and min(self.outside[first:last]) >= SURE_NOTHING


def read(text: str) -> Reading:
    """The model's reading of `text`.  Its spans are runs of tokens it tags as an
    identifier or whose ``O`` it doubts (`OUTSIDE_BELOW`), each of the kind its first token
    was given (or is likeliest to have), scored by the model's confidence that that token is one."""
    model, spans = tagger(), tokens(text)
    if model is None or not spans:
        return Reading([], [], [], [])
    tags = model.tag(features(text, spans, known_features()))
    outside = [model.marginal("O", i) for i in range(len(tags))]
    found: list[Finding] = []
    run: list[int] = []
    for i, tag in enumerate([*tags, "O"]):
        doubted = i < len(tags) and tag == "O" and outside[i] < OUTSIDE_BELOW
        if run and (tag.startswith("B-") or (tag == "O" and not doubted)):
            found.append(_span(model, tags, run, spans))
            run = []
        if tag != "O" or doubted:
            run.append(i)
    return Reading(found, [s for s, _ in spans], [e for _, e in spans], outside)


def find_learned(text: str) -> list[Finding]:
    """The model's spans in `text` (see `read`)."""
    return read(text).found


def _span(model, tags: list[str], run: list[int], spans: list[tuple[int, int]]) -> Finding:
    """The finding for a run of token indexes (see `find_learned`)."""
    first = run[0]
    tag = tags[first]
    if tag == "O":  # a doubted token: its likeliest identifier label
        tag = max((lab for lab in model.labels() if lab != "O"), key=lambda lab: model.marginal(lab, first))
        score = 1.0 - model.marginal("O", first)
    else:
        score = model.marginal(tag, first)
    return Finding(tag[2:], spans[first][0], spans[run[-1]][1], round(score, 2), SOURCE)
