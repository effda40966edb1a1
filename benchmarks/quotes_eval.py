"""Quotation quality and speed: detection precision/recall, kinds and attribution on the dev set.

Run: /work/venv/bin/python benchmarks/quotes_eval.py [--seeds]

The development set (tests/data/quotes_dev.jsonl) is hand-annotated ECB+ news
(CC BY 3.0): the "dev" split was used while writing the code; the "check" and
"check2" splits were annotated afterwards and first measured before any change
they prompted. A speaker counts as right when the predicted entity's name
shares a word with the annotated name (surnames), or when both are null.
Throughput is CPU time of the quotation stage alone, on every ECB+ development
article and on the seeds, with entities computed beforehand because the stage
runs after recognition.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.analysis.model import Article, Entity, EntityMention  # noqa: E402
from reader.analysis.quotes import detect, find_quotes  # noqa: E402

DEV = ROOT / "tests" / "data" / "quotes_dev.jsonl"
ECB = Path("/work/shared/data/ecbplus-dev.jsonl")

Recognise = Callable[[Sequence[str]], tuple[EntityMention, ...]]
Unify = Callable[[Sequence[Article]], tuple[tuple[Article, ...], tuple[Entity, ...]]]


def _recogniser() -> tuple[str, Recognise, Unify]:
    """The project's entity recogniser (the quotation stage runs on its output)."""
    try:
        from reader.analysis import names as entities

        return "reader.analysis.names", entities.recognise, entities.unify
    except ImportError:
        from reader.analysis.names.recognise import recognise
        from reader.analysis.names.unify import unify

        return "reader.analysis.names", recognise, unify


def _analyse(
    id_: str, paragraphs: Sequence[str], recognise: Recognise, unify: Unify
) -> tuple[Article, dict[str, Entity]]:
    article = Article(id_, id_, id_, tuple(paragraphs))
    try:
        article = replace(article, entities=recognise(article.paragraphs))
        (article,), table = unify([article])
    except Exception as error:  # the recogniser failing must not stop the measurement
        print(f"  entities failed on {id_}: {error!r}; measuring without them")
        return replace(article, entities=()), {}
    return article, {e.id: e for e in table}


def _same_person(predicted: Entity | None, gold: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    words = {w.lower() for w in re.findall(r"[\w.]+", gold)}
    names = [predicted.name, *predicted.aliases]
    return any(w.lower() in words for name in names for w in re.findall(r"[\w.]+", name))


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def evaluate(recognise: Recognise, unify: Unify, verbose: bool, split: str) -> None:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [row for row in rows if row.get("split", "dev") == split]
    found_all = gold_all = hit_all = 0
    speech_gold = speech_hit = 0
    kinds = Counter[tuple[str, str]]()
    attributed = attributed_right = 0
    for row in rows:
        article, table = _analyse(row["id"], row["paragraphs"], recognise, unify)
        predicted = {(q.paragraph, q.start, q.end): q for q in find_quotes(article, table)}
        gold = {(q["paragraph"], q["start"], q["end"]): q for q in row["quotes"]}
        found_all += len(predicted)
        gold_all += len(gold)
        hit_all += len(predicted.keys() & gold.keys())
        for key, truth in gold.items():
            quote = predicted.get(key)
            if truth["kind"] != "term":
                speech_gold += 1
                speech_hit += quote is not None
            if quote is None:
                if verbose:
                    print(f"  missed {row['id']} {key[0]} {truth['text'][:60]!r}")
                continue
            kinds[(truth["kind"], quote.kind)] += 1
            if verbose and truth["kind"] != quote.kind:
                print(f"  kind {row['id']} {key[0]} gold={truth['kind']} got={quote.kind} {truth['text'][:50]!r}")
            if truth["kind"] == "term":
                continue
            attributed += 1
            entity = table.get(quote.speaker) if quote.speaker else None
            right = _same_person(entity, truth["speaker"])
            attributed_right += right
            if verbose and not right:
                name = entity.name if entity else None
                print(
                    f"  speaker {row['id']} {key[0]} gold={truth['speaker']!r} got={name!r}"
                    f" cue={quote.cue!r} {truth['text'][:40]!r}"
                )
        if verbose:
            for key in predicted.keys() - gold.keys():
                print(f"  extra {row['id']} {key[0]} {predicted[key].text[:60]!r}")
    precision, recall = _ratio(hit_all, found_all), _ratio(hit_all, gold_all)
    f1 = _ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0
    kind_right = sum(n for (g, p), n in kinds.items() if g == p)
    print(f"{split} split: {len(rows)} articles, {gold_all} quotations ({speech_gold} direct/partial)")
    print(f"detection (exact spans): precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"direct/partial recall: {_ratio(speech_hit, speech_gold):.3f}")
    print(f"kind accuracy on found quotations: {_ratio(kind_right, sum(kinds.values())):.3f}  confusion {dict(kinds)}")
    accuracy = _ratio(attributed_right, attributed)
    print(f"attribution accuracy on found direct/partial: {accuracy:.3f} ({attributed_right}/{attributed})")


def throughput(recognise: Recognise, unify: Unify) -> None:
    if not ECB.exists():
        print(f"throughput: {ECB} not found")
        return
    prepared = []
    words = 0
    for line in ECB.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        paragraphs = row["text"].split("\n")
        prepared.append(_analyse(row["id"], paragraphs, recognise, unify))
        words += sum(len(p.split()) for p in paragraphs)
    for label, run in (
        ("find_quotes", lambda: [find_quotes(a, t) for a, t in prepared]),
        ("detect", lambda: [detect(a.paragraphs) for a, _ in prepared]),
    ):
        best = min(_timed(run) for _ in range(5))
        print(
            f"throughput {label}: {words / best:,.0f} words/s"
            f" ({len(prepared)} articles, {words:,} words, best of 5: {best * 1000:.1f} ms CPU)"
        )


def seed_throughput(recognise: Recognise, unify: Unify) -> None:
    """Speed on the seed articles: paragraph-format web copy, with a quotation every ~60 words."""
    from reader.analysis import clean
    from reader.sources import files as ingest

    documents, _ = ingest.load([ROOT / "seeds"])
    articles = [replace(a, entities=recognise(a.paragraphs)) for a in (clean.clean(d) for d in documents)]
    unified, table = unify(articles)
    by_id = {e.id: e for e in table}
    words = sum(len(p.split()) for a in unified for p in a.paragraphs)
    best = min(_timed(lambda: [find_quotes(a, by_id) for _ in range(20) for a in unified]) for _ in range(5)) / 20
    print(f"throughput find_quotes on the seeds: {words / best:,.0f} words/s ({words:,} words, {best * 1000:.2f} ms)")


def _timed(run: Callable[[], object]) -> float:
    start = time.process_time()  # CPU time: the machine is shared, wall time measures the neighbours
    run()
    return time.process_time() - start


def seeds(recognise: Recognise, unify: Unify) -> None:
    """Per seed article: the quotations found, with kind, speaker and cue."""
    from reader.analysis import clean
    from reader.sources import files as ingest

    documents, _ = ingest.load([ROOT / "seeds"])
    articles = [clean.clean(d) for d in documents]
    articles = [replace(a, entities=recognise(a.paragraphs)) for a in articles]
    unified, table = unify(articles)
    by_id = {e.id: e for e in table}
    for article in unified:
        print(f"== {article.id}")
        for q in find_quotes(article, by_id):
            speaker = by_id[q.speaker].name if q.speaker in by_id else q.speaker
            mark = "+" if q.continued else " "
            print(f"  {q.paragraph:2}{mark} {q.kind:7} {str(speaker):20} {str(q.cue):14} {q.text[:60]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", action="store_true", help="list the quotations found in the seed articles")
    parser.add_argument("--verbose", action="store_true", help="list every miss, extra and wrong speaker")
    args = parser.parse_args()
    name, recognise, unify = _recogniser()
    print(f"entities from {name}")
    for split in ("dev", "check", "check2"):
        evaluate(recognise, unify, args.verbose, split)
    throughput(recognise, unify)
    seed_throughput(recognise, unify)
    if args.seeds:
        seeds(recognise, unify)


if __name__ == "__main__":
    main()
