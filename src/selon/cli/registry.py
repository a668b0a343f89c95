"""The ``selon`` command line: one parser, one registry of commands, errors mapped to exit codes.

Every subcommand is a :class:`~selon.cli.command.Command` in :data:`COMMANDS`: ``analyze``
(:mod:`selon.cli.analyze`), ``ingest``, ``figures``, ``compare``, ``speakers``
(:mod:`selon.cli.store`), ``show`` (:mod:`selon.cli.show`), ``aliases`` (:mod:`selon.cli.aliases`), ``evaluate`` (:mod:`selon.cli.evaluate`), ``serve`` (:mod:`selon.cli.serve`) and ``spark``
(:mod:`selon.cli.spark`). Adding one means writing its Command and registering it here.
:func:`main` is what the ``selon`` script, ``spark-submit`` (:mod:`selon.scale.spark_job`)
and the tests run.

Exit codes: 0 all went well; 1 some articles failed (each named on stderr, one line each);
2 none was analysed or stored, the arguments were wrong, or an error stopped the command
(one line on stderr); 130 interrupted; 141 the reader of the output went away.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from selon import __version__
from selon.cli.aliases import COMMAND as ALIASES
from selon.cli.analyze import COMMAND as ANALYZE
from selon.cli.command import EXIT_NONE_OR_USAGE, EXIT_OK, Command, warn
from selon.cli.evaluate import COMMAND as EVALUATE
from selon.cli.serve import COMMAND as SERVE
from selon.cli.show import COMMAND as SHOW
from selon.cli.spark import COMMAND as SPARK
from selon.cli.store import COMMANDS as STORE_COMMANDS
from selon.errors import SelonError, UsageError


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error on one line (and lets main() return the code)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


COMMANDS: dict[str, Command] = {}


def register(command: Command) -> Command:
    if command.name in COMMANDS:
        raise ValueError(f"a command {command.name!r} is already registered")
    COMMANDS[command.name] = command
    return command


for _command in (ANALYZE, *STORE_COMMANDS, SHOW, ALIASES, EVALUATE, SERVE, SPARK):
    register(_command)


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``selon``: one subparser per registered command."""
    parser = _Parser(prog="selon", description="Who said what, according to whom, with which numbers.")
    parser.add_argument("--version", action="version", version=f"selon {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for command in COMMANDS.values():
        p = sub.add_parser(command.name, help=command.help, description=command.description)
        command.add_arguments(p)
        p.set_defaults(func=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``selon`` with ``argv`` (default: the process's arguments); return the exit code.
    Every error a command raises becomes its message on stderr and an exit code here."""
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as e:  # --help, --version
            return e.code if isinstance(e.code, int) else EXIT_OK
        return int(args.func(args))
    except SelonError as e:  # a UsageError too
        warn(f"error: {e}")
        return EXIT_NONE_OR_USAGE
    except KeyboardInterrupt:
        warn("interrupted")
        return 130
    except BrokenPipeError:
        # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as e:
        if os.environ.get("SELON_DEBUG"):
            raise
        warn(f"internal error: {type(e).__name__}: {e} (run with SELON_DEBUG=1 for the traceback; please report it)")
        return EXIT_NONE_OR_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["COMMANDS", "Command", "UsageError", "build_parser", "main", "register"]
