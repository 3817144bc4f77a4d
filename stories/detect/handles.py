"""Handles: the names people go by on social media and forums.

"@moth.girl", "u/bentnotbroken77", "my insta is pelvicpainpals", "find me as theo-has-a-pelvis
on Tumblr", "Posted by tinyoakleaf", "bigcheddar_irl in our server", "ethan_rides#4412".
`contact.find_contact` gathers them with emails, links, phones and IDs.

Every pattern is anchored with a negative look-behind on its own character class or started
from a literal found with `str.find`, so matching stays linear on hostile input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stories.findings import Finding

from . import vocab
from .anchors import FOLD_TRAPS, find_all, lowered, matches_at, strip_trailing
from .chart_words import DOSE_UNITS
from .lexicon import lexicon, lowercase_word
from .tokens import shared_columns, word_class

_NOT_HANDLES = frozenset(
    [
        "private",
        "public",
        "down",
        "gone",
        "deleted",
        "full",
        "the",
        "my",
        "a",
        "an",
        "not",
        "locked",
        "where",
        "also",
        "same",
        "pretty",
        "so",
        "very",
        "now",
        "in",
        "on",
        "and",
        "but",
        "or",
        "just",
        "only",
        "still",
        "mostly",
        "here",
        "there",
        "below",
        "above",
        "anonymous",
        "this",
        "that",
        "it",
    ]
)

# "@(?<![\w.@/]@)" is "(?<![\w.@/])@" written so that `re` jumps from "@" to "@".
HANDLE_RE = re.compile(r"@(?<![\w.@/]@)[A-Za-z0-9_][A-Za-z0-9_.]{1,29}")
HANDLE_CUE_RE = re.compile(
    r"\b(?:insta(?:gram)?|ig|tiktok|tik tok|twitter|snap(?:chat)?|threads|bluesky|"
    r"handle|username|user name|user|discord|reddit|telegram|mastodon|pseudo|pseudonyme"
    r"|(?:nombre de )?usuari[oa]|utilisat(?:eur|rice))"
    r"(?:\s+(?:handle|account|name|username))?\s*(?:is|was|:|-|at|=)?\s*@?"
    r"(?P<h>[A-Za-z0-9_][A-Za-z0-9_.]{1,29}(?:#\d{4}\b)?)",
    re.IGNORECASE,
)
# Platforms a user name is given on: "find me as pelvicpainpals on instagram" (a handle-like
# word right before "on <platform>"), "I write on Tumblr as theo-has-a-pelvis".
_PLATFORMS = vocab.words(
    "insta instagram ig tiktok twitter snap snapchat threads bluesky discord reddit telegram mastodon tumblr "
    "youtube twitch"
)
_PLATFORM_CLASS = word_class(_PLATFORMS)
_HANDLE_BEFORE_ON = re.compile(r"(?<![\w.@])(?P<h>[A-Za-z0-9_][A-Za-z0-9_.]{2,29})[ \t]+on[ \t]+$")
REDDIT_RE = re.compile(r"(?<![\w/])/?u/[A-Za-z0-9_-]{3,40}")  # Reddit allows 20; a longer one is still hers
# A word joined by an underscore, with a lowercase letter, outside an address or a file
# name: people write user names so ("bigcheddar_irl in our server", "WeChat me:
# sunnyxy_0712"); prose has no other such words (not "{street_name}", "client_ip = ?": code).
UNDERSCORED_RE = re.compile(
    r"(?<![\w@./{-])(?=[A-Za-z0-9_]*[a-z])[A-Za-z0-9]+(?:_+[A-Za-z0-9]+)+(?![\w@/}-]|\.\w|[ \t]*=)"
)
# A Discord user name with its four-digit tag: "ethan_rides#4412", "Moth.Girl#0731" (not a
# hashtag, "#4412" alone, or "room #12").
DISCORD_TAG_RE = re.compile(r"#(?<=[A-Za-z0-9_.]#)\d{4}(?!\d)")
_TAG_NAME = re.compile(r"(?<![\w.@#])[A-Za-z0-9_.]{2,32}$")


def _discord_tags(text: str) -> Iterator[Finding]:
    """HANDLE findings for Discord names with their tag (`DISCORD_TAG_RE`), read from the tag
    back to the name's start."""
    for m in DISCORD_TAG_RE.finditer(text):
        name = _TAG_NAME.search(text, max(0, m.start() - 32), m.start())
        if name is not None and any(c.isalpha() for c in name.group()):
            yield Finding("HANDLE", name.start(), m.end(), 0.9, "discord-tag")
# A forum's attribution and a name on a platform: "Posted by tinyoakleaf on", "Posted on
# October 14, 2023 by hotflashhannah", "Publicado por trianero62", "Geplaatst door
# mamavanlotte", "Reply from marigold_and_moss:", "replying to lemonteaNoIce", "Mo (goes by
# b1gmo_heals)", "I write on Tumblr as theo-has-a-pelvis".
ATTRIBUTED_RE = re.compile(
    r"(?:(?:posted|written|submitted|shared|started)(?:[ \t]+on[ \t]+[^\n]{1,30}?)?[ \t]+by"
    r"|(?:publicad[oa]|escrit[oa]|postad[oa]|publié|posté|geplaatst|gepost|gepostet|geschrieben|verfasst)"
    r"[ \t]+(?:por|par|door|von)|goes[ \t]+by"
    r"|(?:reply|replied|response|comment)[ \t]+from|(?:replying|replied|reply)[ \t]+to"
    rf"|(?:{'|'.join(sorted(_PLATFORMS, key=len, reverse=True))})[ \t]+as)"
    r"[ \t]+@?(?P<h>[A-Za-z0-9_][A-Za-z0-9_.-]{1,28}[A-Za-z0-9_])",
    re.IGNORECASE,
)
# The words an attribution starts with: `ATTRIBUTED_RE` is tried only at these (a platform's
# name only after "on"), not at every position of a story.
_ATTRIBUTION_VERBS = vocab.words(
    "posted written submitted shared started reply replied replying response comment goes "
    "publicado publicada escrito escrita postado postada publié posté geplaatst gepost gepostet geschrieben "
    "verfasst"
)
_ATTRIBUTION_CLASS = word_class(_ATTRIBUTION_VERBS | _PLATFORMS)


# A forum post's header line: a user name, a "»", "›" (which the shadow reads as a quote
# mark), "·" or a dash, then its date or time ("mumof2_sheff » 14/03/2023 21:47", "Pinkfizz ·
# 04/05/23", a Discord export's "pixelmoth — 23:14"),
# or "wrote:", "replied:" ("quincyquahog wrote:"), or above the forum's line about its
# poster ("SallyGap⏎Registered Users Posts: 2,318"); tried at each line's start.
_POSTER_LINE_RE = re.compile(
    r"(?:(?:Mensaje|Message|Bericht|Beitrag|Post)[ \t]+(?:de|van|von|by)[ \t]+)?"  # "Mensaje de x » 21 oct"
    r"(?P<h>[A-Za-z0-9_][A-Za-z0-9_.-]{2,29})(?:[ \t]*[»›\"'·•][ \t]*"
    r"(?:\d|OP\b|Original[ \t]+poster|Posted\b|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"
    rf"|[ \t]+[—–][ \t]+\d(?![\d.,]*[ \t]*(?i:{DOSE_UNITS})(?!\w))"  # not a dose
    r"|[ \t]+(?:wrote|said|posted|replied|commented)[ \t]*:"
    r"|[ \t]*\n[ \t]*(?:Registered[ \t]+Users?|Posts:|Member[ \t]+since|Joined:))"
)


# A user name alone on its line above the post it heads, as Mumsnet threads are pasted
# ("Ladyofthelake77⏎Not precious at all"): digits, or capitals inside, tell it from a word.
_LONE_POSTER = re.compile(r"^(?P<h>[A-Za-z][A-Za-z0-9_.]{5,29})[ \t]*\n(?=[ \t]*\S)", re.MULTILINE)


_LETTER_DIGIT = re.compile(r"[a-z]\d")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_LABEL_NUMBER = re.compile(r"(?i)(?:week|day|month|part|step|session)\d+")


def _poster_shaped(word: str) -> bool:
    """Does `word` hold a digit after its letters, or a capital after a lowercase letter
    ("Ladyofthelake77", "MrsBennetsNerves"; not "Recovery", "Week3" is a label)?"""
    if _LETTER_DIGIT.search(word) and not _LABEL_NUMBER.fullmatch(word):
        return True
    return _INNER_CAPITAL.search(word) is not None


def _attributed_handles(text: str) -> Iterator[Finding]:
    """HANDLE findings for `ATTRIBUTED_RE` tried at each word it can start with, and for
    the user names heading a forum's posts (`_POSTER_LINE_RE`)."""
    line_starts = [0, *(i + 1 for i in find_all(text, "\n"))]
    posters = set()
    for m in matches_at(_POSTER_LINE_RE, text, line_starts):
        if _handle_like(m.group("h")):
            posters.add(m.group("h"))
            yield Finding("HANDLE", m.start("h"), m.end("h"), 0.7, "attributed-handle")
    for m in _LONE_POSTER.finditer(text) if "\n" in text else ():
        if _poster_shaped(m.group("h")) and _handle_like(m.group("h")):
            posters.add(m.group("h"))
            yield Finding("HANDLE", m.start("h"), m.end("h"), 0.6, "attributed-handle")
    for handle in posters:  # the thread's replies name them again ("quincyquahog yes but")
        for m in re.finditer(rf"(?<![\w@.]){re.escape(handle)}(?![\w])", text):
            yield Finding("HANDLE", m.start(), m.end(), 0.7, "attributed-handle")
    cols = shared_columns(text)
    for k in cols.marked(_ATTRIBUTION_CLASS):
        if cols.lows[k] in _PLATFORMS and (k == 0 or cols.lows[k - 1] != "on"):
            continue
        m = ATTRIBUTED_RE.match(text, cols.start(k))
        if m and _handle_like(m.group("h")):
            yield Finding("HANDLE", m.start("h"), m.end("h"), 0.7, "attributed-handle")


# A permissive phone candidate: digits with common separators, 7-15 digits.
_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d\d)?(?:am|pm)", re.IGNORECASE)
#: Where `HANDLE_CUE_RE` can start: its cue words, as they begin a word.
_HANDLE_WORDS = (
    "insta", "ig", "tiktok", "tik tok", "twitter", "snap", "threads", "bluesky", "handle", "user",
    "discord", "reddit", "telegram", "mastodon", "pseudo", "usuari", "nombre de usuari", "utilisat",
)  # fmt: skip
# A story without one of these substrings has no cued handle ("ig" only as a word of its own).
_HANDLE_GATES = tuple(w for w in _HANDLE_WORDS if w != "ig") + ("ig ", "ig:")


def _handle_cue_matches(text: str, low: str) -> Iterator[re.Match[str]]:
    """`HANDLE_CUE_RE.finditer(text)`, trying only where a cue word begins a word."""
    if len(low) != len(text) or (not text.isascii() and any(c in text for c in FOLD_TRAPS)):
        yield from HANDLE_CUE_RE.finditer(text)
        return
    starts = [
        i
        for word in _HANDLE_WORDS
        for i in find_all(low, word)
        if not i or not (text[i - 1].isalnum() or text[i - 1] == "_")
    ]
    yield from matches_at(HANDLE_CUE_RE, text, starts)


def _handles_before_platform(text: str) -> Iterator[Finding]:
    """HANDLE findings for a handle-like word right before "on <platform>" (read from the
    shared tokens: a platform's name after "on")."""
    cols = shared_columns(text)
    lows = cols.lows
    if _PLATFORMS.isdisjoint(cols.low_set()):
        return
    for k in cols.marked(_PLATFORM_CLASS, 2):
        if lows[k - 1] != "on":
            continue
        pos = cols.start(k)
        m = _HANDLE_BEFORE_ON.search(text, max(0, pos - 40), pos)
        if m and _handle_like(m.group("h")):
            yield Finding("HANDLE", m.start("h"), m.end("h"), 0.7, "handle-before-platform")


_DOTTED_LETTERS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?")


def _handle_like(word: str) -> bool:
    """Could `word` be a user name: digits, "_" or "." inside, or no word any word list knows?
    Not initials or an abbreviation with full stops ("a.m.", "e.g.")."""
    if _DOTTED_LETTERS.fullmatch(word):
        return False
    if any(c.isdigit() or c in "_." for c in word.strip(".")):
        return True
    lex = lexicon()
    low = word.lower()
    known = low in lex.ordinary_lower or low in lex.names_lower or lex.is_safe(low)
    return len(low) >= 5 and not known


def find_handles(text: str) -> Iterator[Finding]:
    if "@" in text:
        for m in HANDLE_RE.finditer(text):
            end = strip_trailing(text, m.start(), m.end())
            if end - m.start() >= 3:
                yield Finding("HANDLE", m.start(), end, 0.9, "at-handle")
    low = lowered(text)
    if any(gate in low for gate in _HANDLE_GATES):
        for m in _handle_cue_matches(text, low):
            end = strip_trailing(text, m.start("h"), m.end("h"))
            handle = text[m.start("h") : end]
            explicit = any(sep in text[m.start() : m.start("h")] for sep in (" is", ":", "@", "="))
            if not explicit and handle.isalpha():
                continue  # "Reddit made me..." is no handle
            at_sign = "@" in text[m.start() : m.start("h")]
            if handle.isalpha() and not at_sign and lowercase_word(handle.lower()):
                continue  # "on Reddit: provoked vestibulodynia": a word after the colon
            if _CLOCK.fullmatch(handle):
                continue  # "these threads at 2am": a time
            if end - m.start("h") >= 3 and handle.lower() not in _NOT_HANDLES:
                yield Finding("HANDLE", m.start("h"), end, 0.8, "handle-cue")
    if " on " in low:
        yield from _handles_before_platform(text)
    yield from _attributed_handles(text)
    if "u/" in text:
        for m in REDDIT_RE.finditer(text):
            yield Finding("HANDLE", m.start(), m.end(), 0.9, "reddit-user")
    if "_" in text:
        for m in UNDERSCORED_RE.finditer(text):
            yield Finding("HANDLE", m.start(), m.end(), 0.7, "underscored-handle")
    if "#" in text:
        yield from _discord_tags(text)
