"""Matching selon's output to the gold, by the rules of ``spec/ANNOTATION.md``
("Matching (how the scorer decides)" and "Figure scope").

- Spans: a predicted statement matches a gold one when their content spans overlap by at
  least half of the longer span; a predicted figure matches a gold one when their text
  spans overlap at all. Matching is one to one, greedy, largest overlap first.
- Names (speakers, sources, places) agree when, normalised (case, accents, punctuation and
  articles ignored), one contains the other as whole words, or the prediction names an
  alias; a null agrees only with a null.
- A value is right when both bounds agree; a period when each bound is within
  :data:`PERIOD_TOLERANCE_DAYS` of the gold one (null = null).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from selon.evaluate.gold import GoldArticle, GoldFigure, GoldPlace, GoldStatement, Period, Span
from selon.evaluate.predicted import Predicted, PredictedFigure, PredictedStatement

PERIOD_TOLERANCE_DAYS = 2
#: Articles that do not tell two names apart (« la gendarmerie » = « gendarmerie »). The
#: scorer uses one list for every language, as the project's reference scorer does.
IGNORED_NAME_WORDS = frozenset({"l", "le", "la", "les", "d", "de", "du", "des", "the"})
_APOSTROPHES = re.compile(r"[’'`]")
_PUNCTUATION = re.compile(r"[^\w\s]")
T = TypeVar("T")


# -- spans -------------------------------------------------------------------------------------
def overlap(a: Span, b: Span) -> int:
    """How many characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlaps_by_half(a: Span, b: Span) -> bool:
    """True when the spans share at least half of the longer one (the statement rule)."""
    longer = max(a[1] - a[0], b[1] - b[0]) or 1
    return 2 * overlap(a, b) >= longer


def overlaps_at_all(a: Span, b: Span) -> bool:
    """True when the spans share a character (the figure rule)."""
    return overlap(a, b) > 0


def pair_up(gold: Sequence[Span], predicted: Sequence[Span], accept: Callable[[Span, Span], bool]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of spans that ``accept`` lets match,
    chosen greedily: the largest overlap first; among equal overlaps the later gold item
    first, then the later prediction (the reference scorer's order, so that both count the
    same pairs)."""
    candidates = [
        (overlap(g, p), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if accept(g, p)
    ]
    candidates.sort(reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


# -- names ---------------------------------------------------------------------------------------
def normalise_name(name: str | None) -> str:
    """``name`` lower-cased, without accents, punctuation and articles, one space between words."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    words = _PUNCTUATION.sub(" ", _APOSTROPHES.sub(" ", plain)).split()
    return " ".join(w for w in words if w not in IGNORED_NAME_WORDS)


def _contains_words(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def same_name(predicted: str | None, gold: str | None, aliases: Sequence[str] = ()) -> bool:
    """True when the predicted name agrees with the gold name or one of its aliases: one
    contains the other as whole words, once normalised. With no gold name nor alias, only
    a missing prediction agrees (null = null)."""
    guess = normalise_name(predicted)
    golds = [normalise_name(name) for name in (gold, *aliases) if name]
    if not golds:
        return guess == ""
    return bool(guess) and any(_contains_words(g, guess) or _contains_words(guess, g) for g in golds)


def same_place(names: Sequence[str], gold: GoldPlace) -> bool:
    """True when one of the predicted place names agrees with the gold place or an alias;
    with no gold place, only a prediction without a place agrees."""
    if not names:
        return gold.name is None
    return any(same_name(name, gold.name, gold.aliases) for name in names)


# -- values and periods ---------------------------------------------------------------------------
def same_value(predicted: PredictedFigure, gold: GoldFigure) -> bool:
    """True when both bounds agree (an open bound only with an open bound)."""
    return predicted.low == gold.low and predicted.high == gold.high


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def _close_days(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    try:
        return abs((_day(predicted) - _day(gold)).days) <= PERIOD_TOLERANCE_DAYS
    except ValueError:  # a predicted bound that is not a date
        return False


def same_period(predicted: Period | None, gold: Period | None) -> bool:
    """True when each bound is within :data:`PERIOD_TOLERANCE_DAYS` days of the gold one;
    no gold period agrees only with no (or an empty) predicted one."""
    if gold is None:
        return predicted is None or (predicted.start is None and predicted.end is None)
    if predicted is None:
        return False
    return _close_days(predicted.start, gold.start) and _close_days(predicted.end, gold.end)


# -- one article ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class StatementPair:
    """A gold statement and the predicted statement matched to it."""

    gold: GoldStatement
    predicted: PredictedStatement

    @property
    def speaker_right(self) -> bool:
        return same_name(self.predicted.speaker, self.gold.speaker, self.gold.aliases)


@dataclass(frozen=True)
class FigurePair:
    """A gold figure and the predicted figure matched to it."""

    gold: GoldFigure
    predicted: PredictedFigure

    @property
    def value_right(self) -> bool:
        return same_value(self.predicted, self.gold)

    @property
    def source_right(self) -> bool:
        return same_name(self.predicted.source, self.gold.source, self.gold.source_aliases)

    @property
    def place_right(self) -> bool | None:
        """None when the gold does not record the figure's place."""
        if self.gold.place is None:
            return None
        return same_place(self.predicted.place_names, self.gold.place)

    @property
    def period_right(self) -> bool | None:
        """None when the gold does not record the figure's period."""
        if self.gold.period is None:
            return None
        return same_period(self.predicted.period, self.gold.period.value)


@dataclass(frozen=True)
class ArticleMatch:
    """One gold article against selon's output for it (``predicted`` None: not analysed)."""

    gold: GoldArticle
    predicted: Predicted | None
    statements: tuple[StatementPair, ...]
    figures: tuple[FigurePair, ...]
    missed_statements: tuple[GoldStatement, ...]
    extra_statements: tuple[PredictedStatement, ...]
    missed_figures: tuple[GoldFigure, ...]
    extra_figures: tuple[PredictedFigure, ...]


def match_article(gold: GoldArticle, predicted: Predicted | None) -> ArticleMatch:
    """Pair selon's statements and figures with the gold ones of the same article."""
    pred_statements = predicted.statements if predicted else ()
    pred_figures = predicted.figures if predicted else ()
    st_pairs = pair_up([s.span for s in gold.statements], [s.span for s in pred_statements], overlaps_by_half)
    fi_pairs = pair_up([f.span for f in gold.figures], [f.span for f in pred_figures], overlaps_at_all)
    return ArticleMatch(
        gold=gold,
        predicted=predicted,
        statements=tuple(StatementPair(gold.statements[g], pred_statements[p]) for g, p in st_pairs),
        figures=tuple(FigurePair(gold.figures[g], pred_figures[p]) for g, p in fi_pairs),
        missed_statements=_unpaired(gold.statements, {g for g, _ in st_pairs}),
        extra_statements=_unpaired(pred_statements, {p for _, p in st_pairs}),
        missed_figures=_unpaired(gold.figures, {g for g, _ in fi_pairs}),
        extra_figures=_unpaired(pred_figures, {p for _, p in fi_pairs}),
    )


def _unpaired(items: Sequence[T], paired: set[int]) -> tuple[T, ...]:
    return tuple(item for i, item in enumerate(items) if i not in paired)
