"""``selon aliases add|list|remove``: the user's aliases, kept in the store.

An alias says that a name is another source's: ``selon aliases add "OIM" "Organisation
internationale pour les migrations"`` makes every figure and statement of « OIM » (any case,
accents or determiner: « l'OIM ») count for the target in ``compare``, ``speakers`` and the
``--source`` filters, under the target's name. ``add`` and ``remove`` write the store (it must
exist and be writable); ``list`` only reads it. The library functions are in
:mod:`selon.store.sources`.
"""

from __future__ import annotations

import argparse
import sys

from selon.cli.command import EXIT_OK, Command, db_argument
from selon.errors import UsageError
from selon.store.sources import add_alias, list_aliases, remove_alias

ACTIONS = ("add", "list", "remove")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=ACTIONS, help="add ALIAS TARGET, list, or remove ALIAS")
    p.add_argument("names", nargs="*", metavar="NAME", help="add: the alias and its target; remove: the alias")
    p.add_argument("--format", choices=("table", "json"), default="table", help="list's output (default: table)")
    db_argument(p)


def run(args: argparse.Namespace) -> int:
    wanted = {"add": 2, "list": 0, "remove": 1}[args.action]
    if len(args.names) != wanted:
        usage = {"add": 'add ALIAS TARGET (e.g. add "OIM" "Organisation internationale pour les migrations")',
                 "list": "list (no names)", "remove": "remove ALIAS"}[args.action]  # fmt: skip
        raise UsageError(f"selon aliases {usage}: got {len(args.names)} name(s)")
    if args.action == "list":
        return _list(args)
    # the store must exist (never created here) and be writable
    if args.action == "add":
        alias = add_alias(args.db, args.names[0], args.names[1])
        print(f"selon: {alias.alias!r} is now an alias of {alias.target!r}", file=sys.stderr)
    else:
        alias = remove_alias(args.db, args.names[0])
        print(f"selon: removed the alias {alias.alias!r} (of {alias.target!r})", file=sys.stderr)
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    held = list_aliases(args.db)
    if args.format == "json":
        import json

        print(json.dumps([a.to_dict() for a in held], ensure_ascii=False, indent=1))
    elif not held:
        print("(no aliases)")
    else:
        width = max(len(a.alias) for a in held)
        for a in held:
            print(f"{a.alias.ljust(width)}  ->  {a.target}")
    return EXIT_OK


COMMAND = Command(
    name="aliases",
    help="name one source several ways: add, list or remove the store's aliases",
    description="Keep in the store that a name is another source's (e.g. an acronym for its long form): "
    "compare, speakers and the --source filters then count both as the target.",
    add_arguments=add_arguments,
    run=run,
)
