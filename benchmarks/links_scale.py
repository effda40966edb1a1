"""Time and memory of event grouping and linking for 100, 1,000 and 10,000 articles.

Corpora are built from real articles (the bundled seeds and the ECB+ dev set)
so the right answer stays known: each copy of a real event gets its own
invented names, shifted years and shuffled, thinned body paragraphs, and is
therefore a different occurrence that reads like the original. Grouping is
scored with B-cubed F1 against those copies.

    /work/venv/bin/python benchmarks/links_scale.py [--sizes 100 1000 10000]

Each size runs in a fresh process so peak memory is that size's own. Times
are CPU seconds of that one process (a fair "one core" figure on a shared
machine) and wall-clock seconds.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_eval import DEFAULT_DATA, bcubed, load, with_entities  # noqa: E402
from reader.analysis import clean  # noqa: E402
from reader.sources import files as ingest
from reader.analysis.events import group_events  # noqa: E402
from reader.analysis.links import find_links  # noqa: E402
from reader.analysis.model import Article, Entity  # noqa: E402
from reader.analysis.text.normalise import STOPWORDS  # noqa: E402

SEED_EVENTS = {"000": "a", "002": "a", "001": "b", "004": "b", "003": "c"}
"""Which seed files report the same meeting: benchmark answer key, never used by the analysis."""
_SYLLABLES = (
    "ka", "lo", "mi", "ren", "to", "vas", "ul", "bra", "dek", "sin", "mor", "tay", "quo", "zel", "an", "be",
    "cor", "di", "fen", "gal", "ho", "jun", "kir", "lem", "nad", "os", "pil", "rus", "sev", "tin", "var", "yel",
)
_CAPITAL_WORD = re.compile(r"\b(?:[A-Z][a-z]{2,}|[A-Z]{2,})\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")


def templates() -> list[tuple[str, list[Article]]]:
    """Real events: the seed meetings and the ECB+ subtopics, each with its articles."""
    groups: dict[str, list[Article]] = {}
    documents, _ = ingest.load([ingest.bundled_seeds()])
    for document in documents:
        article = clean.clean(document)
        groups.setdefault("seed-" + SEED_EVENTS.get(article.id[:3], article.id), []).append(article)
    if DEFAULT_DATA.exists():
        articles, gold, _ = load(DEFAULT_DATA)
        for article in articles:
            groups.setdefault(gold[article.id], []).append(article)
    return sorted(groups.items())


def _fake_name(word: str, variant: str) -> str:
    if word.lower() in STOPWORDS:
        return word  # "The", "In": capitalised by position, not names
    rng = random.Random(f"{word}/{variant}")
    # About a million possible names, so two invented participants rarely collide.
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(3, 4))).capitalize()


def variant(article: Article, event: str, copy: int, rng: random.Random) -> Article:
    """The article retold for a different occurrence: other names, other years, body reshuffled."""
    shift = copy % 9 + 1

    def retell(text: str) -> str:
        text = _CAPITAL_WORD.sub(lambda m: _fake_name(m.group(0), f"{event}/{copy}"), text)
        return _YEAR.sub(lambda m: str(int(m.group(0)) + shift), text)

    paragraphs = [retell(p) for p in article.paragraphs]
    lead, body = paragraphs[:2], paragraphs[2:]
    rng.shuffle(body)
    body = [p for p in body if rng.random() > 0.2] or body[:1]
    return replace(
        article,
        id=f"{article.id}~{copy}",
        title=retell(article.title),
        paragraphs=tuple(lead + body),
        date=None,
        entities=(),
        quotes=(),
    )


def corpus(size: int, seed: int = 7) -> tuple[list[Article], dict[str, str]]:
    """`size` articles: whole copies of real events until the size is reached."""
    rng = random.Random(seed)
    pool = templates()
    articles: list[Article] = []
    gold: dict[str, str] = {}
    copy = 0
    while len(articles) < size:
        for name, members in pool:
            for article in members:
                if len(articles) >= size:
                    break
                made = article if copy == 0 else variant(article, name, copy, rng)
                articles.append(made)
                gold[made.id] = f"{name}~{copy}"
        copy += 1
    rng.shuffle(articles)
    return articles, gold


def measure(size: int, text_only: bool = False) -> dict[str, float]:
    articles, gold = corpus(size)
    table: tuple[Entity, ...] = ()
    how = "names from capitalisation"
    if not text_only:
        # As in the pipeline, entities are recognised per article before linking (not timed here).
        articles, table, how = with_entities(articles)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu = time.perf_counter(), time.process_time()
    events = group_events(articles, table)
    grouped, grouped_cpu = time.perf_counter(), time.process_time()
    links = find_links(articles, events)
    done, done_cpu = time.perf_counter(), time.process_time()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    predicted = {a: e.id for e in events for a in e.articles}
    p, r, f = bcubed(predicted, gold)
    kinds = {k: sum(1 for link in links if link.kind == k) for k in ("quote", "passage", "mention")}
    return {
        "articles": len(articles),
        "events": len(events),
        "entities": how,
        "group_cpu_s": round(grouped_cpu - cpu, 2),
        "link_cpu_s": round(done_cpu - grouped_cpu, 2),
        "total_cpu_s": round(done_cpu - cpu, 2),
        "total_wall_s": round(done - start, 2),
        "rss_before_mb": round(before / 1024, 1),
        "rss_peak_mb": round(peak / 1024, 1),
        "bcubed_p": round(p, 3),
        "bcubed_r": round(r, 3),
        "bcubed_f1": round(f, 3),
        **kinds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--text-only", action="store_true", help="skip entity recognition")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.text_only)))
        return
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size)] + (["--text-only"] if args.text_only else [])
        out = subprocess.run(command, capture_output=True, text=True, check=True)
        print(out.stdout.strip())


if __name__ == "__main__":
    main()
