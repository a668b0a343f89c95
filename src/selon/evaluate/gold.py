"""Reading a folder of gold files (``spec/ANNOTATION.md``) into typed records.

One gold file is one JSON object: the article (``id``, ``text``, and optionally ``lang``,
``title``, ``published``) with the ``statements`` and ``figures`` an annotator found in it.
A statement's ``content`` and a figure's ``text`` are strings of the article; ``occurrence``
(default 0) says which occurrence when the string appears more than once. Reading locates
each string, so every record here carries its character span.

Everything the scorer relies on is checked here, and a problem is an
:class:`~selon.errors.InputError` that names the file, the record and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selon.errors import InputError
from selon.models import Article

#: A stretch of the article text: (start, end), end exclusive, in code points.
Span = tuple[int, int]
#: How much of a string an error message quotes.
QUOTE_CHARS = 60


@dataclass(frozen=True)
class Period:
    """The days a figure's count covers, as ISO dates (YYYY-MM-DD); None is an open bound."""

    start: str | None
    end: str | None


@dataclass(frozen=True)
class GoldStatement:
    """A statement an annotator marked: its content span and its speaker's names."""

    content: str
    span: Span
    speaker: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldPlace:
    """The place a gold figure's count applies to (``name`` None: the article gives none)."""

    name: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldPeriod:
    """A gold figure's recorded period: ``value`` None means the article gives no time."""

    value: Period | None


@dataclass(frozen=True)
class GoldFigure:
    """A figure an annotator marked. ``place`` and ``period`` are None when the gold does not
    record them (then they are not scored); ``period.value`` None is a recorded "no period"."""

    text: str
    span: Span
    low: int | float | None
    high: int | float | None
    source: str | None
    source_aliases: tuple[str, ...] = ()
    place: GoldPlace | None = None
    period: GoldPeriod | None = None


@dataclass(frozen=True)
class GoldArticle:
    """One gold file: the article and what an annotator found in it."""

    id: str
    path: Path
    text: str
    lang: str | None
    title: str | None
    published: str | None
    statements: tuple[GoldStatement, ...]
    figures: tuple[GoldFigure, ...]

    def to_article(self, lang: str | None = None) -> Article:
        """The article to give selon; ``lang`` overrides the gold's own (default ``fr``)."""
        return Article(
            id=self.id,
            text=self.text,
            title=self.title,
            published=self.published,
            language=lang or self.lang or "fr",
        )


# -- the folder --------------------------------------------------------------------------------
def read_gold_folder(folder: str | Path) -> list[GoldArticle]:
    """Every ``*.json`` gold file of ``folder`` (not its subfolders), sorted by file name.

    Raise :class:`InputError` when the folder is missing or has no gold file, when a file
    is not a valid gold file, or when two files give the same article id.
    """
    root = Path(folder)
    if not root.is_dir():
        raise InputError("not a folder of gold files", source=str(root))
    files = sorted(root.glob("*.json"))
    if not files:
        raise InputError("no gold files (*.json) in this folder", source=str(root))
    articles: list[GoldArticle] = []
    seen: dict[str, Path] = {}
    for path in files:
        article = read_gold_file(path)
        if article.id in seen:
            raise InputError(f"article id {article.id!r} is also the id of {seen[article.id]}", source=str(path))
        seen[article.id] = path
        articles.append(article)
    return articles


def read_gold_file(path: str | Path) -> GoldArticle:
    """One gold file as a :class:`GoldArticle`; raise :class:`InputError` naming the file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror or e})", source=str(path)) from None
    except UnicodeDecodeError:
        raise InputError("is not UTF-8 text", source=str(path)) from None
    except json.JSONDecodeError as e:
        raise InputError(f"is not JSON ({e.msg} at line {e.lineno}, column {e.colno})", source=str(path)) from None
    try:
        return _article(data, path)
    except _Invalid as e:
        raise InputError(str(e), source=str(path)) from None


# -- one file ------------------------------------------------------------------------------------
class _Invalid(Exception):
    """What is wrong inside a gold file (turned into an InputError naming the file)."""


def _article(data: Any, path: Path) -> GoldArticle:
    obj = _object(data, "the file")
    text = _text(obj, "text", "the file")
    statements = _list(obj, "statements", "the file")
    figures = _list(obj, "figures", "the file")
    return GoldArticle(
        id=_text(obj, "id", "the file"),
        path=path,
        text=text,
        lang=_optional_text(obj, "lang", "the file"),
        title=_optional_text(obj, "title", "the file"),
        published=_optional_date(obj, "published", "the file"),
        statements=tuple(_statement(s, text, f"statements[{i}]") for i, s in enumerate(statements)),
        figures=tuple(_figure(f, text, f"figures[{i}]") for i, f in enumerate(figures)),
    )


def _statement(data: Any, text: str, where: str) -> GoldStatement:
    obj = _object(data, where)
    content = _text(obj, "content", where)
    return GoldStatement(
        content=content,
        span=_locate(text, content, _occurrence(obj, where), f"{where}.content"),
        speaker=_name(obj, "speaker", where),
        aliases=_names(obj, "aliases", where),
    )


def _figure(data: Any, text: str, where: str) -> GoldFigure:
    obj = _object(data, where)
    figure_text = _text(obj, "text", where)
    return GoldFigure(
        text=figure_text,
        span=_locate(text, figure_text, _occurrence(obj, where), f"{where}.text"),
        low=_bound(obj, "low", where),
        high=_bound(obj, "high", where),
        source=_name(obj, "source", where),
        source_aliases=_names(obj, "source_aliases", where),
        place=GoldPlace(_optional_text(obj, "place", where), _names(obj, "place_aliases", where))
        if "place" in obj
        else None,
        period=GoldPeriod(_period(obj["period"], f"{where}.period")) if "period" in obj else None,
    )


def _locate(text: str, sub: str, occurrence: int = 0, where: str = "string") -> Span:
    """The span of the ``occurrence``-th (from 0) appearance of ``sub`` in ``text``."""
    start = -1
    for seen in range(occurrence + 1):
        start = text.find(sub, start + 1)
        if start < 0:
            found = f"appears only {seen} time{'s' * (seen > 1)}" if seen else "is not in the text"
            raise _Invalid(f"{where} {quote(sub)} {found} (occurrence {occurrence} asked)")
    return start, start + len(sub)


# -- fields --------------------------------------------------------------------------------------
def quote(value: str) -> str:
    """``value`` in quotes for a message, cut to :data:`QUOTE_CHARS` characters."""
    return repr(value if len(value) <= QUOTE_CHARS else value[: QUOTE_CHARS - 1] + "…")


def _object(data: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(data, dict):
        raise _Invalid(f"{where} is not a JSON object")
    return data


def _field(obj: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in obj:
        raise _Invalid(f"{where} has no field {key!r}")
    return obj[key]


def _text(obj: Mapping[str, Any], key: str, where: str) -> str:
    value = _field(obj, key, where)
    if not isinstance(value, str) or not value:
        raise _Invalid(f"{where}: field {key!r} must be a non-empty string")
    return value


def _optional_text(obj: Mapping[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise _Invalid(f"{where}: field {key!r} must be a string or null")
    return value or None


def _name(obj: Mapping[str, Any], key: str, where: str) -> str | None:
    """A required field that is a name or null (a speaker, a figure's source)."""
    _field(obj, key, where)
    return _optional_text(obj, key, where)


def _names(obj: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = obj.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Invalid(f"{where}: field {key!r} must be a list of strings")
    return tuple(value)


def _list(obj: Mapping[str, Any], key: str, where: str) -> Sequence[Any]:
    value = _field(obj, key, where)
    if not isinstance(value, list):
        raise _Invalid(f"{where}: field {key!r} must be a list")
    return value


def _occurrence(obj: Mapping[str, Any], where: str) -> int:
    value = obj.get("occurrence", 0)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _Invalid(f"{where}: field 'occurrence' must be a whole number from 0")
    return value


def _bound(obj: Mapping[str, Any], key: str, where: str) -> int | float | None:
    value = _field(obj, key, where)
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise _Invalid(f"{where}: field {key!r} must be a number or null")
    return value


def _optional_date(obj: Mapping[str, Any], key: str, where: str) -> str | None:
    value = _optional_text(obj, key, where)
    if value is not None:
        _check_date(value, f"{where}: field {key!r}")
    return value


def _check_date(value: str, what: str) -> None:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise _Invalid(f"{what} is not a date YYYY-MM-DD: {value!r}") from None


def _period(data: Any, where: str) -> Period | None:
    if data is None:
        return None
    obj = _object(data, where)
    bounds = [_optional_text(obj, key, where) for key in ("start", "end")]
    for key, value in zip(("start", "end"), bounds, strict=True):
        if value is not None:
            _check_date(value, f"{where}: field {key!r}")
    return Period(*bounds)
