"""One text as the name rules read it: token columns and word classes.

`NameText` holds a story's token columns (`tokens.shared_columns`) and
answers the questions every name rule asks about a word: does it name
nothing (`plain`), is it in a name list (`known`), may it be a name after a
cue (`name_like`), is it no word at all (`unknown_word`), is it very common
(`very_common`).  Rules read tokens by index (token k is `words[k]`,
`lows[k]`...), which is cheaper than building and reading a `Token` per word.
It also collects the findings (`out`) and which tokens are already inside a
PERSON (`taken`), shared by the cue rules and the capitalised-run rules.
"""

from __future__ import annotations

from functools import lru_cache

from stories.findings import Finding

from . import germanic, vocab
from .language import FOREIGN, columns_language
from .lexicon import (
    Lexicon,
    derived_form,
    dictionary_words,
    english_words,
    everyday_words,
    french_common_words,
    french_words,
    inflects,
    language_words,
    lowercase_word,
    spanish_common_words,
    spanish_words,
)
from .tokens import Columns, is_upper, shared_columns

# `plain` answers per lexicon, keyed by word, one dict for sentence starts and
# one for other positions: a token's base, low, cap and upper are functions of
# its word alone (see `tokens.Columns`).  Bounded (entries and word length)
# so that odd input cannot make it grow large.
_PLAIN_CACHES: dict[int, tuple[Lexicon, dict[str, bool], dict[str, bool], dict[str, bool]]] = {}
_PLAIN_CACHE_MAX = 20_000
_PLAIN_WORD_MAX = 32


# Safe words that are names after a strong cue: days and months ("my husband Sunday",
# "my daughter April").
# "my husband Dec", "my bf Jun Wei": days and months a strong cue makes a name.
NAMES_AFTER_CUE = frozenset(vocab.WEEKDAYS) | frozenset(vocab.MONTHS) | {"jan", "dec", "jun", "mar"}



def _everyday_of(lang: str) -> frozenset[str]:
    """A language's everyday words (Zipf >= 3): French's are `french_words`; German's and
    Dutch's `germanic.everyday_words` (their rarer nouns are known by their shape,
    `germanic.noun`)."""
    if lang in germanic.NOUN_LANGUAGES:
        return germanic.everyday_words(lang)
    return french_words() if lang == "fr" else language_words(lang)


def _common_of(lang: str) -> frozenset[str]:
    """A language's very commonest words: Spanish Zipf >= 5.5, the others >= 5."""
    if lang == "es":
        return spanish_common_words()
    return french_common_words() if lang == "fr" else language_words(lang, 5.0)


@lru_cache(maxsize=1)
def _any_common() -> frozenset[str]:
    """The very commonest words of every language other than English together."""
    return frozenset().union(*map(_common_of, FOREIGN))


def _word_compound(lex: Lexicon, low: str) -> bool:
    """Is the hyphenated casefolded word a compound of English words ("down-training",
    "side-lying", "post-nights") or one made an adjective by its last part
    ("headspace-style", "nhs-like")?  A double name holds a name ("mei-ling", "osei-bright")."""
    parts = low.split("-")
    if len(set(parts)) < len(parts):
        return False  # "Jun-Jun", "Jo-Jo": a nickname doubled
    if all(part in vocab.DEMONYMS for part in parts):
        return True  # "Korean-American", "Japanese-Brazilian": peoples, no one person
    if any(part in lex.names_lower or part.title() in lex.large_towns for part in parts):
        return False
    return parts[-1] in _COMPOUND_HEADS or all(
        len(part) >= 2 and (lowercase_word(part) or derived_form(part)) for part in parts
    )


# Last parts that make a compound an adjective: "Headspace-style", "Pinterest-based".
_COMPOUND_HEADS = frozenset(
    {"style", "like", "based", "free", "related", "shaped", "type", "sided", "friendly", "induced", "ish",
     "esque", "level", "approved", "certified", "sized"}
)


def gap_is_space(gap: str) -> bool:
    """Is the gap between two tokens only a space or two (no line break)?"""
    return gap == " " or (gap.strip() == "" and "\n" not in gap and len(gap) <= 2)


def undictionary_word(low: str) -> bool:
    """Is `low` a word the dictionary never writes in lower case, though running text uses
    it often ("becca", "shaz"): after a strong cue a name ("my mate becca")?  Not a function
    word, not a word with English inflections ("lol" has none; "kick" has "kicked")."""
    return (
        len(low) >= 3
        and low.isalpha()
        and low not in vocab.FUNCTION
        and not lowercase_word(low)
        and not inflects(low)
        and not _contraction(low)
    )


def _contraction(low: str) -> bool:
    """Is `low` an English contraction typed without its apostrophe ("dont", "youre", "mams")?"""
    words = english_words()
    return any(low[:-n] + "'" + low[-n:] in words for n in (1, 2) if len(low) > n)


class NameText:
    """The name rules' view of one text (see module docstring)."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        caches = _PLAIN_CACHES.get(id(lex))
        if caches is None or caches[0] is not lex:
            if len(_PLAIN_CACHES) >= 4:
                _PLAIN_CACHES.clear()
            caches = _PLAIN_CACHES[id(lex)] = (lex, {}, {}, {})
        self.plain_at_start, self.plain_inside, self.very_cache = caches[1], caches[2], caches[3]
        cols: Columns = shared_columns(text)
        self.cols = cols
        self.words, self.bases, self.lows = cols.words, cols.bases, cols.lows
        self.caps, self.sents, self.gaps = cols.caps, cols.sents, cols.gaps
        self.n = len(cols.words)
        self.out: list[Finding] = []
        self.taken: set[int] = set()  # token indexes already inside a PERSON

    @property
    def language(self) -> str:
        """The story's language (`language.columns_language`, worked out once per story):
        "es", "fr", "pt", "it", "fil" when enough of its words are that language's commonest
        function words, else "en"."""
        return columns_language(self.cols)

    def foreign_word(self, low: str) -> bool:
        """Is `low` an everyday word of the language the story is written in, when that is
        not English ("la Iglesia", "Le Traitement", "uma fisioterapeuta")?  Spanish reads
        the lexicon's ordinary words, French and Portuguese their Zipf >= 3 words."""
        lang = self.language
        if lang == "en":
            return False
        words = self.lex.ordinary_lower if lang == "es" else _everyday_of(lang)
        return low in words or germanic.noun(lang, low)

    def foreign_common_word(self, low: str) -> bool:
        """Is `low` one of the very commonest words of the story's language, when that is not
        English ("Una", "Elle", "Ela", "sem")?  These are words even where a name list holds
        them."""
        if low not in _any_common():
            return False  # (a set test before the story's language is worked out)
        lang = self.language
        return lang != "en" and low in _common_of(lang)

    def plain(self, k: int) -> bool:
        """A word that names nothing: function word, safe vocabulary, 1 letter, or at a
        sentence start one of the story's language's commonest words.  The answer for the
        word alone is cached across stories; the story's language is asked each time (a
        Spanish story's "Los" must not make "Los Angeles" lose "Los" in the next story)."""
        word = self.words[k]
        cache = self.plain_at_start if self.sents[k] else self.plain_inside
        plain = cache.get(word)
        if plain is None:
            plain = self._plain_uncached(k)
            if len(cache) < _PLAIN_CACHE_MAX and len(word) <= _PLAIN_WORD_MAX:
                cache[word] = plain
        # "Pero Nuria siempre...", "Con Álex": the story's language's commonest words; in
        # German and Dutch anywhere ("mein Mann", "hat Sie"), but no first name ("Thomas")
        return plain or (
            (self.sents[k] or self._noun_capitals(k)) and self.foreign_common_word(self.lows[k])
        )

    def leading_noun(self, k: int) -> bool:
        """Is token k, opening a run of capitalised words in a German or Dutch story, one of
        the language's words before a first name ("Mann" of "mein Mann Thomas"), not the
        head of a club's or a clinic's name ("Kammerchor Loschwitz")?"""
        return (k + 1 < self.n and self.bases[k + 1] in self.lex.first
                and self._noun_capitals(k) and self.lows[k] not in vocab.TITLES
                and (self.plain(k) or germanic.noun(self.language, self.lows[k])))

    def noun_capitals_word(self, k: int) -> bool:
        """Is token k one of the words of a German or Dutch story ("in der Küche", "im
        Keller"): not a name, not a large town, where a place's cue proves nothing?"""
        return (self._noun_capitals(k) and self.foreign_word(self.lows[k])
                and not self.lex.is_name(self.bases[k]))

    def _noun_capitals(self, k: int) -> bool:
        """Is the story in a language that writes nouns with a capital (German, Dutch), and
        token k no large town there, and no first name unless one of the language's very
        commonest words ("Mal", "Sie": names elsewhere)?"""
        base = self.bases[k]
        if self.language not in germanic.NOUN_LANGUAGES or base in self.lex.large_towns:
            return False
        return base not in self.lex.first or self.lows[k] in language_words(self.language, 5.5)

    def _plain_uncached(self, k: int) -> bool:
        base, low = self.bases[k], self.lows[k]
        if len(base) < 2 or self.lex.is_safe(base):
            return True
        if "-" in low and _word_compound(self.lex, low):
            return True  # "Headspace-style", "Down-Training", "Check-Up": a word, not a double name
        if len(low) >= 7 and low.endswith(vocab.CLINICAL_ENDINGS) and not self.lex.is_name(base):
            return True  # "Prostatitis", "Internist", "Ginecóloga": clinical words
        if low in vocab.FUNCTION and not (
            self.caps[k] and not self.sents[k] and low in vocab.AMBIGUOUS_NAMES
        ):
            return True
        # An everyday word whose capital proves nothing when shouted ("SO OBVIOUS");
        # sentence starts ("Afterwards") are judged in `name_ordinary.keep_sentence_start`,
        # headings and lone capitalised words in `name_ordinary.ordinary_run`.
        if is_upper(self.words[k]) and (
            self.lex.is_ordinary(base, place_ok=True)
            or low in everyday_words()  # "not EVER", "REAL pain": shouted words (Zipf >= 5)
            or low in spanish_words()  # "no le dije NADA"
            or (  # "REAL pain", but not "JOHN", "HELSINKI"
                low in english_words()
                and base.title() not in self.lex.first
                and base.title() not in self.lex.cities
            )
            or (  # "I was SPIRALLING", "TOTALLY MORTIFIED": a rarer form of a word, no name
                len(low) > 6
                and (derived_form(low) or low in dictionary_words())
                and not self.lex.is_name(base.title())
                and base.title() not in self.lex.cities
            )
        ):
            return True
        return is_upper(self.words[k]) and len(base) <= 6 and not self.lex.is_name(base.title())

    def known(self, k: int) -> bool:
        """Does a name list or the city list know token k (or a part of it)?"""
        base = self.bases[k]
        if self.lex.is_name(base) or base in self.lex.cities:
            return True
        return "-" in base and any(self.lex.is_name(p) for p in base.split("-"))

    def name_like(self, k: int, strong_cue: bool) -> bool:
        """Can token k be a name after a cue?"""
        base, low, cap = self.bases[k], self.lows[k], self.caps[k]
        if len(base) < 2:
            return False
        if self.lex.is_safe(base) and not (strong_cue and cap and self.cue_word(k)):
            return False  # but "our daughter India", "my friend Georgia", "my husband Sunday" are names
        if low in vocab.FUNCTION and not (cap and low in vocab.AMBIGUOUS_NAMES):
            return False
        if cap:
            return True
        if self.lex.strong_name(base):
            return True
        # After a strong cue ("my partner lee", "my flatmate tash", "im gemma") a
        # lowercase word is a name if the name lists know it and it is not a very
        # common word, or if it is no ordinary word at all.
        if len(low) > 5 and low.endswith(("ing", "ed", "ly")) and low not in self.lex.names_lower:
            return False  # "I'm clenching", "I'm exhausted", "I'm honestly": a verb's or adverb's form
        return strong_cue and (
            (low in self.lex.names_lower and low not in everyday_words())
            or self.unknown_word(k)
            or (self._after_relation(k) and undictionary_word(low) and not self.foreign_word(low))
        )  # "my mate becca": after a relation, a word the dictionary writes only with a capital

    def _after_relation(self, k: int) -> bool:
        """Does token k follow a relation word and a plain space ("my mate becca")?"""
        return k > 0 and self.lows[k - 1] in vocab.RELATIONS and self.gaps[k] == " "

    def rare_name_like(self, low: str) -> bool:
        """A lowercase word that is no common word (Zipf < 4), no verb or adjective form
        ("texted", "finally") and not safe vocabulary: after "me and" or before "and I" it
        is a name that word frequencies count as a word ("me and izzy")."""
        return (
            len(low) >= 2
            and low.isalpha()
            and low not in self.lex.very_common_lower
            and low not in vocab.FUNCTION
            and not self.lex.is_safe(low)
            and not inflects(low)
            and not derived_form(low)
            and (low in self.lex.first_lower or not lowercase_word(low))  # "rose", not "stiff"
        )

    def cue_word(self, k: int) -> bool:
        """Is token k a safe word that a strong cue makes a name: a region, a day or a month?"""
        low = self.lows[k]
        return low in self.lex.regions_lower or low in NAMES_AFTER_CUE

    def unknown_capital(self, k: int) -> bool:
        """A title-case word of 4+ letters that no word list knows as a word ("Holroyd")."""
        low, base = self.lows[k], self.bases[k]
        title = base[:1].isupper() and base[1:].islower()
        return len(low) >= 4 and title and self.unknown_word(k) and low not in dictionary_words()

    def unknown_word(self, k: int) -> bool:
        """A lowercase word of 3+ letters that no word list knows ("tash", "bri")."""
        low = self.lows[k]
        return (
            len(low) >= 3
            and low.isalpha()
            and low not in self.lex.ordinary_lower
            and low not in vocab.FUNCTION
            and not self.lex.is_safe(low)
            and not derived_form(low)  # "embarrassingly", "clenching": forms of English words
            and (len(low) < 6 or low not in dictionary_words())  # "scratchy" (not "soph", "tash")
        )

    def very_common(self, base: str) -> bool:
        """`lex.is_ordinary(base, very=True)`, cached per word like `plain`."""
        cache = self.very_cache
        hit = cache.get(base)
        if hit is None:
            hit = self.lex.is_ordinary(base, very=True)
            if len(cache) < _PLAIN_CACHE_MAX and len(base) <= _PLAIN_WORD_MAX:
                cache[base] = hit
        return hit

    def emit_person(self, i: int, j: int, score: float, source: str) -> None:
        """A PERSON finding over tokens i..j-1 (without a final possessive)."""
        start = self.cols.start(i)
        end = self.cols.start(j - 1) + len(self.bases[j - 1])
        self.out.append(Finding("PERSON", start, end, score, source))
        self.taken.update(range(i, j))
