"""The quality gate: selon on the dev gold sets, scored by the project's scorer, must stay at
or above the floors pinned in ``tests/quality_floors.json``: the French set
(``../shared/corpus/dev``, floors at the top level) and the English one
(``../shared/corpus/dev-en``, floors under ``"en"``), each article read in its gold ``lang``.

Floors are the measured scores rounded down to two decimals. When a change raises a score,
raise its floor in the same commit; floors only rise: a floor is never lowered quietly (a
lower floor needs a reason in the commit message). ``benchmarks/quality.py`` prints the
scores, overall and per source, to read before raising a floor. Where ``../shared`` (gold
corpus and scorer) is absent, as in a user's clone, the gate is skipped; under ``CI=true``
its absence is a failure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from selon.models import Article

FLOORS_PATH = Path(__file__).parent / "quality_floors.json"
METRICS = {
    "statements": ["P", "R", "F1", "speaker_acc", "F1_with_speaker"],
    "figures": ["P", "R", "F1", "value_acc", "source_acc", "F1_with_value_source"],
}

pytestmark = pytest.mark.model


#: The gold set of each language, under ``../shared/corpus``.
GOLD_SETS = {"fr": "dev", "en": "dev-en"}


@pytest.fixture(scope="module", params=sorted(GOLD_SETS, reverse=True))
def dev_scores(
    request: pytest.FixtureRequest, shared_dir: Path, reference_scorer: Any, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, Any]]:
    """``(language, the reference scorer's result)`` for each dev set."""
    from selon.pipeline.analyzer import Failure
    from selon.pipeline.routing import Router

    lang: str = request.param
    gold_dir = shared_dir / "corpus" / GOLD_SETS[lang]
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(gold_dir.glob("*.json"))]
    assert golds, f"no gold files in {gold_dir}"
    articles = [
        Article(
            id=g["id"],
            text=g["text"],
            title=g.get("title"),
            published=g.get("published"),
            language=g.get("lang", "fr"),
        )
        for g in golds
    ]
    router = Router()
    results = list(router.analyze_many(articles))
    assert router.loaded == (lang,), f"{gold_dir} was not read in {lang!r} alone: {router.loaded}"
    failures = [str(r) for r in results if isinstance(r, Failure)]
    assert not failures, f"dev articles that could not be analysed: {failures}"
    pred = tmp_path_factory.mktemp("quality") / f"{GOLD_SETS[lang]}.jsonl"
    pred.write_text("".join(r.to_json() + "\n" for r in results), encoding="utf-8")  # type: ignore[union-attr]
    result, _errors = reference_scorer.score(str(gold_dir), str(pred))
    assert result["missing_articles"] == [], result["missing_articles"]
    return lang, result


def _floors(lang: str) -> dict[str, dict[str, float]]:
    data = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    table = data if lang == "fr" else data[lang]
    return {layer: table[layer] for layer in METRICS}


def _summary(scores: dict[str, Any]) -> str:
    return "; ".join(
        f"{layer} " + " ".join(f"{m}={scores[layer][m]:.4f}" for m in metrics)
        for layer, metrics in METRICS.items()
    )


def test_floors_file_names_every_metric() -> None:
    data = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    assert "_note" in data and "never lowered" in data["_note"] and "only rise" in data["_note"]
    assert sorted(k for k in data if not k.startswith("_")) == sorted([*METRICS, *(set(GOLD_SETS) - {"fr"})])
    for lang in GOLD_SETS:
        table = data if lang == "fr" else data[lang]
        assert lang == "fr" or "_measured_on" in table, lang
        for layer, metrics in METRICS.items():
            assert sorted(table[layer]) == sorted(metrics), (lang, layer)
            for m in metrics:
                assert 0.0 <= table[layer][m] <= 1.0, (lang, layer, m)


@pytest.mark.parametrize(("layer", "metric"), [(layer, m) for layer, ms in METRICS.items() for m in ms])
def test_dev_score_at_or_above_floor(dev_scores, record_property, layer: str, metric: str) -> None:
    lang, scores = dev_scores
    measured = scores[layer][metric]
    floor = _floors(lang)[layer][metric]
    record_property(f"{lang}.{layer}.{metric}", round(measured, 4))
    record_property(f"{lang}.dev_scores", _summary(scores))
    assert measured >= floor, (
        f"{lang} {layer} {metric} fell to {measured:.4f}, below its floor {floor:.2f} "
        f"(all {GOLD_SETS[lang]} scores: {_summary(scores)})"
    )
