"""The HTML pages: read (form, pasted or uploaded article), one stored article, browse and
compare. Thin routes: parse the request, call the library, render a template."""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from selon.errors import InputError
from selon.models import Analysis, Article
from selon.store import queries
from selon.web.api import AnalyzerDep, FiltersDep, StoreDep, parse_by
from selon.web.service import (
    MAX_PER_PAGE,
    SORTS,
    FiguresPage,
    SharedAnalyzer,
    article_from_html,
    compare_view,
    figures_page,
    find_article,
    group_figures,
    list_articles,
    load_analysis,
    make_article,
    make_filters,
    read_upload,
    safe_id,
)
from selon.web.templating import render_page, ui_language
from selon.web.view import column_label, figure_rows, figures_chart, highlight, outcome_label, who_said_what

router = APIRouter(include_in_schema=False)

QueryText = Annotated[str | None, Query(max_length=500)]


def _analysis_page(
    request: Request, analysis: Analysis, *, stored_id: int | None = None, picked: str | None = None
) -> HTMLResponse:
    lang = ui_language(request)
    return render_page(
        request,
        "article.html",
        ui=lang,
        page="read" if stored_id is None else "browse",
        analysis=analysis,
        article=analysis.article,
        text_html=highlight(analysis, lang, picked),
        picked=picked,
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


Picked = Annotated[str | None, Query(max_length=100, description="a figure or statement id to highlight")]


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def stored_article(request: Request, article_id: int, store: StoreDep, hl: Picked = None) -> HTMLResponse:
    return _analysis_page(request, load_analysis(store, article_id), stored_id=article_id, picked=hl)


@router.get("/a/{article_id:path}", response_class=HTMLResponse)
def article_by_id(request: Request, article_id: str, store: StoreDep, hl: Picked = None) -> HTMLResponse:
    """The current version of the stored article whose own id is ``article_id``; ``hl`` (a
    figure or statement id) highlights that figure's sentence or that statement."""
    row_id = find_article(store, article_id)
    return _analysis_page(request, load_analysis(store, row_id), stored_id=row_id, picked=hl)


# -- figures ----------------------------------------------------------------------------------


def figures_params(
    filters: FiltersDep,
    place: QueryText = None,
    period: QueryText = None,
    sort: Annotated[str, Query(max_length=10)] = "date",
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 50,
) -> dict[str, Any]:
    return {"filters": filters, "place": place, "period": period, "sort": sort, "page": page, "per_page": per_page}


FiguresParams = Annotated[dict[str, Any], Depends(figures_params)]
#: The columns of a figures download, in order.
DOWNLOAD_COLUMNS = (
    "article", "published", "outlet", "figure", "value", "low", "high", "qualifier", "unit", "outcome",
    "source", "place", "place_country", "place_city", "period_start", "period_end", "period_text", "text", "link",
)  # fmt: skip


def _query_string(request: Request, **changes: Any) -> str:
    """The request's query with ``changes`` (None drops a parameter), as ``?…`` or blank."""
    params = {k: v for k, v in request.query_params.items() if v and k not in changes}
    params |= {k: v for k, v in changes.items() if v is not None}
    return "?" + urlencode(params) if params else ""


@router.get("/figures", response_class=HTMLResponse)
def figures_list(request: Request, store: StoreDep, params: FiguresParams) -> HTMLResponse:
    """Every stored figure that passes the filters, facets with counts, sorting, paging, each
    row a link to its sentence; the same rows as CSV or JSON at ``/figures.csv`` and ``/figures.json``."""
    found = figures_page(store, **params)
    lang = ui_language(request)
    facets = [
        {
            "name": name,
            "values": [
                {"value": value, "count": n, "selected": request.query_params.get(name) == value,
                 "label": outcome_label(value, lang) if name == "outcome" else value,
                 "href": "/figures" + _query_string(request, **{name: value, "page": None})}
                for value, n in values
            ],
            "clear": "/figures" + _query_string(request, **{name: None, "page": None}) if request.query_params.get(name) else None,
        }
        for name, values in found.facets.items()
    ]  # fmt: skip
    for row in found.rows:
        row["outcome_label"] = outcome_label(row.get("outcome"), lang)
    page = params["page"]
    return render_page(
        request,
        "figures.html",
        ui=lang,
        page="figures",
        found=found,
        facets=facets,
        sorts=SORTS,
        form={k: request.query_params.get(k, "") for k in ("outcome", "source", "outlet", "place", "period", "since", "until")},
        sort=params["sort"],
        text_lang=request.app.state.lang,
        csv_link="/figures.csv" + _query_string(request),
        json_link="/figures.json" + _query_string(request),
        prev_link="/figures" + _query_string(request, page=page - 1) if page > 1 else None,
        next_link="/figures" + _query_string(request, page=page + 1) if page < found.pages else None,
    )


def _download_rows(found: FiguresPage) -> list[dict[str, Any]]:
    return [{c: row.get(c) for c in DOWNLOAD_COLUMNS} for row in found.rows]


@router.get("/figures.json")
def figures_json(store: StoreDep, params: FiguresParams) -> JSONResponse:
    """The rows the figures page shows for the same parameters, as JSON."""
    found = figures_page(store, **params)
    body = {"columns": list(DOWNLOAD_COLUMNS), "rows": _download_rows(found), "total": found.total,
            "page": found.page, "per_page": found.per_page, "pages": found.pages}  # fmt: skip
    return JSONResponse(body, headers={"Content-Disposition": 'attachment; filename="figures.json"'})


@router.get("/figures.csv")
def figures_csv(store: StoreDep, params: FiguresParams) -> Response:
    """The rows the figures page shows for the same parameters, as CSV (UTF-8, a header row).
    A text cell that a spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@``) gets a
    leading ``'``."""
    found = figures_page(store, **params)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=DOWNLOAD_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in _download_rows(found):
        writer.writerow({k: _spreadsheet_safe(v) for k, v in row.items()})
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="figures.csv"'},
    )


def _spreadsheet_safe(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


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
    group: Annotated[int | None, Query(ge=1, le=1_000_000, description="the row whose figures to chart")] = None,
) -> HTMLResponse:
    filters = make_filters(outcome=outcome, source=source, outlet=outlet, since=since, until=until)
    keys = parse_by(by) if by and by.strip() else queries.GROUP_KEYS
    table = queries.compare(store, filters, by=keys, min_sources=min_sources)
    lang = ui_language(request)
    records = queries.figures(store, filters)
    view = compare_view(table, records, keys)
    chosen = None
    if group is not None:
        if group > len(table):
            raise InputError(f"group {group}: this comparison has {len(table)} rows; pick one of them")
        chosen = group_figures(records, table[group - 1], view.sources, keys)
    chart = figures_chart(chosen, lang, timeline=True) if chosen is not None else figures_chart(records, lang)
    for i, row in enumerate(view.rows, start=1):
        row["chart"] = "/compare" + _query_string(request, group=str(i)) + "#chart-box"
    return render_page(
        request,
        "compare.html",
        ui=lang,
        page="compare",
        table=table,
        view=view,
        group=group,
        group_row=view.rows[group - 1] if group is not None else None,
        all_link="/compare" + _query_string(request, group=None),
        headers=[column_label(c, lang) for c in view.columns],
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
