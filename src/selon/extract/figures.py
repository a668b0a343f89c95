"""Figures: cardinal quantities with their bounds, unit, outcome and source.

One pass over the Doc finds quantity expressions (digits by a regular expression on the
text, written numbers, approximate and vague nouns, fractions by token scans), then each is
read in its context: the counted noun after it, the qualifier before or after it, what
makes it no figure at all (a date, a time, an age or a duration, an identifier, a lone
indefinite article), ranges and alternatives with its neighbours, the outcome for people,
and the statement it is part of. Everything language-specific comes from the pack
(``[numbers]``, ``[qualifiers]``, ``[counted]``, ``[not_figures]``, ``[outcomes]``);
compiled once per pack.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from selon.extract.numbers import Number, NumberReader, Reading, as_number, fold
from selon.lang.pack import LanguagePack
from selon.models import Figure, Qualifier, Statement

_SPACES = " \u00a0\u202f\u2009"
_DIGIT_RUN = re.compile(r"(?<![\w/^])\d+(?:[ \u00a0\u202f\u2009.,'’]\d+)*(?![\w/^])")
_QUOTE_CHARS = frozenset("«»\"“”„‹›‘’'")
_ARG_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "aux:pass", "dep", "iobj", "obl:agent"})
_CLAUSE_END = re.compile(r"[\n;,!?]|\.(?!\d)")
_MAX_CONTEXT = 48  # characters looked at before a quantity for its qualifier
_QUALIFIERS: dict[str, Qualifier] = {
    "exact": "exact",
    "about": "about",
    "more_than": "more_than",
    "at_least": "at_least",
    "less_than": "less_than",
    "at_most": "at_most",
    "range": "range",
    "vague": "vague",
}


def _words(table: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in table.get(key, []))


def _phrase_re(phrases: Sequence[str], *, at_end: bool) -> re.Pattern[str] | None:
    items = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    if not items:
        return None
    alt = "|".join(re.escape(p) for p in items)
    if at_end:
        return re.compile(rf"(?:^|[^\w'-])({alt})[\s\u00a0\u202f]*$")
    return re.compile(rf"^[\s\u00a0\u202f,]*({alt})(?![\w'])")


class _Lexicon:
    """The pack's figure data, compiled once."""

    def __init__(self, pack: LanguagePack) -> None:
        self.reader = NumberReader(pack.section("numbers"), pack.code)
        q = pack.section("qualifiers")
        self.before: list[tuple[str, re.Pattern[str]]] = []
        for name in ("at_least", "less_than", "at_most", "more_than", "about"):
            rx = _phrase_re(q.get(name, []), at_end=True)
            if rx is not None:
                self.before.append((name, rx))
        self.after: list[tuple[str, re.Pattern[str]]] = []
        for name, key in (
            ("at_least", "after_at_least"),
            ("about", "after_about"),
            ("at_most", "after_at_most"),
        ):
            rx = _phrase_re(q.get(key, []), at_end=False)
            if rx is not None:
                self.after.append((name, rx))
        self.between_re = _phrase_re(q.get("between", []), at_end=True)
        self.range_words = _words(q, "range_words")
        self.or_words = _words(q, "or_words")
        self.and_words = _words(q, "and_words")
        self.list_words = _words(q, "list_words")
        self.change_verbs = _words(q, "change_verbs")
        self.change_from = _words(q, "change_from")

        c = pack.section("counted")
        self.symbols = sorted({fold(s) for s in c.get("symbols", [])}, key=len, reverse=True)
        self.percent = _words(c, "percent")
        self.multiword = sorted({fold(s) for s in c.get("multiword", [])}, key=len, reverse=True)
        self.skip_adjectives = _words(c, "skip_adjectives")

        n = pack.section("not_figures")
        self.time_units = _words(n, "time_units")
        self.months = _words(n, "months")
        self.weekdays = _words(n, "weekdays")
        self.address_nouns = _words(n, "address_nouns")
        self.identifier_nouns = _words(n, "identifier_nouns")
        self.adverbial_nouns = _words(n, "adverbial_nouns")
        self.work_nouns = _words(n, "work_nouns")
        self.year_min = int(n.get("year_min", 1000))
        self.year_max = int(n.get("year_max", 2100))
        self.signs = frozenset(str(s) for s in n.get("signs", []))
        self.score_cues = _words(n, "score_cues")

        o = pack.section("outcomes")
        self.people = _words(o, "people")
        self.forces = _words(o, "forces")
        self.people_verbs = _words(o, "people_verbs")
        self.modals = _words(o, "modals")
        self.fraction_of = _words(pack.section("numbers"), "fraction_of")
        self.people_outcomes = _words(o, "people_outcomes")
        self.count_nouns = _words(o, "count_nouns")
        self.outcome_nouns = {fold(w): name for name, ws in o.get("nouns", {}).items() for w in ws}
        self.outcome_verbs = {fold(w): name for name, ws in o.get("verbs", {}).items() for w in ws}
        self.outcome_phrases: list[tuple[str, re.Pattern[str]]] = []
        for name, ws in o.get("phrases", {}).items():
            alt = "|".join(re.escape(fold(w)) for w in sorted(ws, key=len, reverse=True))
            if alt:
                self.outcome_phrases.append((name, re.compile(rf"(?<![\w])(?:{alt})(?![\w])")))


@lru_cache(maxsize=8)
def _lexicon(pack: LanguagePack) -> _Lexicon:
    return _Lexicon(pack)


@dataclass
class _Quantity:
    a: int  # first token of the quantity expression
    b: int  # last token (inclusive)
    start: int  # characters
    end: int
    reading: Reading
    kind: str  # digits, words, indefinite, approximate, vague, measure, fraction
    scale: int = 1  # multiplier written after the number (« 3 millions »)
    unit: str | None = None
    unit_token: Token | None = None
    unit_end: int | None = None  # character end of the unit as written
    unit_inherited: bool = False
    excluded: str | None = None  # why this is no figure
    link: str | None = None  # joiner to the next quantity: range, or, and, list
    merged: bool = False  # absorbed into the previous quantity's range

    @property
    def value(self) -> Number | None:
        return self.reading.low if self.reading.low is not None else self.reading.high


def extract_figures(doc: Doc, pack: LanguagePack, statements: Sequence[Statement]) -> list[Figure]:
    """Every figure of ``doc``, in text order, with its source from ``statements``."""
    if not isinstance(doc, Doc):
        raise TypeError(f"extract_figures expects a spaCy Doc, got {type(doc).__name__}")
    lex = _lexicon(pack)
    if len(doc) == 0:
        return []
    finder = _Finder(doc, lex)
    quantities = finder.find()
    if not quantities:
        return []
    finder.read_context(quantities)
    return finder.figures(quantities, statements)


class _Finder:
    def __init__(self, doc: Doc, lex: _Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.text = doc.text
        self.low = [fold(t.text) for t in doc]
        self.sent_of = [0] * len(doc)
        self.sent_bounds: list[tuple[int, int]] = []
        for k, sent in enumerate(doc.sents):
            self.sent_bounds.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                self.sent_of[i] = k
        self.quotes = self._quote_spans()

    # -- finding quantities ---------------------------------------------------------------------
    def find(self) -> list[_Quantity]:
        found: list[_Quantity] = []
        taken = [False] * len(self.doc)
        for m in _DIGIT_RUN.finditer(self.text):
            for s, e in self._digit_pieces(m.start(), m.group(0)):
                if self._signed(s):
                    continue
                q = self._digit_quantity(s, e)
                if q is not None and not any(taken[q.a : q.b + 1]):
                    found.append(q)
                    for i in range(q.a, q.b + 1):
                        taken[i] = True
        i = 0
        n = len(self.doc)
        while i < n:
            if taken[i]:
                i += 1
                continue
            q = self._word_quantity(i)
            if q is None:
                i += 1
                continue
            found.append(q)
            for k in range(q.a, q.b + 1):
                taken[k] = True
            i = q.b + 1
        found.sort(key=lambda q: q.start)
        return found

    def _digit_pieces(self, offset: int, run: str) -> list[tuple[int, int]]:
        reader = self.lex.reader
        if reader.digits(run) is not None:
            return [(offset, offset + len(run))]
        parts = [(m.start(), m.end()) for m in re.finditer(r"[^ \u00a0\u202f\u2009]+", run)]
        if len(parts) >= 3 or len(parts) < 2:
            return []  # a phone number, a code: no quantity
        out = []
        for s, e in parts:
            piece = run[s:e]
            if reader.digits(piece) is None:
                return []
            out.append((offset + s, offset + e))
        return out

    def _signed(self, start: int) -> bool:
        return start > 0 and self.text[start - 1] in self.lex.signs

    def _span_tokens(self, start: int, end: int) -> tuple[int, int] | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return span.start, span.end - 1

    def _digit_quantity(self, start: int, end: int) -> _Quantity | None:
        toks = self._span_tokens(start, end)
        if toks is None:
            return None
        a, b = toks
        if self.doc[b].idx + len(self.doc[b].text) > end and not self._only_marks_after(end, b):
            return None  # the run is part of a longer token (11H00, 1er, cm2)
        reading = self.lex.reader.read(self.text[start:end])
        if reading is None:
            return None
        q = _Quantity(a, b, start, end, reading, "digits")
        self._extend_multiplier(q)
        return q

    def _only_marks_after(self, end: int, b: int) -> bool:
        tok = self.doc[b]
        rest = tok.text[end - tok.idx :]
        return all(ch in self.lex.reader.unit_marks or not ch.isalnum() for ch in rest)

    def _extend_multiplier(self, q: _Quantity) -> None:
        reader = self.lex.reader
        j = q.b + 1
        scale = 1
        while j < len(self.doc) and self.low[j] in reader.multipliers:
            scale *= reader.multipliers[self.low[j]]
            j += 1
        if scale > 1 and q.reading.low is not None:
            value = as_number(Decimal(str(q.reading.low)) * scale)
            q.reading = Reading(value, value, q.reading.qualifier)
            q.scale = scale
            q.b = j - 1
            q.end = self._tok_end(q.b)

    def _tok_end(self, i: int) -> int:
        t = self.doc[i]
        return t.idx + len(t.text)

    def _word_quantity(self, i: int) -> _Quantity | None:
        reader = self.lex.reader
        low = self.low
        n = len(self.doc)
        w = low[i]
        nxt = low[i + 1] if i + 1 < n else ""
        # « des centaines (de milliers) », « plusieurs dizaines »
        if w in reader.vague_determiners and nxt in reader.vague_plurals:
            j = i + 1
            while (
                j + 2 < n
                and low[j + 1] in reader.partitive
                and (low[j + 2] in reader.vague_plurals or low[j + 2] in reader.multipliers)
            ):
                j += 2
            return self._make(i, j, "vague")
        if w in reader.measure_determiners and nxt in reader.measure_nouns:
            return self._make(i, i + 1, "measure")
        # « une dizaine (de milliers) », « un millier »
        if w in reader.indefinite and nxt in reader.approximate:
            return self._approximate(i, i + 1)
        if w in reader.approximate:
            return self._approximate(i, i)
        # « la moitié », « les trois quarts »
        if w in reader.fraction_one and nxt in reader.denominators:
            return self._make(i, i + 1, "fraction")
        if (
            w in reader.fraction_articles
            and reader.is_number_word(nxt)
            and i + 2 < n
            and low[i + 2] in reader.denominators
        ):
            return self._make(i, i + 2, "fraction")
        if not reader.is_number_word(w) or self._in_symbol(i):
            return None
        tok = self.doc[i]
        if tok.pos_ == "ADJ" and i > 0 and self.doc[i - 1].pos_ == "NOUN" and w not in reader.indefinite:
            return None  # « un véhicule neuf »
        j = i
        while j + 1 < n:
            nj = low[j + 1]
            glued = not self.doc[j].whitespace_
            if reader.is_number_word(nj) and nj not in reader.indefinite:
                j += 1
            elif (
                nj == "-"
                and glued
                and j + 2 < n
                and not self.doc[j + 1].whitespace_
                and reader.is_number_word(low[j + 2])
            ) or (
                nj == reader.and_word
                and j + 2 < n
                and low[j + 2] in reader.and_followers
                and low[j] not in reader.indefinite
            ):
                j += 2  # « Septante-six » split by the tokenizer, « vingt et un »
            elif nj in reader.multipliers:
                j += 1
            else:
                break
        if j + 1 < n and low[j + 1] in reader.denominators and w not in reader.indefinite:
            return self._make(i, j + 1, "fraction")  # « trois quarts des habitants »
        kind = "indefinite" if i == j and w in reader.indefinite else "words"
        q = self._make(i, j, kind)
        if q is not None and kind == "words":
            scale = 1
            for k in range(i, j + 1):
                scale *= reader.multipliers.get(low[k], 1) if k > i else 1
            q.scale = scale
        return q

    def _approximate(self, i: int, j: int) -> _Quantity | None:
        reader = self.lex.reader
        n = len(self.doc)
        while (
            j + 2 < n
            and self.low[j + 1] in reader.partitive
            and (self.low[j + 2] in reader.multipliers or self.low[j + 2] in reader.vague_plurals)
        ):
            j += 2
        return self._make(i, j, "approximate")

    def _make(self, i: int, j: int, kind: str) -> _Quantity | None:
        start, end = self.doc[i].idx, self._tok_end(j)
        words = [self.low[k] for k in range(i, j + 1) if self.low[k] != "-"]
        if kind == "words":
            reading = self.lex.reader.read(self.text[start:end])
        else:
            reading = self.lex.reader.read_words(words)
        if reading is None:
            return None
        return _Quantity(i, j, start, end, reading, kind)

    def _in_symbol(self, i: int) -> bool:
        """A number word that ends a unit phrase (« pour cent »)."""
        for sym in self.lex.symbols:
            if " " in sym and sym.endswith(self.low[i]):
                k = max(0, i - sym.count(" "))
                if " ".join(self.low[k : i + 1]) == sym:
                    return True
        return False

    # -- context ------------------------------------------------------------------------------
    def read_context(self, qs: list[_Quantity]) -> None:
        for q in qs:
            self._find_unit(q)
            q.excluded = self._exclusion(q)
        self._link(qs)
        for k, q in enumerate(qs):
            if q.kind == "indefinite" and q.excluded is None:
                q.excluded = self._lone_article(k, qs)

    def _find_unit(self, q: _Quantity) -> None:
        lex, low, doc = self.lex, self.low, self.doc
        n = len(doc)
        j = q.b + 1
        if j >= n:
            return
        # symbols straight after the number: « 12 % », « 50 € », « 12 pour cent »
        for sym in lex.symbols:
            k = j + sym.count(" ")
            if k < n and " ".join(low[j : k + 1]) == sym:
                q.unit, q.unit_token, q.unit_end = doc[j : k + 1].text, doc[j], self._tok_end(k)
                return
        if q.kind == "measure":
            q.unit, q.unit_token, q.unit_end = doc[q.b].text, doc[q.b], self._tok_end(q.b)
            j += 1 if low[j] in lex.reader.partitive else 0
            if j < n and doc[j].pos_ == "NOUN":
                q.unit_end = self._tok_end(j)
            return
        if (q.kind in ("approximate", "vague", "fraction") or q.scale > 1) and low[j] in lex.reader.partitive:
            j += 1
            if q.kind == "fraction" and j < n and doc[j].pos_ == "DET":
                j += 1
        elif q.kind == "fraction" and low[j] in lex.fraction_of:
            j += 1  # « deux tiers des embauches », « la moitié du personnel »
        if q.kind == "indefinite" and low[j] in lex.reader.only_words:
            q.end = self._tok_end(j)  # « un seul »
        skipped = 0
        while j < n and (low[j] in lex.skip_adjectives or low[j] in lex.reader.only_words) and skipped < 2:
            j += 1
            skipped += 1
        if j >= n:
            return
        # a quoted unit: 110 "gilets jaunes"
        if doc[j].text in _QUOTE_CHARS and j + 1 < n:
            close = next((k for k in range(j + 1, min(n, j + 7)) if doc[k].text in _QUOTE_CHARS), None)
            if close is not None and close > j + 1 and doc[j + 1].pos_ in ("NOUN", "PROPN", "ADJ"):
                q.unit = doc[j + 1 : close].text
                q.unit_token = doc[j + 1]
                q.unit_end = self._tok_end(close)
                return
            return
        for phrase in lex.multiword:
            k = j + phrase.count(" ")
            if k < n and " ".join(low[j : k + 1]).replace(" '", "'") == phrase.replace(" '", "'"):
                q.unit, q.unit_token, q.unit_end = doc[j : k + 1].text, doc[j], self._tok_end(k)
                return
            if k + 1 < n and self.text[doc[j].idx : doc[j].idx + len(phrase)].lower() == phrase:
                end_tok = self._span_tokens(doc[j].idx, doc[j].idx + len(phrase))
                if end_tok is not None:
                    q.unit, q.unit_token = self.text[doc[j].idx : doc[j].idx + len(phrase)], doc[j]
                    q.unit_end = doc[j].idx + len(phrase)
                    return
        tok = doc[j]
        is_noun = tok.pos_ == "NOUN" or (tok.pos_ in ("PROPN", "X", "ADJ", "VERB") and tok.text.islower())
        if low[j] in lex.time_units or low[j] in lex.months:
            is_noun = True
        elif low[j] in lex.weekdays:
            return  # « 7.000 samedi dernier »: a date after the figure, not its unit
        if not is_noun or not any(ch.isalpha() for ch in tok.text):
            return
        if (
            tok.pos_ == "VERB"
            and tok.dep_ not in ("obj", "nsubj", "nmod", "obl:arg")
            and low[j] not in lex.time_units
        ):
            return  # « 17 touchés »: a participle, not a counted noun
        end = j
        while end + 1 < n and end - j < 2 and doc[end + 1].pos_ == "ADJ" and doc[end + 1].head.i in (j, end):
            end += 1
        q.unit, q.unit_token, q.unit_end = doc[j : end + 1].text, tok, self._tok_end(end)

    def _exclusion(self, q: _Quantity) -> str | None:
        lex, low, doc = self.lex, self.low, self.doc
        n = len(doc)
        unit = fold(q.unit) if q.unit else None
        first_unit = fold(q.unit_token.text) if q.unit_token is not None else None
        if first_unit and (first_unit in lex.time_units or first_unit in lex.months):
            return "time"
        nxt = low[q.b + 1] if q.b + 1 < n else ""
        if nxt in lex.months or nxt in lex.time_units:
            return "time"
        if unit and unit.split()[0] in lex.address_nouns:
            return "address"
        prev = low[q.a - 1] if q.a > 0 else ""
        value = q.value
        if (
            q.kind == "digits"
            and q.scale == 1
            and isinstance(value, int)
            and lex.year_min <= value <= lex.year_max
        ):
            raw = self.text[q.start : q.end]
            if raw.isdigit() and len(raw) == 4 and (q.unit is None or first_unit in lex.months):
                return "year"
        if q.kind in ("digits", "words", "indefinite") and q.a > 0:
            ptok = doc[q.a - 1]
            glued = not ptok.whitespace_ and ptok.text not in _QUOTE_CHARS and not ptok.is_punct
            numtok = doc[q.b] if q.kind != "digits" else doc[q.a]
            bare = q.unit is None
            if glued and ptok.is_alpha:
                return "identifier"  # LBD40-like
            if prev in lex.identifier_nouns and (bare or numtok.head.i == ptok.i):
                return "identifier"
            if (
                ptok.pos_ in ("NOUN", "PROPN")
                and prev not in lex.adverbial_nouns
                and prev not in lex.weekdays
                and ptok.is_alpha
                and (numtok.head.i == ptok.i or (bare and (ptok.pos_ == "PROPN" or ptok.text[:1].isupper())))
            ):
                return "identifier"
            if prev in lex.weekdays and bare:
                return "date"
        if self._in_work_title(q):
            return "title"
        return None

    def _quote_spans(self) -> list[tuple[int, int, int]]:
        quotes = self.doc._.selon_quotes if Doc.has_extension("selon_quotes") else None
        return [(qt.open, qt.start, qt.end) for qt in quotes or []]

    def _in_work_title(self, q: _Quantity) -> bool:
        for open_, start, end in self.quotes:
            if start <= q.start and q.end <= end:
                before = fold(self.text[max(0, open_ - 30) : open_]).split()
                if before and before[-1].strip(",:") in self.lex.work_nouns:
                    return True
        return False

    def _joiner(self, left: _Quantity, right: _Quantity) -> str | None:
        """How two neighbouring quantities are joined (the left one has no unit)."""
        gap = self.low[left.b + 1 : right.a]
        if len(gap) != 1 or self.sent_of[left.b] != self.sent_of[right.a]:
            return None
        g = gap[0]
        if g in self.lex.range_words:
            return "range"
        if g in self.lex.or_words:
            return "or"
        if g in self.lex.and_words:
            return "and"
        if g in self.lex.list_words:
            return "list"
        return None

    def _link(self, qs: list[_Quantity]) -> None:
        # right to left: a bare number takes the unit (and the exclusion) of the next one
        for k in range(len(qs) - 2, -1, -1):
            left, right = qs[k], qs[k + 1]
            if left.unit is not None:
                continue
            joiner = self._joiner(left, right)
            if joiner is None:
                continue
            left.link = joiner
            if right.unit is not None:
                left.unit, left.unit_token, left.unit_inherited = right.unit, right.unit_token, True
            if right.excluded in ("time", "address", "year") and left.excluded is None:
                left.excluded = right.excluded  # « âgés de 24, 32 et 47 ans », « les 28 et 29 mai »
        # left to right: which joined pairs are ranges
        for k in range(len(qs) - 1):
            left, right = qs[k], qs[k + 1]
            if left.link == "range" and not left.merged and self._score(left, right):
                left.excluded = right.excluded = "score"
                continue
            if left.link is None or left.merged or left.excluded or right.excluded:
                continue
            lv, rv = left.value, right.value
            if lv is None or rv is None:
                continue
            if right.scale > 1 and left.scale == 1 and left.kind in ("digits", "words"):
                base = Decimal(str(rv)) / right.scale
                if Decimal(str(lv)) <= base:
                    lv = as_number(Decimal(str(lv)) * right.scale)
            is_range = False
            if left.link == "range":
                is_range = lv < rv and not self._change_context(left)
            elif left.link == "or":
                prev_linked = k > 0 and qs[k - 1].link == "list"
                is_range = lv < rv and not prev_linked
            elif left.link == "and":
                is_range = lv < rv and self._between(left)
            if is_range:
                left.reading = Reading(
                    lv, right.reading.high if right.reading.high is not None else rv, "range"
                )
                right.merged = True
                left.b, left.end = right.b, right.end
                left.unit, left.unit_token, left.unit_end = right.unit, right.unit_token, right.unit_end
                left.unit_inherited = False

    def _score(self, left: _Quantity, right: _Quantity) -> bool:
        """« s'est imposée 3 à 1 »: the score of a game, not a range."""
        lv, rv = left.value, right.value
        if not (isinstance(lv, int) and isinstance(rv, int) and lv < 100 and rv < 100):
            return False
        if right.unit is not None and fold(right.unit) in self.lex.symbols:
            return False
        lo = self.sent_bounds[self.sent_of[left.a]][0]
        for k in range(left.a - 1, max(lo, left.a - 6) - 1, -1):
            if fold(self.doc[k].lemma_) in self.lex.score_cues or self.low[k] in self.lex.score_cues:
                return True
        return False

    def _change_context(self, q: _Quantity) -> bool:
        i = q.a - 1
        if i < 0 or self.low[i] not in self.lex.change_from:
            return False
        for k in range(i - 1, max(-1, i - 4), -1):
            t = self.doc[k]
            if fold(t.lemma_) in self.lex.change_verbs or self.low[k] in self.lex.change_verbs:
                return True
            if t.pos_ == "VERB" or t.is_punct:
                return False
        return False

    def _between(self, q: _Quantity) -> bool:
        if self.lex.between_re is None:
            return False
        before = fold(self.text[max(0, q.start - _MAX_CONTEXT) : q.start])
        return self.lex.between_re.search(before) is not None

    def _lone_article(self, k: int, qs: list[_Quantity]) -> str | None:
        """An indefinite article counts only when « seul » marks it or in a tally."""
        q = qs[k]
        lex, low = self.lex, self.low
        reader = lex.reader
        n = len(self.doc)
        if q.a > 0 and low[q.a - 1] in reader.only_words:
            return None
        if q.b + 1 < n and low[q.b + 1] in reader.only_words:
            return None
        if q.unit is None or q.excluded:
            return "article"
        # « un mort et 528 blessés »: a counted quantity right after the unit
        if q.unit_end is not None and k + 1 < len(qs):
            nxt = qs[k + 1]
            between = fold(self.text[q.unit_end : nxt.start].strip(_SPACES))
            outcome_noun = fold(q.unit) in lex.outcome_nouns if q.unit else False
            if self._counts(nxt) and (
                between in lex.and_words or (between in lex.list_words and outcome_noun)
            ):
                return None
        # « Deux policiers ont été blessés et un véhicule … »
        if q.a > 0 and low[q.a - 1] in lex.and_words | lex.list_words:
            for prev in reversed(qs[:k]):
                if prev.excluded or prev.merged or prev.kind == "indefinite":
                    continue
                if prev.kind not in ("digits", "words"):
                    break  # a tally counts: « des dizaines de camions et un poids lourd » does not
                if self.sent_of[prev.b] == self.sent_of[q.a] and q.a - prev.b <= 8:
                    return None
                break
        return "article"

    def _counts(self, q: _Quantity) -> bool:
        return q.excluded is None and q.kind != "indefinite"

    # -- figures ------------------------------------------------------------------------------
    def figures(self, qs: list[_Quantity], statements: Sequence[Statement]) -> list[Figure]:
        out: list[Figure] = []
        last_unit: tuple[str, Token | None, int] | None = None
        for q in qs:
            if q.merged or q.excluded:
                continue
            start, qualifier, low, high = self._qualify(q)
            end = max(q.end, q.unit_end or q.end) if not q.unit_inherited else q.end
            if qualifier in ("exact", "about"):
                end, after = self._after_qualifier(end)
                if after is not None:
                    qualifier = after
                    low, high = self._bounds(after, q.reading)
            unit, unit_token = q.unit, q.unit_token
            if unit is None:
                found = self._count_noun(q)
                if found is not None:
                    unit, unit_token = found.text, found
            if unit is None and last_unit is not None and self.sent_of[q.a] - last_unit[2] <= 2:
                unit, unit_token = last_unit[0], last_unit[1]
            if q.unit is not None:
                last_unit = (q.unit, q.unit_token, self.sent_of[q.a])
            outcome = self._outcome(q, unit, unit_token, end)
            if unit is not None and q.unit_token is not None and unit in self.lex.percent:
                unit = "%"
            source, statement = _attribution(start, end, q, statements)
            out.append(
                Figure(
                    id=f"f{len(out) + 1}",
                    text=self.text[start:end],
                    start=start,
                    end=end,
                    low=low,
                    high=high,
                    qualifier=qualifier,
                    unit=unit.strip("\"'«» ") if unit else None,
                    outcome=outcome,
                    source=source,
                    statement=statement,
                )
            )
        return out

    def _count_noun(self, q: _Quantity) -> Token | None:
        """« le nombre de manifestants à 69.000 », « dix le nombre de morts »: the noun counted."""
        lo, hi = self.sent_bounds[self.sent_of[q.a]]
        for k in list(range(q.a - 1, max(lo, q.a - 8) - 1, -1)) + list(range(q.b + 1, min(hi, q.b + 5))):
            if (
                self.low[k] in self.lex.count_nouns
                and k + 2 < hi
                and self.low[k + 1] in self.lex.reader.partitive
            ):
                noun = self.doc[k + 2]
                if noun.pos_ == "NOUN":
                    return noun
        return None

    def _qualify(self, q: _Quantity) -> tuple[int, Qualifier, Number | None, Number | None]:
        r = q.reading
        sent_start = self.doc[self.sent_bounds[self.sent_of[q.a]][0]].idx
        window_start = max(sent_start, q.start - _MAX_CONTEXT)
        before = fold(self.text[window_start : q.start])
        if r.qualifier == "range":
            if self.lex.between_re is not None:
                m = self.lex.between_re.search(before)
                if m:
                    return window_start + m.start(1), "range", r.low, r.high
            if q.a > 0 and self.low[q.a - 1] in self.lex.change_from:
                return self.doc[q.a - 1].idx, "range", r.low, r.high  # « de 300 à 400 »
            return q.start, "range", r.low, r.high
        for name, rx in self.lex.before:
            m = rx.search(before)
            if m:
                low, high = self._bounds(name, r)
                return window_start + m.start(1), _QUALIFIERS[name], low, high
        return q.start, _QUALIFIERS[r.qualifier], r.low, r.high

    @staticmethod
    def _bounds(name: str, r: Reading) -> tuple[Number | None, Number | None]:
        v = r.low if r.low is not None else r.high
        if name in ("more_than", "at_least"):
            return v, None
        if name in ("less_than", "at_most"):
            return None, (r.high if r.high is not None else v)
        if name == "about":
            return v, v if r.qualifier != "vague" else r.high
        return r.low, r.high

    def _after_qualifier(self, end: int) -> tuple[int, Qualifier | None]:
        """A qualifier written after the counted noun (« Deux personnes au moins »)."""
        after = fold(self.text[end : end + 24])
        for name, rx in self.lex.after:
            m = rx.match(after)
            if m:
                return end + m.end(1), _QUALIFIERS[name]
        return end, None

    def _outcome(self, q: _Quantity, unit: str | None, unit_token: Token | None, end: int) -> str | None:
        lex = self.lex
        unit_words = fold(unit).strip("\"'«» ") if unit else ""
        lemma = fold(unit_token.lemma_) if unit_token is not None else ""
        first = unit_words.split()[0] if unit_words else ""
        is_people = bool(unit_words) and (
            unit_words in lex.people
            or first in lex.people
            or lemma in lex.people
            or unit_words in lex.outcome_nouns
        )
        # verbs the counted people are arguments of, or participles that modify them
        heads: list[Token] = []
        for t in (q.unit_token if not q.unit_inherited else None, self.doc[q.b]):
            if t is None:
                continue
            if t.dep_ in _ARG_DEPS and t.head.i != t.i:
                heads.append(t.head)
            heads.extend(c for c in t.children if c.dep_ in ("amod", "acl", "acl:relcl") and c.i > t.i)
            if t.dep_ in ("nmod",) and t.head.i < t.i and t.head.dep_ in _ARG_DEPS:
                heads.append(t.head.head)
        # « 1 200 habitants ont dû quitter … »: a modal passes on to its infinitive
        heads.extend(c for h in list(heads) if fold(h.lemma_) in lex.modals for c in h.children if c.dep_ == "xcomp")
        forces = bool(unit_words) and (first in lex.forces or lemma in lex.forces)
        for h in heads:
            verb = fold(h.lemma_)
            name = lex.outcome_verbs.get(verb)
            if name and not (forces and name == "participating") and (is_people or verb in lex.people_verbs):
                return name
        after = _CLAUSE_END.split(fold(self.text[end : end + 60]), maxsplit=1)[0]
        for name, rx in lex.outcome_phrases:
            if rx.search(after) and (is_people or name in lex.people_outcomes):
                return name
        for key in (unit_words, lemma, first):
            if key and key in lex.outcome_nouns:
                return lex.outcome_nouns[key]
        return "other" if is_people else None


def _attribution(
    start: int, end: int, q: _Quantity, statements: Sequence[Statement]
) -> tuple[str | None, str | None]:
    best: Statement | None = None
    for s in statements:
        c = s.content
        inside = c.start <= start and end <= c.end
        core = c.start <= q.start and q.end <= c.end
        if (inside or core) and (best is None or c.end - c.start < best.content.end - best.content.start):
            best = s
    if best is None:
        return None, None
    name = best.speaker.name if best.speaker is not None else None
    return name, best.id
