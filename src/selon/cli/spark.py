"""``selon spark INPUT OUTPUT``: the analysis on Apache Spark, into Parquet tables.

``spark-submit`` runs the same command through :mod:`selon.scale.spark_job` (see
``docs/spark.md``). Nothing heavy is imported until the command runs; errors go up to
:func:`selon.cli.registry.main`, which maps them to exit codes.
"""

from __future__ import annotations

import argparse
import sys

from selon.cli.command import SHOWN_ERRORS, Command, print_failures


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


def run_spark(args: argparse.Namespace) -> int:
    """``selon spark``: run the job, name the first failed articles, print the counts."""
    from selon.scale.spark import active_session, first_errors, run_job, spark_session

    # a session this command did not start (spark-submit's, a notebook's) is left running
    own = not active_session()
    spark = spark_session(args.master, conf=dict(args.conf))
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
            failed = [(article_id or "(no id)", reason) for article_id, reason in shown]
            print_failures(failed, result.counts["errors"], f"{args.output}/errors")
    finally:
        if own:
            spark.stop()
    print(f"selon: {result}", file=sys.stderr)
    return result.exit_code


COMMAND = Command(
    "spark",
    "analyse a corpus on Apache Spark into Parquet tables",
    spark_arguments,
    run_spark,
    description="Analyse JSON Lines or Parquet articles on Spark (local or a cluster) and write "
    "the Parquet tables articles, statements, figures and errors under OUTPUT. A bad "
    "article is a row of errors, never a failed job. Exit 0: all analysed; 1: some "
    "failed; 2: none, or Spark could not run.",
)


__all__ = ["COMMAND", "run_spark", "spark_arguments"]
