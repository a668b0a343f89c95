"""Asking a corpus: :func:`figures`, :func:`compare` and :func:`speakers` over a store.

The queries return :class:`Records`, a list of plain dicts with ``to_pandas()`` (pandas is
the optional extra ``selon[pandas]``). Filters are always bound parameters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import importlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from selon.errors import DependencyError, InputError
from selon.lang.pack import fold, folded, load_pack, supported_languages
from selon.models import plain_number
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
    internal = {"id", "article_id", "source_key"}  # row ids; the key queries match sources by
    parts += [(c.name, c, "string") for c in figures_table.c if c.name not in {*given, *internal}]
    return tuple(parts)


_FIGURE_PARTS = _figure_parts()
FIGURE_COLUMNS = [name for name, _ in _ARTICLE_PARTS] + [name for name, _, _ in _FIGURE_PARTS]


def _figure_conditions(f: Filters, sources: Sources | None) -> list[Any]:
    cond = _article_conditions(f)
    if f.outcome:
        cond.append(figures_table.c.outcome == f.outcome)
    if f.source:
        cond.append(source_condition(figures_table.c.source, figures_table.c.source_key, f.source, sources))
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


def figures(
    db: str | Path | Store | None = None,
    filters: Filters | Mapping[str, Any] | None = None,
    *,
    lang: str = "fr",
    limit: int | None = None,
    offset: int = 0,
    context: bool = False,
    **kwargs: Any,
) -> Records:
    """Every stored figure with its source, article, outlet and date (:data:`FIGURE_COLUMNS`),
    oldest article first; ``limit``/``offset`` take one page of them (:func:`count_figures`
    tells how many there are). ``context`` adds the column ``sentence``: the sentence of its
    article the figure is in (:func:`sentence_around`). ``source`` finds a source by any of
    its names (:func:`source_condition`).

    >>> figures("selon.db", outcome="killed", since="2017-03-01")  # doctest: +SKIP
    """
    if (limit is not None and limit < 0) or offset < 0:
        raise ValueError(f"limit and offset must be 0 or more, not {limit} and {offset}")
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
            .order_by(articles.c.published, articles.c.id, fg.c.id)
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


#: Where a sentence ends: one of . ! ? followed by a space or the end, or a line break.
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n")


def sentence_around(text: str | None, start: int | None, end: int | None) -> str | None:
    """The sentence of ``text`` that holds ``text[start:end]``: from after the last end of a
    sentence (. ! ? before a space, or a line break) before ``start`` to the first one at or
    after ``end``, trimmed. None without a text or offsets that fit it."""
    if text is None or start is None or end is None or not 0 <= start <= end <= len(text):
        return None
    first = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        first = m.end()
    after = _SENTENCE_END.search(text, end)
    last = len(text) if after is None else after.start() if after.group() == "\n" else after.end()
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
GROUP_KEYS = ("outcome", "unit", "place", "period")
#: The columns of a compare row besides its group keys and its sources' cells.
COMPARE_TAIL = ("min", "max", "spread", "where")


class _Seen(NamedTuple):
    """One stored figure as compare reads it (a tuple: compare reads every figure)."""

    source: str  # the source's canonical key (:mod:`selon.store.sources`)
    spelling: str  # as stored
    low: float | None
    high: float | None
    qualifier: str
    text: str
    place: str | None  # the place's name as shown
    point: float | None  # :func:`grouping.point`
    days: grouping.Days
    article: str  # the article's own id
    figure: str  # the figure's id in it


def compare(
    db: str | Path | Store | None = None,
    filters: Filters | Mapping[str, Any] | None = None,
    *,
    by: Sequence[str] = GROUP_KEYS,
    min_sources: int = 1,
    lang: str = "fr",
    **kwargs: Any,
) -> Records:
    """Figures grouped by what they count, where and when: one row a group, one column a source.

    A group (``by`` picks its keys) is an ``outcome`` (a code shared by every language pack,
    so an English "killed" and a French « tués » count are one outcome), a ``unit`` family
    (``[units]`` of the language pack of the figure's article, ``lang``'s for an article of
    no known language: the packs name a family alike), a ``place`` (its city, else its country, else its name: the places the
    group's figures name are shown) and a ``period``: figures whose days overlap (a figure's
    period, else its article's publication day and the day before), never the publication
    date alone, so a march reported on two days is one row. A source's cell is its figure as
    asserted (« > 130 », « ≈ 1200 », « 130–150 », a vague count in its own words; its largest
    when it gives several); ``min``/``max`` are over the group's point values (a bound of
    « plus de », a range's middle; vague counts have none) and ``spread`` is ``max / min``;
    ``where`` names, for each source, the article and figure its cell shows (``article#f2``).
    Rows come widest disagreement first among those with the most sources. Figures without a
    source are under ``(no source)``. A source is one column under all its names
    (:mod:`selon.store.sources`: case, accents and determiners, « Di Rupo » = « Elio Di Rupo »,
    the user's aliases), named by its alias's target, else its most frequent spelling here.
    """
    unknown = set(by) - set(GROUP_KEYS)
    if unknown:
        raise ValueError(
            f"cannot group by {', '.join(sorted(unknown))}; choose among {', '.join(GROUP_KEYS)}"
        )
    keys = [k for k in GROUP_KEYS if k in by]
    seen, sources = _compare_rows(db, _filters(filters, kwargs), lang, keys)
    names = _source_names(seen, sources)
    out: list[dict[str, Any]] = []
    totals: dict[str, int] = {}
    for key, items in seen.items():
        clusters = grouping.overlapping(items, lambda i: i.days) if "period" in keys else [items]
        for cluster in clusters:
            row = _compare_row(key, keys, cluster, names, min_sources)
            if row is not None:
                out.append(row)
                for i in cluster:
                    totals[i.source] = totals.get(i.source, 0) + 1
    out.sort(key=lambda o: (-(o["sources"]), -(o["spread"] or 0), -o["figures"]))
    ordered = [names[s] for s, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
    return Records(out, columns=[*keys, "figures", "sources", *ordered, *COMPARE_TAIL])


def _compare_rows(
    db: str | Path | Store | None, f: Filters, lang: str, keys: Sequence[str]
) -> tuple[dict[tuple[Any, ...], list[_Seen]], Sources]:
    """The figures with a number that pass the filters, by group key (outcome, unit family,
    place key, as ``keys`` ask), and the corpus's sources."""
    fg = figures_table
    published = sa.type_coerce(articles.c.published, sa.String)
    cond = [*_article_conditions(f), sa.or_(fg.c.low.is_not(None), fg.c.high.is_not(None), fg.c.qualifier == "vague")]
    if f.outcome:
        cond.append(fg.c.outcome == f.outcome)
    with using_store(db, read_only=True) as store, store.read() as conn:
        sources = read_sources(conn)
        if f.source:
            cond.append(source_condition(fg.c.source, fg.c.source_key, f.source, sources))
        query = (
            sa.select(
                fg.c.outcome, fg.c.unit, fg.c.place, fg.c.place_text, fg.c.place_city, fg.c.place_country,
                fg.c.period_start, fg.c.period_end, published.label("published"), fg.c.source_key, fg.c.source,
                fg.c.low, fg.c.high, fg.c.qualifier, fg.c.text, articles.c.input_id, fg.c.fid,
                articles.c.language,
            )
            .join_from(fg, articles, fg.c.article_id == articles.c.id)
            .where(*cond)
            .order_by(articles.c.id, fg.c.id)
        )  # fmt: skip
        rows = conn.execute(query).all()
    return _group_rows(rows, lang, keys, sources), sources


def _group_rows(rows: Sequence[Any], lang: str, keys: Sequence[str], sources: Sources) -> dict[tuple[Any, ...], list[_Seen]]:
    packs = set(supported_languages())
    family_of: dict[tuple[str, str | None], str | None] = {}
    canonical: dict[tuple[str | None, str | None], str] = {}
    days_of: dict[tuple[Any, Any, Any], grouping.Days] = {}
    at = {k: i for i, k in enumerate(("outcome", "unit", "place"))}
    wanted = [at[k] for k in keys if k in at]
    out: dict[tuple[Any, ...], list[_Seen]] = {}
    for outcome, unit, name, text_, city, country, p_start, p_end, day, key_, source, low, high, qualifier, text, aid, fid, language in rows:
        # a unit's family by its article's language pack (``lang`` for an article without one)
        read_as = language if language in packs else lang
        family = family_of.get((read_as, unit), unit)
        if (read_as, unit) not in family_of:
            family = family_of[read_as, unit] = unit_family(unit, unit_families(read_as), read_as)
        place = name or text_
        when = (p_start, p_end, day)
        days = days_of.get(when)
        if days is None:
            days = days_of[when] = grouping.days_of(p_start, p_end, day)
        folded = canonical.get((key_, source))
        if folded is None:
            folded = canonical[(key_, source)] = sources.of(key_) or (_fold_unit(source) if source else NO_SOURCE)
        parts = (outcome, family, grouping.place_key(city, country, place))
        key = tuple(parts[i] for i in wanted)
        point = grouping.point(low, high, qualifier)
        item = _Seen(folded, source or NO_SOURCE, low, high, qualifier, text, place, point, days, aid, fid)
        group = out.get(key)
        if group is None:
            out[key] = [item]
        else:
            group.append(item)
    return out


def _source_names(seen: Mapping[Any, list[_Seen]], sources: Sources) -> dict[str, str]:
    """Each source's column: an alias's target; else its most frequent spelling among the
    figures that spell the source itself (ties: the first in code-point order), else its name
    in the corpus (« Elio Di Rupo » when these figures say « Di Rupo »); marked when it is the
    name of another column."""
    counted = Counter((i.source, i.spelling) for items in seen.values() for i in items)
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for (source, spelling), n in counted.items():
        own = spellings[source]
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
    key: tuple[Any, ...], keys: Sequence[str], cluster: list[_Seen], names: Mapping[str, str], min_sources: int
) -> dict[str, Any] | None:
    shown: dict[str, _Seen] = {}
    for i in cluster:
        best = shown.get(i.source)
        if best is None or (i.point or 0) > (best.point or 0):
            shown[i.source] = i
    if len(shown) < min_sources:
        return None
    values = dict(zip([k for k in keys if k != "period"], key, strict=True))
    row: dict[str, Any] = {}
    for k in keys:
        if k == "place":
            places: dict[str, int] = {}
            for i in cluster:
                if i.place:
                    places[i.place] = places.get(i.place, 0) + 1
            top = sorted(places, key=lambda p: -places[p])[:3]
            row["place"] = " / ".join(top) or None
        elif k == "period":
            row["period"] = grouping.span_text([i.days for i in cluster])
        else:
            row[k] = values[k]
    row["figures"] = len(cluster)
    row["sources"] = len(shown)
    for source, i in shown.items():
        row[names[source]] = grouping.asserted(i.low, i.high, i.qualifier, i.text)
    points = [i.point for i in cluster if i.point is not None]
    low, high = (min(points), max(points)) if points else (None, None)
    row["min"], row["max"] = plain_number(low), plain_number(high)
    row["spread"] = round(high / low, 3) if low and high is not None and low > 0 else None
    row["where"] = [f"{names[s]}: {i.article}#{i.figure}" for s, i in shown.items()]
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
