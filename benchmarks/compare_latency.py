"""How quickly the comparison screens answer: the event page of a 50-article event, keys in side by side.

    python benchmarks/compare_latency.py [--presses 30] [--articles 50] [--paragraphs 500]

The event: `--articles` retellings of the seeds' June 2018 meeting (each with
its own invented names and shuffled body, as `links_scale.variant` makes
them), analysed and merged into one event the way a user's merge would be,
so its comparison holds a real ledger. Side by side: two articles of
`--paragraphs` paragraphs each, every paragraph linked. The reader runs
headless; each key is posted as the terminal driver posts it, and the time
to the first frame after it is taken (as `ui_latency.py` does), with the CPU
time the process spent until then. Medians and 90th percentiles; the page's
first open (which composes it) is reported on its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def big_event(count: int):  # type: ignore[no-untyped-def]
    """A corpus whose first event holds `count` retellings of the June 2018 meeting."""
    from links_scale import templates, variant

    from reader.analysis import names
    from reader.analysis.compare.corrections import apply_corrections, article_key
    from reader.analysis.model import Correction
    from reader.run.pipeline import link_corpus

    seeds = dict(templates())["seed-a"]
    rng = random.Random(7)
    made = [replace(variant(seeds[n % len(seeds)], "june", n // len(seeds) + 1, rng), content_hash="") for n in range(count)]
    made = [replace(a, entities=names.recognise(a.paragraphs)) for a in made]
    corpus = link_corpus(made)
    first = article_key(corpus.articles[0])
    keys = {a.id: article_key(a) for a in corpus.articles}
    home = next(e for e in corpus.events if corpus.articles[0].id in e.articles)
    merges = [Correction("merge", keys[e.articles[0]], first) for e in corpus.events if e.id != home.id]
    return apply_corrections(corpus, merges), corpus.articles[0].id


def long_pair(paragraphs: int):  # type: ignore[no-untyped-def]
    from ui_latency import long_corpus

    from reader.analysis.model import Event

    corpus = long_corpus(paragraphs)
    return replace(corpus, events=(Event("e", "Two long reports", None, ("a", "b")),))


async def measure_keys(corpus, article: str, plan: list[tuple[str, str]]) -> dict[str, list[tuple[float, float]]]:  # type: ignore[no-untyped-def]
    from textual import events
    from ui_latency import record_frames

    from reader.ui.app import ReaderApp

    app = ReaderApp([], corpus=corpus)
    frames = record_frames(app)
    results: dict[str, list[tuple[float, float]]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.main.go(app.main.resume(article))
        await pilot.pause()
        for name, key in plan:
            await pilot.pause(0.05)
            frames.clear()
            start, cpu = time.perf_counter(), time.process_time()
            app.post_message(events.Key(key, key if len(key) == 1 else None))
            while time.perf_counter() - start < 3 and not frames:
                await asyncio.sleep(0.001)
            await pilot.pause(0.05)
            if frames and name:
                results.setdefault(name, []).append(((frames[0][0] - start) * 1000, (frames[0][1] - cpu) * 1000))
    return results


def summary(results: dict[str, list[tuple[float, float]]]) -> dict[str, float]:
    found: dict[str, float] = {}
    for name, pairs in results.items():
        for label, column in (("first_frame", 0), ("cpu", 1)):
            times = sorted(p[column] for p in pairs)
            found[f"{name}_{label}_median_ms"] = round(statistics.median(times), 1)
            found[f"{name}_{label}_p90_ms"] = round(times[max(0, int(len(times) * 0.9) - 1)], 1)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--paragraphs", type=int, default=500)
    args = parser.parse_args()
    corpus, first = big_event(args.articles)
    event = next(e for e in corpus.events if first in e.articles)
    compared = next(c for c in corpus.comparisons if c.event == event.id)
    print(f"event of {len(event.articles)} articles: {len(compared.ledger)} quotations, "
          f"{len(compared.single_source)} single-source sentences", file=sys.stderr)
    # The first open composes the page; later ones refill the same page (it is kept once made).
    page = [("event_page_first_open", "v"), ("", "escape")] + [("event_page_open", "v"), ("", "escape")] * args.presses
    results = asyncio.run(measure_keys(corpus, first, page))
    side = [("", "c")] + [("side_by_side_move", "j" if n % 4 != 3 else "k") for n in range(args.presses)]
    side += [("side_by_side_swap", "x") for _ in range(max(3, args.presses // 3))]
    results.update(asyncio.run(measure_keys(long_pair(args.paragraphs), "a", side)))
    print(json.dumps(summary(results), indent=1))


if __name__ == "__main__":
    main()
