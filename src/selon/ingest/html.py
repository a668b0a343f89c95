"""Saved news pages: the article a page holds, as trafilatura finds it (main text, title,
date, site name, URL; menus, footers and other boilerplate left out).

trafilatura is imported on first use only, so reading text and JSON never pays for it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from selon.errors import InputError
from selon.models import Article

_DATE_START = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_html(html: bytes | str, *, id: str = "page", source: str | None = None) -> Article:
    """The article of a saved news page; raise :class:`~selon.errors.InputError` when the
    page has no article text."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, include_images=False
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not str(text).strip():
        raise InputError("no article text found in the page", source=source)
    return Article(
        id=id,
        text=str(text),
        title=_meta(doc, "title"),
        url=_meta(doc, "url"),
        outlet=_meta(doc, "sitename") or _meta(doc, "hostname"),
        published=_page_date(_meta(doc, "date")),
        language=None,
    )


def _meta(doc: Any, name: str) -> str | None:
    value = getattr(doc, name, None)
    return str(value) if value else None


def _page_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from the date the page gives (its first ten characters when they are a
    date); None when it gives none or not a date: a page's metadata is a hint, not an input."""
    found = _DATE_START.match(value.strip()) if value else None
    if found is None:
        return None
    try:
        return dt.date.fromisoformat(found.group()).isoformat()
    except ValueError:
        return None
