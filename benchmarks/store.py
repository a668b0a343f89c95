"""What the store costs.

1. Ingest overhead: the dev corpus (``../shared/corpus/dev/*.json``) repeated to N articles
   (each copy's text gets its index appended, so none is deduplicated). The same Analyzer
   (loaded once, not timed) first analyses them alone, then ``ingest()`` analyses and stores
   them in a fresh store. Overhead = (ingest − analyse) / analyse; the time spent inside
   ``Store.add`` is reported too, as it is less noisy than a difference of two long runs.
   Goal: ≤ 15 %.
2. Query speed: 100,000 synthetic figures (5,000 articles × 20) in a fresh SQLite store,
   then ``compare`` (all groupings, one grouping, one filter), ``figures`` and the web's
   figures page (one page of 50, its total and facet counts), timed.
   Goal: ``compare`` < 1 s, a figures page well under that. Also timed on a store without the schema-2 indexes.

    .venv/bin/python benchmarks/store.py                 # 2,000 articles, SQLite
    .venv/bin/python benchmarks/store.py --articles 300  # quicker
    .venv/bin/python benchmarks/store.py --db postgresql://user@host/db   # part 1 on PostgreSQL
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selon.models import Analysis, Article, Figure, Period, Place
from selon.pipeline.analyzer import Analyzer
from selon.store.db import SCHEMA_VERSION, AddResult, Store, open_store
from selon.store.loader import ingest
from selon.store.queries import Filters, compare, figures
from selon.web.service import figures_page

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"


class TimedStore(Store):
    """A store that adds up the time spent in :meth:`add`."""

    spent = 0.0

    def add(self, analysis: Analysis) -> AddResult:
        t = time.perf_counter()
        try:
            return super().add(analysis)
        finally:
            self.spent += time.perf_counter() - t


def dev_articles(n: int) -> list[dict[str, Any]]:
    base = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.json"))]
    if not base:
        sys.exit(f"no dev corpus in {DEV}")
    out = []
    for i in range(n):
        d = base[i % len(base)]
        out.append(
            {
                "id": f"{d['id']}-{i}",
                "text": f"{d['text']}\n\n(copie {i})",
                "published": d.get("published"),
                "lang": "fr",
                "outlet": d["id"].split("-")[0],
            }
        )
    return out


def part1(n: int, db: str | None, folder: Path) -> None:
    rows = dev_articles(n)
    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    articles = [
        Article(id=r["id"], text=r["text"], published=r["published"], language="fr", outlet=r["outlet"])
        for r in rows
    ]
    words = sum(len(a.text.split()) for a in articles)
    print(f"## ingest overhead: {n} articles ({words:,} words) from {DEV}")
    analyzer = Analyzer("fr")
    list(analyzer.analyze_many(articles[:16]))  # warm-up

    t = time.perf_counter()
    found = list(analyzer.analyze_many(articles))
    t_analyse = time.perf_counter() - t
    n_fig = sum(len(r.figures) for r in found if isinstance(r, Analysis))
    n_st = sum(len(r.statements) for r in found if isinstance(r, Analysis))

    base = open_store(db or folder / "bench.db")
    store = TimedStore(base.engine)
    t = time.perf_counter()
    summary = ingest([corpus], store, analyzer=analyzer)
    t_ingest = time.perf_counter() - t
    counts = store.counts()
    store.close()
    assert len(summary.ingested) == n, summary
    print(f"backend: {store.dialect}; stored {counts}  ({n_st} statements, {n_fig} figures found)")
    print(f"analyse alone        {t_analyse:8.2f} s   {words / t_analyse:8.0f} words/s")
    print(f"ingest (analyse+store){t_ingest:7.2f} s   {words / t_ingest:8.0f} words/s")
    print(f"  of which Store.add {store.spent:8.2f} s   ({1000 * store.spent / n:.2f} ms an article)")
    print(f"overhead: {100 * (t_ingest - t_analyse) / t_analyse:+.1f} % (difference of the runs), "
          f"{100 * store.spent / t_analyse:.1f} % (time in Store.add / analyse)  [goal ≤ 15 %]")  # fmt: skip


OUTCOMES = ["killed", "injured", "participating", "arrested", "displaced", "affected", None]
UNITS = ["personnes", "manifestants", "gilets jaunes", "civils", "morts", "blessés", "policiers", "euros",
         "%", "enfants", "militaires", "habitants", "véhicules", "gardes à vue", "interpellations"]  # fmt: skip
PLACES = [
    None, None, Place("Paris", 0, 5, "Paris", "FR", "Paris"), Place("Mossoul", 0, 7, "Mosul", "IQ", "Mosul"),
    Place("Lyon", 0, 4, "Lyon", "FR", "Lyon"), Place("France", 0, 6, "France", "FR", None),
    Place("Alep", 0, 4, "Aleppo", "SY", "Aleppo"), Place("Gaza", 0, 4, "Gaza", "PS", "Gaza"),
]  # fmt: skip


def synthetic(i: int, rng: random.Random, sources: list[str]) -> Analysis:
    day = 1 + i % 90
    published = f"2019-{1 + (day - 1) // 30:02d}-{1 + (day - 1) % 28:02d}"
    figs = []
    for j in range(20):
        low = rng.choice([1, 3, 12, 130, 300, 1000, 5000, 20000, 260000]) * rng.randint(1, 9)
        figs.append(
            Figure(
                id=f"f{j + 1}",
                text=f"{low} x",
                start=0,
                end=5,
                low=low,
                high=low * 2 if rng.random() < 0.1 else None,
                qualifier="exact",
                unit=rng.choice(UNITS),
                outcome=rng.choice(OUTCOMES),
                source=rng.choice(sources),
            )  # fmt: skip
        )
        if rng.random() < 0.3:
            figs[-1] = dataclasses.replace(figs[-1], place=rng.choice(PLACES))
        if rng.random() < 0.2:
            figs[-1] = dataclasses.replace(figs[-1], period=Period(published, published, "samedi"))
    article = Article(id=f"syn-{i}", text=f"Article synthétique {i}.", published=published,
                      outlet=f"outlet{i % 12}", language="fr")  # fmt: skip
    return Analysis(article=article, figures=figs)


def timed(label: str, fn: Callable[[], Any], repeat: int = 3) -> None:
    """Wall-clock time (best and median of ``repeat``) and the process's CPU time (best): SQLite
    runs in the process, so on a shared machine CPU time is the steadier of the two."""
    times, cpu, result = [], [], None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    print(f"{label:48s} {min(times):6.3f} s (median {statistics.median(times):.3f}, "
          f"CPU {min(cpu):.3f})  {len(result):6d} rows")  # fmt: skip


def part2(folder: Path) -> None:
    print("\n## queries: 100,000 synthetic figures (5,000 articles × 20), SQLite")
    rng = random.Random(7)
    sources = [f"source {k}" for k in range(200)]
    analyses = [synthetic(i, rng, sources) for i in range(5000)]
    for schema in (SCHEMA_VERSION,):
        path = folder / f"figures-v{schema}.db"
        store = open_store(path, migrate=False)
        store.migrate(upto=schema)
        t = time.perf_counter()
        for a in analyses:
            store.add(a)
        store.optimize()  # as ingest() does after a batch
        t_fill = time.perf_counter() - t
        print(f"schema {schema}: "
              f"stored {store.counts()['figures']:,} figures in {t_fill:.1f} s")  # fmt: skip
        timed("  compare (outcome, unit, place, period)", lambda s=store: compare(s))
        timed("  compare --by outcome,unit", lambda s=store: compare(s, by=("outcome", "unit")))
        timed("  compare --outcome killed", lambda s=store: compare(s, outcome="killed"))
        timed(
            "  compare --outcome killed --source 'source 1'",
            lambda s=store: compare(s, outcome="killed", source="source 1"),
        )
        timed("  figures --outcome killed", lambda s=store: figures(s, outcome="killed"))
        timed("  figures (all)", lambda s=store: figures(s), repeat=1)
        # the web's figures page: one page of 50 with its total and facet counts
        timed("  figures page (web): page 1, by date", lambda s=store: figures_page(s, Filters()).rows)
        timed("  figures page (web): page 40, -value", lambda s=store: figures_page(s, Filters(), sort="-value", page=40).rows)
        timed(
            "  figures page (web): --outcome killed, source",
            lambda s=store: figures_page(s, Filters(outcome="killed"), sort="source").rows,
        )
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--articles", type=int, default=2000, help="articles for the ingest overhead (default 2000)"
    )
    ap.add_argument("--db", default=None, help="store URL for part 1 (default: a temporary SQLite file)")
    ap.add_argument("--skip-ingest", action="store_true", help="only the query benchmark")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="selon-bench-") as tmp:
        if not a.skip_ingest:
            part1(a.articles, a.db, Path(tmp))
        part2(Path(tmp))


if __name__ == "__main__":
    main()
