"""A UK postcode district standing alone after a town or a place preposition (issue #11):
found; vitamins, cell counts and a whole postcode are not read as one.  Every sentence
here is written for this test, not taken from a corpus."""

from __future__ import annotations

import pytest

from stories.detect.postcode_districts import find_postcode_districts
from tests.detect_prose_util import found


@pytest.mark.parametrize(
    ("text", "district"),
    [("a mother of two, living in Easton, BS5. My English is second language.", "BS5"),
     ("We moved to SE15 last year and the clinic was near.", "SE15"),
     ("I grew up in LS6 near the park.", "LS6")],
)
def test_a_postcode_district_after_a_town_or_a_place_preposition_is_a_place(text: str, district: str) -> None:
    assert ("LOCATION", district) in found(text)


@pytest.mark.parametrize(
    "text",
    ["My bloods were low in B12 and D3.", "Postcode LS6 2AB, flat 3.", "The ST3 segment was fine, they said.",
     "She was in CD4 research for years."],
)
def test_a_vitamin_a_whole_postcode_or_a_code_without_a_place_cue_is_no_district(text: str) -> None:
    assert find_postcode_districts(text) == []
