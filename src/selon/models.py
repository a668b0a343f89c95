"""Plain typed records that cross module boundaries: Article in, Analysis out.

Their JSON form is the contract of ``docs/output.md`` (schema ``selon/1``). Every
``start``/``end`` is a code-point offset into ``Article.text``, end exclusive.
"""

from __future__ import annotations

import json
import re
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, ClassVar, Literal

SCHEMA = "selon/1"

StatementKind = Literal["direct", "indirect", "according_to"]
Qualifier = Literal["exact", "about", "more_than", "at_least", "less_than", "at_most", "range", "vague"]


def plain_number(value: Any) -> int | float | None:
    """A figure value as read back from storage (a float column, Parquet, pandas): whole
    numbers as ``int``, others as ``float``, and None for a null (None or NaN)."""
    if value is None:
        return None
    f = float(value)
    if f != f:  # NaN: pandas' null for a float column
        return None
    return int(f) if f.is_integer() else f


def field_names(cls: type) -> tuple[str, ...]:
    """The fields of a record type in the order of its JSON form: the class's ``JSON_ORDER``
    when it gives one, else the order they are declared in."""
    order: tuple[str, ...] | None = getattr(cls, "JSON_ORDER", None)
    return order if order is not None else tuple(f.name for f in fields(cls))


def field_types(cls: type) -> dict[str, Any]:
    """The fields of a record type with their types (annotations resolved), in
    :func:`field_names` order: what the tables (:mod:`selon.store.rows`) and the web API's
    schema are made from."""
    hints = typing.get_type_hints(cls)
    return {name: hints[name] for name in field_names(cls)}


def record_dict(record: Any) -> dict[str, Any]:
    """A record's JSON form: its fields in :func:`field_names` order, a record it holds as
    that record's JSON form."""
    out: dict[str, Any] = {}
    for name in field_names(type(record)):
        value = getattr(record, name)
        out[name] = record_dict(value) if is_dataclass(value) else value
    return out


@dataclass(frozen=True)
class Article:
    """One article as given to selon. ``text`` is never modified: offsets point into it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    language: str | None = None

    JSON_ORDER: ClassVar[tuple[str, ...]] = ("id", "title", "url", "outlet", "published", "language", "text")

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass(frozen=True)
class TextSpan:
    """A stretch of the article: its text and offsets."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass(frozen=True)
class Speaker:
    """Who a statement is attributed to.

    ``text``/``start``/``end`` is the mention the cue attaches to in the sentence (a name, a
    description or a pronoun); ``name`` the most specific name the article gives that source
    after following pronouns and descriptions back (None when no one is named).
    """

    text: str | None
    start: int | None
    end: int | None
    name: str | None
    role: str | None = None

    JSON_ORDER: ClassVar[tuple[str, ...]] = ("name", "text", "start", "end", "role")

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass(frozen=True)
class Statement:
    id: str
    kind: StatementKind
    content: TextSpan
    speaker: Speaker | None = None
    cue: TextSpan | None = None
    via: str | None = None

    JSON_ORDER: ClassVar[tuple[str, ...]] = ("id", "kind", "speaker", "cue", "content", "via")

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass(frozen=True)
class Place:
    """Where a figure's count applies: the place's mention in the article (``text``,
    ``start``, ``end``), the name it is known by (``name``: the gazetteer's name where the
    place is a known city or country, else the mention's proper name) and, where known, the
    ISO 3166-1 code of its ``country`` and the ``city`` it lies in."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    city: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass(frozen=True)
class Period:
    """The days a figure's count covers, as ISO dates (``start`` = ``end`` for one day; either
    None when the article leaves that bound open or unknown), and the words that gave them."""

    start: str | None
    end: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass(frozen=True)
class Figure:
    id: str
    text: str
    start: int
    end: int
    low: int | float | None
    high: int | float | None
    qualifier: Qualifier
    unit: str | None = None
    outcome: str | None = None
    source: str | None = None
    statement: str | None = None
    place: Place | None = None
    period: Period | None = None

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass
class Analysis:
    """What selon found in one article."""

    article: Article
    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "statements": [s.to_dict() for s in self.statements],
            "figures": [f.to_dict() for f in self.figures],
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def statement(self, statement_id: str) -> Statement | None:
        return next((s for s in self.statements if s.id == statement_id), None)


#: Where a sentence ends: its closing punctuation (and the quotation marks or brackets after it)
#: before a space or the end, or a line break.
_SENTENCE_END = re.compile(r"[.!?…]+[»\"\u201d)\]]*(?=\s|$)|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence of ``text`` that holds ``start``–``end``: from the end of the
    sentence before (or the line's start, past spaces) to its own closing punctuation (or the
    line's end); the web highlights it, ``selon figures --context`` prints it."""
    first = 0
    for m in _SENTENCE_END.finditer(text, 0, max(0, start)):
        first = m.end()
    after = _SENTENCE_END.search(text, max(end, start))
    last = len(text) if after is None else (after.start() if after.group() == "\n" else after.end())
    while first < start and text[first].isspace():
        first += 1
    return first, max(last, end)
