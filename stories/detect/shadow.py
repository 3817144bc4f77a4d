"""A normalised shadow of a story, read by the rules instead of the story itself.

People hide identifiers, on purpose or by habit: "R a c h e l", "Ra**chel**",
a zero-width joiner or an underline mark inside a name, full-width or Cyrillic
look-alike letters ("Rаchеl"), "rachel dot smith at gmail dot com",
"hxxps://facebook[.]com/...", a phone number written as words ("oh seven seven
double oh nine ...").  The rules read a *shadow* in which all of these are
undone, and every shadow character remembers the run of original characters
it came from, so a finding on the shadow maps back to the whole original run
(`Shadow.span`) and `redact()` removes all of it.  The stored text is never
changed: the shadow exists only while a text is being scanned.

What the shadow does, in order:

1. per non-ASCII character: typographic apostrophes and quotes become ASCII
   ("I’m" reads like "I'm"); NFKC for letters, digits, spaces and punctuation
   (full-width and mathematical letters); Cyrillic and Greek letters that look
   Latin are folded to Latin; format characters (joiners, bidi marks, soft
   hyphen), variation selectors, the grapheme joiner, and combining marks on
   Latin letters are removed;
2. defanged links: "hxxp" is read "http", "[.]" / "(dot)" as ".", "[at]" as "@";
3. spoken addresses: "x dot y at z dot com", "rachel at gmail.com",
   "facebook dot com slash x" (a spoken "at" only after a name-like mailbox);
4. Markdown emphasis inside a word ("Ra**chel**") is removed;
5. number words are read as digits when six or more digits are spelled out;
6. single letters or digits spaced, dotted, hyphenated or underscored out
   ("R a c h e l", "R_a_c_h_e_l", "L S 6 2 A B") are joined.

Cost: a text that is ASCII and trips no cheap gate gets the identity shadow
(the text itself, no offset table); steps 2-6 run only when their gate finds
what they rewrite.  Every pattern is bounded (no nested unbounded repeats).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .anchors import lowered
from .lexicon import lexicon
from .tokens import shared_columns
from .vocab import FUNCTION

__all__ = ["Shadow", "build_shadow", "shadow_text"]


@dataclass(frozen=True, slots=True)
class Shadow:
    """`text` is the shadow; shadow char i came from original[starts[i]:ends[i]].

    `starts`/`ends` are None when the shadow has the original's offsets
    (every change was one character for one character).
    """

    text: str
    starts: list[int] | None = None
    ends: list[int] | None = None

    @property
    def aligned(self) -> bool:
        """Do shadow offsets equal original offsets?"""
        return self.starts is None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of shadow span [start, end): every character it came from."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


# -- step 1: characters ---------------------------------------------------

_APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\u02b9\uff07\u0060\u00b4"
_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02"
_FOLD: dict[str, str] = {c: "'" for c in _APOSTROPHES} | {c: '"' for c in _QUOTES}
# Letters of other scripts that look like Latin ones (a subset of Unicode's
# confusables.txt: the Cyrillic, Greek, Armenian and IPA letters used to
# disguise Latin words).
_CONFUSABLES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d",
    "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ѵ": "v", "ү": "y", "ɡ": "g",
    "А": "A", "В": "B", "С": "C", "Е": "E", "Ё": "E", "Н": "H", "І": "I", "Ї": "I", "Ј": "J",
    "К": "K", "М": "M", "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y",
    "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I", "Ԁ": "D",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "α": "a", "ι": "i", "κ": "k",
    "ν": "v", "ρ": "p", "υ": "u", "χ": "x", "ε": "e", "γ": "y", "ϲ": "c", "ϳ": "j",
    # Armenian, IPA and Latin look-alikes
    "օ": "o", "ս": "u", "հ": "h", "ո": "n", "ց": "g", "ı": "i", "ȷ": "j", "ɩ": "i", "ɑ": "a",
    "ℓ": "l", "ℐ": "I",
}  # fmt: skip
_NFKC_CATEGORIES = ("L", "Nd", "Zs", "P", "Sm")
_DROP = frozenset({"Cf", "Cc"})
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Per-character answers: None = a combining mark (dropped after Latin letters).
_CHAR_CACHE: dict[str, str | None] = {}
_CHAR_CACHE_MAX = 8192


def _fold_char(c: str) -> str | None:
    """What one non-ASCII character reads as in the shadow ("" = nothing)."""
    if c in _FOLD:
        return _FOLD[c]
    code = ord(c)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or c == "\u034f":
        return ""  # variation selectors, combining grapheme joiner
    cat = unicodedata.category(c)
    if cat in _DROP:
        return ""
    if cat in ("Mn", "Me"):
        return None
    out = c
    if cat.startswith(_NFKC_CATEGORIES):
        folded = unicodedata.normalize("NFKC", c)
        # punctuation only one for one ("＠" is "@"; "…" stays, it is no sentence end)
        if cat[0] in "LNZ" or len(folded) == 1:
            out = "".join(_FOLD.get(x, x) for x in folded)
    return "".join(_CONFUSABLES.get(x, x) for x in out)


def _latinish(c: str) -> bool:
    return c.isascii() or ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF


def _char_edits(text: str) -> list[tuple[int, int, str]]:
    """Edits of step 1: (start, end, replacement) for each changed character."""
    edits: list[tuple[int, int, str]] = []
    cache = _CHAR_CACHE
    dropped_mark = -2  # index of the last combining mark dropped
    for m in _NON_ASCII.finditer(text):
        c = m.group()
        i = m.start()
        if c in cache:
            out = cache[c]
        else:
            out = _fold_char(c)
            if len(cache) < _CHAR_CACHE_MAX:
                cache[c] = out
        if out is None:  # a combining mark: dropped when it sits on a Latin letter
            base = text[i - 1] if i else ""
            folded = cache.get(base) or base
            if i and (dropped_mark == i - 1 or _latinish(base) or folded.isascii()):
                edits.append((i, i + 1, ""))
                dropped_mark = i
            continue
        if out != c:
            edits.append((i, i + 1, out))
    return edits


# -- steps 2-6: patterns ----------------------------------------------------

_TLDS = (
    "com|org|net|edu|gov|info|biz|io|co|me|ly|app|dev|health|blog|online|site|"
    "uk|ie|au|nz|ca|us|de|fr|nl|be|es|it|pt|ch|se|no|dk|fi|pl|ru|in|za|ng|ke|"
    "sg|my|ph|jp|br|mx|tv|fm|eu"
)
_DEFANG_AS = {"hxxp": "http", "[.]": ".", "(.)": ".", "{.}": ".", "[dot]": ".", "(dot)": ".",
              "{dot}": ".", "[at]": "@", "(at)": "@", "{at}": "@", "[@]": "@", "[:]": ":",
              "[/]": "/"}  # fmt: skip
_DEFANG = re.compile("(?i)" + "|".join(re.escape(k) for k in _DEFANG_AS))
_PAREN_DEFANGS = tuple(k for k in _DEFANG_AS if k.startswith("("))

_SP = r"[ \t]{1,3}"
_DOT = rf"(?:{_SP}dot{_SP}|\.)"  # "safe. My" is a sentence end, not "safe.my"
_AT = rf"(?:{_SP}at{_SP}|[ \t]?@[ \t]?)"
_SLASH = rf"(?:{_SP}slash{_SP}|/)"
_LABEL = r"[A-Za-z0-9_+\-][A-Za-z0-9_+\-]{0,62}"
# "rachel dot smith at gmail dot com", "facebook dot com slash rachel.smith".
_SPOKEN = re.compile(
    rf"(?i)(?<![\w.+\-@])(?:{_LABEL}(?:{_DOT}{_LABEL}){{0,5}}{_AT})?"
    rf"{_LABEL}(?:{_DOT}{_LABEL}){{0,3}}{_DOT}(?:{_TLDS})(?![\w\-])"
    rf"(?:{_SLASH}[\w.\-~%]{{1,64}}){{0,6}}"
)
_AT_DOMAIN = re.compile(rf"(?i) (?:at{_SP}|@[ \t]?)[A-Za-z0-9-]{{1,63}}\.(?:{_TLDS})(?![\w\-])")
_MAX_AT_TRIES = 64
_SPOKEN_SEP = re.compile(rf"(?i){_SP}(dot|at|slash){_SP}|[ \t]?(@)[ \t]?|(\.)")

# Markdown emphasis markers inside a word: "Ra**chel**", "Ra~~ch~~el".
_INNER_MARK = re.compile(r"(?<=[^\W_])(?:\*{1,3}|~~)(?=[^\W_])")
_MARK = re.compile(r"\*{1,3}|~~")

_NUMBER_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "nil": "0", "one": "1", "two": "2",
    "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
}  # fmt: skip
_TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7",
         "eighty": "8", "ninety": "9"}  # fmt: skip
_MULTIPLIERS = {"double": 2, "triple": 3, "treble": 3}
_SCALE = {"hundred": "00", "thousand": "000"}
_NUMBER_WORD = (
    "(?:" + "|".join(sorted([*_NUMBER_WORDS, *_TENS, *_MULTIPLIERS, *_SCALE], key=len, reverse=True)) + ")"
)
_NUMBER_RUN = re.compile(
    rf"(?i)(?<![\w'])(?:{_NUMBER_WORD})(?:[ ,\-]{{1,3}}(?:{_NUMBER_WORD})(?![\w'])){{3,40}}"
)
_NUMBER_TOKEN = re.compile(rf"(?i){_NUMBER_WORD}")
# Lowercase tokens (as `tokens.Columns.lows` has them) that read as digits.
_NUMBER_LOWS = frozenset(
    [*_NUMBER_WORDS, *_TENS, *_MULTIPLIERS, *_SCALE]
    + [f"{t}-{u}" for t in _TENS for u in _NUMBER_WORDS if len(_NUMBER_WORDS[u]) == 1]
)
_NUMBER_GATE_RUN = b"\x01\x01\x01\x01"
_MIN_SPELLED_DIGITS = 6

# Single letters or digits spaced, dotted or hyphenated out: "R a c h e l".
_SPACED = re.compile(
    r"(?<![^\W_])[^\W_](?![^\W_])(?:([ .\-_])\1?[^\W_](?![^\W_]))(?:\1\1?[^\W_](?![^\W_])){1,60}"
)
# Gates: two single characters after the same separator, one pattern per
# separator (a literal first character lets `re` skip ahead between candidates).
_SPACED_GATES = tuple(
    re.compile(rf"{sep}{sep}?[^\W_]{sep}{sep}?[^\W_](?![^\W_])") for sep in (" ", r"\.", "-", "_")
)


def _defang_edits(s: str) -> list[tuple[int, int, str]]:
    low = lowered(s)
    if "hxxp" not in low and "[" not in s and "{" not in s and not any(p in low for p in _PAREN_DEFANGS):
        return []
    out = []
    for m in _DEFANG.finditer(s):
        out.append((m.start(), m.end(), _DEFANG_AS[m.group().lower()]))
    return out


def _spoken_at(s: str, low: str) -> bool:
    """Is there an "@" between spaces, or "<word> at <domain>.<tld>"?"""
    if "@ " in s:
        return True
    for word in (" at ", " @"):  # " @jane" is a handle, " @ gmail.com" a spaced address
        i = low.find(word)
        tries = 0
        while i != -1 and tries < _MAX_AT_TRIES:
            if _AT_DOMAIN.match(s, i):
                return True
            tries += 1
            i = low.find(word, i + 1)
    return False


def _mailbox(local: str) -> bool:
    """Could `local`, before a spoken " at ", be the name part of an email address?

    "rachel at gmail.com" and "r.smith88 at ..." are; "I looked at webmd.com" is not.
    """
    if any(ch.isdigit() or ch in "._+-" for ch in local) or _SPOKEN_SEP.search(local):
        return True
    return lexicon().strong_name(local.rsplit(None, 1)[-1])


def _spoken_edits(s: str) -> list[tuple[int, int, str]]:
    low = lowered(s)
    if " dot " not in low and " slash " not in low and "\tdot" not in low and not _spoken_at(s, low):
        return []
    out = []
    for m in _SPOKEN.finditer(s):
        labels = _SPOKEN_SEP.split(m.group())
        if "@" not in m.group() and " at " not in m.group().lower() and labels[0].lower() in FUNCTION:
            continue  # "the dot com boom"
        for sep in _SPOKEN_SEP.finditer(s, m.start(), m.end()):
            word = (sep.group(1) or sep.group(2) or sep.group(3)).lower()
            repl = {"dot": ".", "at": "@", "slash": "/"}.get(word, word)
            if word == "at" and not _mailbox(s[m.start() : sep.start()]):
                continue  # "looked at webmd.com": the link is read, "looked" is no mailbox
            if sep.group() != repl:
                out.append((sep.start(), sep.end(), repl))
    return out


def _emphasis_edits(s: str) -> list[tuple[int, int, str]]:
    if "*" not in s and "~~" not in s:
        return []
    out: list[tuple[int, int, str]] = []
    done = 0
    for m in _INNER_MARK.finditer(s):
        if m.start() < done:
            continue
        ts, te = m.start(), m.end()
        while ts > 0 and not s[ts - 1].isspace() and m.start() - ts < 64:
            ts -= 1
        while te < len(s) and not s[te].isspace() and te - m.end() < 64:
            te += 1
        for mk in _MARK.finditer(s, max(ts, done), te):
            out.append((mk.start(), mk.end(), ""))
        done = te
    return out


def _spelled_digits(run: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) for each number word of `run`, relative to it."""
    words = [(t.start(), t.end(), t.group().lower()) for t in _NUMBER_TOKEN.finditer(run)]
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(words):
        s, e, w = words[k]
        if w in _MULTIPLIERS and k + 1 < len(words) and words[k + 1][2] in _NUMBER_WORDS:
            nxt = words[k + 1]
            out.append((s, nxt[1], _NUMBER_WORDS[nxt[2]] * _MULTIPLIERS[w]))
            k += 2
            continue
        if w in _TENS:
            nxt = words[k + 1] if k + 1 < len(words) else None
            if nxt and len(_NUMBER_WORDS.get(nxt[2], "xx")) == 1 and nxt[2] not in ("oh", "o", "zero"):
                out.append((s, nxt[1], _TENS[w] + _NUMBER_WORDS[nxt[2]]))
                k += 2
                continue
            out.append((s, e, _TENS[w] + "0"))
        elif w in _SCALE:
            out.append((s, e, _SCALE[w]))
        elif w in _NUMBER_WORDS:
            out.append((s, e, _NUMBER_WORDS[w]))
        else:
            out.append((s, e, ""))  # a lone "double"
        k += 1
    return out


def _counting(pieces: list[tuple[int, int, str]]) -> bool:
    """Is this counting ("one, two, three, four...", "twenty one, twenty two...")?"""
    values = [int(d) for _, _, d in pieces if d and len(d) <= 2]
    if len(values) != len(pieces):
        return False
    return all(b == a + 1 for a, b in zip(values, values[1:], strict=False))


def _number_edits(s: str) -> list[tuple[int, int, str]]:
    lows = shared_columns(s).lows  # gate: four number words in a row, read from shared tokens
    if _NUMBER_GATE_RUN not in bytes(map(_NUMBER_LOWS.__contains__, lows)):
        return []
    out: list[tuple[int, int, str]] = []
    for m in _NUMBER_RUN.finditer(s):
        pieces = _spelled_digits(m.group())
        if sum(len(d) for _, _, d in pieces) < _MIN_SPELLED_DIGITS or _counting(pieces):
            continue
        base = m.start()
        prev_end = None
        for ps, pe, digits in pieces:
            if prev_end is not None and prev_end < ps:
                out.append((base + prev_end, base + ps, ""))  # the separator
            out.append((base + ps, base + pe, digits))
            prev_end = pe
    return out


def _join_dotted(chars: str) -> bool:
    """Are dotted single characters a disguised word ("R.a.c.h.e.l")?

    Not initials, acronyms or legal forms ("U.S.A.", "S.L.N.E", "s.r.l.",
    "a.k.a.") nor dotted numbers: those are left as written.
    """
    if not chars.isalpha() or chars.isupper():
        return False
    return len(chars) >= 4 or not chars.islower()


def _spaced_edits(s: str) -> list[tuple[int, int, str]]:
    if not any(gate.search(s) for gate in _SPACED_GATES):
        return []
    out = []
    for m in _SPACED.finditer(s):
        sep = m.group(1)
        chars = m.group().replace(sep, "")
        if sep == "." and not _join_dotted(chars):
            continue
        if chars.isdigit() or (not chars.isalpha() and len(chars) < 4):
            continue  # spaced digits are read by the number rules; "B 1 2" is a vitamin
        out.extend((i, i + 1, "") for i in range(m.start() + 1, m.end()) if s[i] == sep)
    return out


_PATTERN_STEPS = (_defang_edits, _spoken_edits, _emphasis_edits, _number_edits, _spaced_edits)


# -- applying edits ---------------------------------------------------------


def _apply(shadow: Shadow, original_len: int, edits: list[tuple[int, int, str]]) -> Shadow:
    """Apply sorted, non-overlapping edits to `shadow`, composing the offset map.

    A replacement's characters all map to the whole original run of what they
    replace; a deletion's run is added to the previous shadow character (or,
    at the very start, to the next one), so a finding that ends at a letter
    also covers the joiner or mark that followed it.
    """
    if not edits:
        return shadow
    s = shadow.text
    if shadow.aligned and all(len(r) == 1 and e - b == 1 for b, e, r in edits):
        parts, pos = [], 0
        for b, e, r in edits:
            parts.append(s[pos:b])
            parts.append(r)
            pos = e
        parts.append(s[pos:])
        return Shadow("".join(parts))
    starts = shadow.starts if shadow.starts is not None else list(range(len(s)))
    ends = shadow.ends if shadow.ends is not None else list(range(1, len(s) + 1))
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pending = -1  # start of a deleted run before any output character
    pos = 0

    def copy(upto: int) -> None:
        nonlocal pending
        if upto <= pos:
            return
        out.append(s[pos:upto])
        new_starts.extend(starts[pos:upto])
        new_ends.extend(ends[pos:upto])
        if pending >= 0:
            new_starts[len(new_starts) - (upto - pos)] = pending
            pending = -1

    for b, e, r in edits:
        if b < pos:
            continue  # overlapping edit: keep the first
        copy(b)
        pos = b
        run_start, run_end = starts[b], ends[e - 1]
        if r:
            out.append(r)
            first = run_start if pending < 0 else pending
            pending = -1
            new_starts.extend([first] + [run_start] * (len(r) - 1))
            new_ends.extend([run_end] * len(r))
        elif new_ends:
            new_ends[-1] = max(new_ends[-1], run_end)
        elif pending < 0:
            pending = run_start
        pos = e
    copy(len(s))
    text = "".join(out)
    if not text:
        return Shadow(text, [], [])
    if pending >= 0:  # everything was deleted after the last character
        new_ends[-1] = original_len
    return Shadow(text, new_starts, new_ends)


def build_shadow(text: str) -> Shadow:
    """The shadow of `text` with its map back to `text` (see module docstring)."""
    shadow = Shadow(text)
    if not text.isascii():
        shadow = _apply(shadow, len(text), _char_edits(text))
    for step in _PATTERN_STEPS:
        shadow = _apply(shadow, len(text), sorted(step(shadow.text)))
    return shadow


def shadow_text(text: str) -> str:
    """Only the shadow's text (for comparing words, as `stories.leftovers` does)."""
    return build_shadow(text).text
