"""Issue 13: a run reads every language selon has a pack for. Each article's language is the
forced one, else the declared one, else the detected one, else the default (fr); each goes to
its language's analyzer, loaded on first use, once per run (a French-only batch never loads
the English model); consecutive articles of one language go through ``nlp.pipe`` together and
results keep the input order.

The stub analyzers here need no model; the tests marked ``model`` run the real pipelines on
articles written for the tests (``tests/texts.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from cli_helpers import run_cli
from selon.ingest.readers import Loaded
from selon.models import Analysis, Article, Figure, Period, Place
from selon.pipeline import batch
from selon.pipeline.analyzer import Analyzer, Failure
from selon.pipeline.routing import Router
from texts import ENGLISH, ENGLISH_DEATHS, FRENCH, FRENCH_DEATHS, GERMAN


class _Stub:
    """An analyzer of one language that records the groups it is given."""

    def __init__(self, lang: str, calls: list[tuple[str, list[str]]]) -> None:
        self.lang = lang
        self.calls = calls

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis | Failure]:
        group = list(articles)
        self.calls.append((self.lang, [a.id for a in group]))
        for a in group:
            assert a.language == self.lang, (a.id, a.language, self.lang)
            yield Analysis(article=a)


class _Loads(list[str]):
    """The languages whose analyzer a batch loaded, in order; ``calls`` the groups each got."""

    calls: list[tuple[str, list[str]]]


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> _Loads:
    """What a batch loads through the ``batch.make_analyzer`` seam (stub analyzers)."""
    made = _Loads()
    made.calls = []

    def make(lang: str, batch_size: int) -> _Stub:
        made.append(lang)
        return _Stub(lang, made.calls)

    monkeypatch.setattr(batch, "make_analyzer", make)
    return made


def _records(*items: tuple[str, str, str | None]) -> list[Loaded]:
    return [Loaded(Article(id=i, text=t, language=lang), f"{i}.json") for i, t, lang in items]


def test_each_article_goes_to_its_languages_analyzer_in_input_order(loads: _Loads) -> None:
    records = _records(
        ("f1", FRENCH, None), ("f2", FRENCH, "fr"), ("e1", ENGLISH, None), ("g", GERMAN, None),
        ("e2", FRENCH, "en"), ("f3", FRENCH, None),
    )
    results = list(batch.run_batch(records, batch_size=16))
    assert [r.article.id if isinstance(r, Analysis) else r.source for r in results] == [
        "f1", "f2", "e1", "g.json", "e2", "f3"
    ]
    assert [r.article.language for r in results if isinstance(r, Analysis)] == ["fr", "fr", "en", "en", "fr"]
    assert isinstance(results[3], Failure) and "German" in results[3].message
    assert loads == ["fr", "en"]  # once a language, in the order met
    # consecutive articles of one language are one group (the refused one breaks no group)
    assert loads.calls == [("fr", ["f1", "f2"]), ("en", ["e1", "e2"]), ("fr", ["f3"])]


def test_a_batch_in_one_language_never_loads_the_other_model(loads: _Loads) -> None:
    list(batch.run_batch(_records(("a", FRENCH, None), ("b", FRENCH, "fr"))))
    assert loads == ["fr"]
    loads.clear()
    list(batch.run_batch(_records(("a", ENGLISH, None), ("b", FRENCH, "en"))))
    assert loads == ["en"]


def test_a_forced_language_reads_every_article_in_it(loads: _Loads) -> None:
    results = list(batch.run_batch(_records(("a", FRENCH, None), ("b", GERMAN, "fr")), lang="en"))
    assert [r.article.language for r in results if isinstance(r, Analysis)] == ["en", "en"]
    assert loads == ["en"]


def test_a_short_undeclared_text_is_read_in_the_default_language(loads: _Loads) -> None:
    (result,) = batch.run_batch(_records(("a", "Breaking news tonight", None)))
    assert isinstance(result, Analysis) and result.article.language == "fr"


def test_a_router_keeps_the_analyzers_it_is_given_and_loads_the_others_once() -> None:
    calls: list[tuple[str, list[str]]] = []
    made: list[str] = []

    def make(lang: str) -> Analyzer:
        made.append(lang)
        return _Stub(lang, calls)  # type: ignore[return-value]

    router = Router(make=make, analyzers=[_Stub("fr", calls)])  # type: ignore[list-item]
    articles = [Article(id="a", text=FRENCH), Article(id="b", text=ENGLISH), Article(id="c", text=ENGLISH)]
    assert [r.article.language for r in router.analyze_many(articles)] == ["fr", "en", "en"]  # type: ignore[union-attr]
    list(router.analyze_many([Article(id="d", text=ENGLISH)]))
    assert made == ["en"] and router.loaded == ("fr", "en")


@pytest.mark.model
def test_an_analyzer_of_one_language_refuses_an_article_in_another(cli_analyzer: Analyzer) -> None:
    (result,) = cli_analyzer.analyze_many([Article(id="e", text=ENGLISH)])
    assert isinstance(result, Failure)
    assert "the article is in 'en' and this analyzer reads 'fr'" in result.message


# -- through the command line, with the real pipelines ---------------------------------------------


@pytest.fixture
def mixed(tmp_path: Path) -> list[Path]:
    """A French article (.txt, detected) and an English one (.json, declared)."""
    fr = tmp_path / "effondrement-fr.txt"
    fr.write_text(FRENCH_DEATHS, encoding="utf-8")
    en = tmp_path / "collapse-en.json"
    en.write_text(json.dumps({"id": "collapse-en", "text": ENGLISH_DEATHS, "lang": "en"}), encoding="utf-8")
    return [fr, en]


@pytest.mark.model
def test_selon_analyze_reads_a_mixed_batch_each_in_its_language(
    mixed: list[Path], capsys: pytest.CaptureFixture[str], cli_analyzer: Analyzer
) -> None:
    code, out, err = run_cli(capsys, "analyze", *map(str, mixed), "--format", "jsonl")
    assert code == 0 and err == [], err
    got = [json.loads(line)["article"] for line in out.splitlines()]
    assert [(a["id"], a["language"]) for a in got] == [("effondrement-fr", "fr"), ("collapse-en", "en")]


@pytest.mark.model
def test_selon_analyze_lang_en_forces_english(
    mixed: list[Path], capsys: pytest.CaptureFixture[str], cli_analyzer: Analyzer
) -> None:
    code, out, err = run_cli(capsys, "analyze", str(mixed[0]), "--format", "jsonl", "--lang", "en")
    assert code == 0 and err == [], err
    assert json.loads(out)["article"]["language"] == "en"


@pytest.mark.model
def test_selon_ingest_stores_a_mixed_batch_each_with_its_language(
    mixed: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_analyzer: Analyzer
) -> None:
    import sqlalchemy as sa

    from selon.store.db import articles, open_store

    db = tmp_path / "mixed.db"
    code, _, err = run_cli(capsys, "ingest", *map(str, mixed), "--db", str(db))
    assert code == 0, err
    with open_store(str(db)) as store, store.read() as conn:
        stored = dict(conn.execute(sa.select(articles.c.input_id, articles.c.language)).all())
    assert stored == {"effondrement-fr": "fr", "collapse-en": "en"}


# -- compare: outcomes are shared codes ----------------------------------------------------------


class _Deaths:
    """A stub analyzer of one language: the article's first figure is a count of people killed
    in Marseille on 2024-05-04, in the language's words, sourced as the article says."""

    WORDS = {"fr": ("12 personnes", "personnes", "la préfecture"), "en": ("Twelve people", "people", "the local authorities")}

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        text, unit, source = self.WORDS[self.lang]
        for a in articles:
            start = a.text.index(text)
            at = a.text.index("Marseille")
            figure = Figure(
                "f1", text, start, start + len(text), 12, 12, "exact", unit=unit, outcome="killed", source=source,
                place=Place("Marseille", at, at + 9, "Marseille", "FR", "Marseille"),
                period=Period("2024-05-04", "2024-05-04", "samedi" if self.lang == "fr" else "Saturday"),
            )
            yield Analysis(article=a, figures=[figure])


def test_compare_puts_an_english_and_a_french_count_of_one_outcome_on_one_row(
    mixed: list[Path], tmp_path: Path
) -> None:
    from selon.store import queries
    from selon.store.loader import ingest

    db = str(tmp_path / "compare.db")
    router = Router(make=_Deaths)  # type: ignore[arg-type]
    summary = ingest(mixed, db, analyzer=router)
    assert len(summary.ingested) == 2 and router.loaded == ("fr", "en"), summary
    rows = list(queries.compare(db, by=("outcome", "place", "period")))
    assert len(rows) == 1, rows
    (row,) = rows
    assert row["outcome"] == "killed" and row["sources"] == 2 and row["figures"] == 2
    assert (row["la préfecture"], row["the local authorities"], row["spread"]) == ("12", "12", 1.0)


def test_compare_by_every_key_joins_english_people_and_french_personnes(mixed: list[Path], tmp_path: Path) -> None:
    from selon.store import queries
    from selon.store.loader import ingest

    db = str(tmp_path / "compare.db")
    ingest(mixed, db, analyzer=Router(make=_Deaths))  # type: ignore[arg-type]
    assert len(list(queries.compare(db))) == 1


@pytest.mark.model
def test_the_web_ingest_api_stores_a_mixed_batch_each_in_its_language(tmp_path: Path, cli_analyzer: Analyzer) -> None:
    from fastapi.testclient import TestClient

    from selon.web import create_app

    router = Router(analyzers=[cli_analyzer])  # English loaded on the analysis thread when met
    db = str(tmp_path / "web.db")
    body = {"articles": [{"id": "fr", "text": FRENCH_DEATHS}, {"id": "en", "text": ENGLISH_DEATHS}]}
    with TestClient(create_app(db_url=db, analyzer=router, allow_ingest=True, token="t")) as c:
        r = c.post("/api/ingest", json=body, headers={"Authorization": "Bearer t"})
        assert r.status_code == 200, r.text
        assert [e["id"] for e in r.json()["ingested"]] == ["fr", "en"] and r.json()["failed"] == []
        stored = {c.get(f"/api/articles/{e['store_id']}").json()["article"]["language"] for e in r.json()["ingested"]}
        answer = c.post("/api/analyze", json={"text": ENGLISH, "id": "one"}).json()
    assert stored == {"fr", "en"} and answer["article"]["language"] == "en"
    assert router.loaded == ("fr", "en")


@pytest.mark.model
def test_parallel_workers_read_each_article_in_its_language() -> None:
    from selon.pipeline.routing import analyze_parallel

    articles = [Article(id="fr", text=FRENCH_DEATHS), Article(id="en", text=ENGLISH_DEATHS),
                Article(id="de", text=GERMAN)]
    results = list(analyze_parallel(articles, workers=2, batch_size=1))
    assert [r.article.language if isinstance(r, Analysis) else r.article_id for r in results] == ["fr", "en", "de"]
    assert isinstance(results[2], Failure) and "German" in results[2].message


def test_the_articles_page_marks_each_article_with_its_own_language(mixed: list[Path], tmp_path: Path) -> None:
    """Screen readers and spell-checkers read a title and snippet in the article's language,
    not the server's default one, in a store holding both."""
    import re

    from fastapi.testclient import TestClient

    from selon.store.loader import ingest
    from selon.web import create_app

    db = str(tmp_path / "pages.db")
    ingest(mixed, db, analyzer=Router(make=_Deaths))  # type: ignore[arg-type]
    with TestClient(create_app(db_url=db, analyzer=Router(make=_Deaths))) as c:  # type: ignore[arg-type]
        html = c.get("/articles").text
        listed = c.get("/api/articles").json()["articles"]
    langs = dict(re.findall(r'<p class="snippet" lang="(\w+)">([^<]{0,12})', html))
    assert set(langs) == {"fr", "en"}, langs
    assert langs["en"].startswith(ENGLISH_DEATHS[:12]) and langs["fr"].startswith(FRENCH_DEATHS[:12])
    assert {a["input_id"]: a["language"] for a in listed} == {"effondrement-fr": "fr", "collapse-en": "en"}
