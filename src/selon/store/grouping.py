"""How :func:`selon.store.queries.compare` puts figures side by side: pure functions, no I/O.

- a figure's value *as asserted* (:func:`asserted`: « > 130 », « ≈ 1200 », « 130–150 »,
  vague counts in their own words), never with a bound the text did not give;
- the *point value* that measures disagreement (:func:`point`): the number itself, a bound
  of « plus de » / « moins de », a range's middle; none for a vague count;
- the *days* a figure is about (:func:`days_of`): its period, else the day before its
  article's publication to that day (news reports the day before or the same day);
- figures whose days overlap are one event (:func:`overlapping`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TypeVar

from selon.models import plain_number

T = TypeVar("T")
Days = tuple[dt.date, dt.date] | None

_SIGNS = {"about": "≈ ", "more_than": "> ", "at_least": "≥ ", "less_than": "< ", "at_most": "≤ "}


def place_key(city: str | None, country: str | None, place: str | None) -> str | None:
    """What groups figures by place: the city, else the country, else the place's name as
    written (lower case, one apostrophe, single spaces)."""
    if city or country:
        return city or country
    return " ".join(place.replace("\u2019", "'").lower().split()) if place else None


def number(value: float | int | None) -> str:
    """A value as a compare cell writes it: a whole number without separators, else two decimals."""
    v = plain_number(value)
    if v is None:
        return ""
    return str(v) if isinstance(v, int) else f"{v:.2f}".rstrip("0").rstrip(".")


def asserted(low: float | None, high: float | None, qualifier: str, text: str) -> str:
    """The value as the article asserts it."""
    if qualifier == "vague":
        return f"{text} (vague)"
    if qualifier == "range" or (low is not None and high is not None and low != high):
        return f"{number(low)}–{number(high)}"
    value = low if low is not None else high
    if qualifier in ("less_than", "at_most") and high is not None:
        value = high
    return _SIGNS.get(qualifier, "") + number(value)


def point(low: float | None, high: float | None, qualifier: str) -> float | None:
    """The one number that stands for the figure when sources are set against each other."""
    if qualifier == "vague":
        return None
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


def days_of(start: str | None, end: str | None, published: str | dt.date | None) -> Days:
    """The days a figure is about: its period (an open bound closed by the other), else its
    article's publication day and the day before; None when neither is known."""
    first, last = _date(start), _date(end)
    if first is not None or last is not None:
        first = first or last
        last = last or first
        assert first is not None and last is not None
        return (first, last) if first <= last else (last, first)
    day = _date(published)
    if day is None:
        return None
    return day - dt.timedelta(days=1), day


def overlapping(items: Sequence[T], days: Callable[[T], Days]) -> list[list[T]]:
    """``items`` in clusters whose days overlap, one after another (a chain of overlaps is one
    cluster); the items with no days make one cluster of their own, last."""
    dated = sorted((i for i in items if days(i) is not None), key=lambda i: days(i))  # type: ignore[arg-type, return-value]
    clusters: list[list[T]] = []
    end: dt.date | None = None
    for item in dated:
        first, last = days(item)  # type: ignore[misc]
        if clusters and end is not None and first <= end:
            clusters[-1].append(item)
            end = max(end, last)
        else:
            clusters.append([item])
            end = last
    undated = [i for i in items if days(i) is None]
    if undated:
        clusters.append(undated)
    return clusters


def span_text(spans: Sequence[Days]) -> str | None:
    """The days of a cluster as a compare row shows them: one day, or its first and last."""
    known = [s for s in spans if s is not None]
    if not known:
        return None
    first, last = min(s[0] for s in known), max(s[1] for s in known)
    return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
