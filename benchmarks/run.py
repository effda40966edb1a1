"""The reader's performance table: every stage, the whole analysis, memory, start-up and key presses.

    python benchmarks/run.py [--sizes 100 1000 10000] [--runs 3] [--out benchmarks/results/latest.json]

Corpora are written to disk as plain-text articles, built from real articles
(the bundled seeds and the ECB+ development set) by `links_scale.corpus`, so
ingest is measured on files as a user would have them. Every measurement of a
size runs in a fresh process, so peak memory is that size's own:

* stages: ingest, clean, entities (recognition + unification), quotes,
  events, links, one after another in one process (the stages' own
  functions, no workers: what a change to one stage costs);
* analysis: the whole pipeline as the app runs it (process pool, writing to
  an empty cache), until the corpus is ready to show, headless;
* app: cold start (empty cache) and warm start (cache filled by a finished
  analysis) of `reader DIR` to the first frame showing article text, in a
  real pseudo-terminal, and (`app_analysis_s`) the cold start until the
  finished analysis is on screen. Text shows before everything is loaded
  (cold: the first update of cleaned articles; warm: the articles' text, read
  first), so `warm_read_s` gives the time a reopen takes to read the whole
  corpus back from the cache, annotations and links included.

Medians of `--runs` runs. `machine_s` times a fixed single-core workload
before each size, so runs on a machine whose speed drifts can be compared.
Key-press latency and the hello-world comparison come from `ui_latency.py`,
a separate command.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))


def write_corpus(size: int, folder: Path) -> None:
    """`size` article files in `folder`: headline, blank line, paragraphs separated by blank lines."""
    from links_scale import corpus

    articles, _ = corpus(size)
    for number, article in enumerate(articles):
        text = article.title + "\n\n" + "\n\n".join(article.paragraphs) + "\n"
        (folder / f"{number:05d}.txt").write_text(text, "utf-8")


def measure_stages(folder: Path) -> dict[str, float]:
    """Seconds per stage run one after another in this process (each stage's plain functions,
    no workers), and the peak resident memory of the whole run."""
    from dataclasses import replace

    from reader.analysis import clean, names as entities, events, links, quotes
    from reader.sources import files as ingest

    timings: dict[str, float] = {}

    def timed(name: str, run):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = run()
        timings[name] = time.perf_counter() - start
        return result

    documents, _ = timed("ingest", lambda: ingest.load([folder]))
    articles = timed("clean", lambda: [clean.clean(d) for d in documents])
    recognised = timed("entities", lambda: [replace(a, entities=entities.recognise(a.paragraphs)) for a in articles])
    unified, table = timed("unify", lambda: entities.unify(recognised))
    timings["entities"] += timings.pop("unify")
    by_id = {e.id: e for e in table}
    quoted = timed("quotes", lambda: [replace(a, quotes=quotes.find_quotes(a, by_id)) for a in unified])
    grouped = timed("events", lambda: events.group_events(quoted, table))
    timed("links", lambda: links.find_links(quoted, grouped))
    timings["stages_total"] = sum(timings.values())
    timings["words"] = sum(len(p.split()) for a in articles for p in a.paragraphs)
    timings["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return timings


def measure_analysis(folder: Path) -> dict[str, float]:
    """The pipeline as the app runs it: process pool, and an empty cache that the results are written to.

    Timed until the corpus is ready to show; the cache's writer thread may
    still be storing it then, as in the app.
    """
    from reader.run import pipeline
    from reader.storage.cache import AnalysisCache

    with tempfile.TemporaryDirectory() as empty, AnalysisCache(Path(empty)) as cache:
        start = time.perf_counter()
        corpus = pipeline.analyse([folder], cache=cache)
        seconds = time.perf_counter() - start
    return {
        "analysis_s": seconds,
        "analysis_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "event_count": len(corpus.events),
        "link_count": len(corpus.links),
    }


def machine_speed() -> float:
    """Seconds a fixed single-core workload takes (preparing the seed articles 100 times; median of 3).

    This shared machine's speed drifts by a third over an hour. Printed with
    every size, it tells a slower code path from a slower machine.
    """
    from reader.sources import files as ingest
    from reader.run import pipeline

    documents, _ = ingest.load([ROOT / "seeds"])
    for document in documents:
        pipeline.prepare(document)  # warm the memos, as in a long analysis
    times = []
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(100):
            for document in documents:
                pipeline.prepare(document)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def in_subprocess(what: str, folder: Path) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", what, str(folder)], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def fill_cache(folder: Path) -> float:
    """Analyse `folder` through the cache to the end, as a finished run of the app leaves it.

    The cold-start runs are stopped as soon as text shows, long before the
    analysis is stored, so warm starts need this first. Returns the seconds a
    reopen takes to read the whole corpus back (text, annotations and links),
    and fails if it was not one cache read.
    """
    from reader.sources import files as ingest
    from reader.run import pipeline
    from reader.storage.cache import AnalysisCache

    with AnalysisCache() as cache:
        pipeline.analyse([folder], cache=cache)
    with AnalysisCache() as cache:
        start = time.perf_counter()
        hit = cache.load_unchanged(ingest.fingerprint([folder], ingest.DEFAULT_MAX_BYTES, cache.version))
        seconds = time.perf_counter() - start
    if hit is None:
        raise RuntimeError("the finished analysis was not found in the cache")
    return seconds


FINISHED = """
from reader.ui.screens.main import MainScreen

_show = MainScreen.show_index


def _shown(self, index, *, final=True):
    _show(self, index, final=final)
    if final:
        self.notify("benchmark: analysis on screen", markup=False)


MainScreen.show_index = _shown
"""
"""Prefixed to the reader's code for a cold start: says on screen when the finished analysis is shown."""


def app_start(folder: Path, cache: Path, runs: int) -> dict[str, float]:
    """Cold (empty cache) and warm (cache filled by a finished run) start of the reader to article text
    on screen, and the cold start until the whole analysis is on screen."""
    from ui_latency import READER, time_to_text, times_to_text

    os.environ["READER_CACHE_DIR"] = str(cache)
    code = READER.replace("main(sys.argv[1:])", f"main([{str(folder)!r}])")
    cold: list[float] = []
    done: list[float] = []
    for _ in range(runs):
        for item in cache.glob("*"):
            item.unlink()
        text, finished = times_to_text(FINISHED + code, ["¶ 1/".encode(), b"benchmark: analysis on screen"], timeout=600)
        cold.append(text)
        done.append(finished)
    reads = [in_subprocess("fill", folder)["warm_read_s"] for _ in range(runs)]
    warm = [time_to_text(code, "¶ 1/".encode(), timeout=600) for _ in range(runs)]
    return {
        "cold_start_s": statistics.median(cold),
        "app_analysis_s": statistics.median(done),
        "warm_start_s": statistics.median(warm),
        "warm_read_s": statistics.median(reads),
    }


def table(rows: list[dict[str, float]]) -> str:
    columns = [
        ("articles", "{:.0f}"), ("words", "{:.0f}"), ("ingest", "{:.2f}"), ("clean", "{:.2f}"),
        ("entities", "{:.2f}"), ("quotes", "{:.2f}"), ("events", "{:.2f}"), ("links", "{:.2f}"),
        ("stages_total", "{:.2f}"), ("analysis_s", "{:.2f}"), ("analysis_peak_mb", "{:.0f}"),
        ("cold_start_s", "{:.2f}"), ("app_analysis_s", "{:.2f}"), ("warm_start_s", "{:.2f}"), ("warm_read_s", "{:.2f}"), ("machine_s", "{:.2f}"),
    ]
    lines = [" | ".join(name for name, _ in columns), " | ".join("---" for _ in columns)]
    for row in rows:
        lines.append(" | ".join(form.format(row[name]) if name in row else "-" for name, form in columns))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-app", action="store_true", help="skip the start-up measurements")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        what, folder = args.child
        if what == "fill":
            result = {"warm_read_s": fill_cache(Path(folder))}
        else:
            result = measure_stages(Path(folder)) if what == "stages" else measure_analysis(Path(folder))
        print(json.dumps(result))
        return

    from ui_latency import compile_reader

    compile_reader()  # every child process imports from bytecode, as after an install
    rows: list[dict[str, float]] = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as work:
            folder, cache = Path(work, "corpus"), Path(work, "cache")
            folder.mkdir()
            cache.mkdir()
            write_corpus(size, folder)
            row: dict[str, float] = {"articles": size, "machine_s": machine_speed()}
            stage_runs = [in_subprocess("stages", folder) for _ in range(args.runs)]
            row.update({key: statistics.median(run[key] for run in stage_runs) for key in stage_runs[0]})
            analysis_runs = [in_subprocess("analysis", folder) for _ in range(args.runs)]
            row.update({key: statistics.median(run[key] for run in analysis_runs) for key in analysis_runs[0]})
            if not args.no_app:
                row.update(app_start(folder, cache, args.runs))
            rows.append(row)
            print(table(rows[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    report = table(rows)
    print(report)
    if len(rows) >= 2 and rows[-1]["articles"] > rows[-2]["articles"]:
        small, large = rows[-2], rows[-1]
        factor = large["articles"] / small["articles"]
        growth = large["analysis_s"] / small["analysis_s"]
        print(f"\n{factor:.0f}× the articles took {growth:.1f}× the analysis time "
              f"(per doubling: {growth ** (1 / math.log2(factor)):.2f}×)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"sizes": rows, "machine_cores": os.cpu_count()}, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
