"""Building a corpus: :func:`ingest` reads files, passes each article through the acceptance
policy, analyses what the store does not hold yet and adds it, one transaction per article."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from selon.ingest.policy import RunOptions
from selon.ingest.readers import count_files, read_files
from selon.models import Analysis, Article
from selon.pipeline.analyzer import Failure
from selon.pipeline.batch import admit
from selon.store.db import (
    Store,
    article_key,
    using_store,
)

if TYPE_CHECKING:
    pass


class AnalyzerLike(Protocol):
    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis | Failure]: ...


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

    ``lang`` forces the language (no detection). ``analyzer`` defaults to an ``Analyzer`` for
    the run's language, loaded only when something needs analysing. ``progress(done, total)``
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

    seen: set[str] = set()  # keys met in this run
    with using_store(db) as store:
        inputs = (admit(record, options) for record in read_files(paths))
        # in chunks, so that memory stays bounded and dedup is one query per chunk
        while chunk := list(itertools.islice(inputs, chunk_size)):
            keys = [article_key(item.text) if isinstance(item, Article) else "" for _, item in chunk]
            stored = store.present_keys(k for k in keys if k)
            todo: list[tuple[str, Article]] = []
            for (source, item), key in zip(chunk, keys, strict=True):
                if isinstance(item, Failure):
                    summary.failed.append(item)
                    step()
                elif key in stored or key in seen:
                    summary.present.append(source)
                    step()
                else:
                    seen.add(key)
                    todo.append((source, item))
            if not todo:
                continue
            if analyzer is None:
                from selon.pipeline.analyzer import Analyzer

                analyzer = Analyzer(options.reads)
            sources = iter(todo)
            for result in analyzer.analyze_many(a for _, a in todo):
                source, _article = next(sources)
                if isinstance(result, Failure):
                    summary.failed.append(dataclasses.replace(result, source=source))
                elif store.add(result).status == "ingested":
                    summary.ingested.append(source)
                else:  # another process stored it meanwhile
                    summary.present.append(source)
                step()
    return summary
