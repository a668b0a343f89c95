"""What the web routes call: reading a submitted article, analysing it, and the store
look-ups the pages need beyond :mod:`selon.store.queries` (one stored article back as an
:class:`~selon.models.Analysis`, a searchable list of articles, ingest of posted articles).

Plain functions over an :class:`~selon.store.db.Store` and an analyzer; no HTTP here. Every
query takes its values as bound parameters.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Protocol

import sqlalchemy as sa

from selon.errors import InputError, NotFoundError, NotTextError, UnsupportedUploadError
from selon.ingest.html import read_html
from selon.ingest.policy import RunOptions, accept
from selon.ingest.readers import article_from_object, decode
from selon.models import Analysis, Article
from selon.pipeline.analyzer import Failure
from selon.store.db import Store, articles, iso_date
from selon.store.db import figures as figures_table
from selon.store.db import statements as statements_table
from selon.store.loader import store_articles
from selon.store.queries import Filters, contains

#: Uploads the reader accepts, by file name suffix.
UPLOAD_SUFFIXES = (".txt", ".html", ".htm")
MAX_PER_PAGE = 100


class AnalyzerLike(Protocol):
    lang: str

    def analyze_many(self, articles: Iterable[Article]) -> Any: ...


# -- analysing a submitted text ---------------------------------------------------------------


class SharedAnalyzer:
    """One loaded analyzer for a whole server process, used by one request at a time.

    spaCy pipelines are not documented as thread-safe; the web server runs blocking routes
    in a thread pool, so analyses are serialised here (scale with server processes).
    """

    def __init__(self, analyzer: AnalyzerLike) -> None:
        self.analyzer = analyzer
        self.lang = analyzer.lang
        self._lock = threading.Lock()

    def analyze(self, article: Article) -> Analysis:
        with self._lock:
            result = next(iter(self.analyzer.analyze_many([article])))
        if isinstance(result, Failure):
            raise InputError(result.message, source=result.source)
        return result

    def analyze_many(self, batch: Sequence[Article]) -> list[Analysis | Failure]:
        with self._lock:
            return list(self.analyzer.analyze_many(batch))


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
    object and accepted by the policy every way in shares (:func:`selon.ingest.policy.accept`)
    for an analyzer that reads ``reads``; raise the :class:`~selon.errors.SelonError` that
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
    statement's speaker name contains it; ``outlet``: the outlet contains it.
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
        cond.append(
            sa.exists().where(st.c.article_id == a.c.id, contains(st.c.speaker_name, speaker.strip()))
        )
    if outlet and outlet.strip():
        cond.append(contains(a.c.outlet, outlet.strip()))
    n_statements = (
        sa.select(sa.func.count()).where(st.c.article_id == a.c.id).correlate(a).scalar_subquery()
    )
    n_figures = sa.select(sa.func.count()).where(fg.c.article_id == a.c.id).correlate(a).scalar_subquery()
    query = (
        sa.select(
            a.c.id, a.c.input_id, a.c.title, a.c.outlet, a.c.published, a.c.url, a.c.version,
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
        )
        for r in rows
    ]
    return ArticlePage(total=total, page=page, per_page=per_page, items=items)


def load_analysis(store: Store, article_id: int) -> Analysis:
    """The stored article ``article_id`` (the store's row id) with its statements and
    figures, as an :class:`Analysis`; :class:`NotFoundError` when there is none."""
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
    for done in store_articles(store, [(a.id, a) for a in batch], lambda: analyzer):
        if done.failure is not None:
            result.failed.append({"id": done.article.id, "reason": done.failure.message})
            continue
        entry: dict[str, Any] = {"id": done.article.id}
        if done.added is not None:
            entry.update(store_id=done.added.article_id, version=done.added.version)
        (result.ingested if done.status == "ingested" else result.present).append(entry)
    return result
