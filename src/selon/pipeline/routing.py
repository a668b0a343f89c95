"""Reading every language selon has a pack for: each article to the analyzer of its language.

A :class:`Router` decides each article's language by the acceptance policy
(:func:`selon.ingest.policy.accept`: forced, else declared, else detected, else the default)
and hands consecutive articles of one language to that language's
:class:`~selon.pipeline.analyzer.Analyzer` together, so that they go through ``nlp.pipe`` as
one stream; results come out in input order. Each language's analyzer (its spaCy model) is
loaded on first use, once per router: a French-only batch never loads the English model.

``selon analyze`` (:func:`selon.pipeline.batch.run_batch`), its worker processes
(:func:`selon.pipeline.analyzer.analyze_parallel`), ``selon ingest``
(:func:`selon.store.loader.ingest`), the web server's analysis thread and the Spark executors
(:mod:`selon.scale.spark`) each hold one router.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator

from selon.errors import SelonError
from selon.ingest.policy import DEFAULT_LANG, RunOptions, accept
from selon.ingest.readers import Loaded
from selon.models import Analysis, Article
from selon.pipeline import analyzer as _analyzer
from selon.pipeline.analyzer import Analyzer, Failure


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
