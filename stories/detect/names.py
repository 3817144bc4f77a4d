"""People, places and facilities named in running text.

Two complementary rules, both over the token columns of `tokens.shared_columns`
(read through `name_words.NameText`, which also answers what a word is):

1. Cue rules (`name_cues`) find names a capital letter cannot reveal: after a
   title ("Dr Young", "nurse kelly"), a relation ("my husband dave", "my
   physio, Anna"), a naming verb ("named Grace", "I'm Hope"), or in "Will and
   I".  Lowercase candidates must be unambiguous gazetteer names; a lowercase
   first name and surname together need no cue (`name_lowercase`).
2. The proper-noun rule (`name_runs`): in a first-person story almost every
   capitalized word that does not start a sentence is a proper noun.  Runs of
   such words are flagged unless they are ordinary words (`name_ordinary`:
   safe vocabulary, everyday words in title case or headings, sentence
   starts that no gazetteer knows).

Each run is then typed (`name_kinds`): facility heads ("Clinic", "Hospital",
or "at Tesco") give FACILITY, street heads or locative cues or the city list
give LOCATION, everything else PERSON.  Recall comes first: unknown proper
nouns are kept.  A name found once marks every other mention of it
(`mentions`, run after all finders).
"""

from __future__ import annotations

from stories.findings import Finding

from .lexicon import lexicon
from .name_cues import find_cue_names
from .name_insurers import find_insurers
from .name_lowercase import find_lowercase_names
from .name_runs import find_runs
from .name_speakers import find_speakers
from .name_words import NameText


def find_names(text: str) -> list[Finding]:
    """PERSON, LOCATION and FACILITY findings from cues and capitalized runs."""
    t = NameText(text, lexicon())
    find_cue_names(t)
    find_lowercase_names(t)
    find_speakers(t)
    find_insurers(t)
    find_runs(t)
    return t.out
