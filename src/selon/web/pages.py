"""The HTML pages: read (form, pasted or uploaded article), one stored article, browse and
compare. Thin routes: parse the request, call the library, render a template."""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from selon.errors import InputError
from selon.models import Analysis, Article
from selon.store import queries
from selon.web.api import AnalyzerDep, StoreDep, parse_by
from selon.web.service import (
    MAX_PER_PAGE,
    SharedAnalyzer,
    article_from_html,
    list_articles,
    load_analysis,
    make_article,
    make_filters,
    read_upload,
    safe_id,
)
from selon.web.templating import render_page, ui_language
from selon.web.view import column_label, figure_rows, figures_chart, highlight, who_said_what

router = APIRouter(include_in_schema=False)

QueryText = Annotated[str | None, Query(max_length=500)]


def _analysis_page(request: Request, analysis: Analysis, *, stored_id: int | None = None) -> HTMLResponse:
    lang = ui_language(request)
    return render_page(
        request,
        "article.html",
        ui=lang,
        page="read" if stored_id is None else "browse",
        analysis=analysis,
        article=analysis.article,
        text_html=highlight(analysis, lang),
        speakers=who_said_what(analysis, lang),
        figures=figure_rows(analysis, lang),
        stored_id=stored_id,
        text_lang=analysis.article.language or request.app.state.lang,
    )


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    return render_page(request, "index.html", page="read")


@router.post("/read", response_class=HTMLResponse)
async def read(request: Request, analyzer: AnalyzerDep) -> HTMLResponse:
    """The form's article (the ``text`` field, or an uploaded ``file``), analysed and shown."""
    limit = request.app.state.max_body
    form = await request.form(max_files=1, max_fields=10, max_part_size=limit)
    try:
        upload, text, published = form.get("file"), form.get("text"), form.get("published")
        filename, data = None, None
        if isinstance(upload, UploadFile) and upload.filename:
            filename, data = upload.filename, await upload.read()
    finally:
        await form.close()
    article = await run_in_threadpool(
        _submitted_article,
        analyzer,
        filename,
        data,
        text if isinstance(text, str) else None,
        published if isinstance(published, str) else None,
    )
    analyzer.check_size(article.text, article.id)
    # on the analysis thread, through its bounded queue: no server thread waits meanwhile
    analysis = await analyzer.run(analyzer.analyze_now, article)
    return _analysis_page(request, analysis)


def _submitted_article(
    analyzer: SharedAnalyzer, filename: str | None, data: bytes | None, text: str | None, published: str | None
) -> Article:
    extra: dict[str, Any] = {}
    if filename is not None and data is not None:
        kind, content = read_upload(filename, data)
        article_id = safe_id(filename)
        if kind == "html":
            page = article_from_html(content, id=article_id)
            content = page.text
            published = published or page.published
            extra = {"title": page.title, "url": page.url, "outlet": page.outlet}
    elif text and text.strip():
        content, article_id = text, "article"
    else:
        raise InputError("paste an article in the text box or choose a .txt or .html file")
    return make_article(content, reads=analyzer.lang, published=published, id=article_id, **extra)


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request,
    store: StoreDep,
    q: QueryText = None,
    speaker: QueryText = None,
    outlet: QueryText = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20,
) -> HTMLResponse:
    found = list_articles(store, q=q, speaker=speaker, outlet=outlet, page=page, per_page=per_page)
    params = {k: v for k, v in {"q": q, "speaker": speaker, "outlet": outlet}.items() if v}
    if per_page != 20:
        params["per_page"] = str(per_page)

    def link(n: int) -> str:
        return "/articles?" + urlencode({**params, "page": n})

    return render_page(
        request,
        "articles.html",
        page="browse",
        found=found,
        text_lang=request.app.state.lang,
        q=q or "",
        speaker=speaker or "",
        outlet=outlet or "",
        prev_link=link(page - 1) if page > 1 else None,
        next_link=link(page + 1) if page < found.pages else None,
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def stored_article(request: Request, article_id: int, store: StoreDep) -> HTMLResponse:
    return _analysis_page(request, load_analysis(store, article_id), stored_id=article_id)


@router.get("/compare", response_class=HTMLResponse)
def compare(
    request: Request,
    store: StoreDep,
    outcome: QueryText = None,
    source: QueryText = None,
    outlet: QueryText = None,
    since: QueryText = None,
    until: QueryText = None,
    by: QueryText = None,
    min_sources: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> HTMLResponse:
    filters = make_filters(outcome=outcome, source=source, outlet=outlet, since=since, until=until)
    keys = parse_by(by) if by and by.strip() else queries.GROUP_KEYS
    table = queries.compare(store, filters, by=keys, min_sources=min_sources)
    lang = ui_language(request)
    chart = figures_chart(queries.figures(store, filters), lang)
    return render_page(
        request,
        "compare.html",
        ui=lang,
        page="compare",
        table=table,
        headers=[column_label(c, lang) for c in table.columns],
        chart_json=json.dumps(chart) if chart else None,
        form={
            "outcome": outcome or "",
            "source": source or "",
            "outlet": outlet or "",
            "since": since or "",
            "until": until or "",
            "by": ",".join(keys),
            "min_sources": min_sources,
        },
    )
