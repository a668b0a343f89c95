"""How :func:`selon.store.queries.compare` puts figures side by side: pure functions, no I/O.

- a figure's value *as asserted* (:func:`asserted`: « > 130 », « ≈ 1200 », « 130–150 »,
  vague counts in their own words), never with a bound the text did not give;
- the *point value* that measures disagreement (:func:`point`): the number itself, a bound
  of « plus de » / « moins de », a range's middle; none for a vague count;
- the *days* a figure is about (:func:`days_of`): its period, else the day before its
  article's publication to that day (news reports the day before or the same day);
- figures whose days overlap are one event (:func:`overlapping`);
- the *unit family* a unit counts in (:func:`unit_family`, from the language pack);
- what a figure is grouped on, computed once when it is stored (:func:`stored_keys`: its
  unit family, place key and days, columns of the store since schema version 5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from functools import cache, lru_cache
from typing import Any, TypeVar

from selon.lang.pack import load_pack, supported_languages
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


#: The language whose pack gives the unit families of an article in no supported language.
DEFAULT_LANG = "fr"


@cache
def unit_families(lang: str = DEFAULT_LANG) -> dict[str, str]:
    """The language pack's ``[units.families]`` table turned into variant → family."""
    out: dict[str, str] = {}
    for family, variants in load_pack(lang).units.families.items():
        out[fold_unit(family)] = family
        for v in variants:
            out[fold_unit(v)] = family
    return out


def fold_unit(unit: str) -> str:
    """A unit as families are looked up: lower case, one apostrophe, single spaces."""
    return " ".join(unit.replace("\u2019", "'").lower().split())


def unit_family(unit: str | None, families: Mapping[str, str] | None = None, lang: str = DEFAULT_LANG) -> str | None:
    """The family a unit counts in: the table's family for the phrase (or its singular), or
    for its first word when the rest only qualifies it; else the phrase's crude singular."""
    if unit is None:
        return None
    table = unit_families(lang) if families is None else families
    pack = load_pack(lang)
    units, singular_of = pack.units, pack.singular
    folded = fold_unit(unit)
    if not folded:
        return None
    words = folded.split()
    singular = " ".join([singular_of(words[0]), *words[1:]])
    for candidate in (folded, singular):
        if candidate in table:
            return table[candidate]
    if len(words) > 1 and not any(
        w in units.qualifying_words or w.startswith(units.qualifying_prefixes) for w in words[1:]
    ):
        head = words[0]
        for candidate in (head, singular_of(head)):
            if candidate in table:
                return table[candidate]
        return singular_of(head)
    return singular


@cache
def family_language(language: str | None) -> str:
    """The pack whose unit families an article in ``language`` is grouped with: its own when
    selon has one, else :data:`DEFAULT_LANG`."""
    code = (language or "").split("-")[0].lower()
    return code if code in supported_languages() else DEFAULT_LANG


@lru_cache(maxsize=8192)  # a corpus counts in the same units again and again
def _stored_family(unit: str | None, lang: str) -> str | None:
    return unit_family(unit, unit_families(lang), lang)


#: The columns :func:`stored_keys` gives, stored with each figure (schema version 5).
STORED_KEYS = ("unit_family", "place_key", "day_first", "day_last")


def stored_keys(
    figure: Mapping[str, Any], published: str | dt.date | None, language: str | None
) -> dict[str, str | None]:
    """What compare groups a stored figure on (:data:`STORED_KEYS`), from its row
    (:data:`selon.store.rows.FIGURE` columns) and its article's publication date and language:
    its unit family (in the pack of the article's language), its place key
    (:func:`place_key`) and its days (:func:`days_of`) as ISO dates, both None when unknown."""
    days = days_of(figure.get("period_start"), figure.get("period_end"), published)
    return {
        "unit_family": _stored_family(figure.get("unit"), family_language(language)),
        "place_key": place_key(
            figure.get("place_city"), figure.get("place_country"), figure.get("place_name") or figure.get("place_text")
        ),
        "day_first": days[0].isoformat() if days else None,
        "day_last": days[1].isoformat() if days else None,
    }


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
