"""Real databases for the store tests (a pytest plugin: ``pytest_plugins = ["conftest_pg"]``).

``pg_server`` starts a throwaway PostgreSQL cluster (``initdb`` + ``pg_ctl``) in a temporary
folder on a free loopback port, once per test session, and stops it at the end. As root the
server runs as the ``postgres`` user. Without PostgreSQL's binaries the PostgreSQL tests
are skipped, except under ``CI=true`` where that is a failure.

``db_url`` gives each test an empty store URL, once for SQLite (a file in ``tmp_path``) and
once for PostgreSQL (a fresh database on ``pg_server``, dropped afterwards).
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

BACKENDS = ["sqlite", "postgresql"]


def _pg_bin() -> Path | None:
    candidates: list[Path] = []
    if os.environ.get("SELON_PG_BIN"):
        candidates.append(Path(os.environ["SELON_PG_BIN"]))
    found = shutil.which("pg_ctl")
    if found:
        candidates.append(Path(found).parent)

    def version(p: Path) -> tuple[int, ...]:
        return tuple(int(x) for x in re.findall(r"\d+", p.parent.name)) or (0,)

    candidates.extend(sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True))
    for c in candidates:
        if (c / "initdb").is_file() and (c / "pg_ctl").is_file():
            return c
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: the PostgreSQL tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """Base URL (no database) of a throwaway PostgreSQL server."""
    bindir = _pg_bin()
    if bindir is None:
        _unavailable("PostgreSQL server binaries (initdb, pg_ctl) not found; install postgresql")
        return
    base = Path(tempfile.mkdtemp(prefix="selon-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(base, ignore_errors=True)
            _unavailable("running as root and there is no 'postgres' user to run the server as")
            return
        os.chown(base, user.pw_uid, user.pw_gid)
        runuser = shutil.which("runuser")
        prefix = [runuser, "-u", "postgres", "--"] if runuser else ["su", "postgres", "-s", "/bin/sh", "-c"]

    def run(*argv: str | Path) -> None:
        cmd = [str(a) for a in argv]
        full = [*prefix, *cmd] if prefix[:1] != ["su"] else [*prefix, " ".join(map(_quote, cmd))]
        done = subprocess.run(full, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = (base / "log").read_text(errors="replace") if (base / "log").exists() else ""
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}\n{log}")

    data = base / "data"
    port = _free_port()
    try:
        run(bindir / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        opts = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -F -c max_connections=60"
        run(bindir / "pg_ctl", "-D", data, "-l", base / "log", "-w", "-t", "60", "-o", opts, "start")
    except BaseException:
        shutil.rmtree(base, ignore_errors=True)
        raise
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        try:
            run(bindir / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(base, ignore_errors=True)


def _quote(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"


def _admin(server: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


@pytest.fixture
def pg_database(pg_server: str) -> Iterator[str]:
    """URL of a new, empty database on the throwaway server (dropped after the test)."""
    name = f"selon_test_{uuid.uuid4().hex[:12]}"
    _admin(pg_server, f"CREATE DATABASE {name}")
    try:
        yield f"{pg_server}/{name}"
    finally:
        _admin(pg_server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store URL, for SQLite and for PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url: str = request.getfixturevalue("pg_database")
    return url
