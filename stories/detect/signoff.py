"""The name a story is signed with, on its last line.

Letters and posts end with a signature: "Sincerely,⏎D. M. K.", "Love to you all,⏎MAGS",
or a bare "Dale" under the last paragraph.  No cue word stands before it and a name
there may be an everyday word ("Love,⏎Hope"), so the last line is read on its own:
- a closing may be typed in lower case ("love, Soph x"), and a kin word before the name is
  no part of it ("Aunty H.", "Nana Jo");
- after a closing line that ends in a comma ("Sincerely,", "Love to you all,"), one to
  four capitalised words or initials are a name when one of them is initials, a first
  name, in capitals, or no English word ("Hope", not "A Grateful Patient");
- without one, one to four words or initials are a name only when none is an English
  word form or a very common word ("Dale", but not "Hope." or "Keep going.");
- a texter's "- rach" (a dash, then one lowercase word that is no English word) too, and on
  any line a name or an initial with kisses ("B x", "Ju xx"), not a word ("Love x");
- the signature may stand above the town it was written from or the writer's job
  ("Yours faithfully,⏎G. Partridge⏎Histon, Cambridge"; "...⏎Chartered Accountant");
- a quotation's attribution, on any line: "“Not a Single Leak” — Kristen M., 41";
- a dash is a closing of its own: "— Sushila", and "— Norm" (a word, but no very common
  one); a lone initial under a closing ("Thanks for doing this,⏎T.") is a name, and so is
  a capital and a full stop alone on the last line ("Insistez.⏎⏎G.").
"""

from __future__ import annotations

import re
import unicodedata

from stories.findings import Finding

from . import vocab
from .everyday_extra import GREETINGS
from .lexicon import english_form, lexicon, lowercase_word

_MAX_LINE = 40
# Initials ("D.", "D.M.K.") or a capitalised word (any script, inner hyphen or apostrophe).
_PART = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
_TRAIL = " \t.!-–—xX"
# Emoji and flags after a signature ("S. 🤍", "JJ 🇨🇴"): symbols, joiners, variation selectors.
_EMOJI = frozenset({"So", "Sk", "Cf", "Mn"})


def _last_line(text: str, limit: int | None = None) -> tuple[int, int, int]:
    """(start, end) of the last non-empty line (before `limit`) without trailing kisses,
    dots and emoji, and the end of the line before it (-1 if none)."""
    end = len(text[:limit].rstrip())
    start = text.rfind("\n", 0, end) + 1
    while end > start and (text[end - 1] in _TRAIL or unicodedata.category(text[end - 1]) in _EMOJI):
        end -= 1
    prev_end = len(text[: max(start - 1, 0)].rstrip()) if start else -1
    return start, end, prev_end


def _parts(line: str) -> list[str] | None:
    """The line's words if it is only 1-4 capitalised words or initials, else None."""
    parts = _PART.findall(line)
    if not 1 <= len(parts) <= 4 or "".join(parts) != "".join(line.split()):
        return None
    if not all(p[0].isupper() for p in parts):
        return None
    return parts


def _name_on_its_own(part: str) -> bool:
    """Can this signature word be a name with no closing line before it?"""
    if part.endswith("."):
        return True  # initials
    low = part.casefold()
    lex = lexicon()
    if low in lex.very_common_lower:
        return False
    if part.title() in lex.first:
        return True
    return not english_form(low)


def _name_after_closing(part: str) -> bool:
    """Can this word of a line under "Sincerely," be a name: initials, a first name, a
    word in capitals, a short word the dictionary does not write in lowercase ("Ju") or a
    word that is no English word form?"""
    if part.endswith(".") or part.isupper() and len(part) > 1:
        return True
    low = part.casefold()
    short = len(low) < 4 and not lowercase_word(low)  # "Beijos, Ju": no word the dictionary writes
    return part.title() in lexicon().first or short or not english_form(low)


# A quotation's attribution on its own line, as testimonial pages print them: "— Aisha K.,
# Leslieville", "“Not a Single Leak” — Kristen M., 41": a dash, a name, then an age or a
# place (or both) after commas.
_ATTRIBUTION = re.compile(
    r"^[ \t]*(?:[“\"][^”\"\n]{1,120}[”\"][ \t]*)?[—–][ \t]*"
    r"(?P<name>[A-Z][\w'’-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]+)){0,2})"
    r"(?P<rest>(?:,[ \t]+(?:1[3-9]|[2-9]\d|[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})){1,2})[ \t]*$",
    re.MULTILINE,
)
_REST_PART = re.compile(
    r",[ \t]+(?:(?P<age>1[3-9]|[2-9]\d)|(?P<place>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}))"
)

_REST_KINDS = {"age": ("AGE", "signature-age"), "place": ("LOCATION", "signature-place")}


def _attributions(text: str) -> list[Finding]:
    """PERSON, AGE and LOCATION findings for the attribution lines of quotations (`_ATTRIBUTION`)."""
    out = []
    for m in _ATTRIBUTION.finditer(text) if "—" in text or "–" in text else ():
        first = m.group("name").split()[0]
        if lowercase_word(first.casefold()) and first not in lexicon().first:
            continue  # "— Worried Amai, Midlands": an advice column's pen name
        out.append(Finding("PERSON", m.start("name"), m.end("name"), 0.6, "signature"))
        for part in _REST_PART.finditer(text, m.start("rest"), m.end("rest")):
            group = "age" if part.group("age") else "place"
            kind, source = _REST_KINDS[group]
            out.append(Finding(kind, part.start(group), part.end(group), 0.5, source))
    return out


def find_signoff(text: str) -> list[Finding]:
    """A PERSON finding for a signature on the story's last line, if there is one, and a
    LOCATION for a place written after it ("K. Adeyemi-Shaw, East Dulwich"); and the
    attribution lines of quotations ("— Aisha K., Leslieville")."""
    return _last_line_signature(text) + _attributions(text) + _kissed(text)


# A line that is a name (or an initial) and kisses, anywhere: an email chain's "B x", "Ju xx".
_KISSED = re.compile(r"^[ \t]*([A-Z][a-z]{0,12})[ \t]+[xX]{1,4}[ \t]*$", re.MULTILINE)


def _kissed(text: str) -> list[Finding]:
    """PERSON findings for the names signed with kisses on lines of their own ("B x"), not an
    English word ("Love x", "Thanks xx")."""
    if " x" not in text and " X" not in text:
        return []
    return [Finding("PERSON", m.start(1), m.end(1), 0.6, "signature") for m in _KISSED.finditer(text)
            if len(m.group(1)) == 1 or not lowercase_word(m.group(1).lower())]


def _last_line_signature(text: str) -> list[Finding]:
    """The findings of `find_signoff` on the story's last line, or on the line above a
    last line that names a place ("Yours faithfully,⏎G. Partridge⏎Histon, Cambridge")."""
    start, end, prev_end = _last_line(text)
    if prev_end > 0 and end - start <= _MAX_LINE and _parts(text[start:end].replace(",", " ")):
        _, _, above_prev = _last_line(text, start)
        above = _signature_line(text, start)
        closed = above_prev > 0 and text[above_prev - 1] == ","  # under "Yours faithfully,"
        if closed and above and all(f.kind == "PERSON" and f.source == "signature" for f in above):
            if all(english_form(w.casefold()) for w in _PART.findall(text[start:end])):
                return above  # "K. A. Dinesh Perera⏎Chartered Accountant": a job under the name
            return [*above, Finding("LOCATION", start, end, 0.5, "signature-place")]
    return _signature_line(text)


def _signature_line(text: str, limit: int | None = None) -> list[Finding]:
    """The findings of a signature on the last line before `limit` (the story's end)."""
    start, end, prev_end = _last_line(text, limit)
    if _NOTE.match(text, start) and start > 0:
        start, end, prev_end = _last_line(text, start)  # the signature above "(You can use my name.)"
    if end <= start or end - start > _MAX_LINE:
        return []
    comma = text.find(", ", start, end)
    closing = _CLOSING.match(text, start, end)
    if closing:  # "Signed, M. R. Ashdown", "Love, Bea": the closing and the name on one line
        comma_end = text.rfind(",", start, closing.end()) + 1
        return _signature(text, closing.end(), end, comma_end)
    if comma > start:
        name = _signature(text, start, comma, prev_end)
        rest = _AGE_THEN.match(text, comma + 2, end)  # "Simran, 29, Harrow"
        after = rest.end() if rest else comma + 2
        place = _parts(text[after:end])
        if name and place:
            age = [Finding("AGE", rest.start(1), rest.end(1), 0.6, "signature-age")] if rest else []
            return [*name, *age, Finding("LOCATION", after, end, 0.5, "signature-place")]
    return _signature(text, start, end, prev_end)


_AGE_THEN = re.compile(r"(1[3-9]|[2-9]\d), ")
# A note or postscript after the signature: "(You can use my first name.)", "P.S. thank you".
_NOTE = re.compile(r"[(\[]|P\.?S\b", re.IGNORECASE)
# A closing word, its comma and the name on the same line.
_CLOSING = re.compile(
    rf"(?i:{'|'.join(sorted(w for w in vocab.CLOSINGS if len(w) > 2))})"
    r"(?: [a-z]+){0,2},[ \t]+"
)


_TITLE = re.compile(
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Rev|Pastor|Deacon|Fr|Father|Sister|Imam"
    r"|Aunty|Auntie|Aunt|Uncle|Nana|Nan|Gran|Granny|Grandma|Grandad|Grandpa)\.?[ \t]+"
)  # (and the kin words a grandmother signs with: "Aunty H.", "Nana Jo")
_DASHED = re.compile(r"[-–—~][ \t]*([a-z][a-z'’-]{1,20})")
_DASH = re.compile(r"[-–—~][ \t]*(?=[^\W\d_])")


def _signature(text: str, start: int, end: int, prev_end: int) -> list[Finding]:
    """The PERSON finding for text[start:end] as a signature, or none."""
    dashed = _DASHED.fullmatch(text, start, end)
    if dashed and _name_on_its_own(dashed.group(1)):
        return [Finding("PERSON", dashed.start(1), dashed.end(1), 0.6, "signature")]  # "- rach"
    dash = _DASH.match(text, start, end)
    if dash:  # "— Sushila", "- Dec": a dash before a name is a closing of its own
        start, prev_end = dash.end(), dash.end()
    title = _TITLE.match(text, start, end)
    if title and title.end() < end:
        start = title.end()  # "Mrs Helen Ashworth": the name, without its title
    parts = _parts(text[start:end])
    if parts is None or all(p.casefold() in GREETINGS for p in parts):
        return []  # ("Assalam-o-Alaikum.", "Mahalo": a blessing, no name)
    closing = prev_end > 0 and text[prev_end - 1] in ",-–—~ "
    # "T." alone on the last line: an initial, with or without a closing above it.
    closing = closing or (len(parts) == 1 and len(parts[0]) == 1 and text[end : end + 1] == ".")
    if not closing and not all(_name_on_its_own(p) for p in parts):
        return []
    initial = len(parts) == 1 and len(parts[0]) == 1  # "T" (its full stop trimmed) under "Thanks,"
    common = lexicon().very_common_lower
    named = initial or dash is not None and all(p.casefold() not in common for p in parts)
    if closing and not named and not any(_name_after_closing(p) for p in parts):
        return []  # "Yours sincerely,⏎A Grateful Patient", "Anonymous"; but "— Norm"
    return [Finding("PERSON", start, end, 0.6, "signature")]
