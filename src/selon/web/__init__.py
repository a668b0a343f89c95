"""selon's web reader: ``selon serve``.

:func:`create_app` builds the FastAPI application: HTML pages to read an article (pasted or
uploaded), browse and compare the store, and a JSON API under ``/api/``. The routes only
parse input, call the library (:mod:`selon.web.service`, :mod:`selon.store.queries`) and turn a
:class:`~selon.errors.SelonError` into an HTTP status. See ``docs/web.md``.
"""

from __future__ import annotations

from selon.web.app import create_app

__all__ = ["create_app"]
