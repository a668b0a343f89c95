"""An :class:`~selon.models.Analysis` as flat table rows, and back.

Four tables, linked by ids (``article_id`` is ``Article.id`` as given in the input):

- ``articles``: one row per analysed article (its metadata and text, and how many
  statements and figures were found);
- ``statements``: one row per statement, ``(article_id, statement_id)`` unique;
- ``figures``: one row per figure, ``(article_id, figure_id)`` unique; ``statement_id`` is
  the statement it belongs to, or null;
- ``errors``: one row per article that could not be analysed, with the reason.

Offsets are code-point offsets into ``articles.text``, end exclusive (``docs/output.md``).
Column names and types are given once here (:data:`TABLES`), in a small vocabulary
(``string``, ``int``, ``double``) that :mod:`selon.scale.spark` maps to Spark and Arrow types.
Pure functions: no I/O, no optional dependency.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, cast

from selon.models import (
    Analysis,
    Article,
    Figure,
    Qualifier,
    Speaker,
    Statement,
    StatementKind,
    TextSpan,
    plain_number,
)
from selon.pipeline.analyzer import Failure

Row = dict[str, Any]

ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"),
    ("title", "string"),
    ("url", "string"),
    ("outlet", "string"),
    ("published", "string"),  # YYYY-MM-DD
    ("language", "string"),
    ("text", "string"),
    ("n_statements", "int"),
    ("n_figures", "int"),
)

STATEMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"),
    ("statement_id", "string"),
    ("kind", "string"),
    ("speaker_name", "string"),
    ("speaker_text", "string"),
    ("speaker_start", "int"),
    ("speaker_end", "int"),
    ("speaker_role", "string"),
    ("cue_text", "string"),
    ("cue_start", "int"),
    ("cue_end", "int"),
    ("content_text", "string"),
    ("content_start", "int"),
    ("content_end", "int"),
    ("via", "string"),
)

FIGURE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"),
    ("figure_id", "string"),
    ("text", "string"),
    ("start", "int"),
    ("end", "int"),
    ("low", "double"),
    ("high", "double"),
    ("qualifier", "string"),
    ("unit", "string"),
    ("outcome", "string"),
    ("source", "string"),
    ("statement_id", "string"),
)

ERROR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"),
    ("reason", "string"),
)

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": ARTICLE_COLUMNS,
    "statements": STATEMENT_COLUMNS,
    "figures": FIGURE_COLUMNS,
    "errors": ERROR_COLUMNS,
}


# -- Analysis -> rows ---------------------------------------------------------------------------


def article_row(analysis: Analysis) -> Row:
    a = analysis.article
    return {
        "article_id": a.id,
        "title": a.title,
        "url": a.url,
        "outlet": a.outlet,
        "published": a.published,
        "language": a.language,
        "text": a.text,
        "n_statements": len(analysis.statements),
        "n_figures": len(analysis.figures),
    }


def statement_row(article_id: str, s: Statement) -> Row:
    sp, cue = s.speaker, s.cue
    return {
        "article_id": article_id,
        "statement_id": s.id,
        "kind": s.kind,
        "speaker_name": sp.name if sp else None,
        "speaker_text": sp.text if sp else None,
        "speaker_start": sp.start if sp else None,
        "speaker_end": sp.end if sp else None,
        "speaker_role": sp.role if sp else None,
        "cue_text": cue.text if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "content_text": s.content.text,
        "content_start": s.content.start,
        "content_end": s.content.end,
        "via": s.via,
    }


def figure_row(article_id: str, f: Figure) -> Row:
    return {
        "article_id": article_id,
        "figure_id": f.id,
        "text": f.text,
        "start": f.start,
        "end": f.end,
        "low": None if f.low is None else float(f.low),
        "high": None if f.high is None else float(f.high),
        "qualifier": f.qualifier,
        "unit": f.unit,
        "outcome": f.outcome,
        "source": f.source,
        "statement_id": f.statement,
    }


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


def _opt(v: Any) -> Any:
    """None for the nulls a reader may give back (None, NaN, pandas.NA)."""
    if v is None:
        return None
    try:
        if v != v:  # NaN
            return None
    except TypeError:  # pandas.NA cannot be compared
        return None
    return v


def _opt_int(v: Any) -> int | None:
    v = _opt(v)
    return None if v is None else int(v)


def _opt_str(v: Any) -> str | None:
    v = _opt(v)
    return None if v is None else str(v)


def statement_from_row(r: Mapping[str, Any]) -> Statement:
    speaker = None
    if any(_opt(r.get(k)) is not None for k in ("speaker_name", "speaker_text", "speaker_role")):
        speaker = Speaker(
            text=_opt_str(r.get("speaker_text")),
            start=_opt_int(r.get("speaker_start")),
            end=_opt_int(r.get("speaker_end")),
            name=_opt_str(r.get("speaker_name")),
            role=_opt_str(r.get("speaker_role")),
        )
    cue = None
    if _opt(r.get("cue_text")) is not None:
        cue = TextSpan(str(r["cue_text"]), int(r["cue_start"]), int(r["cue_end"]))
    return Statement(
        id=str(r["statement_id"]),
        kind=cast(StatementKind, r["kind"]),
        content=TextSpan(str(r["content_text"]), int(r["content_start"]), int(r["content_end"])),
        speaker=speaker,
        cue=cue,
        via=_opt_str(r.get("via")),
    )


def figure_from_row(r: Mapping[str, Any]) -> Figure:
    return Figure(
        id=str(r["figure_id"]),
        text=str(r["text"]),
        start=int(r["start"]),
        end=int(r["end"]),
        low=plain_number(r.get("low")),
        high=plain_number(r.get("high")),
        qualifier=cast(Qualifier, r["qualifier"]),
        unit=_opt_str(r.get("unit")),
        outcome=_opt_str(r.get("outcome")),
        source=_opt_str(r.get("source")),
        statement=_opt_str(r.get("statement_id")),
    )


def _id_order(item_id: str) -> tuple[int, str]:
    digits = item_id.lstrip("sf")
    return (int(digits), item_id) if digits.isdigit() else (1 << 30, item_id)


def analysis_from_rows(
    article: Mapping[str, Any],
    statements: Iterable[Mapping[str, Any]] = (),
    figures: Iterable[Mapping[str, Any]] = (),
) -> Analysis:
    """Rebuild the :class:`Analysis` that gave these rows (statements and figures in id
    order: ``s1, s2 … s10``)."""
    a = Article(
        id=str(article["article_id"]),
        text=str(article["text"]),
        title=_opt_str(article.get("title")),
        url=_opt_str(article.get("url")),
        outlet=_opt_str(article.get("outlet")),
        published=_opt_str(article.get("published")),
        language=_opt_str(article.get("language")),
    )
    stmts = sorted((statement_from_row(r) for r in statements), key=lambda s: _id_order(s.id))
    figs = sorted((figure_from_row(r) for r in figures), key=lambda f: _id_order(f.id))
    return Analysis(article=a, statements=stmts, figures=figs)


__all__ = [
    "ARTICLE_COLUMNS",
    "ERROR_COLUMNS",
    "FIGURE_COLUMNS",
    "STATEMENT_COLUMNS",
    "TABLES",
    "analysis_from_rows",
    "article_row",
    "error_row",
    "figure_from_row",
    "figure_row",
    "figure_rows",
    "rows",
    "statement_from_row",
    "statement_row",
    "statement_rows",
]
