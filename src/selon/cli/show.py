"""``selon show ARTICLE_ID``: one stored article with its statements and figures.

The article is found by its own id (the ``id`` it was ingested with, or the file name of a
``.txt``), its current version unless ``--version`` names another; it is shown as
``selon analyze`` shows an analysis (``pretty`` on a terminal, else JSON).
"""

from __future__ import annotations

import argparse
import sys

from rich.console import Console

from selon.cli.command import EXIT_OK, Command, db_argument, isatty
from selon.errors import NotFoundError
from selon.render import print_analysis
from selon.store.db import open_store

FORMATS = ("pretty", "json")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("article_id", metavar="ARTICLE_ID", help="the article's own id (as ingested)")
    p.add_argument("--version", type=int, default=None, help="a version other than the current one")
    p.add_argument("--format", choices=FORMATS, default=None, help="pretty (default on a terminal) or json")
    db_argument(p)


def run(args: argparse.Namespace) -> int:
    with open_store(args.db, read_only=True) as store:
        row_id = store.find(args.article_id, args.version)
        analysis = store.analysis(row_id) if row_id is not None else None
        where = store.where
    if analysis is None:
        which = f"version {args.version} of " if args.version is not None else ""
        raise NotFoundError(
            f"no stored article {args.article_id!r} ({which}{where}); `selon figures --format csv` lists the "
            "stored articles' ids in its first column"
        )
    fmt = args.format or ("pretty" if isatty(sys.stdout) else "json")
    if fmt == "json":
        sys.stdout.write(analysis.to_json(indent=2) + "\n")
    else:
        print_analysis(analysis, Console(highlight=False))
    return EXIT_OK


COMMAND = Command(
    name="show",
    help="show one stored article with its statements and figures",
    description="Show one stored article, found by its own id, with its statements and figures.",
    add_arguments=add_arguments,
    run=run,
)
