"""Everyday words the word lists miss, which a story can capitalise or a cue can catch.

Four small tables, read into the safe vocabulary (`lexicon.Lexicon.is_safe`), and one read
only where a lowercase word is judged alone:

- `DIALECT`: the Englishes patients write in: Scots ("naebody", "dinnae"), Caribbean
  ("seh", "cyaan", "gwaan"), Australian ("arvo", "doona"), spellings of speech ("sayin"),
  texting ("lol", "tbh", "ngl");
  wordfreq counts few of them and a cue ("the nurse seh it") reads them as names;
- `KINSHIP`: words for relatives in the languages spoken around English ("Masi",
  "Khala"), forms of address like "Mum" that `vocab.ROLES` does not hold ("Bhabhi" and
  "Didi" it does); not those that people carry as names too ("Inna", "Lolo", "Chacha");
- `EPONYMS`: conditions named after a person who is not in the story ("Peyronie's
  disease", "Bartholin's cyst"); only those that are no common surname (those that are,
  `SURNAME_EPONYMS`, stay names, read as conditions only where a possessive stands alone);
- `GREETINGS`: greetings and blessings of the languages patients write around English
  ("Alhamdulillah", "Asante", "Waheguru");
- `LOWERCASE_LOANWORDS`: loan and dialect words that are names too when capitalised
  ("mi deh inna church", but "my friend Inna"; `name_lowercase`).
"""

from __future__ import annotations

from .vocab import FOREIGN_CLOSINGS, words

DIALECT = words(
    """nae naebody naethin naewhere dinnae cannae wasnae hadnae couldnae wouldnae didnae doesnae
    isnae gonnae wantae wumman yer tae greetin tinglin sayin seh sey wid nuh cyaan gwaan
    deh unu pickney arvo arvos doona servo brekkie smoko dunny canny meself mesel mih steups fete pelau
    liming lekker omo summat standin naija aney cuhdear braai poya telt chale nakakahiya
    cabras
    lol lols lmao lmfao omg tbh idk imo imho ngl haha hahaha smh btw fyi irl tho wtf ffs
    ur bf gf bc cuz coz ppl pls plz thx rn omw tmrw tmr yall wk wks hrs yrs appt appts convo convos
    likkle lawd gyal bwoy nuff
    aboot mair hud hame lassie oot masel jist gaun hoose wean weans"""
)
# Dialect and loan words that are names too when capitalised ("mi deh inna church", but "my
# friend Inna"; "desi ghee", but "Desi"): words only as a lone lowercase word is read
# (`name_lowercase`).
LOWERCASE_LOANWORDS = words("inna neva malu desi cher draga adda sabar gaman harambee vida ella")
KINSHIP = words(
    """masi mausi mamu chachi bua phupho phuphi jiji beti khala khalu tayi ayi mammy mammi pawpaw
    kababayan oga sasu saas bhabhi whaea matua koro kuia amma ammi abba tanti mummyji papaji amai
    sahiba sahib aai aaji bestie besties bff wifey hubs"""
)
EPONYMS = words(
    """peyronie peyronie's peyronies crohn crohn's bartholin bartholin's skene skene's asherman
    asherman's hashimoto hashimoto's sjogren sjögren sjogren's sjögren's raynaud raynaud's
    klinefelter klinefelter's behcet behçet behcet's behçet's alzheimer alzheimer's asperger
    asperger's tourette tourette's rokitansky mrkh lyme gleason"""
)
# Conditions named after a doctor whose name is also a common surname ("Parkinson's"): not
# safe words, since the surname stays a name; `possessive_business` reads no firm in them.
SURNAME_EPONYMS = words("parkinson huntington cushing addison graves paget hodgkin wilson reiter down bell")

# Greetings and blessings of the languages patients write around English ("Kia ora koutou",
# "Alhamdulillah", "Sat Sri Akal"): they identify nobody.  (Not "Kia", "Ora", "Tena": given
# names too.)
GREETINGS = words(
    """koutou katoa korua assalamu alaikum salaam salam namaste namaskar vanakkam akal jambo habari
    mabuhay inshallah alhamdulillah mashallah subhanallah bismillah wahala abeg assalam chur
    ngiyabonga siyabonga enkosi jërëjëf jerejef nandri nanri dhanyavad dhanyavaad dhanyabad dhanyawad
    shukriya shukran asante medaase daalu nagode salamat kamsahamnida arigato mahalo dankie tashakor
    tashakur mulțumesc multumesc mzuri karibu shukuru assalam-o-alaikum assalamualaikum walaikum
    waheguru"""
) | FOREIGN_CLOSINGS
