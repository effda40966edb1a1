"""A persistent cache of analysis results, so reopening an archive skips the analysis.

Long because the cache's failure handling (damage set aside, busy or read-only files skipped, missing tables rebuilt) wraps every read and write; keys and fingerprints could move out next.

Two levels, both in one SQLite file under the user's cache folder:

* per article: what `pipeline.prepare` made of a document, keyed by the hash
  of the file's bytes, so a changed file is re-prepared alone and a copy of a
  file elsewhere reuses the result;
* per corpus: the finished `Corpus`, keyed by every (id, source, hash) and
  the load problems, so reopening an unchanged archive is a single read. It
  is stored in two parts, the articles' text first and the annotations
  (entities, quotations, links) second, so a reader can show the text while
  the larger second part is still being decoded.

Everything is keyed by `ANALYSIS_VERSION` as well, and a file written under
another version is emptied on open. The cache is only ever an optimisation:
a damaged file is moved aside and replaced, a busy or read-only one is
ignored, and either way analysis goes on and `notices` says what happened.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reader.analysis.model import Article, Corpus, Problem
from reader.run import codec
from reader.storage import sqlite

if TYPE_CHECKING:
    from reader.analysis.model import Document

def _analysis_digest() -> str:
    """A digest of the analysis code and data, so any change to a stage discards older results.

    A hand-kept version number is forgotten sooner or later, and a stale cache
    would show users results the current code no longer produces.
    """
    import reader.analysis

    root = os.path.dirname(reader.analysis.__file__)
    names: list[str] = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]  # read at every start: walk no more
        names.extend(
            os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
            for name in files
            if name.endswith((".py", ".txt"))  # the code and its data files (gazetteers)
        )
    digest = hashlib.blake2b(digest_size=8)
    for name in sorted(names):
        digest.update(name.encode())
        with open(os.path.join(root, name), "rb") as file:
            digest.update(file.read())
    return digest.hexdigest()


ANALYSIS_VERSION = _analysis_digest()
"""Changes whenever any analysis module does: older cached results are then discarded."""

CACHE_ENV = "READER_CACHE_DIR"
FILE_NAME = "analysis.sqlite3"
SCHEMA_VERSION = 3
KEEP_CORPORA = 4
"""Whole-corpus results kept (most recently used first); each is tens of MB for a large archive."""

Preview = Callable[[Corpus], None]
log = logging.getLogger(__name__)
T = TypeVar("T")


def default_cache_dir() -> Path:
    """`$READER_CACHE_DIR` if set, else the platform's per-user cache folder for the reader."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # only needed when the cache is actually used

    return Path(platformdirs.user_cache_dir("reader", appauthor=False))


def corpus_key(documents: Sequence[Document], problems: Sequence[Problem] = (), version: str = ANALYSIS_VERSION) -> str:
    """A digest naming one exact input: the same files with the same bytes, and the same unreadable ones.

    Load problems are part of the key because a file that becomes (un)readable
    changes the corpus even when every readable file is unchanged.
    """
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"analysis {version}\n".encode())
    for document in sorted(documents, key=lambda d: (d.id, d.source, d.content_hash)):
        digest.update(f"doc\0{document.id}\0{document.source}\0{document.content_hash}\n".encode("utf-8", "surrogatepass"))
    for problem in sorted(problems, key=lambda p: (p.source, p.message, p.severity)):
        digest.update(f"problem\0{problem.source}\0{problem.message}\0{problem.severity}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _create_schema(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    connection.execute(
        "CREATE TABLE articles (content_hash TEXT NOT NULL, version TEXT NOT NULL, data BLOB NOT NULL,"
        " PRIMARY KEY (content_hash, version)) WITHOUT ROWID"
    )
    connection.execute(
        "CREATE TABLE corpora (key TEXT PRIMARY KEY, text BLOB NOT NULL, data BLOB NOT NULL, used REAL NOT NULL)"
    )
    connection.execute("CREATE TABLE fingerprints (fingerprint TEXT PRIMARY KEY, corpus TEXT NOT NULL)")


class AnalysisCache:
    """The analysis cache of one user; safe to share between threads.

    `AnalysisCache(enabled=False)` is the `--no-cache` mode: it never touches
    the disk, every lookup misses and every store is dropped.
    """

    def __init__(self, directory: Path | None = None, *, enabled: bool = True, version: str = ANALYSIS_VERSION) -> None:
        self.version = version
        self.enabled = enabled
        self.path: Path | None = None
        self._notices: list[str] = []
        self._lock = threading.RLock()
        self._connection: sqlite3.Connection | None = None
        self._writer: ThreadPoolExecutor | None = None
        self._writes: list[Future[None]] = []
        self._writing: set[str] = set()
        """Content hashes of articles queued for writing (guarded by `_queue_lock`)."""
        self._queue_lock = threading.Lock()
        if enabled:
            self.path = (directory if directory is not None else default_cache_dir()) / FILE_NAME
            with self._lock:
                self._open()

    @classmethod
    def disabled(cls) -> AnalysisCache:
        """A cache that stores nothing (for `--no-cache`)."""
        return cls(enabled=False)

    @property
    def notices(self) -> tuple[str, ...]:
        """Sentences for the user about cache trouble since it was opened (empty when all is well)."""
        return tuple(self._notices)

    # -- lookups and stores -------------------------------------------------

    def key(self, documents: Sequence[Document], problems: Sequence[Problem] = ()) -> str:
        """`corpus_key` under this cache's analysis version."""
        return corpus_key(documents, problems, self.version)

    @property
    def usable_version(self) -> str | None:
        """The analysis version results are stored under, or None when the cache is off or unusable:
        what a fingerprint of the files (`sources.files.fingerprint`) is taken under."""
        return self.version if self._usable() else None

    def load_unchanged(self, fingerprint: str | None, on_text: Preview | None = None) -> Corpus | None:
        """The corpus last analysed from files with exactly this fingerprint, without reading them (see `load_corpus`)."""
        if fingerprint is None:
            return None
        self.flush()
        keys: list[str] = []

        def read(connection: sqlite3.Connection) -> None:
            row = connection.execute("SELECT corpus FROM fingerprints WHERE fingerprint = ?", (fingerprint,)).fetchone()
            if row is not None:
                keys.append(row[0])

        self._run(read)
        return self.load_corpus(keys[0], on_text) if keys else None

    def stored_size(self, fingerprint: str | None) -> int | None:
        """Bytes of the corpus `load_unchanged` would read for this fingerprint (None: nothing stored),
        asked without reading it: whether it is small enough to read before a reader's first frame."""
        if fingerprint is None:
            return None
        self.flush()
        sizes: list[int] = []

        def read(connection: sqlite3.Connection) -> None:
            row = connection.execute(
                "SELECT length(c.text) + length(c.data) FROM fingerprints f JOIN corpora c ON c.key = f.corpus"
                " WHERE f.fingerprint = ?",
                (fingerprint,),
            ).fetchone()
            if row is not None:
                sizes.append(row[0])

        self._run(read)
        return sizes[0] if sizes else None

    def remember(self, fingerprint: str | None, key: str) -> None:
        """Note that files with `fingerprint` gave the corpus stored under `key` (call after `store_corpus`)."""
        if fingerprint is None:
            return

        def write(connection: sqlite3.Connection) -> None:
            with sqlite.transaction(connection):
                connection.execute("INSERT OR REPLACE INTO fingerprints (fingerprint, corpus) VALUES (?, ?)", (fingerprint, key))

        self._later(lambda: self._run(write))  # after the corpus it names, which may still be queued

    def load_articles(self, documents: Sequence[Document]) -> list[Article | None]:
        """The prepared article of each document with these exact bytes (under the document's own id
        and source), read in one go; None where there is no usable entry."""
        results: list[Article | None] = [None] * len(documents)
        hashes = sorted({d.content_hash for d in documents if d.content_hash})
        if not hashes:
            return results
        with self._queue_lock:
            queued = not self._writing.isdisjoint(hashes)
        if queued:
            self.flush()
        rows: dict[str, bytes] = {}

        def read(connection: sqlite3.Connection) -> None:
            for start in range(0, len(hashes), 500):  # stay under SQLite's bound-parameter limit
                chunk = hashes[start : start + 500]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT content_hash, data FROM articles WHERE version = ? AND content_hash IN ({marks})"
                rows.update(connection.execute(query, [self.version, *chunk]).fetchall())

        self._run(read)
        decoded: dict[str, Article | None] = {}
        for content_hash, blob in rows.items():
            decoded[content_hash] = self._decode(blob, Article, ("articles", "content_hash", content_hash))
        for index, document in enumerate(documents):
            article = decoded.get(document.content_hash)
            if article is not None:
                # The same bytes may live at another path: the result is the bytes', the name is the file's.
                results[index] = replace(article, id=document.id, source=document.source)
        return results

    def store_articles(self, articles: Sequence[Article]) -> None:
        """Remember prepared articles by their content hash (one transaction, on the writer thread)."""
        kept = [a for a in articles if a.content_hash] if self._usable() else []
        if not kept:
            return

        def store() -> None:
            rows = [(a.content_hash, self.version, codec.encode(a)) for a in kept]

            def write(connection: sqlite3.Connection) -> None:
                with sqlite.transaction(connection):
                    connection.executemany("INSERT OR REPLACE INTO articles (content_hash, version, data) VALUES (?, ?, ?)", rows)

            self._run(write)

        self._later(store, {a.content_hash for a in kept})

    def load_corpus(self, key: str, on_text: Preview | None = None) -> Corpus | None:
        """The whole analysis stored under `key` (see `corpus_key`), or None.

        `on_text` is called with the articles' text (and the events and
        problems) as soon as that part is decoded, before the annotations are.
        """
        self.flush()
        text = self._load_part(key, "text", Corpus)
        if text is None:
            return None
        if on_text is not None:
            on_text(text)
        notes = self._load_part(key, "data", tuple)
        corpus = _annotated(text, notes) if notes is not None else None
        if corpus is None and notes is not None:
            self._drop(("corpora", "key", key), "annotations do not fit the articles")
        return corpus

    def _load_part(self, key: str, column: str, expected: type[T]) -> T | None:
        found: list[bytes] = []

        def read(connection: sqlite3.Connection) -> None:
            row = connection.execute(f"SELECT {column} FROM corpora WHERE key = ?", (key,)).fetchone()
            if row is not None:
                found.append(row[0])
                if column == "text":
                    # Recency decides which corpora survive pruning; a failed update only costs that.
                    with contextlib.suppress(sqlite3.OperationalError):
                        connection.execute("UPDATE corpora SET used = ? WHERE key = ?", (time.time(), key))

        self._run(read)
        return self._decode(found[0], expected, ("corpora", "key", key)) if found else None

    def store_corpus(self, key: str, corpus: Corpus) -> None:
        """Remember a finished analysis under `key`, keeping only the few most recently used ones."""
        if not self._usable():
            return

        def store() -> None:
            text, notes = codec.encode(_text_of(corpus)), codec.encode(_annotations_of(corpus))

            def write(connection: sqlite3.Connection) -> None:
                with sqlite.transaction(connection):
                    connection.execute(
                        "INSERT OR REPLACE INTO corpora (key, text, data, used) VALUES (?, ?, ?, ?)",
                        (key, text, notes, time.time()),
                    )
                    connection.execute(
                        "DELETE FROM corpora WHERE key NOT IN (SELECT key FROM corpora ORDER BY used DESC LIMIT ?)", (KEEP_CORPORA,)
                    )
                    connection.execute("DELETE FROM fingerprints WHERE corpus NOT IN (SELECT key FROM corpora)")

            self._run(write)

        self._later(store)

    def _later(self, store: Callable[[], object], hashes: set[str] | None = None) -> None:
        """Run a store on the cache's writer thread, in the order asked.

        Encoding and writing a large corpus takes a second or two that nobody
        needs to wait for: the analysis goes on (or is shown) meanwhile. Reads
        that could need a queued store wait for it (`flush`).
        """
        if self._writer is None:
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="analysis-cache-writer")
        written = frozenset(hashes or ())
        with self._queue_lock:
            self._writing |= written

        def run() -> None:
            try:
                store()
            except Exception as error:
                self._notice(f"Analysis cache not written this time ({type(error).__name__}: {error}).")
            finally:
                with self._queue_lock:
                    self._writing -= written

        self._writes = [*(w for w in self._writes if not w.done()), self._writer.submit(run)]

    def flush(self) -> None:
        """Wait until every store asked for so far is written (or has failed, with a notice)."""
        writes, self._writes = self._writes, []
        wait(writes)

    def clear(self) -> None:
        """Forget every stored result (`reader cache clear`) and give the space back."""
        if not self.enabled:
            return
        self.flush()

        def wipe(connection: sqlite3.Connection) -> None:
            with sqlite.transaction(connection):
                connection.execute("DELETE FROM articles")
                connection.execute("DELETE FROM corpora")
                connection.execute("DELETE FROM fingerprints")
            connection.execute("VACUUM")

        if not self._run(wipe) and self.path is not None:
            # The file is unusable even for deleting rows: start a new one.
            with self._lock:
                self._close()
                for path in sqlite.sidecars(self.path):
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()
                self._open()

    def size(self) -> tuple[int, int]:
        """(articles, corpora) stored, for `reader cache` to report."""
        self.flush()
        counts: list[int] = []

        def count(connection: sqlite3.Connection) -> None:
            counts.append(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
            counts.append(connection.execute("SELECT count(*) FROM corpora").fetchone()[0])

        self._run(count)
        return (counts[0], counts[1]) if len(counts) == 2 else (0, 0)

    def close(self) -> None:
        """Finish the queued stores, then close the file."""
        self.flush()
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None
        with self._lock:
            self._close()

    def __enter__(self) -> AnalysisCache:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- failure handling ---------------------------------------------------

    def _usable(self) -> bool:
        return self._connection is not None

    def _open(self) -> None:
        """Connect, replacing a damaged file once; on any other failure run without a cache."""
        assert self.path is not None
        try:
            self._connection = sqlite.open_replacing_damage(
                self.path, _create_schema, SCHEMA_VERSION, self._set_aside, synchronous="NORMAL", after_open=self._check_version
            )
        except (sqlite3.Error, sqlite.DamagedDatabase, OSError) as error:
            self._connection = None
            self._notice(f"Analysis cache unavailable ({error}); analysing without it.")

    def _check_version(self, connection: sqlite3.Connection) -> None:
        """Empty a cache another analysis version wrote, so its results can never be mixed in."""
        row = connection.execute("SELECT value FROM meta WHERE key = 'analysis_version'").fetchone()
        if row is not None and row[0] == self.version:
            return
        with sqlite.transaction(connection):
            had = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
            connection.execute("DELETE FROM articles")
            connection.execute("DELETE FROM corpora")
            connection.execute("DELETE FROM fingerprints")
            connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('analysis_version', ?)", (self.version,))
        if row is not None and had:
            self._notice("The analysis has changed since the cache was written; it is being rebuilt.")

    def _set_aside(self, error: BaseException) -> None:
        assert self.path is not None
        # One damaged copy is kept for inspection; a cache is not worth more disk than that.
        moved = sqlite.move_aside(self.path, "damaged")
        if isinstance(error, sqlite.DamagedDatabase) and "layout" in str(error):
            self._notice("The analysis cache was written by another version of the reader; it is being rebuilt.")
        else:
            self._notice(f"The analysis cache was damaged ({error}); it was moved to {moved.name} and is being rebuilt.")

    def _notice(self, text: str) -> None:
        # Info, not warning: Python prints unhandled warnings to stderr, and the caller
        # already shows `notices` once (the command on stderr, the app as a notification).
        log.info("%s", text)
        if text not in self._notices:
            self._notices.append(text)

    def _close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None

    def _run(self, action: Callable[[sqlite3.Connection], None]) -> bool:
        """Run one database action; True if it completed. Damage mid-session replaces the file."""
        with self._lock:
            if self._connection is None:
                return False
            try:
                action(self._connection)
                return True
            except (sqlite3.Error, sqlite.DamagedDatabase) as error:
                if sqlite.is_damage(error):
                    self._close()
                    self._set_aside(error)
                    self._open()
                else:
                    # Busy, locked, read-only or full: skip this use of the cache, keep analysing.
                    self._notice(f"Analysis cache not used this time ({error}).")
                return False

    def _decode(self, blob: bytes, expected: type[T], where: tuple[str, str, str]) -> T | None:
        """A stored value, or None (and the row dropped) when it fails its checksum or is not `expected`."""
        try:
            value = codec.decode(blob)
        except codec.DecodeError as error:
            value, problem = None, str(error)
        else:
            problem = "" if isinstance(value, expected) else f"not a {expected.__name__}"
        if value is not None and not problem:
            return value
        self._drop(where, problem)
        return None

    def _drop(self, where: tuple[str, str, str], problem: str) -> None:
        """Forget a stored value that cannot be used, and say so once."""
        table, column, key = where

        def drop(connection: sqlite3.Connection) -> None:
            with sqlite.transaction(connection):
                connection.execute(f"DELETE FROM {table} WHERE {column} = ?", (key,))

        self._run(drop)
        self._notice(f"A damaged analysis cache entry was discarded ({problem}); it is being recomputed.")


def _text_of(corpus: Corpus) -> Corpus:
    """What a reader needs to show articles: their text, cleaned-away lines, the events and the problems."""
    bare = tuple(replace(a, entities=(), quotes=(), headline_quotes=()) for a in corpus.articles)
    return replace(corpus, articles=bare, entities=(), links=(), comparisons=())


def _annotations_of(corpus: Corpus) -> tuple[object, ...]:
    """The rest of the corpus: each article's mentions and quotations, the entity table, the links
    and the events' comparisons."""
    per_article = tuple((a.entities, a.quotes, a.headline_quotes) for a in corpus.articles)
    return (per_article, corpus.entities, corpus.links, corpus.comparisons)


def _annotated(text: Corpus, notes: tuple[object, ...]) -> Corpus | None:
    """`_text_of` and `_annotations_of` put back together; None if the two parts do not fit."""
    try:
        per_article, entities, links, comparisons = notes
        if not isinstance(per_article, tuple) or len(per_article) != len(text.articles):
            return None
        articles = tuple(
            replace(article, entities=mentions, quotes=quotes, headline_quotes=headline)
            for article, (mentions, quotes, headline) in zip(text.articles, per_article, strict=True)
        )
        return replace(text, articles=articles, entities=entities, links=links, comparisons=comparisons)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
