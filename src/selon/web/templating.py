"""Pages from ``templates/`` and error responses: Jinja2 with autoescaping, so article text is
always data, never markup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from fastapi.responses import HTMLResponse, JSONResponse, Response

from selon.web.view import cell

HERE = Path(__file__).parent

#: Jinja2 with autoescaping on for every template: article text is data, never markup.
templates_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
templates_env.filters["cell"] = cell


def render_page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from ``templates/``; the context's strings are escaped by the template."""
    html = templates_env.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status)


def error_response(path: str, status: int, message: str) -> Response:
    """JSON ``{"status", "message"}`` under ``/api/``, a readable HTML page elsewhere."""
    if path == "/api" or path.startswith("/api/"):
        return JSONResponse({"status": status, "message": message}, status_code=status)
    return render_page("error.html", status=status, status_code=status, message=message, page="error")
