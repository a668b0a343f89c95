"""Reading every language selon has a pack for: each article to the analyzer of its language.

A :class:`Router` decides each article's language by the acceptance policy
(:func:`selon.ingest.policy.accept`: forced, else declared, else detected, else the default)
and hands consecutive articles of one language to that language's
:class:`~selon.pipeline.analyzer.Analyzer` together, so that they go through ``nlp.pipe`` as
one stream; results come out in input order. Each language's analyzer (its spaCy model) is
loaded on first use, once per router: a French-only batch never loads the English model.

``selon analyze`` (:func:`selon.pipeline.batch.run_batch`), its worker processes
(:func:`analyze_parallel`, here), ``selon ingest``
(:func:`selon.store.loader.ingest`), the web server's analysis thread and the Spark executors
(:mod:`selon.scale.spark`) each hold one router.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from selon.errors import SelonError
from selon.ingest.policy import DEFAULT_LANG, RunOptions, accept
from selon.ingest.readers import Loaded
from selon.models import Analysis, Article
from selon.pipeline import analyzer as _analyzer
from selon.pipeline.analyzer import Analyzer, Failure, analyze_isolating, internal_failure


class Router:
    """Analyses articles in any language with a pack, one lazily loaded analyzer a language.

    ``lang`` forces every article's language (no detection); ``default_lang`` is the language
    of an article that declares none and whose text is too short or uncertain to detect.
    ``make(lang)`` builds a language's analyzer (default: ``Analyzer(lang, batch_size=...)``);
    ``analyzers`` are already loaded ones to use for their languages.
    """

    def __init__(
        self,
        *,
        lang: str | None = None,
        default_lang: str = DEFAULT_LANG,
        batch_size: int = 16,
        make: Callable[[str], Analyzer] | None = None,
        analyzers: Iterable[Analyzer] = (),
    ) -> None:
        self.options = RunOptions(lang=lang, default_lang=default_lang)
        self.batch_size = batch_size
        self._make = make
        self._analyzers: dict[str, Analyzer] = {a.lang: a for a in analyzers}

    @property
    def lang(self) -> str:
        """The language of an article too short to detect (what the web's forms read)."""
        return self.options.lang or self.options.default_lang

    @property
    def loaded(self) -> tuple[str, ...]:
        """The languages whose analyzer is loaded, in the order they were."""
        return tuple(self._analyzers)

    def analyzer(self, lang: str) -> Analyzer:
        """The analyzer of ``lang``, loaded now if it is not yet."""
        analyzer = self._analyzers.get(lang)
        if analyzer is None:
            # (the class looked up now, so that a test's replacement applies)
            make = self._make or (lambda code: _analyzer.Analyzer(code, batch_size=self.batch_size))
            analyzer = self._analyzers[lang] = make(lang)
        return analyzer

    def decide(self, article: Article) -> Article | Failure:
        """``article`` with its language decided by the policy, or the :class:`Failure` that
        refuses it (its source is the article's id, as :meth:`Analyzer.check` names it)."""
        try:
            return accept(Loaded(article, article.id), self.options)
        except SelonError as e:
            return Failure.of(e, article_id=article.id)

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis | Failure]:
        """Analyse a stream of articles, each in its language, in input order: consecutive
        articles of one language go through their analyzer's ``nlp.pipe`` together."""
        decided = (self.decide(article) for article in articles)
        for lang, run in itertools.groupby(decided, key=_language_of):
            if lang is None:
                yield from run  # type: ignore[misc]  # (the failures, as they are)
                continue
            analyzer = self.analyzer(lang)
            # a list at a time (an analyzer may read its articles twice), of the analyzer's
            # own batch size: a long run is still read as it is consumed
            size = getattr(analyzer, "batch_size", self.batch_size)
            while chunk := list(itertools.islice(run, size)):
                yield from analyzer.analyze_many(chunk)  # type: ignore[arg-type]


def _language_of(item: Article | Failure) -> str | None:
    return item.language if isinstance(item, Article) else None


# -- process pool ------------------------------------------------------------------------------
_worker: Router | None = None


def _init_worker(lang: str | None, batch_size: int) -> None:
    global _worker
    _worker = Router(lang=lang, batch_size=batch_size)  # (each language loaded on first use)


def _work(articles: list[Article]) -> list[Analysis | Failure]:
    assert _worker is not None
    return analyze_isolating(_worker, articles, internal_failure)


def _results(future: Future[list[Analysis | Failure]], batch: list[Article]) -> list[Analysis | Failure]:
    """The batch's results; when its worker could not give them (it died, or a result could
    not be sent back), each article of the batch fails with the reason and the run goes on."""
    try:
        return future.result()
    except Exception as e:  # noqa: BLE001 - reported per article, the run goes on
        return [internal_failure(article, e) for article in batch]


def analyze_parallel(
    articles: Iterable[Article], *, lang: str | None = None, workers: int = 2, batch_size: int = 16
) -> Iterator[Analysis | Failure]:
    """Like :meth:`Router.analyze_many`, over
    ``workers`` processes, in input order: each article is read in its language (``lang``
    forces one for all).

    Each worker is a fresh process (``spawn``: it does not inherit the parent's memory) that
    loads a language's model once, when it first meets an article in it. At most
    ``2 × workers`` batches are in flight, so a long stream is read as it is consumed, in
    bounded memory.
    """
    if workers < 1:
        raise ValueError("workers must be at least 1")
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(lang, batch_size)
    ) as ex:
        pending: deque[tuple[Future[list[Analysis | Failure]], list[Article]]] = deque()
        for batch in _batched(articles, batch_size):
            pending.append((_submit(ex, batch), batch))
            if len(pending) >= 2 * workers:
                yield from _results(*pending.popleft())
        while pending:
            yield from _results(*pending.popleft())


def _submit(ex: ProcessPoolExecutor, batch: list[Article]) -> Future[list[Analysis | Failure]]:
    """``_work(batch)`` in the pool; a pool that broke (a worker died) gives a failed future."""
    try:
        return ex.submit(_work, batch)
    except Exception as e:  # noqa: BLE001 - BrokenProcessPool: the batch's articles fail
        failed: Future[list[Analysis | Failure]] = Future()
        failed.set_exception(e)
        return failed


def _batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
