"""The ``selon`` command line: parse arguments, call the library, map errors to exit codes.

Each subcommand is a :class:`Command` in :data:`COMMANDS`: a function that adds its
arguments and a function that runs it and returns the exit code. Adding ``selon serve``
means writing those two functions and calling :func:`register`. A module named in
:data:`COMMAND_MODULES` may instead expose ``register(subparsers)`` that adds its own
parsers, each with ``set_defaults(func=run)``; it is loaded when it is installed.

Exit codes: 0 every article was analysed; 1 some failed (each named on stderr, one line
each); 2 none was, or the arguments were wrong.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any, NoReturn

from selon import __version__
from selon.errors import SelonError, UsageError

EXIT_OK, EXIT_SOME_FAILED, EXIT_NONE_OR_USAGE = 0, 1, 2
FORMATS = ("pretty", "json", "jsonl")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error on one line (and lets main() return the code)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {}
#: Modules with a ``register(subparsers)`` function adding more subcommands.
COMMAND_MODULES: tuple[str, ...] = ("selon.cli.store", "selon.cli.serve", "selon.cli.spark")


def register(command: Command) -> Command:
    if command.name in COMMANDS:
        raise ValueError(f"a command {command.name!r} is already registered")
    COMMANDS[command.name] = command
    return command


# -- small helpers -----------------------------------------------------------------------------
def _one_line(text: str) -> str:
    return " ".join(text.split())


def _warn(message: str) -> None:
    print(f"selon: {_one_line(message)}", file=sys.stderr, flush=True)


def _isatty(stream: IO[Any]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# -- argument types ------------------------------------------------------------------------------
def _date(value: str) -> str:
    from selon.ingest.readers import normalize_date

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (expected YYYY-MM-DD)")
    try:
        return normalize_date(value, source="--published")
    except SelonError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a valid date (expected YYYY-MM-DD)") from None


def bounded_int(what: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse type: an integer from ``low`` to ``high``, with ``what`` in its message."""

    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not {what}") from None
        if not low <= n <= high:
            raise argparse.ArgumentTypeError(f"{n} is out of range for {what} ({low} to {high})")
        return n

    return parse


_workers = bounded_int("a number of processes", 1, 256)


def _lang(value: str) -> str:
    from selon.lang.pack import supported_languages

    supported = supported_languages()
    if value not in supported:
        raise argparse.ArgumentTypeError(f"no language pack for {value!r} (supported: {', '.join(supported)})")
    return value


# -- analyze ---------------------------------------------------------------------------------------
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
    p.add_argument("--lang", type=_lang, default=None, help="force the language (skips detection), e.g. fr")
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


@contextmanager
def _progress(total: int | None, enabled: bool) -> Iterator[Any]:
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    with progress:
        progress.add_task("analyse", total=total)
        yield progress


def _run_analyze(args: argparse.Namespace) -> int:
    from rich.console import Console

    from selon.ingest.readers import count_articles, expand_paths, read_inputs
    from selon.models import Analysis
    from selon.pipeline.batch import run_batch
    from selon.render import print_analysis

    fmt = args.format or ("pretty" if _isatty(sys.stdout) else "jsonl")
    try:
        paths = expand_paths(args.paths)
    except SelonError as e:
        raise UsageError(str(e)) from None
    total = count_articles(paths)
    show_progress = _isatty(sys.stderr) and total != 1

    ok = failed = 0
    with _progress(total, show_progress) as progress:
        # With a live bar on the same terminal, output goes through the bar's console.
        through_bar = progress is not None and _isatty(sys.stdout)
        out = progress.console if through_bar else Console(highlight=False)

        def write(text: str) -> None:
            if through_bar:
                out.print(text, markup=False, highlight=False, soft_wrap=True, end="")
            else:
                sys.stdout.write(text)
                sys.stdout.flush()

        def warn(message: str) -> None:
            if progress is not None:
                progress.console.print(f"selon: {_one_line(message)}", markup=False, highlight=False, soft_wrap=True)
            else:
                _warn(message)

        json_writer = _JsonArrayWriter(write) if fmt == "json" else None
        stdin = sys.stdin.buffer if "-" in paths else None
        records = read_inputs(paths, stdin=stdin)
        results = run_batch(records, lang=args.lang, published=args.published, workers=args.workers)
        for result in results:
            if isinstance(result, Analysis):
                ok += 1
                if json_writer is not None:
                    json_writer.record(result.to_json(indent=2))
                elif fmt == "jsonl":
                    write(result.to_json() + "\n")
                else:
                    print_analysis(result, out)
            else:
                failed += 1
                warn(str(result))
                if json_writer is not None:
                    json_writer.record(None)
            if progress is not None:
                progress.advance(progress.task_ids[0])
        if json_writer is not None:
            json_writer.close()

    if ok + failed == 0:
        _warn("no articles in the input")
        return EXIT_NONE_OR_USAGE
    if failed:
        _warn(f"{failed} of {ok + failed} articles failed")
        return EXIT_SOME_FAILED if ok else EXIT_NONE_OR_USAGE
    return EXIT_OK


register(
    Command(
        name="analyze",
        help="extract statements and figures from articles",
        add_arguments=_analyze_arguments,
        run=_run_analyze,
    )
)


# -- entry point -------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="selon", description="Who said what, according to whom, with which numbers.")
    parser.add_argument("--version", action="version", version=f"selon {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for command in COMMANDS.values():
        p = sub.add_parser(command.name, help=command.help, description=command.help)
        command.add_arguments(p)
        p.set_defaults(func=command.run)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``selon`` with ``argv`` (default: the process's arguments); return the exit code."""
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as e:  # --help, --version
            return e.code if isinstance(e.code, int) else EXIT_OK
        return int(args.func(args))
    except UsageError as e:
        _warn(f"error: {e}")
        return EXIT_NONE_OR_USAGE
    except SelonError as e:
        _warn(f"error: {e}")
        return EXIT_NONE_OR_USAGE
    except KeyboardInterrupt:
        _warn("interrupted")
        return 130
    except BrokenPipeError:
        # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as e:
        if os.environ.get("SELON_DEBUG"):
            raise
        _warn(f"internal error: {type(e).__name__}: {e} (run with SELON_DEBUG=1 for the traceback; please report it)")
        return EXIT_NONE_OR_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["COMMANDS", "Command", "main", "register"]
