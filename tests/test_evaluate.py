"""``selon evaluate``: the gold reader, the matching rules of ``spec/ANNOTATION.md``, the
scores, the command, and agreement with the project's reference scorer on the dev set.

Each matching test pins a rule that a plausible wrong scorer breaks: the half-overlap
threshold measured on the longer span, one-to-one greedy matching largest overlap first,
whole-word name containment, accents/case/articles ignored, aliases, null = null, values
needing both bounds, periods within two days.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from selon.errors import InputError
from selon.evaluate import evaluate, read_gold_file, read_gold_folder
from selon.evaluate.gold import GoldPlace, Period
from selon.evaluate.match import (
    overlaps_at_all,
    overlaps_by_half,
    pair_up,
    same_name,
    same_period,
    same_place,
)
from selon.evaluate.report import scores_dict
from selon.evaluate.scores import PRF
from selon.models import Analysis, Article, Figure, Speaker, Statement, TextSpan

TEXT = "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma."


# -- building gold files and predictions --------------------------------------------------------
def gold_record(
    article_id: str = "zz-001", text: str = TEXT, statements: list[dict[str, Any]] | None = None,
    figures: list[dict[str, Any]] | None = None, **extra: Any,
) -> dict[str, Any]:
    return {"id": article_id, "lang": "fr", "published": None, "title": None, "text": text,
            "statements": statements or [], "figures": figures or [], **extra}


def write_gold(folder: Path, *records: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for record in records:
        (folder / f"{record['id']}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return folder


def gold_statement(content: str, speaker: str | None, **extra: Any) -> dict[str, Any]:
    return {"kind": "indirect", "content": content, "speaker": speaker, **extra}


def gold_figure(text: str, low: float | None, high: float | None, source: str | None, **extra: Any) -> dict[str, Any]:
    return {"text": text, "low": low, "high": high, "qualifier": "exact", "source": source, **extra}


def statement(text: str, start: int, end: int, speaker: str | None, n: int = 1) -> Statement:
    who = Speaker(text=speaker, start=None, end=None, name=speaker) if speaker else None
    return Statement(id=f"s{n}", kind="indirect", content=TextSpan(text[start:end], start, end), speaker=who)


def figure(text: str, start: int, end: int, low: float | None, high: float | None, source: str | None,
           n: int = 1) -> Figure:
    return Figure(id=f"f{n}", text=text[start:end], start=start, end=end, low=low, high=high,
                  qualifier="exact", source=source)


def analysis(article_id: str = "zz-001", text: str = TEXT, statements: list[Statement] | None = None,
             figures: list[Figure] | None = None) -> Analysis:
    return Analysis(Article(id=article_id, text=text), statements or [], figures or [])


def span(sub: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(sub)
    return start, start + len(sub)


# -- spans ---------------------------------------------------------------------------------------
def test_half_overlap_is_measured_on_the_longer_span() -> None:
    assert overlaps_by_half((0, 10), (5, 15))  # exactly half of the longer: a match
    assert not overlaps_by_half((0, 10), (6, 16))  # less than half
    # the whole gold span is inside the prediction, but it is under half of the prediction
    assert not overlaps_by_half((0, 4), (0, 10))
    assert not overlaps_by_half((0, 10), (0, 4))
    assert overlaps_at_all((0, 10), (9, 30)) and not overlaps_at_all((0, 10), (10, 30))


def test_matching_is_one_to_one() -> None:
    # two gold statements, one prediction covering both: one match, one gold missed
    assert pair_up([(0, 10), (2, 10)], [(0, 10)], overlaps_by_half) == [(0, 0)]
    # two predictions over one gold statement: one match, one extra
    assert pair_up([(0, 10)], [(0, 9), (0, 10)], overlaps_by_half) == [(0, 1)]


def test_matching_takes_the_largest_overlap_first(tmp_path: Path) -> None:
    gold_span = span("beta gamma delta epsilon")
    start = gold_span[0]
    folder = write_gold(tmp_path / "gold", gold_record(statements=[gold_statement(TEXT[slice(*gold_span)], "Ada")]))
    # the first prediction overlaps by 15 of 24 characters (a match on its own) with the wrong
    # speaker; the second covers the span exactly with the right one, and must be the one paired
    preds = [statement(TEXT, start, start + 15, "Bob", 1), statement(TEXT, *gold_span, "Ada", 2)]
    report = evaluate(folder, [analysis(statements=preds)])
    assert report.overall.counts.statements_matched == 1
    assert report.overall.speaker_accuracy == 1.0
    assert [m.kind for m in report.misses] == ["extra statement"]


# -- names -------------------------------------------------------------------------------------
def test_names_agree_by_whole_words() -> None:
    assert same_name("Konachenkov", "Igor Konachenkov")
    assert same_name("le porte-parole Igor Konachenkov", "Igor Konachenkov")
    assert not same_name("Kona", "Igor Konachenkov")  # a piece of a word is not a name
    assert not same_name("Igor Petrov", "Igor Konachenkov")


def test_names_ignore_accents_case_punctuation_and_articles() -> None:
    assert same_name("ELISABETH BORNE", "Élisabeth Borne")
    assert same_name("l’ONU", "ONU")
    assert same_name("gendarmerie", "la gendarmerie")
    assert same_name("le ministère de l'Intérieur", "ministère Intérieur")  # articles inside a name too
    assert same_name("Jean-Luc Mélenchon", "jean luc melenchon")


def test_aliases_count() -> None:
    gold = "Organisation internationale pour les migrations"
    assert not same_name("OIM", gold)
    assert same_name("OIM", gold, ["OIM"])


def test_null_agrees_only_with_null() -> None:
    assert same_name(None, None)
    assert not same_name("Marie Dupont", None)
    assert not same_name(None, "Marie Dupont")
    assert not same_name("", "Marie Dupont")


def test_places_agree_as_names_with_aliases() -> None:
    gold = GoldPlace("quartier al-Jadida", ("Mossoul", "Mosul"))
    assert same_place(["Mossoul"], gold)
    assert same_place(["al-Jadida"], gold)
    assert not same_place(["Bagdad"], gold)
    assert not same_place([], gold)
    assert same_place([], GoldPlace(None))
    assert not same_place(["Mossoul"], GoldPlace(None))


# -- values and periods --------------------------------------------------------------------------
def test_a_value_needs_both_bounds(tmp_path: Path) -> None:
    text = "Selon la police, plus de 130 civils et 20 soldats ont été tués."
    folder = write_gold(tmp_path / "gold", gold_record(text=text, figures=[
        gold_figure("plus de 130 civils", 130, None, "police"),
        gold_figure("20 soldats", 20, 20, "police"),
    ]))
    preds = [figure(text, *span("130 civils", text), 130, 130, "la police", 1),  # high wrong
             figure(text, *span("20 soldats", text), 20, 20, "la police", 2)]
    report = evaluate(folder, [analysis(text=text, figures=preds)])
    assert report.overall.counts.figures_matched == 2
    assert report.overall.value_accuracy == 0.5
    assert report.overall.source_accuracy == 1.0
    assert report.overall.figures_with_value_source.f1 == 0.5


def test_periods_agree_within_two_days() -> None:
    gold = Period("2019-01-10", "2019-01-12")
    assert same_period(Period("2019-01-08", "2019-01-14"), gold)
    assert not same_period(Period("2019-01-07", "2019-01-12"), gold)
    assert not same_period(Period("2019-01-10", None), gold)
    assert not same_period(None, gold)
    assert not same_period(Period("mid-January", "2019-01-12"), gold)
    assert same_period(None, None)
    assert same_period(Period(None, None), None)
    assert not same_period(Period("2019-01-10", "2019-01-10"), None)


def test_place_and_period_are_scored_only_where_the_gold_records_them(tmp_path: Path) -> None:
    text = "Selon l'ONU, 300 civils ont péri à Mossoul depuis la mi-février, et 12 à Erbil."
    folder = write_gold(tmp_path / "gold", gold_record(text=text, published="2017-03-28", figures=[
        gold_figure("300 civils", 300, 300, "ONU", place="Mossoul", period={"start": "2017-02-15", "end": "2017-03-28"}),
        gold_figure("12", 12, 12, "ONU"),
    ]))
    preds = [figure(text, *span("300 civils", text), 300, 300, "ONU", 1),
             figure(text, *span("12", text), 12, 12, "ONU", 2)]
    report = evaluate(folder, [analysis(text=text, figures=preds)])
    counts = report.overall.counts
    assert (counts.places_scored, counts.places_right, counts.periods_scored, counts.periods_right) == (1, 0, 1, 0)
    assert report.overall.place_accuracy == 0.0 and report.overall.period_accuracy == 0.0
    assert {m.kind for m in report.misses} == {"wrong place", "wrong period"}


# -- scores ----------------------------------------------------------------------------------------
def test_precision_recall_conventions() -> None:
    assert PRF.of(0, 0, 0) == PRF(1.0, 1.0, 1.0)  # nothing to find, nothing found
    assert PRF.of(0, 0, 3) == PRF(0.0, 0.0, 0.0)  # found nothing of three
    assert PRF.of(0, 2, 0) == PRF(0.0, 1.0, 0.0)  # found two where there was none
    half = PRF.of(1, 2, 4)
    assert (half.precision, half.recall) == (0.5, 0.25) and half.f1 == pytest.approx(1 / 3)


def test_groups_sum_counts_and_the_overall_is_not_an_average(tmp_path: Path) -> None:
    content = "beta gamma delta"
    many = [gold_statement(content, "Ada")] + [gold_statement(w, "Ada") for w in ("zeta", "theta", "kappa")]
    folder = write_gold(
        tmp_path / "gold",
        gold_record("aa-001", statements=many),
        gold_record("aa-002", statements=[gold_statement(content, "Ada")]),
        gold_record("bb-001", statements=[gold_statement(content, "Ada")]),
    )
    hit = statement(TEXT, *span(content), "Ada")
    report = evaluate(folder, [analysis("aa-001", statements=[hit]), analysis("bb-001", statements=[hit])],
                      by="outlet")
    assert list(report.groups) == ["aa", "bb"]
    assert report.groups["aa"].counts.statements_gold == 5
    assert report.groups["aa"].statements.recall == pytest.approx(1 / 5)
    assert report.groups["bb"].statements.recall == 1.0
    # micro-average over all six gold statements, not the mean of the groups' recalls
    assert report.overall.statements.recall == pytest.approx(2 / 6)
    assert report.not_analysed == ("aa-002",)
    by_article = evaluate(folder, [analysis("aa-001", statements=[hit])], by="article")
    assert list(by_article.groups) == ["aa-001", "aa-002", "bb-001"]


def test_an_accuracy_over_nothing_is_none(tmp_path: Path) -> None:
    folder = write_gold(tmp_path / "gold", gold_record(statements=[gold_statement("beta gamma", "Ada")]))
    report = evaluate(folder, [analysis()])
    assert report.overall.speaker_accuracy is None
    assert scores_dict(report.overall)["statements"]["speaker_acc"] is None
    assert report.overall.statements.recall == 0.0


# -- bad gold files --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not JSON"),
        ("[1, 2]", "the file is not a JSON object"),
        (json.dumps({"id": "x", "statements": [], "figures": []}), "no field 'text'"),
        (json.dumps(gold_record(statements=[{"speaker": "Ada"}])), "statements[0] has no field 'content'"),
        (json.dumps(gold_record(statements=[{"content": "beta"}])), "statements[0] has no field 'speaker'"),
        (json.dumps(gold_record(statements=[gold_statement("omega", "Ada")])), "'omega' is not in the text"),
        (json.dumps(gold_record(statements=[gold_statement("beta", "Ada", occurrence=1)])), "appears only 1 time"),
        (json.dumps(gold_record(figures=[{**gold_figure("beta", None, None, None), "low": "ten"}])), "'low' must be a number"),
        (json.dumps(gold_record(published="28/03/2017")), "not a date YYYY-MM-DD"),
    ],
)
def test_a_bad_gold_file_is_an_input_error_naming_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad-001.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gold_file(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_a_bad_gold_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder"):
        read_gold_folder(tmp_path / "missing")
    with pytest.raises(InputError, match="no gold files"):
        read_gold_folder(tmp_path)
    write_gold(tmp_path, gold_record("zz-001"))
    (tmp_path / "copy.json").write_text(json.dumps(gold_record("zz-001")), encoding="utf-8")
    with pytest.raises(InputError, match="also the id of"):
        read_gold_folder(tmp_path)


# -- the command -------------------------------------------------------------------------------
def run_command(argv: list[str]) -> int:
    """``selon evaluate ARGV`` through the parser users run."""
    from selon.cli.registry import main

    return main(["evaluate", *argv])


def test_the_command_exits_2_naming_a_bad_gold_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_gold(tmp_path, gold_record(statements=[gold_statement("omega", "Ada")]))
    assert run_command([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(tmp_path / "zz-001.json") in err and "omega" in err


@pytest.mark.model
def test_the_command_scores_a_gold_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_analyzer: Any
) -> None:
    text = ("Selon la police, 300 personnes ont manifesté samedi à Lyon. "
            "« Nous resterons mobilisés », a déclaré Marie Dupont, porte-parole du collectif.")
    folder = write_gold(tmp_path / "gold", gold_record(
        "demo-001", text=text,
        statements=[gold_statement("300 personnes ont manifesté samedi à Lyon", "la police"),
                    gold_statement("Nous resterons mobilisés", "Marie Dupont")],
        figures=[gold_figure("300 personnes", 300, 300, "la police")],
    ))
    assert run_command([str(folder), "--format", "json", "--by", "article", "--show-errors"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] == 1 and out["not_analysed"] == []
    assert out["overall"]["statements"]["gold"] == 2 and out["overall"]["figures"]["gold"] == 1
    assert list(out["groups"]) == ["demo-001"] and isinstance(out["misses"], list)
    assert run_command([str(folder)]) == 0
    table = capsys.readouterr().out
    assert "Statements" in table and "Figures" in table and "all" in table


# -- agreement with the reference scorer ----------------------------------------------------------
def _assert_same_scores(reference: dict[str, Any], mine: dict[str, Any], where: str) -> None:
    """Every measure of the reference scorer agrees to three decimals; an accuracy over no
    item (the reference's 0.0) is None here."""
    for layer in ("statements", "figures", "scope"):
        assert (layer in reference) == (layer in mine), f"{where}: {layer}"
        for key, expected in reference.get(layer, {}).items():
            got = mine[layer][key]
            if got is None:
                count = key.replace("_acc", "_n") if layer == "scope" else "matched"
                assert mine[layer][count] == 0 and expected == 0.0, f"{where}: {layer}.{key}"
            else:
                assert round(got, 3) == round(expected, 3), f"{where}: {layer}.{key} {got} != {expected}"


@pytest.mark.model
def test_scores_agree_with_the_reference_scorer_on_the_dev_set(
    shared_dir: Path, reference_scorer: Any, tmp_path: Path, cli_analyzer: Any
) -> None:
    from selon.pipeline.analyzer import Failure

    gold_dir = shared_dir / "corpus" / "dev"
    golds = read_gold_folder(gold_dir)
    results = list(cli_analyzer.analyze_many(g.to_article() for g in golds))
    assert not [r for r in results if isinstance(r, Failure)]
    analyses = [r for r in results if isinstance(r, Analysis)]
    reference = reference_scorer
    report = evaluate(golds, analyses, by="outlet")

    pred = tmp_path / "dev.jsonl"
    pred.write_text("".join(a.to_json() + "\n" for a in analyses), encoding="utf-8")
    expected, errors = reference.score(str(gold_dir), str(pred), show_errors=True)
    _assert_same_scores(expected, scores_dict(report.overall), "all")
    assert len(report.misses) == len(errors)

    for group in ("lalibre", "chc"):
        folder = tmp_path / group
        folder.mkdir()
        for g in golds:
            if g.id.startswith(f"{group}-"):
                shutil.copy(g.path, folder)
        expected, _ = reference.score(str(folder), str(pred))
        _assert_same_scores(expected, scores_dict(report.groups[group]), group)


def test_the_command_reads_each_gold_file_in_its_lang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: an English gold file (``"lang": "en"``) is analysed by the English pack, a
    French one by the French pack, in one run; ``--lang`` reads them all in one language."""
    from selon.pipeline import batch

    read: dict[str, str] = {}  # article id -> the language of the analyzer that read it

    class Stub:
        def __init__(self, lang: str) -> None:
            self.lang = lang

        def analyze_many(self, articles):  # type: ignore[no-untyped-def]
            for a in articles:
                assert a.language == self.lang
                read[a.id] = self.lang
                yield Analysis(article=a)

    monkeypatch.setattr(batch, "make_analyzer", lambda lang, batch_size: Stub(lang))
    folder = write_gold(tmp_path / "gold", gold_record("en-001", lang="en"), gold_record("fr-001"))
    assert run_command([str(folder), "--format", "json"]) == 0
    assert read == {"en-001": "en", "fr-001": "fr"}
    assert json.loads(capsys.readouterr().out)["articles"] == 2
    assert run_command([str(folder), "--format", "json", "--lang", "en"]) == 0
    assert read == {"en-001": "en", "fr-001": "en"}
