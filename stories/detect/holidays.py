"""The holidays the date and name rules know by name, as one regex alternation.

A holiday with its year is a date ("Mother's Day 2023"); without it, only right after
"on" ("on Christmas Eve"); and a holiday named like a person ("Victoria Day") is no
person.  `vocab.HOLIDAYS` is this table; `HOLIDAY_WORDS` the words that gate its scans.
"""

from __future__ import annotations

HOLIDAYS = (
    "Christmas Eve|Christmas Day|Christmas|New Year's Eve|New Year's Day|New Year’s Eve|"
    "New Year’s Day|New Years Eve|Easter Sunday|Easter Monday|Easter|Thanksgiving|"
    "Halloween|Valentine's Day|Valentine’s Day|Valentines Day|Boxing Day|"
    "Mother's Day|Mother’s Day|Mothering Sunday|Father's Day|Father’s Day|Diwali|"
    "Eid|Hanukkah|Passover|Independence Day|Fourth of July|4th of July|July 4th|"
    "Bonfire Night|Labou?r Day|Memorial Day|St\\.? Patrick's Day|St\\.? Patrick’s Day|"
    "Canada Day|Australia Day|Anzac Day|Good Friday|Yom Kippur|Rosh Hashanah|Lunar New Year|"
    "Victoria Day|Remembrance Day|Remembrance Sunday|Veterans Day|Family Day|Heritage Day|"
    "Waitangi Day|Juneteenth|Presidents' Day|Presidents Day|Columbus Day|Martin Luther King Day"
)

# Every holiday above holds one of these words, as a run of letters of its own (a token or
# a part of a joined one, in lowercase), or one of `temporal`'s phrases: the rules that
# read holidays test a story's words against them before they scan.
HOLIDAY_WORDS = frozenset(
    {
        "christmas", "easter", "thanksgiving", "halloween", "valentine", "valentines", "boxing", "mother",
        "mothering", "father", "diwali", "eid", "hanukkah", "passover", "independence", "july", "bonfire",
        "labor", "labour", "memorial", "patrick", "anzac", "yom", "rosh", "victoria", "remembrance",
        "veterans", "waitangi", "juneteenth", "presidents", "columbus", "luther"
    }
)
