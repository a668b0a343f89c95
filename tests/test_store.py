"""The store on real databases: SQLite files and a throwaway PostgreSQL server.

Every test that takes ``db_url`` runs twice, once per backend (see ``conftest_pg.py``).
"""

from __future__ import annotations

import dataclasses
import importlib
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
from selon.models import Analysis, Article, Figure, Period, Place, Speaker, Statement, TextSpan
from selon.store.db import (
    SCHEMA_VERSION,
    Store,
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
        "place": Place("quartier al-Jadida", 70, 88, "al-Jadida", "IQ", "Mosul"),
        "period": Period("2017-02-15", "2017-03-28", "depuis la mi-février"),
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
    assert {c for c, _ in FIGURE.columns} <= set(row) and {"place_text", "period_start"} <= set(row)
    if importlib.util.find_spec("pyarrow"):
        from selon.scale.spark import arrow_schema

        assert [f.name for f in arrow_schema().field("figures").type.value_type] == list(row)
    assert {c.name for c in figures.c} >= set(to_sql(figures, row)) >= {sql_column(figures, c).name for c in row}
    with open_store(db_url) as store:
        stored = store.add(analysis)
        assert store.analysis(stored.article_id) == analysis
        (record,) = figure_records(store)
    renamed = {"figure_id": "figure", "statement_id": "statement"}
    assert {renamed.get(c, c): v for c, v in FIGURE.row(figure).items()}.items() <= record.items()
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

    for record in (Article, Speaker, TextSpan, Statement, Figure, Place, Period):
        assert sorted(field_names(record)) == sorted(f.name for f in dataclasses.fields(record)), record
    held = {"place": Place, "period": Period}  # records a figure holds: flattened, prefixed
    assert [c for c, _ in TABLES["figures"]][1:] == [
        column
        for n in field_names(Figure)
        for column in (
            [f"{n}_{m}" for m in field_names(held[n])] if n in held
            else [{"id": "figure_id", "statement": "statement_id"}.get(n, n)]
        )
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


def add_as_old_selon(store: Store, analysis: Analysis) -> None:
    """Store ``analysis`` as the selon that made the store's schema would have: its statements
    and figures with the columns that schema has (a later version's columns were not there to
    write)."""
    added = store.add(dataclasses.replace(analysis, statements=[], figures=[]))
    from selon.store.rows import figure_row, statement_row

    with store.write() as conn:
        for table, records, row_of in (
            (statements, analysis.statements, statement_row), (figures, analysis.figures, figure_row)
        ):
            have = {c["name"] for c in sa.inspect(conn).get_columns(table.name)}
            rows = [to_sql(table, row_of(added.article_id, r)) for r in records]  # type: ignore[operator]
            if rows:
                conn.execute(table.insert(), [{k: v for k, v in row.items() if k in have} for row in rows])


def test_an_older_store_is_upgraded_and_keeps_its_data(db_url: str) -> None:
    with open_store(db_url, migrate=False) as store:
        assert store.migrate(upto=1) == 1
        add_as_old_selon(store, make_analysis())
        with store.read() as conn:
            assert not [ix for ix in sa.inspect(conn).get_indexes("figures") if ix["name"].startswith("ix_")]
            assert "place_text" not in {c["name"] for c in sa.inspect(conn).get_columns("figures")}
    with open_store(db_url) as store:
        assert store.version() == SCHEMA_VERSION == 5
        with store.read() as conn:
            assert "ix_figures_outcome_unit" in {ix["name"] for ix in sa.inspect(conn).get_indexes("figures")}
            assert {"place_text", "period_end"} <= {c["name"] for c in sa.inspect(conn).get_columns("figures")}
        assert store.counts() == {"articles": 1, "statements": 2, "figures": 2}
        assert store.analysis(1) == make_analysis()  # the old figures read back, without a scope
        scoped = dataclasses.replace(make_analysis(TEXT + " Encore.", id="b"), figures=[full_figure()])
        stored = store.add(scoped)  # the upgraded store keeps a figure's scope
        assert store.analysis(stored.article_id) == scoped


def test_an_older_store_gets_the_source_keys_of_its_rows_and_an_aliases_table(db_url: str) -> None:
    with open_store(db_url, migrate=False) as store:
        assert store.migrate(upto=3) == 3
        old = make_analysis()
        old.figures[1] = dataclasses.replace(old.figures[1], source="l'ONU")
        add_as_old_selon(store, old)
        with store.read() as conn:
            assert "source_key" not in {c["name"] for c in sa.inspect(conn).get_columns("figures")}
            assert "aliases" not in sa.inspect(conn).get_table_names()
    with open_store(db_url) as store:
        assert store.version() == SCHEMA_VERSION
        with store.read() as conn:
            keys = conn.execute(sa.select(figures.c.source, figures.c.source_key).order_by(figures.c.id)).all()
            speakers = conn.execute(
                sa.select(statements.c.speaker_name, statements.c.speaker_key).order_by(statements.c.id)
            ).all()
            assert "aliases" in sa.inspect(conn).get_table_names()
        assert [tuple(k) for k in keys] == [("Nawfal Hammadi", "nawfal hammadi"), ("l'ONU", "onu")]
        assert [tuple(k) for k in speakers] == [("Stéphane Dujarric", "stephane dujarric"), (None, None)]
        assert store.analysis(1) == old  # the keys are the store's: the analysis reads back as it was


def grouping_analyses() -> list[Analysis]:
    """Three articles whose figures differ in what compare groups them on: a place by city,
    by country or by its words only; a period, an open period, none (the publication days);
    units of one family; and an article without a date."""
    paris = Place("à Paris", 10, 17, "Paris", "FR", "Paris")
    france = Place("en France", 10, 19, "France", "FR", None)
    words = Place("dans le quartier Nord", 10, 31, None, None, None)
    out = []
    for n, (published, places, periods) in enumerate(
        [
            ("2019-01-12", [paris, france, None], [Period("2019-01-12", "2019-01-12", "samedi"), None, None]),
            ("2019-01-13", [paris, words, paris], [None, Period(None, "2019-01-10", "jusqu'au 10"), None]),
            (None, [None, paris, words], [None, None, Period("2019-01-05", None, "depuis le 5")]),
        ]
    ):
        base = make_analysis(TEXT + f" ({n})", id=f"g{n}", n_figures=3)
        base = dataclasses.replace(base, article=dataclasses.replace(base.article, published=published))
        units = ["manifestants", "personnes", "gilets jaunes"]
        sources = ["la préfecture", "Préfecture", "l'ONU"]
        base.figures[:] = [
            dataclasses.replace(f, unit=units[i], outcome="participating", place=places[i], period=periods[i],
                                source=sources[(i + n) % 3], low=1000 * (n + 1) + i, high=None, qualifier="exact")
            for i, f in enumerate(base.figures)
        ]  # fmt: skip
        out.append(base)
    return out


#: What compare groups the figures of :func:`grouping_analyses` on, in the store's order:
#: (unit_family, place_key, day_first, day_last).
GROUPED_ON = [
    ("personnes", "Paris", "2019-01-12", "2019-01-12"),  # its period
    ("personnes", "FR", "2019-01-11", "2019-01-12"),  # a country; the day before publication and that day
    ("personnes", None, "2019-01-11", "2019-01-12"),
    ("personnes", "Paris", "2019-01-12", "2019-01-13"),
    ("personnes", "dans le quartier nord", "2019-01-10", "2019-01-10"),  # an open period: its one bound
    ("personnes", "Paris", "2019-01-12", "2019-01-13"),
    ("personnes", None, None, None),  # no period, no publication date: no days
    ("personnes", "Paris", None, None),
    ("personnes", "dans le quartier nord", "2019-01-05", "2019-01-05"),
]


def grouped_on(url: str) -> list[tuple[object, ...]]:
    with open_store(url) as store, store.read() as conn:
        columns = (figures.c.unit_family, figures.c.place_key, figures.c.day_first, figures.c.day_last)
        return [tuple(r) for r in conn.execute(sa.select(*columns).order_by(figures.c.id))]


def test_figures_are_stored_with_what_compare_groups_them_on(db_url: str) -> None:
    with open_store(db_url) as store:
        for a in grouping_analyses():
            store.add(a)
    assert grouped_on(db_url) == GROUPED_ON


def test_an_older_store_gets_what_compare_groups_on_and_compares_as_a_new_one(db_url: str, tmp_path: Path) -> None:
    from selon.store.keys import source_key
    from selon.store.queries import compare
    from selon.store.sources import add_alias

    with open_store(db_url, migrate=False) as store:
        assert store.migrate(upto=4) == 4
        for a in grouping_analyses():
            add_as_old_selon(store, a)
        with store.write() as conn:  # as version 4 stored them, with their source keys
            names = conn.execute(sa.select(figures.c.source).distinct()).scalars().all()
            for name in names:
                conn.execute(figures.update().where(figures.c.source == name).values(source_key=source_key(name)))
        with store.read() as conn:
            assert "day_first" not in {c["name"] for c in sa.inspect(conn).get_columns("figures")}
    with open_store(db_url) as store:
        assert store.version() == SCHEMA_VERSION == 5
        with store.read() as conn:
            assert "ix_figures_group" in {ix["name"] for ix in sa.inspect(conn).get_indexes("figures")}
    assert grouped_on(db_url) == GROUPED_ON
    fresh = tmp_path / "fresh.db"
    with open_store(fresh) as store:
        for a in grouping_analyses():
            store.add(a)
    for url in (db_url, fresh):
        add_alias(url, "ONU", "Organisation des Nations unies")
    for by in (("outcome", "unit", "place", "period"), ("unit", "period"), ("place",), ("period",), ()):
        assert compare(db_url, by=by) == compare(fresh, by=by), by
    assert [(r["place"], r["period"], r["figures"]) for r in compare(db_url)] == [
        ("Paris", "2019-01-12 – 2019-01-13", 3),  # a march in Paris reported on two days: one row
        ("Paris", None, 1),  # no days: a row of its own, after the group's dated rows
        ("France", "2019-01-11 – 2019-01-12", 1),
        (None, "2019-01-11 – 2019-01-12", 1),
        (None, None, 1),
        ("dans le quartier Nord", "2019-01-05", 1),  # days that do not overlap: two rows, earliest first
        ("dans le quartier Nord", "2019-01-10", 1),
    ]


def test_the_queries_filter_figures_by_place_and_period(db_url: str) -> None:
    from selon.store.queries import Filters, compare, count_figures, figures

    with open_store(db_url) as store:
        for a in grouping_analyses():
            store.add(a)

    def found(**filters: object) -> list[str]:  # sorted: SQLite and PostgreSQL put a missing date apart
        return sorted(f"{r['article']}#{r['figure']}" for r in figures(db_url, **filters))

    # a part of the place's name, words, city or country, in any case, with or without accents
    assert found(place="PARIS") == ["g0#f1", "g1#f1", "g1#f3", "g2#f2"]
    assert found(place="fr") == ["g0#f1", "g0#f2", "g1#f1", "g1#f3", "g2#f2"]  # a country
    assert found(place="quartier NORD") == ["g1#f2", "g2#f3"]  # its words
    # the figures whose days overlap the period: a day, a month, a year
    assert found(period="2019-01-12") == ["g0#f1", "g0#f2", "g0#f3", "g1#f1", "g1#f3"]
    assert found(period="2019-01-10") == ["g1#f2"]  # an open period: its one bound
    assert len(found(period="2019-01")) == len(found(period="2019")) == 7  # not the two without days
    assert found(period="2019-02") == []
    assert found(place="paris", period="2019-01-13") == ["g1#f1", "g1#f3"]
    # in the query: pages and counts agree with the filters
    assert count_figures(db_url, period="2019-01") == 7 and len(found(period="2019-01", limit=5, offset=5)) == 2
    assert count_figures(db_url, Filters(place="nord")) == 2
    assert {r["place"] for r in compare(db_url, place="paris")} == {"Paris"}
    with pytest.raises(ValueError, match="period must be a year, a month or a day"):
        Filters(period="mars")


def test_compare_in_a_given_language_groups_units_by_that_pack(db_url: str) -> None:
    from selon.store.queries import compare

    with open_store(db_url) as store:
        for a in grouping_analyses():
            store.add(a)
    for by in (("outcome", "unit", "place", "period"), ("unit",)):
        assert compare(db_url, by=by, lang="fr") == compare(db_url, by=by)


def test_new_rows_are_stored_with_their_source_keys(db_url: str) -> None:
    with open_store(db_url) as store:
        store.add(make_analysis())
        with store.read() as conn:
            assert set(conn.execute(sa.select(figures.c.source_key)).scalars()) == {"nawfal hammadi"}
            assert set(conn.execute(sa.select(statements.c.speaker_key)).scalars()) == {"stephane dujarric", None}


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (["ONU", "Onu", "l'ONU", "L’Onu", "l’onu", "O.N.U.", "  ONU "], "onu"),
        (["la Croix-Rouge", "Croix Rouge", "la croix-rouge", "LA CROIX-ROUGE"], "croix rouge"),
        (["Elio Di Rupo", "elio di rupo", "Élio Di Rupo"], "elio di rupo"),
        (["la Défense", "Défense", "defense"], "defense"),
        (["Łódź"], "lodz"),
    ],
)
def test_a_source_key_folds_case_accents_determiners_and_punctuation(names: list[str], key: str) -> None:
    from selon.store.keys import source_key

    assert {source_key(n) for n in names} == {key}


def test_a_source_key_keeps_what_is_not_a_leading_determiner() -> None:
    from selon.store.keys import source_key

    assert source_key("le gouverneur de la province") == "gouverneur de la province"  # only the first
    assert source_key("Le") == "le"  # a determiner alone is a name, not nothing
    assert source_key("Lille") == "lille" and source_key("Laval") == "laval"  # no elision without '
    assert source_key("…") is None and source_key(None) is None


def test_aliases_are_kept_listed_and_removed_with_clear_errors(db_url: str) -> None:
    from selon.errors import InputError, NotFoundError
    from selon.store.sources import Alias, add_alias, list_aliases, remove_alias

    long = "Organisation internationale pour les migrations"
    with open_store(db_url):
        pass
    assert add_alias(db_url, " OIM ", long) == Alias("OIM", long)
    assert list_aliases(db_url) == [Alias("OIM", long)]
    with pytest.raises(InputError, match="'OIM' is already an alias of 'Organisation internationale"):
        add_alias(db_url, "l'OIM", "Office international des migrations")  # the same alias, another spelling
    with pytest.raises(InputError, match="'OIM' is itself an alias of 'Organisation"):
        add_alias(db_url, "IOM", "OIM")
    with pytest.raises(InputError, match="is the target of the aliases 'OIM'"):
        add_alias(db_url, "l'Organisation internationale pour les migrations", "ONU")
    with pytest.raises(InputError, match="already one source"):
        add_alias(db_url, "l'ONU", "Onu")
    with pytest.raises(InputError, match="has no letters or digits"):
        add_alias(db_url, "…", "ONU")
    with pytest.raises(NotFoundError, match="there is no alias 'HCR'.*selon aliases list"):
        remove_alias(db_url, "HCR")
    assert remove_alias(db_url, "oim") == Alias("OIM", long)  # any spelling of the alias
    assert list_aliases(db_url) == []


def test_aliases_need_an_existing_store(tmp_path: Path) -> None:
    from selon.store.sources import add_alias, list_aliases

    for call in (lambda: add_alias(tmp_path / "none.db", "OIM", "Organisation"), lambda: list_aliases(tmp_path / "none.db")):
        with pytest.raises(StoreError, match="there is no store at"):
            call()
    assert not (tmp_path / "none.db").exists()


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


# -- issue 11: one bad article never costs another ---------------------------------------------
class _FailingFirst:
    """Analyses every article but the ones whose id is in ``fail`` (a Failure, as an analyzer
    reports one); counts what it was asked to analyse."""

    def __init__(self, fail: set[str], speaker_name: dict[str, str] | None = None) -> None:
        self.fail = fail
        self.speaker_name = speaker_name or {}
        self.asked: list[str] = []

    def analyze_many(self, arts):  # type: ignore[no-untyped-def]
        from selon.pipeline.analyzer import Failure

        for a in arts:
            self.asked.append(a.id)
            if a.id in self.fail:
                yield Failure(a.id, None, "the analysis failed")
                continue
            name = self.speaker_name.get(a.id, "Marc Durand")
            stmt = Statement("s1", "direct", TextSpan(a.text[:5], 0, 5), Speaker(a.text[:2], 0, 2, name))
            yield Analysis(a, [stmt], [])


def test_a_failed_analysis_does_not_mark_its_text_as_seen(db_url: str, tmp_path: Path) -> None:
    from selon.store.loader import ingest

    corpus = tmp_path / "dup.jsonl"
    corpus.write_text(
        "\n".join(json.dumps({"id": i, "text": TEXT}) for i in ("first", "second", "third")) + "\n",
        encoding="utf-8",
    )
    stub = _FailingFirst({"first"})
    summary = ingest([corpus], db_url, analyzer=stub)
    assert (len(summary.ingested), len(summary.present), len(summary.failed)) == (1, 1, 1), summary
    assert summary.ingested == [f"{corpus}:2"] and summary.present == [f"{corpus}:3"]
    assert stub.asked == ["first", "second"]  # the third copy waited for the second's result
    with open_store(db_url) as store:
        assert store.counts()["articles"] == 1
    # a run where every copy fails stores nothing and marks nothing: a re-run stores it
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "x", "text": TEXT + " Bis."}) + "\n", encoding="utf-8")
    assert len(ingest([other], db_url, analyzer=_FailingFirst({"x"})).failed) == 1
    assert len(ingest([other], db_url, analyzer=_FailingFirst(set())).ingested) == 1


def test_the_same_text_twice_the_first_refused_for_its_language_is_stored_once(db_url: str, tmp_path: Path) -> None:
    """The issue's reproduction: a JSONL with one text twice, the first line declaring a language
    selon has no pack for (it was "en" before selon read English)."""
    from selon.store.loader import ingest

    corpus = tmp_path / "twice.jsonl"
    corpus.write_text(
        json.dumps({"id": "de", "text": TEXT, "lang": "de"}) + "\n" + json.dumps({"id": "fr", "text": TEXT}) + "\n",
        encoding="utf-8",
    )
    for run in range(2):
        summary = ingest([corpus], db_url, analyzer=_FailingFirst(set()))
        assert [f.source for f in summary.failed] == [f"{corpus}:1"]
        assert (summary.ingested, summary.present) == (([f"{corpus}:2"], []) if run == 0 else ([], [f"{corpus}:2"]))


def test_an_article_the_store_refuses_is_its_failure_and_the_batch_goes_on(db_url: str, tmp_path: Path) -> None:
    from selon.store.loader import ingest

    corpus = tmp_path / "three.jsonl"
    corpus.write_text(
        "\n".join(json.dumps({"id": f"a{k}", "text": f"{TEXT} ({k})"}) for k in range(3)) + "\n", encoding="utf-8"
    )
    # a value the analysis produced that PostgreSQL cannot hold (SQLite can)
    stub = _FailingFirst(set(), speaker_name={"a1": "Marc\x00Durand"})
    summary = ingest([corpus], db_url, analyzer=stub)
    if db_url.startswith("postgresql"):
        assert summary.ingested == [f"{corpus}:1", f"{corpus}:3"], summary
        (failure,) = summary.failed
        assert failure.source == f"{corpus}:2" and "nothing of it was written" in failure.message
    else:
        assert len(summary.ingested) == 3
    with open_store(db_url) as store:
        assert store.counts()["articles"] == len(summary.ingested)


def test_a_nul_character_is_the_articles_failure_on_every_store(db_url: str, tmp_path: Path) -> None:
    from selon.store.loader import ingest

    corpus = tmp_path / "nul.jsonl"
    texts = [TEXT, TEXT.replace("Mossoul.", "Mossoul.\x00"), TEXT + " Encore."]
    corpus.write_text("\n".join(json.dumps({"id": f"n{k}", "text": t}) for k, t in enumerate(texts)) + "\n")
    summary = ingest([corpus], db_url, analyzer=_FailingFirst(set()))
    assert summary.ingested == [f"{corpus}:1", f"{corpus}:3"], summary
    (failure,) = summary.failed
    assert failure.source == f"{corpus}:2" and "NUL character" in failure.message


# -- issue 11: reading a store never writes it ----------------------------------------------------
@pytest.mark.parametrize("command", ["figures", "compare", "speakers"])
def test_read_commands_on_a_missing_store_error_out_and_never_create_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    from cli_helpers import run_cli

    missing = tmp_path / "missing.db"
    code, out, err = run_cli(capsys, command, "--db", str(missing))
    assert code == 2 and out == ""
    assert len(err) == 1 and "there is no store at" in err[0] and str(missing) in err[0], err
    assert not missing.exists() and list(tmp_path.iterdir()) == []


def test_a_read_on_an_empty_database_does_not_make_it_a_store(pg_database: str) -> None:
    from selon.store.queries import figures as query_figures

    with pytest.raises(StoreError, match="holds no selon store yet"):
        query_figures(pg_database)
    with open_store(pg_database, migrate=False) as store:
        assert store.version() == 0


_SELON_SRC = str(Path(importlib.import_module("selon").__file__ or "").resolve().parents[1])


def _python_for(user: str) -> list[str] | None:
    """A command that runs this Python's selon as ``user`` (root only), or None."""
    import shutil
    import sysconfig

    runuser = shutil.which("runuser")
    system = shutil.which(f"python{sys.version_info.major}.{sys.version_info.minor}", path="/usr/bin:/bin")
    if not (runuser and system):
        return None
    site = sysconfig.get_paths()["purelib"]
    return [runuser, "-u", user, "--", "env", f"PYTHONPATH={_SELON_SRC}:{site}", system]


def test_a_store_the_user_may_not_write_can_be_read(tmp_path: Path) -> None:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="selon-ro-"))
    try:
        db = folder / "store.db"
        with open_store(db) as store:
            store.add(make_analysis())
        db.chmod(0o444)
        folder.chmod(0o555)  # not even the WAL's side files can be created
        run = [sys.executable]
        if os.geteuid() == 0:  # root writes anything: read as another user
            as_user = _python_for("postgres")
            if as_user is None:
                pytest.skip("running as root without runuser or a system Python to read as another user")
            run = as_user
        code = "from selon.cli.registry import main; import sys; sys.exit(main(sys.argv[1:]))"
        done = subprocess.run(
            [*run, "-c", code, "figures", "--db", str(db), "--format", "json"],
            capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": _SELON_SRC},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert [f["figure"] for f in json.loads(done.stdout)] == ["f1", "f2"]
        # aliases: list reads such a store; add needs to write it, and says so
        listed = subprocess.run([*run, "-c", code, "aliases", "list", "--db", str(db)],
                                capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": _SELON_SRC})  # fmt: skip
        assert (listed.returncode, listed.stdout.strip()) == (0, "(no aliases)"), listed.stderr
        added = subprocess.run([*run, "-c", code, "aliases", "add", "OIM", "Organisation", "--db", str(db)],
                               capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": _SELON_SRC})  # fmt: skip
        assert added.returncode == 2 and "is read-only here; `selon aliases add` writes the store" in added.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["store.db"]
    finally:
        folder.chmod(0o755)
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()


def test_names_join_by_alias_first_then_by_family_name() -> None:
    from selon.store.sources import join_sources

    names = [("elio di rupo", "Elio Di Rupo", 1), ("di rupo", "Di Rupo", 3), ("rupo", "Rupo", 1), ("x", "X", 2)]
    chain = join_sources(names, {})
    assert [chain.of(k) for k in ("rupo", "di rupo", "elio di rupo", "x")] == ["elio di rupo"] * 3 + ["x"]
    assert chain.name("elio di rupo") == "Elio Di Rupo"  # the longer name's spelling, though rarer
    # an alias's target stays the source it names, even when it ends a longer name
    kept = join_sources(names, {"x": "Di Rupo"})
    assert (kept.of("x"), kept.of("di rupo"), kept.name("di rupo")) == ("di rupo", "di rupo", "Di Rupo")
    assert kept.keys_matching("X") == ["di rupo", "x"]  # a filter on the alias finds its source
