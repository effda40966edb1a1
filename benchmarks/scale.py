"""Growth of the whole analysis with the corpus, and the same analysis on a Dask cluster: docs/scale.md.

    python benchmarks/scale.py [--sizes 1000 10000 40000] [--dask 10000]

Each size is analysed headless (`run.py --child analysis`: process pool,
empty cache) in a fresh process, so peak memory is that size's own. `--dask
N` also analyses N articles with the per-article work on an in-process Dask
LocalCluster of two single-threaded worker processes, through the same
`Workers(executor)` seam `--executor dask://HOST:PORT` uses.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def headless(folder: Path) -> dict[str, float]:
    command = [sys.executable, str(HERE / "run.py"), "--child", "analysis", str(folder)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def on_dask(folder: Path) -> dict[str, float]:
    """Runs in a child process: the analysis with its per-article work on a local Dask cluster."""
    from distributed import Client, LocalCluster

    from reader.run import pipeline
    from reader.run.pool import Workers

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        client.wait_for_workers(2)
        start = time.perf_counter()
        corpus = pipeline.analyse([folder], workers=Workers(client.get_executor()))
        seconds = time.perf_counter() - start
    return {"dask_analysis_s": seconds, "links": len(corpus.links), "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 40000])
    parser.add_argument("--dask", type=int, default=0)
    parser.add_argument("--child-dask", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_dask:
        print(json.dumps(on_dask(args.child_dask)))
        return
    from run import machine_speed, write_corpus

    rows = []
    with tempfile.TemporaryDirectory() as work:
        for size in sorted({*args.sizes, *([args.dask] if args.dask else [])}):
            folder = Path(work, str(size))
            folder.mkdir()
            write_corpus(size, folder)
            row: dict[str, float] = {"articles": size, "machine_s": machine_speed()}
            if size in args.sizes:
                row.update(headless(folder))
            if size == args.dask:
                command = [sys.executable, __file__, "--child-dask", str(folder)]
                output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
                row.update(json.loads(output.strip().splitlines()[-1]))
            rows.append(row)
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
