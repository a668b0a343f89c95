"""Load the Parquet tables of ``selon spark`` into the corpus store, without re-analysing.

The tables (:mod:`selon.store.rows`) are read with pyarrow, each article's rows are turned back
into the :class:`~selon.models.Analysis` they came from, and that goes through the store's
one write path, :meth:`Store.add <selon.store.db.Store.add>`: one transaction per article,
an article already stored is a no-op. The ``errors`` table becomes the failures of the
summary, so ``selon ingest --from-parquet`` reports what the cluster run could not analyse.

Memory: the ``statements`` and ``figures`` tables are grouped by article in memory (their
text columns only are short); articles, with their full text, are streamed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from selon.errors import InputError
from selon.models import Analysis
from selon.pipeline.analyzer import Failure
from selon.store.db import Store, using_store
from selon.store.loader import IngestSummary
from selon.store.rows import TABLES, analysis_from_rows, failure_from_row

Rows = dict[str, list[dict[str, Any]]]


def _pyarrow() -> Any:
    try:
        import pyarrow.dataset as ds
    except ImportError:
        raise InputError("reading Parquet needs pyarrow; run: pip install 'selon[pandas]'") from None
    return ds


def _table_dir(folder: Path, name: str, *, required: bool = True) -> Path | None:
    path = folder / name
    if path.is_dir() or path.is_file():
        return path
    if required:
        raise InputError(
            f"no {name!r} table here: expected the folder written by `selon spark` ({', '.join(TABLES)})",
            source=str(folder),
        )
    return None


def _by_article(folder: Path, name: str) -> Rows:
    path = _table_dir(folder, name)
    grouped: Rows = defaultdict(list)
    dataset = _pyarrow().dataset(str(path), format="parquet")
    for batch in dataset.to_batches():
        for row in batch.to_pylist():
            grouped[str(row["article_id"])].append(row)
    return grouped


def read_analyses(folder: str | Path) -> Iterator[Analysis]:
    """The analyses held by a ``selon spark`` output folder, article by article."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError("no such folder", source=str(root))
    articles = _table_dir(root, "articles")
    statements = _by_article(root, "statements")
    figures = _by_article(root, "figures")
    dataset = _pyarrow().dataset(str(articles), format="parquet")
    for batch in dataset.to_batches():
        for row in batch.to_pylist():
            key = str(row["article_id"])
            yield analysis_from_rows(row, statements.pop(key, ()), figures.pop(key, ()))


def read_failures(folder: str | Path) -> list[Failure]:
    """The ``errors`` table as failures (an absent table means none)."""
    path = _table_dir(Path(folder), "errors", required=False)
    if path is None:
        return []
    out: list[Failure] = []
    for batch in _pyarrow().dataset(str(path), format="parquet").to_batches():
        out.extend(failure_from_row(row) for row in batch.to_pylist())
    return out


def ingest_parquet(
    folder: str | Path,
    db: str | Path | Store | None = None,
    *,
    progress: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Store every analysis of a ``selon spark`` output in the store at ``db``.

    Articles already in the store are counted as present; the ``errors`` rows as failed.
    ``progress(done)`` is called after each article.
    """
    summary = IngestSummary()
    analyses = read_analyses(folder)  # checks the folder before the store is opened
    first = next(analyses, None)
    with using_store(db) as store:
        done = 0
        if first is not None:
            for analysis in _chain(first, analyses):
                status = store.add(analysis).status
                (summary.ingested if status == "ingested" else summary.present).append(analysis.article.id)
                done += 1
                if progress is not None:
                    progress(done)
        summary.failed.extend(read_failures(folder))
    return summary


def _chain(first: Analysis, rest: Iterator[Analysis]) -> Iterator[Analysis]:
    yield first
    yield from rest


__all__ = ["ingest_parquet", "read_analyses", "read_failures"]
