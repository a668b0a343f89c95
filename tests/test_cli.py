"""``selon analyze``: formats, options, exit codes, the pretty view, the command table."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from cli_helpers import run_cli
from selon import render
from selon.cli import analyze as analyze_command
from selon.cli import registry as cli
from selon.models import Analysis, Article, Figure, Speaker, Statement, TextSpan
from selon.pipeline.analyzer import Analyzer

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "inondations-fr.txt"
FRENCH = (
    "Selon la police, plus de 300 personnes ont manifesté samedi à Lyon contre la fermeture de "
    "la maternité. « Nous ne céderons pas », a déclaré le porte-parole du collectif, Marc Durand.\n"
)


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    a = tmp_path / "a.txt"
    a.write_text(FRENCH, encoding="utf-8")
    b = tmp_path / "b.json"
    b.write_text(json.dumps({"id": "b-id", "text": FRENCH, "published": "2019-01-02", "outlet": "AFP"}), encoding="utf-8")
    return [a, b]


# -- output formats ----------------------------------------------------------------------------
def test_jsonl_is_exactly_the_analysis_json(capsys, cli_analyzer: Analyzer, articles: list[Path]) -> None:
    code, out, err = run_cli(capsys, "analyze", *map(str, articles), "--format", "jsonl")
    assert code == 0 and err == []
    lines = out.splitlines()
    assert len(lines) == 2
    expected = cli_analyzer.analyze(Article(id="a", text=FRENCH, language="fr"))
    assert lines[0] == expected.to_json()
    second = json.loads(lines[1])
    assert second["schema"] == "selon/1"
    assert second["article"]["id"] == "b-id" and second["article"]["outlet"] == "AFP"


def test_json_is_one_object_for_one_article_and_an_array_for_several(
    capsys, cli_analyzer: Analyzer, articles: list[Path]
) -> None:
    code, out, _ = run_cli(capsys, "analyze", str(articles[0]), "--format", "json")
    assert code == 0
    one = json.loads(out)
    assert isinstance(one, dict) and one["article"]["id"] == "a"
    code, out, _ = run_cli(capsys, "analyze", *map(str, articles), "--format", "json")
    many = json.loads(out)
    assert isinstance(many, list) and [m["article"]["id"] for m in many] == ["a", "b-id"]
    assert many[0] == one


def test_json_array_stays_an_array_when_some_fail(capsys, cli_analyzer: Analyzer, articles: list[Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, err = run_cli(capsys, "analyze", str(empty), str(articles[0]), "--format", "json")
    assert code == 1
    assert [m["article"]["id"] for m in json.loads(out)] == ["a"]
    assert len([e for e in err if str(empty) in e]) == 1


def test_default_format_in_a_pipe_is_jsonl(capsys, cli_analyzer: Analyzer, articles: list[Path]) -> None:
    code, out, _ = run_cli(capsys, "analyze", *map(str, articles))
    assert code == 0
    assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == ["a", "b-id"]


def test_stdin_dash(capsys, cli_analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FRENCH.encode())))
    code, out, _ = run_cli(capsys, "analyze", "-", "--format", "jsonl")
    assert code == 0
    assert json.loads(out)["article"] | {"text": None} == {
        "id": "stdin", "title": None, "url": None, "outlet": None, "published": None, "language": "fr", "text": None
    }


# -- options -------------------------------------------------------------------------------------
def test_published_fills_only_missing_dates(capsys, cli_analyzer: Analyzer, articles: list[Path]) -> None:
    code, out, _ = run_cli(capsys, "analyze", *map(str, articles), "--format", "jsonl", "--published", "2024-02-29")
    assert code == 0
    assert [json.loads(line)["article"]["published"] for line in out.splitlines()] == ["2024-02-29", "2019-01-02"]


def test_globs_are_expanded_by_selon(capsys, cli_analyzer: Analyzer, articles: list[Path], tmp_path: Path) -> None:
    code, out, _ = run_cli(capsys, "analyze", str(tmp_path / "*.txt"), str(tmp_path / "b.*"), "--format", "jsonl")
    assert code == 0
    assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == ["a", "b-id"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["analyze", "/nonexistent/x.txt"], "/nonexistent/x.txt: no such file"),
        (["analyze", "/nonexistent/*.txt"], "no file matches"),
        (["analyze", "EX", "--published", "28/03/2017"], "'28/03/2017' is not a date"),
        (["analyze", "EX", "--published", "2017-02-30"], "'2017-02-30' is not a valid date"),
        (["analyze", "EX", "--workers", "0"], "--workers: 0 is out of range"),
        (["analyze", "EX", "--workers", "two"], "'two' is not a number"),
        (["analyze", "EX", "--lang", "xx"], "no language pack for 'xx' (supported: en, fr"),
        (["analyze", "EX", "--format", "xml"], "invalid choice: 'xml'"),
        (["analyze"], "the following arguments are required: PATH"),
        ([], "the following arguments are required: COMMAND"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_wrong_arguments_exit_2_with_one_line(capsys, argv: list[str], message: str) -> None:
    argv = [str(EXAMPLE) if a == "EX" else a for a in argv]
    code, out, err = run_cli(capsys, *argv)
    assert code == 2
    assert out == ""
    assert len(err) == 1 and message in err[0], err


def test_none_succeeded_is_exit_2(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n{"id": 2}\n', encoding="utf-8")
    code, out, err = run_cli(capsys, "analyze", str(bad), "--format", "jsonl")
    assert code == 2 and out == ""
    assert err[-1] == "selon: 2 of 2 articles failed"


def test_empty_jsonl_is_no_articles(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "analyze", str(empty))
    assert code == 2
    assert any(str(empty) in e and "empty" in e for e in err)


def test_workers_two_gives_the_same_output_as_one(capsys, cli_analyzer: Analyzer, tmp_path: Path) -> None:
    p = tmp_path / "many.jsonl"
    texts = [FRENCH, FRENCH.replace("300", "450"), "", FRENCH.replace("Lyon", "Brest")]
    p.write_text("\n".join(json.dumps({"id": f"n{k}", "text": t}) for k, t in enumerate(texts)) + "\n", encoding="utf-8")
    code1, out1, err1 = run_cli(capsys, "analyze", str(p), "--format", "jsonl", "--lang", "fr")
    code2, out2, err2 = run_cli(capsys, "analyze", str(p), "--format", "jsonl", "--lang", "fr", "--workers", "2")
    assert code1 == code2 == 1
    assert out1 == out2 and len(out1.splitlines()) == 3
    assert err1 == err2 and f"{p}:3" in err1[0]


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys, cli_analyzer: Analyzer, articles: list[Path]) -> None:
    _, _, err = run_cli(capsys, "analyze", *map(str, articles), "--format", "jsonl")
    assert err == []


def test_progress_bar_on_a_terminal_keeps_output_intact(
    capsys, cli_analyzer: Analyzer, articles: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[int | None] = []
    real = analyze_command.progress_bar

    def spy(total: int | None, enabled: bool):
        shown.append(total if enabled else -1)
        return real(total, enabled)

    monkeypatch.setattr(analyze_command, "isatty", lambda stream: stream is sys.stderr)
    monkeypatch.setattr(analyze_command, "progress_bar", spy)
    code, out, _ = run_cli(capsys, "analyze", *map(str, articles), "--format", "jsonl")
    assert code == 0 and shown == [2]
    assert len(out.splitlines()) == 2


# -- the pretty view -----------------------------------------------------------------------------
TEXT = "Selon la police, plus de 130 civils sont morts, a déclaré Ali Omar. « Ça suffit », a dit Mia Roy."


def _analysis() -> Analysis:
    def span(s: str) -> TextSpan:
        i = TEXT.index(s)
        return TextSpan(s, i, i + len(s))

    ali = TEXT.index("Ali Omar")
    mia = TEXT.index("Mia Roy")
    return Analysis(
        article=Article(id="t", text=TEXT, title="Un titre", outlet="AFP", published="2017-03-28", language="fr"),
        statements=[
            Statement("s1", "indirect", span("plus de 130 civils sont morts"),
                      Speaker("Ali Omar", ali, ali + 8, "Ali Omar", "gouverneur"), span("a déclaré")),
            Statement("s2", "direct", span("Ça suffit"), Speaker("Mia Roy", mia, mia + 7, "Mia Roy"), span("a dit")),
            Statement("s3", "according_to", span("plus de 130 civils"), Speaker("la police", 6, 15, "police"),
                      span("Selon")),
        ],
        figures=[
            Figure("f1", "plus de 130 civils", TEXT.index("plus de 130"), TEXT.index("plus de 130") + 18, 130, None,
                   "more_than", "civils", "killed", "Ali Omar", "s1"),
        ],
    )


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "shown"),
    [
        (130, None, "more_than", "> 130"),
        (1000, None, "about", "≈ 1\u00a0000"),
        (20, 99, "range", "20–99"),
        (5, None, "at_least", "≥ 5"),
        (260000, None, "exact", "260\u00a0000"),
        (2.5, None, "less_than", "< 2,5"),
        (1200.0, None, "at_most", "≤ 1\u00a0200"),
    ],
)
def test_figure_values_with_their_qualifier(low, high, qualifier, shown) -> None:
    f = Figure("f1", "x", 0, 1, low, high, qualifier)
    assert render.format_value(f) == shown


def test_one_colour_per_speaker() -> None:
    a = _analysis()
    a.statements.append(Statement("s4", "direct", TextSpan("Ça", 73, 75), Speaker("elle", 0, 4, "Mia Roy"), None))
    colours = render.speaker_colours(a)
    assert list(colours) == ["Ali Omar", "Mia Roy", "police"]
    assert len(set(colours.values())) == 3


def test_highlights_sit_on_the_offsets() -> None:
    a = _analysis()
    text = render.highlighted_text(a)
    colours = render.speaker_colours(a)

    def styles_at(i: int) -> str:
        return " ".join(str(s.style) for s in text.spans if s.start <= i < s.end)

    content = a.statements[1].content
    assert colours["Mia Roy"] in styles_at(content.start)
    assert colours["Mia Roy"] not in styles_at(content.start - 3)
    cue = a.statements[0].cue
    assert cue is not None and "bold underline" in styles_at(cue.start)
    assert render.FIGURE_STYLE in styles_at(a.figures[0].start)
    assert render.FIGURE_STYLE not in styles_at(a.figures[0].end)


def test_pretty_in_a_pipe_is_plain_text_with_tables() -> None:
    buf = io.StringIO()
    render.print_analysis(_analysis(), Console(file=buf, width=120))
    out = buf.getvalue()
    assert "\x1b[" not in out
    assert "Un titre" in out and "AFP" in out
    assert "Statements (3)" in out and "Figures (1)" in out
    for cell in ("Ali Omar", "gouverneur", "selon", "a déclaré", "> 130", "civils", "killed"):
        assert cell in out, cell


def test_pretty_kind_label_is_the_jsons_name() -> None:
    buf = io.StringIO()
    render.print_analysis(_analysis(), Console(file=buf, width=160))
    rows = {line.split("│")[1].strip(): line for line in buf.getvalue().splitlines() if line.count("│") > 3}
    assert "according_to" in rows["s3"], rows
    assert [s.kind for s in _analysis().statements if s.id == "s3"] == ["according_to"]


def test_pretty_on_a_terminal_is_coloured() -> None:
    buf = io.StringIO()
    render.print_analysis(_analysis(), Console(file=buf, width=120, force_terminal=True, color_system="standard"))
    out = buf.getvalue()
    assert "\x1b[36m" in out and "\x1b[35m" in out  # cyan, magenta: the first two speakers
    assert "\x1b[1;4" in out  # bold underline cues


def test_long_text_is_cut_in_the_view_but_tables_are_whole() -> None:
    a = _analysis()
    long = Analysis(article=Article(id="l", text=TEXT + " x" * 30_000), statements=a.statements, figures=a.figures)
    plain = render.highlighted_text(long).plain
    assert len(plain) < 21_000 and "more characters not shown" in plain


def test_pretty_format_through_the_cli(capsys, cli_analyzer: Analyzer) -> None:
    code, out, err = run_cli(capsys, "analyze", str(EXAMPLE), "--format", "pretty")
    assert code == 0 and err == []
    assert "\x1b[" not in out  # captured stdout is not a terminal
    assert "KESSARIA" in out and "basse vallée" in out
    assert "Statements (" in out


# -- the command table and the installed script ------------------------------------------------
def test_a_registered_command_runs(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "COMMANDS", dict(cli.COMMANDS))

    def add(p: argparse.ArgumentParser) -> None:
        p.add_argument("--n", type=int, default=1)

    def run(args: argparse.Namespace) -> int:
        print("hello " * args.n)
        return 7

    cli.register(cli.Command("hello", "say hello", add, run))
    with pytest.raises(ValueError, match="already registered"):
        cli.register(cli.Command("hello", "again", add, run))
    assert cli.main(["hello", "--n", "2"]) == 7
    assert capsys.readouterr().out.strip() == "hello hello"


def test_every_command_is_in_the_one_registry_and_parser(capsys) -> None:
    assert list(cli.COMMANDS) == [
        "analyze", "ingest", "figures", "compare", "speakers", "show", "aliases", "evaluate", "serve", "spark"]
    assert cli.main(["nothing"]) == 2
    names = ", ".join(f"'{name}'" for name in cli.COMMANDS)
    assert f"invalid choice: 'nothing' (choose from {names})" in capsys.readouterr().err
    assert cli.main(["ingest", "--help"]) == 0
    usage = capsys.readouterr().out
    assert "[PATH ...]" in usage and "--from-parquet FOLDER" in usage


def test_installed_script_end_to_end(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("selon")
    if not exe.exists():
        pytest.skip("the selon script is not installed in this environment")
    bad = tmp_path / "bad.json"
    bad.write_text("{ nope", encoding="utf-8")
    env = dict(os.environ, COLUMNS="100")
    proc = subprocess.run([str(exe), "analyze", str(EXAMPLE), str(bad)], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1
    result = json.loads(proc.stdout)
    assert result["article"]["id"] == "inondations-fr"
    assert proc.stderr.splitlines()[0] == f"selon: {bad}: malformed JSON at line 1, column 3: Expecting property name enclosed in double quotes"
    assert "Traceback" not in proc.stderr


# -- docs/output.md stays true -------------------------------------------------------------------
def test_output_doc_example_matches_the_records_and_the_example_text() -> None:
    doc = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    example = json.loads(doc.split("```json\n", 1)[1].split("```", 1)[0])
    real = _analysis().to_dict()
    assert example["schema"] == real["schema"] == "selon/1"
    assert set(example["article"]) == set(real["article"])
    for s in example["statements"]:
        assert set(s) == set(real["statements"][0])
        assert set(s["speaker"]) == set(real["statements"][0]["speaker"])
    assert set(example["figures"][0]) == set(real["figures"][0])
    text = EXAMPLE.read_text(encoding="utf-8")
    spans = [s[k] for s in example["statements"] for k in ("speaker", "cue", "content")] + example["figures"]
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"], span
    assert example["article"]["text"].rstrip("…") == text[: len(example["article"]["text"].rstrip("…"))]


def test_workers_two_keep_the_run_when_one_record_raises() -> None:
    """issue 11: an unexpected error in a worker fails its article only, not the whole run."""
    from selon.pipeline.analyzer import Failure
    from selon.pipeline.routing import analyze_parallel

    good = [Article(id=f"g{k}", text=FRENCH.replace("300", str(300 + k)), language="fr") for k in range(5)]
    bad = Article(id="bad", text=12345, language="fr")  # type: ignore[arg-type]  # raises in the worker
    results = list(analyze_parallel([*good[:2], bad, *good[2:]], lang="fr", workers=2, batch_size=2))
    assert [getattr(r, "article_id", None) or r.article.id for r in results] == ["g0", "g1", "bad", "g2", "g3", "g4"]
    assert [type(r).__name__ for r in results].count("Analysis") == 5
    assert isinstance(results[2], Failure) and "internal error" in results[2].message


def test_ingest_bar_knows_the_total_before_anything_is_analysed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from selon.cli import store as store_command
    from selon.store.loader import IngestSummary

    bars = []
    real = store_command.progress_bar

    def spy(total, enabled, label="analysing"):  # type: ignore[no-untyped-def]
        context = real(total, enabled, label)

        class Keep:
            def __enter__(self):  # type: ignore[no-untyped-def]
                bars.append(context.__enter__())
                return bars[-1]

            def __exit__(self, *exc):  # type: ignore[no-untyped-def]
                return context.__exit__(*exc)

        return Keep()

    totals_at_start = []

    def fake_ingest(paths, db, *, lang, progress):  # type: ignore[no-untyped-def]
        totals_at_start.append(bars[0].tasks[0].total)
        return IngestSummary(ingested=["x"])

    monkeypatch.setattr(store_command, "isatty", lambda stream: True)
    monkeypatch.setattr(store_command, "progress_bar", spy)
    monkeypatch.setattr(store_command, "ingest", fake_ingest)
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps({"text": FRENCH}) for _ in range(3)) + "\n")
    code, _, _ = run_cli(capsys, "ingest", str(tmp_path), "--db", str(tmp_path / "s.db"))
    assert code == 0 and totals_at_start == [4]


def _store_with_figures(path: Path) -> str:
    from selon.store.db import open_store

    text = "Selon la police, 12 morts et 30 blessés à Lyon."
    figs = [
        Figure("f1", "12 morts", 17, 25, 12, None, "exact", "morts", "killed", "la police"),
        Figure("f2", "30 blessés", 29, 39, 30, None, "exact", "blessés", "injured", "la police"),
    ]
    with open_store(path) as store:
        store.add(Analysis(Article(id="lyon", text=text, language="fr"), [], figs))
    return str(path)


@pytest.mark.parametrize("given", ["killed", "Killed", "KILLED", "tués", "morts", "Morts"])
def test_outcome_accepts_codes_in_any_case_and_the_packs_words(capsys, tmp_path: Path, given: str) -> None:
    db = _store_with_figures(tmp_path / "s.db")
    code, out, err = run_cli(capsys, "figures", "--db", db, "--outcome", given, "--format", "json")
    assert code == 0, err
    assert [r["figure"] for r in json.loads(out)] == ["f1"]


def test_an_unknown_outcome_is_an_error_listing_the_outcomes(capsys, tmp_path: Path) -> None:
    db = _store_with_figures(tmp_path / "s.db")
    for command in ("figures", "compare"):
        code, out, err = run_cli(capsys, command, "--db", db, "--outcome", "zombies")
        assert code == 2 and out == "" and len(err) == 1, err
        assert "unknown outcome 'zombies'" in err[0]
        assert all(o in err[0] for o in ("killed", "injured", "participating", "other"))


@pytest.mark.parametrize("missing", ["pandas", "pyarrow"])
def test_parquet_without_its_extra_names_the_extra_before_any_query(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # as if not installed
    out_file = tmp_path / "f.parquet"
    # the store does not exist: the missing dependency is said first, before any query
    code, out, err = run_cli(capsys, "figures", "--db", str(tmp_path / "none.db"), "--format", "parquet", "-o", str(out_file))
    assert code == 2 and out == "" and len(err) == 1, err
    assert missing in err[0] and "pip install 'selon[pandas]'" in err[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no store opened, no file written


def test_output_doc_says_via_holds_a_name() -> None:
    """issue 11: ``via`` is filled with a speaker's name (resolve.relay_via), not a statement id."""
    (row,) = [line for line in (ROOT / "docs" / "output.md").read_text(encoding="utf-8").splitlines() if line.startswith("| `via` |")]
    assert "name" in row and "id of the statement" not in row


def test_aliases_command_adds_lists_and_removes(capsys, tmp_path: Path) -> None:
    from selon.store.db import open_store

    db = str(tmp_path / "store.db")
    assert cli.main(["aliases", "list", "--db", db]) == 2  # no store: never created
    assert "there is no store at" in capsys.readouterr().err and not Path(db).exists()
    open_store(db).close()
    long = "Organisation internationale pour les migrations"
    assert cli.main(["aliases", "add", "OIM", long, "--db", db]) == 0
    assert f"'OIM' is now an alias of '{long}'" in capsys.readouterr().err
    assert cli.main(["aliases", "add", "Unhcr", "HCR", "--db", db]) == 0
    capsys.readouterr()
    assert cli.main(["aliases", "list", "--db", db]) == 0
    assert capsys.readouterr().out.splitlines() == [f"OIM    ->  {long}", "Unhcr  ->  HCR"]
    assert cli.main(["aliases", "add", "l'OIM", "Autre", "--db", db]) == 2
    assert "already an alias of" in capsys.readouterr().err
    assert cli.main(["aliases", "add", "OIM", "--db", db]) == 2
    assert 'selon aliases add ALIAS TARGET (e.g. add "OIM"' in capsys.readouterr().err
    assert cli.main(["aliases", "remove", "unhcr", "--db", db]) == 0
    assert "removed the alias 'Unhcr' (of 'HCR')" in capsys.readouterr().err
    assert cli.main(["aliases", "remove", "unhcr", "--db", db]) == 2
    assert "there is no alias 'unhcr'" in capsys.readouterr().err
    assert cli.main(["aliases", "list", "--format", "json", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out) == [{"alias": "OIM", "target": long}]
