"""Runs the analysis of a corpus: files → clean articles → entities → quotes → events → links.

This module and `corpus` are the only places that decide how the stages run:
what goes to the workers (`pool.Workers`), what the cache answers, and in
what order the list fills. The stages themselves are plain functions.
Per-article work (cleaning, recognition) is independent for each article;
the corpus stages (`corpus.link_corpus`) see every article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reader.analysis.model import Article, Corpus, Document, Problem
from reader.run.cancelling import AnalysisCancelled, Cancelled
from reader.run.collector import spare_the_collector
from reader.sources import files

if TYPE_CHECKING:
    from reader.run.pool import Workers  # imported where a pool is made: reopening a stored corpus needs none

__all__ = ["AnalysisCancelled", "ResultCache", "analyse", "analyse_documents", "finish", "link_corpus", "prepare", "prepare_all", "unchanged_small"]

Progress = Callable[[int, int], None]
"""Called with (articles done, articles in all) as analysis goes on."""

Preview = Callable[[Corpus], None]
"""Called with what can be shown before the analysis is done (see `analyse`)."""


def prepare(document: Document) -> Article:
    """Clean one document and recognise its entities: the per-article, corpus-free work."""
    # The stages are imported when first needed: reopening an unchanged archive needs
    # none of them, and importing them all cost the interface a third of a second.
    from reader.analysis import clean, names

    article = clean.clean(document)
    return replace(article, entities=names.recognise(article.paragraphs))


class ResultCache(Protocol):
    """What `analyse` needs of a persistent cache (`reader.storage.cache.AnalysisCache` is one)."""

    @property
    def notices(self) -> tuple[str, ...]:
        """Sentences for the user about trouble with the cache (a damaged file set aside)."""
        ...

    @property
    def usable_version(self) -> str | None:
        """The analysis version results are stored under; None when the cache cannot be used."""
        ...
    def load_unchanged(self, fingerprint: str | None, on_text: Preview | None = None) -> Corpus | None: ...
    def stored_size(self, fingerprint: str | None) -> int | None: ...
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


def finish(
    articles: Sequence[Article],
    problems: Sequence[Problem],
    cancelled: Cancelled | None = None,
    workers: Workers | None = None,
) -> Corpus:
    """From prepared articles to the corpus: drop duplicates, note empty articles, link."""
    from reader.analysis import clean

    kept, duplicates = clean.drop_duplicates(articles)
    empty = [
        Problem(a.source, f"no article text left after cleaning ({len(a.removed)} lines removed)", "warning")
        for a in kept
        if not a.paragraphs
    ]
    return link_corpus(kept, [*problems, *duplicates, *empty], cancelled, workers)


def link_corpus(
    articles: Sequence[Article],
    problems: Sequence[Problem] = (),
    cancelled: Cancelled | None = None,
    workers: Workers | None = None,
) -> Corpus:
    """The corpus-wide stages over prepared articles (`corpus.link_corpus`, imported when first needed)."""
    from reader.run import corpus

    return corpus.link_corpus(articles, problems, cancelled, workers)


def analyse(
    paths: Sequence[Path],
    progress: Progress | None = None,
    *,
    max_bytes: int = files.DEFAULT_MAX_BYTES,
    cache: ResultCache | None = None,
    on_preview: Preview | None = None,
    cancelled: Cancelled | None = None,
    workers: Workers | None = None,
    fingerprint: str | None = None,
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
    `workers` says where per-article work runs (default: this machine's cores).
    `fingerprint` is the files' fingerprint when the caller has just taken it
    (`unchanged_small`: asking for 10,000 files' status takes a few tenths of a second).
    """
    spare_the_collector()
    # Unchanged files (same sizes, times, inodes) are not even read again: one cache read.
    version = cache.usable_version if cache is not None else None
    if fingerprint is None and version is not None:
        fingerprint = files.fingerprint(paths, max_bytes, version)
    if cache is not None and (hit := cache.load_unchanged(fingerprint, on_preview)) is not None:
        if progress is not None:
            progress(len(hit.articles), len(hit.articles))
        return hit
    documents, problems = files.load(paths, max_bytes=max_bytes)
    return analyse_documents(
        documents, problems, progress, cache=cache, on_preview=on_preview, cancelled=cancelled, workers=workers, fingerprint=fingerprint
    )


SMALL_CORPUS = 1_000_000
"""Bytes of a stored corpus worth reading before a reader's first frame: about 20 ms to decode,
a hundred articles or so. A larger corpus fills in after the first frame instead."""


def unchanged_small(
    paths: Sequence[Path], cache: ResultCache, *, max_bytes: int, within: int = SMALL_CORPUS
) -> tuple[Corpus | None, str | None]:
    """The cached analysis of these unchanged files when it is stored in at most `within` bytes (else None),
    and the files' fingerprint, for `analyse` to use rather than take again.

    Quick enough to ask before a reader's first frame (the files' status is
    read, never their bytes), so that a small corpus opens with its list and
    text on that frame instead of one painted empty and filled in later. A
    cache that had trouble answers None: the ordinary analysis then runs and
    says what went wrong.
    """
    version = cache.usable_version
    if version is None:
        return None, None
    fingerprint = files.fingerprint(paths, max_bytes, version)
    size = cache.stored_size(fingerprint)
    if size is None or size > within:
        return None, fingerprint
    corpus = cache.load_unchanged(fingerprint)
    return (corpus if not cache.notices else None), fingerprint


def analyse_documents(
    documents: Sequence[Document],
    problems: Sequence[Problem] = (),
    progress: Progress | None = None,
    *,
    cache: ResultCache | None = None,
    on_preview: Preview | None = None,
    cancelled: Cancelled | None = None,
    workers: Workers | None = None,
    fingerprint: str | None = None,
) -> Corpus:
    """`analyse` of documents already read (from files, pages or feeds), with the same arguments.

    The cache answers an unchanged set of documents in one read; else only the
    documents it does not hold are prepared. `fingerprint` is what the cache
    should remember the corpus by, when the caller took one before reading.
    """
    spare_the_collector()
    from reader.run.pool import Workers

    workers = workers or Workers()
    total = len(documents)
    key = cache.key(documents, problems) if cache is not None else None
    if cache is not None and key is not None and (hit := cache.load_corpus(key, on_preview)) is not None:
        cache.remember(fingerprint, key)
        if progress is not None:
            progress(total, total)
        return hit
    articles = prepare_all(documents, progress, cache, on_preview, cancelled, workers=workers)
    corpus = finish(articles, problems, cancelled, workers)
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
    workers: Workers | None = None,
) -> list[Article]:
    """`prepare` every document the cache does not hold, all handed to the workers at once.

    Handed over in batches, the workers idled at the end of each while this
    process collected it and handed over the next: sampled through 10,000
    articles they used 0.72-0.91 of both cores, and 0.95 with one hand-over.
    The list is still updated as work arrives: once the first FIRST_UPDATE
    articles are ready, then every UPDATE_EVERY (or an eighth of the corpus),
    with the articles ready from the first on, in the corpus's order (so rows
    already shown keep their places). The cache stores new articles at the
    same moments, and `cancelled` is asked as each chunk of work arrives.
    """
    ready: list[Article | None] = cache.load_articles(documents) if cache is not None else [None] * len(documents)
    missing = [index for index, article in enumerate(ready) if article is None]
    arrivals = _Arrivals(ready, {documents[i].id: i for i in missing}, cache, on_preview, cancelled)
    hits, total = len(documents) - len(missing), len(documents)
    if progress is not None and hits:
        progress(hits, total)

    def advance(done: int, _: int) -> None:
        if progress is not None:
            progress(hits + done, total)

    from reader.run.pool import Workers

    # One hand-over: the pool starts before any other thread of this process
    # (the cache's writer) exists, so it can be forked rather than served.
    work = (workers or Workers()).map(prepare, [documents[i] for i in missing])
    work.results(advance, arrivals.arrived)
    arrivals.finish()
    return [article for article in ready if article is not None]


class _Arrivals:
    """Prepared articles as they arrive: filed in the corpus's order, stored, shown in updates."""

    def __init__(
        self,
        ready: list[Article | None],
        slot: dict[str, int],
        cache: ResultCache | None,
        on_preview: Preview | None,
        cancelled: Cancelled | None,
    ) -> None:
        self.ready, self.slot, self.cache, self.on_preview, self.cancelled = ready, slot, cache, on_preview, cancelled
        self.unstored: list[Article] = []
        self.every = max(UPDATE_EVERY, -(-len(ready) // 8))
        self.shown = 0
        """Articles in the last update."""
        self.first = 0
        """The first article not ready yet."""

    def arrived(self, chunk: Sequence[Article]) -> None:
        for article in chunk:
            self.ready[self.slot[article.id]] = article
        self.unstored.extend(chunk)
        if self.cancelled is not None and self.cancelled():
            self._store()  # what is prepared need not be prepared again
            raise AnalysisCancelled
        while self.first < len(self.ready) and self.ready[self.first] is not None:
            self.first += 1
        if self.first >= (self.shown + self.every if self.shown else min(FIRST_UPDATE, self.every)):
            self._update()

    def finish(self) -> None:
        """Every article is ready: store and show what the last update did not."""
        self.first = len(self.ready)
        if self.shown < len(self.ready):
            self._update()

    def _store(self) -> None:
        if self.cache is not None and self.unstored:
            self.cache.store_articles(self.unstored)
            self.unstored.clear()

    def _update(self) -> None:
        self.shown = self.first
        self._store()
        if self.on_preview is not None:
            self.on_preview(Corpus(articles=tuple(a for a in self.ready[: self.first] if a is not None)))
