"""User names and groups as online communities print them, each on a line of its own.

A thread pasted into a story keeps its layout: Mumsnet prints the poster's name alone above
the post ("ConstantlyDecaf⏎⏎Thank you for..."), Instagram a commenter's handle at the start
of the comment ("pelvicphysio.kate Crying at my desk"), Facebook a commenter's first name and
initial alone on a line ("marcus t⏎man this is...") and a group's name above "· Private
group".  No cue word stands before any of them; the line's shape is the cue:

- a line that is one word of two or more capitalised parts ("SleeplessInSplott"), not a
  product's name ("WhatsApp", "YouTube");
- a line opening with lowercase letters joined by dots ("beatrice.delarosa") before the
  comment, which is no web address ("bbc.co.uk is...");
- a line that is a first name and one letter ("lorraine d", "Kristen M.");
- a group's name before "· Private group" or "· Public group";
- a Discord message's header: the poster's display name, a dash and the time it was sent
  ("menoMarge — Today at 04:19", "ashmoth — yesterday at 21:20", "Toast — 14/03/2023 22:43"),
  not a diary's "Monday — 10:30"; a forum's post header ("OldGaffer62 · posted 12 Feb 2024");
- a comment thread's poster in bold before a colon or a dash: a user name's shape
  ("**gracefulat60** —") or a first name with an initial ("**Osvaldo R**:");
- a chat line's sender after the time it was sent, when the sender is shaped like a user name
  (letters or digits joined by a dot, an underscore or a hyphen, letters then digits, or a
  capital inside a word: "ShaniceB"):
  "3/2/24, 9:14 PM - kayla.b: are you", "[22:47] tobi.lifts: and", "10:23 PM — Rhodri.J";
  names of plain letters are the speaker rule's (`name_speakers.py`);
- a line that is lowercase words joined by hyphens, as Tumblr prints a reblogger's name
  above the post ("moss-covered-cryptid", "softboi-soup"), not a compound word alone on a
  line ("follow-up", "self-care"): three parts or more, or a part no dictionary holds;
- the group a chat export came from ("WhatsApp Chat with "Peckham Aunties Zumba 💃🏾"",
  "Exported from "NMTC Korle Bu Class of '01""), less its emoji;
- the community she posts in: a subreddit ("r/CPPS"), a Discord server above a channel
  ("pelvic pain pals › #wins"), after "Guild:" or "Server:", before "(Discord)", or named in
  capitals before "discord" ("the Pelvic Pain Pals discord"), not "the Discord" alone.
"""

from __future__ import annotations

import re

from stories.findings import Finding

from .lexicon import lexicon, lowercase_word
from .vocab import FUNCTION, MONTHS, WEEKDAYS

_CAMEL = re.compile(r"^[ \t]*((?:[A-Z][a-z]+){2,5}\d{0,4})[ \t]*$", re.MULTILINE)
_PRODUCTS = frozenset({
    "YouTube", "WhatsApp", "TikTok", "Facebook", "LinkedIn", "PayPal", "FaceTime", "PowerPoint",
    "GoFundMe", "MyChart", "WebMD", "JobSeeker", "OnlyFans", "SnapChat", "WordPress",
})
_DOTTED = re.compile(r"^((?:[a-z0-9]+\.){1,3}[a-z0-9]+)[ \t]+\S", re.MULTILINE)
_WEB_ENDINGS = (".com", ".org", ".net", ".uk", ".au", ".ca", ".nz", ".ie", ".io", ".co", ".za", ".in", ".ng")
_HYPHENED = re.compile(r"^[ \t]*([a-z][a-z0-9]*(?:-[a-z0-9]+){1,5})[ \t]*$", re.MULTILINE)
_CHAT_TITLE = re.compile(r"(?:WhatsApp [Cc]hat with|[Ee]xported from)[ \t]+[\"“]([^\"”\n]{2,60})[\"”]")
# (not "Aoife x": a kiss)
_NAME_INITIAL = re.compile(r"^[ \t]*([A-Za-z][a-z]{1,15}[ \t]+[A-WYZa-wyz]\.?)[ \t]*$", re.MULTILINE)
_GROUP = re.compile(
    r"^[ \t]*(?:Posted in[ \t]+)?(?!Anonymous )([^\n·]{3,80}?)[ \t]+·[ \t]+(?:Private|Public) group\b",
    re.MULTILINE,
)

# Discord's copied header: a display name (up to 32 characters), " — ", then the day and the
# time: "Today at 04:19", "Yesterday at 9:02 PM" or a full date ("14/03/2023 22:43"); a
# diary's "Physio — 10:30" has no day.
_POSTER = re.compile(
    r"^[ \t]*([^\s\d—–][^\n—–]{0,31}?)[ \t]+[—–][ \t]+"
    r"(?:(?i:today|yesterday)[ \t]+at|\d{1,2}/\d{1,2}/\d{2,4},?)[ \t]+"
    r"\d{1,2}:\d{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]*$",
    re.MULTILINE,
)
# Not a display name: a function word (her own messages' "me — Today at"), a day or a month.
_NOT_POSTERS = FUNCTION | frozenset(WEEKDAYS) | frozenset(MONTHS) | {
    "today", "yesterday", "tonight", "morning", "night"}


# A chat line's time stamp (a date before it optional, in brackets or not), a separator, then
# a sender shaped like a user name, then a colon or the line's end.
_STAMPED = re.compile(
    r"^[ \t]*\[?(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t]?[AaPp]\.?[Mm]\.?)?\]?[ \t]*(?:[-—–][ \t]*)?"
    r"([^\W_][^\W_]*(?:[._-][^\W_]+)+|[^\W\d_]+\d+[^\W_]*|[^\W\d_]*[a-z][A-Z][^\W_]*)(?=[ \t]*(?::|$))",
    re.MULTILINE,
)
# A forum's post header: the poster, a middle dot, then "posted" or "replied" ("OldGaffer62 ·
# posted 12 Feb 2024").
_POSTED = re.compile(r"^[ \t]*([^\s·]{2,32})[ \t]+·[ \t]+(?i:posted|replied|wrote|commented)\b", re.MULTILINE)
# A comment thread's poster in bold before a colon or a dash ("**gracefulat60** — Thank you",
# "**Osvaldo R**: Compadre"): a user name's shape, or a first name (and an initial, or "from"
# a place, which is not kept).
_BOLD_POSTER = re.compile(r"^\*\*([^*\n:]{2,40})\*\*[ \t]*(?::|[—–-][ \t])", re.MULTILINE)
_FIRST_AND_MORE = re.compile(r"([A-Z][a-z'’-]+)(?:[ \t]+[A-Z]\.?|[ \t]+from[ \t]+.+)?")
SUBREDDIT = re.compile(r"(?<![\w/])/?r/[A-Za-z0-9][A-Za-z0-9_]{1,20}\b")
# A Discord server above a channel ("pelvic pain pals › #wins"), after "Guild:" or "Server:",
# or in capitals before "discord" ("the Pelvic Pain Pals discord"; not "the discord" alone).
_SERVER_LINE = re.compile(
    r"^[ \t]*([^\n›#]{3,50}?)[ \t]*›[ \t]*#[\w-]+|^[ \t]*(?:Guild|Server):[ \t]*([^\n]{3,50}?)[ \t]*$",
    re.MULTILINE,
)
_SERVER_BEFORE_DISCORD = re.compile(r"\bthe[ \t]+((?:[A-Z][\w'’&-]*[ \t]+){1,5}?)(?=[Dd]iscord\b)")
_DISCORD_AFTER = re.compile(r"[ \t]+\(Discord\)")


def _server_before_label(text: str, at: int) -> tuple[int, int] | None:
    """The server's name before " (Discord)" at `at`: back to the line's start or a dash
    ("#success-stories — Curved & Unbothered (Discord)"), 3 to 50 characters, no bracket."""
    start = max(text.rfind(sep, 0, at) for sep in ("\n", "—", "–", " - ")) + 1
    while start < at and text[start] in " -\t":
        start += 1
    name = text[start:at]
    return (start, at) if 3 <= len(name) <= 50 and "(" not in name and ")" not in name else None


def find_communities(text: str) -> list[Finding]:
    """FACILITY findings for the communities she posts in: subreddits and Discord servers."""
    found = []
    if "r/" in text:
        found += [Finding("FACILITY", m.start(), m.end(), 0.8, "subreddit") for m in SUBREDDIT.finditer(text)]
    spans = []
    if "›" in text or "Guild:" in text or "Server:" in text:
        spans += [m.span(1) if m.group(1) else m.span(2) for m in _SERVER_LINE.finditer(text)]
    if "iscord" in text:
        spans += [m.span(1) for m in _SERVER_BEFORE_DISCORD.finditer(text)]
        labelled = (_server_before_label(text, m.start()) for m in _DISCORD_AFTER.finditer(text))
        spans += [span for span in labelled if span]
    for start, end in spans:
        end = start + len(text[start:end].rstrip())
        found.append(Finding("FACILITY", start, end, 0.7, "discord-server"))
    return found


def _handle_shaped(token: str) -> bool:
    """Is a hyphenated lowercase token a user name rather than a compound word?"""
    parts = token.split("-")
    return len(parts) >= 3 or not all(p.isalpha() and lowercase_word(p) for p in parts)


def _chat_title(m: re.Match) -> Finding | None:
    """The group name of a chat export's title, less the emoji and spaces after it (None
    when nothing else is left)."""
    name = m.group(1)
    while name and not (name[-1].isalnum() or name[-1] in "')’"):
        name = name[:-1]
    if not re.search(r"\w", name):
        return None
    return Finding("FACILITY", m.start(1), m.start(1) + len(name), 0.7, "chat-title")


def find_handle_lines(text: str) -> list[Finding]:
    """HANDLE, PERSON and FACILITY findings for the line shapes in the module docstring."""
    found = [Finding("HANDLE", m.start(1), m.end(1), 0.6, "handle-line")
             for m in _CAMEL.finditer(text) if m.group(1) not in _PRODUCTS]
    found += [Finding("HANDLE", m.start(1), m.end(1), 0.6, "handle-line")
              for m in _DOTTED.finditer(text) if not m.group(1).endswith(_WEB_ENDINGS)]
    found += [Finding("HANDLE", m.start(1), m.end(1), 0.6, "handle-line")
              for m in _HYPHENED.finditer(text) if _handle_shaped(m.group(1))]
    if "hat with" in text or "xported from" in text:  # (a substring test before the pattern)
        titles = (_chat_title(m) for m in _CHAT_TITLE.finditer(text))
        found += [f for f in titles if f is not None]
    first = lexicon().first
    found += [Finding("PERSON", m.start(1), m.end(1), 0.6, "commenter")
              for m in _NAME_INITIAL.finditer(text) if m.group(1).split()[0].title() in first]
    if ":" in text:
        found += [Finding("HANDLE", m.start(1), m.end(1), 0.6, "poster-header")
                  for m in _POSTER.finditer(text) if m.group(1).lower() not in _NOT_POSTERS]
        found += [Finding("HANDLE", m.start(1), m.end(1), 0.7, "stamped-sender")
                  for m in _STAMPED.finditer(text) if not m.group(1).lower().endswith(_WEB_ENDINGS)]
    if " group" in text:
        found += [Finding("FACILITY", m.start(1), m.end(1), 0.6, "group-name") for m in _GROUP.finditer(text)]
    if "·" in text:
        posted = (m for m in _POSTED.finditer(text) if m.group(1).lower() not in _NOT_POSTERS)
        found += [Finding("HANDLE", m.start(1), m.end(1), 0.6, "poster-header") for m in posted]
    if "**" in text:
        found += [f for f in map(_bold_poster, _BOLD_POSTER.finditer(text)) if f is not None]
    return found + find_communities(text)


def _bold_poster(m: re.Match) -> Finding | None:
    """The poster a bold label names: a user name's shape whole ("gracefulat60"), or a first
    name with its initial ("Osvaldo R"; "Glen" of "Glen from Olds"), or None."""
    label = m.group(1).strip()
    if " " not in label and _handle_shaped(label):
        return Finding("HANDLE", m.start(1), m.start(1) + len(label), 0.6, "bold-poster")
    name = _FIRST_AND_MORE.fullmatch(label)
    if name is None or name.group(1) not in lexicon().first or name.group(1).lower() in _NOT_POSTERS:
        return None
    end = m.start(1) + (name.end() if " from " not in label else name.end(1))
    return Finding("PERSON", m.start(1), end, 0.6, "bold-poster")
