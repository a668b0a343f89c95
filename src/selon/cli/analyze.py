"""``selon analyze PATH…``: statements and figures of articles, printed as pretty text,
JSON or JSON Lines.

Exit codes: 0 every article was analysed; 1 some failed (each named on stderr, one line
each); 2 none was.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from selon.cli.command import (
    EXIT_NONE_OR_USAGE,
    EXIT_OK,
    EXIT_SOME_FAILED,
    Command,
    bounded_int,
    isatty,
    language,
    one_line,
    progress_bar,
    warn,
)
from selon.errors import InputError, SelonError, UsageError
from selon.models import Analysis

if TYPE_CHECKING:
    from selon.pipeline.analyzer import Failure

FORMATS = ("pretty", "json", "jsonl")


# -- argument types ------------------------------------------------------------------------------
def _date(value: str) -> str:
    from selon.ingest.readers import normalize_date

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (expected YYYY-MM-DD)")
    try:
        return normalize_date(value, source="--published")
    except SelonError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a valid date (expected YYYY-MM-DD)") from None


_workers = bounded_int("a number of processes", 1, 256)


# -- the command ---------------------------------------------------------------------------------
def _analyze_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files (.txt, .json, .jsonl), directories, globs, or - for stdin",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: pretty on a terminal, jsonl otherwise)",
    )
    p.add_argument("--lang", type=language, default=None, help="force the language (skips detection), e.g. fr")
    p.add_argument(
        "--published", type=_date, default=None, metavar="YYYY-MM-DD", help="date of articles that have none"
    )
    p.add_argument("--workers", type=_workers, default=1, metavar="N", help="analyse in N processes (default 1)")


class _JsonArrayWriter:
    """``--format json``: one object for one article, a JSON array for several."""

    def __init__(self, write: Callable[[str], None]) -> None:
        self.write = write
        self.records = 0
        self.pending: str | None = None
        self.opened = False
        self.items = 0

    def _item(self, text: str) -> None:
        self.write(("[\n" if not self.opened else "") + (",\n" if self.items else "") + text)
        self.opened = True
        self.items += 1

    def record(self, json_text: str | None) -> None:
        """One article's result: its JSON, or None when it failed."""
        self.records += 1
        if self.records == 1:
            self.pending = json_text
            return
        if not self.opened:
            self.write("[\n")
            self.opened = True
            if self.pending is not None:
                self._item(self.pending)
                self.pending = None
        if json_text is not None:
            self._item(json_text)

    def close(self) -> None:
        if self.opened:
            self.write("\n]\n")
        elif self.pending is not None:
            self.write(self.pending + "\n")


class _Output:
    """Where ``selon analyze`` writes: results on stdout in ``fmt`` (through the bar's console
    when a live progress bar shares the terminal), failures on stderr."""

    def __init__(self, fmt: str, progress: Any) -> None:
        from rich.console import Console

        self.fmt = fmt
        self.progress = progress
        self.through_bar = progress is not None and isatty(sys.stdout)
        self.console = progress.console if self.through_bar else Console(highlight=False)
        self.json = _JsonArrayWriter(self.write) if fmt == "json" else None

    def write(self, text: str) -> None:
        if self.through_bar:
            self.console.print(text, markup=False, highlight=False, soft_wrap=True, end="")
        else:
            sys.stdout.write(text)
            sys.stdout.flush()

    def warn(self, message: str) -> None:
        if self.progress is not None:
            self.progress.console.print(
                f"selon: {one_line(message)}", markup=False, highlight=False, soft_wrap=True
            )
        else:
            warn(message)

    def analysis(self, analysis: Analysis) -> None:
        from selon.render import print_analysis

        if self.json is not None:
            self.json.record(analysis.to_json(indent=2))
        elif self.fmt == "jsonl":
            self.write(analysis.to_json() + "\n")
        else:
            print_analysis(analysis, self.console)

    def failure(self, failure: Failure) -> None:
        self.warn(str(failure))
        if self.json is not None:
            self.json.record(None)

    def close(self) -> None:
        if self.json is not None:
            self.json.close()


def _run_analyze(args: argparse.Namespace) -> int:
    from selon.ingest.readers import STDIN, count_articles, expand_inputs, read_inputs
    from selon.pipeline.batch import run_batch

    fmt = args.format or ("pretty" if isatty(sys.stdout) else "jsonl")
    paths = expand_inputs(args.paths)  # a path that names nothing is that input's failure …
    if all(isinstance(p, InputError) for p in paths):  # … unless no path names anything
        raise UsageError(str(paths[0]))
    total = count_articles(paths)
    ok = failed = 0
    with progress_bar(total, isatty(sys.stderr) and total != 1) as progress:
        output = _Output(fmt, progress)
        # a closed stdin (``<&-``) is None: read_inputs then reports it as that input's failure
        stdin = getattr(sys.stdin, "buffer", None) if STDIN in paths else None
        records = read_inputs(paths, stdin=stdin)
        try:
            for result in run_batch(records, lang=args.lang, published=args.published, workers=args.workers):
                if isinstance(result, Analysis):
                    ok += 1
                    output.analysis(result)
                else:
                    failed += 1
                    output.failure(result)
                if progress is not None:
                    progress.advance(progress.task_ids[0])
        finally:  # whatever stops the run, --format json leaves a whole array
            output.close()
    return _exit_code(ok, failed)


def _exit_code(ok: int, failed: int) -> int:
    if ok + failed == 0:
        warn("no articles in the input")
        return EXIT_NONE_OR_USAGE
    if failed:
        warn(f"{failed} of {ok + failed} articles failed")
        return EXIT_SOME_FAILED if ok else EXIT_NONE_OR_USAGE
    return EXIT_OK


COMMAND = Command(
    name="analyze",
    help="extract statements and figures from articles",
    description="extract statements and figures from articles",
    add_arguments=_analyze_arguments,
    run=_run_analyze,
)


__all__ = ["COMMAND", "FORMATS"]
