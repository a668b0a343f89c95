"""The pack's figure data, compiled once per pack.

Every word list of ``[numbers]``, ``[qualifiers]``, ``[counted]``, ``[not_figures]`` and
``[outcomes]`` that the figure stages read, folded (lower case, apostrophes normalised) into
sets, maps and regular expressions. The stages name no word of any language: they ask the
:class:`Lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from selon.extract.numbers import NumberReader, fold, folded_words
from selon.lang.pack import LanguagePack

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


def _named_words(table: dict[str, Any]) -> dict[str, str]:
    """``{name: [words]}`` turned around: each folded word to its name."""
    return {fold(w): name for name, ws in table.items() for w in ws}


def _named_phrases(table: dict[str, Any]) -> list[tuple[str, re.Pattern[str]]]:
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
        numbers = pack.section("numbers")
        self.reader = NumberReader(numbers, pack.code)
        self.fraction_of = folded_words(numbers, "fraction_of")
        self._read_qualifiers(pack.section("qualifiers"))
        self._read_counted(pack.section("counted"))
        self._read_not_figures(pack.section("not_figures"))
        self._read_outcomes(pack.section("outcomes"))

    def _read_qualifiers(self, q: dict[str, Any]) -> None:
        self.before: list[tuple[str, re.Pattern[str]]] = []
        for name in _BEFORE:
            rx = phrase_re(q.get(name, []), at_end=True)
            if rx is not None:
                self.before.append((name, rx))
        self.after: list[tuple[str, re.Pattern[str]]] = []
        for name, key in _AFTER:
            rx = phrase_re(q.get(key, []), at_end=False)
            if rx is not None:
                self.after.append((name, rx))
        self.between_re = phrase_re(q.get("between", []), at_end=True)
        self.range_words = folded_words(q, "range_words")
        self.or_words = folded_words(q, "or_words")
        self.and_words = folded_words(q, "and_words")
        self.list_words = folded_words(q, "list_words")
        self.change_verbs = folded_words(q, "change_verbs")
        self.change_from = folded_words(q, "change_from")

    def _read_counted(self, c: dict[str, Any]) -> None:
        self.symbols = longest_first(c.get("symbols", []))
        self.percent = folded_words(c, "percent")
        self.multiword = longest_first(c.get("multiword", []))
        self.skip_adjectives = folded_words(c, "skip_adjectives")

    def _read_not_figures(self, n: dict[str, Any]) -> None:
        self.time_units = folded_words(n, "time_units")
        self.months = folded_words(n, "months")
        self.weekdays = folded_words(n, "weekdays")
        self.address_nouns = folded_words(n, "address_nouns")
        self.identifier_nouns = folded_words(n, "identifier_nouns")
        self.adverbial_nouns = folded_words(n, "adverbial_nouns")
        self.work_nouns = folded_words(n, "work_nouns")
        self.year_min = int(n.get("year_min", 1000))
        self.year_max = int(n.get("year_max", 2100))
        self.signs = frozenset(str(s) for s in n.get("signs", []))
        self.score_cues = folded_words(n, "score_cues")

    def _read_outcomes(self, o: dict[str, Any]) -> None:
        self.people = folded_words(o, "people")
        self.forces = folded_words(o, "forces")
        self.people_verbs = folded_words(o, "people_verbs")
        self.modals = folded_words(o, "modals")
        self.people_outcomes = folded_words(o, "people_outcomes")
        self.count_nouns = folded_words(o, "count_nouns")
        self.outcome_nouns = _named_words(o.get("nouns", {}))
        self.outcome_verbs = _named_words(o.get("verbs", {}))
        self.outcome_phrases = _named_phrases(o.get("phrases", {}))


@lru_cache(maxsize=8)
def lexicon(pack: LanguagePack) -> Lexicon:
    """The :class:`Lexicon` of ``pack``, built once per pack."""
    return Lexicon(pack)
