"""The store's commands: ``selon ingest``, ``selon figures``, ``selon compare``, ``selon speakers``.

Thin edges: each ``run_*`` parses nothing itself, calls one library function of
:mod:`selon.store.loader`, :mod:`selon.store.queries` (or :mod:`selon.scale.parquet` for ``ingest --from-parquet``) and
prints the result; errors go up to :func:`selon.cli.registry.main`, which maps them to
exit codes. :data:`COMMANDS` are the four commands.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from selon.cli.command import (
    EXIT_OK,
    SHOWN_ERRORS,
    Command,
    db_argument,
    isatty,
    print_failures,
    progress_bar,
)
from selon.errors import InputError, StoreError, UsageError
from selon.store.loader import IngestSummary, ingest
from selon.store.queries import (
    FIGURE_COLUMNS,
    GROUP_KEYS,
    Filters,
    Records,
    compare,
    figures,
    outcome_code,
    outcome_codes,
    require_pandas,
    speakers,
)

FORMATS = ("table", "csv", "json", "parquet")


# -- argument parsing -------------------------------------------------------------------------


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date YYYY-MM-DD") from None


def _outcome(value: str) -> str:
    try:
        return outcome_code(value)
    except InputError as e:
        raise argparse.ArgumentTypeError(e.reason) from None


def _group_keys(value: str) -> tuple[str, ...]:
    keys = tuple(k.strip() for k in value.split(",") if k.strip())
    bad = [k for k in keys if k not in GROUP_KEYS]
    if bad or not keys:
        raise argparse.ArgumentTypeError(f"--by takes a comma-separated list of {', '.join(GROUP_KEYS)}")
    return keys


def _query_args(p: argparse.ArgumentParser, *, outcome: bool = True, source_help: str = "") -> None:
    if outcome:
        p.add_argument(
            "--outcome",
            type=_outcome,
            help=f"only figures of this outcome: {', '.join(outcome_codes())} (any case, or a word "
            "of the language pack such as tués)",
        )
    p.add_argument("--source", metavar="TEXT", help=source_help or "only sources whose name contains TEXT")
    p.add_argument("--outlet", metavar="TEXT", help="only outlets whose name contains TEXT")
    p.add_argument("--since", type=_date, metavar="DATE", help="published on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", type=_date, metavar="DATE", help="published on or before DATE (YYYY-MM-DD)")
    p.add_argument("--all-versions", action="store_true", help="include earlier versions of changed articles")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="output format (default: table; parquet needs the extra: pip install 'selon[pandas]')",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of stdout (needed for parquet)"
    )
    db_argument(p)


def _ingest_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", default=[], metavar="PATH", help="files or folders")
    p.add_argument("--lang", default=None, help="force the language (skips detection), e.g. fr")
    db_argument(p)
    p.add_argument(
        "--from-parquet",
        metavar="FOLDER",
        default=None,
        help="store the tables written by `selon spark` (no analysis) instead of reading PATHs",
    )


def _compare_args(p: argparse.ArgumentParser) -> None:
    _query_args(p)
    p.add_argument(
        "--by",
        type=_group_keys,
        default=GROUP_KEYS,
        metavar="KEYS",
        help=f"what makes a group, among {','.join(GROUP_KEYS)} (default: all)",
    )
    p.add_argument(
        "--min-sources", type=int, default=1, metavar="N", help="only groups with N sources or more"
    )


def _figures_args(p: argparse.ArgumentParser) -> None:
    _query_args(p)
    p.add_argument(
        "--context",
        action="store_true",
        help="each figure's sentence, from its stored article (a column 'sentence'; under each row in a table)",
    )
    p.add_argument(
        "--columns",
        type=_column_list,
        metavar="A,B,C",
        help=f"only these columns, in this order, among {','.join(FIGURE_COLUMNS)} (and sentence with --context)",
    )


def _column_list(value: str) -> list[str]:
    columns = [c.strip() for c in value.split(",") if c.strip()]
    if not columns:
        raise argparse.ArgumentTypeError("--columns takes a comma-separated list of column names")
    return columns


def pick_columns(records: Records, columns: list[str] | None) -> Records:
    """``records`` with only ``columns``, in that order; :class:`UsageError` naming the valid
    columns when one is not among them."""
    if not columns:
        return records
    unknown = [c for c in columns if c not in records.columns]
    if unknown:
        raise UsageError(
            f"unknown column(s) {', '.join(map(repr, unknown))} for --columns; the columns are "
            f"{','.join(records.columns)}"
        )
    return Records(({c: r.get(c) for c in columns} for r in records), columns=columns)


def _speakers_args(p: argparse.ArgumentParser) -> None:
    _query_args(p, outcome=False, source_help="only speakers whose name contains TEXT")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="at most N rows")


# -- ingest -----------------------------------------------------------------------------------


def run_ingest(args: argparse.Namespace) -> int:
    """``selon ingest``: PATHs analysed and stored, or ``--from-parquet`` tables stored."""
    if args.from_parquet is None:
        if not args.paths:
            raise UsageError("give the PATHs to analyse, or --from-parquet FOLDER")
        return _ingest_files(args)
    if args.paths:
        raise UsageError("give PATHs or --from-parquet FOLDER, not both")
    return _ingest_parquet(args)


def _ingest_files(args: argparse.Namespace) -> int:
    from selon.ingest.readers import count_files

    with progress_bar(None, isatty(sys.stderr), label="ingest") as bar:
        if bar is not None:  # counted first, so the bar reads 0/N while the model loads, not 0/?
            bar.update(bar.task_ids[0], total=count_files(args.paths))

        def step(done: int, total: int) -> None:
            bar.update(bar.task_ids[0], completed=done, total=total)

        summary = ingest(args.paths, args.db, lang=args.lang, progress=step if bar is not None else None)
    _print_summary(summary)
    return summary.exit_code


def _ingest_parquet(args: argparse.Namespace) -> int:
    from selon.scale.parquet import ingest_parquet

    folder = args.from_parquet
    summary = ingest_parquet(folder, args.db)
    _print_summary(summary, shown=SHOWN_ERRORS, more_in=f"{folder}/errors")
    return summary.exit_code


def _print_summary(summary: IngestSummary, *, shown: int | None = None, more_in: str = "") -> None:
    """The failed inputs (the first ``shown`` of them when given), then the counts."""
    failed = [(f.source or f.article_id, f.message) for f in summary.failed]
    print_failures(failed[:shown], len(failed), more_in)
    print(f"selon: {summary}", file=sys.stderr)


# -- queries ----------------------------------------------------------------------------------


def _query_filters(args: argparse.Namespace) -> Filters:
    return Filters(
        outcome=getattr(args, "outcome", None),
        source=args.source,
        outlet=args.outlet,
        since=args.since,
        until=args.until,
        all_versions=args.all_versions,
    )


def _run_query(args: argparse.Namespace, query: Callable[[], Records], *, below: str | None = None) -> int:
    if args.format == "parquet":
        if not args.output:
            raise UsageError("--format parquet writes a file: give it with --output FILE")
        require_pandas("--format parquet")  # before the query runs
    records = query()
    try:
        write_records(records, args.format, output=args.output, stdout=sys.stdout, below=below)
    except OSError as e:
        raise StoreError(f"cannot write {args.output}: {e.strerror or e}") from e
    return EXIT_OK


def run_figures(args: argparse.Namespace) -> int:
    """``selon figures``: with ``--context``, each figure's sentence (under its row in a table);
    ``--columns`` picks the columns (the sentence stays with ``--context``)."""
    if args.columns:  # checked before the query runs
        valid = [*FIGURE_COLUMNS, *(["sentence"] if args.context else [])]
        pick_columns(Records(columns=valid), args.columns)

    def query() -> Records:
        records = figures(args.db, _query_filters(args), context=args.context)
        if args.columns:
            wanted = list(args.columns) + (["sentence"] if args.context and "sentence" not in args.columns else [])
            records = pick_columns(records, wanted)
        return records

    return _run_query(args, query, below="sentence" if args.context else None)


def run_compare(args: argparse.Namespace) -> int:
    return _run_query(
        args, lambda: compare(args.db, _query_filters(args), by=args.by, min_sources=args.min_sources)
    )


def run_speakers(args: argparse.Namespace) -> int:
    return _run_query(args, lambda: speakers(args.db, _query_filters(args), limit=args.limit))


COMMANDS = (
    Command(
        "ingest",
        "analyse articles and keep them in a store",
        _ingest_args,
        run_ingest,
        description="Analyse files and folders (.txt, .json, .jsonl, .html) and store them. "
        "Articles already stored are skipped. Exit 0: all stored; 1: some failed; 2: none.",
    ),
    Command("figures", "list stored figures with their sources", _figures_args, run_figures),
    Command(
        "compare",
        "set the figures of different sources side by side",
        _compare_args,
        run_compare,
        description="One row per thing counted (outcome, unit family, place, date), one column per source.",
    ),
    Command("speakers", "who is quoted most, by outlet, with roles", _speakers_args, run_speakers),
)


# -- output -----------------------------------------------------------------------------------


def write_records(
    records: Records, fmt: str, *, output: str | Path | None = None, stdout: IO[str], below: str | None = None
) -> None:
    """Write query results as ``table``, ``csv``, ``json`` (an array of objects) or
    ``parquet`` (to ``output`` only). In a table, the column ``below`` (a long text: a
    figure's sentence) is written whole under each row instead of as a column."""
    if fmt == "parquet":
        if output is None:
            raise ValueError("parquet needs an output file")
        require_pandas("writing parquet")
        frame = records.to_pandas()
        for col in frame.columns:  # lists (speakers' roles) as text: one type a column
            if frame[col].map(lambda v: isinstance(v, list)).any():
                frame[col] = frame[col].map(lambda v: "; ".join(v) if isinstance(v, list) else v)
        frame.to_parquet(output, index=False)
        return
    if fmt == "json":
        text = json.dumps(list(records), ensure_ascii=False, indent=1) + "\n"
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(records.columns)
        for r in records:
            w.writerow([_cell(r.get(c), csv_mode=True) for c in records.columns])
        text = buf.getvalue()
    elif fmt == "table":
        text = format_table(records, below=below)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose among {', '.join(FORMATS)}")
    if output is None:
        stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")


def _cell(v: Any, *, csv_mode: bool = False, width: int = 48) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        v = "; ".join(str(x) for x in v)
    elif isinstance(v, float):
        v = int(v) if v.is_integer() else (v if csv_mode else round(v, 3))
    s = str(v)
    if not csv_mode:
        s = " ".join(s.split())
        if len(s) > width:
            s = s[: width - 1] + "…"
    return s


def format_table(records: Records, *, below: str | None = None) -> str:
    """Columns aligned with spaces, numbers to the right; long cells cut with an ellipsis; the
    column ``below`` written whole, indented, under each row."""
    if not records:
        return "(no rows)\n"
    cols = [c for c in records.columns if c != below]
    cells = [[_cell(r.get(c)) for c in cols] for r in records]
    numeric = [all(isinstance(r.get(c), (int, float)) or r.get(c) is None for r in records) for c in cols]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]

    def line(values: list[str]) -> str:
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True)]
        return "  ".join(parts).rstrip()

    out = [line(list(cols)), line(["-" * w for w in widths])]
    for record, row in zip(records, cells, strict=True):
        out.append(line(row))
        if below is not None and below in records.columns:
            out.append("    " + _cell(record.get(below), width=10**6))
    return "\n".join(out) + "\n"
