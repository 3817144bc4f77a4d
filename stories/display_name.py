"""Redacting the name a story is shown under.

In the title and body a redacted identifier becomes a placeholder ("[name]"),
so the sentence still reads.  The display name is a byline, where "Rachel
[name] from [place]" reads badly and says there was more: there a redaction
removes the words, and a linking word left hanging ("from", "at") goes with
them.  "Rachel Smith from Leeds" with both findings redacted is "Rachel".
"""

from __future__ import annotations

from collections.abc import Iterable

from stories.detect.display_name import LINK_WORDS, WORD
from stories.findings import Finding


def redact_display_name(name: str, findings: Iterable[Finding]) -> str:
    """`name` without the words any of `findings` touches, nor linking words left at its end."""
    spans = [(f.start, f.end) for f in findings]
    kept = [m.group() for m in WORD.finditer(name)
            if not any(s < m.end() and m.start() < e for s, e in spans)]
    while kept and kept[-1].casefold().rstrip(".") in LINK_WORDS:
        kept.pop()
    return " ".join(kept)
