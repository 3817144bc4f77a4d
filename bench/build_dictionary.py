"""Precompute the detector's dictionary word lists from SCOWL (via Debian's word lists).

Run once, offline, after `bench/build_gazetteers.py`, whenever SCOWL or the name
lists change:

    apt-get download wbritish-large wamerican-large wamerican-huge
    for d in *.deb; do dpkg-deb -x "$d" scowl; done
    .venv/bin/python bench/build_dictionary.py scowl/usr/share/dict

SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson; licence in
`stories/detect/data/SCOWL-COPYRIGHT.txt`) writes proper nouns with their capital
and common words in lower case, which is the one thing word-frequency data cannot
say.  From it this script writes, under `stories/detect/data/`:

- dictionary_words.txt: words of 4+ letters that the British and American "large"
  lists hold only in lower case, that are rarer than Zipf 3 in wordfreq (rarer
  words the rules would otherwise not know: "genitourinary", "neuralgia",
  "interstitial", "psychosexual") and that no name or town list knows.  A
  capitalised one mid-sentence is a word written in title case, not a name.
- capitalised_names.txt: words of the name lists that wordfreq counts as everyday
  English (Zipf >= 3: it counts "Olsen", "Kathleen" and "Gupta" in running text)
  but that no SCOWL list writes in lower case: names, which the runtime takes out
  of its English word sets, so a capital is evidence again.
- proper_nouns.txt: everyday English words by wordfreq (Zipf >= 3) that SCOWL writes
  only with a capital: places, names, brands ("montreal", "leith", "christmas").  Not
  taken out of the word sets (it holds "I'm" and "Monday" too); a rule that reads a
  capitalised word as an everyday one asks it first.
- word_names.txt: everyday English words of the name lists that SCOWL writes both in
  lower case and with a capital ("mike", "grace", "victor", "rose"): words, but names
  too.  Those of the name lists it writes only in lower case ("boss", "winter",
  "patience") are words that a name list happens to hold.
- unlisted_words.txt: everyday English words by wordfreq (Zipf >= 3) that no SCOWL list
  holds in any case: brands, slang, names and foreign words ("tesco", "asda", "innit").
  With `proper_nouns.txt` it tells the runtime which everyday words the dictionary writes
  in lower case ("hallway", "agony"), and so are words even after "in" or "at".
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from stories.detect.lexicon import DATA_DIR, _wordfreq_words, lexicon  # noqa: E402

LISTS = ("british-english-large", "american-english-large")
HUGE = "american-english-huge"  # only to learn which words are also written capitalised


def _read(path: Path) -> set[str]:
    return set(path.read_text(encoding="utf-8").split())


def build(scowl: Path) -> tuple[set[str], set[str], set[str], set[str], set[str]]:
    """(dictionary words, capitalised-only names, proper nouns, word names, unlisted
    words) from the SCOWL lists in `scowl`."""
    large = set().union(*(_read(scowl / name) for name in LISTS))
    every = large | _read(scowl / HUGE)
    lower = {w for w in every if w.islower()}
    capitalised = {w.casefold() for w in every if w[:1].isupper()}
    lex, common = lexicon(), _wordfreq_words("en")
    words = {
        w
        for w in large
        if w.isalpha()
        and w.islower()
        and len(w) >= 4
        and w not in capitalised
        and w not in common
        and w not in lex.names_lower
        and w not in lex.cities_lower
    }
    names = {w for w in common if w in lex.names_lower and w not in lower}
    proper = {w for w in common if w in capitalised and w not in lower}
    word_names = {w for w in common if w in lex.names_lower and w in lower and w in capitalised}
    unlisted = {w for w in common if w.isalpha() and w not in lower and w not in capitalised}
    return words, names, proper, word_names, unlisted


def main() -> None:
    scowl = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict")
    words, names, proper, word_names, unlisted = build(scowl)
    outputs = {
        "dictionary_words.txt": words,
        "capitalised_names.txt": names,
        "proper_nouns.txt": proper,
        "word_names.txt": word_names,
        "unlisted_words.txt": unlisted,
    }
    for name, entries in outputs.items():
        path = DATA_DIR / name
        path.write_text("\n".join(sorted(entries)) + "\n", encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(entries)} entries, {path.stat().st_size:,} bytes")
    copyright_file = scowl.parent / "doc" / "wbritish-large" / "copyright"
    if copyright_file.exists():
        shutil.copy(copyright_file, DATA_DIR / "SCOWL-COPYRIGHT.txt")


if __name__ == "__main__":
    main()
