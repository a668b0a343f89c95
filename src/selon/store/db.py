"""The corpus store: analyses kept in a database, one schema on SQLite and PostgreSQL.

One database layer, SQLAlchemy Core. The default store is a SQLite file (``selon.db`` in
the current folder, or ``sqlite:///path``, or a plain path); ``postgresql://…`` is a
PostgreSQL server through psycopg 3.

- Each article with its statements and figures is written in ONE transaction, so a process
  killed in the middle of a batch leaves every committed article whole and no partial one.
- An article is identified by ``key``, the SHA-256 of its normalised text: storing the same
  text again is a no-op. A different text under a URL already stored is a new *version* of
  that URL; the old version stays, marked ``current = false``.
- SQLite runs in WAL mode with a busy timeout, and writes take the write lock when they
  begin (``BEGIN IMMEDIATE``), so several processes can ingest into one file at once.
- The schema is versioned in code (:data:`MIGRATIONS`). Opening an older selon database
  upgrades it; a newer one, or a database that is not selon's, is refused with a message.
- What is stored are the rows of :mod:`selon.store.rows`, the one mapping between an
  :class:`~selon.models.Analysis` and rows; the few columns this schema names otherwise are
  in :data:`SQL_NAMES`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, Engine

from selon.errors import ArticleNotStoredError, StoreError
from selon.models import Analysis
from selon.store.grouping import STORED_KEYS, stored_keys
from selon.store.keys import ACCENTED, UNACCENTED, fold_search, source_key
from selon.store.rows import Row, analysis_from_rows, article_row, figure_row, statement_row

DEFAULT_DB = "selon.db"
APP = "selon"
SQLITE_BUSY_TIMEOUT_MS = 60_000


# -- schema -------------------------------------------------------------------------------------
# Version 1 created these tables; version 2 added the query indexes; version 3 the figures'
# scope; version 4 the source keys and the aliases table; version 5 what compare groups
# figures on (their unit family, place key and days). Never edit a released
# migration: add one to MIGRATIONS (and the matching change to the tables below).

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("app", sa.String(32), nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("note", sa.Text),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", sa.String(64), nullable=False, unique=True),
    sa.Column("input_id", sa.Text, nullable=False),  # Article.id as given in the input
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("current", sa.Boolean, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("url", "version", name="uq_articles_url_version"),
)

statements = sa.Table(
    "statements",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("sid", sa.String(32), nullable=False),  # Statement.id within the article ("s1")
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("content_start", sa.Integer, nullable=False),
    sa.Column("content_end", sa.Integer, nullable=False),
    sa.Column("cue", sa.Text),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("speaker_name", sa.Text),
    sa.Column("speaker_text", sa.Text),
    sa.Column("speaker_start", sa.Integer),
    sa.Column("speaker_end", sa.Integer),
    sa.Column("speaker_role", sa.Text),
    sa.Column("via", sa.Text),
    sa.UniqueConstraint("article_id", "sid", name="uq_statements_article_sid"),
)

figures = sa.Table(
    "figures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("fid", sa.String(32), nullable=False),  # Figure.id within the article ("f1")
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("low", sa.Float),
    sa.Column("high", sa.Float),
    sa.Column("qualifier", sa.String(16), nullable=False),
    sa.Column("unit", sa.Text),
    sa.Column("outcome", sa.String(32)),
    sa.Column("source", sa.Text),
    sa.Column("statement", sa.String(32)),  # sid of the statement it belongs to
    sa.Column("place", sa.Text),  # the place's name (Figure.place.name); version 3 fills it
    sa.UniqueConstraint("article_id", "fid", name="uq_figures_article_fid"),
)

#: Version 3: each figure's scope (Figure.place and Figure.period), beside version 1's ``place``.
_V3_FIGURE_COLUMNS = (
    sa.Column("place_text", sa.Text),
    sa.Column("place_start", sa.Integer),
    sa.Column("place_end", sa.Integer),
    sa.Column("place_country", sa.String(8)),
    sa.Column("place_city", sa.Text),
    sa.Column("period_start", sa.String(10)),  # ISO dates: they sort as dates
    sa.Column("period_end", sa.String(10)),
    sa.Column("period_text", sa.Text),
)
for _column in _V3_FIGURE_COLUMNS:
    figures.append_column(_column)

#: Version 4: one name per source across the corpus. Each source name is stored with its key
#: (:func:`selon.store.keys.source_key`), and the user's aliases are kept in ``aliases``.
_V4_COLUMNS = (
    (figures, sa.Column("source_key", sa.Text)),
    (statements, sa.Column("speaker_key", sa.Text)),
)
for _table, _column in _V4_COLUMNS:
    _table.append_column(_column)

#: Version 5: what compare groups a figure on, computed when it is stored
#: (:func:`selon.store.grouping.stored_keys`): its unit family (in its article's language
#: pack), its place key (city, else country, else the place's name), and the first and last
#: of its days (its period, else its article's publication day and the day before; ISO dates).
_V5_FIGURE_COLUMNS = (
    sa.Column("unit_family", sa.Text),
    sa.Column("place_key", sa.Text),
    sa.Column("day_first", sa.String(10)),
    sa.Column("day_last", sa.String(10)),
)
for _column in _V5_FIGURE_COLUMNS:
    figures.append_column(_column)

aliases = sa.Table(
    "aliases",
    metadata,
    sa.Column("alias_key", sa.Text, primary_key=True),  # source_key(alias)
    sa.Column("alias", sa.Text, nullable=False),  # as the user gave it
    sa.Column("target", sa.Text, nullable=False),  # the source's name (a compare column)
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
)

_V1_TABLES = (schema_version, articles, statements, figures)
#: The columns each table gained after version 1 (left out of version 1's CREATE TABLE).
_LATER_COLUMNS = {
    "figures": {c.name for c in (*_V3_FIGURE_COLUMNS, *_V5_FIGURE_COLUMNS)} | {"source_key"},
    "statements": {"speaker_key"},
}
#: The stored name column of each table that has a key column, and that key column.
KEYED = ((figures, "source", "source_key"), (statements, "speaker_name", "speaker_key"))

#: The columns of the rows of :mod:`selon.store.rows` that this schema stores under another name.
SQL_NAMES: dict[str, dict[str, str]] = {
    "articles": {"article_id": "input_id"},
    "statements": {"statement_id": "sid", "content_text": "content", "cue_text": "cue"},
    "figures": {"figure_id": "fid", "statement_id": "statement", "place_name": "place"},
}
#: Columns of those rows that the store does not keep (it counts them when asked).
NOT_STORED = frozenset({"n_statements", "n_figures"})

# Version 2: what the queries filter and group on.
_V2_INDEXES = (
    sa.Index("ix_figures_article", figures.c.article_id),
    sa.Index("ix_figures_outcome_unit", figures.c.outcome, figures.c.unit),
    sa.Index("ix_figures_source", figures.c.source),
    sa.Index("ix_statements_article", statements.c.article_id),
    sa.Index("ix_statements_speaker", statements.c.speaker_name),
    sa.Index("ix_articles_outlet", articles.c.outlet),
    sa.Index("ix_articles_published", articles.c.published),
)


def _migrate_v1(conn: Connection) -> None:
    # the tables as version 1 defined them, without the columns and indexes later versions add
    for table in _V1_TABLES:
        conn.execute(_create_without(table, _LATER_COLUMNS.get(table.name, set())))


def _create_without(table: sa.Table, later: set[str]) -> sa.schema.CreateTable:
    """The CREATE TABLE of ``table`` without the columns named in ``later`` (added by later
    migrations)."""
    create = sa.schema.CreateTable(table)
    create.columns = [c for c in create.columns if c.element.name not in later]
    return create


def _migrate_v2(conn: Connection) -> None:
    for index in _V2_INDEXES:
        index.create(conn)


def _migrate_v3(conn: Connection) -> None:
    for column in _V3_FIGURE_COLUMNS:
        kind = column.type.compile(dialect=conn.dialect)
        conn.execute(sa.text(f"ALTER TABLE figures ADD COLUMN {column.name} {kind}"))


_V4_INDEXES = (
    sa.Index("ix_figures_source_key", figures.c.source_key, figures.c.source),
    sa.Index("ix_statements_speaker_key", statements.c.speaker_key, statements.c.speaker_name),
)


def _migrate_v4(conn: Connection) -> None:
    for table, column in _V4_COLUMNS:
        kind = column.type.compile(dialect=conn.dialect)
        conn.execute(sa.text(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}"))
    aliases.create(conn)
    for index in _V4_INDEXES:
        index.create(conn)
    # the rows already stored get their keys: one UPDATE a distinct name
    for table, name, key in KEYED:
        names = conn.execute(sa.select(table.c[name]).where(table.c[name].is_not(None)).distinct()).scalars()
        updates = [{"n": n, "k": source_key(n)} for n in names]
        if updates:
            conn.execute(
                table.update().where(table.c[name] == sa.bindparam("n")).values({key: sa.bindparam("k")}), updates
            )


_V5_INDEXES = (
    sa.Index("ix_figures_group", figures.c.outcome, figures.c.unit_family, figures.c.place_key),
    sa.Index("ix_figures_days", figures.c.day_first, figures.c.day_last),
)
#: Figures back-filled per UPDATE batch by migration 5.
_BACKFILL_BATCH = 5000


def _migrate_v5(conn: Connection) -> None:
    for column in _V5_FIGURE_COLUMNS:
        kind = column.type.compile(dialect=conn.dialect)
        conn.execute(sa.text(f"ALTER TABLE figures ADD COLUMN {column.name} {kind}"))
    for index in _V5_INDEXES:
        index.create(conn)
    # the figures already stored get their keys, computed as Store.add computes them
    names = {c.name: n for n, c in ((n, sql_column(figures, n)) for n in _GROUPED_ON)}
    query = sa.select(
        figures.c.id, articles.c.published, articles.c.language, *(figures.c[c] for c in names)
    ).join_from(figures, articles, figures.c.article_id == articles.c.id)
    update = (
        figures.update()
        .where(figures.c.id == sa.bindparam("fig"))
        .values({k: sa.bindparam(f"v_{k}") for k in STORED_KEYS})
    )
    last = 0
    while True:  # a batch at a time, by row id, so that memory does not grow with the store
        rows = conn.execute(query.where(figures.c.id > last).order_by(figures.c.id).limit(_BACKFILL_BATCH)).all()
        if not rows:
            break
        batch = []
        for r in rows:
            row = {names[c]: r._mapping[c] for c in names}
            keys = stored_keys(row, r.published, r.language)
            batch.append({"fig": r.id, **{f"v_{k}": v for k, v in keys.items()}})
        conn.execute(update, batch)
        last = rows[-1].id


MIGRATIONS: dict[int, tuple[str, Callable[[Connection], None]]] = {
    1: ("articles, statements, figures", _migrate_v1),
    2: ("indexes for figures, compare and speakers", _migrate_v2),
    3: ("figure scope: place and period", _migrate_v3),
    4: ("one name per source: source keys and aliases", _migrate_v4),
    5: ("what compare groups on: unit family, place key and days of each figure", _migrate_v5),
}
SCHEMA_VERSION = max(MIGRATIONS)

# Indexes are created by migration 2, not by metadata.create_all: detach them from the tables
# so that the CreateTable of migration 1 emits only the version-1 shape.
for _ix in (*_V2_INDEXES, *_V4_INDEXES, *_V5_INDEXES):
    _ix.table.indexes.discard(_ix)  # type: ignore[union-attr]


# -- URLs and connections ---------------------------------------------------------------------


def resolve_url(db: str | Path | None) -> sa.URL:
    """The SQLAlchemy URL for what the user gave: None (``selon.db`` here), a path,
    ``sqlite:///path`` or ``postgresql://…`` (mapped to the psycopg 3 driver)."""
    if db is None:
        db = DEFAULT_DB
    if isinstance(db, Path) or "://" not in str(db):
        path = Path(db)
        return sa.URL.create("sqlite", database=str(path))
    text = str(db)
    try:
        url = sa.make_url(text)
    except (sa_exc.ArgumentError, ValueError):
        raise StoreError(
            f"{_redact(text)!r} is not a database URL; use a file path, sqlite:///PATH or "
            "postgresql://USER@HOST:PORT/DATABASE"
        ) from None
    backend, _, driver = url.drivername.partition("+")
    if backend == "sqlite" and driver in ("pysqlite", ""):
        if not url.database or url.database == ":memory:":
            raise StoreError("an in-memory SQLite database cannot be a store; give a file: sqlite:///PATH")
        return url
    if backend in ("postgresql", "postgres"):
        if url.drivername not in ("postgresql", "postgres", "postgresql+psycopg"):
            raise StoreError(
                f"the PostgreSQL driver {driver!r} is not supported; use postgresql:// (psycopg 3)"
            )
        return url.set(drivername="postgresql+psycopg")
    raise StoreError(
        f"unsupported database {url.drivername!r} in {_redact(text)!r}; use a SQLite file "
        "(path or sqlite:///PATH) or postgresql://…"
    )


def _redact(url: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event decide how a transaction starts (deferred or immediate).
    dbapi_conn.isolation_level = None
    # Unicode-aware lower() (SQLite's own folds ASCII only), for case-insensitive filters
    dbapi_conn.create_function("lower", 1, _lower, deterministic=True)
    # accent- and case-insensitive matching (queries.contains), the same fold as PostgreSQL's
    dbapi_conn.create_function("selon_fold", 1, _fold_value, deterministic=True)
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            try:
                cur.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError as e:
                # a file opened read-only (open_store(read_only=True)) is read in its own mode
                if "readonly" not in str(e).lower():
                    raise
        cur.execute("PRAGMA synchronous = NORMAL")
    finally:
        cur.close()


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _fold_value(value: Any) -> Any:
    return fold_search(value) if isinstance(value, str) else value


def _sqlite_on_begin(conn: Connection) -> None:
    if conn.get_execution_options().get("selon_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


@dataclass(frozen=True)
class AddResult:
    """What :meth:`Store.add` did with one analysis."""

    status: Literal["ingested", "present"]
    article_id: int  # the row id in ``articles`` (of the stored copy when already present)
    version: int


#: A store refreshes SQLite's planner statistics after this many new articles, and on close.
STATS_EVERY = 1000


@contextmanager
def using_store(db: str | Path | Store | None, *, read_only: bool = False) -> Iterator[Store]:
    """The store at ``db`` for a ``with`` block: one given open is used (and left open), one
    opened here (``read_only``: see :func:`open_store`) is closed at the end."""
    store = open_store(db, read_only=read_only)
    try:
        yield store
    finally:
        if not isinstance(db, Store):
            store.close()


class Store:
    """An open, migrated selon store. Use :func:`open_store` (or ``with open_store(...)``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect: str = engine.dialect.name
        # a second engine object over the same pool whose transactions take the write lock
        self._writer = engine.execution_options(selon_write=True)
        self._stored_since_stats = 0  # articles stored since the planner statistics were refreshed

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        """Close the store, refreshing the planner statistics first if it stored anything."""
        if self._stored_since_stats:
            # statistics only speed queries up: never fail a close (or mask an error) for them
            with suppress(StoreError):
                self.optimize()
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for queries; database errors become :class:`StoreError`."""
        with _errors(self), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (``BEGIN IMMEDIATE`` on SQLite), committed on exit."""
        with _errors(self), self._writer.begin() as conn:
            yield conn

    def optimize(self) -> None:
        """Refresh the query planner's statistics (done on close and every :data:`STATS_EVERY`
        new articles). Without them SQLite plans ``compare`` with a worse index (about 1.0 s
        instead of 0.8 s on 100,000 figures); PostgreSQL's autovacuum keeps its own."""
        if self.dialect == "sqlite":
            with self.write() as conn:
                conn.exec_driver_sql("ANALYZE")
        self._stored_since_stats = 0

    # -- schema ------------------------------------------------------------------------------
    def version(self) -> int:
        with self.read() as conn:
            if not sa.inspect(conn).has_table("schema_version"):
                return 0
            return _current_version(conn) or 0

    def migrate(self, upto: int | None = None) -> int:
        """Bring the schema to ``upto`` (default: the latest); return the version reached."""
        target = SCHEMA_VERSION if upto is None else upto
        with self.write() as conn:
            if self.dialect == "postgresql":
                # one migrating process at a time; the others wait, then find it done
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": 0x5E10_5E10})
            names = set(sa.inspect(conn).get_table_names())
            if "schema_version" not in names:
                if names - {"sqlite_sequence"}:
                    listed = ", ".join(sorted(names)[:6])
                    raise StoreError(
                        f"{self.where} is not a selon database (it has the tables {listed} and no "
                        "schema_version); give a new file or an empty database"
                    )
                have = 0
            else:
                have = _current_version(conn, check_app=True, where=self.where) or 0
            if have > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.where} was written by a newer selon (schema version {have}; this selon "
                    f"knows up to {SCHEMA_VERSION}); upgrade selon to use it"
                )
            for v in range(have + 1, target + 1):
                note, step = MIGRATIONS[v]
                step(conn)
                conn.execute(
                    schema_version.insert().values(
                        version=v, app=APP, applied_at=dt.datetime.now(dt.UTC), note=note
                    )
                )
            return max(have, target)

    @property
    def where(self) -> str:
        url = self.engine.url
        if url.get_backend_name() == "sqlite":
            return f"the SQLite file {url.database}"
        return f"the database {url.render_as_string(hide_password=True)}"

    # -- writes ------------------------------------------------------------------------------
    def add(self, analysis: Analysis) -> AddResult:
        """Store one analysed article with its statements and figures, in one transaction.

        Storing the same text again is a no-op (``status="present"``). A new text under a
        URL already stored becomes its next version; earlier versions are kept.
        """
        if not isinstance(analysis, Analysis):
            raise TypeError(f"expected an Analysis, got {type(analysis).__name__}")
        key = article_key(analysis.article.text)
        attempt = 0
        while True:
            try:
                result = self._add_once(analysis, key)
            except sa_exc.IntegrityError as e:
                attempt += 1
                # Another writer took the same (url, version) between our read and our insert
                # (PostgreSQL; SQLite writers are serialised): the transaction was rolled
                # back, read again and retry. Any other violation is the analysis's fault.
                if _is_version_race(e) and attempt < 10:
                    continue
                raise _not_stored(analysis, _reason(e)) from e
            except StoreError as e:
                if isinstance(e.__cause__, sa_exc.DataError):  # a value the database cannot hold
                    raise _not_stored(analysis, _reason(e.__cause__)) from e
                raise
            if result.status == "ingested":
                self._stored_since_stats += 1
                if self._stored_since_stats >= STATS_EVERY:  # a long-lived store (the web server)
                    self.optimize()
            return result

    def _add_once(self, analysis: Analysis, key: str) -> AddResult:
        a = analysis.article
        with self.write() as conn:
            version = 1
            if a.url:
                last = conn.execute(
                    sa.select(sa.func.max(articles.c.version)).where(articles.c.url == a.url)
                ).scalar()
                version = (last or 0) + 1
            row = {
                "key": key,
                **to_sql(articles, article_row(analysis)),
                "version": version,
                "current": True,
                "ingested_at": dt.datetime.now(dt.UTC),
            }
            ins = self._insert(articles).values(**row).on_conflict_do_nothing(index_elements=["key"])
            new_id = conn.execute(ins.returning(articles.c.id)).scalar()
            if new_id is None:
                existing = conn.execute(
                    sa.select(articles.c.id, articles.c.version).where(articles.c.key == key)
                ).one()
                return AddResult("present", existing.id, existing.version)
            if a.url and version > 1:
                conn.execute(
                    articles.update()
                    .where(articles.c.url == a.url, articles.c.id != new_id)
                    .values(current=False)
                )
            if analysis.statements:
                conn.execute(
                    statements.insert(), [_keyed(statements, statement_row(new_id, s)) for s in analysis.statements]
                )
            if analysis.figures:
                conn.execute(
                    figures.insert(), [_grouped(figure_row(new_id, f), a.published, a.language) for f in analysis.figures]
                )
            return AddResult("ingested", new_id, version)

    def _insert(self, table: sa.Table) -> Any:
        if self.dialect == "postgresql":
            from sqlalchemy.dialects import postgresql

            return postgresql.insert(table)
        from sqlalchemy.dialects import sqlite

        return sqlite.insert(table)

    def present_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of these article keys are already stored."""
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        with self.read() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                found.update(
                    conn.execute(sa.select(articles.c.key).where(articles.c.key.in_(chunk))).scalars()
                )
        return found

    def analysis(self, row_id: int) -> Analysis | None:
        """The stored article ``row_id`` (its row id in ``articles``) with its statements and
        figures, as the :class:`Analysis` that was stored; None when there is no such article."""
        with self.read() as conn:
            article = conn.execute(sa.select(articles).where(articles.c.id == row_id)).first()
            if article is None:
                return None
            held = {
                t.name: conn.execute(sa.select(t).where(t.c.article_id == row_id).order_by(t.c.id)).all()
                for t in (statements, figures)
            }
        return analysis_from_rows(
            from_sql(articles, article._mapping),
            (from_sql(statements, r._mapping) for r in held["statements"]),
            (from_sql(figures, r._mapping) for r in held["figures"]),
        )

    def find(self, article_id: str, version: int | None = None) -> int | None:
        """The row id of the stored article whose own id (``Article.id``) is ``article_id``: its
        current version, or ``version``; the latest stored when several articles share the id;
        None when none does."""
        query = sa.select(articles.c.id).where(articles.c.input_id == article_id)
        if version is None:
            query = query.where(articles.c.current.is_(True))
        else:
            query = query.where(articles.c.version == version)
        with self.read() as conn:
            found = conn.execute(query.order_by(articles.c.ingested_at.desc(), articles.c.id.desc())).first()
        return None if found is None else int(found.id)

    def counts(self) -> dict[str, int]:
        """Rows per table (articles, statements, figures)."""
        with self.read() as conn:
            return {
                t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() or 0)
                for t in (articles, statements, figures)
            }


# -- rows in and out ----------------------------------------------------------------------------


def sql_column(table: sa.Table, column: str) -> sa.Column[Any]:
    """The column of ``table`` that stores the row column ``column``."""
    return table.c[SQL_NAMES.get(table.name, {}).get(column, column)]


def to_sql(table: sa.Table, row: Row) -> Row:
    """A row of :mod:`selon.store.rows` as ``table`` stores it: columns renamed
    (:data:`SQL_NAMES`), dates as dates. A row column the table has no column for is a
    ``KeyError``: a new field needs a migration."""
    out: Row = {}
    for name, value in row.items():
        if name in NOT_STORED:
            continue
        column = sql_column(table, name)
        out[column.name] = parse_date(value) if isinstance(column.type, sa.Date) else value
    return out


def _keyed(table: sa.Table, row: Row) -> Row:
    """``to_sql`` of ``row`` with the key of its source name (:data:`KEYED`)."""
    out = to_sql(table, row)
    for keyed, name, key in KEYED:
        if keyed is table:
            out[key] = source_key(out.get(name))
    return out


#: The figure row columns :func:`selon.store.grouping.stored_keys` reads.
_GROUPED_ON = ("unit", "place_name", "place_text", "place_city", "place_country", "period_start", "period_end")


def _grouped(row: Row, published: str | None, language: str | None) -> Row:
    """``_keyed`` of a figure row, with what compare groups it on (schema version 5)."""
    return {**_keyed(figures, row), **stored_keys(row, published, language)}


def from_sql(table: sa.Table, stored: Mapping[Any, Any]) -> Row:
    """A stored row of ``table`` as a row of :mod:`selon.store.rows` (its other columns, such
    as the row ids, kept under their own names)."""
    names = {v: k for k, v in SQL_NAMES.get(table.name, {}).items()}
    return {
        names.get(k, k): iso_date(v) if isinstance(table.c[k].type, sa.Date) else v for k, v in stored.items()
    }


def _not_stored(analysis: Analysis, reason: str) -> ArticleNotStoredError:
    return ArticleNotStoredError(
        f"cannot store the article: {reason} (nothing of it was written)", source=analysis.article.id
    )


def _is_version_race(e: sa_exc.IntegrityError) -> bool:
    msg = str(e.orig)
    return "uq_articles_url_version" in msg or "articles.url, articles.version" in msg


def _current_version(conn: Connection, *, check_app: bool = False, where: str = "the database") -> int | None:
    rows = conn.execute(sa.select(schema_version.c.version, schema_version.c.app)).all()
    if check_app and any(r.app != APP for r in rows):
        raise StoreError(f"{where} has a schema_version table that is not selon's; give another database")
    return max((r.version for r in rows), default=None)


@contextmanager
def _errors(store: Store) -> Iterator[None]:
    try:
        yield
    except StoreError:
        raise
    except sa_exc.IntegrityError:
        raise
    except sa_exc.DBAPIError as e:
        raise StoreError(f"{store.where}: {_reason(e)}") from e
    except sa_exc.SQLAlchemyError as e:
        raise StoreError(f"{store.where}: {e}") from e


def _reason(e: sa_exc.DBAPIError) -> str:
    msg = str(e.orig).strip().splitlines()[0] if e.orig is not None else str(e)
    low = msg.lower()
    if "file is not a database" in low or "malformed" in low:
        return f"the file is corrupt or not a SQLite database ({msg})"
    if "unable to open database file" in low:
        return f"cannot open or create the file; check the folder exists and is writable ({msg})"
    if "does not exist" in low and "database" in low:
        return f"no such database on that server; create it first ({msg})"
    if "authentication failed" in low or "password" in low:
        return f"the server refused the credentials ({msg})"
    if "connection refused" in low or "could not connect" in low or "connection failed" in low:
        return f"the server refused the connection; is PostgreSQL running there? ({msg})"
    return msg


def open_store(db: str | Path | Store | None = None, *, migrate: bool = True, read_only: bool = False) -> Store:
    """Open (creating or upgrading when ``migrate``) the store at ``db``.

    ``db``: None for ``selon.db`` in the current folder, a path, ``sqlite:///PATH`` or
    ``postgresql://USER@HOST:PORT/DB``. An open :class:`Store` is returned as is.

    ``read_only`` is for commands that only read: the store must exist (a missing SQLite
    file is an error, never created; a database without selon's tables too), and a SQLite
    file the user may not write is opened read-only (an older schema is upgraded only where
    it can be written).
    """
    if isinstance(db, Store):
        return db
    if db is not None and not isinstance(db, (str, Path)):
        raise TypeError(f"db must be a URL, a path or a Store, not {type(db).__name__}")
    url = resolve_url(db)
    writable = True
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        if read_only:
            url, writable = _sqlite_for_reading(url, path)
        elif not path.parent.is_dir():
            raise StoreError(
                f"cannot create the SQLite file {url.database}: the folder {path.parent} does not exist"
            )
        engine = sa.create_engine(url)
        sa.event.listen(engine, "connect", _sqlite_on_connect)
        sa.event.listen(engine, "begin", _sqlite_on_begin)
    else:
        engine = sa.create_engine(url, connect_args={"connect_timeout": 10}, pool_pre_ping=True)
    store = Store(engine)
    try:
        if read_only:
            _require_schema(store, writable)
        elif migrate:
            store.migrate()
        else:
            store.version()
    except BaseException:
        engine.dispose()
        raise
    return store


def _sqlite_for_reading(url: sa.URL, path: Path) -> tuple[sa.URL, bool]:
    """The URL to read the SQLite file ``path`` with, and whether it can be written: a file
    the user may not write is opened read-only (``mode=ro``; ``immutable`` when its folder
    cannot hold the WAL's shared-memory file either)."""
    if not path.is_file():
        raise StoreError(
            f"there is no store at {path} (no such file); give the store's path with --db, "
            f"or create it with `selon ingest PATH --db {path}`"
        )
    folder = path.parent
    if os.access(path, os.W_OK) and os.access(folder, os.W_OK):
        return url, True
    query = {"mode": "ro", "uri": "true"}
    if not os.access(folder, os.W_OK) and not Path(f"{path}-shm").exists():
        query = {"immutable": "1", "uri": "true"}
    return sa.URL.create("sqlite", database=f"file:{path.resolve()}", query=query), False


def _require_schema(store: Store, writable: bool) -> None:
    """For reading: the store holds selon's tables at the latest version (upgraded here when
    it is older and can be written)."""
    have = store.version()
    if have == SCHEMA_VERSION:
        return
    if have == 0:
        raise StoreError(f"{store.where} holds no selon store yet; ingest articles into it first (selon ingest)")
    if have < SCHEMA_VERSION and not writable:
        raise StoreError(
            f"{store.where} was written by an older selon (schema version {have}) and cannot be "
            "upgraded here (it is read-only); open it once where it can be written"
        )
    store.migrate()  # upgrades an older store; refuses a newer one with its message


# -- keys and values ----------------------------------------------------------------------------


def normalise_text(text: str) -> str:
    """The text an article is identified by: NFC, typographic apostrophes and spaces folded,
    whitespace runs collapsed, ends trimmed."""
    t = unicodedata.normalize("NFC", text)
    t = t.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(t.split())


def article_key(text: str) -> str:
    """SHA-256 (hex) of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: str | dt.date | None) -> str | None:
    """A stored date as ``YYYY-MM-DD`` (a text that is not a date is given back as it is)."""
    if value is None:
        return None
    if isinstance(value, str):
        d = parse_date(value)
        return d.isoformat() if d else value
    return value.isoformat()


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A date from ``YYYY-MM-DD`` (or an ISO timestamp); None when absent or not a date."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    m = _DATE.match(str(value).strip())
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


__all__ = [
    "ACCENTED",
    "MIGRATIONS",
    "NOT_STORED",
    "SCHEMA_VERSION",
    "SQL_NAMES",
    "UNACCENTED",
    "KEYED",
    "AddResult",
    "Store",
    "aliases",
    "article_key",
    "fold_search",
    "from_sql",
    "iso_date",
    "normalise_text",
    "open_store",
    "parse_date",
    "resolve_url",
    "sql_column",
    "to_sql",
]
