"""What comparing coverage (`analysis.compare`) adds to the analysis, on 1,000 and 10,000 articles.

    python benchmarks/compare_cost.py [--sizes 1000 10000] [--runs 3] [--serial]

Each pair of runs analyses a corpus written to disk (`run.write_corpus`)
headless, as the app does (the runner's workers, no cache), once with the
comparison stage and once without it (its jobs emptied), alternating which
goes first, so the machine's drift affects both alike. Reported: the medians
of both, and of each pair's extra cost in percent. Each size runs in a fresh
process.

With `--serial` the analysis runs on one core in the measuring process and
its CPU time is taken instead of the wall time: what the stage costs in
work, which a loaded shared machine (other people's jobs, workers at a
lower priority starved by them) cannot inflate the way it inflates wall
times.
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


def one_run(folder: Path, compare_on: bool, serial: bool = False) -> float:
    """Seconds of one headless analysis, with or without the comparison stage (CPU seconds on one core if `serial`)."""
    from reader.analysis import compare
    from reader.run import pipeline
    from reader.run.pool import Workers

    original = compare.compare_jobs
    if not compare_on:
        compare.compare_jobs = lambda *args, **kwargs: []  # type: ignore[assignment]
    clock = time.process_time if serial else time.perf_counter
    try:
        start = clock()
        pipeline.analyse([folder], workers=Workers(cores=1) if serial else None)
        return clock() - start
    finally:
        compare.compare_jobs = original  # type: ignore[assignment]


def child(size: int, runs: int, serial: bool) -> None:
    from run import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_corpus(size, folder)
        if size < 5000:
            one_run(folder, True, serial)  # warm the workers and the memos (a large corpus warms them itself)
        pairs = []
        for n in range(runs):
            order = (True, False) if n % 2 == 0 else (False, True)
            timed = {on: one_run(folder, on, serial) for on in order}
            pairs.append((timed[True], timed[False]))
    costs = [100 * (with_ - without) / without for with_, without in pairs]
    print(json.dumps({
        "size": size,
        "clock": "cpu, one core" if serial else "wall, workers",
        "with_s": statistics.median(p[0] for p in pairs),
        "without_s": statistics.median(p[1] for p in pairs),
        "cost_pct_median": statistics.median(costs),
        "cost_pct_runs": [round(c, 1) for c in costs],
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--serial", action="store_true", help="one core, CPU time (see above)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.runs, args.serial)
        return
    for size in args.sizes:
        serial = ["--serial"] if args.serial else []
        subprocess.run([sys.executable, __file__, "--child", str(size), "--runs", str(args.runs), *serial], check=True)


if __name__ == "__main__":
    main()
