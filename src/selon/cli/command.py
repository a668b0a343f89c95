"""What a ``selon`` command is, and what the commands share.

A command is a :class:`Command`: its name, its help, a function adding its arguments to its
parser and a function running it. :mod:`selon.cli.registry` puts every command in one
parser. A command returns its exit code (:data:`EXIT_OK`, :data:`EXIT_SOME_FAILED`,
:data:`EXIT_NONE_OR_USAGE`) and raises on an error: :func:`selon.cli.registry.main` turns
errors into messages and exit codes, in one place.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

EXIT_OK, EXIT_SOME_FAILED, EXIT_NONE_OR_USAGE = 0, 1, 2
#: At most this many failures are named on stderr when they are also kept in an errors table.
SHOWN_ERRORS = 20


@dataclass(frozen=True)
class Command:
    """One subcommand: ``add_arguments(parser)`` declares its arguments, ``run(args)`` runs it
    and returns the exit code. ``description`` is the text of its ``--help`` (none if None)."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    description: str | None = None


# -- messages -----------------------------------------------------------------------------------


def one_line(text: str) -> str:
    return " ".join(text.split())


def warn(message: str) -> None:
    """``selon: MESSAGE`` on stderr, on one line."""
    print(f"selon: {one_line(message)}", file=sys.stderr, flush=True)


def isatty(stream: IO[Any]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def print_failures(failures: Sequence[tuple[str, str]], total: int, more_in: str) -> None:
    """``selon: WHERE: REASON`` on stderr for each failure given, then, when ``total`` is
    more, how many others there are in ``more_in``."""
    for where, reason in failures:
        print(f"selon: {where}: {reason}", file=sys.stderr)
    if total > len(failures):
        print(f"selon: … and {total - len(failures)} more in {more_in}", file=sys.stderr)


# -- arguments ----------------------------------------------------------------------------------


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


def db_argument(p: argparse.ArgumentParser) -> None:
    """``--db URL``: the store the command reads or writes."""
    p.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="the store: a SQLite file path or sqlite:///PATH (default: selon.db here), or postgresql://…",
    )


__all__ = [
    "EXIT_NONE_OR_USAGE",
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "SHOWN_ERRORS",
    "Command",
    "bounded_int",
    "db_argument",
    "isatty",
    "one_line",
    "print_failures",
    "warn",
]


# -- shared argument types and the progress bar ----------------------------------------------------
def language(value: str) -> str:
    """An argument naming a language selon has a pack for (``--lang``)."""
    from selon.errors import UnsupportedLanguageError
    from selon.ingest.policy import require_pack

    try:
        return require_pack(value)
    except UnsupportedLanguageError as e:
        raise argparse.ArgumentTypeError(e.reason) from None


@contextmanager
def progress_bar(total: int | None, enabled: bool, label: str = "analysing") -> Iterator[Any]:
    """A rich progress bar on stderr while articles are analysed or stored (None when not
    ``enabled``, e.g. off a terminal); advance it with ``progress.advance(progress.task_ids[0])``
    or set it with ``progress.update(progress.task_ids[0], completed=…, total=…)``."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    with progress:
        progress.add_task(label, total=total)
        yield progress
