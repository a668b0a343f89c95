"""An :class:`~selon.models.Analysis` as flat table rows, and back: the one mapping.

Four tables, linked by ids (``article_id`` is ``Article.id`` as given in the input):

- ``articles``: one row per analysed article (its metadata and text, and how many
  statements and figures were found);
- ``statements``: one row per statement, ``(article_id, statement_id)`` unique;
- ``figures``: one row per figure, ``(article_id, figure_id)`` unique; ``statement_id`` is
  the statement it belongs to, or null;
- ``errors``: one row per article that could not be analysed, with the reason.

Offsets are code-point offsets into ``articles.text``, end exclusive (``docs/output.md``).

The columns are not written out here: they are read from the records of
:mod:`selon.models` (:func:`~selon.models.field_types`: their fields in the order of their
JSON form, with their types). A field is the column of its name; a record held by a field (a
statement's speaker, cue and content) is flattened into columns named ``FIELD_SUBFIELD``
(``speaker_name``, ``cue_start``); a record's id is named for its table (``statement_id``,
``figure_id``) and a figure's ``statement`` is the ``statement_id`` it belongs to. Types
are given in a small vocabulary (``string``, ``int``, ``double``) that
:mod:`selon.scale.spark` maps to Spark and Arrow types. The Parquet tables of
``selon spark`` and the SQL store (:mod:`selon.store.db`, which renames a few columns of
its version-1 schema) both use these rows.

Adding a field to a record (say ``place`` to :class:`~selon.models.Figure`) is: the field
in :mod:`selon.models` (a class with a ``JSON_ORDER`` lists it there too); for the SQL
store, a migration adding its column (:data:`selon.store.db.MIGRATIONS` and the table
definition), or an entry in :data:`selon.store.db.SQL_NAMES` when the column is there
under another name; and the tables of ``docs/spark.md`` and ``docs/output.md``. The Parquet
and Spark schemas, the store's rows both ways, the records of ``selon figures``, the web
API's models and the web view follow from the field.

Pure functions: no I/O, no optional dependency.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, is_dataclass
from typing import Any, Literal

from selon.models import Analysis, Article, Figure, Statement, field_types, plain_number
from selon.pipeline.analyzer import Failure

Row = dict[str, Any]
Columns = tuple[tuple[str, str], ...]  # (name, type) pairs


# -- layouts: where a record's fields lie in a row -----------------------------------------------


@dataclass(frozen=True)
class Part:
    """One field of a record in a flat row: a column of its own, or (``inner``) the columns
    of the record the field holds."""

    field: str
    column: str = ""  # the column of a plain field
    kind: str = ""  # its type: "string", "int" or "double"
    inner: Layout | None = None  # the layout of the record held by the field
    optional: bool = False  # the field may be None (a held record: when all its columns are null)


@dataclass(frozen=True)
class Layout:
    """Where the fields of one record type lie in a flat row, built by :func:`layout`."""

    cls: type
    parts: tuple[Part, ...]

    @property
    def columns(self) -> Columns:
        """The record's columns with their types, in order."""
        out: list[tuple[str, str]] = []
        for p in self.parts:
            out.extend(p.inner.columns if p.inner is not None else [(p.column, p.kind)])
        return tuple(out)

    def part(self, field: str) -> Part:
        return next(p for p in self.parts if p.field == field)

    def row(self, record: Any) -> Row:
        """The columns of ``record`` (all null for a held record that is None)."""
        out: Row = {}
        for p in self.parts:
            value = None if record is None else getattr(record, p.field)
            if p.inner is not None:
                out.update(p.inner.row(value))
            else:
                out[p.column] = float(value) if p.kind == "double" and value is not None else value
        return out

    def record(self, row: Mapping[str, Any]) -> Any:
        """The record these columns hold (the nulls of Parquet, SQL or pandas read as None)."""
        values: dict[str, Any] = {}
        for p in self.parts:
            if p.inner is None:
                values[p.field] = _cell(row.get(p.column), p.kind)
            elif p.optional and all(_null(row.get(c)) for c, _ in p.inner.columns):
                values[p.field] = None
            else:
                values[p.field] = p.inner.record(row)
        return self.cls(**values)


def layout(cls: type, rename: Mapping[str, str] | None = None, prefix: str = "") -> Layout:
    """The layout of the record type ``cls``: its fields in their JSON order, each the column
    ``prefix + field`` unless ``rename`` names it, a held record flattened with the prefix
    ``field_``."""
    parts: list[Part] = []
    for name, declared in field_types(cls).items():
        hint, optional = _non_null(declared)
        if is_dataclass(hint) and isinstance(hint, type):
            parts.append(Part(name, inner=layout(hint, prefix=f"{prefix}{name}_"), optional=optional))
        else:
            column = (rename or {}).get(name, prefix + name)
            parts.append(Part(name, column, _kind(hint, f"{cls.__name__}.{name}"), optional=optional))
    return Layout(cls, tuple(parts))


def _non_null(hint: Any) -> tuple[Any, bool]:
    """The type a hint allows besides None (a tuple when several), and whether it allows None."""
    if typing.get_origin(hint) not in (typing.Union, types.UnionType):
        return hint, False
    args = typing.get_args(hint)
    rest = tuple(a for a in args if a is not type(None))
    return (rest[0] if len(rest) == 1 else rest), len(rest) < len(args)


def _kind(hint: Any, where: str) -> str:
    allowed = hint if isinstance(hint, tuple) else (hint,)
    if float in allowed:
        return "double"
    if allowed == (int,):
        return "int"
    if allowed == (str,) or typing.get_origin(hint) is Literal:
        return "string"
    raise TypeError(f"{where}: no column type for {hint!r}")


def _null(value: Any) -> bool:
    """True for the nulls a reader may give back (None, NaN, pandas.NA)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN
    except TypeError:  # pandas.NA cannot be compared
        return True


def _cell(value: Any, kind: str) -> Any:
    if _null(value):
        return None
    if kind == "double":
        return plain_number(value)
    return int(value) if kind == "int" else str(value)


# -- the tables ---------------------------------------------------------------------------------

ARTICLE = layout(Article, {"id": "article_id"})
STATEMENT = layout(Statement, {"id": "statement_id"})
FIGURE = layout(Figure, {"id": "figure_id", "statement": "statement_id"})

#: Every row of statements, figures and errors starts with the article it belongs to.
ARTICLE_KEY: Columns = (("article_id", "string"),)

ARTICLE_COLUMNS: Columns = (*ARTICLE.columns, ("n_statements", "int"), ("n_figures", "int"))
STATEMENT_COLUMNS: Columns = (*ARTICLE_KEY, *STATEMENT.columns)
FIGURE_COLUMNS: Columns = (*ARTICLE_KEY, *FIGURE.columns)
ERROR_COLUMNS: Columns = (*ARTICLE_KEY, ("reason", "string"))

TABLES: dict[str, Columns] = {
    "articles": ARTICLE_COLUMNS,
    "statements": STATEMENT_COLUMNS,
    "figures": FIGURE_COLUMNS,
    "errors": ERROR_COLUMNS,
}


# -- Analysis -> rows ---------------------------------------------------------------------------


def article_row(analysis: Analysis) -> Row:
    return {
        **ARTICLE.row(analysis.article),
        "n_statements": len(analysis.statements),
        "n_figures": len(analysis.figures),
    }


def statement_row(article_id: Any, s: Statement) -> Row:
    """The row of ``s``; ``article_id`` is the key of its article in the table written."""
    return {"article_id": article_id, **STATEMENT.row(s)}


def figure_row(article_id: Any, f: Figure) -> Row:
    """The row of ``f``; ``article_id`` is the key of its article in the table written."""
    return {"article_id": article_id, **FIGURE.row(f)}


def error_row(failure: Failure) -> Row:
    return {"article_id": failure.article_id, "reason": failure.message}


def statement_rows(analysis: Analysis) -> list[Row]:
    return [statement_row(analysis.article.id, s) for s in analysis.statements]


def figure_rows(analysis: Analysis) -> list[Row]:
    return [figure_row(analysis.article.id, f) for f in analysis.figures]


def rows(result: Analysis | Failure) -> dict[str, list[Row]]:
    """The rows ``result`` adds to each of the four tables."""
    if isinstance(result, Failure):
        return {"articles": [], "statements": [], "figures": [], "errors": [error_row(result)]}
    return {
        "articles": [article_row(result)],
        "statements": statement_rows(result),
        "figures": figure_rows(result),
        "errors": [],
    }


# -- rows -> Analysis ---------------------------------------------------------------------------


def statement_from_row(r: Mapping[str, Any]) -> Statement:
    statement: Statement = STATEMENT.record(r)
    return statement


def figure_from_row(r: Mapping[str, Any]) -> Figure:
    figure: Figure = FIGURE.record(r)
    return figure


def failure_from_row(r: Mapping[str, Any]) -> Failure:
    """The failure an ``errors`` row records (``(no id)`` for an input without one)."""
    ident = r.get("article_id")
    return Failure(str(ident) if ident is not None else "(no id)", None, str(r.get("reason")))


def _id_order(item_id: str) -> tuple[int, str]:
    digits = item_id.lstrip("sf")
    return (int(digits), item_id) if digits.isdigit() else (1 << 30, item_id)


def analysis_from_rows(
    article: Mapping[str, Any],
    statements: Iterable[Mapping[str, Any]] = (),
    figures: Iterable[Mapping[str, Any]] = (),
) -> Analysis:
    """Rebuild the :class:`Analysis` that gave these rows (statements and figures in id
    order: ``s1, s2 … s10``). Columns that are not the records' are ignored."""
    a: Article = ARTICLE.record(article)
    stmts = sorted((statement_from_row(r) for r in statements), key=lambda s: _id_order(s.id))
    figs = sorted((figure_from_row(r) for r in figures), key=lambda f: _id_order(f.id))
    return Analysis(article=a, statements=stmts, figures=figs)


__all__ = [
    "ARTICLE",
    "ARTICLE_COLUMNS",
    "ERROR_COLUMNS",
    "FIGURE",
    "FIGURE_COLUMNS",
    "STATEMENT",
    "STATEMENT_COLUMNS",
    "TABLES",
    "Layout",
    "Part",
    "analysis_from_rows",
    "article_row",
    "error_row",
    "failure_from_row",
    "figure_from_row",
    "figure_row",
    "figure_rows",
    "layout",
    "rows",
    "statement_from_row",
    "statement_row",
    "statement_rows",
]
