"""People, places and facilities named in running text.

Two complementary rules, both over the token columns of `tokens.shared_columns`:

1. Cue rules find names a capital letter cannot reveal: after a title ("Dr
   Young", "nurse kelly"), a relation ("my husband dave", "my physio, Anna"),
   a naming verb ("named Grace", "I'm Hope"), or in "Will and I".  Lowercase
   candidates must be unambiguous gazetteer names.
2. The proper-noun rule: in a first-person story almost every capitalized word
   that does not start a sentence is a proper noun.  Runs of such words are
   flagged unless every word is in the safe vocabulary (clinical terms, family
   roles, months, countries, states...).  Sentence-initial words count only
   when a gazetteer knows them and they are not everyday English words.

Each run is then typed: facility heads ("Clinic", "Hospital", or "at Tesco")
give FACILITY, street heads or locative cues or the city list give LOCATION,
everything else PERSON.  Recall comes first: unknown proper nouns are kept.
"""

from __future__ import annotations

from itertools import compress

from stories.findings import Finding

from . import cues, vocab
from .lexicon import Lexicon, english_words, everyday_words, lexicon
from .tokens import Columns, is_upper, shared_columns

_SHORT_TITLES = frozenset({"dr", "mr", "mrs", "ms", "prof"})
_DOT_TITLES = frozenset({"st", "dr", "mt", "ft", "mr", "mrs", "ms", "prof", "jr"})
_JOINING_GAPS = frozenset({" & ", " and ", "-", ", "})
_AND = frozenset({"and", "&"})
# Particles that are also articles or prepositions in running Spanish, French, Italian
# text: they join a name ("María de la Cruz") but do not start one.
_ARTICLES = frozenset({"de", "del", "el", "la", "le", "da", "di", "du", "al", "y", "della", "das", "dos"})


# Words right before a region's name that make it a person's: "our daughter India", "Dr Georgia".
_REGION_NAME_CUES = cues.RELATIONS | cues.NAMING | vocab.TITLES


def _gap_is_space(gap: str) -> bool:
    return gap == " " or (gap.strip() == "" and "\n" not in gap and len(gap) <= 2)


def _joinable(prev_low: str, gap: str, cap: bool, sent_start: bool) -> bool:
    """May a token (`gap`, `cap`, `sent_start`) continue a capitalized run whose
    last token is `prev_low`?"""
    if _gap_is_space(gap) or gap in _JOINING_GAPS:
        return gap not in (" and ", ", ") or (cap and not sent_start)
    return gap.startswith(".") and gap.strip(" .") == "" and "\n" not in gap and prev_low in _DOT_TITLES


# `_plain` answers per lexicon, keyed by word, one dict for sentence starts and
# one for other positions: a token's base, low, cap and upper are functions of
# its word alone (see `tokens.Columns`).  Bounded (entries and word length)
# so that odd input cannot make it grow large.
_PLAIN_CACHES: dict[int, tuple[Lexicon, dict[str, bool], dict[str, bool], dict[str, bool]]] = {}
_PLAIN_CACHE_MAX = 20_000
_PLAIN_WORD_MAX = 32


class _Scanner:
    """The name rules over one text.  Tokens are read from `tokens.Columns`
    lists by index (token k is `words[k]`, `lows[k]`...), which is cheaper
    than building and reading a `Token` per word."""

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

    # -- word classes -------------------------------------------------
    def _plain(self, k: int) -> bool:
        """A word that names nothing: function word, safe vocabulary, 1 letter."""
        word = self.words[k]
        cache = self.plain_at_start if self.sents[k] else self.plain_inside
        plain = cache.get(word)
        if plain is None:
            plain = self._plain_uncached(k)
            if len(cache) < _PLAIN_CACHE_MAX and len(word) <= _PLAIN_WORD_MAX:
                cache[word] = plain
        return plain

    def _plain_uncached(self, k: int) -> bool:
        base, low = self.bases[k], self.lows[k]
        if len(base) < 2 or self.lex.is_safe(base):
            return True
        if low in vocab.FUNCTION and not (
            self.caps[k] and not self.sents[k] and low in vocab.AMBIGUOUS_NAMES
        ):
            return True
        # An everyday word whose capital proves nothing when shouted ("SO OBVIOUS");
        # sentence starts ("Afterwards") are judged in `_keep_sentence_start`,
        # headings and lone capitalised words in `_classify`.
        if is_upper(self.words[k]) and self.lex.is_ordinary(base, place_ok=True):
            return True
        return is_upper(self.words[k]) and len(base) <= 6 and not self.lex.is_name(base.title())

    def _known(self, k: int) -> bool:
        base = self.bases[k]
        if self.lex.is_name(base) or base in self.lex.cities:
            return True
        return "-" in base and any(self.lex.is_name(p) for p in base.split("-"))

    def _name_like(self, k: int, strong_cue: bool) -> bool:
        """Can token k be a name after a cue?"""
        base, low, cap = self.bases[k], self.lows[k], self.caps[k]
        if len(base) < 2:
            return False
        if self.lex.is_safe(base) and not (strong_cue and cap and low in self.lex.regions_lower):
            return False  # but "our daughter India", "my friend Georgia" are names
        if low in vocab.FUNCTION and not (cap and low in vocab.AMBIGUOUS_NAMES):
            return False
        if cap:
            return True
        if self.lex.strong_name(base):
            return True
        # After a strong cue ("my partner lee", "my flatmate tash", "im gemma") a
        # lowercase word is a name if the name lists know it and it is not a very
        # common word, or if it is no ordinary word at all.
        return strong_cue and (
            (low in self.lex.names_lower and low not in everyday_words()) or self._unknown_word(k)
        )

    def _unknown_word(self, k: int) -> bool:
        """A lowercase word of 3+ letters that no word-frequency list knows ("tash", "bri")."""
        low = self.lows[k]
        return (
            len(low) >= 3
            and low.isalpha()
            and low not in self.lex.ordinary_lower
            and low not in vocab.FUNCTION
            and not self.lex.is_safe(low)
        )

    # -- cue rules ----------------------------------------------------
    def _cue(self, i: int) -> int:
        """0: no cue, 1: weak cue (lowercase needs strong name), 2: strong cue."""
        lows, gaps = self.lows, self.gaps
        n = self.n
        p1 = lows[i - 1] if i >= 1 else None
        p2 = lows[i - 2] if i >= 2 else None
        p3 = lows[i - 3] if i >= 3 else None
        gap = gaps[i]
        if p1 is not None and "\n" not in gap and len(gap) <= 4:
            if p1 in vocab.TITLES and (self.caps[i - 1] or self.caps[i] or p1 in _SHORT_TITLES):
                return 2
            if (
                p1 in cues.RELATIONS
                and p2 is not None
                and (p2 in cues.POSSESSIVES or (p2 in cues.REL_ADJ and p3 in cues.POSSESSIVES))
            ):
                return 2
            if p1 in cues.NAMING or (p2 is not None and (p2, p1) in cues.NAMING_PAIRS):
                return 2
            if p1 == "and" and p2 == "me":
                return 2
        if i + 2 < n and lows[i + 1] in _AND and lows[i + 2] in cues.PAIR_NEXT:
            return 2
        if i + 2 < n and lows[i + 2] in cues.PAIR_NEXT and gaps[i + 1].strip() == "&":
            return 2
        if p1 is not None and p1 in cues.WEAK_PREV:
            return 1
        return 0

    def _extend(self, i: int) -> int:
        """Index one past the last token of a name starting at token i.

        A name written in lowercase ("sarah jones", "tom o'brien") goes on
        over lowercase words that are unambiguous names, so redacting it
        never leaves the surname behind.
        """
        n, gaps, caps, words, lows = self.n, self.gaps, self.caps, self.words, self.lows
        lower = not caps[i]
        j = i + 1
        while j < n and _gap_is_space(gaps[j]):
            if words[j - 1].endswith(("'s", "’s")):
                break
            if caps[j] and not self._plain(j):
                j += 1
                continue
            if lower and not caps[j] and words[j] == self.bases[j] and self.lex.strong_name(words[j]):
                j += 1
                continue
            if lows[j] in vocab.PARTICLES and j + 1 < n and caps[j + 1] and _gap_is_space(gaps[j + 1]):
                j += 1
                continue
            break
        return j

    def cue_names(self) -> None:
        lex = self.lex
        lows, caps, sents, bases = self.lows, self.caps, self.sents, self.bases
        n = self.n
        # Only tokens right after a cue word or two before "I"/"me" can be
        # cue names: find those indexes with C-level passes over the words.
        cands = {k + 1 for k in compress(range(n - 1), map(cues.CUE_PREV.__contains__, lows))}
        cands.update(k - 2 for k in compress(range(2, n), map(cues.PAIR_NEXT.__contains__, lows[2:])))
        i = 0
        for c in sorted(cands):
            if c < i:
                continue  # inside a name already emitted
            i = c
            cap = caps[i]
            region = cap and not sents[i] and lows[i] in lex.regions_lower
            if cap and not sents[i] and not (region and lows[i - 1] in _REGION_NAME_CUES):
                continue  # the proper-noun rule will see it (it drops regions: "my daughter India" not)
            low = lows[i]
            if not (
                cap
                or low in lex.names_lower
                or (low not in lex.ordinary_lower and self._unknown_word(i))
                or low in vocab.PARTICLES
                or (not low.isascii() and bases[i].casefold() in lex.names_lower)  # "ſ" folds to "s"
            ):
                continue  # no cue can make this word a name (see `_name_like`)
            cue = self._cue(i)
            ok = False
            if cue == 2:
                ok = self._name_like(i, True) or (low in vocab.PARTICLES and i + 1 < n and caps[i + 1])
            elif cue == 1:
                ok = not cap and lex.strong_name(bases[i])
            if ok:
                j = self._extend(i)
                self._emit_person(i, j, 0.8 if cue == 2 else 0.6, "name-cue")
                i = j

    def _emit_person(self, i: int, j: int, score: float, source: str) -> None:
        start = self.cols.start(i)
        end = self.cols.start(j - 1) + len(self.bases[j - 1])
        self.out.append(Finding("PERSON", start, end, score, source))
        self.taken.update(range(i, j))

    # -- proper-noun runs --------------------------------------------
    def _keep_sentence_start(self, i: int, run_len: int) -> bool:
        low, base = self.lows[i], self.bases[i]
        if low in vocab.FUNCTION or self.lex.is_safe(base):
            return False
        if self.lex.is_common(base):
            return False
        lex = self.lex
        # An everyday word (word-frequency data) opening a sentence is a word,
        # whatever the name lists say ("Hoy nuestra...", "Some Women Just...").
        everyday = (
            low in lex.ordinary_lower
            and base not in lex.cities
            and (not lex.strong_name(base) or low in everyday_words())  # "Que", "Una" in Spanish
        )
        if run_len >= 2 or self.words[i] != base:  # "Loxeju's patience"
            # "José María from my group": a name follows, so the run is a full name
            return not everyday or (run_len >= 2 and self.lex.is_name(self.bases[i + 1]))
        # An unknown word opening a sentence is a name if a person-verb follows.
        verb = i + 1 < self.n and self.lows[i + 1] in cues.PERSON_VERBS and _gap_is_space(self.gaps[i + 1])
        if everyday and (not verb or (low in lex.very_common_lower and base not in lex.first)):
            return False  # "Pain was...": a very common word that is no first name
        if low.endswith("ing") and not verb:  # "Reading other stories..." is a verb here
            return False
        return verb or self.lex.strong_name(base) or base in self.lex.cities

    def runs(self) -> None:
        n, lows, caps, sents, gaps, taken = self.n, self.lows, self.caps, self.sents, self.gaps, self.taken
        particles = vocab.PARTICLES
        # A run starts at a capitalized word or at a particle ("van den Berg").
        starts = list(compress(range(n), caps))
        if not particles.isdisjoint(lows):  # a cheap test first: particles are rare
            starts = sorted({*starts, *compress(range(n), map(particles.__contains__, lows))})
        i = 0
        for c in starts:
            if c < i:
                continue
            i = c
            if not caps[i] and lows[i] in _ARTICLES:
                continue  # "en el Hospital", "soy de Caballito": the name starts after the article
            if not caps[i] or i in taken:
                k = i
                while k < n and lows[k] in particles and not caps[k] and k - i < 3:
                    k += 1
                if (
                    i in taken
                    or k == i
                    or not (
                        k < n
                        and caps[k]
                        and _gap_is_space(gaps[k])
                        and k not in taken
                        and lows[k] not in vocab.FUNCTION
                    )
                ):
                    continue
            j = i + 1
            comma = False
            while j < n and j not in taken:
                if caps[j] and (_joinable(lows[j - 1], gaps[j], True, sents[j]) or self._after_initial(j)):
                    comma = comma or gaps[j] == ", "
                elif not (lows[j] in particles and not caps[j] and j + 1 < n and caps[j + 1]) and not (
                    comma and lows[j] in cues.FIRM_JOINERS and j + 1 < n and caps[j + 1]
                ):
                    break
                j += 1
            # allow particles inside a run: "van den Berg", "Newcastle upon Tyne"
            while j + 1 < n and lows[j] in particles and _gap_is_space(gaps[j]):
                k = j
                while k < n and lows[k] in particles and _gap_is_space(gaps[k]):
                    k += 1
                if k < n and caps[k] and _gap_is_space(gaps[k]) and k not in taken:
                    j = k + 1
                    while (
                        j < n
                        and caps[j]
                        and j not in taken
                        and _joinable(lows[j - 1], gaps[j], True, sents[j])
                    ):
                        j += 1
                else:
                    break
            self._classify(i, j)
            i = j

    def _very_common(self, base: str) -> bool:
        """`lex.is_ordinary(base, very=True)`, cached per word like `_plain`."""
        cache = self.very_cache
        hit = cache.get(base)
        if hit is None:
            hit = self.lex.is_ordinary(base, very=True)
            if len(cache) < _PLAIN_CACHE_MAX and len(base) <= _PLAIN_WORD_MAX:
                cache[base] = hit
        return hit

    def _lone_everyday(self, base: str) -> bool:
        """A capitalised word alone mid-sentence that is an everyday word (Zipf >= 3)
        no name list knows: "a Gamble", "more Lubricant", "an Ordeal"."""
        if not base[1:].islower():
            return False  # "McAllister", "DeShawn": the shape of a name
        return base.casefold() in english_words() and self.lex.is_ordinary(base)

    def _after_initial(self, j: int) -> bool:
        """Is token j a surname after a middle initial ("Margaret A. Tolley", "Peter T. Pacik")?"""
        k = j - 1
        word = self.words[k]
        return (
            len(word) == 1
            and word != "I"
            and word.isupper()
            and self.gaps[j] == ". "
            and k >= 1
            and self.caps[k - 1]
            and len(self.words[k - 1]) > 1
            and self.gaps[k] == " "
            and self.lows[j] not in vocab.FUNCTION
            and not self._very_common(self.bases[j])
        )

    def _heading(self, i: int, j: int) -> bool:
        """Is the run i..j a whole line (a heading), or a line's start before a colon?"""
        gaps = self.gaps
        starts_line = i == 0 or "\n" in gaps[i] or (i == 1 and not gaps[0].strip(" #*\t"))
        ends_line = j >= self.n or "\n" in gaps[j] or gaps[j].startswith(":")
        return starts_line and ends_line

    def _classify(self, i: int, j: int) -> None:
        lex = self.lex
        lows, bases, words = self.lows, self.bases, self.words
        plain = self._plain
        if j == i + 1:  # fast path for the commonest runs: "I", "The", "Botox"
            low = lows[i]
            if low in vocab.TITLES or (self.sents[i] and low in vocab.FUNCTION) or plain(i):
                return  # what the general rules below conclude for these
            prev = lows[i - 1] if i else ""
            if prev == "the" and i > 1:
                prev = lows[i - 2]  # "at the Rotunda"
            if (
                not self.sents[i]  # sentence starts: see `_keep_sentence_start`
                and self._lone_everyday(bases[i])
                and prev not in vocab.LOCATIVE
                and prev not in vocab.TITLES
                and prev not in cues.FACILITY_PREV
                and self._cue(i) != 2
            ):
                return  # a lone very common word: "a Fraud", "the Appointment" (not "my mate Shell")
        elif (
            (lows[i - 1] if i else "") not in vocab.LOCATIVE
            and (lows[i - 1] if i else "") not in vocab.TITLES
            and not any(lows[k] in vocab.TITLES for k in range(i, j))
            and not (i > 1 and lows[i - 1] == "the" and lows[i - 2] in vocab.LOCATIVE)
            and all(plain(k) or self._very_common(bases[k]) for k in range(i, j))
            and self._cue(i) != 2
        ):
            return  # very common words in title case: "the Office Party", "a Quick Fix"
        if self._heading(i, j) and all(
            plain(k) or lex.is_ordinary(bases[k], place_ok=True) for k in range(i, j)
        ):
            return  # a title-case heading of everyday words: "Holidays Are Hard"
        s = i
        if j - i > 1 and self.sents[i] and lows[i] in vocab.FUNCTION and lows[i + 1] in vocab.TITLES:
            s += 1  # "The Dr Okafor": the same title rule as in "the Dr Okafor"
        titled = False
        while s < j and lows[s] in vocab.TITLES:
            titled = True
            s += 1
        if titled:
            while j - 1 > s and lows[j - 1] == "i":
                j -= 1  # "Dr Okafor I think": "I" is no part of the name
            if s < j and lows[s] not in vocab.FUNCTION:
                self._emit_person(s, j, 0.9, "title")
            return
        if s < j and self.sents[s] and not self._keep_sentence_start(s, j - s):
            s += 1
        tail = lows[j - 1]
        anchored = tail in vocab.STREET_HEADS or tail in vocab.FACILITY_HEADS
        while s < j and plain(s):
            low = lows[s]
            if j - s > 1 and (
                low in vocab.FACILITY_HEADS
                or low in vocab.PLACE_PREFIXES
                or (anchored and low not in vocab.FUNCTION)
                or (lex.is_name(bases[s]) and not plain(s + 1) and low not in vocab.FUNCTION)
            ):
                break
            s += 1
        e = j
        heads = lows[s:e]
        has_facility = any(h in vocab.FACILITY_HEADS for h in heads[1:]) if len(heads) > 1 else False
        if not has_facility:
            while (
                e > s
                and plain(e - 1)
                and not (
                    e - 1 > s
                    and lex.is_name(bases[e - 1])
                    and lows[e - 1] not in vocab.FUNCTION
                    and not plain(e - 2)
                )
            ):
                e -= 1
        if e <= s:
            return
        if all(plain(k) for k in range(s, e)):
            return
        count = e - s
        if count == 1 and lows[s] in lex.regions_lower:
            return
        prev = lows[s - 1] if s >= 1 else None
        prev2 = lows[s - 2] if s >= 2 else None
        # A person's span stops before a possessive ("[name]'s"); a brand keeps it.
        start, end = self.cols.start(s), self.cols.end(e - 1)
        last = lows[e - 1]
        if titled:
            self._emit_person(s, e, 0.9, "title")
            return
        suffix = cues.COMPANY_SUFFIX.match(self.text, end)
        if suffix:
            self.out.append(Finding("FACILITY", start, suffix.end(), 0.8, "company-suffix"))
            return
        if has_facility or last in vocab.FACILITY_HEADS and count > 1:
            self.out.append(Finding("FACILITY", start, end, 0.8, "facility-head"))
            return
        if (last in vocab.STREET_HEADS and count > 1) or last.endswith(vocab.STREET_SUFFIXES):
            self.out.append(Finding("LOCATION", start, end, 0.8, "street"))
            return
        full = " ".join(bases[s:e])
        is_city = full in lex.cities or (count == 1 and words[s] in lex.cities)
        named = [k for k in range(s, e) if lows[k] not in vocab.PLACE_PREFIXES or count == 1]
        is_name = any(lex.is_name(bases[k]) or (self._known(k) and bases[k] not in lex.cities) for k in named)
        placey = (count > 1 and lows[s] in vocab.PLACE_PREFIXES) or last.endswith(cues.PLACE_ENDINGS)
        if (
            prev is not None
            and prev in cues.FACILITY_PREV
            and prev2 is not None
            and prev2 in cues.WORK_WORDS
            and not is_city
        ):
            self.out.append(Finding("FACILITY", start, end, 0.7, "employer-cue"))
            return
        locative = prev is not None and (
            prev in vocab.LOCATIVE or (prev == "to" and prev2 is not None and prev2 in vocab.MOTION)
        )
        if locative and (is_city or placey or not is_name):
            kind = "FACILITY" if prev == "at" and not is_city else "LOCATION"
            self.out.append(Finding(kind, start, end, 0.7, "locative-cue"))
            return
        if is_name:
            self._emit_person(s, e, 0.8, "name-gazetteer")
            return
        if is_city:
            self.out.append(Finding("LOCATION", start, end, 0.7, "city-gazetteer"))
            return
        self.out.append(Finding("PERSON", start, end, 0.5, "proper-noun"))


def find_names(text: str) -> list[Finding]:
    """PERSON, LOCATION and FACILITY findings from cues and capitalized runs."""
    scanner = _Scanner(text, lexicon())
    scanner.cue_names()
    scanner.runs()
    return scanner.out
