"""The corpus-wide stages, in the order that keeps every core busy.

Unification, attribution, event grouping and mention linking see the whole
corpus and run here, in this process; the work around them that reads one
article (or one event) at a time is handed to the workers first, so it is
done by the time this process needs it:

1. detection of quotations goes to the workers while this process unifies the
   entities their speakers are chosen from;
2. term counts (event grouping's input), every article's sentences in
   comparable form and the clues of mention links go next, while this process
   attributes the quotations and then groups the events;
3. each event's quote and passage links go next, while this process finds the
   mention links between events;
4. each event's comparison (`analysis.compare`) goes last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, TypeVar

from reader.analysis import compare, events, links, names, quotes
from reader.analysis.events import features
from reader.analysis.links import mentions, passages
from reader.analysis.model import Article, Corpus, Entity, Problem
from reader.run.cancelling import Cancelled, check
from reader.run.pool import Batch, Workers

T = TypeVar("T")


def _with_quotes(article: Article, by_id: dict[str, Entity], scan: quotes.Scan) -> Article:
    found = replace(article, quotes=quotes.find_quotes(article, by_id, scan.scanned))
    return replace(found, headline_quotes=quotes.headline_quotes(found))


def link_corpus(
    articles: Sequence[Article],
    problems: Sequence[Problem] = (),
    cancelled: Cancelled | None = None,
    workers: Workers | None = None,
) -> Corpus:
    """The corpus-wide stages over prepared articles (`cancelled` is asked between them)."""
    workers = workers or Workers()
    handed: list[Batch[Any]] = []

    def hand(batch: Batch[T]) -> Batch[T]:
        handed.append(batch)
        return batch

    try:
        scanning = hand(workers.map(quotes.scan_article, [a.paragraphs for a in articles]))
        unified, table = names.unify(articles)
        scans: list[quotes.Scan] = scanning.results()
        by_id = {entity.id: entity for entity in table}
        check(cancelled)
        counting = hand(workers.map(features.term_counts, [features.term_input(a) for a in unified]))
        quoted = tuple(_with_quotes(a, by_id, scan) for a, scan in zip(unified, scans, strict=True))
        check(cancelled)
        spoken = [scan.spoken for scan in scans]  # normalised once, for grouping and linking
        gathering = hand(workers.map(mentions.gather, [[links.slim(a) for a in quoted]], weight=len(quoted)))
        sentences = hand(workers.map(passages.sentence_pieces, [a.paragraphs for a in quoted]))
        grouped = events.group_events(quoted, table, counting.results(), spoken)
        check(cancelled)
        pieces = list(zip(spoken, sentences.results(), strict=True))  # read by linking, then by comparing
        jobs = links.event_jobs(quoted, grouped, pieces)
        linking = hand(workers.map(links.event_links, jobs, weight=sum(len(ids) for _, ids, _ in jobs)))
        mention_links = mentions.find_mentions(quoted, grouped, gathering.results()[0])
        found = links.in_order(quoted, linking.results(), mention_links)
        # The last corpus stage: each event's comparison (ledger, single-source, disagreements, names).
        comparing = compare.compare_jobs(quoted, grouped, table, found, pieces)
        compared = tuple(hand(workers.map(compare.compare_job, comparing, weight=sum(len(j[1]) for j in comparing))).results())
    finally:
        for batch in handed:
            batch.cancel()  # nothing left to drop once collected; else work no one will read
    return Corpus(
        articles=quoted, entities=table, events=grouped, links=found, problems=tuple(problems), comparisons=compared
    )
