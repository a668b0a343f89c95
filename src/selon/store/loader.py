"""Building a corpus: :func:`ingest` reads files, passes each article through the acceptance
policy, analyses what the store does not hold yet and adds it, one transaction per article."""

from __future__ import annotations

import dataclasses
import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from selon.errors import ArticleNotStoredError
from selon.ingest.policy import RunOptions
from selon.ingest.readers import count_files, read_files
from selon.models import Analysis, Article
from selon.pipeline.analyzer import Failure
from selon.pipeline.batch import admit
from selon.store.db import (
    AddResult,
    Store,
    article_key,
    using_store,
)


class AnalyzerLike(Protocol):
    def analyze_many(self, articles: Sequence[Article]) -> Iterable[Analysis | Failure]: ...


@dataclass
class IngestSummary:
    """What :func:`ingest` did, input by input (sources are paths, ``path:line`` for JSONL)."""

    ingested: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.ingested) + len(self.present) + len(self.failed)

    @property
    def exit_code(self) -> int:
        """0 every input stored (or already there), 1 some failed, 2 none could be stored."""
        if self.total == 0 or len(self.failed) == self.total:
            return 2
        return 1 if self.failed else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingested": len(self.ingested),
            "already_present": len(self.present),
            "failed": [{"source": f.source or f.article_id, "reason": f.message} for f in self.failed],
        }

    def __str__(self) -> str:
        return (
            f"{len(self.ingested)} ingested, {len(self.present)} already present, {len(self.failed)} failed"
        )


def ingest(
    paths: Iterable[str | Path],
    db: str | Path | Store | None = None,
    analyzer: AnalyzerLike | None = None,
    *,
    lang: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    chunk_size: int = 500,
) -> IngestSummary:
    """Read ``paths`` (:func:`selon.ingest.readers.read_files`), pass each article through the
    acceptance policy (:func:`selon.ingest.policy.accept`), analyse what is not stored yet,
    store each article in its own transaction. Re-ingesting is a no-op for articles already
    there, so a run that was interrupted completes when run again.

    ``lang`` forces the language (no detection). ``analyzer`` defaults to a
    :class:`~selon.pipeline.routing.Router` (each article read in its language, a language's
    model loaded only when an article in it needs analysing). ``progress(done, total)``
    is called after each input. Inputs are read ``chunk_size`` at a time, so memory does not
    grow with the corpus.
    """
    options = RunOptions(lang=lang)
    summary = IngestSummary()
    paths = [Path(p) for p in paths]
    total = count_files(paths) if progress is not None else None
    done = 0

    def step() -> None:
        nonlocal done, total
        done += 1
        if progress is not None:
            total = max(total or 0, done)
            progress(done, total)

    seen: set[str] = set()  # keys stored (or found stored) in this run
    loaded: list[AnalyzerLike] = [analyzer] if analyzer is not None else []

    def analyzer_for() -> AnalyzerLike:  # made only when something needs analysing
        if not loaded:
            from selon.pipeline.batch import make_router

            loaded.append(make_router(lang))
        return loaded[0]

    with using_store(db) as store:
        inputs = (admit(record, options) for record in read_files(paths))
        # in chunks, so that memory stays bounded and dedup is one query per chunk
        while chunk := list(itertools.islice(inputs, chunk_size)):
            todo: list[tuple[str, Article]] = []
            for source, item in chunk:
                if isinstance(item, Failure):
                    summary.failed.append(item)
                    step()
                else:
                    todo.append((source, item))
            for outcome in store_articles(store, todo, analyzer_for, seen=seen):
                if outcome.failure is not None:
                    summary.failed.append(outcome.failure)
                elif outcome.status == "ingested":
                    summary.ingested.append(outcome.source)
                else:
                    summary.present.append(outcome.source)
                step()
    return summary


@dataclass(frozen=True)
class Stored:
    """What :func:`store_articles` did with one article: ``ingested`` (``added`` says where),
    ``present`` (the same text was stored already; ``added`` when by this call) or
    ``failed`` (``failure`` says why)."""

    source: str
    article: Article
    status: Literal["ingested", "present", "failed"]
    added: AddResult | None = None
    failure: Failure | None = None


def store_articles(
    store: Store,
    items: Sequence[tuple[str, Article]],
    analyzer: Callable[[], AnalyzerLike],
    *,
    seen: set[str] | None = None,
) -> Iterator[Stored]:
    """Analyse the ``(source, article)`` items the store does not hold yet and store each in
    its own transaction; one :class:`Stored` per item (those already stored first).

    The same text twice is analysed once; only when that analysis fails is the next copy
    tried, so a failed copy never stands for the others. An article the analyzer fails, or
    whose data the store refuses (:class:`ArticleNotStoredError`), is that article's failure;
    the others go on. ``analyzer()`` gives the analyzer, called only when something needs
    analysing. ``seen`` holds the keys stored so far in a longer run (updated here).
    """
    seen = set() if seen is None else seen
    keyed = [(article_key(article.text), source, article) for source, article in items]
    stored = store.present_keys(key for key, _, _ in keyed)
    copies: dict[str, deque[tuple[str, Article]]] = {}  # later copies of a text in analysis
    todo: list[tuple[str, str, Article]] = []
    for key, source, article in keyed:
        if key in stored or key in seen:
            yield Stored(source, article, "present")
        elif key in copies:
            copies[key].append((source, article))
        else:
            copies[key] = deque()
            todo.append((key, source, article))
    while todo:
        retry: list[tuple[str, str, Article]] = []
        results = analyzer().analyze_many([article for _, _, article in todo])
        for (key, source, article), result in zip(todo, results, strict=True):
            done = _store_one(store, source, article, result)
            yield done
            if done.status == "failed":
                if copies[key]:
                    retry.append((key, *copies[key].popleft()))
                continue
            seen.add(key)
            for other_source, other in copies.pop(key):
                yield Stored(other_source, other, "present", added=done.added)
        todo = retry


def _store_one(store: Store, source: str, article: Article, result: Analysis | Failure) -> Stored:
    if isinstance(result, Failure):
        return Stored(source, article, "failed", failure=dataclasses.replace(result, source=source))
    try:
        added = store.add(result)
    except ArticleNotStoredError as e:
        return Stored(source, article, "failed", failure=Failure(article.id, source, e.reason))
    return Stored(source, article, added.status, added=added)
