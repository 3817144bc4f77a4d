"""Hindi and Urdu written in Latin letters ("Hinglish"), as Indian and Pakistani patients
mix them into English: "periods mein dard normal hai", "41 saal ka hoon".

No maintained word list covers romanised Hindi (wordfreq's Hindi and Urdu lists are in
Devanagari and Arabic script), so these are small hand tables, bounded to the language's
function words and the everyday words of the stories patients write: the markers that
recognise a Hinglish story (`language.MARKERS`), and the words such a story reads as words,
not as names ("hoon", "nahi", "dard"), when `lexicon.language_words("hi")` is asked.
Names stay names: no first name or town is in either table.
"""

from __future__ import annotations

from .vocab import words

# Function words no English text uses (not "main", "the", "to", "me", "par", "hi": English).
HINDI_MARKERS = words(
    """hai hain hoon hun tha thi thhi nahi nahin aur bhi mein ka ki ke ko kya toh yeh woh
    mera meri mere hum aap tum gaya gayi raha rahi kuch bahut abhi phir lekin kyunki hota hoti"""
)

HINDI_WORDS = HINDI_MARKERS | words(
    """haan han theek thik accha acha achha bas itna itni saal sal dard ji beta beti ghar kaam
    baat din raat pata samajh zindagi shaadi sharam dil dost sab koi kaise kaisa kab kahan kyun
    magar pehle baad kabhi hamesha bilkul sirf zyada thoda kam bura naya purana chota bada diya
    liya kiya hua hui hue karta karti karte kar karna karo rakhte rakha ruk jao aao chalo dekho
    suno bolo bola boli kaha pehli baar bina saath wala wali wale mujhe tujhe usko unko humein
    apna apni apne yaar umar ilaaj dawai jayega jayegi ho hogi hoga sakta sakti sakte chahiye
    mat matlab waise vaise isliye phir bhi wahi yahi agar jab tab sirf pareshan pareshani
    takleef dukh khush mushkil aasan jaldi dheere sach jhooth log logon baar baat sun samjha
    samjhi dekha dekhi parh padh likh likha roza namaz dua nuskha nuskhay desi nakhre jaana
    aana raho rahe bolna kehna kehte kehti suna bataya batao puchha poocha wahan yahan"""
)
