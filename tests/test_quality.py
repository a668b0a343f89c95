"""The quality gate: selon on the French dev gold set, scored by the project's scorer,
must stay at or above the floors pinned in ``tests/quality_floors.json``.

Floors are the measured scores rounded down to two decimals. When a change raises a score,
raise its floor in the same commit; a floor is never lowered quietly (a lower floor needs a
reason in the commit message). ``benchmarks/quality.py`` prints the scores, overall and per
source, to read before raising a floor. Where ``../shared`` (gold corpus and scorer) is absent, as in
a user's clone, the gate is skipped; under ``CI=true`` its absence is a failure.
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


@pytest.fixture(scope="module")
def dev_scores(shared_dir: Path, reference_scorer: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from selon.pipeline.analyzer import Analyzer, Failure

    gold_dir = shared_dir / "corpus" / "dev"
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
    results = list(Analyzer("fr").analyze_many(articles))
    failures = [str(r) for r in results if isinstance(r, Failure)]
    assert not failures, f"dev articles that could not be analysed: {failures}"
    pred = tmp_path_factory.mktemp("quality") / "dev.jsonl"
    pred.write_text("".join(r.to_json() + "\n" for r in results), encoding="utf-8")  # type: ignore[union-attr]
    result, _errors = reference_scorer.score(str(gold_dir), str(pred))
    assert result["missing_articles"] == [], result["missing_articles"]
    return result


def _floors() -> dict[str, dict[str, float]]:
    data = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    return {layer: data[layer] for layer in METRICS}


def _summary(scores: dict[str, Any]) -> str:
    return "; ".join(
        f"{layer} " + " ".join(f"{m}={scores[layer][m]:.4f}" for m in metrics)
        for layer, metrics in METRICS.items()
    )


def test_floors_file_names_every_metric() -> None:
    data = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    assert "_note" in data and "never lowered" in data["_note"]
    for layer, metrics in METRICS.items():
        assert sorted(data[layer]) == sorted(metrics), layer
        for m in metrics:
            assert 0.0 <= data[layer][m] <= 1.0, (layer, m)


@pytest.mark.parametrize(("layer", "metric"), [(layer, m) for layer, ms in METRICS.items() for m in ms])
def test_dev_score_at_or_above_floor(dev_scores, record_property, layer: str, metric: str) -> None:
    measured = dev_scores[layer][metric]
    floor = _floors()[layer][metric]
    record_property(f"{layer}.{metric}", round(measured, 4))
    record_property("dev_scores", _summary(dev_scores))
    assert measured >= floor, (
        f"{layer} {metric} fell to {measured:.4f}, below its floor {floor:.2f} "
        f"(all dev scores: {_summary(dev_scores)})"
    )
