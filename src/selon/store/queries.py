"""Asking a corpus: :func:`figures`, :func:`compare` and :func:`speakers` over a store.

The queries return :class:`Records`, a list of plain dicts with ``to_pandas()`` (pandas is
the optional extra ``selon[pandas]``). Filters are always bound parameters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import importlib
import operator
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from selon.errors import DependencyError, InputError
from selon.lang.pack import fold, folded, load_pack, supported_languages
from selon.models import plain_number, sentence_bounds
from selon.store import grouping
from selon.store.db import (
    ACCENTED,
    UNACCENTED,
    Store,
    articles,
    fold_search,
    iso_date,
    parse_date,
    sql_column,
    using_store,
)
from selon.store.db import figures as figures_table
from selon.store.db import statements as statements_table
from selon.store.keys import source_key
from selon.store.rows import FIGURE
from selon.store.sources import Sources, read_sources

if TYPE_CHECKING:
    import pandas


@dataclass(frozen=True)
class Filters:
    """What to keep. ``source`` and ``outlet`` match a part of the name, case-insensitively;
    ``outcome`` exactly; ``since``/``until`` bound the publication date (inclusive).
    ``place`` matches a part of a figure's place (its name, words, city or country, in any
    case, with or without accents); ``period`` (a year, month or day: ``2024``, ``2024-03``,
    ``2024-03-16``) keeps the figures whose days overlap it (:func:`grouping.days_of`: a
    figure's period, else its article's publication day and the day before); neither applies
    to :func:`speakers`. Only the current version of each article counts unless ``all_versions``."""

    outcome: str | None = None
    source: str | None = None
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    all_versions: bool = False
    place: str | None = None
    period: str | None = None

    def __post_init__(self) -> None:
        for name in ("outcome", "source", "outlet", "place", "period"):
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
        if self.period is not None:
            period_days(self.period)  # a ValueError now, not when the query runs

    @property
    def days(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day of ``period``; None without one."""
        return None if self.period is None else period_days(self.period)


_YEAR, _MONTH, _DAY = re.compile(r"\d{4}"), re.compile(r"\d{4}-\d{2}"), re.compile(r"\d{4}-\d{2}-\d{2}")


def period_days(period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ValueError otherwise."""
    text = period.strip()
    try:
        if _YEAR.fullmatch(text):
            year = int(text)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if _MONTH.fullmatch(text):
            first = dt.date.fromisoformat(text + "-01")
            after = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, after - dt.timedelta(days=1)
        if _DAY.fullmatch(text):
            day = dt.date.fromisoformat(text)
            return day, day
    except ValueError:
        pass
    raise ValueError(f"period must be a year, a month or a day (2024, 2024-03 or 2024-03-12), not {period!r}")


def require_pandas(what: str) -> None:
    """Raise :class:`DependencyError` naming the extra to install when pandas or pyarrow
    (the optional extra ``selon[pandas]``, for ``what``) is missing."""
    missing = []
    for name in ("pandas", "pyarrow"):
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        raise DependencyError(
            f"{what} needs {' and '.join(missing)}, which the default install leaves out; "
            "run: pip install 'selon[pandas]'"
        )


#: The outcome a figure has when people are counted and nothing more is said.
OTHER_OUTCOME = "other"


def outcome_codes() -> list[str]:
    """The outcome codes figures can have (``killed``, ``injured`` …, ``other``), from the
    language packs."""
    codes = {OTHER_OUTCOME}
    for lang in supported_languages():
        o = load_pack(lang).outcomes
        codes.update(o.nouns, o.verbs, o.phrases)
    return sorted(codes)


def outcome_code(value: str) -> str:
    """The outcome code ``value`` names: a code in any case (``Killed``) or a word a language
    pack gives that outcome (« tués », « blessés », « tuer »). Raise :class:`InputError`
    listing the outcomes otherwise."""
    codes = outcome_codes()
    wanted = fold(unicodedata.normalize("NFC", value).strip())
    if wanted in codes:
        return wanted
    named: set[str] = set()
    example = ""
    for lang in supported_languages():
        o = load_pack(lang).outcomes
        for table in (o.nouns, o.verbs, o.phrases):
            for code, words in table.items():
                example = example or f"{words[0]!r} for {code}"
                if wanted in folded(words):
                    named.add(code)
    if len(named) == 1:
        return named.pop()
    if named:
        raise InputError(f"the outcome {value!r} is a word of several outcomes ({', '.join(sorted(named))}); give one of them")
    raise InputError(
        f"unknown outcome {value!r}; the outcomes are {', '.join(codes)} "
        f"(in any case, or a word the language pack gives one, e.g. {example})"
    )


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
    return _Folded(column).contains(fold_search(value), autoescape=True)


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
        require_pandas("to_pandas()")
        import pandas as pd

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
    for column, kind in FIGURE.columns:
        name = {"figure_id": "figure", "statement_id": "statement"}.get(column, column)
        parts.append((name, sql_column(figures_table, column), kind))
        if name == "unit":
            parts.append(("unit_family", None, "string"))
    given = {column.name for _, column, _ in parts if column is not None}
    # row ids; the key queries match sources by; what compare groups on (grouping.stored_keys)
    internal = {"id", "article_id", "source_key", *grouping.STORED_KEYS}
    parts += [(c.name, c, "string") for c in figures_table.c if c.name not in {*given, *internal}]
    return tuple(parts)


_FIGURE_PARTS = _figure_parts()
FIGURE_COLUMNS = [name for name, _ in _ARTICLE_PARTS] + [name for name, _, _ in _FIGURE_PARTS]


def _figure_conditions(f: Filters, sources: Sources | None) -> list[Any]:
    fg = figures_table
    cond = _article_conditions(f)
    if f.outcome:
        cond.append(fg.c.outcome == f.outcome)
    if f.source:
        cond.append(source_condition(fg.c.source, fg.c.source_key, f.source, sources))
    if f.place and f.place.strip():
        wanted = f.place.strip()
        cond.append(sa.or_(*(contains(c, wanted) for c in (fg.c.place, fg.c.place_text, fg.c.place_city, fg.c.place_country))))
    days = f.days
    if days is not None:  # the figure's days (stored: grouping.stored_keys) overlap the period's
        cond += [fg.c.day_first.is_not(None), fg.c.day_first <= days[1].isoformat(), fg.c.day_last >= days[0].isoformat()]
    return cond


def source_condition(name: Any, key: Any, text: str, sources: Sources | None) -> Any:
    """The condition: the source (``name`` stored with ``key``) is one whose names contain
    ``text`` (:meth:`Sources.keys_matching`: « Elio » finds « Di Rupo » once they are one
    source, « Organisation internationale » an alias « OIM »), or its stored name does."""
    cond = contains(name, text)
    keys = sources.keys_matching(text) if sources is not None else []
    return sa.or_(cond, key.in_(keys)) if keys else cond


def _sources_for(conn: Any, f: Filters) -> Sources | None:
    """The corpus's sources when a filter needs them (``source``), else None."""
    return read_sources(conn) if f.source else None


#: How :func:`figures` can sort (``sort``; a leading ``-``: the other way): by ``date`` (a
#: figure's day: its period's start, else its end, else its article's publication date), by
#: ``value`` (its point value, :func:`grouping.point`, 0 for none) or by ``source`` (folded,
#: none last); ties, and no ``sort``, oldest article first.
FIGURE_SORTS = ("date", "-date", "value", "-value", "source")
#: What :func:`figure_facets` counts: a figure's outcome, source, outlet, place (its name, else
#: its words) and period (the month of its day, as ``date`` sorts).
FIGURE_FACETS = ("outcome", "source", "outlet", "place", "period")


def _text(column: Any) -> Any:
    """``column`` with an empty text as NULL."""
    return sa.func.nullif(column, "")


def _figure_day() -> Any:
    """A figure's day as text (``YYYY-MM-DD``): its period's start, else end, else its
    article's publication date (:func:`selon.web.view.when`); NULL when none is known."""
    fg = figures_table
    published = sa.cast(articles.c.published, sa.String)
    return sa.func.substr(sa.func.coalesce(_text(fg.c.period_start), _text(fg.c.period_end), published), 1, 10)


def _figure_order(sort: str | None) -> list[Any]:
    """The ORDER BY of :func:`figures` for ``sort`` (:data:`FIGURE_SORTS`)."""
    fg = figures_table
    oldest_first = [articles.c.published, articles.c.id, fg.c.id]
    if sort is None:
        return oldest_first
    if sort not in FIGURE_SORTS:
        raise ValueError(f"sort must be one of {', '.join(FIGURE_SORTS)}, not {sort!r}")
    if sort == "source":
        return [_text(fg.c.source).is_(None), _Folded(_text(fg.c.source)), *oldest_first]
    key = sa.func.coalesce(_figure_day(), "") if sort.endswith("date") else sa.func.coalesce(_point(), 0.0)
    return [key.desc() if sort.startswith("-") else key, *oldest_first]


def figures(
    db: str | Path | Store | None = None,
    filters: Filters | Mapping[str, Any] | None = None,
    *,
    lang: str = "fr",
    limit: int | None = None,
    offset: int = 0,
    context: bool = False,
    sort: str | None = None,
    **kwargs: Any,
) -> Records:
    """Every stored figure with its source, article, outlet and date (:data:`FIGURE_COLUMNS`),
    oldest article first, or as ``sort`` says (:data:`FIGURE_SORTS`); ``limit``/``offset``
    take one page of them (:func:`count_figures` tells how many there are, :func:`figure_facets`
    what they are about). ``context`` adds the column ``sentence``: the sentence of its
    article the figure is in (:func:`sentence_around`). ``source`` finds a source by any of
    its names (:func:`source_condition`).

    >>> figures("selon.db", outcome="killed", since="2017-03-01")  # doctest: +SKIP
    """
    if (limit is not None and limit < 0) or offset < 0:
        raise ValueError(f"limit and offset must be 0 or more, not {limit} and {offset}")
    order = _figure_order(sort)
    f = _filters(filters, kwargs)
    fg = figures_table
    stored = [column for _, column in _ARTICLE_PARTS] + [c for _, c, _ in _FIGURE_PARTS if c is not None]
    at_language = len(stored)  # (a unit's family is its article's language pack's)
    stored.append(articles.c.language)
    if context:
        stored.append(articles.c.text)
    packs = set(supported_languages())
    out = Records(columns=[*FIGURE_COLUMNS, *(["sentence"] if context else [])])
    with using_store(db, read_only=True) as store, store.read() as conn:
        query = (
            sa.select(*stored)
            .join_from(fg, articles, fg.c.article_id == articles.c.id)
            .where(*_figure_conditions(f, _sources_for(conn, f)))
            .order_by(*order)
            .limit(limit)
            .offset(offset or None)
        )
        for r in conn.execute(query):
            language = r[at_language] if r[at_language] in packs else lang
            record = _figure_record(r, unit_families(language), language)
            if context:
                record["sentence"] = sentence_around(r[-1], record["start"], record["end"])
            out.append(record)
    return out


def count_figures(
    db: str | Path | Store | None = None, filters: Filters | Mapping[str, Any] | None = None, **kwargs: Any
) -> int:
    """How many figures :func:`figures` gives for these filters (without a limit)."""
    f = _filters(filters, kwargs)
    fg = figures_table
    with using_store(db, read_only=True) as store, store.read() as conn:
        query = (
            sa.select(sa.func.count())
            .select_from(fg)
            .join(articles, fg.c.article_id == articles.c.id)
            .where(*_figure_conditions(f, _sources_for(conn, f)))
        )
        return int(conn.execute(query).scalar() or 0)


def _facet_value(name: str) -> Any:
    fg = figures_table
    if name == "place":
        return sa.func.coalesce(_text(fg.c.place), _text(fg.c.place_text))
    if name == "period":
        return sa.func.substr(_figure_day(), 1, 7)
    # an empty text as none (not counted); as an expression, no index is read in its order
    # either: SQLite would then fetch each figure's article out of order (twice as slow on
    # 100,000 figures as a scan and a sort)
    return _text({"outcome": fg.c.outcome, "source": fg.c.source, "outlet": articles.c.outlet}[name])


def figure_facets(
    db: str | Path | Store | None = None,
    filters: Filters | Mapping[str, Any] | None = None,
    *,
    names: Sequence[str] = FIGURE_FACETS,
    top: int | None = None,
    **kwargs: Any,
) -> dict[str, list[tuple[str, int]]]:
    """For each facet of ``names`` (:data:`FIGURE_FACETS`), its values among the figures
    :func:`figures` gives for these filters, with how many figures have each: the most
    frequent first (then in code point order), ``top`` of them at most; a figure without a
    value (none, or empty) is not counted. One GROUP BY a facet, in the database."""
    f = _filters(filters, kwargs)
    fg = figures_table
    unknown = [n for n in names if n not in FIGURE_FACETS]
    if unknown:
        raise ValueError(f"facets are {', '.join(FIGURE_FACETS)}, not {', '.join(unknown)}")
    out: dict[str, list[tuple[str, int]]] = {}
    with using_store(db, read_only=True) as store, store.read() as conn:
        cond = _figure_conditions(f, _sources_for(conn, f))
        for name in names:
            # the value in a subquery, so that GROUP BY names a column (PostgreSQL would not
            # take an expression with bound parameters as the selected one)
            inner = (
                sa.select(_facet_value(name).label("value"))
                .join_from(fg, articles, fg.c.article_id == articles.c.id)
                .where(*cond)
                .subquery()
            )
            value, n = inner.c.value, sa.func.count()
            query = (
                sa.select(value, n)
                .where(value.is_not(None), value != "")
                .group_by(value)
                .order_by(n.desc(), value)
                .limit(top)
            )
            out[name] = [(str(v), int(k)) for v, k in conn.execute(query)]
    return out


def sentence_around(text: str | None, start: int | None, end: int | None) -> str | None:
    """The sentence of ``text`` that holds ``text[start:end]`` (:func:`selon.models.sentence_bounds`,
    as the web highlights it), its spaces collapsed. None without a text or offsets that fit it."""
    if text is None or start is None or end is None or not 0 <= start <= end <= len(text):
        return None
    first, last = sentence_bounds(text, start, end)
    return " ".join(text[first:last].split())


def _figure_record(stored: Sequence[Any], families: Mapping[str, str], lang: str) -> dict[str, Any]:
    """One row of :func:`figures` from the stored columns its query selects (``families``:
    the unit families of the article's language ``lang``)."""
    values = iter(stored)
    record = {name: next(values) for name, _ in _ARTICLE_PARTS}
    record["published"] = iso_date(record["published"])
    for name, column, kind in _FIGURE_PARTS:
        if column is None:
            record[name] = unit_family(record["unit"], families, lang)
        else:
            value = next(values)
            record[name] = plain_number(value) if kind == "double" else value
    return record


# -- units ------------------------------------------------------------------------------------

#: The unit families (:mod:`selon.store.grouping`), here for the queries' users.
unit_families = grouping.unit_families
unit_family = grouping.unit_family
_fold_unit = grouping.fold_unit


# -- compare ----------------------------------------------------------------------------------

NO_SOURCE = "(no source)"
GROUP_KEYS = ("outcome", "unit", "place", "period")
#: The columns of a compare row besides its group keys and its sources' cells.
COMPARE_TAIL = ("min", "max", "spread", "where")


class _Canonical(dict[tuple[str | None, str | None], str]):
    """A stored source (its key and name) → the canonical key of its compare column:
    :meth:`Sources.of` its key, else (a name without letters) its folded name, else
    :data:`NO_SOURCE`. Worked out once a stored source."""

    def __init__(self, sources: Sources) -> None:
        super().__init__()
        self.sources = sources

    def __missing__(self, stored: tuple[str | None, str | None]) -> str:
        key, name = stored
        found = self[stored] = self.sources.of(key) or (grouping.fold_unit(name) if name else NO_SOURCE)
        return found


#: Where compare's query puts a figure's columns after its group keys (:func:`_compare_query`);
#: its days come last, when grouping by period.
_SOURCE_KEY, _SOURCE, _POINT, _LOW, _HIGH, _QUALIFIER, _TEXT, _PLACE, _PLACE_TEXT, _ARTICLE, _FIGURE, _ARTICLE_ROW, _ROW, _DAY_FIRST, _DAY_LAST = range(15)


@dataclass
class _Cluster:
    """One would-be compare row: a group key and its figures (rows of compare's query), with
    what its row shows worked out (:func:`_tally`)."""

    key: tuple[Any, ...]
    rows: list[Any]
    days: tuple[str | None, str | None]  # its first and last day (ISO dates), when grouping by period
    order: tuple[Any, ...]  # where it comes among rows of equal rank: the store's order
    shown: dict[str, tuple[Any, float | None]]  # a source → its figure the cell shows, its point
    counts: dict[str, int]  # a source → its figures here
    places: dict[str, int]  # a place as shown → its figures here, in the order met
    points: list[float]


def compare(
    db: str | Path | Store | None = None,
    filters: Filters | Mapping[str, Any] | None = None,
    *,
    by: Sequence[str] = GROUP_KEYS,
    min_sources: int = 1,
    lang: str | None = None,
    **kwargs: Any,
) -> Records:
    """Figures grouped by what they count, where and when: one row a group, one column a source.

    A group (``by`` picks its keys) is an ``outcome`` (a code shared by every language pack,
    so an English "killed" and a French « tués » count are one outcome), a ``unit`` family
    (``[units]`` in the language pack of the figure's article, or of ``lang`` when given; the
    packs name families alike), a ``place`` (its city,
    else its country, else its name: the places the group's figures name are shown) and a
    ``period``: figures whose days overlap (a figure's period, else its article's publication
    day and the day before), never the publication date alone, so a march reported on two
    days is one row. A source's cell is its figure as asserted (« > 130 », « ≈ 1200 »,
    « 130–150 », a vague count in its own words; its largest when it gives several);
    ``min``/``max`` are over the group's point values (a bound of « plus de », a range's
    middle; vague counts have none) and ``spread`` is ``max / min``; ``where`` names, for each
    source, the article and figure its cell shows (``article#f2``). Rows come widest
    disagreement first among those with the most sources. Figures without a source are under
    ``(no source)``. A source is one column under all its names (:mod:`selon.store.sources`:
    case, accents and determiners, « Di Rupo » = « Elio Di Rupo », the user's aliases), named
    by its alias's target, else its most frequent spelling here.

    The store keeps what a figure is grouped on (:func:`selon.store.grouping.stored_keys`): one
    query reads the figures in the order of their days, and only the overlap of days within a
    group is worked out here.
    """
    unknown = set(by) - set(GROUP_KEYS)
    if unknown:
        raise ValueError(
            f"cannot group by {', '.join(sorted(unknown))}; choose among {', '.join(GROUP_KEYS)}"
        )
    keys = [k for k in GROUP_KEYS if k in by]
    f = _filters(filters, kwargs)
    with _collector_paused():
        with using_store(db, read_only=True) as store, store.read() as conn:
            sources = read_sources(conn)
            result = conn.execute(_compare_query(f, keys, sources, lang))
            try:  # plain tuples: the columns need no conversion, and there may be 100,000 of them
                rows = result.cursor.fetchall() if result.cursor is not None else []
            finally:
                result.close()
        return _compare_rows(rows, keys, sources, lang, min_sources)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the block: compare makes a tuple or two a
    figure, none in a cycle, and every full collection on the way would walk them all again
    (with all else the process holds); about a third of compare's time on 100,000 figures."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _compare_rows(
    rows: Sequence[Any], keys: Sequence[str], sources: Sources, lang: str | None, min_sources: int
) -> Records:
    """The compare table of the rows of compare's query."""
    at = len(keys) - ("period" in keys)  # where the figure's own columns start
    counted = Counter(map(operator.itemgetter(at + _SOURCE_KEY, at + _SOURCE), rows))
    known = _Canonical(sources)
    canonical = {stored: known[stored] for stored in counted}
    order = operator.itemgetter(at + _ARTICLE_ROW, at + _ROW)
    clusters: list[_Cluster] = []
    for key, items in _groups(rows, keys, lang).items():
        first = order(min(items, key=order))
        for n, (members, start, end) in enumerate(_clusters(items, at) if "period" in keys else [(items, None, None)]):
            clusters.append(_tally(key, members, (start, end), (*first, n), at, canonical))
    names = _source_names(counted, canonical, sources)
    made: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    totals: dict[str, int] = {}
    cells: dict[tuple[Any, ...], str] = {}  # (low, high, qualifier, text) → the value as asserted
    for c in clusters:
        if len(c.shown) >= min_sources:
            made.append((c.order, _compare_row(c, keys, at, names, cells)))
            for source, n in c.counts.items():
                totals[source] = totals.get(source, 0) + n
    # widest disagreement first among those with the most sources; then in the store's order
    made.sort(key=lambda m: (-m[1]["sources"], -(m[1]["spread"] or 0), -m[1]["figures"], m[0]))
    ordered = [names[s] for s, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
    return Records([row for _, row in made], columns=[*keys, "figures", "sources", *ordered, *COMPARE_TAIL])


def _compare_query(f: Filters, keys: Sequence[str], sources: Sources, lang: str | None) -> Any:
    """The query of the figures with a number that pass the filters: their group keys (the
    stored unit family, or the unit when ``lang`` is given), their columns at ``_SOURCE_KEY``
    …, and their days when grouping by period; in the order of their days, then the store's."""
    fg = figures_table
    cond = [*_figure_conditions(f, sources), sa.or_(fg.c.low.is_not(None), fg.c.high.is_not(None), fg.c.qualifier == "vague")]
    group = {"outcome": fg.c.outcome, "unit": fg.c.unit if lang else fg.c.unit_family, "place": fg.c.place_key}
    days = [fg.c.day_first, fg.c.day_last] if "period" in keys else []
    return (
        sa.select(
            *(group[k] for k in keys if k in group),
            fg.c.source_key, fg.c.source, _point(), fg.c.low, fg.c.high, fg.c.qualifier, fg.c.text,
            fg.c.place, fg.c.place_text, articles.c.input_id, fg.c.fid,
            fg.c.article_id, fg.c.id, *days,
        )
        .join_from(fg, articles, fg.c.article_id == articles.c.id)
        .where(*cond)
        .order_by(*days, fg.c.article_id, fg.c.id)
    )  # fmt: skip


def _point() -> Any:
    """A figure's point value (:func:`grouping.point`) as a column: none for a vague count, a
    range's middle, else its one bound."""
    fg = figures_table
    return sa.case(
        (fg.c.qualifier == "vague", sa.null()),
        (sa.and_(fg.c.low.is_not(None), fg.c.high.is_not(None)), (fg.c.low + fg.c.high) / 2),
        else_=sa.func.coalesce(fg.c.low, fg.c.high),
    )


def _groups(rows: Sequence[Any], keys: Sequence[str], lang: str | None) -> dict[tuple[Any, ...], list[Any]]:
    """The rows of compare's query by group key (with the unit's family in ``lang``'s pack
    when given), each group in the rows' order."""
    width = len(keys) - ("period" in keys)
    unit = keys.index("unit") if lang and "unit" in keys else None
    family_of: dict[str | None, str | None] = {}
    out: dict[tuple[Any, ...], list[Any]] = {}
    for r in rows:
        key = tuple(r[:width])
        if unit is not None and lang:
            stored = key[unit]
            if stored not in family_of:
                family_of[stored] = grouping.unit_family(stored, grouping.unit_families(lang), lang)
            key = (*key[:unit], family_of[stored], *key[unit + 1 :])
        group = out.get(key)
        if group is None:
            out[key] = [r]
        else:
            group.append(r)
    return out


def _clusters(items: Sequence[Any], at: int) -> list[tuple[list[Any], str | None, str | None]]:
    """``items`` (rows of compare's query, in the order of their days) in clusters whose days
    overlap, as :func:`grouping.overlapping` makes them, each with its first and last day; the
    items without days last, in one cluster without days."""
    first_at, last_at = at + _DAY_FIRST, at + _DAY_LAST
    clusters: list[tuple[list[Any], str | None, str | None]] = []
    members: list[Any] = []
    undated: list[Any] = []
    start: Any = None
    end: Any = None
    for r in items:
        first = r[first_at]
        if first is None:
            undated.append(r)
        elif members and first <= end:
            members.append(r)
            if r[last_at] > end:
                end = r[last_at]
        else:
            if members:
                clusters.append((members, start, end))
            members, start, end = [r], first, r[last_at]
    if members:
        clusters.append((members, start, end))
    if undated:
        clusters.append((undated, None, None))
    return clusters


def _tally(
    key: tuple[Any, ...],
    rows: list[Any],
    days: tuple[str | None, str | None],
    order: tuple[Any, ...],
    at: int,
    canonical: Mapping[Any, str],
) -> _Cluster:
    """The cluster of ``rows`` with each source's largest figure (the first met among equals),
    its figures a source, its places and its point values. ``canonical``: a stored source
    (key, name) → its canonical key, for every stored source of the rows."""
    c = _Cluster(key, rows, days, order, {}, {}, {}, [])
    shown, counts, places, points = c.shown, c.counts, c.places, c.points
    key_at, name_at, point_at, place_at, text_at = at + _SOURCE_KEY, at + _SOURCE, at + _POINT, at + _PLACE, at + _PLACE_TEXT
    for r in rows:
        source = canonical[r[key_at], r[name_at]]
        point = r[point_at]
        best = shown.get(source)
        if best is None:
            shown[source] = (r, point)
            counts[source] = 1
        else:
            counts[source] += 1
            if (point or 0) > (best[1] or 0):
                shown[source] = (r, point)
        if point is not None:
            points.append(point)
        place = r[place_at] or r[text_at]  # its name, else its words
        if place:
            places[place] = places.get(place, 0) + 1
    return c


def _source_names(
    counted: Mapping[tuple[str | None, str | None], int], canonical: Mapping[Any, str], sources: Sources
) -> dict[str, str]:
    """Each source's column: an alias's target; else its most frequent spelling among the
    figures that spell the source itself (ties: the first in code-point order), else its name
    in the corpus (« Elio Di Rupo » when these figures say « Di Rupo »); marked when it is the
    name of another column. ``counted``: the figures compared by stored source (key, name),
    ``canonical`` the canonical key of each."""
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for stored, n in counted.items():
        own = spellings[canonical[stored]]
        spelling = stored[1] or NO_SOURCE
        key = source_key(spelling)
        if sources.of(key) == key:  # a spelling of the source itself, not of a name joined to it
            own[spelling] += n
    reserved = {*GROUP_KEYS, "figures", "sources", *COMPARE_TAIL}
    names = {
        s: sources.name(s) if s in sources.targets or not c else min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        for s, c in spellings.items()
    }
    return {s: f"{n} (source)" if n in reserved else n for s, n in names.items()}


def _compare_row(
    c: _Cluster, keys: Sequence[str], at: int, names: Mapping[str, str], cells: dict[tuple[Any, ...], str]
) -> dict[str, Any]:
    """The compare row of cluster ``c``; ``cells`` keeps the values written so far (a corpus
    asserts the same values again and again)."""
    values = dict(zip([k for k in keys if k != "period"], c.key, strict=True))
    row: dict[str, Any] = {}
    for k in keys:
        if k == "place":
            top = sorted(c.places, key=lambda p: -c.places[p])[:3]
            row["place"] = " / ".join(top) or None
        elif k == "period":
            first, last = c.days
            row["period"] = None if first is None else first if first == last else f"{first} – {last}"
        else:
            row[k] = values[k]
    row["figures"] = len(c.rows)
    row["sources"] = len(c.shown)
    for source, (r, _) in c.shown.items():
        stated = r[at + _LOW : at + _TEXT + 1]  # low, high, qualifier, text
        cell = cells.get(stated)
        if cell is None:
            cell = cells[stated] = grouping.asserted(*stated)
        row[names[source]] = cell
    low, high = (min(c.points), max(c.points)) if c.points else (None, None)
    row["min"], row["max"] = plain_number(low), plain_number(high)
    row["spread"] = round(high / low, 3) if low and high is not None and low > 0 else None
    row["where"] = [f"{names[s]}: {r[at + _ARTICLE]}#{r[at + _FIGURE]}" for s, (r, _) in c.shown.items()]
    return row


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
    name; ``outcome`` does not apply. Speakers the article never names are left out. A speaker
    is one row under all their names (:mod:`selon.store.sources`), named as the corpus most
    often names them (an alias's target when an alias names them)."""
    f = _filters(filters, kwargs)
    st = statements_table
    cond = [*_article_conditions(f), st.c.speaker_name.is_not(None)]
    cols = [st.c.speaker_key, st.c.speaker_name, articles.c.outlet, st.c.speaker_role, st.c.article_id]
    merged: dict[tuple[str, str | None], dict[str, Any]] = defaultdict(
        lambda: {"n": 0, "articles": set(), "roles": Counter()}
    )
    with using_store(db, read_only=True) as store, store.read() as conn:
        sources = read_sources(conn)
        if f.source:
            cond.append(source_condition(st.c.speaker_name, st.c.speaker_key, f.source, sources))
        query = (
            sa.select(*cols, sa.func.count().label("n"))
            .join_from(st, articles, st.c.article_id == articles.c.id)
            .where(*cond)
            .group_by(*cols)
        )
        for r in conn.execute(query):
            canonical = sources.of(r.speaker_key)
            m = merged[(sources.name(canonical) if canonical else r.speaker_name, r.outlet)]
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
