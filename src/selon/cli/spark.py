"""``selon spark INPUT OUTPUT``: the analysis on Apache Spark; ``selon ingest --from-parquet``.

``register(subparsers)`` adds ``spark`` to selon's parser and gives the ``ingest`` command
(registered before by :mod:`selon.cli.store`) a ``--from-parquet FOLDER`` option that loads
a ``selon spark`` output into the store instead of analysing files.

:func:`main` is the same command for ``spark-submit`` (see ``selon/jobs/spark_job.py`` and
``docs/spark.md``). Nothing heavy is imported until a command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import IO, Any

from selon.errors import SelonError

EXIT_OK, EXIT_SOME_FAILED, EXIT_NONE_OR_USAGE = 0, 1, 2
SHOWN_ERRORS = 20


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return n


def _conf(value: str) -> tuple[str, str]:
    key, sep, val = value.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"{value!r} is not KEY=VALUE (e.g. spark.executor.memory=4g)")
    return key.strip(), val


def spark_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``selon spark`` (and of the spark-submit job)."""
    p.add_argument(
        "input", metavar="INPUT", help="JSON Lines or Parquet articles: a file, a folder or a glob"
    )
    p.add_argument(
        "output",
        metavar="OUTPUT",
        help="folder for the Parquet tables (articles, statements, figures, errors)",
    )
    p.add_argument(
        "--master",
        default=None,
        help="Spark master: local[N], spark://HOST:7077, yarn, k8s://… "
        "(default: what spark-submit gives, else local[*])",
    )
    p.add_argument(
        "--partitions",
        type=_positive,
        default=None,
        metavar="N",
        help="spread the articles over N partitions (default: the input's, at least 3 per core)",
    )
    p.add_argument(
        "--format",
        dest="input_format",
        choices=("auto", "jsonl", "parquet"),
        default="auto",
        help="input format (default: by suffix, or the files of the folder)",
    )
    p.add_argument("--lang", default=None, help="force the language (skips detection), e.g. fr")
    p.add_argument(
        "--batch-size", type=_positive, default=16, metavar="N", help="articles per spaCy batch (default: 16)"
    )
    p.add_argument("--overwrite", action="store_true", help="replace tables already in OUTPUT")
    p.add_argument(
        "--conf",
        type=_conf,
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a Spark setting (repeatable), e.g. --conf spark.executor.memory=4g",
    )


def register(subparsers: Any) -> None:
    """Add ``spark`` to an argparse subparsers object, and ``--from-parquet`` to ``ingest``."""
    p = subparsers.add_parser(
        "spark",
        help="analyse a corpus on Apache Spark into Parquet tables",
        description="Analyse JSON Lines or Parquet articles on Spark (local or a cluster) and write "
        "the Parquet tables articles, statements, figures and errors under OUTPUT. A bad "
        "article is a row of errors, never a failed job. Exit 0: all analysed; 1: some "
        "failed; 2: none, or Spark could not run.",
    )
    spark_arguments(p)
    p.set_defaults(func=run_spark)
    _extend_ingest(subparsers)


def _extend_ingest(subparsers: Any) -> None:
    ingest = getattr(subparsers, "choices", {}).get("ingest")
    if ingest is None:  # selon.cli.store not loaded
        return
    ingest.add_argument(
        "--from-parquet",
        metavar="FOLDER",
        default=None,
        help="store the tables written by `selon spark` (no analysis) instead of reading PATHs",
    )
    # PATH becomes optional, as --from-parquet replaces it; run_ingest checks one is given.
    for action in ingest._actions:
        if action.dest == "paths":
            action.nargs = "*"
            action.required = False
            action.default = []
    ingest.set_defaults(func=_IngestDispatch(ingest.get_default("func")))


class _IngestDispatch:
    """``ingest``'s func: ``--from-parquet`` here, PATHs to the original ``run_ingest``."""

    def __init__(self, analyse: Callable[[argparse.Namespace], int]) -> None:
        self.analyse = analyse

    def __call__(self, args: argparse.Namespace) -> int:
        return run_ingest(args, analyse=self.analyse)


def run_ingest(
    args: argparse.Namespace,
    *,
    analyse: Callable[[argparse.Namespace], int] | None = None,
    stderr: IO[str] | None = None,
) -> int:
    err = stderr or sys.stderr
    folder = getattr(args, "from_parquet", None)
    paths = getattr(args, "paths", None) or []
    if folder is None:
        if not paths:
            print("selon: error: give the PATHs to analyse, or --from-parquet FOLDER", file=err)
            return EXIT_NONE_OR_USAGE
        if analyse is None:
            raise ValueError("no ingest function for PATHs")
        return analyse(args)
    if paths:
        print("selon: error: give PATHs or --from-parquet FOLDER, not both", file=err)
        return EXIT_NONE_OR_USAGE
    from selon.scale.parquet import ingest_parquet

    try:
        summary = ingest_parquet(folder, args.db)
    except SelonError as e:
        print(f"selon: error: {e}", file=err)
        return EXIT_NONE_OR_USAGE
    for f in summary.failed[:SHOWN_ERRORS]:
        print(f"selon: {f.source or f.article_id}: {f.message}", file=err)
    if len(summary.failed) > SHOWN_ERRORS:
        print(f"selon: … and {len(summary.failed) - SHOWN_ERRORS} more in {folder}/errors", file=err)
    print(f"selon: {summary}", file=err)
    return summary.exit_code


def run_spark(args: argparse.Namespace, *, stderr: IO[str] | None = None) -> int:
    err = stderr or sys.stderr
    from selon.scale.spark import active_session, first_errors, run_job, spark_session

    # a session this command did not start (spark-submit's, a notebook's) is left running
    own = not active_session()
    try:
        spark = spark_session(args.master, conf=dict(args.conf))
    except SelonError as e:
        print(f"selon: error: {e}", file=err)
        return EXIT_NONE_OR_USAGE
    try:
        result = run_job(
            spark,
            args.input,
            args.output,
            input_format=args.input_format,
            partitions=args.partitions,
            lang=args.lang,
            batch_size=args.batch_size,
            overwrite=args.overwrite,
        )
        if result.counts.get("errors"):
            shown = first_errors(spark, args.output, SHOWN_ERRORS)
            for article_id, reason in shown:
                print(f"selon: {article_id or '(no id)'}: {reason}", file=err)
            more = result.counts["errors"] - len(shown)
            if more > 0:
                print(f"selon: … and {more} more in {args.output}/errors", file=err)
    except SelonError as e:
        print(f"selon: error: {e}", file=err)
        return EXIT_NONE_OR_USAGE
    finally:
        if own:
            spark.stop()
    print(f"selon: {result}", file=err)
    return result.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    """``selon spark``'s arguments and run, for ``spark-submit`` (no subcommand name)."""
    parser = argparse.ArgumentParser(
        prog="selon-spark", description="Analyse articles on Spark into Parquet tables (see docs/spark.md)."
    )
    spark_arguments(parser)
    return run_spark(parser.parse_args(argv))


__all__ = ["main", "register", "run_ingest", "run_spark", "spark_arguments"]
