"""Faiths, their practices and the tongues people mix: words that name no one and no place.

"in Islam my husband's patience is rewarded", "she asked me in Kapampangan", "if you
need somebody to talk to in Kreyòl": after "in" or "from" these read like towns, and a
capital is all they share with one.  The ISO 639 list (`data/languages.txt`) holds the
languages of record; people also write creoles, regional languages and the blends
they speak at home.  A faith's prayers, rites, gatherings and festivals ("until Fajr",
"after the Nikah", "the Langar kitchen", "at the Vishukkani"), the words of greeting and
blessing that Māori, Samoan, Swahili, Jewish and Muslim writers keep in their English
("Kia kaha, koutou", "Alofa atu", "Baruch Hashem", "Wallahi") and the classes people go to
("Zumba") are words in the same way.  Read into the safe vocabulary
(`lexicon.Lexicon.is_safe`).
"""

from __future__ import annotations

from .vocab import words

FAITHS = words(
    """islam christianity catholicism protestantism hinduism sikhism buddhism judaism jainism
    taoism shinto pentecostalism methodism anglicanism orthodoxy sufism"""
)
TONGUES = words(
    """kreyòl kreyol patois patwa creole pidgin taglish spanglish hinglish singlish sheng
    kapampangan ilocano ilokano bisaya cebuano hiligaynon waray sylheti mirpuri pahari
    potwari konkani tulu kutchi marwari bhojpuri tamazight darija"""
)
PRACTICES = words(
    """fajr dhuhr zuhr asr maghrib isha jummah jumma salah salat namaz iftar suhoor sehri taraweeh
    nikah walima umrah hajj ramzan zakat dua langar sangat kirtan ardas vaisakhi baisakhi
    puja pooja aarti navratri onam pongal vishu vishukkani karwa karva chauth rakhi mehndi sangeet
    haldi shaadi baraat satsang bhajan angelus novena evensong vespers shabbat shabbos mikvah
    seder chuseok nowruz zumba bandha asana pranayama sajdah sujood ayurveda agbo oluwa
    alhamdulillah elhamdülillah hamdulillah kına hodja whānau
    wallahi wallah mashallah inshallah insha'allah bismillah subhanallah astaghfirullah ayatul kursi
    hashem tehillim rebbetzin erev pesach davened daven shidduch simcha mazel
    aroha whakamā whakama tamariki mokopuna koha marae hui wairua kaupapa tautoko whaea koutou katoa
    alofa fa'afetai fa'alavelave taualuga lotu umu
    mzee kwani harambee"""
)
