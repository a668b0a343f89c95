"""A batch: records read from inputs → articles ready for analysis → results, in order.

:func:`run_batch` is what ``selon analyze`` runs. Each record goes through the acceptance
policy (:func:`selon.ingest.policy.accept`: the batch's forced language and default
publication date, each article's language decided), the accepted ones through a
:class:`~selon.pipeline.routing.Router` (the analyzer of each article's language, loaded on
first use; :func:`analyze_parallel` with ``workers > 1``), and it yields one :class:`Analysis` or :class:`Failure` per record, in the order of the records. A
failure's ``source`` is the input it came from (``path`` or ``path:line``); the batch
always goes on past it.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator

from selon.errors import SelonError
from selon.ingest.policy import RunOptions, accept
from selon.ingest.readers import Record
from selon.models import Analysis, Article
from selon.pipeline.analyzer import Analyzer, AnalyzerLike, Failure, analyze_isolating, internal_failure
from selon.pipeline.routing import Router, analyze_parallel


def make_analyzer(lang: str, batch_size: int) -> Analyzer:
    """The analyzer of one language a batch uses (one per language a run meets, loaded when
    it meets it; a seam for tests and embedders)."""
    return Analyzer(lang, batch_size=batch_size)


def make_router(lang: str | None = None, batch_size: int = 16) -> Router:
    """A :class:`Router` whose analyzers come from :func:`make_analyzer` (looked up when a
    language is first met, so a test's replacement applies)."""
    return Router(lang=lang, batch_size=batch_size, make=lambda code: make_analyzer(code, batch_size))


def admit(record: Record, options: RunOptions) -> tuple[str, Article | Failure]:
    """``(source, the article ready for analysis)``, or ``(source, Failure)`` when the record
    could not be read or the acceptance policy refuses it."""
    if isinstance(record, SelonError):
        return record.source or "?", Failure.of(record)
    try:
        return record.source, accept(record, options)
    except SelonError as e:
        return record.source, Failure.of(e, article_id=record.article.id)


def run_batch(
    records: Iterable[Record],
    *,
    lang: str | None = None,
    published: str | None = None,
    workers: int = 1,
    batch_size: int = 16,
) -> Iterator[Analysis | Failure]:
    """Analyse every readable article of ``records``; one result per record, in order.

    ``lang`` forces the language (no detection); ``published`` is the date of articles that
    have none. Each language's model is loaded only once an article in it passes the checks.
    """
    if workers < 1:
        raise ValueError("workers must be at least 1")
    options = RunOptions(lang=lang, published=published)
    # Slots in record order: a finished Failure, or the source of an article in analysis.
    slots: deque[Failure | str] = deque()

    def feed() -> Iterator[Article]:
        for record in records:
            source, item = admit(record, options)
            if isinstance(item, Failure):
                slots.append(item)
            else:
                slots.append(source)
                yield item

    def drain() -> Iterator[Failure]:
        while slots and isinstance(slots[0], Failure):
            done = slots.popleft()
            assert isinstance(done, Failure)
            yield done

    articles = feed()
    first = next(articles, None)
    yield from drain()
    if first is None:
        return
    stream = itertools.chain([first], articles)
    if workers > 1:
        results: Iterator[Analysis | Failure] = analyze_parallel(
            stream, lang=lang, workers=workers, batch_size=batch_size
        )
    else:
        results = _guarded(make_router(lang, batch_size), stream, batch_size)
    for result in results:
        yield from drain()
        source = slots.popleft()
        assert isinstance(source, str)
        if isinstance(result, Failure):
            result = Failure(result.article_id, source, result.message)
        yield result
    yield from drain()


def _guarded(analyzer: AnalyzerLike, articles: Iterator[Article], size: int) -> Iterator[Analysis | Failure]:
    """``analyzer.analyze_many`` a group of articles at a time; when a group fails with an
    unexpected error (a bug met on some input), redo it one article at a time so that only
    the article that triggers it fails and the batch goes on."""
    while group := list(itertools.islice(articles, size)):
        yield from analyze_isolating(analyzer, group, internal_failure)
