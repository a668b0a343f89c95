"""The store on real databases: SQLite files and a throwaway PostgreSQL server.

Every test that takes ``db_url`` runs twice, once per backend (see ``conftest_pg.py``).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from selon.errors import StoreError
from selon.models import Analysis, Article, Figure, Speaker, Statement, TextSpan
from selon.store.db import (
    SCHEMA_VERSION,
    article_key,
    articles,
    figures,
    open_store,
    resolve_url,
    sql_column,
    statements,
    to_sql,
)

pytest_plugins = ["conftest_pg"]

TEXT = (
    "Selon le gouverneur Nawfal Hammadi, plus de 130 civils ont été tués à Mossoul. "
    "« La situation est grave », a déclaré le porte-parole de l'ONU."
)


def make_analysis(
    text: str = TEXT, *, id: str = "mossoul", url: str | None = None, n_figures: int = 2
) -> Analysis:
    article = Article(id=id, text=text, url=url, outlet="RIA Novosti", published="2017-03-28", language="fr")
    speaker = Speaker(
        text="le porte-parole de l'ONU", start=128, end=152, name="Stéphane Dujarric", role="porte-parole"
    )
    stmts = [
        Statement(
            id="s1",
            kind="direct",
            content=TextSpan("La situation est grave", 82, 104),
            speaker=speaker,
            cue=TextSpan("a déclaré", 108, 117),
        ),
        Statement(id="s2", kind="according_to", content=TextSpan("plus de 130 civils ont été tués", 36, 67)),
    ]
    figs = [
        Figure(
            id=f"f{i + 1}",
            text="plus de 130 civils",
            start=36,
            end=54,
            low=130 + i,
            high=None if i else 140.5,
            qualifier="more_than",
            unit="civils",
            outcome="killed",
            source="Nawfal Hammadi",
            statement="s2",
        )
        for i in range(n_figures)
    ]
    return Analysis(article=article, statements=stmts, figures=figs)


def rows(url: str, table: sa.Table) -> list[sa.Row]:
    with open_store(url) as store, store.read() as conn:
        return list(conn.execute(sa.select(table).order_by(table.c.id)))


# -- writing and reading back --------------------------------------------------------------


def test_an_article_is_stored_whole_with_its_statements_and_figures(db_url: str) -> None:
    with open_store(db_url) as store:
        result = store.add(make_analysis())
    assert result.status == "ingested" and result.version == 1
    (a,) = rows(db_url, articles)
    assert a.text == TEXT and a.input_id == "mossoul" and a.outlet == "RIA Novosti"
    assert a.published.isoformat() == "2017-03-28" and a.key == article_key(TEXT) and a.current
    st = rows(db_url, statements)
    assert [(s.sid, s.kind, s.article_id) for s in st] == [
        ("s1", "direct", a.id),
        ("s2", "according_to", a.id),
    ]
    assert st[0].speaker_name == "Stéphane Dujarric" and st[0].speaker_role == "porte-parole"
    assert (st[0].cue, st[0].cue_start, st[0].cue_end) == ("a déclaré", 108, 117)
    assert st[1].speaker_name is None and st[1].cue is None
    fg = rows(db_url, figures)
    assert [(f.fid, f.low, f.high, f.statement) for f in fg] == [
        ("f1", 130, 140.5, "s2"),
        ("f2", 131, None, "s2"),
    ]
    assert TEXT[fg[0].start : fg[0].end] == fg[0].text


def test_the_same_text_again_is_a_no_op_even_with_other_spacing(db_url: str) -> None:
    with open_store(db_url) as store:
        first = store.add(make_analysis())
        again = store.add(make_analysis())
        respaced = store.add(make_analysis("  " + TEXT.replace(" ", "\u00a0 ", 3) + "\n", id="other"))
        counts = store.counts()
    assert (first.status, again.status, respaced.status) == ("ingested", "present", "present")
    assert again.article_id == first.article_id == respaced.article_id
    assert counts == {"articles": 1, "statements": 2, "figures": 2}


def test_a_changed_text_under_the_same_url_is_a_new_version_and_the_old_one_stays(db_url: str) -> None:
    url = "https://example.org/mossoul"
    with open_store(db_url) as store:
        v1 = store.add(make_analysis(url=url))
        v2 = store.add(make_analysis(TEXT + " Mise à jour : le bilan s'alourdit.", url=url, n_figures=3))
        v3_same = store.add(make_analysis(TEXT + " Mise à jour : le bilan s'alourdit.", url=url))
        other = store.add(make_analysis("Un autre article, une autre adresse.", url="https://example.org/b"))
    assert (v1.version, v2.version, v3_same.status, other.version) == (1, 2, "present", 1)
    got = [(a.url, a.version, a.current) for a in rows(db_url, articles)]
    assert got == [(url, 1, False), (url, 2, True), ("https://example.org/b", 1, True)]
    per_article = [f.article_id for f in rows(db_url, figures)]
    assert per_article.count(v1.article_id) == 2 and per_article.count(v2.article_id) == 3


def test_a_failed_write_leaves_nothing_of_the_article(db_url: str) -> None:
    bad = make_analysis()
    bad.figures.append(bad.figures[0])  # the same figure id twice: the last insert fails
    with open_store(db_url) as store:
        with pytest.raises(StoreError, match="nothing of it was written"):
            store.add(bad)
        assert store.counts() == {"articles": 0, "statements": 0, "figures": 0}
        assert store.add(make_analysis()).status == "ingested"  # the key is free: nothing was kept


# -- the one mapping between an Analysis and rows ------------------------------------------


def full_figure() -> Figure:
    """A figure with every field filled, so that a field a table leaves out shows."""
    values = {
        "id": "f1", "text": "plus de 130 civils", "start": 36, "end": 54, "low": 130, "high": 140.5,
        "qualifier": "range", "statement": "s2",
    }  # fmt: skip
    return Figure(**{f.name: values.get(f.name, f"the {f.name}") for f in dataclasses.fields(Figure)})


def test_every_figure_field_reaches_every_table(db_url: str) -> None:
    """Parquet schema, SQL row, store round trip, corpus query, API model and web view all
    carry each field of Figure: a field one of them left out fails here."""
    from selon.store.queries import figures as figure_records
    from selon.store.rows import FIGURE, figure_row
    from selon.web.api import RECORD_MODELS
    from selon.web.view import figure_row as view_row

    figure = full_figure()
    analysis = dataclasses.replace(make_analysis(), figures=[figure])
    names = [f.name for f in dataclasses.fields(Figure)]
    row = figure_row("mossoul", figure)
    assert {FIGURE.part(n).column for n in names} <= set(row)
    if importlib.util.find_spec("pyarrow"):
        from selon.scale.spark import arrow_schema

        assert [f.name for f in arrow_schema().field("figures").type.value_type] == list(row)
    assert {c.name for c in figures.c} >= set(to_sql(figures, row)) >= {sql_column(figures, c).name for c in row}
    with open_store(db_url) as store:
        stored = store.add(analysis)
        assert store.analysis(stored.article_id) == analysis
        (record,) = figure_records(store)
    assert {("figure" if n == "id" else n): getattr(figure, n) for n in names}.items() <= record.items()
    assert list(RECORD_MODELS[Figure].model_fields) == names
    assert set(names) <= set(view_row(figure))


def test_a_row_column_the_sql_schema_lacks_is_refused_not_dropped() -> None:
    row = {**figure_row_of(full_figure()), "colour": "red"}
    with pytest.raises(KeyError, match="colour"):
        to_sql(figures, row)


def figure_row_of(figure: Figure) -> dict[str, object]:
    from selon.store.rows import figure_row

    return figure_row(1, figure)


def test_rows_give_back_the_analysis_they_came_from() -> None:
    from selon.store.rows import analysis_from_rows, rows

    analysis = dataclasses.replace(make_analysis(), figures=[full_figure()])
    r = rows(analysis)
    assert r["articles"][0]["n_statements"] == 2 and r["errors"] == []
    assert analysis_from_rows(r["articles"][0], r["statements"][::-1], r["figures"]) == analysis


def test_the_tables_are_made_from_the_records_in_their_json_order() -> None:
    from selon.models import field_names
    from selon.store.rows import TABLES

    for record in (Article, Speaker, TextSpan, Statement, Figure):
        assert sorted(field_names(record)) == sorted(f.name for f in dataclasses.fields(record)), record
    assert [c for c, _ in TABLES["figures"]][1:] == [
        {"id": "figure_id", "statement": "statement_id"}.get(n, n) for n in field_names(Figure)
    ]
    # the columns are those docs/spark.md lists
    doc = (Path(__file__).resolve().parents[1] / "docs" / "spark.md").read_text(encoding="utf-8")
    for table, columns in TABLES.items():
        line = next(x for x in doc.splitlines() if x.startswith(f"| `{table}` |"))
        items = (re.match(r"\s*`(\w+)`", item) for item in line.split("|")[2].split(","))
        documented = [m[1] for m in items if m]
        assert documented == [c for c, _ in columns], table


# -- schema versions -----------------------------------------------------------------------


def test_a_new_store_has_the_latest_schema_and_the_query_indexes(db_url: str) -> None:
    with open_store(db_url) as store:
        assert store.version() == SCHEMA_VERSION
        with store.read() as conn:
            versions = [
                r.version for r in conn.execute(sa.text("SELECT version FROM schema_version ORDER BY 1"))
            ]
            indexes = {ix["name"] for ix in sa.inspect(conn).get_indexes("figures")}
    assert versions == list(range(1, SCHEMA_VERSION + 1))
    assert {"ix_figures_outcome_unit", "ix_figures_article"} <= indexes


def test_an_older_store_is_upgraded_and_keeps_its_data(db_url: str) -> None:
    with open_store(db_url, migrate=False) as store:
        assert store.migrate(upto=1) == 1
        store.add(make_analysis())
        with store.read() as conn:
            assert not [ix for ix in sa.inspect(conn).get_indexes("figures") if ix["name"].startswith("ix_")]
    with open_store(db_url) as store:
        assert store.version() == SCHEMA_VERSION == 2
        with store.read() as conn:
            assert "ix_figures_outcome_unit" in {ix["name"] for ix in sa.inspect(conn).get_indexes("figures")}
        assert store.counts() == {"articles": 1, "statements": 2, "figures": 2}


def test_a_store_from_a_newer_selon_is_refused(db_url: str) -> None:
    with open_store(db_url) as store, store.write() as conn:
        conn.execute(sa.text("INSERT INTO schema_version (version, app, applied_at) VALUES (99, 'selon', :t)"),
                     {"t": "2030-01-01 00:00:00"})  # fmt: skip
    with pytest.raises(StoreError, match=r"newer selon \(schema version 99"):
        open_store(db_url)


def test_a_database_that_is_not_selons_is_refused_and_left_alone(db_url: str) -> None:
    engine = sa.create_engine(resolve_url(db_url))
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)"))
    engine.dispose()
    with pytest.raises(StoreError, match="not a selon database.*users"):
        open_store(db_url)
    engine = sa.create_engine(resolve_url(db_url))
    assert sa.inspect(engine).get_table_names() == ["users"]
    engine.dispose()


def test_a_corrupt_sqlite_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not a database\n" * 200)
    with pytest.raises(StoreError, match="corrupt or not a SQLite database"):
        open_store(path)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://root@localhost/news", "unsupported database 'mysql'"),
        ("postgresql://u@127.0.0.1:notaport/x", "not a database URL"),
        ("sqlite://", "in-memory SQLite"),
        ("/no/such/folder/selon.db", "folder /no/such/folder does not exist"),
    ],
)
def test_wrong_urls_are_store_errors(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(url)


def test_a_server_that_refuses_the_connection_is_a_store_error() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StoreError, match="refused the connection") as info:
        open_store(f"postgresql://selon:secret@127.0.0.1:{port}/news")
    assert "secret" not in str(info.value)


def test_a_database_missing_on_the_server_is_a_store_error(pg_server: str) -> None:
    with pytest.raises(StoreError, match="no such database"):
        open_store(f"{pg_server}/does_not_exist")


def test_urls_map_to_one_layer() -> None:
    assert resolve_url("postgresql://u@h:5/d").drivername == "postgresql+psycopg"
    assert resolve_url("postgres://u@h/d").drivername == "postgresql+psycopg"
    assert resolve_url("some/file.db").render_as_string() == "sqlite:///some/file.db"
    assert resolve_url(None).database == "selon.db"


def test_the_default_store_is_selon_db_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store() as store:
        store.add(make_analysis())
    assert (tmp_path / "selon.db").is_file()
    with sqlite3.connect(tmp_path / "selon.db") as raw:
        assert raw.execute("SELECT count(*) FROM figures").fetchone() == (2,)


def test_searches_ignore_case_and_accents_alike_on_every_store(db_url: str) -> None:
    from selon.store import queries

    base = make_analysis()
    article = dataclasses.replace(base.article, outlet="Défense Hebdo")
    figs = [dataclasses.replace(f, source="Préfecture de l'Ÿonne") for f in base.figures]
    with open_store(db_url) as store:
        store.add(dataclasses.replace(base, article=article, figures=figs))
        for outlet in ("defense", "DÉFENSE", "Défense", "dEfEnSe hebdo"):
            assert len(queries.figures(store, outlet=outlet)) == 2, outlet
        for source in ("prefecture", "PRÉFECTURE DE L'YONNE", "yonne"):
            assert len(queries.figures(store, source=source)) == 2, source
        for missing in ("defence", "hébdö x"):
            assert queries.figures(store, outlet=missing) == [], missing
        assert queries.figures(store, source="%") == [] and queries.figures(store, outlet="_") == []
        assert queries.count_figures(store, outlet="defense") == 2
        assert [r["speaker"] for r in queries.speakers(store, source="stephane")] == ["Stéphane Dujarric"]


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    with open_store(path) as store, store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
    raw = sqlite3.connect(path)  # a plain connection sees the mode persisted in the file
    assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    raw.close()


# -- crashes and concurrency, with real processes -----------------------------------------

# A fake analyzer (the database is real): article "art-N" gets 10*k statements and 200*k
# figures, k = N % 5 + 1, so a partial article is visible by its counts.
SCRIPT = textwrap.dedent(
    """
    import json, sys
    from selon.store.loader import ingest
    from selon.models import Analysis, Figure, Speaker, Statement, TextSpan

    class Stub:
        def analyze_many(self, arts):
            for a in arts:
                k = int(a.id.split("-")[1]) % 5 + 1
                stmts = [Statement(f"s{j}", "direct", TextSpan("x", 0, 1), Speaker("il", 0, 2, a.id))
                         for j in range(1, 10 * k + 1)]
                figs = [Figure(f"f{j}", "12 morts", 0, 8, 12, None, "exact", "morts", "killed", a.id)
                        for j in range(1, 200 * k + 1)]
                yield Analysis(a, stmts, figs)

    summary = ingest([sys.argv[1]], sys.argv[2], analyzer=Stub())
    print(json.dumps({"ingested": len(summary.ingested), "present": len(summary.present),
                      "failed": [str(f) for f in summary.failed]}))
    """
)


def write_corpus(path: Path, n: int, *, reverse: bool = False) -> Path:
    order = range(n - 1, -1, -1) if reverse else range(n)
    lines = [
        json.dumps({"id": f"art-{i}", "text": f"Article numéro {i} : un bilan provisoire."}) for i in order
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def start_ingest(tmp_path: Path, corpus: Path, url: str) -> subprocess.Popen[str]:
    script = tmp_path / "ingest_stub.py"
    script.write_text(SCRIPT, encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(script), str(corpus), url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored_counts(url: str) -> dict[str, tuple[int, int, int]]:
    """input_id → (copies, statements, figures), from the database."""
    with open_store(url) as store, store.read() as conn:
        n_st = dict(
            conn.execute(
                sa.select(statements.c.article_id, sa.func.count()).group_by(statements.c.article_id)
            ).all()
        )
        n_fg = dict(
            conn.execute(
                sa.select(figures.c.article_id, sa.func.count()).group_by(figures.c.article_id)
            ).all()
        )
        out: dict[str, tuple[int, int, int]] = {}
        for a in conn.execute(sa.select(articles.c.id, articles.c.input_id)):
            copies = out.get(a.input_id, (0, 0, 0))[0] + 1
            out[a.input_id] = (copies, n_st.get(a.id, 0), n_fg.get(a.id, 0))
        return out


def expected(input_id: str) -> tuple[int, int, int]:
    k = int(input_id.split("-")[1]) % 5 + 1
    return (1, 10 * k, 200 * k)


def test_killing_an_ingest_leaves_only_whole_articles_and_a_rerun_completes_it(
    tmp_path: Path, db_url: str
) -> None:
    n = 150
    corpus = write_corpus(tmp_path / "corpus.jsonl", n)
    open_store(db_url).close()  # schema in place, so that polling does not race the creation
    proc = start_ingest(tmp_path, corpus, db_url)
    deadline = time.monotonic() + 120
    try:
        while len(stored_counts(db_url)) < 10:
            assert proc.poll() is None, f"the ingest ended before it could be killed: {proc.communicate()}"
            assert time.monotonic() < deadline, "the ingest stored nothing in time"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    after_kill = stored_counts(db_url)
    assert 10 <= len(after_kill) < n
    assert {k: v for k, v in after_kill.items() if v != expected(k)} == {}  # no partial article

    rerun = start_ingest(tmp_path, corpus, db_url)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary == {"ingested": n - len(after_kill), "present": len(after_kill), "failed": []}
    final = stored_counts(db_url)
    assert final == {f"art-{i}": expected(f"art-{i}") for i in range(n)}


def test_two_processes_ingesting_into_one_store_both_succeed_and_store_each_article_once(
    tmp_path: Path, db_url: str
) -> None:
    n = 60
    forward = write_corpus(tmp_path / "forward.jsonl", n)
    backward = write_corpus(tmp_path / "backward.jsonl", n, reverse=True)
    procs = [start_ingest(tmp_path, forward, db_url), start_ingest(tmp_path, backward, db_url)]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    assert all(r["failed"] == [] for r in results)
    assert sum(r["ingested"] for r in results) == n
    assert sum(r["present"] for r in results) == n
    assert stored_counts(db_url) == {f"art-{i}": expected(f"art-{i}") for i in range(n)}


def test_sqlite_planner_statistics_follow_the_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long-lived store (the web server) refreshes them every STATS_EVERY new articles; any
    store refreshes them on close when it stored something; a read-only one leaves them."""
    import selon.store.db as store_module

    monkeypatch.setattr(store_module, "STATS_EVERY", 2)
    path = tmp_path / "stats.db"

    def stat_tables() -> set[str]:
        with sqlite3.connect(path) as con:
            if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
                return set()
            return {row[0] for row in con.execute("SELECT tbl FROM sqlite_stat1")}

    store = open_store(path)
    store.add(make_analysis(id="a", text=TEXT + " Un."))
    assert stat_tables() == set()  # one article: not yet
    store.add(make_analysis(id="b", text=TEXT + " Deux."))
    assert {"articles", "figures"} <= stat_tables()  # the second triggers the refresh
    store.close()

    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM sqlite_stat1")
    store = open_store(path)
    store.add(make_analysis(id="c", text=TEXT + " Trois."))
    store.close()  # stored something: refreshed on close
    assert {"articles", "figures"} <= stat_tables()
