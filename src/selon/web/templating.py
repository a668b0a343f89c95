"""Pages from ``templates/`` and error responses: Jinja2 with autoescaping, so article text is
always data, never markup; the pages' words from the interface language's catalogue
(:mod:`selon.web.i18n`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from selon.web.i18n import COOKIE, COOKIE_MAX_AGE, DEFAULT_LANGUAGE, LANGUAGE_NAMES, choose_language, known
from selon.web.view import cell, column_label, outcome_label, ui

HERE = Path(__file__).parent


@jinja2.pass_context
def _gettext(ctx: jinja2.runtime.Context, message: str) -> str:
    return ui(ctx.get("ui")).gettext(message)


@jinja2.pass_context
def _ngettext(ctx: jinja2.runtime.Context, singular: str, plural: str, n: int) -> str:
    return ui(ctx.get("ui")).ngettext(singular, plural, n)


@jinja2.pass_context
def _pgettext(ctx: jinja2.runtime.Context, context: str, message: str) -> str:
    return ui(ctx.get("ui")).pgettext(context, message)


@jinja2.pass_context
def _npgettext(ctx: jinja2.runtime.Context, context: str, singular: str, plural: str, n: int) -> str:
    return ui(ctx.get("ui")).npgettext(context, singular, plural, n)


#: Jinja2 with autoescaping on for every template: article text is data, never markup.
templates_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    extensions=["jinja2.ext.i18n"],
)
templates_env.install_gettext_callables(  # type: ignore[attr-defined]
    _gettext, _ngettext, newstyle=True, pgettext=_pgettext, npgettext=_npgettext
)
templates_env.filters["cell"] = jinja2.pass_context(lambda ctx, value: cell(value, ctx.get("ui")))
templates_env.filters["outcome"] = jinja2.pass_context(lambda ctx, code: outcome_label(code, ctx.get("ui")))
templates_env.filters["column"] = jinja2.pass_context(lambda ctx, name: column_label(name, ctx.get("ui")))


def ui_language(request: Request) -> str:
    """The interface language of ``request`` (:func:`~selon.web.i18n.choose_language`)."""
    return choose_language(
        request.query_params.get("lang"), request.cookies.get(COOKIE), request.headers.get("accept-language")
    )


def _switch_links(request: Request | None) -> list[dict[str, str]]:
    """The header's language switch: this page (a GET; a relative ``?…`` link, so the path
    the client sent is never written into the page) or the form again, in each language."""
    links = []
    for code, name in LANGUAGE_NAMES.items():
        if request is not None and request.method == "GET":
            query = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", code)]
            href = "?" + urlencode(query)
        else:
            href = "/?" + urlencode({"lang": code})
        links.append({"code": code, "name": name, "href": href})
    return links


def render_page(request: Request | None, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from ``templates/`` in the interface language of ``request`` (None: English);
    the context's strings are escaped by the template. ``?lang=`` is kept in a cookie."""
    lang = context.pop("ui", None) or (ui_language(request) if request is not None else DEFAULT_LANGUAGE)
    html = templates_env.get_template(name).render(ui=lang, languages=_switch_links(request), **context)
    response = HTMLResponse(html, status_code=status)
    if request is not None and known(request.query_params.get("lang")) == lang:
        response.set_cookie(COOKIE, lang, max_age=COOKIE_MAX_AGE, path="/", samesite="lax", httponly=True)
    return response


def error_response(path: str, status: int, message: str, request: Request | None = None) -> Response:
    """JSON ``{"status", "message"}`` under ``/api/``, a readable HTML page elsewhere (in the
    interface language of ``request`` when there is one)."""
    if path == "/api" or path.startswith("/api/"):
        return JSONResponse({"status": status, "message": message}, status_code=status)
    return render_page(request, "error.html", status=status, status_code=status, message=message, page="error")
