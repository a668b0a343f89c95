"""``selon evaluate GOLD_DIR``: run selon on annotated articles and print how it did.

``add_arguments`` adds the command's options to its parser; ``run`` reads the gold folder
(``spec/ANNOTATION.md`` format, see ``docs/evaluate.md``), analyses every article with
:class:`~selon.pipeline.analyzer.Analyzer` (a progress bar on a terminal), scores the
output with :func:`selon.evaluate.evaluate` and prints tables or JSON.

Exit codes: 0 scored; 2 bad input (the gold folder or a gold file, a language selon has no
pack for, a missing model), with one line on stderr naming the input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence

from rich.console import Console

from selon.cli.command import EXIT_OK, Command, isatty, language, progress_bar, warn
from selon.errors import InputError
from selon.evaluate import GROUP_BY, GoldArticle, evaluate, print_report, read_gold_folder
from selon.lang.pack import supported_languages
from selon.models import Analysis
from selon.pipeline import batch
from selon.pipeline.analyzer import Failure

FORMATS = ("table", "json")
DEFAULT_LANG = "fr"
BATCH_SIZE = 16  # articles per nlp.pipe batch, as `selon analyze`


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``selon evaluate``."""
    parser.add_argument("gold_dir", metavar="GOLD_DIR", help="a folder of gold files (*.json), see docs/evaluate.md")
    parser.add_argument(
        "--by", choices=GROUP_BY, default=None,
        help="also score per outlet (the prefix of the article id before the first '-') or per article",
    )
    parser.add_argument("--show-errors", action="store_true", help="list every miss, extra and wrong field")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument(
        "--lang", type=language, default=None,
        help=f"read every article in this language (default: each gold file's lang, else {DEFAULT_LANG})",
    )


def run(args: argparse.Namespace) -> int:
    """Score selon on ``args.gold_dir``; return the exit code (a bad gold folder or file raises
    its :class:`~selon.errors.InputError`, which the registry reports)."""
    golds = read_gold_folder(args.gold_dir)
    analyses = list(_analyse(golds, args.lang, warn))
    report = evaluate(golds, analyses, by=args.by)
    if args.format == "json":
        sys.stdout.write(report.to_json(with_misses=args.show_errors) + "\n")
    else:
        print_report(report, Console(highlight=False), show_errors=args.show_errors)
    return EXIT_OK


def language_of(gold: GoldArticle, forced: str | None) -> str:
    """The language to read ``gold`` in; raise :class:`InputError` when selon has no pack for it."""
    lang = forced or gold.lang or DEFAULT_LANG
    if lang not in supported_languages():
        raise InputError(
            f"the article's lang {lang!r} has no language pack (supported: {', '.join(supported_languages())}); "
            "force one with --lang",
            source=str(gold.path),
        )
    return lang


def _analyse(golds: Sequence[GoldArticle], forced: str | None, warn: Callable[[str], None]) -> Iterator[Analysis]:
    """selon's analysis of each gold article, one analyzer per language; an article that
    cannot be analysed is reported through ``warn`` (and scored as finding nothing)."""
    by_lang: dict[str, list[GoldArticle]] = {}
    for gold in golds:
        by_lang.setdefault(language_of(gold, forced), []).append(gold)
    with progress_bar(len(golds), isatty(sys.stderr)) as progress:
        for lang, group in by_lang.items():
            analyzer = batch.make_analyzer(lang, BATCH_SIZE)
            for result in analyzer.analyze_many(g.to_article(lang) for g in group):
                if progress is not None:
                    progress.advance(progress.task_ids[0])
                if isinstance(result, Failure):
                    warn(f"not analysed, scored as finding nothing: {result}")
                else:
                    yield result


COMMAND = Command(
    "evaluate",
    "score selon on your own annotated articles (P/R/F1, speaker, value and source accuracy)",
    add_arguments,
    run,
    description=(
        "Run selon on gold files written as in docs/evaluate.md and print how it did: statements P/R/F1, "
        "speaker accuracy, figures P/R/F1, value and source accuracy, overall and --by outlet or article."
    ),
)
