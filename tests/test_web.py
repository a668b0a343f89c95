"""The web reader (``selon serve``) through FastAPI's in-process TestClient: every page and API
route, the security cases (markup in articles, body size, uploads, paths, ingest
permissions, error shapes, headers) and the OpenAPI schema.

One Analyzer is loaded for the module; the store is a temporary SQLite file ingested with
the small articles of ``tests/web_articles``.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from selon.cli.registry import main as selon_main
from selon.errors import SelonError
from selon.pipeline.analyzer import Analyzer
from selon.store.loader import ingest
from selon.web import create_app
from selon.web.middleware import CONTENT_SECURITY_POLICY
from selon.web.service import AnalysisLimits
from web_helpers import ARTICLES, XSS_ID, article_json, statement_of, text_pieces

pytestmark = pytest.mark.model

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev" / "seed-mossoul-fr.json"
NBSP = "\u00a0"
TOKEN = "s3cret-test-token"

# A short article of our own (the seed may be absent outside the project's checkout)
MOSSOUL_LIKE = (
    "« Quels motifs font agir le commandement américain? », a déclaré le porte-parole du ministère "
    "russe de la Défense Igor Konachenkov.\n"
    "Selon le gouverneur de la région, Nawfal Hammadi, plus de 130 civils ont été tués lors des frappes.\n"
    "Selon l'ONU, plus de 300 civils ont péri dans la partie occidentale de Mossoul."
)

HTML_PAGE = """<!doctype html><html lang="fr"><head><title>Crue de la Loire : la ville se prépare</title>
<meta property="og:site_name" content="Le Journal de Tours"></head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Crue de la Loire : la ville se prépare</h1>
<p>La Loire continue de monter à Tours, où les services municipaux installent des barrières depuis mardi.</p>
<p>Selon la préfecture d'Indre-et-Loire, 250 personnes ont déjà été évacuées des quartiers les plus exposés
et une trentaine de routes sont fermées à la circulation dans le département.</p>
<p>« Nous suivons la situation heure par heure », a déclaré le maire de Tours, Emmanuel Denis, qui appelle
les habitants à la prudence et à ne pas s'approcher des berges pendant plusieurs jours.</p>
</article><footer>Mentions légales · Contact · Publicité</footer></body></html>"""

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer("fr")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> str:
    path = tmp_path_factory.mktemp("web") / "store.db"
    summary = ingest([ARTICLES], str(path), analyzer=analyzer)
    assert summary.exit_code == 0, summary.failed
    assert len(summary.ingested) == 4
    return str(path)


@pytest.fixture(scope="module")
def client(db: str, analyzer: Analyzer) -> Iterator[TestClient]:
    with TestClient(create_app(db_url=db, analyzer=analyzer)) as c:
        yield c


@pytest.fixture
def writable(tmp_path: Path, db: str, analyzer: Analyzer) -> Iterator[TestClient]:
    """An app on a copy of the store that takes ingest with :data:`TOKEN`."""
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    app = create_app(db_url=str(copy), analyzer=analyzer, allow_ingest=True, token=TOKEN)
    with TestClient(app) as c:
        yield c


def stored_ids(client: TestClient) -> dict[str, int]:
    """input id → store id of every stored article."""
    listed = client.get("/api/articles", params={"per_page": 100}).json()
    return {a["input_id"]: a["id"] for a in listed["articles"]}


def assert_no_markup_from_article(html: str) -> None:
    """None of the test article's markup made it into the page as markup."""
    for bad in ("<script>window", "<img src=x", "<svg onload", "<b>Le Canard", "onerror=\"window"):
        assert bad not in html, bad
    # the only scripts are the server's own files
    for tag in re.findall(r"<script[^>]*>", html):
        assert re.fullmatch(r'<script src="/(static|vendor)/[\w.-]+\.js">', tag), tag


# -- read -------------------------------------------------------------------------------------


def test_index_shows_the_form(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert '<form class="read" method="post" action="/read" enctype="multipart/form-data">' in r.text
    assert '<textarea id="text" name="text"' in r.text
    assert 'type="file" name="file"' in r.text


def test_read_pasted_article(client: TestClient) -> None:
    r = client.post("/read", data={"text": MOSSOUL_LIKE, "published": "2017-03-28"})
    assert r.status_code == 200, r.text
    html = r.text
    quote = statement_of(html, "Quels motifs font agir")
    assert "st" in quote["class"].split() and re.search(r"\bc\d\b", quote["class"])
    assert quote["title"].startswith("Igor Konachenkov (porte-parole du ministère russe de la Défense)")
    # the statement's card in the who-said-what list: speaker, role, kind, cue
    card = re.search(rf'<details class="statement c\d" id="st-{quote["data-s"]}".*?</details>', html, re.S)
    assert card, "no card for the statement"
    assert "Igor Konachenkov" in card.group(0) and "direct" in card.group(0) and "a déclaré" in card.group(0)
    # one colour per speaker: the Hammadi statement has another colour class
    hammadi = statement_of(html, "130 civils")
    assert hammadi["class"] != quote["class"]
    assert "fig" in hammadi["class"].split() and hammadi["data-f"]
    # cue and speaker mention are marked
    cue = [a for t, a in text_pieces(html) if t == "a déclaré"]
    assert cue and "cue" in cue[0]["class"].split() and cue[0]["data-s"] == quote["data-s"]
    # the figures table: value with its qualifier, unit, outcome, source
    rows = re.findall(r'<tr id="fig-f\d+".*?</tr>', html, re.S)
    assert len(rows) == 2
    assert "&gt; 130" in rows[0] and "civils" in rows[0] and "killed" in rows[0] and "Nawfal Hammadi" in rows[0]
    assert "&gt; 300" in rows[1] and "ONU" in rows[1]
    assert "2017-03-28" in html


def test_read_seed_article(client: TestClient) -> None:
    if not SEED.is_file():
        pytest.skip(f"the seed article is not here ({SEED})")
    text = json.loads(SEED.read_text(encoding="utf-8"))["text"]
    html = client.post("/read", data={"text": text}).text
    assert statement_of(html, "Quels motifs font agir")["title"].startswith("Igor Konachenkov")
    for value in ("130", f"260{NBSP}000", f"400{NBSP}000", "300"):
        assert f'<td class="num" title="more_than">&gt; {value}</td>' in html
    assert "Organisation internationale pour les migrations" in html and "Nawfal Hammadi" in html


def test_read_uploaded_text_file(client: TestClient) -> None:
    files = {"file": ("../../etc/dépêche.txt", MOSSOUL_LIKE.encode("utf-8"), "text/plain")}
    r = client.post("/read", files=files, data={"text": ""})
    assert r.status_code == 200, r.text
    assert statement_of(r.text, "Quels motifs")["title"].startswith("Igor Konachenkov")
    # the file name only names the article (never a path on the server)
    assert "<h1>dépêche</h1>" in r.text


def test_read_uploaded_html_page(client: TestClient) -> None:
    files = {"file": ("crue.html", HTML_PAGE.encode("utf-8"), "text/html")}
    r = client.post("/read", files=files)
    assert r.status_code == 200, r.text
    assert "<h1>Crue de la Loire : la ville se prépare</h1>" in r.text
    assert "Le Journal de Tours" in r.text
    pieces = "".join(t for t, _ in text_pieces(r.text))
    assert "250 personnes ont déjà été évacuées" in pieces
    assert "Mentions légales" not in pieces and "Accueil" not in pieces
    assert statement_of(r.text, "Nous suivons la situation")["title"].startswith("Emmanuel Denis")


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("photo.png", PNG, "cannot read a .png upload"),
        ("rapport.pdf", PDF, "cannot read a .pdf upload"),
        ("disguised.txt", PDF, "binary file (a PDF document)"),
        ("image.html", PNG, "binary file (a PNG image)"),
    ],
)
def test_read_refuses_non_text_uploads(client: TestClient, name: str, data: bytes, why: str) -> None:
    r = client.post("/read", files={"file": (name, data, "application/octet-stream")})
    assert r.status_code == 415
    assert r.headers["content-type"].startswith("text/html")
    assert why in r.text and "send a .txt or .html article" in r.text


def test_read_needs_some_text(client: TestClient) -> None:
    r = client.post("/read", data={"text": "   "})
    assert r.status_code == 422
    assert "paste an article" in r.text and "<h1>422</h1>" in r.text


def test_read_refuses_a_non_french_text(client: TestClient) -> None:
    english = (
        "The mayor said on Tuesday that more than two hundred people had been evacuated from the "
        "flooded neighbourhoods, according to the local fire brigade and the police."
    )
    r = client.post("/read", data={"text": english})
    assert r.status_code == 422
    assert "English" in r.text


def test_stored_article_page(client: TestClient) -> None:
    ids = stored_ids(client)
    r = client.get(f"/articles/{ids['rennes-accident']}")
    assert r.status_code == 200
    assert "<h1>Grave accident sur la rocade de Rennes</h1>" in r.text
    appere = statement_of(r.text, "la circulation resterait coupée")
    assert appere["title"].startswith("Nathalie Appéré (maire de Rennes)")
    assert '<td class="source">pompiers</td>' in r.text and "killed" in r.text
    assert "Ouest-France" in r.text and "2024-03-14" in r.text


def test_stored_article_missing(client: TestClient) -> None:
    r = client.get("/articles/999999")
    assert r.status_code == 404
    assert "no article 999999 in the store" in r.text and r.headers["content-type"].startswith("text/html")
    assert client.get("/articles/not-a-number").status_code == 422


# -- browse -----------------------------------------------------------------------------------


def test_browse_lists_and_searches(client: TestClient) -> None:
    r = client.get("/articles")
    assert r.status_code == 200
    assert "4 articles" in r.text
    assert r.text.index("Évacuation à Nantes") < r.text.index("Grave accident")  # newest first
    assert "rocade" in client.get("/articles", params={"q": "rocade Rennes"}).text
    found = client.get("/api/articles", params={"q": "ROCADE rennes"}).json()
    assert [a["input_id"] for a in found["articles"]] == ["rennes-accident"]
    found = client.get("/api/articles", params={"speaker": "dupont"}).json()
    assert sorted(a["input_id"] for a in found["articles"]) == ["lyon-prefecture", "lyon-syndicats"]
    found = client.get("/api/articles", params={"outlet": "capitale"}).json()
    assert [a["input_id"] for a in found["articles"]] == ["lyon-syndicats"]
    assert found["articles"][0]["statements"] == 3 and found["articles"][0]["figures"] == 2


def test_browse_pages(client: TestClient) -> None:
    first = client.get("/api/articles", params={"per_page": 3}).json()
    second = client.get("/api/articles", params={"per_page": 3, "page": 2}).json()
    assert first["total"] == 4 and first["pages"] == 2 and len(first["articles"]) == 3
    assert len(second["articles"]) == 1
    assert {a["id"] for a in first["articles"]}.isdisjoint(a["id"] for a in second["articles"])
    html = client.get("/articles", params={"per_page": 3, "q": "a"}).text
    assert 'rel="next" href="/articles?q=a&amp;per_page=3&amp;page=2"' in html
    assert 'rel="prev"' not in html
    assert client.get("/api/articles", params={"per_page": 1000}).status_code == 422
    assert client.get("/api/articles", params={"page": 0}).status_code == 422


@pytest.mark.parametrize("value", ["'; DROP TABLE articles; --", "%", "é_e", "\" OR 1=1 --"])
def test_browse_filters_are_bound_parameters(client: TestClient, value: str) -> None:
    for param in ("q", "speaker", "outlet"):
        r = client.get("/api/articles", params={param: value})
        assert r.status_code == 200 and r.json()["total"] == 0, (param, value)
    assert client.get("/api/articles").json()["total"] == 4


# -- compare ----------------------------------------------------------------------------------


def test_compare_page_table_and_chart(client: TestClient) -> None:
    r = client.get("/compare", params={"outcome": "participating", "by": "outcome,unit"})
    assert r.status_code == 200, r.text
    header = re.search(r"<thead><tr>(.*?)</tr></thead>", r.text, re.S)
    assert header
    columns = re.findall(r"<th>(.*?)</th>", header.group(1))
    assert columns[:4] == ["outcome", "unit", "figures", "sources"]
    assert {"CGT", "intersyndicale", "préfecture du Rhône"} <= set(columns)
    assert f"<td class=\"num\">40{NBSP}000</td>" in r.text
    chart = re.search(r'<div id="chart" class="chart" data-figure="([^"]*)"', r.text)
    assert chart, "no chart"
    figure = json.loads(chart.group(1).replace("&#34;", '"').replace("&quot;", '"').replace("&amp;", "&"))
    assert {t["name"] for t in figure["data"]} >= {"CGT", "intersyndicale", "préfecture du Rhône"}
    assert figure["layout"]["xaxis"]["title"]["text"] == "published"  # dated: over time
    assert '<script src="/vendor/plotly.min.js"></script>' in r.text


def test_compare_filters(client: TestClient) -> None:
    html = client.get("/compare", params={"since": "2024-03-14", "until": "2024-03-14"}).text
    assert "pompiers" in html and "préfecture" not in html
    empty = client.get("/compare", params={"outlet": "nobody"}).text
    assert "No figures match." in empty and "No figures to chart" in empty
    bad = client.get("/compare", params={"since": "2024-13-45"})
    assert bad.status_code == 422 and "since must be a date" in bad.text
    assert client.get("/compare", params={"by": "colour"}).status_code == 422
    # empty form fields mean no filter
    assert client.get("/compare", params={"since": "", "outcome": "", "by": ""}).status_code == 200


def test_plotly_is_served_locally(client: TestClient) -> None:
    r = client.get("/vendor/plotly.min.js")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/javascript")
    assert b"plotly.js" in r.content[:200] and b"MIT" in r.content[:300]
    assert client.get("/static/compare.js").status_code == 200


# -- API --------------------------------------------------------------------------------------


def test_api_analyze_returns_the_contract(client: TestClient, analyzer: Analyzer) -> None:
    r = client.post(
        "/api/analyze", json={"text": MOSSOUL_LIKE, "published": "2017-03-28", "id": "mossoul", "lang": "fr"}
    )
    assert r.status_code == 200, r.text
    expected = analyzer.analyze(MOSSOUL_LIKE, id="mossoul", published="2017-03-28").to_dict()
    assert r.json() == expected
    assert r.json()["schema"] == "selon/1"
    assert list(r.json()) == ["schema", "article", "statements", "figures"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"text": ""}, 422, "text"),
        ({"text": "   \n "}, 422, "no text"),
        ({}, 422, "text: Field required"),
        ({"text": "Selon la police, 300 personnes.", "lang": "de"}, 422, "no language pack for 'de'"),
        ({"text": "Selon la police, 300 personnes.", "published": "28/03/2017"}, 422, "published"),
        ({"text": "Selon la police, 300 personnes.", "published": "2017-02-30"}, 422, "not a date"),
        ({"text": "Selon la police.", "path": "/etc/passwd"}, 422, "path: Extra inputs are not permitted"),
        (
            {"text": "La policía dijo el martes que más de trescientas personas habían marchado por la ciudad."},
            422,
            "looks Spanish",
        ),
    ],
)
def test_api_analyze_bad_input(client: TestClient, body: dict, status: int, message: str) -> None:
    r = client.post("/api/analyze", json=body)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    out = r.json()
    assert set(out) == {"status", "message"} and out["status"] == status
    assert message in out["message"]


def test_api_analyze_malformed_json(client: TestClient) -> None:
    r = client.post("/api/analyze", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["status"] == 422


def test_api_articles(client: TestClient) -> None:
    listed = client.get("/api/articles").json()
    assert listed["total"] == 4 and listed["page"] == 1 and listed["per_page"] == 20
    one = next(a for a in listed["articles"] if a["input_id"] == "lyon-prefecture")
    assert one["outlet"] == "Le Progrès" and one["published"] == "2024-03-12" and one["version"] == 1
    assert one["snippet"].startswith("Des milliers de personnes ont défilé")
    r = client.get(f"/api/articles/{one['id']}")
    assert r.status_code == 200
    stored = r.json()
    assert stored["schema"] == "selon/1" and stored["store_id"] == one["id"]
    assert stored["article"]["id"] == "lyon-prefecture" and stored["article"]["published"] == "2024-03-12"
    text = stored["article"]["text"]
    for s in stored["statements"]:  # offsets still point into the text
        assert text[s["content"]["start"] : s["content"]["end"]] == s["content"]["text"]
    figures = {f["text"]: f for f in stored["figures"]}
    assert figures["12 000 personnes"]["low"] == 12000 and figures["12 000 personnes"]["source"] == "préfecture du Rhône"
    missing = client.get("/api/articles/424242")
    assert missing.status_code == 404 and missing.json() == {"status": 404, "message": "no article 424242 in the store"}


def test_api_figures(client: TestClient) -> None:
    r = client.get("/api/figures", params={"outcome": "killed"})
    assert r.status_code == 200
    body = r.json()
    assert "source" in body["columns"] and "unit_family" in body["columns"]
    assert [(f["low"], f["source"], f["article"]) for f in body["rows"]] == [(2, "pompiers", "rennes-accident")]
    assert client.get("/api/figures", params={"source": "PRÉFECTURE"}).json()["rows"]
    assert client.get("/api/figures", params={"until": "2024-03-11"}).json()["rows"] == []
    bad = client.get("/api/figures", params={"since": "yesterday"})
    assert bad.status_code == 422 and "since must be a date" in bad.json()["message"]


def test_api_compare(client: TestClient) -> None:
    body = client.get(
        "/api/compare", params={"outcome": "participating", "by": "outcome,unit", "min_sources": 2}
    ).json()
    assert body["columns"][:4] == ["outcome", "unit", "figures", "sources"]
    row = body["rows"][0]
    assert row["unit"] == "personnes" and row["sources"] >= 3
    assert row["intersyndicale"] == "40000" and row["CGT"] == "35000" and row["préfecture du Rhône"] == "12000"
    # « des milliers » is shown in its own words and has no point value (no invented bound)
    vague = [v for k, v in row.items() if isinstance(v, str) and v.endswith("(vague)")]
    assert vague and all("milliers" in v for v in vague)
    assert (row["min"], row["max"], row["spread"]) == (12000, 40000, round(40000 / 12000, 3))
    bad = client.get("/api/compare", params={"by": "outcome,colour"})
    assert bad.status_code == 422 and "by takes" in bad.json()["message"]
    assert client.get("/api/compare", params={"min_sources": 0}).status_code == 422


def test_api_speakers(client: TestClient) -> None:
    body = client.get("/api/speakers").json()
    assert body["columns"] == ["speaker", "outlet", "statements", "articles", "roles"]
    dupont = [r for r in body["rows"] if r["speaker"] == "Marie Dupont"]
    assert sorted(r["outlet"] for r in dupont) == ["Le Progrès", "Lyon Capitale"]
    only = client.get("/api/speakers", params={"source": "appéré", "limit": 5}).json()["rows"]
    assert only == [
        {"speaker": "Nathalie Appéré", "outlet": "Ouest-France", "statements": 1, "articles": 1,
         "roles": ["maire de Rennes"]}
    ]  # fmt: skip


# -- ingest: off by default, then only with the token -----------------------------------------


def test_ingest_is_off_by_default(client: TestClient) -> None:
    r = client.post("/api/ingest", json={"articles": [{"text": MOSSOUL_LIKE}]})
    assert r.status_code == 403
    assert "read-only" in r.json()["message"]
    r = client.post(
        "/api/ingest", json={"articles": [{"text": MOSSOUL_LIKE}]}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert r.status_code == 403
    assert client.get("/api/articles").json()["total"] == 4


def test_ingest_needs_the_token(writable: TestClient) -> None:
    body = {"articles": [{"text": MOSSOUL_LIKE, "id": "mossoul", "published": "2017-03-28", "outlet": "Test"}]}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        r = writable.post("/api/ingest", json=body, headers=headers)
        assert r.status_code == 401, headers
        assert r.headers["www-authenticate"] == "Bearer"
        assert r.json()["status"] == 401
    # the token is checked before the body is
    assert writable.post("/api/ingest", json={"nope": 1}).status_code == 401
    assert writable.get("/api/articles").json()["total"] == 4


def test_ingest_with_the_token(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {
        "articles": [
            {"text": MOSSOUL_LIKE, "id": "mossoul", "published": "2017-03-28", "outlet": "Test"},
            {"text": "   ", "id": "blank"},
            {"text": article_json("rennes-accident")["text"], "id": "again"},
        ]
    }
    r = writable.post("/api/ingest", json=body, headers=auth)
    assert r.status_code == 200, r.text
    out = r.json()
    assert [i["id"] for i in out["ingested"]] == ["mossoul"]
    assert [i["id"] for i in out["already_present"]] == ["again"]
    assert [f["id"] for f in out["failed"]] == ["blank"] and "no text" in out["failed"][0]["reason"]
    store_id = out["ingested"][0]["store_id"]
    stored = writable.get(f"/api/articles/{store_id}").json()
    assert stored["article"]["outlet"] == "Test"
    assert any(s["speaker"]["name"] == "Igor Konachenkov" for s in stored["statements"] if s["speaker"])
    again = writable.post("/api/ingest", json=body, headers=auth).json()
    assert again["ingested"] == [] and len(again["already_present"]) == 2
    assert writable.get("/api/articles").json()["total"] == 5
    assert writable.post("/api/ingest", json={"articles": []}, headers=auth).status_code == 422


def test_create_app_needs_a_token_for_ingest(db: str, analyzer: Analyzer) -> None:
    with pytest.raises(ValueError, match="needs a token"):
        create_app(db_url=db, analyzer=analyzer, allow_ingest=True)


# -- security ---------------------------------------------------------------------------------


def test_article_markup_is_shown_as_text(client: TestClient) -> None:
    xss = article_json(XSS_ID)
    r = client.post("/read", data={"text": xss["text"]})
    assert r.status_code == 200
    assert_no_markup_from_article(r.text)
    assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in r.text
    assert "img src=x onerror=&#34;window.__pwned=" in r.text
    assert "&#34;&gt;&lt;svg onload=&#34;window.__pwned=" in r.text
    # the pieces read back as the exact article text
    assert "".join(t for t, _ in text_pieces(r.text)) == xss["text"]
    # the stored copy (with markup in its title and outlet too), the list and the compare page
    store_id = stored_ids(client)[XSS_ID]
    for page in (f"/articles/{store_id}", "/articles", "/compare", "/articles?q=script"):
        html = client.get(page).text
        assert_no_markup_from_article(html)
        assert "&lt;" in html, page


def test_strict_content_security_policy(client: TestClient) -> None:
    csp = CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    script_src = next(p for p in csp.split("; ") if p.startswith("script-src"))
    assert "unsafe" not in script_src
    for path in ("/", "/articles", "/compare", "/api/articles", "/nothing", "/static/style.css"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == csp, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_body_over_the_limit_is_413(db: str, analyzer: Analyzer, client: TestClient) -> None:
    big = "Selon la police, 300 personnes ont défilé. " * 50_000  # about 2.2 MB
    r = client.post("/api/analyze", json={"text": big})
    assert r.status_code == 413
    assert r.json() == {"status": 413, "message": "the request body is larger than the limit of 2,000,000 bytes"}
    r = client.post("/read", data={"text": big})
    assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")
    assert "larger than the limit" in r.text
    with TestClient(create_app(db_url=db, analyzer=analyzer, max_body=1000)) as small:
        body = json.dumps({"text": "é" * 600}).encode()
        assert small.post("/api/analyze", content=body, headers={"content-type": "application/json"}).status_code == 413

        # a streamed body has no Content-Length: it is counted as it arrives
        def chunks() -> Iterator[bytes]:
            yield b'{"text": "'
            for _ in range(20):
                yield b"a" * 100
            yield b'"}'

        r = small.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413 and r.json()["status"] == 413
        r = small.post("/read", files={"file": ("big.txt", b"Selon la police. " * 100, "text/plain")})
        assert r.status_code == 413
        # under the limit still works
        assert small.post("/api/analyze", json={"text": "Selon la police, 300 personnes ont défilé."}).status_code == 200


def test_bad_content_length(client: TestClient) -> None:
    r = client.post("/api/analyze", content=b"{}", headers={"content-length": "abc"})
    assert r.status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/static/../pyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2f..%2fpyproject.toml",
        "/static//etc/passwd",
        "/vendor/../../etc/passwd",
        "/articles/..%2f..%2fetc%2fpasswd",
    ],
)
def test_no_server_path_from_the_client(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (404, 422), (path, r.status_code)
    assert "root:" not in r.text and "[project]" not in r.text


def test_no_route_takes_a_server_path(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    names: set[str] = set()
    for item in schema["paths"].values():
        for op in item.values():
            names.update(p["name"] for p in op.get("parameters", []))
    for model in schema["components"]["schemas"].values():
        names.update(model.get("properties", {}))
    assert not names & {"path", "file", "filename", "db", "db_url", "dir", "directory"}


def test_errors_are_json_under_api_and_html_elsewhere(client: TestClient) -> None:
    r = client.get("/api/nothing")
    assert r.status_code == 404 and r.json() == {"status": 404, "message": "nothing at /api/nothing"}
    r = client.delete("/api/articles")
    assert r.status_code == 405 and r.json()["status"] == 405
    r = client.get("/nothing")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "<h1>404</h1>" in r.text and "nothing at /nothing" in r.text
    assert client.get("/read").status_code == 405


def test_internal_errors_hide_the_details(db: str) -> None:
    class Broken:
        lang = "fr"

        def analyze_many(self, articles):  # noqa: ANN001, ANN202
            raise RuntimeError("secret detail /srv/data")

    app = create_app(db_url=db, analyzer=Broken())
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/api/analyze", json={"text": "Selon la police, 300 personnes ont défilé.", "lang": "fr"})
        assert r.status_code == 500
        assert r.json()["status"] == 500 and "secret" not in r.json()["message"]
        r = c.post("/read", data={"text": "Selon la police, 300 personnes ont défilé."})
        assert r.status_code == 500 and "secret" not in r.text and "<h1>500</h1>" in r.text


def test_wrong_store_fails_at_once(analyzer: Analyzer, tmp_path: Path) -> None:
    with pytest.raises(SelonError, match="does not exist"):
        create_app(db_url=str(tmp_path / "no" / "such" / "folder.db"), analyzer=analyzer)
    with pytest.raises(SelonError, match="unsupported database"):
        create_app(db_url="mysql://localhost/news", analyzer=analyzer)


# -- app life and the command line -------------------------------------------------------------


def test_model_loaded_once_per_process(monkeypatch: pytest.MonkeyPatch, db: str, analyzer: Analyzer) -> None:
    import selon.pipeline.analyzer

    made: list[str] = []

    def fake(lang: str = "fr", **kwargs: object) -> Analyzer:
        made.append(lang)
        return analyzer

    monkeypatch.setattr(selon.pipeline.analyzer, "Analyzer", fake)
    app = create_app(db_url=db)
    assert made == []  # nothing loaded before the server starts
    with TestClient(app) as c:
        for _ in range(3):
            assert c.post("/api/analyze", json={"text": "Selon la police, 300 personnes ont défilé."}).status_code == 200
        assert c.post("/read", data={"text": MOSSOUL_LIKE}).status_code == 200
    assert made == ["fr"]


def test_each_language_is_loaded_on_the_analysis_thread_when_first_needed(
    monkeypatch: pytest.MonkeyPatch, db: str
) -> None:
    import threading

    import selon.pipeline.analyzer
    from selon.models import Analysis

    made: list[tuple[str, str]] = []

    class Stub:
        def __init__(self, lang: str = "fr", **kwargs: object) -> None:
            self.lang = lang
            made.append((lang, threading.current_thread().name))

        def analyze_many(self, articles):  # noqa: ANN001, ANN202
            return [Analysis(article=a) for a in articles]

    monkeypatch.setattr(selon.pipeline.analyzer, "Analyzer", Stub)
    english = "The police said on Tuesday that more than three hundred people had marched in the city."
    with TestClient(create_app(db_url=db)) as c:
        assert [lang for lang, _ in made] == ["fr"]  # the default language, at start
        for text in (MOSSOUL_LIKE, english, english):
            assert c.post("/api/analyze", json={"text": text}).status_code == 200
        assert c.post("/read", data={"text": english}).status_code == 200
        assert c.post("/api/analyze", json={"text": english}).json()["article"]["language"] == "en"
    assert [lang for lang, _ in made] == ["fr", "en"]
    assert made[1][1].startswith("selon-analysis")


def test_openapi_schema(client: TestClient) -> None:
    r = client.get("/api/openapi.json")
    assert r.status_code == 200
    schema = r.json()
    assert schema["info"]["title"] == "selon"
    paths = schema["paths"]
    assert set(paths) == {
        "/api/analyze", "/api/articles", "/api/articles/{article_id}", "/api/figures",
        "/api/compare", "/api/speakers", "/api/ingest",
    }  # fmt: skip
    assert set(paths["/api/analyze"]) == {"post"} and set(paths["/api/ingest"]) == {"post"}
    components = schema["components"]
    request = components["schemas"]["AnalyzeRequest"]
    assert request["required"] == ["text"]
    assert set(request["properties"]) >= {"text", "lang", "published"}
    out = components["schemas"]["AnalysisOut"]
    assert set(out["required"]) == {"schema", "article", "statements", "figures"}
    assert "HTTPBearer" in components["securitySchemes"]
    assert paths["/api/ingest"]["post"]["security"] == [{"HTTPBearer": []}]
    params = {p["name"] for p in paths["/api/compare"]["get"]["parameters"]}
    assert params == {"outcome", "source", "outlet", "since", "until", "by", "min_sources"}
    assert "ErrorOut" in components["schemas"]
    assert client.get("/api/docs").status_code == 200


def test_serve_command(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert selon_main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--db", "--host", "--port", "--allow-ingest", "--token", "--workers"):
        assert option in out
    monkeypatch.delenv("SELON_TOKEN", raising=False)
    assert selon_main(["serve", "--allow-ingest"]) == 2
    assert "--allow-ingest needs --token" in capsys.readouterr().err
    assert selon_main(["serve", "--port", "99999"]) == 2


# -- interface language, keyboard and colours (issue 11) ---------------------------------------

STYLE = Path(__file__).resolve().parent.parent / "src" / "selon" / "web" / "static" / "style.css"
FRENCH = {"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"}
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}


def html_lang(html: str) -> str:
    found = re.search(r"<html lang=\"([^\"]+)\">", html)
    assert found, "no lang on <html>"
    return found.group(1)


def test_page_language_is_the_interface_language(client: TestClient) -> None:
    french = client.get("/", headers=FRENCH).text
    assert html_lang(french) == "fr"
    assert "<h1>Lire un article</h1>" in french and "Texte de l’article" in french
    assert ">Parcourir</a>" in french and ">Comparer</a>" in french
    english = client.get("/", headers=ENGLISH).text
    assert html_lang(english) == "en" and "<h1>Read an article</h1>" in english
    assert html_lang(client.get("/").text) == "en"  # no preference: English
    assert html_lang(client.get("/", headers={"Accept-Language": "de, fr;q=0.3, en;q=0.2"}).text) == "fr"
    # the article keeps its own language, whatever the interface's
    page = client.post("/read", data={"text": MOSSOUL_LIKE}, headers=ENGLISH).text
    assert html_lang(page) == "en"
    assert '<div class="article-text" id="article-text" lang="fr">' in page
    # error pages too
    missing = client.get("/articles/999999", headers=FRENCH)
    assert missing.status_code == 404 and html_lang(missing.text) == "fr" and "Parcourir la base" in missing.text


def test_language_switch_is_kept_in_a_cookie(db: str, analyzer: Analyzer) -> None:
    with TestClient(create_app(db_url=db, analyzer=analyzer)) as c:
        first = c.get("/articles", params={"lang": "fr", "q": "rocade"}, headers=ENGLISH)
        assert html_lang(first.text) == "fr" and "Articles enregistrés" in first.text
        assert "selon_lang=fr" in first.headers["set-cookie"]
        # the switch links back to this page in each language, its filters kept
        assert 'href="?q=rocade&amp;lang=en"' in first.text
        # a relative link: a path like //elsewhere.example never becomes a link off the site
        odd = c.get("http://testserver//elsewhere.example/x")
        assert odd.status_code == 404 and "elsewhere" not in re.sub(r"<p class=\"message\".*?</p>", "", odd.text)
        assert html_lang(c.get("/compare", headers=ENGLISH).text) == "fr"  # the cookie wins over the header
        assert html_lang(c.get("/", params={"lang": "en"}, headers=FRENCH).text) == "en"
        assert html_lang(c.get("/", headers=FRENCH).text) == "en"
        assert html_lang(c.get("/", params={"lang": "xx"}).text) == "en"  # unknown: ignored


def test_outcome_names_follow_the_interface_language(client: TestClient) -> None:
    french = client.post("/read", data={"text": MOSSOUL_LIKE}, headers=FRENCH).text
    rows = re.findall(r'<tr id="fig-f\d+".*?</tr>', french, re.S)
    assert len(rows) == 2
    assert '<td data-outcome="killed">tués</td>' in rows[0]
    assert "<th>bilan</th>" in french and "<th>valeur</th>" in french and "Qui a dit quoi" in french
    english = client.post("/read", data={"text": MOSSOUL_LIKE}, headers=ENGLISH).text
    assert '<td data-outcome="killed">killed</td>' in english and ">tués</td>" not in english
    # the compare page: column heads and outcome values, the chart's titles
    compare = client.get("/compare", params={"outcome": "participating", "by": "outcome,unit"}, headers=FRENCH)
    header = re.search(r"<thead><tr>(.*?)</tr></thead>", compare.text, re.S)
    assert header
    assert re.findall(r"<th>(.*?)</th>", header.group(1))[:4] == ["bilan", "unité", "chiffres", "sources"]
    assert "<td>participants</td>" in compare.text
    chart = re.search(r'data-figure="([^"]*)"', compare.text)
    assert chart
    figure = json.loads(chart.group(1).replace("&#34;", '"').replace("&quot;", '"').replace("&amp;", "&"))
    assert figure["layout"]["xaxis"]["title"]["text"] == "publié le"
    # the JSON keeps the fixed codes
    api = client.post("/api/analyze", json={"text": MOSSOUL_LIKE}, headers=FRENCH).json()
    assert [f["outcome"] for f in api["figures"]] == ["killed", "killed"]
    # the kind of a statement: « selon » in French, "according to" in English
    hammadi_fr = statement_of(french, "130 civils")["title"]
    hammadi_en = statement_of(english, "130 civils")["title"]
    assert " · selon" in hammadi_fr and " · according to" in hammadi_en


def test_french_catalogue_is_complete() -> None:
    """Every message of the code and the templates has a French translation (not fuzzy), and
    every outcome code of the language pack a French label."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import read_po

    from selon.lang.pack import load_pack
    from selon.web import i18n
    from selon.web.view import OUTCOME_CODES, outcome_label

    web = Path(i18n.__file__).parent
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    options = {"**/templates/**.html": {"trim_blocks": "true", "lstrip_blocks": "true"}}
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "mark": ((1, "c"), 2)}
    found = {
        (msg[0] if isinstance(msg, tuple) else msg, ctx)
        for _, _, msg, _, ctx in extract_from_dir(web, method_map, options, keywords=keywords)
    }
    assert ("Read an article", None) in found and ("killed", "outcome") in found and len(found) > 60
    with (web / "locale" / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalogue = read_po(f)
    translated = {}
    for m in catalogue:
        if m.id and not m.fuzzy:
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            if all(strings):
                translated[(m.id[0] if isinstance(m.id, tuple) else m.id, m.context)] = strings
    assert sorted(found - set(translated)) == [], "untranslated: run make messages and translate them"
    pack = load_pack("fr").outcomes
    codes = {*pack.nouns, *pack.verbs, *pack.phrases, "other"}
    assert codes <= set(OUTCOME_CODES)
    for code in codes:
        assert outcome_label(code, "fr") not in ("", code), code


def test_statements_are_reachable_by_keyboard(client: TestClient) -> None:
    html = client.post("/read", data={"text": MOSSOUL_LIKE}, headers=FRENCH).text
    pieces = [attrs for _, attrs in text_pieces(html) if "data-s" in attrs]
    statements = {a["data-s"] for a in pieces}
    assert len(statements) == 3
    stops = [a for a in pieces if a.get("tabindex") == "0"]
    # one keyboard stop a statement, a button described by the statement's description
    assert sorted(a["data-s"] for a in stops) == sorted(statements)
    for a in stops:
        assert a["role"] == "button" and a["aria-describedby"] == f"d-{a['data-s']}"
    quote = statement_of(html, "Quels motifs font agir")
    desc = re.search(rf'<div class="st-desc c\d" id="d-{quote["data-s"]}">(.*?)</div>', html, re.S)
    assert desc, "no description for the statement"
    text = re.sub(r"<[^>]+>", "", desc.group(1))
    # speaker, role, kind and cue are in the page's text, not only in a title tooltip
    assert "Igor Konachenkov" in text and "porte-parole du ministère russe de la Défense" in text
    assert "type: direct." in text
    assert "verbe introducteur: « a déclaré »" in text
    # a visible focus style for the statements
    css = STYLE.read_text(encoding="utf-8")
    assert re.search(r"\.article-text \.st:focus-visible[^{]*\{[^}]*outline: 3px solid", css)


def _luminance(colour: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG 2 contrast ratio of two ``#rrggbb`` colours."""
    dark, light = sorted((_luminance(a), _luminance(b)))
    return (light + 0.05) / (dark + 0.05)


def lab_distance(a: str, b: str) -> float:
    """CIE76 ΔE between two ``#rrggbb`` colours (CIELAB, D65): about 2.3 is just noticeable."""

    def lab(colour: str) -> tuple[float, float, float]:
        def channel(v: int) -> float:
            c = v / 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
        x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

        def f(t: float) -> float:
            return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

        return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))

    return sum((p - q) ** 2 for p, q in zip(lab(a), lab(b), strict=True)) ** 0.5


def test_contrast_helpers() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert lab_distance("#000000", "#ffffff") == pytest.approx(100, abs=0.1)


def test_speaker_colours_contrast_and_distance() -> None:
    """Every speaker colour's text (ink) on its background passes WCAG AA (4.5:1), and no two
    speakers look alike: backgrounds at least 15 ΔE apart, inks at least 25."""
    from itertools import combinations

    from selon.web.view import N_COLOURS

    css = STYLE.read_text(encoding="utf-8")
    var = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\b", css))
    palette = [(var[f"c{i}"], var[f"c{i}-ink"]) for i in range(N_COLOURS)]
    for i, (background, ink) in enumerate(palette):
        assert contrast(ink, background) >= 4.5, (f"c{i}", ink, background, round(contrast(ink, background), 2))
        assert contrast(ink, "#ffffff") >= 4.5, f"c{i}"  # swatch text and card borders on white
    for (i, a), (j, b) in combinations(enumerate(palette), 2):
        assert lab_distance(a[0], b[0]) >= 15, (f"c{i}", f"c{j}", "backgrounds alike")
        assert lab_distance(a[1], b[1]) >= 25, (f"c{i}", f"c{j}", "inks alike")
    # the other text colours of the pages
    assert contrast(var["muted"], "#ffffff") >= 4.5 and contrast(var["muted"], var["bg"]) >= 4.5
    assert contrast(var["accent"], "#ffffff") >= 4.5 and contrast("#000000", var["fig"]) >= 4.5


# -- limits and availability (issue 11, items 6 and 7) -------------------------------------------


@pytest.mark.parametrize("big", [2**63, 2**64, 10**30])
def test_ids_past_64_bits_are_not_found(client: TestClient, big: int) -> None:
    r = client.get(f"/api/articles/{big}")
    assert r.status_code == 404 and r.json()["status"] == 404
    assert f"no article {big} in the store" in r.json()["message"]
    r = client.get(f"/articles/{big}")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")


def test_search_ignores_accents(client: TestClient) -> None:
    def ids(**params: str) -> list[str]:
        return sorted(a["input_id"] for a in client.get("/api/articles", params=params).json()["articles"])

    accented = ids(q="évacuation")
    assert accented and ids(q="evacuation") == accented == ids(q="EVACUATION") == ids(q="ÉVACUATION")
    assert ids(speaker="appere") == ids(speaker="Appéré") == ["rennes-accident"]
    assert ids(outlet="le progres") == ids(outlet="Le Progrès") == ["lyon-prefecture"]
    assert "Nantes" in client.get("/articles", params={"q": "evacuation nantes"}).text
    assert client.get("/api/figures", params={"source": "prefecture"}).json()["rows"]


def test_speaker_search_finds_a_speaker_by_an_alias(tmp_path: Path, db: str, analyzer: Analyzer) -> None:
    from selon.store.sources import add_alias

    copy = tmp_path / "aliased.db"
    shutil.copy(db, copy)
    with TestClient(create_app(db_url=str(copy), analyzer=analyzer)) as c:
        def ids(speaker: str) -> list[str]:
            body = c.get("/api/articles", params={"speaker": speaker}).json()
            return sorted(a["input_id"] for a in body["articles"])

        assert ids("maire de Rennes") == []  # not a name of hers yet
        add_alias(str(copy), "maire de Rennes", "Nathalie Appéré")
        assert ids("maire de Rennes") == ids("Appéré") == ["rennes-accident"]


def test_api_docs_need_no_network(client: TestClient) -> None:
    r = client.get("/api/docs")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    # nothing the CSP would block: no script at all, no foreign URL
    assert "<script" not in page.lower()
    assert not re.findall(r"(?:src|href)=\"(?:https?:)?//", page)
    assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    schema = client.get("/api/openapi.json").json()
    for path, item in schema["paths"].items():  # every route and its parameters are there
        for method, op in item.items():
            assert f"{method.upper()} {path}" in page
            for p in op.get("parameters", []):
                assert f"<code>{p['name']}</code>" in page
    assert "429" in page and "Retry-After" in page and "ErrorOut" in page and "AnalysisOut" in page


@pytest.mark.parametrize("route", ["/api/figures", "/api/compare", "/api/speakers"])
@pytest.mark.parametrize("name", ["source", "outlet", "outcome"])
def test_api_filters_are_capped(client: TestClient, route: str, name: str) -> None:
    r = client.get(route, params={name: "x" * 60_000})
    assert r.status_code == 422, (route, name, r.status_code)
    assert r.json()["status"] == 422 and name in r.json()["message"] and "500" in r.json()["message"]
    assert client.get(route, params={name: "x" * 500}).status_code == 200


def test_api_figures_pages(client: TestClient) -> None:
    everything = client.get("/api/figures").json()
    total = everything["total"]
    assert total == len(everything["rows"]) >= 3
    assert everything["limit"] == 1000 and everything["offset"] == 0
    pages = [client.get("/api/figures", params={"limit": 2, "offset": k}).json() for k in range(0, total, 2)]
    assert all(p["total"] == total and p["limit"] == 2 and len(p["rows"]) <= 2 for p in pages)
    assert [row for p in pages for row in p["rows"]] == everything["rows"]
    past = client.get("/api/figures", params={"limit": 2, "offset": total}).json()
    assert past["rows"] == [] and past["total"] == total
    killed = client.get("/api/figures", params={"outcome": "killed", "limit": 1}).json()
    assert killed["total"] == 1 and len(killed["rows"]) == 1
    assert client.get("/api/figures", params={"limit": 5001}).status_code == 422
    assert client.get("/api/figures", params={"offset": -1}).status_code == 422
    assert client.get("/api/figures", params={"offset": 2**64}).status_code == 422


class BlockingAnalyzer:
    """The shared analyzer, but each analysis first waits for ``release``."""

    lang = "fr"

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.started = threading.Semaphore(0)
        self.release = threading.Event()

    def analyze_many(self, articles):  # noqa: ANN001, ANN201
        self.started.release()
        assert self.release.wait(60), "never released"
        return list(self.analyzer.analyze_many(articles))


SHORT = {"text": "Selon la police, 300 personnes ont défilé.", "lang": "fr"}


def _post_in_thread(c: TestClient, results: list[int]) -> threading.Thread:
    def post() -> None:
        results.append(c.post("/api/analyze", json=SHORT).status_code)

    t = threading.Thread(target=post)
    t.start()
    return t


def test_analysis_queue_full_is_429_with_retry_after(db: str, analyzer: Analyzer) -> None:
    blocking = BlockingAnalyzer(analyzer)
    app = create_app(db_url=db, analyzer=blocking, limits=AnalysisLimits(queue=2))
    results: list[int] = []
    with TestClient(app) as c:
        try:
            first = _post_in_thread(c, results)
            assert blocking.started.acquire(timeout=30)  # the first one is running
            second = _post_in_thread(c, results)  # the second waits in the queue
            for _ in range(200):  # until the second is admitted
                if c.app.state.analyzer.admitted == 2:  # type: ignore[attr-defined]
                    break
                time.sleep(0.05)
            r = c.post("/api/analyze", json=SHORT)
            assert r.status_code == 429
            assert int(r.headers["retry-after"]) >= 1
            assert r.json()["status"] == 429 and "busy" in r.json()["message"] and "--queue" in r.json()["message"]
            page = c.post("/read", data={"text": SHORT["text"]})
            assert page.status_code == 429 and "busy" in page.text
        finally:
            blocking.release.set()
        first.join(30)
        second.join(30)
    assert results == [200, 200]


def test_reads_are_answered_while_analyses_block(db: str, analyzer: Analyzer) -> None:
    import anyio.to_thread

    blocking = BlockingAnalyzer(analyzer)
    app = create_app(db_url=db, analyzer=blocking, limits=AnalysisLimits(queue=8))
    results: list[int] = []
    with TestClient(app) as c:

        async def two_threads() -> None:  # a small shared pool, so that blocking it shows
            anyio.to_thread.current_default_thread_limiter().total_tokens = 2

        c.portal.call(two_threads)  # type: ignore[union-attr]
        posts = [_post_in_thread(c, results) for _ in range(4)]
        try:
            assert blocking.started.acquire(timeout=30)
            answers: list[int] = []
            reader = threading.Thread(
                target=lambda: answers.extend(c.get(p).status_code for p in ("/api/articles", "/api/figures", "/"))
            )
            reader.start()
            reader.join(30)  # a hang detector, not a timing: it fails only when reads are stuck
            assert answers == [200, 200, 200], "reads waited for the analyses"
        finally:
            blocking.release.set()
        for t in posts:
            t.join(60)
    assert results == [200] * 4


def test_analysis_past_the_time_limit_is_504(db: str, analyzer: Analyzer) -> None:
    blocking = BlockingAnalyzer(analyzer)
    app = create_app(db_url=db, analyzer=blocking, limits=AnalysisLimits(timeout=0.3))
    with TestClient(app) as c:
        try:
            r = c.post("/api/analyze", json=SHORT)
            assert r.status_code == 504
            assert r.json()["status"] == 504 and "--analysis-timeout" in r.json()["message"]
        finally:
            blocking.release.set()


def test_text_over_the_limit_is_413(tmp_path: Path, db: str, analyzer: Analyzer) -> None:
    copy = tmp_path / "store.db"
    shutil.copy(db, copy)
    limits = AnalysisLimits(max_text=200)
    app = create_app(db_url=str(copy), analyzer=analyzer, allow_ingest=True, token=TOKEN, limits=limits)
    long_text = SHORT["text"] + " Les manifestants ont ensuite rejoint la place." * 10
    with TestClient(app) as c:
        r = c.post("/api/analyze", json={"text": long_text, "id": "long"})
        assert r.status_code == 413
        message = r.json()["message"]
        assert f"{len(long_text):,} characters" in message and "at most 200" in message and "--max-text" in message
        assert c.post("/read", data={"text": long_text}).status_code == 413
        assert c.post("/api/analyze", json=SHORT).status_code == 200
        r = c.post(
            "/api/ingest",
            json={"articles": [{"text": long_text, "id": "long"}, {**SHORT, "id": "short"}]},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert r.status_code == 200
        body = r.json()
        assert [f["id"] for f in body["failed"]] == ["long"] and "at most 200" in body["failed"][0]["reason"]
        assert [i["id"] for i in body["ingested"]] == ["short"]


def test_serve_has_the_analysis_limits(capsys: pytest.CaptureFixture[str]) -> None:
    assert selon_main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--max-text", "--queue", "--analysis-timeout"):
        assert option in out
    assert selon_main(["serve", "--queue", "0"]) == 2
    assert "out of range" in capsys.readouterr().err


# -- back to the sentence (issue 12) ----------------------------------------------------------

#: Articles with places and periods: the march is Saturday 16 March 2024, reported on Sunday
#: and on Monday; the second article's id holds a slash and a space (its address quotes them).
SCOPED = [
    {"id": "lyon-samedi", "published": "2024-03-17", "outlet": "Le Progrès", "title": "Manifestation à Lyon",
     "text": "3000 manifestants ont défilé samedi à Lyon, selon la préfecture.\n"
             "Les syndicats en ont compté 8000 dans les rues de Lyon."},
    {"id": "lyon/bilan 2", "published": "2024-03-18", "outlet": "Lyon Capitale", "title": "Bilan du samedi",
     "text": "Selon la CGT, 9000 personnes ont manifesté samedi à Lyon. Le cortège est resté calme."},
]  # fmt: skip


@pytest.fixture(scope="module")
def scoped(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> Iterator[TestClient]:
    """An app on a store of the test articles and :data:`SCOPED`."""
    folder = tmp_path_factory.mktemp("scoped")
    extra = folder / "scoped.jsonl"
    extra.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in SCOPED), encoding="utf-8")
    summary = ingest([ARTICLES, extra], str(folder / "store.db"), analyzer=analyzer)
    assert summary.exit_code == 0 and len(summary.ingested) == 6, summary.failed
    with TestClient(create_app(db_url=str(folder / "store.db"), analyzer=analyzer)) as c:
        yield c


def picked_text(html: str) -> str | None:
    """The text inside the page's ``<mark class="picked">`` (tags taken off), or None."""
    found = re.search(r'<mark class="picked" id="picked">(.*?)</mark>', html, re.S)
    return None if found is None else re.sub(r"<[^>]+>", "", found.group(1)).replace("&#39;", "'")


def test_sentence_around() -> None:
    from selon.models import sentence_bounds as sentence_around

    text = "Des milliers ont défilé. Selon la préfecture, 12 000 personnes (« au moins ») ont participé.\nLa suite !"
    at = text.index("12 000")
    first, last = sentence_around(text, at, at + 6)
    assert text[first:last] == "Selon la préfecture, 12 000 personnes (« au moins ») ont participé."
    first, last = sentence_around(text, text.index("suite"), text.index("suite") + 5)
    assert text[first:last] == "La suite !"
    assert sentence_around(text, 0, 3) == (0, text.index(".") + 1)


def test_article_page_by_its_own_id(scoped: TestClient) -> None:
    ids = stored_ids(scoped)
    by_row = scoped.get(f"/articles/{ids['lyon-prefecture']}").text
    by_id = scoped.get("/a/lyon-prefecture")
    assert by_id.status_code == 200
    assert "<h1>Retraites : des milliers de manifestants à Lyon</h1>" in by_id.text
    assert by_id.text == by_row
    # an id with a slash and a space, quoted in the address
    other = scoped.get("/a/lyon%2Fbilan%202")
    assert other.status_code == 200 and "<h1>Bilan du samedi</h1>" in other.text
    missing = scoped.get("/a/no-such-article")
    assert missing.status_code == 404 and "no article 'no-such-article' in the store" in html.unescape(missing.text)
    # every figure and statement has its anchor
    assert re.findall(r'<tr id="(fig-f\d+)"', by_id.text) == ["fig-f1", "fig-f2", "fig-f3", "fig-f4"]
    assert 'id="st-s1"' in by_id.text
    assert "picked" not in by_id.text


def test_the_named_figure_s_sentence_is_highlighted(scoped: TestClient) -> None:
    html = scoped.get("/a/lyon-prefecture", params={"hl": "f2"}).text
    assert picked_text(html) == (
        "Selon la préfecture du Rhône, 12 000 personnes ont participé au cortège, parti de la place "
        "Jean-Macé en fin de matinée."
    )
    assert html.count('<mark class="picked"') == 1
    assert re.search(r'<tr id="fig-f2" data-f="f2" class="picked"', html)
    assert not re.search(r'<tr id="fig-f1"[^>]*class="picked"', html)
    # the statement pieces inside the mark keep their own marks
    assert statement_of(html, "12 000 personnes")["data-f"] == "f2"
    # the row id works on the store's row id too; an unknown id highlights nothing
    ids = stored_ids(scoped)
    assert picked_text(scoped.get(f"/articles/{ids['lyon-prefecture']}", params={"hl": "f2"}).text)
    assert picked_text(scoped.get("/a/lyon-prefecture", params={"hl": "f9"}).text) is None
    # a statement: its content, cue and speaker; its card opened
    quote = statement_of(html, "La mobilisation ne faiblit pas")["data-s"]
    page = scoped.get("/a/lyon-prefecture", params={"hl": quote}).text
    shown = picked_text(page)
    assert shown and shown.startswith("La mobilisation ne faiblit pas") and shown.endswith("a déclaré Marie Dupont")
    assert re.search(rf'<details class="statement c\d picked" id="st-{quote}" data-s="{quote}" open>', page)


def test_article_page_shows_place_and_period(scoped: TestClient) -> None:
    html = scoped.get("/a/lyon/bilan 2", params={"hl": "f1"}).text
    row = re.search(r'<tr id="fig-f1".*?</tr>', html, re.S)
    assert row
    assert '<td class="place" lang="fr">Lyon</td>' in row.group(0)
    assert '<td class="period" lang="fr">2024-03-16 (samedi)</td>' in row.group(0)
    assert picked_text(html) == "Selon la CGT, 9000 personnes ont manifesté samedi à Lyon."


def figure_rows_of(html: str) -> list[str]:
    table = re.search(r'<table class="figures all-figures">.*?</table>', html, re.S)
    return re.findall(r"<tr>\s*<td class=\"num\".*?</tr>", table.group(0), re.S) if table else []


def test_figures_page_lists_links_and_facets(scoped: TestClient) -> None:
    r = scoped.get("/figures")
    assert r.status_code == 200
    assert "14 figures" in r.text
    rows = figure_rows_of(r.text)
    assert len(rows) == 14
    # each row leads to its sentence; the link opens that sentence highlighted
    cgt = next(row for row in rows if "CGT" in row and "9000" in row)
    link = re.search(r'<a href="([^"]+)">9000</a>', cgt)
    assert link and link.group(1) == "/a/lyon%2Fbilan%202?hl=f1#fig-f1"
    assert '<td class="place" lang="fr">Lyon</td>' in cgt and "2024-03-16 (samedi)" in cgt
    target = scoped.get(link.group(1).replace("&amp;", "&").split("#")[0]).text
    assert picked_text(target) == "Selon la CGT, 9000 personnes ont manifesté samedi à Lyon."
    # facets with counts, each a link that filters
    facet = re.search(r'<section class="facet" id="facet-outcome">.*?</section>', r.text, re.S)
    assert facet
    assert re.search(r'<a href="/figures\?outcome=participating">participating</a> <small class="count">7</small>', facet.group(0))
    place = re.search(r'<section class="facet" id="facet-place">.*?</section>', r.text, re.S)
    assert place and re.search(r'>Lyon</a> <small class="count">\d+</small>', place.group(0))
    period = re.search(r'<section class="facet" id="facet-period">.*?</section>', r.text, re.S)
    assert period and '<a href="/figures?period=2024-03">2024-03</a> <small class="count">14</small>' in period.group(0)
    # the markup article's place and source are shown as text, in the rows and the facets
    assert "window.__pwned=1;alert(1)&lt;/script" in r.text
    assert_no_markup_from_article(r.text)
    assert_no_markup_from_article(scoped.get("/compare", params={"group": 1}).text)
    participating = scoped.get("/figures", params={"outcome": "participating"}).text
    assert len(figure_rows_of(participating)) == 7 and "killed" not in participating.split("<tbody>")[1]


def test_figures_page_filters_by_place_and_period(scoped: TestClient) -> None:
    rennes = figure_rows_of(scoped.get("/figures", params={"place": "RENNES"}).text)
    assert len(rennes) == 2 and all("pompiers" in row for row in rennes)
    # a period is a year, a month or a day: a figure's days overlap it (its period, else the
    # day before its article's date and that date)
    saturday = figure_rows_of(scoped.get("/figures", params={"period": "2024-03-16"}).text)
    assert sorted(re.search(r">([\d\u00a0]+|\w[^<]*)</a>", row).group(1) for row in saturday) == ["3000", "8000", "9000"]  # type: ignore[union-attr]
    assert len(figure_rows_of(scoped.get("/figures", params={"period": "2024"}).text)) == 14
    assert figure_rows_of(scoped.get("/figures", params={"period": "2023-03"}).text) == []
    bad = scoped.get("/figures", params={"period": "mars"})
    assert bad.status_code == 422 and "period must be a year, a month or a day" in bad.text
    assert scoped.get("/figures", params={"sort": "colour"}).status_code == 422


def test_figures_page_sorts_and_pages(scoped: TestClient) -> None:
    def values(**params: object) -> list[str]:
        body = scoped.get("/figures.json", params={"outcome": "participating", **params}).json()
        return [row["value"] for row in body["rows"]]

    largest = values(sort="-value")
    assert largest[:5] == ["40000", "35000", "12000", "9000", "8000"]
    assert values(sort="value")[-5:] == list(reversed(largest[:5]))
    newest = scoped.get("/figures.json", params={"sort": "-date"}).json()["rows"]
    # a figure's day: its period's start (the Saturday of the march: the unions' 8000, in a
    # sentence with no time, takes the day the article opens with), else its article's date
    assert {(r["article"], r["figure"]) for r in newest[:3]} == {
        ("lyon-samedi", "f1"), ("lyon-samedi", "f2"), ("lyon/bilan 2", "f1"),
    }  # fmt: skip
    assert {r["period_start"] for r in newest[:3]} == {"2024-03-16"}
    first = scoped.get("/figures.json", params={"per_page": 4}).json()
    second = scoped.get("/figures.json", params={"per_page": 4, "page": 2}).json()
    assert first["total"] == 14 and first["pages"] == 4 and len(first["rows"]) == 4
    assert {r["link"] for r in first["rows"]}.isdisjoint(r["link"] for r in second["rows"])
    html = scoped.get("/figures", params={"per_page": 4, "outcome": "participating"}).text
    assert 'rel="next" href="/figures?per_page=4&amp;outcome=participating&amp;page=2"' in html


def test_figures_downloads_are_what_is_shown(scoped: TestClient) -> None:
    import csv
    import io

    params = {"outcome": "participating", "sort": "-value", "per_page": 5}
    page = scoped.get("/figures", params=params).text
    assert 'href="/figures.csv?outcome=participating&amp;sort=-value&amp;per_page=5" download' in page
    body = scoped.get("/figures.json", params=params)
    assert body.headers["content-disposition"] == 'attachment; filename="figures.json"'
    rows = body.json()["rows"]
    assert len(rows) == 5 and len(figure_rows_of(page)) == 5
    assert [r["link"] for r in rows] == re.findall(r'<td class="num" title="[^"]*"><a href="([^"]+)"', page.replace("&amp;", "&"))
    r = scoped.get("/figures.csv", params=params)
    assert r.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert [t["link"] for t in table] == [row["link"] for row in rows]
    assert table[0]["value"] == "40000" and table[0]["source"] == "intersyndicale"
    assert {"place", "period_start", "period_end", "period_text"} <= set(table[0])
    cgt = scoped.get("/figures.csv", params={"source": "CGT", "place": "lyon", "period": "2024-03-16"}).text
    assert list(csv.DictReader(io.StringIO(cgt)))[0]["period_start"] == "2024-03-16"


def test_download_cells_cannot_be_formulas() -> None:
    from selon.web.pages import _spreadsheet_safe

    assert _spreadsheet_safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert _spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)" and _spreadsheet_safe("préfecture") == "préfecture"
    assert _spreadsheet_safe(-3) == -3


def test_parse_where() -> None:
    from selon.web.service import parse_where

    where = ["CGT: lyon/bilan 2#f1", "préfecture: Rhône: lyon#a#f3", "OIM: x#f2"]
    assert parse_where(where, ["CGT", "préfecture", "préfecture: Rhône", "ONU"]) == {
        "CGT": ("lyon/bilan 2", "f1"),
        "préfecture: Rhône": ("lyon#a", "f3"),
    }


def test_compare_cells_link_to_their_sentences(scoped: TestClient) -> None:
    html = scoped.get("/compare", params={"outcome": "participating", "by": "outcome,unit"}).text
    header = re.search(r"<thead><tr>(.*?)</tr></thead>", html, re.S)
    assert header
    columns = re.findall(r"<th>(.*?)</th>", header.group(1))
    # grouped without place and period: the cells' places and days are columns all the same
    assert columns[:4] == ["outcome", "unit", "figures", "sources"] and {"place", "period"} <= set(columns)
    cells = re.findall(r'<td class="src" data-source="([^"]+)"><a href="([^"]+)">([^<]+)</a>', html)
    assert len(cells) >= 6
    for source, href, value in cells:
        # the link opens the article with that figure's row and sentence picked out, and
        # that figure is the cell's: its source, its value
        figure = re.search(r"hl=(f\d+)#fig-(f\d+)$", href)
        assert figure and figure.group(1) == figure.group(2), href
        target = scoped.get(href.replace("&amp;", "&").split("#")[0])
        assert target.status_code == 200, href
        row = re.search(rf'<tr id="fig-{figure.group(1)}" data-f="{figure.group(1)}" class="picked".*?</tr>', target.text, re.S)
        assert row, href
        assert f'<td class="source">{"" if source == "(no source)" else source}</td>' in row.group(0)
        number = value.replace("&gt; ", "").removesuffix(" (vague)")
        assert number in re.sub(r"[\s\u00a0]", "", row.group(0)) or number in row.group(0), (value, row.group(0))
        assert picked_text(target.text)
    assert ("CGT", "/a/lyon-prefecture?hl=f3#fig-f3", "35000") in cells  # CGT's largest of the row


def test_compare_default_grouping_shows_place_period_and_cell_scopes(scoped: TestClient) -> None:
    html = scoped.get("/compare", params={"outcome": "participating", "since": "2024-03-17"}).text
    row = re.search(r'<tr id="group-1">.*?</tr>', html, re.S)
    assert row
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S)
    assert cells[:4] == ["participating", "personnes", "Lyon", "2024-03-16"]  # one march, reported on two days
    cgt = re.search(r'data-source="CGT"><a href="/a/lyon%2Fbilan%202\?hl=f1#fig-f1">9000</a><small class="scope">(.*?)</small>', row.group(0))
    assert cgt and cgt.group(1) == "Lyon · 2024-03-16 (samedi)"


def chart_of(html: str) -> dict:
    chart = re.search(r'<div id="chart" class="chart" data-figure="([^"]*)"', html)
    assert chart, "no chart"
    return json.loads(chart.group(1).replace("&#34;", '"').replace("&quot;", '"').replace("&amp;", "&").replace("&#39;", "'"))


def test_compare_group_chart_one_line_a_source(scoped: TestClient) -> None:
    params = {"outcome": "participating", "since": "2024-03-17"}
    html = scoped.get("/compare", params=params).text
    assert 'href="/compare?outcome=participating&amp;since=2024-03-17&amp;group=1#chart-box"' in html
    group = scoped.get("/compare", params={**params, "group": 1})
    assert group.status_code == 200
    assert re.search(r'<tr id="group-1" class="picked">', group.text)
    figure = chart_of(group.text)
    traces = {t["name"]: t for t in figure["data"]}
    assert set(traces) == {"CGT", "préfecture", "syndicats"}
    assert all(t["mode"] == "lines+markers" for t in traces.values())
    # a figure stands at its period's start, else at its article's date
    assert traces["CGT"]["x"] == ["2024-03-16"] and traces["préfecture"]["x"] == ["2024-03-16"]
    assert traces["syndicats"]["x"] == ["2024-03-16"]  # its sentence has no time: the article's Saturday
    assert traces["CGT"]["customdata"] == ["/a/lyon%2Fbilan%202?hl=f1#fig-f1"]
    assert figure["layout"]["xaxis"]["title"]["text"] == "period, else published"
    # without a group: every figure of the filter, by publication date, each point a link
    whole = chart_of(html)
    assert sum(len(t["x"]) for t in whole["data"]) == 3 and all(t["mode"] == "markers" for t in whole["data"])
    assert all(link.startswith("/a/") for t in whole["data"] for link in t["customdata"])
    bad = scoped.get("/compare", params={**params, "group": 9})
    assert bad.status_code == 422 and "group 9: this comparison has 1 rows" in bad.text


def test_figures_and_group_chart_in_french(scoped: TestClient) -> None:
    page = scoped.get("/figures", headers=FRENCH).text
    assert "<h1>Chiffres enregistrés</h1>" in page
    assert "<th>lieu</th><th>période</th>" in page and '<h2>période</h2>' in page
    assert '<td data-outcome="participating">participants</td>' in page
    assert '<option value="-value">plus grande valeur d’abord</option>' in page
    group = scoped.get("/compare", params={"outcome": "participating", "since": "2024-03-17", "group": 1}, headers=FRENCH)
    assert chart_of(group.text)["layout"]["xaxis"]["title"]["text"] == "période, sinon publication"
    assert "groupe 1 dans le temps" in group.text
    assert scoped.get("/figures", params={"per_page": 1000}).status_code == 422
    assert scoped.get("/compare", params={"group": 0}).status_code == 422


# -- the figures page in SQL: the same page as reading every row ------------------------------


def _page_read_in_python(store, filters, *, sort: str, page: int, per_page: int):  # type: ignore[no-untyped-def]
    """The figures page as it was made before the database did the work: every matching row
    read, counted and sorted here (the reference the SQL page must equal)."""
    from selon.store import grouping, queries
    from selon.store.db import fold_search
    from selon.web.view import when

    rows = list(queries.figures(store, filters))

    def facet(name: str, r: dict) -> str | None:  # type: ignore[type-arg]
        if name == "place":
            return r.get("place_name") or r.get("place_text")
        if name == "period":
            day = when(r)
            return str(day)[:7] if day else None
        value = r.get(name)
        return None if value is None else str(value)

    facets = {}
    for name in ("outcome", "source", "outlet", "place", "period"):
        counts: dict[str, int] = {}
        for r in rows:
            value = facet(name, r)
            if value:
                counts[value] = counts.get(value, 0) + 1
        facets[name] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:12]
    if sort.endswith("value"):
        rows.sort(key=lambda r: grouping.point(r.get("low"), r.get("high"), r.get("qualifier") or "") or 0.0,
                  reverse=sort.startswith("-"))  # fmt: skip
    elif sort == "source":
        rows.sort(key=lambda r: fold_search(r.get("source") or "\uffff"))
    else:
        rows.sort(key=lambda r: str(when(r) or ""), reverse=sort.startswith("-"))
    shown = rows[(page - 1) * per_page : page * per_page]
    return [(r["article"], r["figure"]) for r in shown], len(rows), facets


def test_figures_page_in_sql_is_the_page_read_in_python(tmp_path: Path) -> None:
    """Facet counts, sorting and paging done by the database give the same rows, totals and
    facets as reading every matching figure (ties, missing values, accents included)."""
    import random

    from selon.models import Analysis, Article, Figure, Period, Place
    from selon.store.db import open_store
    from selon.store.queries import Filters
    from selon.web.service import figures_page

    rng = random.Random(3)
    store = open_store(tmp_path / "page.db")
    sources = ["Préfecture", "préfecture du Rhône", "CGT", "Élise Roux", "", None, "zoé"]
    places = [None, Place("Lyon", 0, 4, "Lyon", "FR", "Lyon"), Place("quartier X", 0, 10, None),
              Place("Kherson Oblast", 0, 14, "Kherson", "UA", None), Place("", 0, 0, "")]  # fmt: skip
    for i in range(30):
        published = None if i % 7 == 0 else f"2024-0{1 + i % 3}-{10 + i % 5}"
        figs = []
        for j in range(rng.randint(0, 6)):
            low = rng.choice([None, 3, 12, 12, 300])
            period = rng.choice([None, None, Period("2024-03-16", "2024-03-16", "samedi"), Period(None, "2024-02-01", "x")])
            figs.append(Figure(
                id=f"f{j + 1}", text=f"{low} x", start=0, end=5, low=low,
                high=low * 2 if low and rng.random() < 0.2 else None,
                qualifier=rng.choice(["exact", "vague", "more_than"]), unit="personnes",
                outcome=rng.choice(["killed", "participating", "other"]), source=rng.choice(sources),
                place=rng.choice(places), period=period,
            ))  # fmt: skip
        outlet = rng.choice([None, "Le Monde", "Libération"])
        store.add(Analysis(article=Article(id=f"a{i}", text=f"Article {i}: " + "x" * 20, published=published, outlet=outlet,
                                           language="fr"), figures=figs))  # fmt: skip
    try:
        everything = figures_page(store, Filters(), per_page=7)
        assert everything.total > 40 and all(everything.facets.values())
        for filters in (Filters(), Filters(outcome="killed"), Filters(source="prefecture"), Filters(place="lyon"),
                        Filters(period="2024-03")):  # fmt: skip
            for sort in ("date", "-date", "value", "-value", "source"):
                for page in (1, 2, 3):
                    found = figures_page(store, filters, sort=sort, page=page, per_page=7)
                    expected = _page_read_in_python(store, filters, sort=sort, page=page, per_page=7)
                    assert ([(r["article"], r["figure"]) for r in found.rows], found.total, found.facets) == expected, (
                        filters, sort, page)  # fmt: skip
    finally:
        store.close()
