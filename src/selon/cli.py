"""Command line (minimal; being written)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .analyzer import Analyzer, Failure
from .models import Article


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="selon")
    sub = ap.add_subparsers(dest="command", required=True)
    an = sub.add_parser("analyze")
    an.add_argument("paths", nargs="+")
    an.add_argument("--format", default="jsonl")
    a = ap.parse_args(argv)
    arts = []
    for p in a.paths:
        d = json.loads(Path(p).read_text(encoding="utf-8"))
        arts.append(Article(id=d["id"], text=d["text"], published=d.get("published"), language="fr"))
    analyzer = Analyzer("fr")
    for r in analyzer.analyze_many(arts):
        if isinstance(r, Failure):
            print(r, file=sys.stderr)
        else:
            print(r.to_json())
    return 0
