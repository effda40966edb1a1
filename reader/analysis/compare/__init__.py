"""Comparing coverage: what the outlets of one event share and where they differ.

`compare_events` runs after linking, over the whole corpus, and precomputes
each event's page (quotation ledger, single-source sentences, disagreements,
who is named), so the reader shows it without analysing anything.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.compare.disagreements import disagreements
from reader.analysis.compare.ledger import ledger
from reader.analysis.compare.named import named
from reader.analysis.compare.single_source import single_source
from reader.analysis.links.passages import sentences
from reader.analysis.model import Article, Entity, Event, EventComparison, Link

__all__ = ["compare_event", "compare_events"]


def compare_event(
    event: Event, articles: Sequence[Article], entities: dict[str, Entity], links: Sequence[Link]
) -> EventComparison:
    """One event's comparison: `articles` are its articles in event order, `links` its links."""
    split = {a.id: [(p, s) for p, text in enumerate(a.paragraphs) for s in sentences(text)] for a in articles}
    quotations = ledger(articles, links)
    every = [(a.id, p, s) for a in articles for p, s in split[a.id]]
    return EventComparison(
        event=event.id,
        ledger=quotations,
        single_source=single_source(articles, split, links, quotations),
        disagreements=disagreements(every),
        named=named(articles, entities),
    )


def compare_events(
    articles: Sequence[Article], events: Sequence[Event], entities: Sequence[Entity], links: Sequence[Link]
) -> tuple[EventComparison, ...]:
    """A comparison for every event of two articles or more, in the order of `events`."""
    by_id = {a.id: a for a in articles}
    table = {e.id: e for e in entities}
    members = {a: e.id for e in events for a in e.articles}
    per_event: dict[str, list[Link]] = {}
    for link in links:
        if link.kind == "mention":
            continue
        event = link.event or members.get(link.source.article)
        if event is not None:
            per_event.setdefault(event, []).append(link)
    found = []
    for event in events:
        present = [by_id[a] for a in event.articles if a in by_id]
        if len(present) >= 2:
            found.append(compare_event(event, present, table, per_event.get(event.id, ())))
    return tuple(found)
