"""A learned second reader: a CRF tagger trained on the hand-written development half.

Why: rules written from one batch of stories carry over to the next unseen batch by a
few hundredths at most, while a sequence model trained on every labelled story of the
development half generalises what the labels share (a capitalised word nobody lists
after "with", a number after a name and a comma, a word before "Hospital" or "Road").
Together they find more than either alone; see the README's detection section for
the figures, measured on text the model never saw.

It only adds.  `detect()` keeps every finding of the rules and adds a learned span only
where it covers words the rules left uncovered, so switching it on can raise recall and
never lowers it.  It stays optional: with ``STORIES_DETECT_LEARNED=off``, without
python-crfsuite installed, or without the model file, detection is the rules alone.

The model (`data/learned.crfsuite`) is built by `bench/train_learned.py` from the
development half only (the test half is never shown to it); `data/learned.json` records
the hash of the corpus it was trained on, and a test fails when the corpus changed and
the model was not rebuilt.  Features use the same lexicon as the rules.  Cost is linear
in the text (one feature dict per token, a Viterbi pass in C); inputs are bounded
upstream (`stories.config.MAX_BODY_CHARS`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

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
def word_features(word: str) -> tuple[tuple[str, float], ...]:
    """What the word alone says: its lower-case form, shape, affixes and lexicon lists."""
    lex, low = lexicon(), word.casefold()
    feats = {f"w={low}": 1.0, f"sh={_shape(word)}": 1.0, f"s3={low[-3:]}": 1.0, f"p3={low[:3]}": 1.0}
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
    feats.update((k, 1.0) for k, on in flags.items() if on)
    if flags["dig"]:
        feats["dlen"] = float(len(word))
    return tuple(feats.items())


def features(text: str, spans: list[tuple[int, int]]) -> list[dict[str, float]]:
    """One feature dict per token: its own word features, where it stands in its line
    and sentence, and its neighbours' words and shapes (two each side)."""
    words = [text[s:e] for s, e in spans]
    own = [dict(word_features(w)) for w in words]
    out = []
    for i, (start, _) in enumerate(spans):
        f = dict(own[i])
        gap = text[spans[i - 1][1] : start] if i else "\n"
        if "\n" in gap:
            f["bol"] = 1.0
        if "\n" in gap or words[i - 1] in _SENTENCE_END:
            f["bos"] = 1.0
        for d in _CONTEXT:
            j = i + d
            if not 0 <= j < len(spans):
                f[f"{d}pad"] = 1.0
                continue
            near = own[j]
            f.update((f"{d}{k}", 1.0) for k in near if k.startswith(("w=", "sh=")))
            if abs(d) == 1:
                f.update((f"{d}{k}", 1.0) for k in _NEIGHBOUR_FLAGS if k in near)
        out.append(f)
    return out


@lru_cache(maxsize=1)
def tagger():
    """The loaded model, or None when python-crfsuite or the model file is missing."""
    try:
        import pycrfsuite
    except ImportError:
        return None
    if not Path(MODEL).is_file():
        return None
    loaded = pycrfsuite.Tagger()
    loaded.open(str(MODEL))
    return loaded


def available() -> bool:
    """Can the learned reader run here (library installed and model present)?"""
    return tagger() is not None


def active() -> bool:
    """Is the learned reader in force: switched on (``STORIES_DETECT_LEARNED``) and able to run?"""
    from stories.config import get_settings  # local: the rules never need the settings

    return get_settings().detect_learned == "on" and available()


def find_learned(text: str) -> list[Finding]:
    """The model's spans in `text`: runs of tokens it tags as an identifier, each of the
    kind its first token was given, scored by the model's confidence in that token."""
    model, spans = tagger(), tokens(text)
    if model is None or not spans:
        return []
    tags = model.tag(features(text, spans))
    found: list[Finding] = []
    run: list[int] = []
    for i, tag in enumerate([*tags, "O"]):
        if run and (tag == "O" or tag.startswith("B-")):
            kind = tags[run[0]][2:]
            score = round(model.marginal(tags[run[0]], run[0]), 2)
            found.append(Finding(kind, spans[run[0]][0], spans[run[-1]][1], score, SOURCE))
            run = []
        if tag != "O":
            run.append(i)
    return found
