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

# Festivals and holidays the date rules read with their year ("Hogmanay 2021", "Chinese New
# Year 2023") and the name rules never read as a name ("every Chinese New Year", "the
# Hogmanay ceilidh").
FESTIVALS = (
    r"(?i:Christmas(?:\s+Eve|\s+Day)?|Easter|Hogmanay|Diwali|Deepavali|Eid(?:\s+al-\w{4,6})?|Pongal|Onam|"
    r"Navratri|Ramadan|Hanukkah|Chanukah|Passover|Pesach|Purim|Lent|Vaisakhi|Baisakhi|Kwanzaa|Thanksgiving|"
    r"Halloween|Carnival|Carnaval|Navidad|Semana\s+Santa|Mardi\s+Gras|Fat\s+Tuesday|Shrove\s+Tuesday|"
    r"Pancake\s+Day|Songkran|Nowruz|Vesak|Chuseok|Oktoberfest|Juneteenth|Rosh\s+Hashanah|Yom\s+Kippur|"
    r"Sukkot|Durga\s+Puja|Dussehra|Ganesh\s+Chaturthi|Raksha\s+Bandhan|Karva\s+Chauth|Karwa\s+Chauth|Tết|"
    r"New\s+Year(?:'s)?(?:\s+Eve|\s+Day)?|Lunar\s+New\s+Year|Chinese\s+New\s+Year|Tabaski|Phagwah|"
    r"Shōgatsu|Hari\s+Raya|Timket|Meskel|Matariki|NAIDOC|CNY|Crop\s+Over|Kadooment\s+Day|"
    r"Ramadhan|Ramadhani|Ramzan|Sallah|Sankranti|Poson|Avurudu|Dashain|Tihar|Losar|Thingyan|Lebaran|Obon|"
    r"Merry\s+Christmas|Miércoles\s+de\s+Ceniza|Miercoles\s+de\s+Ceniza|Día\s+de\s+los\s+Muertos|"
    r"Dia\s+de\s+los\s+Muertos|Día\s+de\s+Muertos|Dia\s+de\s+Muertos|Día\s+de\s+Reyes|Dia\s+de\s+Reyes|"
    r"Nochebuena|Nochevieja|Santos\s+Populares|Festa\s+Junina|Festas\s+Juninas|Ferragosto|Simbang\s+Gabi|Wigilia|"
    r"Karneval|Fasching|Weihnachten|Sinterklaas|Koningsdag)|Holi"

)

# The festivals' own last words (not "Day", "Eve", "Year"), lowercase: a number right after
# one is its year ("Purim 5783"), no house number.
FESTIVAL_NAMES = (
    "christmas", "easter", "hogmanay", "diwali", "deepavali", "eid", "pongal", "onam", "navratri",
    "ramadan", "hanukkah", "chanukah", "passover", "pesach", "purim", "lent", "vaisakhi", "baisakhi",
    "kwanzaa", "thanksgiving", "halloween", "carnival", "carnaval", "navidad", "songkran", "nowruz",
    "vesak", "chuseok", "oktoberfest", "juneteenth", "hashanah", "kippur", "sukkot", "puja", "dussehra",
    "chaturthi", "bandhan", "chauth", "tết", "holi", "tabaski", "phagwah", "raya", "timket", "meskel",
    "matariki", "naidoc", "cny", "kadooment", "ramadhan", "ramadhani", "ramzan", "sallah", "sankranti",
    "poson", "avurudu", "dashain", "tihar", "losar", "thingyan", "lebaran", "obon", "ceniza", "muertos",
    "reyes", "nochebuena", "nochevieja", "populares", "junina", "juninas", "ferragosto", "gabi", "wigilia",
    "karneval", "fasching", "weihnachten", "sinterklaas", "koningsdag",
)  # fmt: skip

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
