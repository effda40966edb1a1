"""Runs the analysis stages in order: files → clean articles → entities → quotes → events → links.

Per-article stages (cleaning, recognition, quotes) are independent of each
other; the corpus stages (unification, events, links) see every article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from . import clean, entities, events, ingest, links, quotes
from .model import Article, Corpus, Problem

Progress = Callable[[int, int], None]
"""Called with (articles done, articles in all) as analysis goes on."""


def prepare(document: ingest.Document) -> Article:
    """Clean one document and recognise its entities: the per-article, corpus-free work."""
    article = clean.clean(document)
    return replace(article, entities=entities.recognise(article.paragraphs))


def link_corpus(articles: Sequence[Article], problems: Sequence[Problem] = ()) -> Corpus:
    """The corpus-wide stages, over articles that `prepare` produced."""
    unified, table = entities.unify(articles)
    by_id = {entity.id: entity for entity in table}
    quoted = tuple(replace(a, quotes=quotes.find_quotes(a, by_id)) for a in unified)
    grouped = events.group_events(quoted, table)
    found = links.find_links(quoted, grouped, table)
    return Corpus(articles=quoted, entities=table, events=grouped, links=found, problems=tuple(problems))


def analyse(
    paths: Sequence[Path], progress: Progress | None = None, *, max_bytes: int = ingest.DEFAULT_MAX_BYTES
) -> Corpus:
    """Read, clean and analyse every article under `paths`."""
    documents, problems = ingest.load(paths, max_bytes=max_bytes)
    articles: list[Article] = []
    for done, document in enumerate(documents, start=1):
        articles.append(prepare(document))
        if progress is not None:
            progress(done, len(documents))
    articles, duplicates = ingest.drop_duplicates(articles)
    empty = [
        Problem(a.source, f"no article text left after cleaning ({len(a.removed)} lines removed)", "warning")
        for a in articles
        if not a.paragraphs
    ]
    return link_corpus(articles, [*problems, *duplicates, *empty])
