"""Runs the analysis stages in order: files → clean articles → entities → quotes → events → links.

Per-article stages (cleaning, recognition, quotes) are independent of each
other; the corpus stages (unification, events, links) see every article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from reader.analysis import clean, compare, names as entities, events, links, quotes
from reader.run import collector, pool as parallel
from reader.analysis.events import features
from reader.sources import files as ingest
from reader.analysis.model import Article, Corpus, Document, Entity, Problem

Progress = Callable[[int, int], None]
"""Called with (articles done, articles in all) as analysis goes on."""

Preview = Callable[[Corpus], None]
"""Called with what can be shown before the analysis is done (see `analyse`)."""

Cancelled = Callable[[], bool]
"""Asked between steps of the analysis; True stops it with `AnalysisCancelled`."""


class AnalysisCancelled(Exception):
    """The caller no longer wants the analysis (the user quit, or asked for another one)."""


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise AnalysisCancelled


def prepare(document: Document) -> Article:
    """Clean one document and recognise its entities: the per-article, corpus-free work."""
    article = clean.clean(document)
    return replace(article, entities=entities.recognise(article.paragraphs))


def _with_quotes(article: Article, by_id: dict[str, Entity], scanned: quotes.Scanned | None = None) -> Article:
    found = replace(article, quotes=quotes.find_quotes(article, by_id, scanned))
    return replace(found, headline_quotes=quotes.headline_quotes(found))


def link_corpus(articles: Sequence[Article], problems: Sequence[Problem] = (), cancelled: Cancelled | None = None) -> Corpus:
    """The corpus-wide stages, over articles that `prepare` produced (`cancelled` is asked between them)."""
    with collector.paused():  # millions of acyclic objects: see `collector`
        corpus = _link_corpus(articles, problems, cancelled)
    collector.keep()
    return corpus


def _link_corpus(articles: Sequence[Article], problems: Sequence[Problem], cancelled: Cancelled | None) -> Corpus:
    # Quotations are detected (on worker processes, for a large corpus) while
    # this process unifies the entities their speakers are then chosen from.
    method = parallel.default_start_method()
    scanning = quotes.submit_scans(articles, method)
    unified, table = entities.unify(articles)
    scanned = quotes.scans(scanning)
    by_id = {entity.id: entity for entity in table}
    _check(cancelled)
    # From here the workers stay busy while this process does what only it can.
    # Term counts for event grouping read the text and the entities, not the
    # quotations: they are counted while quotations are attributed. The
    # event-free part of linking queues behind them, to run while this
    # process, alone, compares the articles and groups them into events.
    counting = features.count_terms(unified, method)
    groundwork: links.Groundwork | None = None
    try:
        quoted = tuple(_with_quotes(a, by_id, scan.scanned) for a, scan in zip(unified, scanned, strict=True))
        _check(cancelled)
        spoken = [scan.spoken for scan in scanned]  # normalised once, for grouping and linking
        groundwork = links.lay_groundwork(quoted, method, spoken)
        grouped = events.group_events(quoted, table, counting, spoken)
        _check(cancelled)
        found = links.find_links(quoted, grouped, table, groundwork=groundwork)
    finally:
        counting.cancel()  # nothing left to drop once collected; else work no one will read
        if groundwork is not None:
            groundwork.cancel()
    # The last corpus stage: each event's comparison (ledger, single-source, disagreements, names).
    compared = compare.compare_events(quoted, grouped, table, found)
    return Corpus(
        articles=quoted, entities=table, events=grouped, links=found, problems=tuple(problems), comparisons=compared
    )


class ResultCache(Protocol):
    """What `analyse` needs of a persistent cache (`reader.storage.cache.AnalysisCache` is one)."""

    @property
    def notices(self) -> tuple[str, ...]:
        """Sentences for the user about trouble with the cache (a damaged file set aside)."""
        ...

    def fingerprint(self, paths: Sequence[Path], max_bytes: int) -> str | None: ...
    def load_unchanged(self, fingerprint: str | None, on_text: Preview | None = None) -> Corpus | None: ...
    def remember(self, fingerprint: str | None, key: str) -> None: ...
    def key(self, documents: Sequence[Document], problems: Sequence[Problem]) -> str: ...
    def load_corpus(self, key: str, on_text: Preview | None = None) -> Corpus | None: ...
    def store_corpus(self, key: str, corpus: Corpus) -> None: ...
    def load_articles(self, documents: Sequence[Document]) -> list[Article | None]: ...
    def store_articles(self, articles: Sequence[Article]) -> None: ...


UPDATE_EVERY = 500
"""Articles prepared between two updates of the list while a large corpus is analysed
(or an eighth of the corpus, if more)."""
FIRST_UPDATE = 200
"""The first update comes sooner, so the first articles are on screen soon after the files are read."""


def finish(articles: Sequence[Article], problems: Sequence[Problem], cancelled: Cancelled | None = None) -> Corpus:
    """From prepared articles to the corpus: drop duplicates, note empty articles, link."""
    kept, duplicates = clean.drop_duplicates(articles)
    empty = [
        Problem(a.source, f"no article text left after cleaning ({len(a.removed)} lines removed)", "warning")
        for a in kept
        if not a.paragraphs
    ]
    return link_corpus(kept, [*problems, *duplicates, *empty], cancelled)


def analyse(
    paths: Sequence[Path],
    progress: Progress | None = None,
    *,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
    cache: ResultCache | None = None,
    on_preview: Preview | None = None,
    cancelled: Cancelled | None = None,
) -> Corpus:
    """Read, clean and analyse every article under `paths`.

    With a `cache`, an unchanged corpus is one read and only changed files are
    prepared again. So that a reader can show articles before the corpus is
    done, `on_preview` is called with a partial corpus: the articles prepared
    so far, every few hundred as they are prepared (on every core when the
    corpus is large enough), or, when the cache holds the whole corpus, its
    articles' text and events before their annotations and links are read.

    `cancelled` is asked as prepared articles arrive and between the corpus-wide stages;
    when it says True the analysis stops with `AnalysisCancelled` (a reader
    that quits mid-analysis of a large corpus would otherwise wait for all of it).
    """
    # Unchanged files (same sizes, times, inodes) are not even read again: one cache read.
    fingerprint = cache.fingerprint(paths, max_bytes) if cache is not None else None
    if cache is not None and (hit := cache.load_unchanged(fingerprint, on_preview)) is not None:
        if progress is not None:
            progress(len(hit.articles), len(hit.articles))
        return hit
    with collector.paused():  # what analysis builds holds no cycles (see `collector`)
        return _analyse(paths, fingerprint, progress, max_bytes, cache, on_preview, cancelled)


def _analyse(
    paths: Sequence[Path],
    fingerprint: str | None,
    progress: Progress | None,
    max_bytes: int,
    cache: ResultCache | None,
    on_preview: Preview | None,
    cancelled: Cancelled | None,
) -> Corpus:
    """`analyse` once the cache holds nothing for these exact files."""
    documents, problems = ingest.load(paths, max_bytes=max_bytes)
    total = len(documents)
    key = cache.key(documents, problems) if cache is not None else None
    if cache is not None and key is not None and (hit := cache.load_corpus(key, on_preview)) is not None:
        cache.remember(fingerprint, key)
        if progress is not None:
            progress(total, total)
        return hit
    articles = prepare_all(documents, progress, cache, on_preview, cancelled)
    corpus = finish(articles, problems, cancelled)
    if cache is not None and key is not None:
        cache.store_corpus(key, corpus)
        cache.remember(fingerprint, key)
    return corpus


def prepare_all(
    documents: Sequence[Document],
    progress: Progress | None = None,
    cache: ResultCache | None = None,
    on_preview: Preview | None = None,
    cancelled: Cancelled | None = None,
    *,
    prepare_one: Callable[[Document], Article] | None = None,
) -> list[Article]:
    """`prepare` (or `prepare_one`) every document the cache does not hold, all handed to the workers at once.

    Handed over in batches, the workers idled at the end of each while this
    process collected it and handed over the next: sampled through 10,000
    articles they used 0.72-0.91 of both cores, and 0.95 with one hand-over.
    The list is still updated as work arrives: once the first FIRST_UPDATE
    articles are ready, then every UPDATE_EVERY (or an eighth of the corpus),
    with the articles ready from the first on, in the corpus's order (so rows
    already shown keep their places). The cache stores new articles at the
    same moments, and `cancelled` is asked as each chunk of work arrives.
    """
    total = len(documents)
    ready = cache.load_articles(documents) if cache is not None else [None] * total
    missing = [index for index, article in enumerate(ready) if article is None]
    slot = {documents[index].id: index for index in missing}
    hits = total - len(missing)
    unstored: list[Article] = []
    every = max(UPDATE_EVERY, -(-total // 8))
    shown = 0  # articles in the last update
    first = 0  # the first article not ready yet
    if progress is not None and hits:
        progress(hits, total)

    def store() -> None:
        if cache is not None and unstored:
            cache.store_articles(unstored)
            unstored.clear()

    def update() -> None:
        nonlocal shown
        shown = first
        store()
        if on_preview is not None:
            on_preview(Corpus(articles=tuple(a for a in ready[:first] if a is not None)))

    def arrived(chunk: Sequence[Article]) -> None:
        nonlocal first
        for article in chunk:
            ready[slot[article.id]] = article
        unstored.extend(chunk)
        if cancelled is not None and cancelled():
            store()  # what is prepared need not be prepared again
            raise AnalysisCancelled
        while first < total and ready[first] is not None:
            first += 1
        if first >= (shown + every if shown else min(FIRST_UPDATE, every)):
            update()

    def advance(done: int, _: int) -> None:
        if progress is not None:
            progress(hits + done, total)

    # One hand-over: the pool starts before any other thread of this process
    # (the cache's writer) exists, so it can be forked rather than served.
    parallel.submit_all([documents[i] for i in missing], prepare_one or prepare).result(advance, arrived)
    first = total
    if shown < total:
        update()  # what is ready since the last update
    return [article for article in ready if article is not None]
