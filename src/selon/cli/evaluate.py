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
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from selon.errors import InputError, SelonError
from selon.evaluate import GROUP_BY, GoldArticle, evaluate, print_report, read_gold_folder
from selon.lang.pack import supported_languages
from selon.models import Analysis
from selon.pipeline import batch
from selon.pipeline.analyzer import Failure

EXIT_OK, EXIT_BAD_INPUT = 0, 2
FORMATS = ("table", "json")
DEFAULT_LANG = "fr"
BATCH_SIZE = 16  # articles per nlp.pipe batch, as `selon analyze`


def _lang(value: str) -> str:
    supported = supported_languages()
    if value not in supported:
        raise argparse.ArgumentTypeError(f"no language pack for {value!r} (supported: {', '.join(supported)})")
    return value


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
        "--lang", type=_lang, default=None,
        help=f"read every article in this language (default: each gold file's lang, else {DEFAULT_LANG})",
    )


def run(args: argparse.Namespace) -> int:
    """Score selon on ``args.gold_dir``; return the exit code."""
    try:
        golds = read_gold_folder(args.gold_dir)
        analyses = list(_analyse(golds, args.lang, _warn))
    except SelonError as e:
        _warn(f"error: {e}")
        return EXIT_BAD_INPUT
    report = evaluate(golds, analyses, by=args.by)
    if args.format == "json":
        sys.stdout.write(report.to_json(with_misses=args.show_errors) + "\n")
    else:
        print_report(report, Console(highlight=False), show_errors=args.show_errors)
    return EXIT_OK


def _warn(message: str) -> None:
    print(f"selon: {' '.join(message.split())}", file=sys.stderr, flush=True)


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
    with _progress(len(golds), _isatty(sys.stderr)) as advance:
        for lang, group in by_lang.items():
            analyzer = batch.make_analyzer(lang, BATCH_SIZE)
            for result in analyzer.analyze_many(g.to_article(lang) for g in group):
                advance()
                if isinstance(result, Failure):
                    warn(f"not analysed, scored as finding nothing: {result}")
                else:
                    yield result


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def _progress(total: int, enabled: bool) -> Iterator[Callable[[], None]]:
    """A function to call once per article: it moves a bar on stderr when ``enabled``."""
    if not enabled:
        yield lambda: None
        return
    progress = Progress(
        TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    )
    with progress:
        task = progress.add_task("analyse", total=total)
        yield lambda: progress.advance(task)
