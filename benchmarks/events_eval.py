"""B-cubed precision, recall and F1 of event grouping on ECB+ (Cybulska and Vossen, CC BY 3.0).

Each ECB+ topic holds articles about two different occurrences of the same
kind; the gold event is `subtopic`. All articles are grouped at once, so a
mistake can cross topics as well as subtopics.

    /work/venv/bin/python benchmarks/events_eval.py [--data FILE] [--per-topic] [--baseline] [--text-only]

Articles go through the reader's own entity recognition and unification
first, as in the pipeline; `--text-only` skips it (names then come from
capitalisation alone).

`--baseline` also scores TF-IDF + agglomerative clustering (scikit-learn, for
comparison only; not a dependency of the reader).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from reader.analysis.events import group_events
from reader.analysis.model import Article, Entity

DEFAULT_DATA = Path("/work/shared/data/ecbplus-dev.jsonl")


def load(path: Path) -> tuple[list[Article], dict[str, str], dict[str, str]]:
    """ECB+ rows as articles (one sentence per paragraph, first line as title), gold events and topics."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    topic: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        lines = tuple(s.strip() for s in row["text"].split("\n") if s.strip())
        articles.append(Article(id=row["id"], source=row["id"], title=lines[0] if lines else "", paragraphs=lines))
        gold[row["id"]] = row["subtopic"]
        topic[row["id"]] = row["topic"]
    return articles, gold, topic


def with_entities(articles: Sequence[Article]) -> tuple[list[Article], tuple[Entity, ...], str]:
    """Articles with recognised, corpus-unified entity mentions and quotations, as the pipeline gives them."""
    from reader.analysis import names as entities

    recognised = [replace(a, entities=entities.recognise(a.paragraphs)) for a in articles]
    try:
        unified, table = entities.unify(recognised)
    except Exception as error:  # the recogniser is developed alongside; say so rather than stop
        return recognised, (), f"recognised entities, not unified ({type(error).__name__})"
    from reader.analysis import quotes

    by_id = {entity.id: entity for entity in table}
    quoted = [replace(a, quotes=quotes.find_quotes(a, by_id)) for a in unified]
    return quoted, tuple(table), "recognised and unified entities, quotations found"


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """Mean per-item precision and recall of the item's predicted group against its gold group."""
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item, group in predicted.items():
        by_pred[group].add(item)
    for item, group in gold.items():
        by_gold[group].add(item)
    precision = recall = 0.0
    for item in gold:
        ours, theirs = by_pred[predicted[item]], by_gold[gold[item]]
        common = len(ours & theirs)
        precision += common / len(ours)
        recall += common / len(theirs)
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def baseline(articles: Sequence[Article], threshold: float) -> dict[str, str]:
    """Plain TF-IDF vectors, cosine distance, average-linkage agglomerative clustering."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = ["\n".join(a.paragraphs) for a in articles]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).toarray()
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
    ).fit(matrix)
    return {a.id: str(c) for a, c in zip(articles, model.labels_)}


def report(name: str, predicted: Mapping[str, str], gold: Mapping[str, str], seconds: float | None = None) -> None:
    p, r, f = bcubed(predicted, gold)
    groups = len(set(predicted.values()))
    took = f"  {seconds:.2f} s" if seconds is not None else ""
    print(f"{name:<32} P={p:.3f} R={r:.3f} F1={f:.3f}  groups={groups} (gold {len(set(gold.values()))}){took}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--per-topic", action="store_true")
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--text-only", action="store_true")
    args = parser.parse_args()
    articles, gold, topic = load(args.data)
    table: tuple[Entity, ...] = ()
    if args.text_only:
        print("names from capitalisation only")
    else:
        articles, table, how = with_entities(articles)
        print(how)
    start = time.perf_counter()
    events = group_events(articles, table)
    seconds = time.perf_counter() - start
    predicted = {aid: event.id for event in events for aid in event.articles}
    report(f"reader ({len(articles)} articles)", predicted, gold, seconds)
    if args.per_topic:
        for t in sorted(set(topic.values()), key=int):
            ids = [a for a in gold if topic[a] == t]
            report(f"  topic {t}", {a: predicted[a] for a in ids}, {a: gold[a] for a in ids})
    if args.baseline:
        for threshold in (0.7, 0.8, 0.85, 0.9, 0.95):
            report(f"tf-idf + agglomerative d<{threshold}", baseline(articles, threshold), gold)


if __name__ == "__main__":
    main()
