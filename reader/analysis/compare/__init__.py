"""Comparing coverage: what the outlets of one event share and where they differ.

`compare_events` runs after linking, over the whole corpus, and precomputes
each event's page (quotation ledger, single-source sentences, disagreements,
who is named), so the reader shows it without analysing anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reader.analysis.compare.disagreements import disagreements
from reader.analysis.compare.facts import read_sentences
from reader.analysis.compare.ledger import ledger
from reader.analysis.compare.named import main_place, named
from reader.analysis.compare.single_source import single_source
from reader.analysis.links.linking import Pieces
from reader.analysis.model import Article, Entity, Event, EventComparison, Link

Job = tuple[Event, tuple[Article, ...], dict[str, Entity], tuple[Link, ...], tuple[Pieces, ...] | None]
"""One event's comparison to work out: the event, its articles, the entities they name, its links,
and its articles' quotations and sentences as linking read them (None: read them again)."""

__all__ = ["compare_event", "compare_events", "compare_job", "compare_jobs"]


def compare_event(
    event: Event,
    articles: Sequence[Article],
    entities: dict[str, Entity],
    links: Sequence[Link],
    pieces: Sequence[Pieces] | None = None,
) -> EventComparison:
    """One event's comparison: `articles` are its articles in event order, `links` its links.

    `pieces` are the articles' `linking.Pieces` when the linking stage has made
    them: comparing reuses its split sentences and quotations' comparable forms.
    """
    read = read_sentences(articles, [said for _, said in pieces] if pieces is not None else None)
    quotations = ledger(articles, links, [quoted for quoted, _ in pieces] if pieces is not None else None)
    return EventComparison(
        event=event.id,
        ledger=quotations,
        single_source=single_source(articles, read, links, quotations),
        disagreements=disagreements(read),
        named=named(articles, entities),
        place=main_place(articles, entities),
    )


def compare_job(job: Job) -> EventComparison:
    """One event's comparison (the runner may run it in a worker process)."""
    return compare_event(*job)


def _slim(article: Article) -> Article:
    """What the comparison reads of an article: less to send to a worker."""
    return replace(article, removed=(), headline_quotes=())


def compare_jobs(
    articles: Sequence[Article],
    events: Sequence[Event],
    entities: Sequence[Entity],
    links: Sequence[Link],
    pieces: Sequence[Pieces] | None = None,
) -> list[Job]:
    """The comparison work of every event of two articles or more, in the order of `events`.

    Events are compared independently of each other, so the runner can hand the jobs to its workers.
    `pieces`, in the order of `articles`, are what linking read of them (`linking.Pieces`).
    """
    by_id = {a.id: a for a in articles}
    position = {a.id: n for n, a in enumerate(articles)}
    table = {e.id: e for e in entities}
    members = {a: e.id for e in events for a in e.articles}
    per_event: dict[str, list[Link]] = {}
    for link in links:
        if link.kind == "mention":
            continue
        owner = link.event or members.get(link.source.article)
        if owner is not None:
            per_event.setdefault(owner, []).append(link)
    jobs: list[Job] = []
    for event in events:
        present = tuple(_slim(by_id[a]) for a in event.articles if a in by_id)
        if len(present) >= 2:
            named = {m.entity for a in present for m in a.entities}
            own = {e: table[e] for e in named if e in table}
            read = tuple(pieces[position[a]] for a in event.articles if a in by_id) if pieces is not None else None
            jobs.append((event, present, own, tuple(per_event.get(event.id, ())), read))
    return jobs


def compare_events(
    articles: Sequence[Article],
    events: Sequence[Event],
    entities: Sequence[Entity],
    links: Sequence[Link],
    pieces: Sequence[Pieces] | None = None,
) -> tuple[EventComparison, ...]:
    """A comparison for every event of two articles or more, in the order of `events`, in this process."""
    return tuple(compare_job(job) for job in compare_jobs(articles, events, entities, links, pieces))
