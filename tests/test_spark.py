"""selon on Spark (local mode): the Parquet tables hold exactly what ``Analyzer.analyze_many``
finds in-process, a bad article is a row of ``errors``, and ``ingest --from-parquet`` stores
the tables without analysing again.

One SparkSession (``local[2]``) for the whole run; the job runs once per module on the dev
corpus plus a few broken inputs. Skipped without ``../shared``, PySpark or Java, except under
``CI=true`` where that is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from selon.cli import registry as cli
from selon.models import Analysis, Article
from selon.pipeline.analyzer import Analyzer, Failure
from selon.store.rows import TABLES

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"

# broken inputs: each must become one row of `errors`, with this reason
BLANK = {"id": "broken-blank", "text": "  \n\t  "}
NO_TEXT = {"id": "broken-no-text", "title": "un titre sans article"}
BAD_DATE = {"id": "broken-date", "text": "Selon la police, 300 personnes ont défilé.", "published": "hier"}
MALFORMED = '{"id": "broken-json", "text": "pas fini'
REASONS = {
    "broken-blank": "the article has no text (empty or only whitespace)",
    "broken-no-text": "the object has no 'text' field (an article needs at least 'id' and 'text')",
    "broken-date": "published 'hier' is not a date (expected YYYY-MM-DD)",
}


def _on_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _skip_or_fail(reason: str) -> None:
    if _on_ci():
        pytest.fail(f"{reason}; under CI=true the Spark tests must run")
    pytest.skip(reason)


# -- fixtures -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def dev_articles() -> list[dict[str, Any]]:
    if not DEV.is_dir():
        _skip_or_fail(f"the shared dev corpus is not here ({DEV})")
    out = []
    for path in sorted(DEV.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        out.append({k: d.get(k) for k in ("id", "text", "published", "lang", "title")})
    return out


@pytest.fixture(scope="session")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        _skip_or_fail("PySpark is not installed (pip install 'selon[spark]')")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        _skip_or_fail("no Java runtime (Spark needs Java 17+)")
    from selon.scale.spark import spark_session

    warehouse = tmp_path_factory.mktemp("spark-warehouse")
    session = spark_session(
        "local[2]",
        app_name="selon-tests",
        conf={
            "spark.ui.enabled": "false",
            "spark.ui.showConsoleProgress": "false",
            "spark.sql.shuffle.partitions": "2",
            "spark.default.parallelism": "2",
            "spark.sql.warehouse.dir": str(warehouse),
            "spark.driver.extraJavaOptions": f"-Dderby.system.home={warehouse}",
            # several Arrow batches per partition, so batching is exercised
            "spark.sql.execution.arrow.maxRecordsPerBatch": "4",
        },
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def input_jsonl(tmp_path_factory: pytest.TempPathFactory, dev_articles: list[dict[str, Any]]) -> Path:
    path = tmp_path_factory.mktemp("spark-in") / "articles.jsonl"
    lines = [json.dumps(a, ensure_ascii=False) for a in dev_articles[:10]]
    lines += [json.dumps(BLANK), MALFORMED, json.dumps(NO_TEXT)]
    lines += [json.dumps(a, ensure_ascii=False) for a in dev_articles[10:]]
    lines.append(json.dumps(BAD_DATE, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def job(spark: Any, input_jsonl: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from selon.scale.spark import run_job

    out = tmp_path_factory.mktemp("spark-out") / "run"
    return run_job(spark, str(input_jsonl), str(out), partitions=4)


@pytest.fixture(scope="module")
def expected(dev_articles: list[dict[str, Any]]) -> dict[str, Analysis]:
    """What the library finds in-process for the same articles."""
    articles = [
        Article(id=a["id"], text=a["text"], published=a["published"], title=a["title"], language=a["lang"])
        for a in dev_articles
    ]
    found: dict[str, Analysis] = {}
    for result in Analyzer("fr").analyze_many(articles):
        assert isinstance(result, Analysis), result
        found[result.article.id] = result
    return found


def _table(job: Any, name: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    return pq.read_table(Path(job.output) / name).to_pylist()


def _grouped(rows: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        out[r["article_id"]].append(r)
    for group in out.values():
        group.sort(key=lambda r: int(r[key][1:]))
    return out


# -- the job --------------------------------------------------------------------------------------


def test_every_article_is_analysed_or_an_error(job: Any, dev_articles: list[dict[str, Any]]) -> None:
    assert job.counts["articles"] == len(dev_articles)
    assert job.counts["errors"] == 4
    assert job.partitions == 4
    assert job.exit_code == 1
    for name in TABLES:
        assert len(_table(job, name)) == job.counts[name], name


def test_articles_table(job: Any, expected: dict[str, Analysis]) -> None:
    rows = {r["article_id"]: r for r in _table(job, "articles")}
    assert set(rows) == set(expected)
    for ident, analysis in expected.items():
        r, a = rows[ident], analysis.article
        assert r["text"] == a.text
        assert (r["title"], r["published"], r["language"]) == (a.title, a.published, "fr")
        assert (r["n_statements"], r["n_figures"]) == (len(analysis.statements), len(analysis.figures))


def test_statements_equal_in_process(job: Any, expected: dict[str, Analysis]) -> None:
    got = _grouped(_table(job, "statements"), "statement_id")
    assert sum(len(a.statements) for a in expected.values()) > 50  # the corpus says plenty
    for ident, analysis in expected.items():
        rows = got.get(ident, [])
        assert len(rows) == len(analysis.statements), ident
        for r, s in zip(rows, analysis.statements, strict=True):
            where = f"{ident} {s.id}"
            assert r["statement_id"] == s.id, where
            assert r["kind"] == s.kind, where
            assert (r["content_text"], r["content_start"], r["content_end"]) == (
                s.content.text,
                s.content.start,
                s.content.end,
            ), where
            assert analysis.article.text[r["content_start"] : r["content_end"]] == r["content_text"], where
            cue = (s.cue.text, s.cue.start, s.cue.end) if s.cue else (None, None, None)
            assert (r["cue_text"], r["cue_start"], r["cue_end"]) == cue, where
            sp = s.speaker
            speaker = (sp.name, sp.text, sp.start, sp.end, sp.role) if sp else (None,) * 5
            assert (
                r["speaker_name"],
                r["speaker_text"],
                r["speaker_start"],
                r["speaker_end"],
                r["speaker_role"],
            ) == speaker, where
            assert r["via"] == s.via, where


def test_figures_equal_in_process(job: Any, expected: dict[str, Analysis]) -> None:
    got = _grouped(_table(job, "figures"), "figure_id")
    assert sum(len(a.figures) for a in expected.values()) > 50
    for ident, analysis in expected.items():
        rows = got.get(ident, [])
        assert len(rows) == len(analysis.figures), ident
        statement_ids = {s.id for s in analysis.statements}
        for r, f in zip(rows, analysis.figures, strict=True):
            where = f"{ident} {f.id}"
            assert (r["figure_id"], r["text"], r["start"], r["end"]) == (f.id, f.text, f.start, f.end), where
            assert analysis.article.text[r["start"] : r["end"]] == r["text"], where
            assert r["low"] == (None if f.low is None else pytest.approx(f.low)), where
            assert r["high"] == (None if f.high is None else pytest.approx(f.high)), where
            assert (r["qualifier"], r["unit"], r["outcome"], r["source"]) == (
                f.qualifier,
                f.unit,
                f.outcome,
                f.source,
            ), where
            assert r["statement_id"] == f.statement, where
            assert r["statement_id"] is None or r["statement_id"] in statement_ids, where


def test_bad_articles_land_in_errors_with_their_reason(job: Any) -> None:
    errors = _table(job, "errors")
    by_id = {r["article_id"]: r["reason"] for r in errors if r["article_id"] is not None}
    assert by_id == REASONS
    malformed = [r["reason"] for r in errors if r["article_id"] is None]
    assert len(malformed) == 1 and malformed[0].startswith("malformed JSON line: ")
    assert "broken-json" in malformed[0]
    analysed = {r["article_id"] for r in _table(job, "articles")}
    assert not analysed & set(REASONS)


def test_tables_read_with_pandas(job: Any) -> None:
    pd = pytest.importorskip("pandas")
    for name, columns in TABLES.items():
        frame = pd.read_parquet(Path(job.output) / name)
        assert list(frame.columns) == [c for c, _ in columns], name
        assert len(frame) == job.counts[name], name
    figures = pd.read_parquet(Path(job.output) / "figures")
    assert figures["low"].dtype.kind == "f"
    assert (figures["end"] > figures["start"]).all()


def test_model_loaded_once_per_python_worker(spark: Any, job: Any) -> None:
    # Python workers are reused between tasks: 8 partitions analysed on local[2] run in a
    # couple of worker processes, and each of them has loaded the model exactly once
    import selon.scale.spark as spark_module

    def loads(_: Any) -> Iterator[tuple[int, int]]:
        rows = [{"id": "x", "text": "Selon la police, 300 personnes ont défilé."}]
        spark_module.analyze_records(rows)
        yield os.getpid(), spark_module.model_loads()

    seen = dict(spark.sparkContext.parallelize(range(8), 8).mapPartitions(loads).collect())
    assert seen and all(n == 1 for n in seen.values()), seen
    assert len(seen) <= 3  # local[2]: a couple of reused worker processes, not one per task


def test_parquet_input(
    spark: Any, dev_articles: list[dict[str, Any]], expected: dict[str, Analysis], tmp_path: Path
) -> None:
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    from selon.scale.spark import run_job

    some = dev_articles[:3]
    table = pa.table(
        {
            "id": [a["id"] for a in some],
            "text": [a["text"] for a in some],
            # a real date column: read back as YYYY-MM-DD
            "published": [dt.date.fromisoformat(a["published"]) if a["published"] else None for a in some],
            "outlet": ["La Libre"] * len(some),
        }
    )
    src = tmp_path / "in.parquet"
    pq.write_table(table, src)
    result = run_job(spark, str(src), str(tmp_path / "out"), partitions=2)
    assert result.counts["articles"] == 3 and result.counts["errors"] == 0 and result.exit_code == 0
    rows = {r["article_id"]: r for r in pq.read_table(tmp_path / "out" / "articles").to_pylist()}
    for a in some:
        assert rows[a["id"]]["published"] == a["published"]
        assert rows[a["id"]]["outlet"] == "La Libre"
        assert rows[a["id"]]["n_figures"] == len(expected[a["id"]].figures)


def test_output_is_not_overwritten_silently(spark: Any, job: Any, input_jsonl: Path) -> None:
    from selon.errors import SparkError
    from selon.scale.spark import run_job

    with pytest.raises(SparkError, match="already exists"):
        run_job(spark, str(input_jsonl), job.output)


# -- the command line -----------------------------------------------------------------------------


def test_selon_spark_command(
    spark: Any, input_jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli-out"
    code = cli.main(["spark", str(input_jsonl), str(out), "--master", "local[2]", "--partitions", "2"])
    err = capsys.readouterr().err
    assert code == 1, err  # some articles failed
    assert "broken-blank: the article has no text" in err
    assert "4 failed" in err
    assert spark.sparkContext._jsc is not None  # the running session was left alone
    assert sorted(p.name for p in out.iterdir()) == sorted(TABLES)


def test_ingest_from_parquet(job: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from selon.store.db import open_store

    db = tmp_path / "store.db"
    code = cli.main(["ingest", "--from-parquet", job.output, "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 1, err  # the errors table is reported as failed articles
    assert f"{job.counts['articles']} ingested, 0 already present, 4 failed" in err
    with open_store(db) as store:
        assert store.counts() == {k: job.counts[k] for k in ("articles", "statements", "figures")}
    # again: nothing new
    assert cli.main(["ingest", "--from-parquet", job.output, "--db", str(db)]) == 1
    assert f"0 ingested, {job.counts['articles']} already present" in capsys.readouterr().err
    with open_store(db) as store:
        assert store.counts()["articles"] == job.counts["articles"]


def test_parquet_rows_rebuild_the_same_analyses(job: Any, expected: dict[str, Analysis]) -> None:
    from selon.scale.parquet import read_analyses, read_failures

    rebuilt = {a.article.id: a for a in read_analyses(job.output)}
    assert set(rebuilt) == set(expected)
    for ident, analysis in expected.items():
        assert rebuilt[ident].statements == analysis.statements, ident
        assert rebuilt[ident].figures == analysis.figures, ident
        assert rebuilt[ident].article.text == analysis.article.text
    assert {f.article_id for f in read_failures(job.output)} == {*REASONS, "(no id)"}


def test_ingest_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "x.db")
    assert cli.main(["ingest", "--db", db]) == 2
    assert "--from-parquet" in capsys.readouterr().err
    assert cli.main(["ingest", "a.json", "--from-parquet", str(tmp_path), "--db", db]) == 2
    assert "not both" in capsys.readouterr().err
    assert cli.main(["ingest", "--from-parquet", str(tmp_path), "--db", db]) == 2
    assert "no 'articles' table here" in capsys.readouterr().err


# -- pure parts (no Spark) ------------------------------------------------------------------------


class _Fragile:
    """An analyzer whose batch call breaks on one article (a bug, not bad input)."""

    def analyze_many(self, articles: Any) -> Iterator[Analysis | Failure]:
        batch = list(articles)
        if any(a.text == "boom" for a in batch):
            raise RuntimeError("kaput")
        for a in batch:
            yield Analysis(article=a)


def test_an_exception_in_the_pipeline_fails_only_its_article() -> None:
    from selon.scale.spark import analyze_records

    records = [{"id": "a", "text": "ok"}, {"id": "b", "text": "boom"}, {"id": "c", "text": "fine"}]
    out = analyze_records(records, analyzer=_Fragile())  # type: ignore[arg-type]
    assert [r["article"]["article_id"] if r["article"] else None for r in out] == ["a", None, "c"]
    assert out[1]["error"] == {"article_id": "b", "reason": "internal error: RuntimeError: kaput"}


def test_no_model_loaded_when_every_record_is_bad() -> None:
    from selon.scale import spark as spark_module

    before = spark_module.model_loads()
    out = spark_module.analyze_records([{"id": None, "text": "x"}, {"_corrupt_record": "{", "id": None}])
    assert [r["error"]["article_id"] for r in out] == [None, None]
    assert "no 'id'" in out[0]["error"]["reason"]
    assert spark_module.model_loads() == before


def test_nested_schema_matches_the_tables() -> None:
    pytest.importorskip("pyarrow")
    from selon.scale.spark import arrow_schema, spark_schema_ddl

    schema = arrow_schema()
    assert [f.name for f in schema] == ["article", "statements", "figures", "error"]
    assert [f.name for f in schema.field("article").type] == [c for c, _ in TABLES["articles"]]
    assert "`end`: int" in spark_schema_ddl()


# -- issue 13: every language with a pack ------------------------------------------------------


def test_records_are_read_each_in_its_language_one_load_per_language(monkeypatch: pytest.MonkeyPatch) -> None:
    from selon.scale import spark as spark_module
    from texts import ENGLISH, FRENCH, SPANISH

    class Stub:
        def __init__(self, lang: str, **kwargs: object) -> None:
            self.lang = lang

        def analyze_many(self, articles):  # type: ignore[no-untyped-def]
            for a in articles:
                assert a.language == self.lang
                yield Analysis(article=a)

    monkeypatch.setattr(spark_module, "Analyzer", Stub)
    monkeypatch.setattr(spark_module, "_analyzers", {})
    monkeypatch.setattr(spark_module, "_routers", {})
    before = spark_module.model_loads()
    records = [{"id": "f", "text": FRENCH}, {"id": "e", "text": ENGLISH}, {"id": "s", "text": SPANISH},
               {"id": "f2", "text": FRENCH, "lang": "en"}]
    out = spark_module.analyze_records(records)
    assert [r["article"]["language"] if r["article"] else r["error"]["reason"][:22] for r in out] == [
        "fr", "en", "the text looks Spanish", "en"
    ]
    assert spark_module.model_loads() == before + 2
    spark_module.analyze_records(records[:1])
    assert spark_module.model_loads() == before + 2  # kept by the worker between batches
    assert [r["article"]["language"] for r in spark_module.analyze_records(records[:2], lang="fr")] == ["fr", "fr"]


@pytest.mark.model
def test_a_spark_job_reads_a_mixed_corpus(spark: Any, tmp_path: Path) -> None:
    import pandas as pd

    from selon.scale.spark import run_job
    from texts import ENGLISH_DEATHS, FRENCH_DEATHS, SPANISH

    path = tmp_path / "mixed.jsonl"
    rows = [{"id": "fr", "text": FRENCH_DEATHS}, {"id": "en", "text": ENGLISH_DEATHS}, {"id": "es", "text": SPANISH}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    job = run_job(spark, str(path), str(tmp_path / "out"), partitions=1)
    articles = pd.read_parquet(Path(job.output) / "articles")
    assert dict(zip(articles["article_id"], articles["language"], strict=True)) == {"fr": "fr", "en": "en"}
    errors = pd.read_parquet(Path(job.output) / "errors")
    assert list(errors["article_id"]) == ["es"] and "looks Spanish" in errors["reason"][0]
