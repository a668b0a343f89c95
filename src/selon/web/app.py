"""The application factory, its shared state and its error handling.

State lives on ``app.state``: the open :class:`~selon.store.db.Store`, the
:class:`~selon.web.service.SharedAnalyzer` (a :class:`~selon.pipeline.routing.Router`: each
language's spaCy model loaded once per server process, the default language's when the app
starts, unless one is given), and the ingest settings.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from selon import __version__
from selon.errors import BusyError, SelonError
from selon.store.db import open_store
from selon.web import api, pages
from selon.web.apidocs import api_docs_html
from selon.web.middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from selon.web.service import AnalysisLimits, AnalyzerLike, SharedAnalyzer, favour_reads
from selon.web.templating import HERE, error_response

DEFAULT_MAX_BODY = 2_000_000

def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = list(err.get("loc", ()))
        if loc and loc[0] in ("body", "query", "path", "header"):
            loc = loc[1:]
        where = ".".join(str(x) for x in loc)
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def create_app(
    db_url: str | None = None,
    analyzer: AnalyzerLike | None = None,
    allow_ingest: bool = False,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    lang: str = "fr",
    limits: AnalysisLimits | None = None,
) -> FastAPI:
    """The selon web application.

    ``db_url``: the store (None: ``selon.db`` in the current folder; a path,
    ``sqlite:///PATH`` or ``postgresql://…``), opened now so that a wrong URL fails at once.
    ``analyzer``: an :class:`~selon.pipeline.analyzer.Analyzer` or a
    :class:`~selon.pipeline.routing.Router` to share (tests); by default a Router that reads
    every language selon has a pack for, ``lang`` (the language of a text too short to detect)
    loaded when the app starts and each other language on the analysis thread when an
    article first needs it. ``allow_ingest`` with a ``token`` turns on
    ``POST /api/ingest`` for clients sending ``Authorization: Bearer TOKEN``. Request bodies
    over ``max_body`` bytes are refused with 413. ``limits``: the analysis queue's bounds
    (:class:`~selon.web.service.AnalysisLimits`; text size, queue length, time limit).
    """
    if allow_ingest and not token:
        raise ValueError("allow_ingest needs a token (clients send it as Authorization: Bearer TOKEN)")
    if max_body < 1:
        raise ValueError("max_body must be a positive number of bytes")
    limits = limits or AnalysisLimits()
    store = open_store(db_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.analyzer is None:
            from selon.pipeline.routing import Router

            router = Router(default_lang=lang)
            # the default language's model now, so that a missing one fails at start; the
            # others on the analysis thread, when an article first needs them
            router.analyzer(lang)
            app.state.analyzer = SharedAnalyzer(router, limits)
        try:
            yield
        finally:
            app.state.analyzer.close()
            store.close()

    app = FastAPI(
        title="selon",
        version=__version__,
        description="Who said what, according to whom, with which numbers: read news "
        "articles (French and English), browse and compare a selon store.",
        lifespan=lifespan,
        docs_url=None,  # /api/docs below: rendered here, not Swagger UI from a CDN
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store
    app.state.analyzer = SharedAnalyzer(analyzer, limits) if analyzer is not None else None
    app.state.allow_ingest = allow_ingest
    app.state.token = token
    app.state.max_body = max_body
    app.state.lang = lang

    @app.exception_handler(SelonError)
    async def _selon_error(request: Request, exc: SelonError) -> Response:
        response = error_response(request.url.path, exc.status, str(exc), request)
        if isinstance(exc, BusyError):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        response = error_response(request.url.path, exc.status_code, message, request)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request.url.path, 422, _validation_message(exc), request)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        return error_response(
            request.url.path, 500, f"internal error ({type(exc).__name__}); the server log has the details", request
        )

    app.include_router(api.router)
    app.include_router(pages.router)

    docs: list[str] = []

    @app.get("/api/docs", include_in_schema=False)
    def _api_docs() -> HTMLResponse:
        # the reference rendered from the schema on the server: no script, nothing from the internet
        if not docs:
            docs.append(api_docs_html(app.openapi(), app.openapi_url or "/api/openapi.json"))
        return HTMLResponse(docs[0])

    plotly_js = _plotly_js()

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def _plotly() -> FileResponse:
        # a fixed file of the installed plotly package (MIT), so the chart needs no internet
        return FileResponse(
            plotly_js, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"}
        )

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(BodyLimitMiddleware, max_body=max_body, error=error_response)
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def _plotly_js() -> Path:
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise SelonError(f"the plotly package has no plotly.min.js at {path}; reinstall plotly")
    return path


def app_from_env() -> FastAPI:
    """``create_app`` configured by ``SELON_DB``, ``SELON_ALLOW_INGEST``, ``SELON_TOKEN`` and
    ``SELON_MAX_BODY`` (and the analysis limits ``SELON_MAX_TEXT``, ``SELON_QUEUE``,
    ``SELON_ANALYSIS_TIMEOUT``): the factory ``selon serve --workers N`` gives uvicorn."""
    favour_reads()
    default = AnalysisLimits()
    env = os.environ.get
    return create_app(
        db_url=os.environ.get("SELON_DB") or None,
        allow_ingest=os.environ.get("SELON_ALLOW_INGEST") == "1",
        token=os.environ.get("SELON_TOKEN") or None,
        max_body=int(os.environ.get("SELON_MAX_BODY") or DEFAULT_MAX_BODY),
        limits=AnalysisLimits(
            max_text=int(env("SELON_MAX_TEXT") or default.max_text),
            queue=int(env("SELON_QUEUE") or default.queue),
            timeout=float(env("SELON_ANALYSIS_TIMEOUT") or default.timeout),
        ),
    )
