"""From matches to numbers: counts per article, summed over any group of articles, then
precision, recall, F1 and accuracies.

Scores of a group are computed from the group's summed counts (micro-averaged), never by
averaging the scores of its articles. Conventions where there is nothing to count:
precision is 1 when there is neither gold nor prediction and 0 when only the gold has
items; recall is 1 when the gold has none; an accuracy over no matched item is None
("nothing to measure"), not 0.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from selon.evaluate.match import ArticleMatch


@dataclass(frozen=True)
class Counts:
    """What the scores are computed from; counts add up over articles."""

    articles: int = 0
    statements_gold: int = 0
    statements_predicted: int = 0
    statements_matched: int = 0
    speakers_right: int = 0
    figures_gold: int = 0
    figures_predicted: int = 0
    figures_matched: int = 0
    values_right: int = 0
    sources_right: int = 0
    values_and_sources_right: int = 0
    places_scored: int = 0
    places_right: int = 0
    periods_scored: int = 0
    periods_right: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in dataclasses.fields(self)))


def count_article(match: ArticleMatch) -> Counts:
    """The counts of one article's match."""
    figures = match.figures
    places = [p.place_right for p in figures if p.place_right is not None]
    periods = [p.period_right for p in figures if p.period_right is not None]
    return Counts(
        articles=1,
        statements_gold=len(match.gold.statements),
        statements_predicted=len(match.predicted.statements) if match.predicted else 0,
        statements_matched=len(match.statements),
        speakers_right=sum(p.speaker_right for p in match.statements),
        figures_gold=len(match.gold.figures),
        figures_predicted=len(match.predicted.figures) if match.predicted else 0,
        figures_matched=len(figures),
        values_right=sum(p.value_right for p in figures),
        sources_right=sum(p.source_right for p in figures),
        values_and_sources_right=sum(p.value_right and p.source_right for p in figures),
        places_scored=len(places),
        places_right=sum(places),
        periods_scored=len(periods),
        periods_right=sum(periods),
    )


def total(counts: Iterable[Counts]) -> Counts:
    """The sum of ``counts`` (zero counts for none)."""
    return sum(counts, Counts())


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 of ``right`` items among ``predicted`` and ``gold`` ones."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, right: int, predicted: int, gold: int) -> PRF:
        # with no prediction, precision is perfect only when there was nothing to find
        precision = right / predicted if predicted else (0.0 if gold else 1.0)
        recall = right / gold if gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)


def accuracy(right: int, out_of: int) -> float | None:
    """``right / out_of``, or None when there is nothing to measure."""
    return right / out_of if out_of else None


@dataclass(frozen=True)
class Scores:
    """The scores of a set of articles, with the counts they come from.

    ``statements_with_speaker`` counts a statement right only when its speaker is right
    too; ``figures_with_value_source`` a figure only when its value and source are right.
    """

    counts: Counts
    statements: PRF
    speaker_accuracy: float | None
    statements_with_speaker: PRF
    figures: PRF
    value_accuracy: float | None
    source_accuracy: float | None
    figures_with_value_source: PRF
    place_accuracy: float | None
    period_accuracy: float | None

    @classmethod
    def of(cls, c: Counts) -> Scores:
        return cls(
            counts=c,
            statements=PRF.of(c.statements_matched, c.statements_predicted, c.statements_gold),
            speaker_accuracy=accuracy(c.speakers_right, c.statements_matched),
            statements_with_speaker=PRF.of(c.speakers_right, c.statements_predicted, c.statements_gold),
            figures=PRF.of(c.figures_matched, c.figures_predicted, c.figures_gold),
            value_accuracy=accuracy(c.values_right, c.figures_matched),
            source_accuracy=accuracy(c.sources_right, c.figures_matched),
            figures_with_value_source=PRF.of(c.values_and_sources_right, c.figures_predicted, c.figures_gold),
            place_accuracy=accuracy(c.places_right, c.places_scored),
            period_accuracy=accuracy(c.periods_right, c.periods_scored),
        )
