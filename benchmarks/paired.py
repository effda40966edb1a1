"""Paired runs of `run.py` for two checkouts of the reader, alternating, on one machine.

    python benchmarks/paired.py OTHER_CHECKOUT [--sizes 1000 10000] [--rounds 3] [--out FILE]

This shared machine's speed drifts within minutes, so two versions are only
comparable when measured in turns: each round runs `run.py --runs 1` of one
checkout, then of the other (the order flips every round), each from its own
folder so it imports its own code. Prints each version's medians and the
per-round ratios (this checkout / the other).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = ("stages_total", "analysis_s", "analysis_peak_mb", "cold_start_s", "app_analysis_s", "warm_start_s", "warm_read_s", "machine_s")


def one_run(checkout: Path, sizes: list[int], out: Path) -> list[dict[str, float]]:
    command = [sys.executable, str(checkout / "benchmarks" / "run.py"), "--runs", "1", "--out", str(out), "--sizes", *map(str, sizes)]
    subprocess.run(command, cwd=checkout, check=True, capture_output=True)
    return json.loads(out.read_text())["sizes"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("other", type=Path)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "paired.json")
    args = parser.parse_args()
    checkouts = {"this": HERE.parent, "other": args.other.resolve()}
    runs: dict[str, list[list[dict[str, float]]]] = {"this": [], "other": []}
    with tempfile.TemporaryDirectory() as work:
        for number in range(args.rounds):
            order = ["other", "this"] if number % 2 == 0 else ["this", "other"]
            for name in order:
                runs[name].append(one_run(checkouts[name], args.sizes, Path(work, f"{name}.json")))
                print(f"round {number + 1}: {name} done", file=sys.stderr, flush=True)
    report = {"checkouts": {k: str(v) for k, v in checkouts.items()}, "rounds": runs}
    for position, size in enumerate(args.sizes):
        print(f"\n{size} articles: medians of {args.rounds} (this / other), then the median per-round ratio")
        for key in KEYS:
            mine = [r[position][key] for r in runs["this"] if key in r[position]]
            theirs = [r[position][key] for r in runs["other"] if key in r[position]]
            if not mine or not theirs:
                continue
            ratios = [a / b for a, b in zip(mine, theirs, strict=True) if b]
            print(f"  {key:18} {statistics.median(mine):9.2f} {statistics.median(theirs):9.2f}   ×{statistics.median(ratios):.3f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
