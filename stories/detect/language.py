"""Which language a story is written in: English, Spanish, French, Portuguese, Italian,
Tagalog (Taglish, mixed with English), Indonesian or Malay, romanised Hindi/Urdu
(Hinglish, `romanised`), German or Dutch (whose capitalised nouns `germanic` reads).

Each language other than English is recognised by its commonest function words
(one table each), which English never uses and which a Spanish name or a French
place in an English story cannot supply: a story is in that language when at
least five of its words, and one word in twelve, are such markers.  The name
rules read a Spanish or French story's everyday words as words
(`name_words.NameText`), and text in capitals is recased with its language's
words (`recase`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import vocab
from .lexicon import language_words, lexicon, rarer_words
from .romanised import HINDI_MARKERS
from .tokens import Columns, word_class

# Not "de", "la", "del": Spanish and Portuguese surnames carry them into English stories.
SPANISH_MARKERS = vocab.words(
    "que el los las por una para pero muy se sus está fue porque cuando como también nos"
)
FRENCH_MARKERS = vocab.words(
    "les des une est pas je avec pour dans qui mais très c'est c’est j'ai j’ai nous vous"
)
# Not the words Portuguese shares with Spanish ("que", "para", "como", "se").
PORTUGUESE_MARKERS = vocab.words(
    "não uma com muito eu ela ele foi também quando meu minha isso você estava em ao depois só já até "
    "pela pelo num numa tinha disse ainda então tudo"
)

# Not the words Italian shares with Spanish or Portuguese ("una", "mi", "per", "come").
ITALIAN_MARKERS = vocab.words(
    "che non il gli della questo anche molto sono ho mio mia è nel alla dalla più però perché stato stata ero"
)

# Tagalog's function words, which Taglish (Tagalog and English mixed, as Filipinos write
# online) keeps even when half its words are English: "ang", "ng", "mga", "sa", "ko", "po".
TAGALOG_MARKERS = vocab.words(
    "ang ng mga sa ko ako siya niya yung kasi lang po naman talaga hindi kami kayo namin ito yan"
)

# Indonesian and Malay share their function words ("yang", "tidak", "saya"); one table and
# one word list for both ("id": `lexicon.language_words`).  Not "di", "ke": Italian has them.
INDONESIAN_MARKERS = vocab.words(
    "yang dan itu dengan untuk tidak ini dari dalam akan pada juga saya karena ada sudah aku tapi "
    "kalau bisa lagi sangat belum boleh tak nak"
)

# German and Dutch: not the words English shares or borrows ("die", "was", "mit", "dat"),
# nor Portuguese's "das".  German writes every noun with a capital ("Krankenkasse",
# "Frauenärztin"), Dutch some: read as the language's words, they are no names.
GERMAN_MARKERS = vocab.words(
    "und ich nicht ist der ein eine auf auch mein meine sich für nach bei wie aber noch wurde habe hatte "
    "dass mir nur schon sehr"
)
DUTCH_MARKERS = vocab.words("het een ik niet maar ook naar bij mijn werd heb hij zij nog voor geen")

# Each language and its markers, in the order a story is tested for them.
MARKERS = (
    ("es", SPANISH_MARKERS), ("fr", FRENCH_MARKERS), ("pt", PORTUGUESE_MARKERS), ("it", ITALIAN_MARKERS),
    ("fil", TAGALOG_MARKERS), ("id", INDONESIAN_MARKERS), ("hi", HINDI_MARKERS), ("de", GERMAN_MARKERS),
    ("nl", DUTCH_MARKERS),
)  # fmt: skip
# The languages other than English the rules know.
FOREIGN = tuple(lang for lang, _ in MARKERS)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# The languages' markers as word classes, in `MARKERS`' order: a story's hits are counted
# over `Columns.marks`, in C.
_MARKER_CLASSES = tuple((lang, word_class(markers)) for lang, markers in MARKERS)
_BY_COLUMNS: dict[int, tuple[Columns, str]] = {}


def columns_language(cols: Columns) -> str:
    """The language of the story whose tokens are `cols`: "es", "fr", "pt", "it", "fil", "id"
    or "hi" for Spanish, French, Portuguese, Italian, Tagalog, Indonesian or Malay, or
    romanised Hindi, else "en"
    (each marker class counted over the shared tokens, in C; worked out once per story)."""
    hit = _BY_COLUMNS.get(id(cols))
    if hit is not None and hit[0] is cols:
        return hit[1]
    n = len(cols.lows)
    hits = ((lang, cols.marks(cls).count(1)) for lang, cls in _MARKER_CLASSES)
    lang = next((lang for lang, count in hits if enough_markers(count, n)), "en")
    if len(_BY_COLUMNS) >= 8:
        _BY_COLUMNS.clear()
    _BY_COLUMNS[id(cols)] = (cols, lang)
    return lang


@lru_cache(maxsize=8)
def story_language(text: str) -> str:
    """The language of `text` as `columns_language` reads it, but counting the words of the
    text itself: the recasing of capitals asks it of a text no rule has split yet (the two
    counts differ on hyphenated words).  Cached: the places rule asks it again for each number
    before a capitalised word of one story."""
    lows = _WORD.findall(text.casefold())
    hits = ((lang, sum(map(markers.__contains__, lows))) for lang, markers in MARKERS)
    return next((lang for lang, count in hits if enough_markers(count, len(lows))), "en")


def story_words(cols: Columns) -> frozenset[str]:
    """The everyday words (Zipf >= 3) of the story's language when that is not English
    ("in piena pandemia" in an Italian story), else none: words, wherever an English rule
    would read them as a town or a district."""
    lang = columns_language(cols)
    return language_words(lang) if lang != "en" else frozenset()


def enough_markers(hits: int, words: int) -> bool:
    """Do `hits` markers among `words` words make a story of that language: at least
    five, and one word in twelve?"""
    return hits >= 5 and hits * 12 >= words


@lru_cache(maxsize=4)
def words_of(lang: str) -> frozenset[str]:
    """The everyday words (Zipf >= 3) of a language other than English that text in
    capitals may write in lower case: no name however common ("Jean", "Ela" keep their
    capital) and no town, unless a small one named by a common word ("crema").  Rarer
    words only with a verb's or an adverb's ending: wordfreq's rarer words hold many
    names and places ("Benimaclet").  Empty for English, whose word knowledge the rules
    already hold."""
    if lang == "en":
        return frozenset()
    lex = lexicon()
    # a small town named by a common word of the language ("Crema") reads as the word;
    # a large one ("Porto") keeps its capital, like every name
    towns = lex.cities_lower - (language_words(lang, 4.0) - lex.large_towns_lower)
    places = towns | lex.names_lower
    endings = _INFLECTIONS.get(lang, ())
    rarer = rarer_words(lang, endings) if endings else ()
    # the language's very commonest words are words whatever a name list says ("che", "mia")
    everyday = frozenset(w for w in (*language_words(lang), *rarer) if w not in places)
    return everyday | language_words(lang, 5.0)


# Endings of verb forms, adverbs and learned nouns and adjectives that names and places
# rarely have: rarer words of the language with them are words too ("recetó",
# "automediqué", "dolían", "pleurais", "pélvico", "dilatadores", "dilatateurs", "agacharme").
_INFLECTIONS = {
    "es": ("ó", "é", "ía", "ían", "aron", "ieron", "aba", "aban", "ábamos", "ando", "iendo", "ándolo",
           "mente", "ados", "adas", "idos", "idas", "ico", "ica", "icos", "icas", "ción", "ciones",
           "dores", "doras", "ista", "istas", "encia", "ancia",
           # an infinitive with its pronoun: "mojarme", "agacharme", "operarse", "decirlo"
           "arme", "erme", "irme", "arse", "erse", "irse", "arlo", "erlo", "irlo", "arnos", "ernos", "irnos"),
    "pt": ("ção", "ções", "ou", "aram", "eram", "ava", "avam", "ando", "endo", "mente", "ados", "adas",
           "ico", "ica", "icos", "icas", "dores", "ista", "ência", "ância"),
    "fr": ("ais", "ait", "aient", "ées", "èrent", "ions", "iez", "ement", "ant", "ique", "iques",
           "teurs", "trices", "isme", "iste", "ence", "ance"),
    "it": ("ato", "ata", "ati", "ate", "ito", "ita", "iti", "avo", "ava", "avano", "ando", "endo", "mente",
           "zione", "zioni", "ico", "ica", "ici", "iche", "ista", "enza", "anza"),
}  # fmt: skip
