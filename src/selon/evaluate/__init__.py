"""How well does selon do on articles someone annotated? Score its output against gold files.

>>> from selon.evaluate import evaluate, read_gold_folder             # doctest: +SKIP
>>> golds = read_gold_folder("my-gold/")                               # doctest: +SKIP
>>> analyses = Analyzer("fr").analyze_many(g.to_article() for g in golds)  # doctest: +SKIP
>>> report = evaluate(golds, analyses, by="outlet")                    # doctest: +SKIP
>>> report.overall.statements.f1                                       # doctest: +SKIP

Gold files follow ``spec/ANNOTATION.md`` (see ``docs/evaluate.md``); matching follows its
rules (:mod:`selon.evaluate.match`), scores are summed over articles
(:mod:`selon.evaluate.scores`), and :class:`Report` renders as tables or JSON
(:mod:`selon.evaluate.report`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from selon.evaluate.gold import GoldArticle, read_gold_file, read_gold_folder
from selon.evaluate.match import ArticleMatch, match_article
from selon.evaluate.predicted import read_analysis
from selon.evaluate.report import GROUP_BY, GroupBy, Miss, Report, misses_of, print_report
from selon.evaluate.scores import Counts, Scores, count_article, total
from selon.models import Analysis


def group_of(article_id: str, by: GroupBy) -> str:
    """The group an article is scored in: ``outlet``, the prefix of its id before the first
    "-" (``lalibre-012`` → ``lalibre``); ``article``, its id."""
    return article_id.split("-")[0] if by == "outlet" else article_id


def evaluate(
    gold: str | Path | Sequence[GoldArticle], analyses: Iterable[Analysis], by: GroupBy | None = None
) -> Report:
    """Score ``analyses`` (selon's output) against ``gold`` (a folder of gold files, or the
    articles read from one), overall and, with ``by``, per group.

    An analysis is paired with the gold article of the same id; analyses of other articles
    are ignored, and a gold article with no analysis counts as one where selon found nothing.
    Raise :class:`~selon.errors.InputError` for a bad gold folder.
    """
    golds = read_gold_folder(gold) if isinstance(gold, (str, Path)) else list(gold)
    if by is not None and by not in GROUP_BY:
        raise ValueError(f"by must be one of {', '.join(GROUP_BY)}, not {by!r}")
    predicted = {a.article.id: read_analysis(a) for a in analyses}
    matches = [match_article(g, predicted.get(g.id)) for g in golds]
    counts = [count_article(m) for m in matches]
    grouped: dict[str, list[Counts]] = {}
    if by is not None:
        for m, c in zip(matches, counts, strict=True):
            grouped.setdefault(group_of(m.gold.id, by), []).append(c)
    return Report(
        overall=Scores.of(total(counts)),
        by=by,
        groups={name: Scores.of(total(grouped[name])) for name in sorted(grouped)},
        misses=tuple(miss for m in matches for miss in misses_of(m)),
        not_analysed=tuple(g.id for g in golds if g.id not in predicted),
    )


__all__ = [
    "GROUP_BY",
    "ArticleMatch",
    "GoldArticle",
    "GroupBy",
    "Miss",
    "Report",
    "Scores",
    "evaluate",
    "group_of",
    "match_article",
    "print_report",
    "read_gold_file",
    "read_gold_folder",
]
