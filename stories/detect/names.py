"""People, places and facilities named in running text.

Two complementary rules, both over `tokens.tokenize` output:

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
from operator import itemgetter

from stories.findings import Finding

from . import cues, vocab
from .lexicon import Lexicon, lexicon
from .tokens import Token, tokenize


def _gap_is_space(gap: str) -> bool:
    return gap == " " or (gap.strip() == "" and "\n" not in gap and len(gap) <= 2)


def _joinable(prev: Token, tok: Token) -> bool:
    """May `tok` continue a capitalized run that ended with `prev`?"""
    gap = tok.gap
    if _gap_is_space(gap) or gap in {" & ", " and ", "-", ", "}:
        return gap not in (" and ", ", ") or (tok.cap and not tok.sent_start)
    return (
        gap.startswith(".")
        and gap.strip(" .") == ""
        and "\n" not in gap
        and prev.low in {"st", "dr", "mt", "ft", "mr", "mrs", "ms", "prof", "jr"}
    )


# `_plain` answers per lexicon, keyed by word, one dict for sentence starts and
# one for other positions: a token's base, low, cap and upper are functions of
# its word alone (see `tokens.tokenize`).  Bounded (entries and word length)
# so that odd input cannot make it grow large.
_PLAIN_CACHES: dict[int, tuple[Lexicon, dict[str, bool], dict[str, bool]]] = {}
_PLAIN_CACHE_MAX = 20_000
_PLAIN_WORD_MAX = 32


class _Scanner:
    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        caches = _PLAIN_CACHES.get(id(lex))
        if caches is None or caches[0] is not lex:
            if len(_PLAIN_CACHES) >= 4:
                _PLAIN_CACHES.clear()
            caches = _PLAIN_CACHES[id(lex)] = (lex, {}, {})
        self.plain_at_start, self.plain_inside = caches[1], caches[2]
        self.toks = tokenize(text)
        self.lows = list(map(itemgetter(4), self.toks))  # Token.low
        self.out: list[Finding] = []
        self.taken: set[int] = set()  # token indexes already inside a PERSON

    # -- word classes -------------------------------------------------
    def _plain(self, tok: Token) -> bool:
        """A word that names nothing: function word, safe vocabulary, 1 letter."""
        cache = self.plain_at_start if tok.sent_start else self.plain_inside
        plain = cache.get(tok.word)
        if plain is None:
            plain = self._plain_uncached(tok)
            if len(cache) < _PLAIN_CACHE_MAX and len(tok.word) <= _PLAIN_WORD_MAX:
                cache[tok.word] = plain
        return plain

    def _plain_uncached(self, tok: Token) -> bool:
        if len(tok.base) < 2 or self.lex.is_safe(tok.base):
            return True
        if tok.low in vocab.FUNCTION and not (
            tok.cap and not tok.sent_start and tok.low in vocab.AMBIGUOUS_NAMES
        ):
            return True
        return tok.upper and len(tok.base) <= 6 and not self.lex.is_name(tok.base.title())

    def _known(self, tok: Token) -> bool:
        base = tok.base
        if self.lex.is_name(base) or base in self.lex.cities:
            return True
        return "-" in base and any(self.lex.is_name(p) for p in base.split("-"))

    def _name_like(self, tok: Token, strong_cue: bool) -> bool:
        """Can `tok` be a name after a cue?"""
        if len(tok.base) < 2 or self.lex.is_safe(tok.base):
            return False
        if tok.low in vocab.FUNCTION and not (tok.cap and tok.low in vocab.AMBIGUOUS_NAMES):
            return False
        if tok.cap:
            return True
        if self.lex.strong_name(tok.base):
            return True
        return strong_cue and tok.low in self.lex.names_lower and not self.lex.is_common(tok.base)

    # -- cue rules ----------------------------------------------------
    def _cue(self, i: int) -> int:
        """0: no cue, 1: weak cue (lowercase needs strong name), 2: strong cue."""
        toks = self.toks
        tok = toks[i]
        p1 = toks[i - 1] if i >= 1 else None
        p2 = toks[i - 2] if i >= 2 else None
        p3 = toks[i - 3] if i >= 3 else None
        if p1 is not None and "\n" not in tok.gap and len(tok.gap) <= 4:
            if p1.low in vocab.TITLES and (p1.cap or tok.cap or p1.low in {"dr", "mr", "mrs", "ms", "prof"}):
                return 2
            if (
                p1.low in cues.RELATIONS
                and p2 is not None
                and (
                    p2.low in cues.POSSESSIVES
                    or (p2.low in cues.REL_ADJ and p3 is not None and p3.low in cues.POSSESSIVES)
                )
            ):
                return 2
            if p1.low in cues.NAMING or (p2 is not None and (p2.low, p1.low) in cues.NAMING_PAIRS):
                return 2
            if p1.low == "and" and p2 is not None and p2.low == "me":
                return 2
        if i + 2 < len(toks) and toks[i + 1].low in {"and", "&"} and toks[i + 2].low in cues.PAIR_NEXT:
            return 2
        if i + 2 < len(toks) and toks[i + 2].low in cues.PAIR_NEXT and toks[i + 1].gap.strip() == "&":
            return 2
        if p1 is not None and p1.low in cues.WEAK_PREV:
            return 1
        return 0

    def _extend(self, i: int) -> int:
        """Index one past the last token of a name starting at token i."""
        toks = self.toks
        j = i + 1
        while j < len(toks) and _gap_is_space(toks[j].gap):
            t = toks[j]
            if t.cap and not self._plain(t) and not toks[j - 1].word.endswith(("'s", "’s")):
                j += 1
                continue
            if (
                t.low in vocab.PARTICLES
                and j + 1 < len(toks)
                and toks[j + 1].cap
                and _gap_is_space(toks[j + 1].gap)
            ):
                j += 1
                continue
            break
        return j

    def cue_names(self) -> None:
        toks = self.toks
        lex = self.lex
        # Only tokens right after a cue word or two before "I"/"me" can be
        # cue names: find those indexes with C-level passes over the words.
        lows = self.lows
        n = len(toks)
        cands = {k + 1 for k in compress(range(n - 1), map(cues.CUE_PREV.__contains__, lows))}
        cands.update(k - 2 for k in compress(range(2, n), map(cues.PAIR_NEXT.__contains__, lows[2:])))
        i = 0
        for c in sorted(cands):
            if c < i:
                continue  # inside a name already emitted
            i = c
            tok = toks[i]
            if tok.cap and not tok.sent_start:
                continue  # the proper-noun rule will see it
            low = tok.low
            if not (
                tok.cap
                or low in lex.names_lower
                or low in vocab.PARTICLES
                or (not low.isascii() and tok.base.casefold() in lex.names_lower)  # "ſ" folds to "s"
            ):
                continue  # no cue can make this word a name (see `_name_like`)
            cue = self._cue(i)
            ok = False
            if cue == 2:
                ok = self._name_like(tok, True) or (
                    tok.low in vocab.PARTICLES and i + 1 < len(toks) and toks[i + 1].cap
                )
            elif cue == 1:
                ok = not tok.cap and lex.strong_name(tok.base)
            if ok:
                j = self._extend(i)
                self._emit_person(i, j, 0.8 if cue == 2 else 0.6, "name-cue")
                i = j

    def _emit_person(self, i: int, j: int, score: float, source: str) -> None:
        toks = self.toks
        self.out.append(
            Finding("PERSON", toks[i].start, toks[j - 1].start + len(toks[j - 1].base), score, source)
        )
        self.taken.update(range(i, j))

    # -- proper-noun runs --------------------------------------------
    def _keep_sentence_start(self, i: int, run_len: int) -> bool:
        tok = self.toks[i]
        if tok.low in vocab.FUNCTION or self.lex.is_safe(tok.base):
            return False
        if self.lex.is_common(tok.base):
            return False
        if run_len >= 2 or tok.word != tok.base:  # "Loxeju's patience"
            return True
        # An unknown word opening a sentence is a name if a person-verb follows.
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        verb = nxt is not None and nxt.low in cues.PERSON_VERBS and _gap_is_space(nxt.gap)
        if tok.low.endswith("ing") and not verb:  # "Reading other stories..." is a verb here
            return False
        return verb or self.lex.strong_name(tok.base) or tok.base in self.lex.cities

    def runs(self) -> None:
        toks = self.toks
        n = len(toks)
        # A run starts at a capitalized word or at a particle ("van den Berg").
        starts = set(compress(range(n), map(itemgetter(5), toks)))  # Token.cap
        starts.update(compress(range(n), map(vocab.PARTICLES.__contains__, self.lows)))
        i = 0
        for c in sorted(starts):
            if c < i:
                continue
            i = c
            tok = toks[i]
            if not tok.cap or i in self.taken:
                k = i
                while k < n and toks[k].low in vocab.PARTICLES and not toks[k].cap and k - i < 3:
                    k += 1
                if (
                    i in self.taken
                    or k == i
                    or not (
                        k < n
                        and toks[k].cap
                        and _gap_is_space(toks[k].gap)
                        and k not in self.taken
                        and toks[k].low not in vocab.FUNCTION
                    )
                ):
                    continue
            j = i + 1
            comma = False
            while j < n and j not in self.taken:
                if toks[j].cap and _joinable(toks[j - 1], toks[j]):
                    comma = comma or toks[j].gap == ", "
                elif not (
                    toks[j].low in vocab.PARTICLES and not toks[j].cap and j + 1 < n and toks[j + 1].cap
                ) and not (comma and toks[j].low in cues.FIRM_JOINERS and j + 1 < n and toks[j + 1].cap):
                    break
                j += 1
            # allow particles inside a run: "van den Berg", "Newcastle upon Tyne"
            while j + 1 < n and toks[j].low in vocab.PARTICLES and _gap_is_space(toks[j].gap):
                k = j
                while k < n and toks[k].low in vocab.PARTICLES and _gap_is_space(toks[k].gap):
                    k += 1
                if k < n and toks[k].cap and _gap_is_space(toks[k].gap) and k not in self.taken:
                    j = k + 1
                    while j < n and toks[j].cap and j not in self.taken and _joinable(toks[j - 1], toks[j]):
                        j += 1
                else:
                    break
            self._classify(i, j)
            i = j

    def _classify(self, i: int, j: int) -> None:
        toks = self.toks
        lex = self.lex
        if j == i + 1:  # fast path for the commonest runs: "I", "The", "Botox"
            t = toks[i]
            if t.low in vocab.TITLES or (t.sent_start and t.low in vocab.FUNCTION) or self._plain(t):
                return  # what the general rules below conclude for these
        s = i
        titled = False
        while s < j and toks[s].low in vocab.TITLES:
            titled = True
            s += 1
        if titled:
            if s < j and toks[s].low not in vocab.FUNCTION:
                self._emit_person(s, j, 0.9, "title")
            return
        if s < j and toks[s].sent_start and not self._keep_sentence_start(s, j - s):
            s += 1
        tail = toks[j - 1].low
        anchored = tail in vocab.STREET_HEADS or tail in vocab.FACILITY_HEADS
        while s < j and self._plain(toks[s]):
            t = toks[s]
            if j - s > 1 and (
                t.low in vocab.FACILITY_HEADS
                or t.low in vocab.PLACE_PREFIXES
                or (anchored and t.low not in vocab.FUNCTION)
                or (lex.is_name(t.base) and not self._plain(toks[s + 1]) and t.low not in vocab.FUNCTION)
            ):
                break
            s += 1
        e = j
        heads = [t.low for t in toks[s:e]]
        has_facility = any(h in vocab.FACILITY_HEADS for h in heads[1:]) if len(heads) > 1 else False
        if not has_facility:
            while (
                e > s
                and self._plain(toks[e - 1])
                and not (
                    e - 1 > s
                    and lex.is_name(toks[e - 1].base)
                    and toks[e - 1].low not in vocab.FUNCTION
                    and not self._plain(toks[e - 2])
                )
            ):
                e -= 1
        if e <= s:
            return
        words = toks[s:e]
        if all(self._plain(t) for t in words):
            return
        if len(words) == 1 and words[0].low in lex.regions_lower:
            return
        prev = toks[s - 1] if s >= 1 else None
        prev2 = toks[s - 2] if s >= 2 else None
        # A person's span stops before a possessive ("[name]'s"); a brand keeps it.
        start, end = words[0].start, words[-1].end
        last = words[-1].low
        if titled:
            self._emit_person(s, e, 0.9, "title")
            return
        suffix = cues.COMPANY_SUFFIX.match(self.text, end)
        if suffix:
            self.out.append(Finding("FACILITY", start, suffix.end(), 0.8, "company-suffix"))
            return
        if has_facility or last in vocab.FACILITY_HEADS and len(words) > 1:
            self.out.append(Finding("FACILITY", start, end, 0.8, "facility-head"))
            return
        if (last in vocab.STREET_HEADS and len(words) > 1) or last.endswith(vocab.STREET_SUFFIXES):
            self.out.append(Finding("LOCATION", start, end, 0.8, "street"))
            return
        full = " ".join(t.base for t in words)
        is_city = full in lex.cities or (len(words) == 1 and words[0].word in lex.cities)
        named = [t for t in words if t.low not in vocab.PLACE_PREFIXES or len(words) == 1]
        is_name = any(lex.is_name(t.base) or (self._known(t) and t.base not in lex.cities) for t in named)
        placey = (len(words) > 1 and words[0].low in vocab.PLACE_PREFIXES) or last.endswith(
            cues.PLACE_ENDINGS
        )
        if (
            prev is not None
            and prev.low in cues.FACILITY_PREV
            and prev2 is not None
            and prev2.low in cues.WORK_WORDS
            and not is_city
        ):
            self.out.append(Finding("FACILITY", start, end, 0.7, "employer-cue"))
            return
        locative = prev is not None and (
            prev.low in vocab.LOCATIVE
            or (prev.low == "to" and prev2 is not None and prev2.low in vocab.MOTION)
        )
        if locative and (is_city or placey or not is_name):
            kind = "FACILITY" if prev.low == "at" and not is_city else "LOCATION"
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
