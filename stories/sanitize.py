"""The HTML sanitizing policy, in one place, for two engines.

Patients submit plain text with light Markdown, and their text is stored as
typed: nothing is deleted from it on the way in (a "<" in "if pain<pleasure"
or "I'm <not> okay" is a word, not a tag).  Markup is neutralised by escaping
on output (`stories.markup`, `stories.sitemarkdown`, `stories.frontmatter`, the app's pages).  The only
HTML we ever emit is our own rendered previews (Markdown preview, PII
highlights, diffs), built from escaped text, and `clean_html` passes them
through the `PREVIEW_*` allowlists as a last line of defence.

Public surface:

* `clean_html(html)` - our own preview HTML reduced to the preview policy.

Engines.  ``nh3`` is the default: it wraps ammonia, a maintained Rust
sanitizer built on html5ever (the browser-grade HTML5 parser used by Servo),
and is many times faster than bleach.  ``bleach`` can be selected with
``STORIES_SANITIZER=bleach`` or ``engine="bleach"`` for comparison only: it
is deprecated upstream and receives no further releases, not even security
fixes.  Both engines run exactly the same policy and pass the same tests.
bleach cannot drop element contents by itself, so we remove the tokens of
`CLEAN_CONTENT_TAGS` between its html5lib tree walker and its sanitizer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

import bleach
import nh3
from bleach.html5lib_shim import BleachHTMLParser
from bleach.sanitizer import BleachSanitizerFilter

from stories.config import get_settings

ENGINES: frozenset[str] = frozenset({"nh3", "bleach"})

#: Tags our own previews may contain: what `stories.markup` produces from
#: safe Markdown (paragraphs, emphasis, lists, quotes, h3/h4 headings, rules),
#: PII highlights (`mark`) and diffs (`del`, `ins`, `span`).  No links, no
#: images, no code, no tables, no forms, no embedded content.
PREVIEW_TAGS: frozenset[str] = frozenset(
    {
        "p", "br", "em", "strong", "ul", "ol", "li", "blockquote",
        "h3", "h4", "hr", "mark", "span", "del", "ins",
    }
)  # fmt: skip

#: Attributes allowed per preview tag.  ``class`` is further restricted to
#: tokens matching `CLASS_TOKEN` (our own ``finding-*``/``diff-*`` classes).
PREVIEW_ATTRIBUTES: Mapping[str, frozenset[str]] = {
    "mark": frozenset({"class", "title"}),
    "span": frozenset({"class", "title"}),
}

#: URL schemes allowed in links.  Previews contain no links today; should one
#: ever be allowed it gets `LINK_REL`.
URL_SCHEMES: frozenset[str] = frozenset({"https", "mailto"})
LINK_REL = "nofollow noopener noreferrer ugc"

#: Elements whose content is dropped with the tag: script and style bodies,
#: and the raw-text/fallback elements whose content is markup-as-text.
CLEAN_CONTENT_TAGS: frozenset[str] = frozenset(
    {"script", "style", "template", "iframe", "noembed", "noframes", "noscript", "xmp"}
)

#: A ``class`` attribute survives only if every token matches this.
CLASS_TOKEN = re.compile(r"(?:finding|diff)(?:-[a-z0-9]+)*\Z")


def resolve_engine(engine: str | None = None) -> str:
    """Return `engine`, or the configured one, after checking it is known."""
    name = (engine or get_settings().sanitizer).strip().lower()
    if name not in ENGINES:
        raise ValueError(f"unknown sanitizer engine {name!r}; use one of {sorted(ENGINES)}")
    return name


def allowed_attribute(tag: str, name: str, value: str) -> bool:
    """Whether attribute `name`=`value` may stay on preview tag `tag`."""
    if name not in PREVIEW_ATTRIBUTES.get(tag, ()):
        return False
    if name == "class":
        return all(CLASS_TOKEN.match(token) for token in value.split())
    return True


def _nh3_attribute_filter(tag: str, name: str, value: str) -> str | None:
    return value if allowed_attribute(tag, name, value) else None


def _drop_content(tokens: Iterable[dict], names: frozenset[str]) -> Iterator[dict]:
    """Drop html5lib tokens inside any element of `names`, and the tags themselves."""
    depth = 0
    for token in tokens:
        kind, name = token["type"], token.get("name")
        if name in names and kind == "StartTag":
            depth += 1
        elif name in names and kind == "EndTag":
            depth = max(depth - 1, 0)
        elif depth == 0:
            yield token


def _bleach(fragment: str, tags: frozenset[str]) -> str:
    """bleach with strip=True, plus dropping the content of `CLEAN_CONTENT_TAGS`."""
    cleaner = bleach.Cleaner(tags=tags, attributes=allowed_attribute, protocols=URL_SCHEMES, strip=True)
    # The tokenizer strips disallowed tags early, so let it keep the
    # content-dropping ones for `_drop_content` to see.
    parser = BleachHTMLParser(
        tags=tags | CLEAN_CONTENT_TAGS,
        strip=True,
        consume_entities=False,
        namespaceHTMLElements=False,
    )
    dom = parser.parseFragment(fragment)
    filtered = BleachSanitizerFilter(
        source=_drop_content(cleaner.walker(dom), CLEAN_CONTENT_TAGS),
        allowed_tags=tags,
        attributes=allowed_attribute,
        strip_disallowed_tags=True,
        strip_html_comments=True,
        css_sanitizer=None,
        allowed_protocols=URL_SCHEMES,
    )
    return cleaner.serializer.render(filtered)


def _nh3(fragment: str, tags: frozenset[str]) -> str:
    return nh3.clean(
        fragment,
        tags=set(tags),
        clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes={tag: set(names) for tag, names in PREVIEW_ATTRIBUTES.items() if tag in tags},
        attribute_filter=_nh3_attribute_filter,
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        link_rel=LINK_REL,
    )


def _sanitize(fragment: str, tags: frozenset[str], engine: str | None) -> str:
    if resolve_engine(engine) == "bleach":
        return _bleach(fragment, tags)
    return _nh3(fragment, tags)


def clean_html(fragment: str, engine: str | None = None) -> str:
    """Reduce our own preview HTML to `PREVIEW_TAGS` and `PREVIEW_ATTRIBUTES`."""
    return _sanitize(fragment, PREVIEW_TAGS, engine)
