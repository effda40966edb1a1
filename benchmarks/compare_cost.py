"""What comparing coverage (`analysis.compare`) adds to the analysis, on 1,000 and 10,000 articles.

    python benchmarks/compare_cost.py [--sizes 1000 10000] [--runs 3]

Each run analyses a corpus written to disk (`run.write_corpus`) headless, as
the app does (process pool, no cache), and times the comparison stage inside
that same run, so the two figures are paired: the machine's drift affects
both alike. Reported: the whole analysis, the comparison's part of it, and
the comparison's cost relative to the analysis without it. Each size runs in
a fresh process.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def one_run(folder: Path) -> dict[str, float]:
    from reader.analysis import compare
    from reader.run import pipeline

    spent: list[float] = []
    original = compare.compare_events

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    compare.compare_events = timed  # type: ignore[assignment]
    try:
        start = time.perf_counter()
        corpus = pipeline.analyse([folder])
        total = time.perf_counter() - start
    finally:
        compare.compare_events = original  # type: ignore[assignment]
    part = sum(spent)
    return {
        "analysis_s": total,
        "compare_s": part,
        "cost_pct": 100 * part / (total - part),
        "events_compared": len(corpus.comparisons),
    }


def child(size: int, runs: int) -> None:
    from run import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_corpus(size, folder)
        results = [one_run(folder) for _ in range(runs)]
    summary = {key: statistics.median(r[key] for r in results) for key in results[0]}
    summary["runs"] = [round(r["cost_pct"], 1) for r in results]  # type: ignore[assignment]
    print(json.dumps({"size": size, **summary}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.runs)
        return
    for size in args.sizes:
        subprocess.run([sys.executable, __file__, "--child", str(size), "--runs", str(args.runs)], check=True)


if __name__ == "__main__":
    main()
