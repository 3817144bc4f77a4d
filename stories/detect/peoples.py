"""Peoples, nations and the places named with them, which identify no one person.

"an Igbo woman", "my Iranian mother", "a Deaf woman", "we are Korean-American": words
for a people, a nation or a faith community, and the continents and countries that go
with them, are never a person's name or a place smaller than a state (`lexicon` reads them
into the safe vocabulary; `name_words` reads a compound of them as one).  Read as
`vocab.DEMONYMS`.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DEMONYMS = _words(
    """
    english british scottish welsh irish american canadian australian
    kiwi indian pakistani nigerian ghanaian kenyan german french dutch
    spanish italian polish portuguese brazilian mexican chinese japanese
    korean vietnamese filipino filipina thai arab arabic muslim christian catholic trini
    jewish hindu sikh buddhist orthodox protestant african asian european
    latina latino latinx hispanic black white western eastern kiwis ugandan ugandans tanzanian zambian
    zimbabwean malawian rwandan ethiopian somali jamaican trinidadian bajan guyanese bangladeshi nepali lanka
    lankan hmong kurd kurds kurdish deaf māori tongan inuit romani pashtun hazara tigrayan kikuyu luo kalenjin
    maasai berber amazigh punjabi pashto khmer cambodian laotian sudanese eritrean yemeni syrian iraqi
    iranian afghan lebanese palestinian egyptian moroccan algerian tunisian cypriot austrian swiss
    malaysian singaporean peruvian chilean colombian venezuelan argentinian cuban dominican puerto rican
    senegalese cameroonian congolese aboriginal indigenous israeli malayali sindhi tamilian
    uk us usa u.s. u.k. eu europe america asia africa australia
    north south east west northern southern midlands
    england scotland wales britain ireland
    """
)
