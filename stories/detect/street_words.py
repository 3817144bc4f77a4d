"""Street vocabulary, one table per way a street is written, for every rule that reads
addresses: the name rules (`name_kinds`, `name_phrases`, `name_ordinary`), the address
rules (`places`, `house_numbers`, `counties`), recasing capitals (`recase`,
`recase_context`), widening to a house number (`widen`) and the redaction check
(`stories.leftovers`).  All lists are lowercase.
"""

from __future__ import annotations

from .vocab import words

# Words in a capitalized run that make it a street or place.
STREET_HEADS = words(
    """
    street st road rd avenue ave lane ln drive boulevard blvd way close
    crescent court ct place pl terrace grove gardens square sq hill row
    mews parade walk highway hwy parkway pkwy estate village town city
    county borough heights park trail turnpike
    """
)

# Endings of street names written as one word, Dutch and German ("Hauptstraße",
# "Kalverstraat", "Kevinboulevard"): one table for the name rules (`name_kinds`),
# the address rules (`places`) and widening to a house number (`widen`).
STREET_ENDINGS = (
    "straße", "strasse", "str.", "weg", "gasse", "platz", "laan", "straat", "gracht", "allee", "ring",
    "singel", "dijk", "kade", "dreef", "hof", "boulevard", "plein", "steeg", "pad", "baan", "markt",
    "vej", "gade", "gata", "gatan", "katu", "braut", "stræti", "straeti", "vegur", "veien", "vägen", "vænget",
)  # fmt: skip

# Street types written after the street's name and before the house number
# ("Erzsébet tér 19.", "Király u. 15", "Trenerys gate 232", "Bağdat Caddesi No:214"): Hungarian,
# Nordic, Czech, Turkish.
STREET_WORDS_AFTER = words(
    "utca u. út útja tér körút krt. rkp. köz sor gate gata gaten vei veien veg vegen terrasse gade vej allé "
    "gatan vägen väg ulice nám. náměstí třída caddesi cad. sokak sokağı sk. bulvarı"
)

# Street words that open an address in several languages ("rue de la Paix 5",
# "calle Mayor 3", "ul. Długa 7", "đường số 5"): `places` finds an address after
# them on their own; `widen` also extends a finding back over them.
STREET_WORDS = words(
    """
    rue avenue boulevard chemin allée impasse calle cuesta avenida paseo camino plaza ronda
    via viale piazza corso vicolo largo rua travessa aleja ulica ul. plac osiedle ngõ phố
    đường khóm ấp straße gasse strada incrocio contrada borgo vico rotonda al. os. pl.
    khiaban khiyaban kuche
    """
)
