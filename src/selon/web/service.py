"""What the web routes call: reading a submitted article, analysing it, and the store
look-ups the pages need beyond :mod:`selon.store.queries` (one stored article back as an
:class:`~selon.models.Analysis`, a searchable list of articles, ingest of posted articles).

Plain functions over an :class:`~selon.store.db.Store` and an analyzer; no HTTP here. Every
query takes its values as bound parameters.
"""

from __future__ import annotations

import asyncio
import dataclasses
import math
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Protocol, TypeVar

import sqlalchemy as sa

from selon.errors import (
    AnalysisTimeoutError,
    BusyError,
    InputError,
    NotFoundError,
    NotTextError,
    TextTooLargeError,
    UnsupportedUploadError,
)
from selon.ingest.html import read_html
from selon.ingest.policy import RunOptions, accept
from selon.ingest.readers import article_from_object, decode
from selon.models import Analysis, Article
from selon.pipeline.analyzer import Failure
from selon.store import grouping, queries
from selon.store.db import Store, articles, iso_date
from selon.store.db import figures as figures_table
from selon.store.db import statements as statements_table
from selon.store.loader import store_articles
from selon.store.queries import COMPARE_TAIL, Filters, contains
from selon.store.sources import read_sources
from selon.web.view import period_shown, sentence_link

#: Uploads the reader accepts, by file name suffix.
UPLOAD_SUFFIXES = (".txt", ".html", ".htm")
MAX_PER_PAGE = 100
_T = TypeVar("_T")
#: The largest row id a store can hold (a signed 64-bit integer).
MAX_ID = 2**63 - 1


class AnalyzerLike(Protocol):
    @property
    def lang(self) -> str:
        """The language of a text too short to detect (an Analyzer's own)."""
        ...

    def analyze_many(self, articles: Iterable[Article]) -> Any: ...


# -- analysing a submitted text ---------------------------------------------------------------


@dataclass(frozen=True)
class AnalysisLimits:
    """How much analysis one server process takes on (``selon serve`` options).

    ``max_text``: characters of one article (more: 413); ``queue``: analyses admitted at
    once, the one running and those waiting (more: 429 with ``Retry-After``); ``timeout``:
    seconds a request waits for its analysis, queue included (then 504).
    """

    max_text: int = 100_000
    queue: int = 16
    timeout: float = 60.0

    def __post_init__(self) -> None:
        if self.max_text < 1 or self.queue < 1 or not self.timeout > 0:
            raise ValueError(f"analysis limits must be positive, not {self}")


#: The interpreter's thread switch interval for a server process (Python's default is 5 ms).
READS_SWITCH_INTERVAL = 0.0005


def favour_reads() -> None:
    """Let a server process's threads take turns every 0.5 ms instead of 5 ms, so that a read
    waits less for the interpreter lock while the analysis thread runs spaCy (in the bounded
    load test of ``benchmarks/web.py``, reads' p95 fell from about 100 to about 70 ms)."""
    sys.setswitchinterval(READS_SWITCH_INTERVAL)


class SharedAnalyzer:
    """One analyzer for a whole server process (a :class:`~selon.pipeline.routing.Router`:
    each language's model loaded on the analysis thread when first needed), behind a
    bounded queue.

    spaCy pipelines are not documented as thread-safe, so analyses run one at a time on a
    thread of their own, never on the server's shared thread pool that answers reads: a
    queue of analyses never keeps a read waiting for a thread. At most ``limits.queue``
    analyses are admitted at once (:class:`~selon.errors.BusyError` beyond), a text over
    ``limits.max_text`` characters is refused (:class:`~selon.errors.TextTooLargeError`),
    and a request waits ``limits.timeout`` seconds at most
    (:class:`~selon.errors.AnalysisTimeoutError`): an analysis whose request gave up before
    it started is skipped; one already running finishes (the size limit bounds it) and
    keeps its place in the queue until then.
    """

    def __init__(self, analyzer: AnalyzerLike, limits: AnalysisLimits | None = None) -> None:
        self.analyzer = analyzer
        self.lang = analyzer.lang
        self.limits = limits or AnalysisLimits()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="selon-analysis")
        self._lock = threading.Lock()
        self._admitted = 0
        self._seconds = 1.0  # a running mean of one job's duration, for Retry-After

    @property
    def admitted(self) -> int:
        """Analyses admitted now: the one running and those waiting."""
        with self._lock:
            return self._admitted

    # -- limits ---------------------------------------------------------------------------

    def check_size(self, text: str, source: str | None = None) -> None:
        """Raise :class:`TextTooLargeError` for a text over ``limits.max_text`` characters."""
        if len(text) > self.limits.max_text:
            raise TextTooLargeError(
                f"the text has {len(text):,} characters; this server analyses at most "
                f"{self.limits.max_text:,} per article (selon serve --max-text): send a shorter "
                "text or analyse it with selon analyze",
                source=source,
            )

    def _admit(self) -> None:
        with self._lock:
            if self._admitted >= self.limits.queue:
                wait = min(self.limits.timeout, self._seconds * self._admitted)
                retry = max(1, math.ceil(wait))
                raise BusyError(
                    f"the server is busy: {self._admitted} analyses are running or waiting, its limit "
                    f"(selon serve --queue); retry in {retry} s",
                    retry_after=retry,
                )
            self._admitted += 1

    def _release(self, _: Future[Any]) -> None:
        with self._lock:
            self._admitted -= 1

    def _job(self, fn: Callable[..., _T], args: tuple[Any, ...], deadline: float | None) -> _T:
        if deadline is not None and time.monotonic() > deadline:
            raise AnalysisTimeoutError("the request gave up waiting before its analysis started")
        started = time.monotonic()
        try:
            return fn(*args)
        finally:
            elapsed = time.monotonic() - started
            with self._lock:
                self._seconds = 0.8 * self._seconds + 0.2 * elapsed

    def _submit(self, fn: Callable[..., _T], args: tuple[Any, ...], deadline: float | None) -> Future[_T]:
        self._admit()
        try:
            future = self._executor.submit(self._job, fn, args, deadline)
        except BaseException:
            self._release(Future())
            raise
        future.add_done_callback(self._release)
        return future

    def _timed_out(self) -> AnalysisTimeoutError:
        return AnalysisTimeoutError(
            f"the analysis did not finish within {self.limits.timeout:g} s, this server's limit "
            "(selon serve --analysis-timeout); retry later or send a shorter text"
        )

    # -- running --------------------------------------------------------------------------

    async def run(self, fn: Callable[..., _T], *args: Any) -> _T:
        """``fn(*args)`` on the analysis thread, admitted to the bounded queue and awaited
        within the time limit, without holding a thread of the server meanwhile."""
        future = self._submit(fn, args, time.monotonic() + self.limits.timeout)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.limits.timeout)
        except TimeoutError:
            raise self._timed_out() from None

    def run_sync(self, fn: Callable[..., _T], *args: Any, timeout: bool = True) -> _T:
        """:meth:`run` for a caller on a thread of its own (waits within the time limit
        unless ``timeout`` is false)."""
        limit = self.limits.timeout if timeout else None
        future = self._submit(fn, args, None if limit is None else time.monotonic() + limit)
        try:
            return future.result(limit)
        except FuturesTimeout:
            future.cancel()
            raise self._timed_out() from None

    def analyze_now(self, article: Article) -> Analysis:
        """Analyse ``article`` on the calling thread (call it through :meth:`run`)."""
        result = next(iter(self.analyzer.analyze_many([article])))
        if isinstance(result, Failure):
            raise InputError(result.message, source=result.source)
        return result

    def analyze(self, article: Article) -> Analysis:
        """Analyse one article through the bounded queue, waiting on this thread."""
        self.check_size(article.text, article.id)
        return self.run_sync(self.analyze_now, article)

    def analyze_many(self, batch: Sequence[Article]) -> list[Analysis | Failure]:
        """Analyse a batch as one job of the queue (no time limit: the caller is trusted)."""
        return self.run_sync(lambda: list(self.analyzer.analyze_many(batch)), timeout=False)

    def close(self) -> None:
        """Stop taking analyses; drop those still waiting."""
        self._executor.shutdown(wait=False, cancel_futures=True)


def make_article(
    text: str,
    *,
    reads: str,
    lang: str | None = None,
    published: str | None = None,
    id: str = "article",
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Article:
    """The :class:`Article` for a submitted text, read as ``selon analyze`` reads a JSON
    object and accepted by the policy every way in shares (:func:`selon.ingest.policy.accept`),
    ``reads`` being the language of a text too short to detect; raise the :class:`~selon.errors.SelonError` that
    refuses it.

    ``lang`` declares the language (then there is no detection); ``published`` must be a
    date ``YYYY-MM-DD`` (an ISO date-time is cut to its date); a blank one is none.
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    fields = {"text": text, "lang": lang, "title": title, "url": url, "outlet": outlet}
    fields["published"] = published if published and published.strip() else None
    article = article_from_object(fields, source=None, default_id=id)
    return accept(article, RunOptions(default_lang=reads))


def safe_id(filename: str | None, default: str = "upload") -> str:
    """An article id from an uploaded file's name: its last part's stem, tamed. The name is
    never used to open anything."""
    if not filename:
        return default
    stem = PurePosixPath(filename.replace("\\", "/")).stem
    cleaned = re.sub(r"[^\w.-]+", "-", stem).strip(".-")[:80]
    return cleaned or default


def read_upload(filename: str | None, data: bytes) -> tuple[str, str]:
    """``(kind, text)`` of an uploaded article: ``kind`` is ``"text"`` or ``"html"``.

    Raise :class:`UnsupportedUploadError` (415) for a name without ``.txt``/``.html``/``.htm``
    or for binary content, :class:`InputError` for text that is not UTF-8 or is empty.
    """
    name = filename or "upload"
    suffix = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise UnsupportedUploadError(
            f"cannot read a {suffix or 'file without a suffix'} upload; send a .txt or .html article"
        )
    try:
        text = decode(data, "the uploaded file")
    except NotTextError as e:
        raise UnsupportedUploadError(f"{e.reason}; send a .txt or .html article", source=e.source) from None
    if not text.strip():
        raise InputError("the uploaded file is empty")
    return ("html" if suffix in (".html", ".htm") else "text"), text


def article_from_html(html: str, *, id: str) -> Article:
    """The main text and metadata of a news page (trafilatura, as ``selon ingest`` reads .html)."""
    return read_html(html, id=id, source="the uploaded page")


# -- filters ----------------------------------------------------------------------------------


def make_filters(
    *,
    outcome: str | None = None,
    source: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Filters:
    """:class:`~selon.store.queries.Filters` from form or query strings (empty means no filter);
    a malformed date is an :class:`InputError` (422)."""

    def clean(v: str | None) -> str | None:
        return v.strip() if v and v.strip() else None

    try:
        return Filters(
            outcome=clean(outcome),
            source=clean(source),
            outlet=clean(outlet),
            since=clean(since),  # type: ignore[arg-type]  # Filters parses YYYY-MM-DD
            until=clean(until),  # type: ignore[arg-type]
        )
    except ValueError as e:
        raise InputError(str(e)) from None


# -- stored articles --------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredArticle:
    """An article of the store as listed on the browse page."""

    id: int
    input_id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    version: int
    statements: int
    figures: int
    snippet: str
    language: str | None = None  # the language the article was read in (its pack's code)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class ArticlePage:
    total: int
    page: int
    per_page: int
    items: list[StoredArticle] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "pages": self.pages,
            "articles": [a.to_dict() for a in self.items],
        }


def _snippet(text: str, width: int = 220) -> str:
    flat = " ".join(text[: width * 3].split())
    if len(flat) <= width:
        return flat
    cut = flat.rfind(" ", 0, width)
    return flat[: cut if cut > width // 2 else width].rstrip(" ,;:") + "…"


def list_articles(
    store: Store,
    *,
    q: str | None = None,
    speaker: str | None = None,
    outlet: str | None = None,
    page: int = 1,
    per_page: int = 20,
) -> ArticlePage:
    """Current stored articles, newest first, one page of them.

    ``q``: every word must appear in the text or the title (any case); ``speaker``: some
    statement's speaker is a source one of whose names (or aliases) contains it; ``outlet``: the outlet contains it.
    """
    if page < 1:
        raise InputError(f"page must be 1 or more, not {page}")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise InputError(f"per_page must be between 1 and {MAX_PER_PAGE}, not {per_page}")
    a, st, fg = articles, statements_table, figures_table
    cond: list[Any] = [a.c.current.is_(True)]
    for word in (q or "").split()[:20]:
        cond.append(sa.or_(contains(a.c.text, word), contains(sa.func.coalesce(a.c.title, ""), word)))
    if speaker and speaker.strip():
        # a speaker under any of their names (family name, alias), as the store's queries find them
        with store.read() as conn:
            sources = read_sources(conn)
        named = queries.source_condition(st.c.speaker_name, st.c.speaker_key, speaker.strip(), sources)
        cond.append(sa.exists().where(st.c.article_id == a.c.id, named))
    if outlet and outlet.strip():
        cond.append(contains(a.c.outlet, outlet.strip()))
    n_statements = (
        sa.select(sa.func.count()).where(st.c.article_id == a.c.id).correlate(a).scalar_subquery()
    )
    n_figures = sa.select(sa.func.count()).where(fg.c.article_id == a.c.id).correlate(a).scalar_subquery()
    query = (
        sa.select(
            a.c.id, a.c.input_id, a.c.title, a.c.outlet, a.c.published, a.c.url, a.c.version, a.c.language,
            sa.func.substr(a.c.text, 1, 700).label("head"),
            n_statements.label("n_statements"), n_figures.label("n_figures"),
        )  # fmt: skip
        .where(*cond)
        .order_by(a.c.published.is_(None), a.c.published.desc(), a.c.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    count = sa.select(sa.func.count()).select_from(a).where(*cond)
    with store.read() as conn:
        total = int(conn.execute(count).scalar() or 0)
        rows = conn.execute(query).all()
    items = [
        StoredArticle(
            id=r.id,
            input_id=r.input_id,
            title=r.title,
            outlet=r.outlet,
            published=iso_date(r.published),
            url=r.url,
            version=r.version,
            statements=int(r.n_statements),
            figures=int(r.n_figures),
            snippet=_snippet(r.head or ""),
            language=r.language,
        )
        for r in rows
    ]
    return ArticlePage(total=total, page=page, per_page=per_page, items=items)


def load_analysis(store: Store, article_id: int) -> Analysis:
    """The stored article ``article_id`` (the store's row id) with its statements and
    figures, as an :class:`Analysis`; :class:`NotFoundError` when there is none (an id
    out of the store's 64-bit range included)."""
    if not 0 < article_id <= MAX_ID:
        raise NotFoundError(f"no article {article_id} in the store (ids run from 1 to {MAX_ID})")
    analysis = store.analysis(article_id)
    if analysis is None:
        raise NotFoundError(f"no article {article_id} in the store")
    return analysis


# -- ingest of posted articles ----------------------------------------------------------------


@dataclass
class IngestResult:
    ingested: list[dict[str, Any]] = field(default_factory=list)
    present: list[dict[str, Any]] = field(default_factory=list)
    failed: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"ingested": self.ingested, "already_present": self.present, "failed": self.failed}


def ingest_articles(store: Store, analyzer: SharedAnalyzer, batch: Sequence[Article]) -> IngestResult:
    """Analyse the articles not stored yet and store each in its own transaction, as
    :func:`selon.store.loader.ingest` does for files (:func:`~selon.store.loader.store_articles`).
    A failed article, or one the store refuses, is reported; the others go on."""
    result = IngestResult()
    admitted: list[Article] = []
    for article in batch:
        try:
            analyzer.check_size(article.text, article.id)
        except TextTooLargeError as e:
            result.failed.append({"id": article.id, "reason": e.reason})
            continue
        admitted.append(article)
    for done in store_articles(store, [(a.id, a) for a in admitted], lambda: analyzer):
        if done.failure is not None:
            result.failed.append({"id": done.article.id, "reason": done.failure.message})
            continue
        entry: dict[str, Any] = {"id": done.article.id}
        if done.added is not None:
            entry.update(store_id=done.added.article_id, version=done.added.version)
        (result.ingested if done.status == "ingested" else result.present).append(entry)
    return result


# -- back to the sentence ---------------------------------------------------------------------


def find_article(store: Store, article_id: str) -> int:
    """The row id of the current version of the stored article whose own id is ``article_id``;
    :class:`NotFoundError` when none is stored."""
    found = store.find(article_id) if article_id and len(article_id) <= 500 else None
    if found is None:
        raise NotFoundError(
            f"no article {article_id[:80]!r} in the store; the browse page (/articles) lists the stored ones"
        )
    return found


def parse_where(entries: Sequence[str] | None, sources: Sequence[str]) -> dict[str, tuple[str, str]]:
    """A compare row's ``where`` list (« SOURCE: ARTICLE#FIGURE », one per source cell) as
    source column → (article id, figure id). A source is matched by its column's name, so a
    colon or ``#`` inside a source's name or an article's id is read right."""
    out: dict[str, tuple[str, str]] = {}
    for entry in entries or ():
        source = max((s for s in sources if entry.startswith(f"{s}: ")), key=len, default=None)
        if source is None:
            continue
        article, hash_, figure = entry[len(source) + 2 :].rpartition("#")
        if hash_ and article and figure:
            out[source] = (article, figure)
    return out


def figure_days(record: Mapping[str, Any]) -> grouping.Days:
    """The days a figure record of :func:`selon.store.queries.figures` is about, as compare
    reads them (:func:`selon.store.grouping.days_of`)."""
    return grouping.days_of(record.get("period_start"), record.get("period_end"), record.get("published"))


def figure_place(record: Mapping[str, Any]) -> str | None:
    """A figure record's place as the pages show it: its name, else its words."""
    return record.get("place_name") or record.get("place_text")


def figure_period(record: Mapping[str, Any]) -> str | None:
    """A figure record's period as the pages show it (:func:`selon.web.view.period_shown`)."""
    return period_shown(record.get("period_start"), record.get("period_end"), record.get("period_text"))


def _place_key(record: Mapping[str, Any]) -> str | None:
    # as selon.store.queries.compare keys a place
    return grouping.place_key(record.get("place_city"), record.get("place_country"), figure_place(record))


def group_figures(
    records: Sequence[Mapping[str, Any]], row: Mapping[str, Any], sources: Sequence[str], by: Sequence[str]
) -> list[Mapping[str, Any]]:
    """The figures of ``records`` (:func:`selon.store.queries.figures`, same filters) that
    make up compare row ``row``: those with the row's keys (``by``: the outcome, unit family
    and place key of the figures its cells show) whose days overlap the row's days."""
    by_id = {(r["article"], r["figure"]): r for r in records}
    shown = [by_id[ref] for ref in parse_where(row.get("where"), sources).values() if ref in by_id]
    if not shown:
        return []

    def key(r: Mapping[str, Any]) -> tuple[Any, ...]:
        parts = {"outcome": r.get("outcome"), "unit": r.get("unit_family"), "place": _place_key(r)}
        return tuple(parts[k] for k in ("outcome", "unit", "place") if k in by)

    wanted = key(shown[0])
    members = [r for r in records if key(r) == wanted]
    if "period" not in by:
        return members
    spans = [figure_days(r) for r in shown]
    if any(s is None for s in spans):
        return [r for r in members if figure_days(r) is None]
    first, last = min(s[0] for s in spans if s), max(s[1] for s in spans if s)
    out = []
    for r in members:
        days = figure_days(r)
        if days is not None and days[0] <= last and first <= days[1]:
            out.append(r)
    return out


# -- the figures page -------------------------------------------------------------------------

#: The facets of the figures page, in the order the page shows them.
FACETS = queries.FIGURE_FACETS
#: How the figures page sorts (a leading ``-``: the other way).
SORTS = queries.FIGURE_SORTS
#: Values a facet lists at most (the most frequent).
FACET_VALUES = 12


@dataclass
class FiguresPage:
    """One page of the figures page: its rows, how many match, and each facet's values with
    their counts among the matching figures."""

    rows: list[dict[str, Any]]
    total: int
    page: int
    per_page: int
    facets: dict[str, list[tuple[str, int]]]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def figures_page(
    store: Store,
    filters: Filters,
    *,
    place: str | None = None,
    period: str | None = None,
    sort: str = "date",
    page: int = 1,
    per_page: int = 50,
) -> FiguresPage:
    """The stored figures that pass ``filters`` (:func:`selon.store.queries.figures`), whose
    place (name, words, city or country) contains ``place`` and whose days overlap ``period``
    (a year, month or day; both filters of the query: :class:`~selon.store.queries.Filters`),
    sorted by ``sort`` (:data:`SORTS`), one page of them, with the counts of every facet
    (:data:`FACETS`) among all that match. Each row gains ``link`` (its sentence), ``place``
    and ``period`` (as shown) and ``value`` (its point value)."""
    if sort not in SORTS:
        raise InputError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        raise InputError(f"page must be 1 or more and per_page between 1 and {MAX_PER_PAGE}")
    try:
        filters = dataclasses.replace(
            filters,
            place=place.strip() if place and place.strip() else filters.place,
            period=period.strip() if period and period.strip() else filters.period,
        )
    except ValueError as e:
        raise InputError(str(e)) from None
    # counts, facets and the page are the database's work: a page of 50 of 100,000 figures
    # reads 50 rows
    total = queries.count_figures(store, filters)
    facets = queries.figure_facets(store, filters, names=FACETS, top=FACET_VALUES)
    shown: list[dict[str, Any]] = list(
        queries.figures(store, filters, sort=sort, limit=per_page, offset=(page - 1) * per_page)
    )
    for r in shown:
        r["link"] = sentence_link(r["article"], r["figure"])
        r["place"] = figure_place(r)
        r["period"] = figure_period(r)
        r["value"] = grouping.asserted(r.get("low"), r.get("high"), r.get("qualifier") or "", r.get("text") or "")
    return FiguresPage(shown, total, page, per_page, facets)


# -- the compare page -------------------------------------------------------------------------


@dataclass
class CompareView:
    """A compare table as its page shows it: ``columns`` (the group keys, counts, sources,
    ``place`` and ``period`` when the grouping has no such key, then min/max/spread),
    ``sources`` (the source columns) and ``rows``, each a list of ``cells``: the value, and
    for a source's cell the address of its figure's sentence and its place and period."""

    columns: list[str]
    sources: list[str]
    rows: list[dict[str, Any]]


def compare_view(table: Sequence[Mapping[str, Any]], records: Sequence[Mapping[str, Any]], keys: Sequence[str]) -> CompareView:
    """The page's view of compare ``table`` (grouped by ``keys``), its cells' figures looked up
    in ``records`` (:func:`selon.store.queries.figures` with the same filters)."""
    columns: list[str] = list(getattr(table, "columns", []))
    fixed = {*keys, "figures", "sources", *COMPARE_TAIL}
    sources = [c for c in columns if c not in fixed]
    extra = [k for k in ("place", "period") if k not in keys]
    shown = [*[c for c in columns if c not in COMPARE_TAIL], *extra, *[c for c in COMPARE_TAIL if c != "where"]]
    by_id = {(r["article"], r["figure"]): r for r in records}
    rows: list[dict[str, Any]] = []
    for row in table:
        refs = parse_where(row.get("where"), sources)
        figures = {s: by_id.get(ref) for s, ref in refs.items()}
        cells: list[dict[str, Any]] = []
        for c in shown:
            cell: dict[str, Any] = {"column": c, "value": row.get(c), "kind": "outcome" if c == "outcome" else "plain",
                                    "href": None, "note": None}
            if c in sources:
                cell["kind"] = "source"
                if c in refs:
                    cell["href"] = sentence_link(*refs[c])
                    record = figures.get(c)
                    if record is not None:
                        cell["note"] = " · ".join(p for p in (figure_place(record), figure_period(record)) if p)
            elif c in extra:
                known = [r for r in figures.values() if r is not None]
                if c == "place":
                    cell["value"] = " / ".join(dict.fromkeys(p for r in known if (p := figure_place(r)))) or None
                else:
                    cell["value"] = grouping.span_text([figure_days(r) for r in known])
            cells.append(cell)
        rows.append({"cells": cells})
    return CompareView(shown, sources, rows)
