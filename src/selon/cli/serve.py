"""``selon serve``: the web reader on a local port (FastAPI app run by uvicorn).

Thin edge: parse the options, build the app with :func:`selon.web.create_app` (which opens
the store, so a wrong ``--db`` fails before the server starts) and hand it to uvicorn.
Errors go up to :func:`selon.cli.registry.main`, which maps them to exit codes.
"""

from __future__ import annotations

import argparse
import os
import sys

from selon.cli.command import EXIT_OK, Command, bounded_int, db_argument
from selon.errors import UsageError

_port = bounded_int("a port number", 0, 65535)
_workers = bounded_int("a number of processes", 1, 64)
_max_text = bounded_int("a number of characters", 1, 100_000_000)
_queue = bounded_int("a number of analyses", 1, 10_000)
_timeout = bounded_int("a number of seconds", 1, 86_400)


def serve_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``selon serve``."""
    db_argument(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")
    p.add_argument(
        "--workers", type=_workers, default=1, metavar="N", help="server processes, each with its own model (default 1)"
    )
    p.add_argument(
        "--allow-ingest", action="store_true", help="accept POST /api/ingest from clients that send the token"
    )
    p.add_argument(
        "--token",
        default=None,
        help="the bearer token ingest needs (default: $SELON_TOKEN; prefer the variable, "
        "command lines are visible to other users)",
    )
    p.add_argument(
        "--max-body", type=int, default=2_000_000, metavar="BYTES", help="largest request body (default 2000000)"
    )
    p.add_argument(
        "--max-text",
        type=_max_text,
        default=100_000,
        metavar="CHARS",
        help="longest article text analysed in one request; longer gets 413 (default 100000)",
    )
    p.add_argument(
        "--queue",
        type=_queue,
        default=16,
        metavar="N",
        help="analyses a server process takes at once, running or waiting; more get 429 (default 16)",
    )
    p.add_argument(
        "--analysis-timeout",
        type=_timeout,
        default=60,
        metavar="SECONDS",
        help="longest a request waits for its analysis, queue included; then 504 (default 60)",
    )


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from selon.web.app import create_app
    from selon.web.service import AnalysisLimits, favour_reads

    token = args.token or os.environ.get("SELON_TOKEN") or None
    if args.allow_ingest and not token:
        raise UsageError("--allow-ingest needs --token TOKEN (or $SELON_TOKEN)")
    if args.max_body < 1:
        raise UsageError("--max-body must be a positive number of bytes")
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"selon: warning: listening on {args.host}: anyone who can reach it can read the store",
            file=sys.stderr,
        )
    limits = AnalysisLimits(max_text=args.max_text, queue=args.queue, timeout=args.analysis_timeout)
    if args.workers == 1:
        favour_reads()  # (each process of --workers N does it in app_from_env)
        app = create_app(
            db_url=args.db, allow_ingest=args.allow_ingest, token=token, max_body=args.max_body, limits=limits
        )
        uvicorn.run(app, host=args.host, port=args.port, log_level="info")
        return EXIT_OK
    # several processes: uvicorn imports the app factory in each, configured by the environment
    from selon.store.db import open_store

    open_store(args.db).close()  # fail now on a wrong --db, not in every worker
    if args.db:
        os.environ["SELON_DB"] = args.db
    os.environ["SELON_ALLOW_INGEST"] = "1" if args.allow_ingest else "0"
    if token:
        os.environ["SELON_TOKEN"] = token
    os.environ["SELON_MAX_BODY"] = str(args.max_body)
    os.environ["SELON_MAX_TEXT"] = str(limits.max_text)
    os.environ["SELON_QUEUE"] = str(limits.queue)
    os.environ["SELON_ANALYSIS_TIMEOUT"] = str(limits.timeout)
    uvicorn.run(
        "selon.web.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
    )
    return EXIT_OK


COMMAND = Command(
    "serve",
    "read articles, browse and compare the store in a web browser",
    serve_arguments,
    run,
    description="Serve the web reader and the JSON API (see docs/web.md). Reading is open; "
    "ingest over HTTP is off unless --allow-ingest is given with a token.",
)


__all__ = ["COMMAND", "run", "serve_arguments"]
