"""How well does selon do on the gold corpora, overall and per source?

    .venv/bin/python benchmarks/quality.py                       # ../shared/corpus/dev and dev-en
    .venv/bin/python benchmarks/quality.py ../shared/corpus/dev-en --errors 20
    .venv/bin/python benchmarks/quality.py --lang en             # the English set only

Runs selon (a :class:`~selon.pipeline.routing.Router`: each gold article read in its ``lang``,
``--lang`` forcing one) on every gold file of each folder, scores the predictions with the
project's scorer (``../shared/eval/score.py``) and prints, for each folder, the scores of the
whole set, then of each source (articles grouped by the prefix of their id, before the first
"-"), worst first. A report, not a check: the quality gate is ``tests/test_quality.py``. A rule
that lifts one source and lowers another is fitting, not learning: read the per-source lines
before keeping one.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from selon.models import Article
from selon.pipeline.analyzer import Failure
from selon.pipeline.routing import Router

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
#: The gold sets, by language.
GOLD = {"fr": SHARED / "corpus" / "dev", "en": SHARED / "corpus" / "dev-en"}


def load_scorer(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location("selon_shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(golds: list[dict[str, Any]], router: Router, lang: str | None = None) -> dict[str, str]:
    """The selon/1 JSON of each gold article, by id (read in its ``lang``, or in ``lang``)."""
    articles = [
        Article(id=g["id"], text=g["text"], title=g.get("title"), published=g.get("published"),
                language=lang or g.get("lang") or "fr")
        for g in golds
    ]
    out = {}
    for result in router.analyze_many(articles):
        if isinstance(result, Failure):
            print(f"not analysed: {result}", file=sys.stderr)
        else:
            out[result.article.id] = result.to_json()
    return out


def score_group(scorer: Any, files: list[Path], predictions: dict[str, str]) -> dict[str, Any]:
    """Scores of ``files`` alone (the scorer reads a folder of gold files and one JSONL)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ids = []
        for f in files:
            shutil.copy(f, folder)
            ids.append(json.loads(f.read_text(encoding="utf-8"))["id"])
        pred = folder / "pred.jsonl"
        pred.write_text("".join(predictions[i] + "\n" for i in ids if i in predictions), encoding="utf-8")
        result, errors = scorer.score(str(folder), str(pred))
    result["_errors"] = errors
    return result


def line(name: str, n: int, r: dict[str, Any]) -> str:
    s, f = r["statements"], r["figures"]
    return (f"{name:10} n={n:3}  statements P {s['P']:.3f} R {s['R']:.3f} F1 {s['F1']:.3f} "
            f"spk {s['speaker_acc']:.3f} +spk {s['F1_with_speaker']:.3f}   "
            f"figures F1 {f['F1']:.3f} val {f['value_acc']:.3f} src {f['source_acc']:.3f} "
            f"+val+src {f['F1_with_value_source']:.3f}")


def report(gold: Path, scorer: Any, router: Router, lang: str | None, errors: int) -> None:
    """Print the scores of the gold folder ``gold``: the whole set, then each source."""
    files = sorted(gold.glob("*.json"))
    if not files:
        raise SystemExit(f"no gold files (*.json) in {gold}")
    predictions = predict([json.loads(f.read_text(encoding="utf-8")) for f in files], router, lang)
    overall = score_group(scorer, files, predictions)
    print(f"== {gold}")
    print(line("all", len(files), overall))
    groups: dict[str, list[Path]] = defaultdict(list)
    for f in files:
        groups[f.stem.split("-")[0]].append(f)
    scored = [(name, fs, score_group(scorer, fs, predictions)) for name, fs in groups.items()]
    for name, fs, r in sorted(scored, key=lambda x: x[2]["statements"]["F1_with_speaker"]):
        print(line(name, len(fs), r))
    for e in overall["_errors"][:errors]:
        print(e)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path,
                        help="gold folders (default: the French and English dev sets, or --lang's)")
    parser.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    parser.add_argument("--lang", choices=sorted(GOLD), default=None,
                        help="read every article in this language (default: each gold file's lang); "
                        "without folders, score this language's dev set only")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print the first N misses")
    args = parser.parse_args(argv)
    folders = args.gold or ([GOLD[args.lang]] if args.lang else [f for f in GOLD.values() if f.is_dir()])
    scorer = load_scorer(args.scorer)
    router = Router(lang=args.lang)
    for folder in folders:
        report(folder, scorer, router, args.lang, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
