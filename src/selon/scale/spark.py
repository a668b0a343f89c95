"""selon on Apache Spark: analyse a corpus of JSON Lines or Parquet articles into Parquet tables.

The analysis inside Spark is the library's own :meth:`Router.analyze_many
<selon.pipeline.routing.Router.analyze_many>`, run over each partition with ``mapInArrow``:
each article is read in its language (forced, declared or detected), and every executor
Python process loads a language's spaCy pipeline once, when it first meets an article in it
(:func:`worker_analyzer`, lazily created module-level Analyzers that Spark's reused Python
workers keep between tasks), and feeds it the partition's articles batch by batch.

The job (:func:`run_job`):

1. reads the input (``id``, ``text`` and the optional ``published``, ``lang``/``language``,
   ``title``, ``url``, ``outlet``); a JSON line that does not parse is kept as an error row;
2. spreads it over ``partitions`` partitions (by default three per core) so every core works;
3. analyses each partition into one nested row per article (the article, its statements,
   its figures, or the error), cached so the analysis runs once;
4. writes the flat tables of :mod:`selon.store.rows` under ``OUTPUT``: ``articles``,
   ``statements``, ``figures`` and ``errors``, each a folder of Parquet files.

A bad article (empty text, bad date, a language without a pack, malformed line, even an unexpected
exception in the pipeline) becomes a row of ``errors`` with its id and the reason; it never
fails the job.

PySpark is the optional extra ``selon[spark]``; nothing here imports it at module level, so
the pure parts (:func:`analyze_records`) run without it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import time
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selon.errors import InputError, SelonError, SparkError
from selon.ingest.policy import RunOptions, accept, require_pack
from selon.ingest.readers import Record, read_object
from selon.models import Analysis, Article
from selon.pipeline.analyzer import Analyzer, AnalyzerLike, Failure, analyze_isolating
from selon.pipeline.routing import Router
from selon.store.rows import TABLES, Row, rows

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame, SparkSession

#: The input columns selon reads; others are ignored.
INPUT_COLUMNS = ("id", "text", "published", "lang", "language", "title", "url", "outlet")
CORRUPT = "_corrupt_record"
FORMATS = ("auto", "jsonl", "parquet")
DEFAULT_BATCH_SIZE = 16
#: Articles per Arrow batch between the JVM and a Python worker.
ARROW_BATCH = 256

#: Settings for sessions this module starts (a spark-submit or spark-defaults value wins).
SESSION_DEFAULTS: dict[str, str] = {
    "spark.sql.execution.arrow.maxRecordsPerBatch": str(ARROW_BATCH),
    "spark.python.worker.reuse": "true",
}


# -- in the executors ---------------------------------------------------------------------------

_analyzers: dict[tuple[str, int], Analyzer] = {}
_loads = 0


def worker_analyzer(lang: str = "fr", batch_size: int = DEFAULT_BATCH_SIZE) -> Analyzer:
    """This process's Analyzer for ``lang``, created (the model loaded) on first use only."""
    global _loads
    key = (lang, batch_size)
    analyzer = _analyzers.get(key)
    if analyzer is None:
        analyzer = _analyzers[key] = Analyzer(lang, batch_size=batch_size)
        _loads += 1
    return analyzer


_routers: dict[int, Router] = {}


def worker_router(batch_size: int = DEFAULT_BATCH_SIZE) -> Router:
    """This process's :class:`Router`: each language's analyzer is :func:`worker_analyzer`'s,
    loaded when an article in that language first needs it."""
    router = _routers.get(batch_size)
    if router is None:
        router = _routers[batch_size] = Router(
            batch_size=batch_size, make=lambda lang: worker_analyzer(lang, batch_size)
        )
    return router


def model_loads() -> int:
    """How many times this process has loaded a pipeline (1 per language once warm)."""
    return _loads


#: The nested row of one input record: each field holds that record's rows of one table of
#: :mod:`selon.store.rows`, as a list (``True``) or as the one row or null (``False``).
NESTED: tuple[tuple[str, str, bool], ...] = (
    ("article", "articles", False),
    ("statements", "statements", True),
    ("figures", "figures", True),
    ("error", "errors", False),
)


def _error(article_id: Any, reason: str) -> Row:
    return _nested(Failure(article_id, None, reason))


def _nested(result: Analysis | Failure) -> Row:
    r = rows(result)
    return {name: r[table] if many else (r[table][0] if r[table] else None) for name, table, many in NESTED}


def read_row(record: Mapping[str, Any]) -> Record:
    """The read record an input row is: its article (read as ``selon analyze`` reads a JSON
    object, its ``id`` naming it), or the :class:`InputError` saying why there is none."""
    raw = record.get(CORRUPT)
    if raw is not None:
        preview = " ".join(str(raw).split())[:80]
        return InputError(f"malformed JSON line: {preview!r}")
    ident = record.get("id")
    if ident is None or not str(ident).strip():
        return InputError("the article has no 'id' (the tables link statements and figures by it)")
    ident = str(ident)
    obj = {k: v for k in INPUT_COLUMNS if (v := record.get(k)) is not None}
    return read_object(obj, source=ident, default_id=ident)


def to_article(record: Mapping[str, Any], options: RunOptions) -> Article | Row:
    """The article an input row describes, accepted by the policy every way in shares
    (:func:`selon.ingest.policy.accept`), or its error row: the article's id and the reason."""
    try:
        return accept(read_row(record), options)
    except SelonError as e:
        return _error(e.source, e.reason)


def analyze_records(
    records: Sequence[Mapping[str, Any]],
    *,
    lang: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    analyzer: AnalyzerLike | None = None,
) -> list[Row]:
    """One nested row (``article``, ``statements``, ``figures``, ``error``) per input record,
    in order. ``lang`` forces the language (no detection). A language's pipeline is loaded
    only when some record is an article in it (``analyzer``, by default this process's
    :func:`worker_router`, does the reading)."""
    options = RunOptions(lang=lang)
    out: list[Row | None] = [None] * len(records)
    todo: list[tuple[int, Article]] = []
    for i, record in enumerate(records):
        got = to_article(record, options)
        if isinstance(got, Article):
            todo.append((i, got))
        else:
            out[i] = got
    if todo:
        analyzer = analyzer or worker_router(batch_size)
        results = analyze_isolating(analyzer, [a for _, a in todo], _internal_error)
        for (i, _), result in zip(todo, results, strict=True):
            out[i] = _nested(result)
    return [r for r in out if r is not None]


def _internal_error(article: Article, e: Exception) -> Failure:
    return Failure(article.id, article.id, f"internal error: {type(e).__name__}: {e}")


def analyze_batches(
    batches: Iterable[pa.RecordBatch], *, lang: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: input Arrow batches in, nested result batches out."""
    import pyarrow as pa

    schema = arrow_schema()
    for batch in batches:
        found = analyze_records(batch.to_pylist(), lang=lang, batch_size=batch_size)
        yield pa.RecordBatch.from_pylist(found, schema=schema)


# -- schemas ------------------------------------------------------------------------------------


def _arrow_struct(columns: Sequence[tuple[str, str]]) -> pa.DataType:
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int32(), "double": pa.float64()}
    return pa.struct([pa.field(name, types[kind]) for name, kind in columns])


def arrow_schema() -> pa.Schema:
    """The Arrow schema of the nested rows :func:`analyze_batches` yields (:data:`NESTED`)."""
    import pyarrow as pa

    fields = []
    for name, table, many in NESTED:
        struct = _arrow_struct(TABLES[table])
        fields.append(pa.field(name, pa.list_(struct) if many else struct))
    return pa.schema(fields)


def _ddl_struct(columns: Sequence[tuple[str, str]]) -> str:
    return "struct<" + ", ".join(f"`{name}`: {kind}" for name, kind in columns) + ">"


def spark_schema_ddl() -> str:
    """The same schema as :func:`arrow_schema`, in Spark's DDL."""
    fields = []
    for name, table, many in NESTED:
        struct = _ddl_struct(TABLES[table])
        fields.append(f"{name} {f'array<{struct}>' if many else struct}")
    return ", ".join(fields)


# -- on the driver ------------------------------------------------------------------------------


@contextlib.contextmanager
def _no_pandas_warning() -> Iterator[None]:
    """PySpark warns about pandas 3 when it checks versions; selon's job does not use pandas
    inside Spark (Arrow batches only), so the warning is noise here."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*not yet fully support pandas.*", category=FutureWarning)
        yield


def _require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SparkError("selon on Spark needs PySpark; run: pip install 'selon[spark]'") from None


def launched_by_spark_submit() -> bool:
    """True in a driver started by ``spark-submit`` (which then sets the master)."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def active_session() -> bool:
    """True when this process already runs a SparkSession (a notebook, a test, spark-submit)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        return False
    return SparkSession.getActiveSession() is not None


def spark_session(
    master: str | None = None, *, app_name: str = "selon", conf: Mapping[str, str] | None = None
) -> SparkSession:
    """A SparkSession (the running one under ``spark-submit``).

    ``master``: ``local[N]``, ``spark://HOST:7077``, ``yarn``, ``k8s://…``; None keeps what
    spark-submit or spark-defaults give, else ``local[*]``. In local mode the Python workers
    run this interpreter (``PYSPARK_PYTHON``), so they see the same selon and model.
    """
    _require_pyspark()
    from pyspark.sql import SparkSession

    if master is None and not launched_by_spark_submit():
        master = "local[*]"
    local = master is not None and master.startswith("local")
    if local:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        # a local run talks to itself on loopback only, whatever the host name resolves to
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    if local:
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    for key, value in {**SESSION_DEFAULTS, **(conf or {})}.items():
        builder = builder.config(key, value)
    try:
        with _no_pandas_warning():
            return builder.getOrCreate()
    except Exception as e:  # PySparkRuntimeError JAVA_GATEWAY_EXITED and friends
        raise SparkError(
            f"cannot start Spark ({type(e).__name__}: {' '.join(str(e).split())[:300]}); "
            "is Java 17 or later installed and on PATH (or JAVA_HOME set)?"
        ) from e


def detect_format(path: str) -> str:
    """``parquet`` or ``jsonl`` for an input path: by suffix, else by the files of a folder."""
    lowered = path.rstrip("/").lower()
    if lowered.endswith((".parquet", ".pq")):
        return "parquet"
    if lowered.endswith((".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz")):
        return "jsonl"
    p = Path(path)
    if "://" not in path and p.is_dir():
        names = [f.name for f in p.rglob("*") if f.is_file() and not f.name.startswith((".", "_"))]
        if names and all(n.endswith(".parquet") for n in names):
            return "parquet"
    return "jsonl"


def read_articles(spark: SparkSession, path: str, fmt: str = "auto") -> DataFrame:
    """The input as a DataFrame of string columns :data:`INPUT_COLUMNS` plus ``_corrupt_record``."""
    from pyspark.sql import functions as F
    from pyspark.sql.utils import AnalysisException

    if fmt not in FORMATS:
        raise SparkError(f"unknown input format {fmt!r}; choose among {', '.join(FORMATS)}")
    if fmt == "auto":
        fmt = detect_format(path)
    try:
        if fmt == "jsonl":
            ddl = ", ".join(f"`{c}` string" for c in (*INPUT_COLUMNS, CORRUPT))
            df = (
                spark.read.schema(ddl)
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT)
                .json(path)
            )
        else:
            df = spark.read.parquet(path)
    except AnalysisException as e:
        raise SparkError(f"cannot read the input: {' '.join(str(e).split())[:300]}", source=path) from e
    have = set(df.columns)
    missing = [c for c in ("id", "text") if c not in have]
    if missing:
        raise SparkError(
            f"the input has no {' or '.join(repr(c) for c in missing)} column (columns: {', '.join(df.columns)})",
            source=path,
        )
    return df.select(
        *[
            (F.col(f"`{c}`") if c in have else F.lit(None)).cast("string").alias(c)
            for c in (*INPUT_COLUMNS, CORRUPT)
        ]
    )


def analyze_frame(
    df: DataFrame, *, lang: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> DataFrame:
    """Nested results (``article``, ``statements``, ``figures``, ``error``), one row per input row."""
    fn = functools.partial(analyze_batches, lang=lang, batch_size=batch_size)
    with _no_pandas_warning():
        return df.mapInArrow(fn, spark_schema_ddl())


def flat_tables(analysed: DataFrame) -> dict[str, DataFrame]:
    """The four flat tables of :mod:`selon.store.rows` from the nested results."""
    from pyspark.sql import functions as F

    return {
        table: (
            analysed.select(F.explode(name).alias("r")).select("r.*")
            if many
            else analysed.where(F.col(name).isNotNull()).select(f"{name}.*")
        )
        for name, table, many in NESTED
    }


@dataclass
class JobResult:
    """What :func:`run_job` wrote: rows per table, where, how long it took."""

    output: str
    counts: dict[str, int] = field(default_factory=dict)
    partitions: int = 0
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 every article analysed, 1 some failed, 2 none analysed."""
        if self.counts.get("articles", 0) == 0:
            return 2
        return 1 if self.counts.get("errors", 0) else 0

    def __str__(self) -> str:
        c = self.counts
        return (
            f"{c.get('articles', 0)} articles analysed, {c.get('errors', 0)} failed; "
            f"{c.get('statements', 0)} statements, {c.get('figures', 0)} figures "
            f"-> {self.output} ({self.partitions} partitions, {self.seconds:.1f} s)"
        )


def table_path(output: str, name: str) -> str:
    return output.rstrip("/") + "/" + name


def run_job(
    spark: SparkSession,
    input_path: str,
    output: str,
    *,
    input_format: str = "auto",
    partitions: int | None = None,
    lang: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    overwrite: bool = False,
) -> JobResult:
    """Analyse ``input_path`` and write the tables under ``output`` (see the module's doc);
    ``lang`` forces the language (no detection)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    if partitions is not None and partitions < 1:
        raise SparkError("--partitions must be at least 1")
    if lang is not None:
        require_pack(lang)  # refused here, before any task runs
    t0 = time.perf_counter()
    df = read_articles(spark, input_path, input_format)
    have = df.rdd.getNumPartitions()
    target = partitions or max(have, 3 * spark.sparkContext.defaultParallelism)
    if target != have:
        df = df.repartition(target)
    analysed = analyze_frame(df, lang=lang, batch_size=batch_size).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        # one pass that analyses every partition and fills the cache the writes then read
        total = analysed.agg(
            F.count(F.col("article")).alias("articles"),
            F.coalesce(F.sum(F.size("statements")), F.lit(0)).alias("statements"),
            F.coalesce(F.sum(F.size("figures")), F.lit(0)).alias("figures"),
            F.count(F.col("error")).alias("errors"),
        ).first()
        counts = {k: int(total[k]) for k in TABLES} if total is not None else dict.fromkeys(TABLES, 0)
        mode = "overwrite" if overwrite else "errorifexists"
        for name, table in flat_tables(analysed).items():
            try:
                table.write.mode(mode).parquet(table_path(output, name))
            except Exception as e:
                if "already exists" in str(e).lower() or "PATH_ALREADY_EXISTS" in str(e):
                    raise SparkError(
                        f"{table_path(output, name)} already exists; give a new folder or --overwrite",
                        source=output,
                    ) from None
                raise
    finally:
        analysed.unpersist()
    return JobResult(output, counts, target, time.perf_counter() - t0)


def first_errors(spark: SparkSession, output: str, limit: int = 20) -> list[tuple[str | None, str]]:
    """Up to ``limit`` rows of the ``errors`` table just written."""
    found = spark.read.parquet(table_path(output, "errors")).limit(limit).collect()
    return [(r["article_id"], r["reason"]) for r in found]


__all__ = [
    "INPUT_COLUMNS",
    "JobResult",
    "active_session",
    "analyze_batches",
    "analyze_frame",
    "analyze_records",
    "arrow_schema",
    "detect_format",
    "flat_tables",
    "model_loads",
    "read_articles",
    "read_row",
    "run_job",
    "spark_schema_ddl",
    "spark_session",
    "to_article",
    "worker_analyzer",
    "worker_router",
]
