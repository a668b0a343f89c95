"""Throughput of ``selon spark`` in local mode against one process of ``Analyzer.analyze_many``.

    .venv/bin/python benchmarks/spark.py                       # 2,000 articles, local[2]
    .venv/bin/python benchmarks/spark.py -n 500 --master 'local[4]' --partitions 8

The articles are the dev corpus texts (``../shared/corpus/dev``) repeated with distinct ids.
In one run, on the same articles:

- **Spark, cold**: ``run_job`` from reading the JSONL to the four Parquet tables written,
  the model loads in the fresh Python workers included (the SparkSession start is not: it is
  paid once per job, whatever its size, and is printed apart);
- **Spark, warm**: the same job again: the workers are reused and already hold the model;
- **one process**: ``Analyzer.analyze_many`` over the same articles (model load printed apart).

Prints wall time, articles/s and words/s for each, Spark's speed-up over the single
process, and the CPU seconds each used (Spark: the driver, the JVM and its Python workers,
read from ``/proc``), hence articles per CPU-second: the per-core throughput that a
capacity plan needs, and which other load on the machine does not distort.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from selon.models import Article
from selon.pipeline.analyzer import Analyzer

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"


def corpus(n: int) -> list[dict[str, Any]]:
    base = []
    for path in sorted(DEV.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        base.append(
            {"id": d["id"], "text": d["text"], "published": d.get("published"), "lang": d.get("lang")}
        )
    if not base:
        sys.exit(f"no dev corpus in {DEV}")
    return [{**base[k % len(base)], "id": f"{base[k % len(base)]['id']}-{k}"} for k in range(n)]


def tree_cpu_seconds() -> float | None:
    """CPU seconds (user + system) used so far by this process and all its descendants, the
    Spark JVM and its Python workers included (Linux ``/proc``; None elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    stats: dict[int, tuple[int, float]] = {}
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return None
    for entry in entries:
        try:
            raw = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2 :].split()
        # after the name: state ppid ... utime(14) stime(15) cutime(16) cstime(17), 1-based in stat
        ppid = int(fields[1])
        cpu = sum(int(x) for x in fields[11:15]) / tick
        stats[int(entry)] = (ppid, cpu)
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0.0, [os.getpid()]
    while todo:
        pid = todo.pop()
        if pid in stats:
            total += stats[pid][1]
        todo.extend(children.get(pid, []))
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=2000, help="articles (default: 2000)")
    ap.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    ap.add_argument("--partitions", type=int, default=None, help="partitions (default: run_job's)")
    ap.add_argument("--no-warm", action="store_true", help="skip the second (warm) Spark run")
    args = ap.parse_args(argv)

    from selon.scale.spark import run_job, spark_session

    rows = corpus(args.n)
    words = sum(len(r["text"].split()) for r in rows)
    tmp = Path(tempfile.mkdtemp(prefix="selon-spark-bench-"))
    try:
        src = tmp / "articles.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(
            f"{len(rows)} articles, {words} words ({words / len(rows):.0f} a article); {os.cpu_count()} CPUs"
        )

        t0 = time.perf_counter()
        spark = spark_session(
            args.master,
            app_name="selon-bench",
            conf={"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false"},
        )
        spark.sparkContext.setLogLevel("ERROR")
        print(f"SparkSession start ({args.master}): {time.perf_counter() - t0:.1f} s (not counted)")

        results: list[tuple[str, float, float | None]] = []  # label, wall s, CPU s
        runs = ["cold"] if args.no_warm else ["cold", "warm"]
        for label in runs:
            out = tmp / f"out-{label}"
            cpu0 = tree_cpu_seconds()
            job = run_job(spark, str(src), str(out), partitions=args.partitions)
            cpu1 = tree_cpu_seconds()
            if job.counts["articles"] != len(rows):
                sys.exit(f"the Spark job analysed {job.counts['articles']} of {len(rows)} articles: {job}")
            cpu = cpu1 - cpu0 if cpu0 is not None and cpu1 is not None else None
            results.append((f"Spark {args.master}, {label} ({job.partitions} partitions)", job.seconds, cpu))
            print(f"  {results[-1][0]}: {job.seconds:.1f} s  [{job}]")
        spark.stop()

        t0 = time.perf_counter()
        analyzer = Analyzer("fr")
        print(f"one process: model load {time.perf_counter() - t0:.1f} s (not counted)")
        articles = [
            Article(id=r["id"], text=r["text"], published=r["published"], language=r["lang"]) for r in rows
        ]
        t0, c0 = time.perf_counter(), time.process_time()
        done = sum(1 for _ in analyzer.analyze_many(articles))
        single, single_cpu = time.perf_counter() - t0, time.process_time() - c0
        assert done == len(rows)
        results.append(("one process, Analyzer.analyze_many", single, single_cpu))

        print()
        print(
            f"{'run':48} {'wall s':>7} {'art/s':>6} {'words/s':>8} {'speed-up':>8} {'CPU s':>7} {'art/CPU-s':>9}"
        )
        for label, seconds, cpu in results:
            per_cpu = f"{len(rows) / cpu:9.1f}" if cpu else f"{'?':>9}"
            print(
                f"{label:48} {seconds:7.1f} {len(rows) / seconds:6.1f} {words / seconds:8.0f} "
                f"{single / seconds:7.2f}x {cpu or 0:7.1f} {per_cpu}"
            )
        print(
            f"load average now: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs (other work slows every run)"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
