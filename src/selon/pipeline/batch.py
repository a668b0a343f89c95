"""A batch: records read from inputs → articles ready for analysis → results, in order.

:func:`run_batch` is what ``selon analyze`` runs. It applies the batch-wide options
(a default publication date, a forced language), checks each article's language, runs the
good ones through :meth:`Analyzer.analyze_many` (or :func:`analyze_parallel` with
``workers > 1``), and yields one :class:`Analysis` or :class:`Failure` per record, in the
order of the records. A failure's ``source`` is the input it came from (``path`` or
``path:line``); the batch always goes on past it.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import deque
from collections.abc import Iterable, Iterator

from selon.errors import SelonError, UnsupportedLanguageError
from selon.ingest.readers import Loaded, Record
from selon.lang.detect import resolve_language
from selon.lang.pack import load_pack, supported_languages
from selon.models import Analysis, Article
from selon.pipeline.analyzer import Analyzer, Failure, analyze_parallel

DEFAULT_LANG = "fr"


def make_analyzer(lang: str, batch_size: int) -> Analyzer:
    """The analyzer a batch uses (one per run; a seam for tests and embedders)."""
    return Analyzer(lang, batch_size=batch_size)


def check_lang_option(lang: str) -> str:
    """``lang`` if selon has a pack for it; raise :class:`UnsupportedLanguageError` otherwise."""
    load_pack(lang)
    return lang


def _message(e: SelonError) -> str:
    text = str(e)
    src = e.source
    return text[len(src) + 2 :] if src and text.startswith(f"{src}: ") else text


def failure(e: SelonError, *, source: str, article_id: str | None = None) -> Failure:
    return Failure(article_id or source, source, _message(e))


def prepare(
    loaded: Loaded, *, run_lang: str, forced: bool, published: str | None
) -> Article:
    """The article with the batch options applied; raise a SelonError when it cannot be read."""
    article = loaded.article
    changes: dict[str, str] = {}
    if published and not article.published:
        changes["published"] = published
    if forced:
        changes["language"] = run_lang
    elif article.language:
        if article.language not in supported_languages():
            raise UnsupportedLanguageError(
                f"the article declares language {article.language!r}, which selon has no pack for "
                f"(supported: {', '.join(supported_languages())}); force one with --lang {run_lang}"
            )
        if article.language != run_lang:
            raise UnsupportedLanguageError(
                f"the article declares language {article.language!r} but this run reads {run_lang!r}; "
                f"run it with --lang {article.language}"
            )
    else:
        code = resolve_language(article.text, default=run_lang)
        if code != run_lang:
            raise UnsupportedLanguageError(
                f"the text looks like {code!r} but this run reads {run_lang!r}; run it with --lang {code}"
            )
        changes["language"] = code
    return dataclasses.replace(article, **changes) if changes else article


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
    have none. The model is loaded only once an article passes the checks.
    """
    if workers < 1:
        raise ValueError("workers must be at least 1")
    run_lang = check_lang_option(lang) if lang else DEFAULT_LANG
    # Slots in record order: a finished Failure, or the source of an article in analysis.
    slots: deque[Failure | str] = deque()

    def feed() -> Iterator[Article]:
        for record in records:
            if isinstance(record, SelonError):
                slots.append(failure(record, source=record.source or "?"))
                continue
            try:
                article = prepare(record, run_lang=run_lang, forced=bool(lang), published=published)
            except SelonError as e:
                slots.append(failure(e, source=record.source, article_id=record.article.id))
                continue
            slots.append(record.source)
            yield article

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
            stream, lang=run_lang, workers=workers, batch_size=batch_size
        )
    else:
        results = _guarded(make_analyzer(run_lang, batch_size), stream, batch_size)
    for result in results:
        yield from drain()
        source = slots.popleft()
        assert isinstance(source, str)
        if isinstance(result, Failure):
            result = Failure(result.article_id, source, result.message)
        yield result
    yield from drain()


def _guarded(analyzer: Analyzer, articles: Iterator[Article], size: int) -> Iterator[Analysis | Failure]:
    """``analyzer.analyze_many`` a group of articles at a time; when a group fails with an
    unexpected error (a bug met on some input), redo it one article at a time so that only
    the article that triggers it fails and the batch goes on."""
    while group := list(itertools.islice(articles, size)):
        try:
            results = list(analyzer.analyze_many(group))
        except Exception:
            results = []
            for article in group:
                try:
                    results.extend(analyzer.analyze_many([article]))
                except Exception as e:  # noqa: BLE001 - reported per article, batch goes on
                    results.append(
                        Failure(article.id, None, f"internal error while analysing it ({type(e).__name__}: {e})")
                    )
        yield from results
