"""Asking a corpus: :func:`figures`, :func:`compare` and :func:`speakers` over a store.

The queries return :class:`Records`, a list of plain dicts with ``to_pandas()`` (pandas is
the optional extra ``selon[pandas]``). Filters are always bound parameters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from selon.errors import StoreError
from selon.lang.pack import load_pack
from selon.models import plain_number
from selon.store.db import (
    ACCENTED,
    UNACCENTED,
    Store,
    articles,
    fold,
    iso_date,
    parse_date,
    sql_column,
    using_store,
)
from selon.store.db import figures as figures_table
from selon.store.db import statements as statements_table
from selon.store.rows import FIGURE

if TYPE_CHECKING:
    import pandas


@dataclass(frozen=True)
class Filters:
    """What to keep. ``source`` and ``outlet`` match a part of the name, case-insensitively;
    ``outcome`` exactly; ``since``/``until`` bound the publication date (inclusive).
    Only the current version of each article counts unless ``all_versions``."""

    outcome: str | None = None
    source: str | None = None
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    all_versions: bool = False

    def __post_init__(self) -> None:
        for name in ("outcome", "source", "outlet"):
            v = getattr(self, name)
            if v is not None and not isinstance(v, str):
                raise TypeError(f"{name} must be a string, not {type(v).__name__}")
        for name in ("since", "until"):
            v = getattr(self, name)
            if isinstance(v, str):
                d = parse_date(v)
                if d is None or len(v.strip()) != 10:
                    raise ValueError(f"{name} must be a date YYYY-MM-DD, got {v!r}")
                object.__setattr__(self, name, d)
            elif v is not None and not isinstance(v, dt.date):
                raise TypeError(f"{name} must be a date or 'YYYY-MM-DD', not {type(v).__name__}")


def _filters(filters: Filters | Mapping[str, Any] | None, extra: Mapping[str, Any]) -> Filters:
    if filters is None:
        return Filters(**extra)
    if isinstance(filters, Filters):
        return dataclasses.replace(filters, **extra) if extra else filters
    if isinstance(filters, Mapping):
        return Filters(**{**filters, **extra})
    raise TypeError(f"filters must be a Filters or a dict, not {type(filters).__name__}")


class _Folded(FunctionElement[str]):
    """``column`` with its accents taken off and in lower case, as :func:`~selon.store.db.fold`
    does: SQLite calls that function (``store.db._sqlite_on_connect`` registers it),
    PostgreSQL runs ``lower(translate(column, ACCENTED, UNACCENTED))``."""

    type = sa.String()
    inherit_cache = True
    name = "selon_fold"


@compiles(_Folded)
def _fold_sqlite(element: _Folded, compiler: Any, **kw: Any) -> str:
    return f"selon_fold({compiler.process(element.clauses, **kw)})"


@compiles(_Folded, "postgresql")
def _fold_postgresql(element: _Folded, compiler: Any, **kw: Any) -> str:
    translated = sa.func.translate(
        *element.clauses, sa.literal(ACCENTED, sa.String()), sa.literal(UNACCENTED, sa.String())
    )
    return str(compiler.process(sa.func.lower(translated), **kw))


def contains(column: Any, value: str) -> Any:
    """The condition: ``column`` contains ``value``, in any case and with or without accents
    (``defense`` finds ``Défense``): both sides folded by :func:`~selon.store.db.fold`, the
    same on SQLite and PostgreSQL. The value is a bound parameter, its ``%`` and ``_`` escaped."""
    return _Folded(column).contains(fold(value), autoescape=True)


def _article_conditions(f: Filters) -> list[Any]:
    cond: list[Any] = []
    if not f.all_versions:
        cond.append(articles.c.current.is_(True))
    if f.outlet:
        cond.append(contains(articles.c.outlet, f.outlet))
    if f.since:
        cond.append(articles.c.published >= f.since)
    if f.until:
        cond.append(articles.c.published <= f.until)
    return cond


class Records(list[dict[str, Any]]):
    """Query results: a list of plain dicts (one per row) with their column order."""

    def __init__(self, rows: Iterable[dict[str, Any]] = (), columns: Sequence[str] = ()) -> None:
        super().__init__(rows)
        self.columns = list(columns) or (list(self[0]) if self else [])

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (needs the extra: ``pip install 'selon[pandas]'``)."""
        try:
            import pandas as pd
        except ImportError:
            raise StoreError("pandas is not installed; run: pip install 'selon[pandas]'") from None
        return pd.DataFrame(list(self), columns=self.columns)


#: What a figure record tells of its article, and the stored column it comes from.
_ARTICLE_PARTS = (
    ("article", articles.c.input_id),
    ("version", articles.c.version),
    ("published", articles.c.published),
    ("outlet", articles.c.outlet),
    ("title", articles.c.title),
    ("url", articles.c.url),
)


def _figure_parts() -> tuple[tuple[str, Any, str], ...]:
    """``(name, stored column, type)`` of the rest of a figure record: the fields of a
    :class:`~selon.models.Figure` in their JSON order (its id named ``figure``) with the
    unit's family after the unit (no stored column: computed), then the columns the store
    keeps beyond the fields (``place``)."""
    parts: list[tuple[str, Any, str]] = []
    for p in FIGURE.parts:
        name = "figure" if p.field == "id" else p.field
        parts.append((name, sql_column(figures_table, p.column), p.kind))
        if name == "unit":
            parts.append(("unit_family", None, "string"))
    given = {column.name for _, column, _ in parts if column is not None}
    parts += [(c.name, c, "string") for c in figures_table.c if c.name not in {*given, "id", "article_id"}]
    return tuple(parts)


_FIGURE_PARTS = _figure_parts()
FIGURE_COLUMNS = [name for name, _ in _ARTICLE_PARTS] + [name for name, _, _ in _FIGURE_PARTS]


def _figure_conditions(f: Filters) -> list[Any]:
    cond = _article_conditions(f)
    if f.outcome:
        cond.append(figures_table.c.outcome == f.outcome)
    if f.source:
        cond.append(contains(figures_table.c.source, f.source))
    return cond


def figures(
    db: str | Path | Store | None = None,
    filters: Filters | Mapping[str, Any] | None = None,
    *,
    lang: str = "fr",
    limit: int | None = None,
    offset: int = 0,
    **kwargs: Any,
) -> Records:
    """Every stored figure with its source, article, outlet and date (:data:`FIGURE_COLUMNS`),
    oldest article first; ``limit``/``offset`` take one page of them (:func:`count_figures`
    tells how many there are).

    >>> figures("selon.db", outcome="killed", since="2017-03-01")  # doctest: +SKIP
    """
    if (limit is not None and limit < 0) or offset < 0:
        raise ValueError(f"limit and offset must be 0 or more, not {limit} and {offset}")
    f = _filters(filters, kwargs)
    fg = figures_table
    stored = [column for _, column in _ARTICLE_PARTS] + [c for _, c, _ in _FIGURE_PARTS if c is not None]
    query = (
        sa.select(*stored)
        .join_from(fg, articles, fg.c.article_id == articles.c.id)
        .where(*_figure_conditions(f))
        .order_by(articles.c.published, articles.c.id, fg.c.id)
        .limit(limit)
        .offset(offset or None)
    )
    families = unit_families(lang)
    out = Records(columns=FIGURE_COLUMNS)
    with using_store(db) as store, store.read() as conn:
        for r in conn.execute(query):
            out.append(_figure_record(r, families))
    return out


def count_figures(
    db: str | Path | Store | None = None, filters: Filters | Mapping[str, Any] | None = None, **kwargs: Any
) -> int:
    """How many figures :func:`figures` gives for these filters (without a limit)."""
    f = _filters(filters, kwargs)
    fg = figures_table
    query = (
        sa.select(sa.func.count())
        .select_from(fg)
        .join(articles, fg.c.article_id == articles.c.id)
        .where(*_figure_conditions(f))
    )
    with using_store(db) as store, store.read() as conn:
        return int(conn.execute(query).scalar() or 0)


def _figure_record(stored: Sequence[Any], families: Mapping[str, str]) -> dict[str, Any]:
    """One row of :func:`figures` from the stored columns its query selects."""
    values = iter(stored)
    record = {name: next(values) for name, _ in _ARTICLE_PARTS}
    record["published"] = iso_date(record["published"])
    for name, column, kind in _FIGURE_PARTS:
        if column is None:
            record[name] = unit_family(record["unit"], families)
        else:
            value = next(values)
            record[name] = plain_number(value) if kind == "double" else value
    return record


# -- units ------------------------------------------------------------------------------------

@functools.cache
def unit_families(lang: str = "fr") -> dict[str, str]:
    """The language pack's ``[units.families]`` table turned into variant → family."""
    out: dict[str, str] = {}
    for family, variants in load_pack(lang).units.families.items():
        out[_fold_unit(family)] = family
        for v in variants:
            out[_fold_unit(v)] = family
    return out


def _fold_unit(unit: str) -> str:
    return " ".join(unit.replace("\u2019", "'").lower().split())


def unit_family(unit: str | None, families: Mapping[str, str] | None = None, lang: str = "fr") -> str | None:
    """The family a unit counts in: the table's family for the phrase (or its singular), or
    for its first word when the rest only qualifies it; else the phrase's crude singular."""
    if unit is None:
        return None
    table = unit_families(lang) if families is None else families
    pack = load_pack(lang)
    units, singular_of = pack.units, pack.singular
    folded = _fold_unit(unit)
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


# -- compare ----------------------------------------------------------------------------------

NO_SOURCE = "(no source)"
GROUP_KEYS = ("outcome", "unit", "place", "date")


def compare(
    db: str | Path | Store | None = None,
    filters: Filters | Mapping[str, Any] | None = None,
    *,
    by: Sequence[str] = GROUP_KEYS,
    min_sources: int = 1,
    lang: str = "fr",
    **kwargs: Any,
) -> Records:
    """Figures grouped by what they count, one row a group, one column a source.

    A group is an outcome and a unit family (``[units]`` in the language pack), with the
    place and the publication date when known (``by`` picks which of ``outcome``, ``unit``,
    ``place``, ``date`` make a group). A source's cell is the highest figure it gives for
    the group (a range counts by its high end); a source with no figure in a group has no
    key in that row (blank in tables, NaN in pandas). ``min``/``max`` are over all the
    group's figures and ``spread`` is ``max / min`` (None when the smallest is 0). Figures
    without a number are left out; those without a source are under ``(no source)``.
    """
    unknown = set(by) - set(GROUP_KEYS)
    if unknown:
        raise ValueError(
            f"cannot group by {', '.join(sorted(unknown))}; choose among {', '.join(GROUP_KEYS)}"
        )
    f = _filters(filters, kwargs)
    fg = figures_table
    keys = [k for k in GROUP_KEYS if k in by]
    # the date as stored (ISO text on SQLite, a date from psycopg): no per-row conversion
    published = sa.type_coerce(articles.c.published, sa.String)
    columns = {"outcome": fg.c.outcome, "unit": fg.c.unit, "place": fg.c.place, "date": published}
    group_cols = [columns[k].label(k) for k in keys] + [fg.c.source.label("source")]
    lo = sa.func.min(sa.func.coalesce(fg.c.low, fg.c.high))
    hi = sa.func.max(sa.func.coalesce(fg.c.high, fg.c.low))
    cond = [*_article_conditions(f), sa.or_(fg.c.low.is_not(None), fg.c.high.is_not(None))]
    if f.outcome:
        cond.append(fg.c.outcome == f.outcome)
    if f.source:
        cond.append(contains(fg.c.source, f.source))
    query = (
        sa.select(*group_cols, lo.label("lo"), hi.label("hi"), sa.func.count().label("n"))
        .join_from(fg, articles, fg.c.article_id == articles.c.id)
        .where(*cond)
        .group_by(*group_cols)
    )
    families = unit_families(lang)
    family_of: dict[str | None, str | None] = {}
    folded: dict[str | None, str] = {}
    # group key -> {folded source -> [lowest, highest, figures]}
    groups: dict[tuple[Any, ...], dict[str, list[Any]]] = {}
    source_totals: Counter[str] = Counter()
    # sources are matched case-insensitively; a column is named by the most frequent spelling
    # (ties: the first in code-point order, so that the name does not depend on row order)
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    with using_store(db) as store, store.read() as conn:
        rows = conn.execute(query).all()
    unit_at = keys.index("unit") if "unit" in keys else None
    date_at = keys.index("date") if "date" in keys else None
    width = len(keys)
    raw_totals: dict[str | None, int] = defaultdict(int)
    # the group key as stored -> as reported (unit family, ISO date): computed once a key
    key_of: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for r in rows:
        stored_key = r[:width]
        raw_source, low_value, high_value, n = r[width:]
        gkey_t = key_of.get(stored_key)
        if gkey_t is None:
            gkey = list(stored_key)
            if unit_at is not None:
                raw = gkey[unit_at]
                if raw not in family_of:
                    family_of[raw] = unit_family(raw, families)
                gkey[unit_at] = family_of[raw]
            if date_at is not None and gkey[date_at] is not None and not isinstance(gkey[date_at], str):
                gkey[date_at] = gkey[date_at].isoformat()
            gkey_t = key_of[stored_key] = tuple(gkey)
        cells = groups.setdefault(gkey_t, {})
        source = folded.get(raw_source)
        if source is None:
            source = folded[raw_source] = _fold_unit(raw_source) if raw_source else NO_SOURCE
        raw_totals[raw_source] += n
        cell = cells.get(source)
        if cell is None:
            cells[source] = [low_value, high_value, n]
        else:
            cell[0], cell[1], cell[2] = min(cell[0], low_value), max(cell[1], high_value), cell[2] + n
    for raw_source, n in raw_totals.items():
        spellings[folded[raw_source]][raw_source or NO_SOURCE] += n
        source_totals[folded[raw_source]] += n
    reserved = {*GROUP_KEYS, "figures", "sources", "min", "max", "spread"}
    names = {s: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for s, c in spellings.items()}
    names = {s: f"{n} (source)" if n in reserved else n for s, n in names.items()}
    out: list[dict[str, Any]] = []
    used: set[str] = set()
    for group, cells in groups.items():
        if len(cells) < min_sources:
            continue
        low = min(c[0] for c in cells.values())
        high = max(c[1] for c in cells.values())
        row: dict[str, Any] = dict(zip(keys, group, strict=True))
        row["figures"] = sum(c[2] for c in cells.values())
        row["sources"] = len(cells)
        for source, cell in cells.items():
            row[names[source]] = plain_number(cell[1])
        used.update(cells)
        row.update({"min": plain_number(low), "max": plain_number(high), "spread": round(high / low, 3) if low > 0 else None})
        out.append(row)
    out.sort(key=lambda o: (-(o["sources"]), -(o["spread"] or 0), -o["figures"]))
    ordered = [
        names[s] for s, _ in sorted(source_totals.items(), key=lambda kv: (-kv[1], kv[0])) if s in used
    ]
    return Records(out, columns=[*keys, "figures", "sources", *ordered, "min", "max", "spread"])


# -- speakers ---------------------------------------------------------------------------------

SPEAKER_COLUMNS = ["speaker", "outlet", "statements", "articles", "roles"]


def speakers(
    db: str | Path | Store | None = None,
    filters: Filters | Mapping[str, Any] | None = None,
    *,
    limit: int | None = None,
    **kwargs: Any,
) -> Records:
    """Who is quoted most, by outlet: statements and articles per named speaker, with the
    roles the articles give them (most frequent first). ``source`` filters on the speaker's
    name; ``outcome`` does not apply. Speakers the article never names are left out."""
    f = _filters(filters, kwargs)
    st = statements_table
    cond = [*_article_conditions(f), st.c.speaker_name.is_not(None)]
    if f.source:
        cond.append(contains(st.c.speaker_name, f.source))
    cols = [st.c.speaker_name, articles.c.outlet, st.c.speaker_role, st.c.article_id]
    query = (
        sa.select(*cols, sa.func.count().label("n"))
        .join_from(st, articles, st.c.article_id == articles.c.id)
        .where(*cond)
        .group_by(*cols)
    )
    merged: dict[tuple[str, str | None], dict[str, Any]] = defaultdict(
        lambda: {"n": 0, "articles": set(), "roles": Counter()}
    )
    with using_store(db) as store, store.read() as conn:
        for r in conn.execute(query):
            m = merged[(r.speaker_name, r.outlet)]
            m["n"] += r.n
            m["articles"].add(r.article_id)
            if r.speaker_role:
                m["roles"][r.speaker_role] += r.n
    rows = [
        {
            "speaker": name,
            "outlet": outlet,
            "statements": m["n"],
            "articles": len(m["articles"]),
            "roles": [role for role, _ in sorted(m["roles"].items(), key=lambda kv: (-kv[1], kv[0]))],
        }
        for (name, outlet), m in merged.items()
    ]
    rows.sort(key=lambda r: (-r["statements"], -r["articles"], r["speaker"], r["outlet"] or ""))
    if limit is not None:
        rows = rows[:limit]
    return Records(rows, columns=SPEAKER_COLUMNS)
