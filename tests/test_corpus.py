"""Reading inputs, ingesting with the real Analyzer, and the queries, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from selon.cli.registry import main as cli
from selon.errors import InputError
from selon.ingest.readers import Loaded, Record, read_files
from selon.models import Analysis, Article, Figure, Period, Place, Speaker, Statement, TextSpan
from selon.pipeline.analyzer import Analyzer, Failure
from selon.store.db import open_store
from selon.store.loader import ingest
from selon.store.queries import Filters, compare, figures, speakers, unit_family

pytest_plugins = ["conftest_pg"]


# -- reading inputs ---------------------------------------------------------------------------


def read_by_source(paths: list[Path]) -> dict[str, Article | InputError]:
    """What ``selon ingest`` reads from ``paths``: source → the article, or the error."""

    def item(record: Record) -> Article | InputError:
        return record.article if isinstance(record, Loaded) else record

    return {str(record.source): item(record) for record in read_files(paths)}


PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Gilets jaunes : 5000 manifestants à Paris - Le Quotidien</title>
<meta property="og:site_name" content="Le Quotidien">
<meta property="og:title" content="Gilets jaunes : 5000 manifestants à Paris">
<meta property="article:published_time" content="2019-02-17T18:04:00+01:00">
<link rel="canonical" href="https://www.lequotidien.example/societe/gilets-jaunes-paris.html">
</head><body>
<nav><a href="/">Accueil</a> <a href="/sport">Sport</a> Abonnez-vous</nav>
<article><h1>Gilets jaunes : 5000 manifestants à Paris</h1>
<p>Selon la préfecture de police, 5000 manifestants ont défilé samedi à Paris pour l'acte 14 du mouvement.
Les organisateurs ont annoncé de leur côté 20000 participants dans toute la capitale.</p>
<p>« Nous reviendrons chaque samedi », a déclaré Éric Drouet, une figure du mouvement, devant la presse
réunie place de l'Étoile en fin d'après-midi.</p>
</article>
<footer>Mentions légales - Contact - Plan du site</footer></body></html>"""


def test_reads_text_json_jsonl_and_html_files_in_folders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Le préfet a affirmé que la situation était calme.", encoding="utf-8")
    (tmp_path / "b.json").write_text(
        json.dumps(
            {
                "id": "b1",
                "text": "Texte B.",
                "published": "2019-02-17",
                "lang": "fr",
                "title": "T",
                "url": "https://x.example/b",
                "outlet": "Le Monde",
            }  # fmt: skip
        ),
        encoding="utf-8",
    )
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "Un."}\n\n{"text": "Deux."}\n', encoding="utf-8")
    (tmp_path / "sub" / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored,in,a,folder\n", encoding="utf-8")

    got = read_by_source([tmp_path])
    assert sorted(got) == sorted(
        str(tmp_path / p) for p in ("a.txt", "b.json", "c.jsonl:1", "c.jsonl:3", "sub/page.html")
    )
    a = got[str(tmp_path / "a.txt")]
    assert isinstance(a, Article) and a.id == "a" and a.text.startswith("Le préfet")
    b = got[str(tmp_path / "b.json")]
    assert b == Article(
        id="b1", text="Texte B.", title="T", url="https://x.example/b", outlet="Le Monde",
        published="2019-02-17", language="fr",
    )  # fmt: skip
    assert [got[str(tmp_path / f"c.jsonl:{n}")].id for n in (1, 3)] == ["c1", "c-3"]  # type: ignore[union-attr]
    page = got[str(tmp_path / "sub" / "page.html")]
    assert isinstance(page, Article)
    assert page.outlet == "Le Quotidien" and page.published == "2019-02-17"
    assert page.url == "https://www.lequotidien.example/societe/gilets-jaunes-paris.html"
    assert page.title == "Gilets jaunes : 5000 manifestants à Paris"
    assert "5000 manifestants ont défilé samedi" in page.text and "a déclaré Éric Drouet" in page.text
    assert "Abonnez-vous" not in page.text and "Mentions légales" not in page.text


def test_unreadable_inputs_are_failures_naming_the_input_and_the_reason(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes("Été très chaud".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n ", encoding="utf-8")
    (tmp_path / "notext.json").write_text('{"id": "x", "body": "…"}', encoding="utf-8")
    (tmp_path / "baddate.json").write_text(
        '{"id": "x", "text": "Un.", "published": "hier"}', encoding="utf-8"
    )
    (tmp_path / "lines.jsonl").write_text('{"text": "Bon."}\n{"text": "cassé"\n', encoding="utf-8")
    (tmp_path / "nav.html").write_text("<html><head><title>Vide</title></head><body></body></html>")
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    names = [
        "latin1.txt",
        "empty.txt",
        "notext.json",
        "baddate.json",
        "lines.jsonl",
        "nav.html",
        "data.csv",
        "nope.txt",
    ]
    got = {str(record.source): record for record in read_files([tmp_path / n for n in names])}

    def reason(source: str) -> str:
        item = got[str(tmp_path / source)]
        assert isinstance(item, InputError), source
        assert item.source == str(tmp_path / source)
        return item.reason

    assert "not valid UTF-8" in reason("latin1.txt")
    assert "no text" in reason("empty.txt")
    assert "no 'text'" in reason("notext.json")
    assert "'hier' is not a date" in reason("baddate.json")
    assert isinstance(got[str(tmp_path / "lines.jsonl:1")], Loaded)
    assert "malformed JSON" in reason("lines.jsonl:2")
    assert "no article text" in reason("nav.html")
    assert "unsupported file type .csv" in reason("data.csv")
    assert "no such file" in reason("nope.txt")


# -- ingest with the real analyzer --------------------------------------------------------------

ARTICLES = {
    "castaner.txt": "« Nous ne céderons pas », a déclaré le ministre de l'Intérieur Christophe Castaner. "
    "Selon la police, 5000 personnes ont défilé à Paris.",
    "prefet.txt": "Le préfet a affirmé que la situation était calme. Les organisateurs ont annoncé 20000 manifestants.",
    "onu.txt": "Plus de 300 civils ont été tués à Mossoul, selon l'ONU. Le gouverneur a parlé de 130 morts.",
}


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer("fr")


class Counting:
    """The real analyzer, counting the articles it is given."""

    def __init__(self, inner: Analyzer) -> None:
        self.inner = inner
        self.seen: list[str] = []

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis | Failure]:
        def note(arts: Iterable[Article]) -> Iterator[Article]:
            for a in arts:
                self.seen.append(a.id)
                yield a

        return self.inner.analyze_many(note(articles))


def write_articles(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "vide.txt").write_text("", encoding="utf-8")
    return folder


def test_ingest_stores_what_the_analyzer_finds_and_a_rerun_analyses_nothing(
    tmp_path: Path, db_url: str, analyzer: Analyzer
) -> None:
    folder = write_articles(tmp_path / "in")
    first = Counting(analyzer)
    summary = ingest([folder], db_url, analyzer=first)
    assert sorted(Path(s).name for s in summary.ingested) == sorted(ARTICLES)
    assert summary.present == [] and [Path(f.source or "").name for f in summary.failed] == ["vide.txt"]
    assert "no text" in summary.failed[0].message and summary.exit_code == 1
    assert sorted(first.seen) == ["castaner", "onu", "prefet"]

    # what is stored is what the analyzer finds, article by article
    stored = figures(db_url)
    for name, text in ARTICLES.items():
        direct = analyzer.analyze(text, id=name)
        mine = [r for r in stored if r["article"] == Path(name).stem]
        assert [(r["text"], r["low"], r["source"]) for r in mine] == [
            (f.text, f.low, f.source) for f in direct.figures
        ]
    spoken = {r["speaker"] for r in speakers(db_url)}
    assert "Christophe Castaner" in spoken

    again = Counting(analyzer)
    rerun = ingest([folder], db_url, analyzer=again)
    assert again.seen == [] and rerun.ingested == [] and len(rerun.present) == 3
    with open_store(db_url) as store:
        assert store.counts()["articles"] == 3


def test_ingest_reads_in_chunks_dedups_across_them_and_reports_progress(
    tmp_path: Path, db_url: str, analyzer: Analyzer
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES["castaner.txt"], encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLES["prefet.txt"], encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        "  " + ARTICLES["castaner.txt"].replace(" ", "  ") + "\n", encoding="utf-8"
    )
    lines = [{"id": "d1", "text": ARTICLES["prefet.txt"]}, {"id": "d2", "text": ARTICLES["onu.txt"]}]
    (tmp_path / "d.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    calls: list[tuple[int, int]] = []
    counting = Counting(analyzer)
    summary = ingest(
        [tmp_path], db_url, analyzer=counting, chunk_size=2, progress=lambda d, t: calls.append((d, t))
    )
    assert sorted(counting.seen) == ["a", "b", "d2"]  # each text analysed once, across chunks
    assert [Path(s).name for s in summary.present] == ["c.txt", "d.jsonl:1"]
    assert len(summary.ingested) == 3 and summary.exit_code == 0
    assert sorted(d for d, _ in calls) == [1, 2, 3, 4, 5] and calls[-1] == (5, 5)


def test_ingest_with_nothing_readable_exits_2(tmp_path: Path, db_url: str, analyzer: Analyzer) -> None:
    (tmp_path / "vide.txt").write_text("", encoding="utf-8")
    summary = ingest([tmp_path / "vide.txt", tmp_path / "absent.json"], db_url, analyzer=analyzer)
    assert (len(summary.failed), summary.exit_code) == (2, 2)
    assert summary.to_dict()["failed"][1] == {
        "source": str(tmp_path / "absent.json"),
        "reason": "no such file or folder",
    }


# -- queries on hand-built analyses ---------------------------------------------------------------


def fig(
    fid: str, low: float, unit: str, outcome: str | None, source: str | None, high: float | None = None
) -> Figure:
    return Figure(fid, f"{low:g} {unit}", 0, 5, low, high, "exact", unit, outcome, source)


def said(sid: str, name: str, role: str | None = None) -> Statement:
    return Statement(sid, "indirect", TextSpan("…", 0, 1), Speaker(name, 0, 1, name, role))


def art(id: str, outlet: str, published: str, url: str | None = None) -> Article:
    return Article(
        id=id, text=f"Texte de l'article {id}.", outlet=outlet, published=published, url=url, language="fr"
    )


NEWS = [
    Analysis(
        art("monde-1", "Le Monde", "2019-02-17", url="https://lemonde.example/a"),
        [said("s1", "Christophe Castaner", "ministre de l'Intérieur"), said("s2", "Éric Drouet")],
        [
            fig("f1", 5000, "personnes", "participating", "la police"),
            fig("f2", 20000, "manifestants", "participating", "les organisateurs"),
        ],
    ),  # fmt: skip
    Analysis(
        art("libe-1", "Libération", "2019-02-17"),
        [said("s1", "Christophe Castaner", "ministre"), said("s2", "Christophe Castaner", "ministre")],
        [
            fig("f1", 6000, "gilets jaunes", "participating", "La Police"),
            fig("f2", 300, "civils", "killed", "l'ONU"),
            fig("f3", 4, "euros par mois", None, "100% Radio"),
        ],
    ),  # fmt: skip
    Analysis(
        art("echo-1", "L'Écho", "2019-03-01"),
        [said("s1", "Christophe Castaner", "ministre de l'Intérieur")],
        [
            fig("f1", 130, "civils", "killed", "le gouverneur Nawfal Hammadi", high=150),
            fig("f2", 12, "morts", "killed", "l'État islamique"),
        ],
    ),  # fmt: skip
    # a later version of the first article: its figures replace the first version's
    Analysis(
        Article(
            id="monde-1",
            text="Texte de l'article monde-1, mis à jour.",
            outlet="Le Monde",
            published="2019-02-17",
            url="https://lemonde.example/a",
            language="fr",
        ),
        [said("s1", "Christophe Castaner", "ministre de l'Intérieur")],
        [
            fig("f1", 7000, "personnes", "participating", "la police"),
            fig("f2", 20000, "manifestants", "participating", "les organisateurs"),
        ],
    ),  # fmt: skip
]


@pytest.fixture
def news(db_url: str) -> str:
    with open_store(db_url) as store:
        for a in NEWS:
            store.add(a)
    return db_url


def test_figures_lists_every_current_figure_with_its_source_article_outlet_and_date(news: str) -> None:
    rows = figures(news)
    assert len(rows) == 7
    by_value = {r["low"]: r for r in rows}
    assert 5000 not in by_value  # the first version of monde-1 is superseded
    r = by_value[7000]
    assert (r["source"], r["article"], r["outlet"], r["published"], r["version"]) == (
        "la police", "monde-1", "Le Monde", "2019-02-17", 2,
    )  # fmt: skip
    assert by_value[130]["high"] == 150 and by_value[130]["unit_family"] == "civils"
    assert len(figures(news, all_versions=True)) == 9


def test_figure_filters(news: str) -> None:
    def lows(**kw: object) -> list[float]:
        return sorted(r["low"] for r in figures(news, **kw))

    assert lows(outcome="killed") == [12, 130, 300]
    assert lows(source="POLICE") == [6000, 7000]  # part of the name, any case
    assert lows(source="état") == [12]  # case folding beyond ASCII (É)
    assert lows(source="l'ONU") == [300]  # a quote in the value is just a character
    assert lows(outlet="libé") == [4, 300, 6000]
    assert lows(since="2019-02-18") == [12, 130]
    assert lows(until="2019-02-17", outcome="participating") == [6000, 7000, 20000]
    assert lows(since="2019-03-01", until="2019-03-01") == [12, 130]
    assert figures(news, Filters(outcome="killed", source="gouverneur"))[0]["low"] == 130
    with pytest.raises(ValueError, match="since must be a date"):
        figures(news, since="mars 2019")


def test_hostile_filter_values_are_bound_parameters_not_sql(news: str) -> None:
    hostile = "'; DROP TABLE figures; --"
    assert figures(news, source=hostile) == []
    assert figures(news, outlet=hostile, outcome=hostile) == []
    assert compare(news, source=hostile) == [] and speakers(news, source=hostile) == []
    assert figures(news, outlet="' OR '1'='1") == []
    # LIKE wildcards in a value are literal characters too
    assert [r["source"] for r in figures(news, source="100%")] == ["100% Radio"]
    assert figures(news, source="%") == figures(news, source="100%")
    assert figures(news, source="_") == []
    with open_store(news) as store:
        assert store.counts()["figures"] == 9  # nothing was dropped


def test_compare_puts_sources_side_by_side_for_what_they_count(news: str) -> None:
    rows = compare(news, by=("outcome", "unit"))
    groups = {(r["outcome"], r["unit"]): r for r in rows}
    # personnes, manifestants and gilets jaunes are one family; "la police" and "La Police" one source
    crowd = groups[("participating", "personnes")]
    assert (crowd["La Police"], crowd["les organisateurs"], crowd["figures"], crowd["sources"]) == (
        "7000",
        "20000",
        3,
        2,
    )  # each source's largest figure, as the article asserts it
    assert "la police" not in rows.columns  # same source, a tie broken by code-point order
    assert (crowd["min"], crowd["max"], crowd["spread"]) == (6000, 20000, round(20000 / 6000, 3))
    dead = groups[("killed", "civils")]
    assert (dead["l'ONU"], dead["le gouverneur Nawfal Hammadi"], dead.get("La Police")) == ("300", "130–150", None)
    # a range counts by its middle when sources are set against each other
    assert (dead["min"], dead["max"], dead["spread"]) == (140, 300, round(300 / 140, 3))
    assert groups[("killed", "personnes")]["l'État islamique"] == "12"  # "morts" counts people
    assert groups[(None, "euro par mois")]["100% Radio"] == "4"
    assert sorted(dead["where"]) == ["l'ONU: libe-1#f2", "le gouverneur Nawfal Hammadi: echo-1#f1"]
    assert rows[0]["sources"] >= rows[-1]["sources"]
    assert rows.columns[:4] == ["outcome", "unit", "figures", "sources"]
    assert rows.columns[-4:] == ["min", "max", "spread", "where"]


def test_compare_groups_by_overlapping_days_not_by_publication_date(news: str) -> None:
    rows = compare(news, outcome="killed")
    # no figure has a period: each is about its publication day and the day before
    assert sorted((r["unit"], r["period"]) for r in rows) == [
        ("civils", "2019-02-16 – 2019-02-17"), ("civils", "2019-02-28 – 2019-03-01"),
        ("personnes", "2019-02-28 – 2019-03-01"),
    ]  # fmt: skip
    assert all(r["place"] is None for r in rows)
    two = compare(news, by=("outcome", "unit"), min_sources=2)
    assert sorted((r["outcome"], r["unit"]) for r in two) == [
        ("killed", "civils"),
        ("participating", "personnes"),
    ]
    assert "100% Radio" not in two.columns
    with pytest.raises(ValueError, match="cannot group by"):
        compare(news, by=("outlet",))


def scoped_fig(fid: str, low: float, source: str, place: Place | None, period: Period | None) -> Figure:
    return dataclasses.replace(fig(fid, low, "manifestants", "participating", source), place=place, period=period)


def test_compare_puts_one_event_reported_on_two_days_on_one_row_and_keeps_places_apart(db_url: str) -> None:
    paris, lyon = Place("Paris", 0, 5, "Paris", "FR", "Paris"), Place("Lyon", 0, 4, "Lyon", "FR", "Lyon")
    saturday = Period("2019-03-16", "2019-03-16", "samedi")
    reports = [
        Analysis(art("sat-1", "A", "2019-03-16"), [], [scoped_fig("f1", 8000, "la police", paris, saturday)]),
        Analysis(art("sun-1", "B", "2019-03-17"), [], [
            scoped_fig("f1", 40000, "les organisateurs", paris, saturday),
            scoped_fig("f2", 3000, "la police", lyon, saturday),
        ]),
        # a week later, same city: another event
        Analysis(art("sat-2", "A", "2019-03-23"), [], [scoped_fig("f1", 7000, "la police", paris, None)]),
    ]  # fmt: skip
    with open_store(db_url) as store:
        for a in reports:
            store.add(a)
    rows = {(r["place"], r["period"]): r for r in compare(db_url)}
    assert set(rows) == {("Paris", "2019-03-16"), ("Lyon", "2019-03-16"), ("Paris", "2019-03-22 – 2019-03-23")}
    march = rows[("Paris", "2019-03-16")]
    assert (march["la police"], march["les organisateurs"], march["spread"]) == ("8000", "40000", 5.0)
def test_unit_families_come_from_the_language_pack() -> None:
    assert (
        unit_family("Gilets Jaunes") == unit_family("manifestants") == unit_family("personnes") == "personnes"
    )
    assert unit_family("personnes arrêtées judiciairement") == "personnes"
    assert unit_family("policiers et gendarmes") == unit_family("gendarmes") == "forces de l'ordre"
    assert unit_family("euros") == "euros" and unit_family("euros par mois") == "euro par mois"
    assert unit_family("véhicules") == "véhicule" and unit_family(None) is None


def test_speakers_counts_who_is_quoted_by_outlet_with_roles(news: str) -> None:
    rows = speakers(news)
    top = rows[0]
    assert (top["speaker"], top["outlet"], top["statements"], top["articles"], top["roles"]) == (
        "Christophe Castaner", "Libération", 2, 1, ["ministre"],
    )  # fmt: skip
    castaner = {r["outlet"]: r for r in rows if r["speaker"] == "Christophe Castaner"}
    assert set(castaner) == {"Libération", "Le Monde", "L'Écho"}
    assert castaner["Le Monde"]["statements"] == 1  # the current version only
    assert speakers(news, all_versions=True)[0]["statements"] == 2
    assert [r["speaker"] for r in speakers(news, source="drouet")] == []  # only in the superseded version
    assert [r["outlet"] for r in speakers(news, outlet="écho")] == ["L'Écho"]
    assert len(speakers(news, limit=2)) == 2


def test_records_convert_to_pandas(news: str) -> None:
    frame = compare(news, by=("outcome", "unit")).to_pandas()
    assert list(frame.columns)[:2] == ["outcome", "unit"] and "l'ONU" in frame.columns
    assert len(frame) == 4
    df = figures(news).to_pandas()
    assert df["low"].sum() == 7000 + 20000 + 6000 + 300 + 4 + 130 + 12


# -- the commands -------------------------------------------------------------------------------


@pytest.fixture
def shared_analyzer(monkeypatch: pytest.MonkeyPatch, analyzer: Analyzer) -> None:
    # the commands build Analyzer("fr"); hand them the module's, to load the model once
    monkeypatch.setattr("selon.pipeline.analyzer.Analyzer", lambda lang: analyzer)


def test_ingest_command_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_analyzer: None
) -> None:
    folder = write_articles(tmp_path / "in")
    db = str(tmp_path / "cli.db")
    assert cli(["ingest", str(folder / "castaner.txt"), str(folder / "onu.txt"), "--db", db]) == 0
    assert "2 ingested, 0 already present, 0 failed" in capsys.readouterr().err
    assert cli(["ingest", str(folder), "--db", db]) == 1
    err = capsys.readouterr().err
    assert "1 ingested, 2 already present, 1 failed" in err and "vide.txt: the article has no text" in err
    assert cli(["ingest", str(folder / "vide.txt"), "--db", db]) == 2
    assert cli(["ingest", str(folder), "--db", str(tmp_path / "missing" / "x.db")]) == 2
    assert "selon: error: cannot create the SQLite file" in capsys.readouterr().err


def test_ingest_command_on_a_terminal_moves_its_bar_to_the_inputs_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], shared_analyzer: None
) -> None:
    from selon.cli import store as store_command

    bars = []
    real = store_command.progress_bar

    def spy(total: int | None, enabled: bool, label: str = "analysing"):
        bars.append((total, enabled, label))
        return real(total, enabled, label)

    monkeypatch.setattr(store_command, "isatty", lambda stream: True)
    monkeypatch.setattr(store_command, "progress_bar", spy)
    folder = write_articles(tmp_path / "in")
    assert cli(["ingest", str(folder / "castaner.txt"), str(folder / "onu.txt"), "--db", str(tmp_path / "t.db")]) == 0
    assert bars == [(None, True, "ingest")]
    assert "2 ingested, 0 already present, 0 failed" in capsys.readouterr().err


def test_query_commands_formats(news: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["figures", "--db", news, "--outcome", "killed", "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted(r["source"] for r in table) == ["l'ONU", "l'État islamique", "le gouverneur Nawfal Hammadi"]

    assert (
        cli(["compare", "--db", news, "--by", "outcome,unit", "--min-sources", "2", "--format", "json"]) == 0
    )
    groups = json.loads(capsys.readouterr().out)
    assert {(g["outcome"], g["unit"]) for g in groups} == {
        ("killed", "civils"),
        ("participating", "personnes"),
    }

    assert cli(["speakers", "--db", news, "--limit", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["speaker", "outlet", "statements", "articles", "roles"]
    assert out[2].startswith("Christophe Castaner  Libération") and len(out) == 3

    target = tmp_path / "figs.parquet"
    assert cli(["figures", "--db", news, "--format", "parquet", "-o", str(target)]) == 0
    import pandas as pd

    assert sorted(pd.read_parquet(target)["low"]) == [4, 12, 130, 300, 6000, 7000, 20000]
    assert cli(["figures", "--db", news, "--format", "parquet"]) == 2
    assert "--output" in capsys.readouterr().err


def test_query_commands_reject_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli(["figures", "--since", "17/02/2019", "--db", str(tmp_path / "x.db")])
    assert code == 2 and "not a date YYYY-MM-DD" in capsys.readouterr().err
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 100)
    assert cli(["compare", "--db", str(bad)]) == 2
    assert "corrupt or not a SQLite database" in capsys.readouterr().err
    assert cli(["speakers", "--db", "mysql://localhost/x"]) == 2


def test_ingest_refreshes_the_sqlite_planner_statistics(tmp_path: Path, analyzer: Analyzer) -> None:
    """After a batch, ``ANALYZE`` has run: without statistics SQLite plans ``compare`` with a
    slower index (see benchmarks/store.py)."""
    import sqlite3

    folder = write_articles(tmp_path / "in")
    path = tmp_path / "stats.db"
    ingest([folder], f"sqlite:///{path}", analyzer=analyzer)
    with sqlite3.connect(path) as con:
        tables = {row[0] for row in con.execute("SELECT tbl FROM sqlite_stat1")}
    assert {"figures", "articles"} <= tables


def test_show_finds_an_article_by_its_own_id_current_version_first(
    news: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(["show", "monde-1", "--db", news, "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["article"]["text"].endswith("mis à jour.")  # the current version
    assert [f["low"] for f in shown["figures"]] == [7000, 20000]
    assert cli(["show", "monde-1", "--version", "1", "--db", news, "--format", "json"]) == 0
    assert [f["low"] for f in json.loads(capsys.readouterr().out)["figures"]] == [5000, 20000]
    assert cli(["show", "echo-1", "--db", news, "--format", "pretty"]) == 0
    out = capsys.readouterr().out
    assert "Castaner" in out and "12 morts" in out and "130–150" in out


def test_show_names_a_missing_article(news: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["show", "absent-1", "--db", news]) == 2
    err = capsys.readouterr().err
    assert "no stored article 'absent-1'" in err and len(err.strip().splitlines()) == 1


# -- one name per source --------------------------------------------------------------------------


OIM = "Organisation internationale pour les migrations"
NAMES = [
    Analysis(art("names-1", "La Libre", "2019-03-16"), [said("s1", "Elio Di Rupo", "ministre-président")], [
        fig("f1", 100, "migrants", "displaced", "Elio Di Rupo"),
        fig("f2", 300, "civils", "killed", "l'ONU"),
        fig("f3", 200, "migrants", "displaced", "OIM"),
        fig("f4", 10, "migrants", "displaced", "Jean Dupont"),
    ]),
    Analysis(art("names-2", "Le Soir", "2019-03-16"), [said("s1", "Di Rupo"), said("s2", "Di Rupo")], [
        fig("f1", 120, "migrants", "displaced", "Di Rupo"),
        fig("f2", 320, "civils", "killed", "ONU"),
        fig("f3", 250, "migrants", "displaced", OIM),
        fig("f4", 12, "migrants", "displaced", "Marie Dupont"),
        fig("f5", 14, "migrants", "displaced", "Dupont"),
    ]),
    Analysis(art("names-3", "DH", "2019-03-16"), [], [
        fig("f1", 310, "civils", "killed", "Onu"),
        fig("f2", 5, "civils", "killed", "Mission de l'ONU"),
        fig("f3", 7, "migrants", "displaced", "de Gaulle"),
        fig("f4", 8, "migrants", "displaced", "Charles de Gaulle"),
    ]),
]  # fmt: skip


@pytest.fixture
def names(db_url: str) -> str:
    with open_store(db_url) as store:
        for a in NAMES:
            store.add(a)
    return db_url


def test_compare_gives_one_column_per_source_under_all_its_names(names: str) -> None:
    from selon.store.sources import add_alias

    rows = {(r["outcome"], r["unit"]): r for r in compare(names, by=("outcome", "unit"))}
    dead = rows[("killed", "civils")]
    # l'ONU, ONU and Onu: one source, named as most of its figures spell it (a tie: code-point order)
    assert (dead["sources"], dead["figures"], dead["ONU"]) == (2, 4, "320")
    assert dead["Mission de l'ONU"] == "5"  # « ONU » after « de l' » is a complement, not a family name
    moved = rows[("displaced", "migrant")]
    # « Di Rupo » is the family name of exactly one longer name: Elio Di Rupo's column
    assert moved["Elio Di Rupo"] == "120" and "Di Rupo" not in moved
    # « Dupont » ends two longer names (Jean and Marie): it stays apart, and so do they
    assert (moved["Dupont"], moved["Jean Dupont"], moved["Marie Dupont"]) == ("14", "10", "12")
    assert moved["Charles de Gaulle"] == "8" and "de Gaulle" not in moved  # a particle within a name
    assert (moved["OIM"], moved[OIM]) == ("200", "250")  # no rule joins an acronym across articles …
    add_alias(names, "OIM", OIM)  # … the user's alias does
    moved = {(r["outcome"], r["unit"]): r for r in compare(names, by=("outcome", "unit"))}[("displaced", "migrant")]
    assert moved[OIM] == "250" and "OIM" not in moved and moved["sources"] == 6
    assert sorted(moved["where"])[-1] == f"{OIM}: names-2#f3"


def test_the_alias_target_names_the_column_even_when_only_the_alias_is_here(names: str) -> None:
    from selon.store.sources import add_alias

    add_alias(names, "OIM", "l'Organisation internationale pour les migrations")
    rows = compare(names, by=("outcome", "unit"), outlet="La Libre")  # only « OIM » figures here
    moved = next(r for r in rows if r["outcome"] == "displaced")
    assert moved["l'Organisation internationale pour les migrations"] == "200" and "OIM" not in rows.columns


def test_speakers_count_one_speaker_under_all_their_names(names: str) -> None:
    rows = speakers(names)
    assert {(r["speaker"], r["outlet"], r["statements"]) for r in rows} == {
        ("Elio Di Rupo", "La Libre", 1), ("Elio Di Rupo", "Le Soir", 2),
    }  # fmt: skip
    assert [r["outlet"] for r in speakers(names, source="elio")] == ["Le Soir", "La Libre"]


def test_the_source_filter_finds_a_source_by_any_of_its_names(names: str) -> None:
    from selon.store.queries import count_figures
    from selon.store.sources import add_alias

    def found(text: str) -> list[tuple[str, str]]:
        return sorted((r["article"], r["source"]) for r in figures(names, source=text))

    assert found("Elio") == [("names-1", "Elio Di Rupo"), ("names-2", "Di Rupo")]
    assert found("onu") == [("names-1", "l'ONU"), ("names-2", "ONU"), ("names-3", "Mission de l'ONU"), ("names-3", "Onu")]
    assert found("Onu") == found("l'onu") == found("ONU")
    assert found("Organisation internationale") == [("names-2", OIM)]
    add_alias(names, "OIM", OIM)
    assert found("Organisation internationale") == [("names-1", "OIM"), ("names-2", OIM)]
    assert count_figures(names, source="organisation internationale") == 2
    assert found("Jean") == [("names-1", "Jean Dupont")]  # « Dupont » alone is not Jean's
    assert compare(names, source="elio", by=("outcome",))[0]["Elio Di Rupo"] == "120"


# -- figures in context ---------------------------------------------------------------------------


def test_sentence_around_cuts_on_sentence_ends_and_line_breaks() -> None:
    from selon.store.queries import sentence_around

    text = "Titre du jour\nLe bilan est lourd. Selon l'ONU, 1.200 personnes sont mortes ! Plus tard, rien. Fin"
    start = text.index("1.200")
    assert sentence_around(text, start, start + 15) == "Selon l'ONU, 1.200 personnes sont mortes !"
    assert sentence_around(text, 0, 5) == "Titre du jour"  # a line break ends a sentence
    assert sentence_around(text, len(text) - 3, len(text)) == "Fin"
    assert sentence_around(text, 5, 500) is None and sentence_around(None, 0, 1) is None


CONTEXT = Analysis(
    Article(id="ctx-1", text="Premier point. Selon la police, 5000 personnes ont défilé samedi.\nAutre chose.",
            outlet="X", published="2019-03-16", language="fr"),
    [],
    [Figure("f1", "5000 personnes", 32, 46, 5000, None, "exact", "personnes", "participating", "la police")],
)  # fmt: skip


def test_figures_context_and_columns(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(db_url) as store:
        store.add(CONTEXT)
    assert figures(db_url, context=True)[0]["sentence"] == "Selon la police, 5000 personnes ont défilé samedi."
    assert "sentence" not in figures(db_url)[0]
    assert cli(["figures", "--db", db_url, "--context", "--columns", "source,low"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["source", "low"] and out[2].split() == ["la", "police", "5000"]
    assert out[3] == "    Selon la police, 5000 personnes ont défilé samedi."  # whole, under its row
    assert cli(["figures", "--db", db_url, "--context", "--columns", "article,figure", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows == [{"article": "ctx-1", "figure": "f1", "sentence": "Selon la police, 5000 personnes ont défilé samedi."}]
    assert cli(["figures", "--db", db_url, "--columns", "low,sentence"]) == 2  # no sentence without --context
    err = capsys.readouterr().err
    assert "unknown column(s) 'sentence' for --columns; the columns are article,version," in err
    assert cli(["figures", "--db", db_url, "--columns", "low,colour", "--format", "json"]) == 2
    assert "'colour'" in capsys.readouterr().err
