"""YAML front matter for exported stories (Jekyll, Hugo, plain Markdown).

`emit` writes ``---\\n<yaml>---\\n\\n<body>\\n`` with PyYAML's safe dumper
(`yaml.safe_dump` semantics, keys unsorted, Unicode kept, no line folding).
Every string value is a double-quoted YAML scalar on one line (newlines
and other specials become escapes), so no value can end the front matter early (a ``---`` or ``...``
line), start a tag (``!!python/object``), an anchor or alias (``&a``, ``*a``),
a comment (``#``) or an implicit type (``yes``, ``1e3``, ``2024-01-01``).
`emit` checks that ``yaml.safe_load`` gives back exactly the prepared fields
and raises otherwise, so a surprise in the YAML emitter cannot ship.

String values are also made inert for what a site does with them, because
themes differ: Liquid (Jekyll) does not auto-escape, some themes print
``{{ page.title }}`` raw into HTML or attributes, and some Hugo themes run
titles through ``markdownify`` with raw HTML enabled.  `neutralize_value`
therefore normalizes the text and replaces, by visually close characters:

=========  ============  ===============================================
input      becomes       defeats
=========  ============  ===============================================
``{`` `}`  U+FF5B/FF5D   Liquid ``{{ }}``/``{% %}``, Hugo ``{{< >}}``,
                         kramdown ``{: }``/``{:: }``, Nunjucks, MDX
``<`` `>`  U+2039/203A   tags and autolinks when printed unescaped
``"``      U+201C/201D   breaking out of a double-quoted attribute
``'``      U+2019        breaking out of a single-quoted attribute
``](``     ``]（``       a Markdown inline link (``javascript:``)
``]:``     ``]：``       a Markdown reference definition
=========  ============  ===============================================

These are the only characters of a patient's words that the site does not
show exactly as typed (the body is exact, see `stories.sitemarkdown`); the
patient's sign-off page shows the title as the website will write it
whenever the two differ.

Round-trip exactness is for what was written: ``parse(emit(f, b))`` returns
``(prepare_fields(f), b)``.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import yaml

from stories.textnorm import normalize_text

DELIMITER = "---"

_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_REPLACEMENTS = str.maketrans({"{": "\uff5b", "}": "\uff5d", "<": "\u2039", ">": "\u203a", "'": "\u2019"})
_LINK_OPENERS = re.compile(r"\][(:]")
_LINK_REPLACEMENTS = {"](": "]\uff08", "]:": "]\uff1a"}
_OPENING_QUOTE = re.compile(r'(?:^|(?<=[\s(\[\u2014\u2013-]))"')
# Jekyll ends front matter at the first line that is "---" or "...".
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


class _Quoted(str):
    """A string value to be written as a double-quoted YAML scalar."""


# libyaml's C emitter and parser when PyYAML has them (same safe semantics, ~10x faster).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_NO_FOLDING = 2**30  # a line width no value reaches (libyaml wants an int, not inf)


class _Dumper(_SafeDumper):
    """`yaml.SafeDumper` that double-quotes `_Quoted` values."""


_Dumper.add_representer(
    _Quoted, lambda dumper, data: dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style='"')
)


def neutralize_value(value: str) -> str:
    """Return `value` normalized, with template, HTML and link syntax made inert."""
    text = normalize_text(value).translate(_REPLACEMENTS)
    text = _LINK_OPENERS.sub(lambda match: _LINK_REPLACEMENTS[match.group()], text)
    text = _OPENING_QUOTE.sub("\u201c", text)
    return text.replace('"', "\u201d")


def _prepare(value: Any) -> Any:
    if isinstance(value, bool | int) or type(value) is datetime.date:
        return value
    if isinstance(value, str):
        return neutralize_value(value)
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return [neutralize_value(item) for item in value]
    raise TypeError(
        f"front matter values must be str, int, bool, date or list[str], not {type(value).__name__}"
    )


def prepare_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Check keys and value types, and neutralize string values, as `emit` writes them."""
    for key in fields:
        if not isinstance(key, str) or not _KEY.match(key):
            raise ValueError(f"invalid front matter key {key!r}")
    return {key: _prepare(value) for key, value in fields.items()}


def _quote(value: Any) -> Any:
    if isinstance(value, str):
        return _Quoted(value)
    if isinstance(value, list):
        return [_Quoted(item) for item in value]
    return value


def _dump(prepared: dict[str, Any]) -> str:
    text = yaml.dump(
        {key: _quote(value) for key, value in prepared.items()},
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=_NO_FOLDING,
    )
    if _CLOSING.search(text) or yaml.load(text, Loader=_SafeLoader) != prepared:  # noqa: S506
        raise ValueError("front matter did not round-trip; refusing to write it")
    return text


def emit(fields: dict[str, Any], body: str) -> str:
    """Return a Markdown document: YAML front matter of `fields`, then `body`.

    `body` is written as given (it should already be `to_safe_markdown`
    output) followed by one newline.
    """
    return f"{DELIMITER}\n{_dump(prepare_fields(fields))}{DELIMITER}\n\n{body}\n"


def parse(document: str) -> tuple[dict[str, Any], str]:
    """Split a document written by `emit` into ``(fields, body)``, the way Jekyll does."""
    if not document.startswith(DELIMITER + "\n"):
        raise ValueError("document does not start with front matter")
    closing = _CLOSING.search(document, len(DELIMITER) + 1)
    if closing is None:
        raise ValueError("front matter is not closed")
    fields = yaml.load(document[len(DELIMITER) + 1 : closing.start()], Loader=_SafeLoader) or {}  # noqa: S506
    rest = document[closing.end() + 1 :]
    body = rest.removeprefix("\n").removesuffix("\n")
    return fields, body
