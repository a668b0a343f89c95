"""The pack's figure data, compiled once per pack.

Every word list of ``[numbers]``, ``[qualifiers]``, ``[counted]``, ``[not_figures]`` and
``[outcomes]`` that the figure stages read, folded (lower case, apostrophes normalised) into
sets, maps and regular expressions. The stages name no word of any language: they ask the
:class:`Lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from selon.extract.numbers import NumberReader
from selon.lang.pack import LanguagePack, fold, folded
from selon.lang.schema import Counted, NotFigures, Outcomes, Qualifiers

# Qualifiers written before a quantity, in the order they are tried.
_BEFORE = ("at_least", "less_than", "at_most", "more_than", "about")
# Qualifiers written after the counted noun, with their pack key.
_AFTER = (("at_least", "after_at_least"), ("about", "after_about"), ("at_most", "after_at_most"))


def longest_first(items: Sequence[str]) -> list[str]:
    """The folded ``items``, without repeats, longest first (so a longer phrase wins)."""
    return sorted({fold(s) for s in items}, key=len, reverse=True)


def phrase_re(phrases: Sequence[str], *, at_end: bool) -> re.Pattern[str] | None:
    """One of ``phrases`` at the end of a text (``at_end``) or at its start; None when empty."""
    items = longest_first(phrases)
    if not items:
        return None
    alt = "|".join(re.escape(p) for p in items)
    if at_end:
        return re.compile(rf"(?:^|[^\w'-])({alt})[\s\u00a0\u202f]*$")
    return re.compile(rf"^[\s\u00a0\u202f,]*({alt})(?![\w'])")


def _named_words(table: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """``{name: [words]}`` turned around: each folded word to its name."""
    return {fold(w): name for name, ws in table.items() for w in ws}


def _named_phrases(table: Mapping[str, Sequence[str]]) -> list[tuple[str, re.Pattern[str]]]:
    """``{name: [phrases]}`` as one pattern per name, matching any phrase as whole words."""
    out: list[tuple[str, re.Pattern[str]]] = []
    for name, ws in table.items():
        alt = "|".join(re.escape(fold(w)) for w in sorted(ws, key=len, reverse=True))
        if alt:
            out.append((name, re.compile(rf"(?<![\w])(?:{alt})(?![\w])")))
    return out


class Lexicon:
    """The pack's figure words, compiled once (see the module docstring)."""

    def __init__(self, pack: LanguagePack) -> None:
        self.reader = NumberReader(pack.numbers, pack.code)
        # digits with their group and decimal marks, and a multiplier of the pack glued after them
        # (« 4.82bn »); not glued to a word, a slash or a caret
        glued = "|".join(re.escape(m) for m in longest_first(list(pack.numbers.multipliers)) if m.isalpha())
        suffix = f"(?:(?i:{glued}))?" if glued else ""
        self.digit_run = re.compile(rf"(?<![\w/^])\d+(?:[ \u00a0\u202f\u2009.,'’]\d+)*{suffix}(?![\w/^])")
        self.fraction_of = folded(pack.numbers.fraction_of)
        self._read_qualifiers(pack.qualifiers)
        self._read_counted(pack.counted)
        self._read_not_figures(pack.not_figures)
        self._read_outcomes(pack.outcomes)

    def _read_qualifiers(self, q: Qualifiers) -> None:
        self.before: list[tuple[str, re.Pattern[str]]] = []
        for name in _BEFORE:
            rx = phrase_re(getattr(q, name), at_end=True)
            if rx is not None:
                self.before.append((name, rx))
        self.after: list[tuple[str, re.Pattern[str]]] = []
        for name, key in _AFTER:
            rx = phrase_re(getattr(q, key), at_end=False)
            if rx is not None:
                self.after.append((name, rx))
        self.between_re = phrase_re(q.between, at_end=True)
        self.range_words = folded(q.range_words)
        self.or_words = folded(q.or_words)
        self.and_words = folded(q.and_words)
        self.list_words = folded(q.list_words)
        self.subset_words = folded(q.subset_words)
        self.change_verbs = folded(q.change_verbs)
        self.change_from = folded(q.change_from)

    def _read_counted(self, c: Counted) -> None:
        self.symbols = longest_first(c.symbols)
        self.percent = folded(c.percent)
        self.prefix_symbols = sorted(set(c.prefix_symbols), key=len, reverse=True)
        self.multiword = longest_first(c.multiword)
        self.skip_adjectives = folded(c.skip_adjectives)

    def _read_not_figures(self, n: NotFigures) -> None:
        self.time_units = folded(n.time_units)
        self.months = folded(n.months)
        self.weekdays = folded(n.weekdays)
        self.address_nouns = folded(n.address_nouns)
        self.identifier_nouns = folded(n.identifier_nouns)
        self.medium_nouns = folded(n.medium_nouns)
        self.adverbial_nouns = folded(n.adverbial_nouns)
        self.work_nouns = folded(n.work_nouns)
        self.year_min = n.year_min
        self.year_max = n.year_max
        self.signs = frozenset(n.signs)
        self.score_cues = folded(n.score_cues)
        self.idioms = [tuple(fold(p).split()) for p in n.idioms]
        self.idiom_at: dict[str, list[tuple[tuple[str, ...], int]]] = {}  # word: (idiom, its place)
        for words in self.idioms:
            for k, w in enumerate(words):
                self.idiom_at.setdefault(w, []).append((words, k))
        self.link_markers = [tuple(fold(p).split()) for p in n.link_markers]
        self.link_last = frozenset(words[-1] for words in self.link_markers)
        self.count_sources = folded(n.count_sources)
        self.day_articles = folded(n.day_articles)

    def _read_outcomes(self, o: Outcomes) -> None:
        self.people = folded(o.people)
        self.forces = folded(o.forces)
        self.people_verbs = folded(o.people_verbs)
        self.modals = folded(o.modals)
        self.people_outcomes = folded(o.people_outcomes)
        self.count_nouns = folded(o.count_nouns)
        self.outcome_nouns = _named_words(o.nouns)
        self.outcome_verbs = _named_words(o.verbs)
        self.outcome_phrases = _named_phrases(o.phrases)


@lru_cache(maxsize=8)
def lexicon(pack: LanguagePack) -> Lexicon:
    """The :class:`Lexicon` of ``pack``, built once per pack."""
    return Lexicon(pack)
