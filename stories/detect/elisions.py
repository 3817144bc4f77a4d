"""French and Italian elided articles before a capital.

"à l'Hôpital Tenon", "chez d'Anne", "all'Ospedale Niguarda": the article is written onto
the name, so a word split that keeps "l'Hôpital" whole hides the capital the name rules
read.  A text holding such an elision is split with `ELIDED_SPLIT_RE`, which leaves the
article in the gap before the word ("l'" then "Hôpital"); every other text keeps the
plain split (`tokens`), so English text pays one search for it.
"""

from __future__ import annotations

import re

_UP = "A-ZÀ-ÖØ-Þ"
_ARTICLES = r"(?:l|d|qu|dell|all|nell|dall|sull|un)"
# An apostrophe before a capital (a literal first, which `re` skips to), then the article
# before it is checked.
_APOSTROPHE_CAPITAL = re.compile(rf"['’][{_UP}]")
_ARTICLE_BEFORE = re.compile(rf"(?<![^\W\d_]){_ARTICLES}$")
# The plain split (`tokens._SPLIT_RE`), except that no word starts at an elided article
# or inside one.
ELIDED_SPLIT_RE = re.compile(
    rf"(?<![^\W\d_])(?!{_ARTICLES}['’][{_UP}])([^\W\d_][^\W\d_]*+(?:['’\-][^\W\d_]++)*+)"
)


def elided(text: str) -> bool:
    """Does `text` hold an elided article right before a capital ("l'Hôpital")?"""
    for m in _APOSTROPHE_CAPITAL.finditer(text):
        if _ARTICLE_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            return True
    return False
