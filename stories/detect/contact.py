"""Contact details: emails and links; with handles (`handles`), phones and ID numbers
(`numbers`, `id_codes`, `id_cues`), all of them.

Every pattern is anchored with a negative look-behind on its own character
class, so a regex only ever starts at the beginning of a run: together with
bounded repetitions this keeps matching linear on hostile input (a 20,000
character run of letters or digits costs one pass, not a quadratic scan).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stories.findings import Finding

from .anchors import (
    find_all,
    lowered,
    matches_at,
    run_start,
    strip_trailing,
)
from .handles import find_handles
from .id_codes import find_id_codes
from .id_cues import find_cued_ids
from .numbers import find_ids, find_phones

EMAIL_RE = re.compile(
    r"(?<![\w.+%-])[\w.+%-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}"
    r"|(?<![\w.+%-])[\w.+%-]{1,64}\s?(?:\[at\]|\(at\))\s?[A-Za-z0-9-]{1,63}\s?(?:\.|\[dot\]|\(dot\))\s?[A-Za-z]{2,10}"
)

_TLDS = (
    "com|org|net|edu|gov|mil|int|info|biz|io|co|me|ly|app|dev|health|blog|online|site|"
    "uk|ie|au|nz|ca|us|de|fr|nl|be|es|it|pt|ch|at|se|no|dk|fi|pl|cz|ru|in|za|ng|ke|gh|"
    "sg|my|ph|jp|kr|cn|tw|hk|br|mx|ar|cl|tv|fm|eu|nhs\\.uk|"
    # newer top-level domains that personal sites, blogs and practices use
    "nyc|london|scot|wales|cymru|xyz|art|life|world|club|store|shop|space|website|live|studio|page|"
    "tech|care|clinic|wellness|fitness|yoga|therapy|coach|family|love|social|news|global|today"
)
URL_RE = re.compile(
    r"(?<![\w@./-])(?:(?:https?|ftp)://|www\.)[^\s<>\"'()\[\]{}]{1,2000}"
    r"|(?<![\w@./-])(?:[A-Za-z0-9][A-Za-z0-9-]{0,62}\.){1,6}(?:" + _TLDS + r")\b"
    r"(?![.-]?\w)(?:/[^\s<>\"'()\[\]{}]{0,2000})?",
    re.IGNORECASE,
)
URL_GATE = re.compile(r"\.(?:" + _TLDS + r")\b", re.IGNORECASE)
def _is_local(ch: str) -> bool:
    return ch.isalnum() or ch in "_.+%-"


def _email_starts(text: str) -> Iterator[int]:
    """Where an `EMAIL_RE` match can begin: the start of the local part before
    an "@", "[at]" or "(at)" (its look-behind allows no other position)."""
    for at in find_all(text, "@"):
        yield run_start(text, at, _is_local, 64)
    for word in ("[at]", "(at)"):
        for at in find_all(text, word):
            yield run_start(text, at, _is_local, 64)
            if at and text[at - 1].isspace():
                yield run_start(text, at - 1, _is_local, 64)


def find_emails(text: str) -> Iterator[Finding]:
    if "@" not in text and "(at)" not in text and "[at]" not in text:
        return
    starts = (s for s in _email_starts(text) if s >= 0)
    for m in matches_at(EMAIL_RE, text, starts):
        yield Finding("EMAIL", m.start(), m.end(), 1.0, "email-regex")


_HOST = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-İıſ\u212a")


# A "." before a letter: where a `URL_GATE` match can begin (every TLD starts
# with a letter, and `re.IGNORECASE` folds only letters onto letters).
_DOT_LETTER = re.compile(r"\.[^\W\d_]")


def _tld_dots(text: str) -> list[int]:
    """Starts of the `URL_GATE.finditer(text)` matches.

    The case-insensitive TLD list is costly to try, so it is tried only at
    the dots before a letter, which prose has few of.
    """
    return [m.start() for m in matches_at(URL_GATE, text, [d.start() for d in _DOT_LETTER.finditer(text)])]


def _url_starts(text: str, low: str, tld_dots: list[int]) -> Iterator[int] | None:
    """Where a `URL_RE` match can begin, or None when unsure (then scan all).

    Every match holds an anchor ("://", "www." or a URL_GATE ".tld", given as
    `tld_dots`) within 400 characters of its start, and its look-behind only
    lets it begin where a run of host characters begins: the run that holds
    the anchor.
    """
    if len(low) != len(text):
        return None
    anchors = find_all(text, "://") + find_all(low, "www.") + tld_dots
    starts = []
    for a in anchors:
        start = run_start(text, a, _HOST, 400)
        if start < 0:
            return None
        starts.append(start)
    return iter(starts)


def find_urls(text: str) -> Iterator[Finding]:
    low = lowered(text)
    tld_dots = _tld_dots(text)
    if "://" not in text and "www." not in low and not tld_dots:
        return
    starts = _url_starts(text, low, tld_dots)
    matches = URL_RE.finditer(text) if starts is None else matches_at(URL_RE, text, starts)
    for m in matches:
        end = strip_trailing(text, m.start(), m.end())
        if end - m.start() >= 4 and not _sentence_joined(m.group()):
            yield Finding("URL", m.start(), end, 0.9, "url-regex")


def _sentence_joined(match: str) -> bool:
    """Is a bare host name two sentences typed without a space ("home.Today", "life.Love"):
    its last part capitalised, the part before it not?  Or a degree ("B.Tech")?"""
    if "://" in match or match[:4].lower() == "www." or "/" in match:
        return False
    host, _, last = match.rpartition(".")
    if len(host) == 1 and host.isupper() and last[:1].isupper():
        return True  # "B.Tech", "M.Sc": a degree, no host
    return last[:1].isupper() and not last.isupper() and not host[-1:].isupper()


# A user name with full stops inside ("endo.warriors.vic", "ploy.piriya_"): lower case, at
# least three parts, or two with a digit or "_"; no web address (`URL_RE`), no file.
_DOTTED_RE = re.compile(r"(?<![\w@./-])[a-z][a-z0-9_]{1,29}(?:\.[a-z0-9_]{2,30}){1,3}(?![\w@/-]|\.\w)")
# A full stop with a letter or digit on each side (`str.isalnum`: "\w" less "_"), written to
# open with the "." so that `re` jumps from one full stop to the next.
_DOT_BETWEEN = re.compile(r"\.(?<=[^\W_]\.)(?=[^\W_])")
_FILE_ENDINGS = frozenset(
    ("txt", "pdf", "jpg", "jpeg", "png", "gif", "doc", "docx", "xls", "xlsx", "csv", "mp3", "mp4", "mov",
     "zip", "html", "htm", "py", "js")
)  # fmt: skip


def find_dotted_handles(text: str) -> Iterator[Finding]:
    """HANDLE findings for `_DOTTED_RE` where its shape proves a user name: three parts or
    more ("endo.warriors.vic"; "ok.so" is two words typed without a space), or a digit or
    "_" in it ("kavi.reads_22"), and no file's ending ("notes.txt")."""
    for between in _DOT_BETWEEN.finditer(text):
        dot = between.start()
        start, reach = dot - 1, max(0, dot - 31)  # (a user name's first part is at most 30 long)
        while start > reach and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        m = _DOTTED_RE.match(text, start)
        if m is None or m.end() <= dot:
            continue
        word = m.group()
        parts = word.split(".")
        if parts[-1] in _FILE_ENDINGS or URL_GATE.search(word):
            continue  # a file, or a web address (`contact`)
        if len(parts) >= 3 or any(c.isdigit() or c == "_" for c in word):
            yield Finding("HANDLE", m.start(), m.end(), 0.6, "dotted-handle")


def find_contact(text: str) -> list[Finding]:
    out: list[Finding] = []
    finders = (find_emails, find_urls, find_handles, find_dotted_handles, find_phones, find_ids,
               find_id_codes, find_cued_ids)  # fmt: skip
    for finder in finders:
        out.extend(finder(text))
    return out
