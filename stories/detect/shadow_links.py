"""Shadow steps 2 and 3: defanged and spoken web and email addresses.

Defanged links ("hxxps://facebook[.]com", "jane[at]mail(dot)com") are read
as written links; spoken addresses ("rachel dot smith at gmail dot com",
"facebook dot com slash rachel.smith") as addresses.  A spoken "at" counts
only after a mailbox-like word ("rachel at gmail.com", not "I looked at
webmd.com").  Each step returns (start, end, replacement) edits, and runs only
when a cheap gate finds what it rewrites.
"""

from __future__ import annotations

import re

from .anchors import lowered
from .lexicon import lexicon
from .vocab import FUNCTION

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
# A "." before a letter ("ſ", "ı", "K" that `re.IGNORECASE` folds onto the letters of a
# domain are letters too): a cheap necessary condition for `_AT_DOMAIN`.
_DOT_LETTER = re.compile(r"\.[^\W\d_]")
_SPOKEN_SEP = re.compile(rf"(?i){_SP}(dot|at|slash){_SP}|[ \t]?(@)[ \t]?|(\.)")


def defang_edits(s: str) -> list[tuple[int, int, str]]:
    low = lowered(s)
    parens = "(" in s and any(p in low for p in _PAREN_DEFANGS)  # (only "(" lowercases to "(")
    if "hxxp" not in low and "[" not in s and "{" not in s and not parens:
        return []
    out = []
    for m in _DEFANG.finditer(s):
        out.append((m.start(), m.end(), _DEFANG_AS[m.group().lower()]))
    return out


def _spoken_at(s: str, low: str) -> bool:
    """Is there an "@" between spaces, or "<word> at <domain>.<tld>"?"""
    if "@ " in s:
        return True
    if not _DOT_LETTER.search(s):
        return False  # every `_AT_DOMAIN` match holds a "." before its top-level domain's first letter
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


def spoken_edits(s: str) -> list[tuple[int, int, str]]:
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
