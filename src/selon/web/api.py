"""The JSON API under ``/api/``: thin routes over :mod:`selon.web.service` and
:mod:`selon.store.queries`. Errors are ``{"status": …, "message": …}`` with that HTTP status."""

from __future__ import annotations

import functools
import hmac
import operator
import types
import typing
from dataclasses import is_dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, create_model
from starlette.exceptions import HTTPException

from selon.errors import SelonError
from selon.models import Analysis, Article, TextSpan, field_types
from selon.store import queries
from selon.store.db import Store
from selon.web.service import (
    MAX_ID,
    MAX_PER_PAGE,
    SharedAnalyzer,
    ingest_articles,
    list_articles,
    load_analysis,
    make_article,
    make_filters,
)

router = APIRouter(prefix="/api", tags=["api"])
bearer = HTTPBearer(auto_error=False, description="the token the server was started with (--token)")

# -- dependencies -----------------------------------------------------------------------------


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_analyzer(request: Request) -> SharedAnalyzer:
    analyzer: SharedAnalyzer | None = request.app.state.analyzer
    if analyzer is None:
        raise HTTPException(503, "the analyzer is not loaded yet; try again in a moment")
    return analyzer


StoreDep = Annotated[Store, Depends(get_store)]
AnalyzerDep = Annotated[SharedAnalyzer, Depends(get_analyzer)]


#: The longest filter value a route takes (as the pages): a longer one is a 422, not a query.
MAX_FILTER = 500


def filter_params(
    outcome: Annotated[
        str | None, Query(max_length=MAX_FILTER, description="figures of this outcome (killed, injured …)")
    ] = None,
    source: Annotated[
        str | None, Query(max_length=MAX_FILTER, description="sources whose name contains this, any case or accent")
    ] = None,
    outlet: Annotated[
        str | None, Query(max_length=MAX_FILTER, description="outlets whose name contains this, any case or accent")
    ] = None,
    since: Annotated[str | None, Query(max_length=MAX_FILTER, description="published on or after (YYYY-MM-DD)")] = None,
    until: Annotated[
        str | None, Query(max_length=MAX_FILTER, description="published on or before (YYYY-MM-DD)")
    ] = None,
) -> queries.Filters:
    return make_filters(outcome=outcome, source=source, outlet=outlet, since=since, until=until)


FiltersDep = Annotated[queries.Filters, Depends(filter_params)]


# -- the selon/1 contract as pydantic models (for the OpenAPI schema) -------------------------


#: The models' names in the OpenAPI schema, where not ``<record>Out``.
_MODEL_NAMES: dict[type, str] = {TextSpan: "SpanOut"}


def _annotation(hint: Any, made: dict[type, Any]) -> Any:
    """``hint`` with every record of :mod:`selon.models` in it replaced by its model."""
    if is_dataclass(hint) and isinstance(hint, type):
        return made.get(hint) or _record_model(hint, made)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return functools.reduce(operator.or_, (_annotation(a, made) for a in args))
    if origin is list:
        return types.GenericAlias(list, (_annotation(args[0], made),))
    return hint


def _record_model(cls: type, made: dict[type, Any]) -> Any:
    """The pydantic model of a record of :mod:`selon.models`: its fields, types and JSON
    order (:func:`~selon.models.field_types`), each required."""
    fields: dict[str, Any] = {name: (_annotation(hint, made), ...) for name, hint in field_types(cls).items()}
    made[cls] = create_model(_MODEL_NAMES.get(cls, f"{cls.__name__}Out"), **fields)
    return made[cls]


#: ArticleOut, StatementOut (with SpeakerOut and SpanOut) and FigureOut, made from the records.
RECORD_MODELS: dict[type, Any] = {}
_ANALYSIS_FIELDS: dict[str, Any] = {
    "schema_": (Literal["selon/1"], Field(alias="schema")),
    **{name: (_annotation(hint, RECORD_MODELS), ...) for name, hint in field_types(Analysis).items()},
}
AnalysisOut = create_model(
    "AnalysisOut",
    __config__=ConfigDict(extra="allow"),
    __doc__="One analysed article: the ``selon/1`` contract of ``docs/output.md``.",
    **_ANALYSIS_FIELDS,
)


class AnalyzeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the article text, exactly as offsets should count it")
    lang: str | None = Field(
        None,
        description="the article's language, en or fr (default: detected; a text too short to detect is read as fr)",
    )
    published: str | None = Field(None, description="publication date YYYY-MM-DD (or an ISO date-time)")
    id: str = Field("article", max_length=200, description="the article's id in the answer")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[AnalyzeRequest] = Field(min_length=1, max_length=100)


class IngestOut(BaseModel):
    ingested: list[dict[str, Any]]
    already_present: list[dict[str, Any]]
    failed: list[dict[str, Any]]


class TableOut(BaseModel):
    columns: list[str]
    rows: list[dict[str, Any]]


class FigurePageOut(TableOut):
    total: int = Field(description="figures matching the filters, on every page")
    limit: int
    offset: int


class StoredArticleOut(BaseModel):
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
    language: str | None = Field(default=None, description="the language the article was read in (a pack code: fr, en)")


class ArticleListOut(BaseModel):
    total: int
    page: int
    per_page: int
    pages: int
    articles: list[StoredArticleOut]


class ErrorOut(BaseModel):
    status: int
    message: str


ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorOut} for s in (400, 404, 413, 422, 500, 503)
}
#: What the routes that analyse may answer beyond :data:`ERRORS`: a full queue (with
#: ``Retry-After``) and an analysis past the time limit.
BUSY: dict[int | str, dict[str, Any]] = {
    429: {"model": ErrorOut, "description": "the analysis queue is full; retry after Retry-After seconds"},
    504: {"model": ErrorOut, "description": "the analysis did not finish within the server's time limit"},
}


def _article(body: AnalyzeRequest, reads: str) -> Article:
    return make_article(
        body.text,
        reads=reads,
        lang=body.lang,
        published=body.published,
        id=body.id,
        title=body.title,
        url=body.url,
        outlet=body.outlet,
    )


def check_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    """403 when the server does not take writes, 401 without the right bearer token."""
    if not request.app.state.allow_ingest:
        raise HTTPException(403, "this server is read-only; start it with --allow-ingest --token TOKEN to ingest")
    expected: str = request.app.state.token
    given = credentials.credentials if credentials and credentials.scheme.lower() == "bearer" else ""
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            401, "a valid token is needed: send Authorization: Bearer TOKEN", {"WWW-Authenticate": "Bearer"}
        )


#: The most figures one ``GET /api/figures`` answer holds.
MAX_FIGURES = 5000


# -- routes -----------------------------------------------------------------------------------


@router.post(
    "/analyze",
    response_model=AnalysisOut,
    response_model_by_alias=True,
    responses={**ERRORS, **BUSY},
    summary="Analyse one article",
)
async def analyze(body: AnalyzeRequest, analyzer: AnalyzerDep) -> dict[str, Any]:
    """Statements and figures of one article, in the ``selon/1`` JSON contract. A text over
    the server's ``--max-text`` characters gets 413; a full analysis queue 429 with
    ``Retry-After``; an analysis past ``--analysis-timeout`` 504."""
    analyzer.check_size(body.text, body.id)

    def work() -> dict[str, Any]:
        return analyzer.analyze_now(_article(body, analyzer.lang)).to_dict()

    return await analyzer.run(work)


@router.get("/articles", response_model=ArticleListOut, responses=ERRORS, summary="List stored articles")
def articles(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=500, description="words the text or title contains")] = None,
    speaker: Annotated[str | None, Query(max_length=200, description="a speaker's name contains this")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="the outlet contains this")] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20,
) -> dict[str, Any]:
    return list_articles(store, q=q, speaker=speaker, outlet=outlet, page=page, per_page=per_page).to_dict()


@router.get(
    "/articles/{article_id}",
    response_model=AnalysisOut,
    response_model_by_alias=True,
    responses=ERRORS,
    summary="One stored article with its statements and figures",
)
def article(article_id: int, store: StoreDep) -> dict[str, Any]:
    out = load_analysis(store, article_id).to_dict()
    out["store_id"] = article_id
    return out


@router.get(
    "/figures", response_model=FigurePageOut, responses=ERRORS, summary="Stored figures with their sources"
)
def figures(
    store: StoreDep,
    filters: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=MAX_FIGURES, description=f"figures a page (at most {MAX_FIGURES})")] = 1000,
    offset: Annotated[int, Query(ge=0, le=MAX_ID, description="figures to skip before this page")] = 0,
) -> dict[str, Any]:
    """One page of the figures, oldest article first; ``total`` counts them all."""
    records = queries.figures(store, filters, limit=limit, offset=offset)
    total = queries.count_figures(store, filters)
    return {"columns": records.columns, "rows": list(records), "total": total, "limit": limit, "offset": offset}


@router.get(
    "/compare", response_model=TableOut, responses=ERRORS, summary="Figures of different sources side by side"
)
def compare(
    store: StoreDep,
    filters: FiltersDep,
    by: Annotated[
        str, Query(description=f"comma-separated group keys among {', '.join(queries.GROUP_KEYS)}")
    ] = ",".join(queries.GROUP_KEYS),
    min_sources: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> dict[str, Any]:
    records = queries.compare(store, filters, by=parse_by(by), min_sources=min_sources)
    return {"columns": records.columns, "rows": list(records)}


@router.get("/speakers", response_model=TableOut, responses=ERRORS, summary="Who is quoted most, by outlet")
def speakers(
    store: StoreDep, filters: FiltersDep, limit: Annotated[int | None, Query(ge=1, le=10_000)] = None
) -> dict[str, Any]:
    records = queries.speakers(store, filters, limit=limit)
    return {"columns": records.columns, "rows": list(records)}


@router.post(
    "/ingest",
    response_model=IngestOut,
    responses={**ERRORS, **BUSY, 401: {"model": ErrorOut}, 403: {"model": ErrorOut}},
    summary="Analyse articles and keep them in the store (needs --allow-ingest and the token)",
)
def ingest(
    _: Annotated[None, Depends(check_token)], body: IngestRequest, store: StoreDep, analyzer: AnalyzerDep
) -> dict[str, Any]:
    ready: list[Article] = []
    failed: list[dict[str, Any]] = []
    for k, item in enumerate(body.articles):
        try:
            ready.append(_article(item, analyzer.lang))
        except SelonError as e:
            failed.append({"id": item.id, "index": k, "reason": e.reason})
    result = ingest_articles(store, analyzer, ready)
    result.failed[:0] = failed
    return result.to_dict()


def parse_by(value: str) -> tuple[str, ...]:
    from selon.errors import InputError

    keys = tuple(k.strip() for k in value.split(",") if k.strip())
    bad = [k for k in keys if k not in queries.GROUP_KEYS]
    if bad or not keys:
        raise InputError(f"by takes a comma-separated list of {', '.join(queries.GROUP_KEYS)}")
    return keys
