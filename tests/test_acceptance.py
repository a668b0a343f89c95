"""One acceptance policy, four ways in: ``selon analyze`` (the batch), ``selon ingest``
(corpus ingest into a temporary SQLite store), the web API (through FastAPI's TestClient) and
Spark (the record function its ``mapInArrow`` runs, called directly: no Spark session) refuse
the same inputs with the same reason, and accept a good French article and a good English one
(each read in its language: issue 13).

Every bad input is a JSON object, the one form all four read: a ``.json`` file for
``analyze`` and ``ingest``, the request body for the web, an input row for Spark.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from selon.ingest.readers import read_inputs
from selon.pipeline import batch
from selon.pipeline.analyzer import Analyzer, Failure
from selon.pipeline.routing import Router
from selon.scale.spark import analyze_records
from selon.store.loader import ingest
from selon.web import create_app
from texts import ENGLISH, FRENCH, GERMAN, SPANISH

pytestmark = pytest.mark.model
pytest_plugins = ["conftest_pg"]

NO_TEXT = "the article has no text (empty or only whitespace)"

# name: (the input, what its reason says)
BAD: dict[str, tuple[dict[str, Any], str]] = {
    "empty text": ({"id": "a", "text": ""}, NO_TEXT),
    "blank text": ({"id": "a", "text": "  \n\t \u00a0\n"}, NO_TEXT),
    "German text": ({"id": "a", "text": GERMAN}, "the text looks German"),
    "Spanish text": ({"id": "a", "text": SPANISH}, "the text looks Spanish"),
    "declared language without a pack": (
        {"id": "a", "text": FRENCH, "lang": "de"},
        "the article declares language 'de' and selon has no language pack for 'de'",
    ),
    "declared language in capitals": (
        {"id": "a", "text": FRENCH, "lang": "ES"},
        "the article declares language 'es' and selon has no language pack for 'es'",
    ),
    "impossible date": (
        {"id": "a", "text": FRENCH, "published": "2017-02-30"},
        "published '2017-02-30' is not a date (expected YYYY-MM-DD)",
    ),
    "NUL character in the text": (
        {"id": "a", "text": FRENCH.replace("Lyon", "Lyon\x00")},
        "the article's text holds a NUL character (U+0000)",
    ),
    "month 13": (
        {"id": "a", "text": FRENCH, "published": "2017-13-01"},
        "published '2017-13-01' is not a date (expected YYYY-MM-DD)",
    ),
}

#: One way in: (the input, a forced language or None) -> the reason it was refused, or None.
WayIn = Callable[[dict[str, Any], "str | None"], "str | None"]


@pytest.fixture(scope="module")
def router(cli_analyzer: Analyzer) -> Router:
    """What every way in reads with: each language's analyzer (the module's shared ones)."""
    return batch.make_router()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, router: Router) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("web") / "store.db"
    with TestClient(create_app(db_url=str(db), analyzer=router)) as c:
        yield c


@pytest.fixture
def ways_in(tmp_path: Path, router: Router, client: TestClient) -> dict[str, WayIn]:
    """The four entry points, each fed one article and answering with its refusal, if any."""
    stores = iter(range(1_000))

    def as_file(obj: dict[str, Any]) -> Path:
        path = tmp_path / f"{obj['id']}.json"
        path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
        return path

    def analyze(obj: dict[str, Any], lang: str | None) -> str | None:
        (result,) = batch.run_batch(read_inputs([str(as_file(obj))]), lang=lang)
        return result.message if isinstance(result, Failure) else None

    def ingest_(obj: dict[str, Any], lang: str | None) -> str | None:
        db = tmp_path / f"store-{next(stores)}.db"
        summary = ingest([as_file(obj)], str(db), analyzer=router, lang=lang)
        assert summary.total == 1, summary
        return summary.failed[0].message if summary.failed else None

    def web(obj: dict[str, Any], lang: str | None) -> str | None:
        body = {**obj, "lang": lang} if lang else obj
        r = client.post("/api/analyze", json=body)
        if r.status_code == 200:
            return None
        assert r.status_code == 422, r.text
        message: str = r.json()["message"]
        return message

    def spark(obj: dict[str, Any], lang: str | None) -> str | None:
        (row,) = analyze_records([obj], lang=lang, analyzer=router)
        return None if row["error"] is None else str(row["error"]["reason"])

    return {"analyze": analyze, "ingest": ingest_, "web": web, "spark": spark}


@pytest.mark.parametrize("case", list(BAD))
def test_every_way_in_refuses_with_the_same_reason(ways_in: dict[str, WayIn], case: str) -> None:
    obj, says = BAD[case]
    reasons = {name: way(obj, None) for name, way in ways_in.items()}
    assert reasons["analyze"] is not None and says in reasons["analyze"], reasons
    assert set(reasons.values()) == {reasons["analyze"]}, reasons


def test_every_way_in_accepts_a_french_article(ways_in: dict[str, WayIn]) -> None:
    obj = {"id": "lyon", "text": FRENCH, "published": "2024-05-06T08:00:00Z"}
    assert {name: way(obj, None) for name, way in ways_in.items()} == dict.fromkeys(ways_in)


def test_every_way_in_accepts_an_english_article(ways_in: dict[str, WayIn]) -> None:
    for obj in ({"id": "health", "text": ENGLISH}, {"id": "health-declared", "text": ENGLISH, "lang": "en"}):
        assert {name: way(obj, None) for name, way in ways_in.items()} == dict.fromkeys(ways_in), obj


def test_a_refused_language_is_accepted_when_forced_as_the_reason_says(ways_in: dict[str, WayIn]) -> None:
    obj, _ = BAD["German text"]
    reason = ways_in["analyze"](obj, None)
    assert reason is not None and "--lang fr" in reason and '"lang": "fr"' in reason
    assert {name: way(obj, "fr") for name, way in ways_in.items()} == dict.fromkeys(ways_in)


class _RefusedByPostgres:
    """A stub analyzer: article ``b`` comes out with a speaker name PostgreSQL cannot store."""

    lang = "fr"

    def analyze_many(self, articles):  # type: ignore[no-untyped-def]
        from selon.models import Analysis, Speaker, Statement, TextSpan

        for a in articles:
            name = "Marc\x00Durand" if a.id == "b" else "Marc Durand"
            yield Analysis(a, [Statement("s1", "direct", TextSpan(a.text[:5], 0, 5), Speaker(a.text[:2], 0, 2, name))])


def test_web_ingest_reports_each_article_when_the_store_refuses_one(db_url: str) -> None:
    app = create_app(db_url=db_url, analyzer=_RefusedByPostgres(), allow_ingest=True, token="t")  # type: ignore[arg-type]
    body = {"articles": [{"id": i, "text": f"{FRENCH} ({i})"} for i in "abc"]}
    with TestClient(app) as c:
        r = c.post("/api/ingest", json=body, headers={"Authorization": "Bearer t"})
    assert r.status_code == 200, r.text
    result = r.json()
    if db_url.startswith("postgresql"):
        assert [e["id"] for e in result["ingested"]] == ["a", "c"]
        assert [e["id"] for e in result["failed"]] == ["b"]
        assert "nothing of it was written" in result["failed"][0]["reason"]
    else:
        assert [e["id"] for e in result["ingested"]] == ["a", "b", "c"]
