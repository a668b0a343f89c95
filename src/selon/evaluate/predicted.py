"""What the scorer reads of selon's output: a flat, typed view of an :class:`Analysis`.

Fields that later layers may add to a figure (``place``, ``period``) are read with
``getattr`` defaults, so scoring works before and after they exist. A place may be a string
or an object (or dict) with ``text``/``name``; a period an object (or dict) with
``start``/``end``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from selon.evaluate.gold import Period, Span
from selon.models import Analysis, Figure, Statement


@dataclass(frozen=True)
class PredictedStatement:
    span: Span
    speaker: str | None


@dataclass(frozen=True)
class PredictedFigure:
    span: Span
    low: int | float | None
    high: int | float | None
    source: str | None
    #: The names the prediction gives the figure's place (none: no place).
    place_names: tuple[str, ...] = ()
    period: Period | None = None


@dataclass(frozen=True)
class Predicted:
    """What selon found in one article, as the scorer reads it."""

    statements: tuple[PredictedStatement, ...]
    figures: tuple[PredictedFigure, ...]


def read_analysis(analysis: Analysis) -> Predicted:
    """The scorer's view of one :class:`Analysis`."""
    return Predicted(
        statements=tuple(_statement(s) for s in analysis.statements),
        figures=tuple(_figure(f) for f in analysis.figures),
    )


def _statement(statement: Statement) -> PredictedStatement:
    speaker = statement.speaker.name if statement.speaker else None
    return PredictedStatement(span=(statement.content.start, statement.content.end), speaker=speaker)


def _figure(figure: Figure) -> PredictedFigure:
    return PredictedFigure(
        span=(figure.start, figure.end),
        low=figure.low,
        high=figure.high,
        source=figure.source,
        place_names=place_names(getattr(figure, "place", None)),
        period=period_of(getattr(figure, "period", None)),
    )


def _get(value: Any, key: str) -> Any:
    """``value[key]`` of a dict, else the attribute ``key`` (None when absent)."""
    if isinstance(value, dict):
        return value.get(key)
    return getattr(value, key, None)


def place_names(place: Any) -> tuple[str, ...]:
    """The non-empty names of a predicted place: a string, or its ``text`` and ``name``."""
    candidates = [place] if isinstance(place, str) else [_get(place, "text"), _get(place, "name")]
    return tuple(str(name) for name in candidates if name)


def period_of(period: Any) -> Period | None:
    """A predicted period as a :class:`Period` of ISO date strings (None when there is none)."""
    if period is None:
        return None
    start, end = _get(period, "start"), _get(period, "end")
    return Period(str(start) if start is not None else None, str(end) if end is not None else None)
