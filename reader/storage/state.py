"""What the user has done with each article: read or not, where they stopped, which paragraphs they marked.

Long because the writer thread, the read-only fallback and the schema upgrades all guard one in-memory state.

The whole state is small (a few rows per article), so it is held in memory
and answered from there, while a writer thread commits every action to
SQLite under the user's data folder as its own transaction with
`synchronous=FULL`. The UI thread therefore never waits for a disk sync
(a few milliseconds each on this kind of disk), and killing the reader at
any moment loses at most the action being written. Articles are keyed by
the hash of their file's bytes, so state follows a moved or renamed file;
an article without a hash falls back to its id.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import queue
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.analysis.model import Article

from . import sqlite

DATA_ENV = "READER_DATA_DIR"
FILE_NAME = "state.sqlite3"
SCHEMA_VERSION = 1
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ArticleState:
    """The remembered state of one article; the default is a fresh, unread article."""

    read: bool = False
    position: int = 0
    """Index of the paragraph the reader last showed at the top."""
    bookmarks: tuple[int, ...] = ()
    """Bookmarked paragraph indexes, ascending."""


# One change to persist: ("flags", key, read, position), ("mark", key, paragraph, on, created),
# ("setting", name, value) or ("forget", key).
_Change = tuple[object, ...]
_STOP: _Change = ("stop",)


def default_data_dir() -> Path:
    """`$READER_DATA_DIR` if set, else the platform's per-user data folder for the reader."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("reader", appauthor=False))


def state_key(article: Article | str) -> str:
    """The key state is stored under: the content hash, or the id for an article without one."""
    if isinstance(article, str):
        return article
    return article.content_hash or f"id:{article.id}"


def _add_settings(connection: sqlite3.Connection) -> None:
    """The settings table came after version 1's first files; adding it keeps their marks."""
    connection.execute("CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")


def _create_schema(connection: sqlite3.Connection) -> None:
    connection.execute(
        "CREATE TABLE articles (key TEXT PRIMARY KEY, read INTEGER NOT NULL DEFAULT 0,"
        " position INTEGER NOT NULL DEFAULT 0, updated REAL NOT NULL) WITHOUT ROWID"
    )
    connection.execute(
        "CREATE TABLE bookmarks (key TEXT NOT NULL, paragraph INTEGER NOT NULL, created REAL NOT NULL,"
        " PRIMARY KEY (key, paragraph)) WITHOUT ROWID"
    )
    # The settings table is added by `_add_settings` on every open, not here: the tables
    # created here are the ones a file must have, and files from before settings lack it.


class ReadingState:
    """The user's reading state; every method is safe to call from any thread.

    The file is opened and read by the writer thread as soon as the object
    exists; the first call waits for that (a few milliseconds), later ones
    return at once.

    Methods take an `Article` or a key from `state_key`. Storage trouble never
    raises: a damaged file is renamed with a timestamp and a new one written
    from memory, an unusable folder leaves the state in memory only, and
    `notices` says what happened.
    """

    def __init__(self, directory: Path | None = None, *, persist: bool = True) -> None:
        self.path = (directory if directory is not None else default_data_dir() if persist else Path(os.devnull)) / FILE_NAME
        self._notices: list[str] = []
        self._lock = threading.Lock()
        self._flags: dict[str, tuple[bool, int]] = {}
        self._marks: dict[tuple[str, int], float] = {}
        self._settings: dict[str, str] = {}
        self._connection: sqlite3.Connection | None = None
        self._changes: queue.SimpleQueue[_Change] = queue.SimpleQueue()
        self._idle = threading.Condition()
        self._pending = 0
        self._ready = threading.Event()
        """Set once the file is open and loaded; until then every method waits for it."""
        self._writer: threading.Thread | None = None
        if not persist:
            self._ready.set()
            return
        # The writer thread also opens the file, so the caller (the app, before its
        # first frame) does not wait for SQLite to check and read it.
        self._writer = threading.Thread(target=self._run, name="reading-state-writer", daemon=True)
        self._writer.start()
        # Commit what is queued even if the app exits without closing.
        atexit.register(_close_at_exit, weakref.ref(self))

    @property
    def notices(self) -> tuple[str, ...]:
        """Sentences for the user about trouble with the state file (empty when all is well)."""
        self._ready.wait()
        return tuple(self._notices)

    @property
    def persistent(self) -> bool:
        """False when state cannot be saved and lasts only until the reader quits."""
        self._ready.wait()
        return self._connection is not None

    # -- reading (from memory) ---------------------------------------------

    def get(self, article: Article | str) -> ArticleState:
        """The state of one article (a fresh `ArticleState` if nothing is stored)."""
        self._ready.wait()
        key = state_key(article)
        with self._lock:
            read, position = self._flags.get(key, (False, 0))
            marks = tuple(sorted(p for k, p in self._marks if k == key)) if self._marks else ()
        return ArticleState(read, position, marks)

    def get_many(self, articles: Iterable[Article | str]) -> dict[str, ArticleState]:
        """States of many articles at once, by key; articles with nothing stored are left out."""
        self._ready.wait()
        keys = {state_key(a) for a in articles}
        with self._lock:
            marks: dict[str, list[int]] = {}
            for key, paragraph in self._marks:
                if key in keys:
                    marks.setdefault(key, []).append(paragraph)
            found = {key: self._flags[key] for key in keys if key in self._flags}
        return {
            key: ArticleState(*found.get(key, (False, 0)), tuple(sorted(marks.get(key, ())))) for key in found.keys() | marks.keys()
        }

    def read_ids(self, articles: Iterable[Article]) -> set[str]:
        """Ids of those of `articles` that are marked read (one call for a whole list)."""
        self._ready.wait()
        with self._lock:
            flags = self._flags
            return {a.id for a in articles if flags.get(state_key(a), (False, 0))[0]}

    def bookmarked(self, articles: Iterable[Article]) -> list[tuple[Article, int]]:
        """Bookmarks in `articles` as (article, paragraph), oldest first; ones past a shrunk article's end are left out."""
        by_key = {state_key(a): a for a in articles}
        found = []
        for key, paragraph in self.bookmarks():
            article = by_key.get(key)
            if article is not None and 0 <= paragraph < len(article.paragraphs):
                found.append((article, paragraph))
        return found

    def setting(self, name: str) -> str | None:
        """A remembered choice or place (sort order, last article, filter), or None."""
        self._ready.wait()
        with self._lock:
            return self._settings.get(name)

    def set_setting(self, name: str, value: str) -> None:
        """Remember a choice or place across runs."""
        self._ready.wait()
        with self._lock:
            if self._settings.get(name) == value:
                return
            self._settings[name] = value
            self._queue(("setting", name, value))

    def bookmarks(self) -> list[tuple[str, int]]:
        """Every bookmark as (key, paragraph), oldest first: what the bookmarks palette lists."""
        self._ready.wait()
        with self._lock:
            return [mark for mark, _ in sorted(self._marks.items(), key=lambda item: (item[1], item[0]))]

    # -- actions (in memory at once, on disk a moment later) ---------------

    def mark_read(self, article: Article | str, read: bool = True) -> None:
        """Mark an article read (or unread again)."""
        self._ready.wait()
        key = state_key(article)
        with self._lock:
            _, position = self._flags.get(key, (False, 0))
            self._set_flags(key, bool(read), position)

    def set_position(self, article: Article | str, paragraph: int) -> None:
        """Remember the paragraph the user is at, to reopen the article there."""
        self._ready.wait()
        key = state_key(article)
        with self._lock:
            read, _ = self._flags.get(key, (False, 0))
            self._set_flags(key, read, max(0, int(paragraph)))

    def toggle_bookmark(self, article: Article | str, paragraph: int) -> bool:
        """Add a bookmark on the paragraph, or remove the one there; True if it is now bookmarked."""
        self._ready.wait()
        key = state_key(article)
        mark = (key, int(paragraph))
        with self._lock:
            on = mark not in self._marks
            created = time.time()
            if on:
                self._marks[mark] = created
            else:
                del self._marks[mark]
            self._queue(("mark", key, mark[1], on, created))
        return on

    def forget(self, article: Article | str) -> None:
        """Drop everything remembered about an article."""
        self._ready.wait()
        key = state_key(article)
        with self._lock:
            self._flags.pop(key, None)
            for mark in [m for m in self._marks if m[0] == key]:
                del self._marks[mark]
            self._queue(("forget", key))

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every action so far is committed to disk; False if `timeout` ran out first."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def close(self) -> None:
        """Commit what is queued, stop the writer and close the file."""
        writer = self._writer
        if writer is not None and writer.is_alive():
            self._changes.put(_STOP)
            writer.join(timeout=10)
        self._writer = None
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None

    def __enter__(self) -> ReadingState:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- storage ------------------------------------------------------------

    def _set_flags(self, key: str, read: bool, position: int) -> None:
        if self._flags.get(key) == (read, position):
            return  # scrolling within a paragraph must not cost a disk write
        self._flags[key] = (read, position)
        self._queue(("flags", key, read, position))

    def _queue(self, change: _Change) -> None:
        if self._connection is None:
            return
        with self._idle:
            self._pending += 1
        self._changes.put(change)

    def _run(self) -> None:
        """Open and load the file, then commit changes as they come (the writer thread)."""
        try:
            self._open()
            if self._connection is None:
                self._load_saved()
            self._load()
        finally:
            self._ready.set()
        if self._connection is not None:
            self._write_loop()

    def _write_loop(self) -> None:
        """Commit changes one transaction each, in the order they were made."""
        while True:
            change = self._changes.get()
            if change is _STOP:
                return
            try:
                self._commit(change)
            except Exception as error:  # the writer must outlive any one bad write
                self._notice(f"Reading state not saved ({error}).")
            finally:
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()

    def _commit(self, change: _Change) -> None:
        connection = self._connection
        if connection is None:
            return
        try:
            with sqlite.transaction(connection):
                _apply(connection, change)
        except (sqlite3.Error, sqlite.DamagedDatabase) as error:
            if not sqlite.is_damage(error):
                self._notice(f"Reading state not saved ({error}).")
                return
            with contextlib.suppress(sqlite3.Error):
                connection.close()
            self._connection = None
            self._set_aside(error)
            self._open()
            # Memory already holds this change and every earlier one: write it all to the new file.
            self._rewrite_from_memory()

    def _open(self) -> None:
        """Connect, checking the whole (small) file; a damaged one is kept under a new name and replaced."""
        try:
            self._connection = sqlite.open_replacing_damage(
                self.path,
                _create_schema,
                SCHEMA_VERSION,
                self._set_aside,
                synchronous="FULL",
                check="quick_check",
                after_open=_add_settings,
            )
        except (sqlite3.Error, sqlite.DamagedDatabase, OSError) as error:
            self._connection = None
            self._notice(f"Reading state cannot be saved ({error}); marks made now last until you quit.")

    def _load(self) -> None:
        if self._connection is None:
            return
        try:
            flags, marks, settings = _read(self._connection)
        except sqlite3.Error as error:
            if not sqlite.is_damage(error):
                raise
            self._connection.close()
            self._connection = None
            self._set_aside(error)
            self._open()
            return
        with self._lock:
            self._flags, self._marks, self._settings = flags, marks, settings

    def _load_saved(self) -> None:
        """Read what was saved from a file that cannot be written, so the user's marks are still there."""
        if not self.path.is_file():
            return
        try:
            with contextlib.closing(sqlite.read_only(self.path)) as connection:
                flags, marks, settings = _read(connection)
        except sqlite3.Error:
            return  # unreadable too: the notice already says nothing is saved
        with self._lock:
            self._flags, self._marks, self._settings = flags, marks, settings
        self._notices = [f"{n} Saved marks and bookmarks are shown." if "cannot be saved" in n else n for n in self._notices]

    def _rewrite_from_memory(self) -> None:
        connection = self._connection
        if connection is None:
            return
        with self._lock:
            flags = [("flags", key, read, position) for key, (read, position) in self._flags.items()]
            marks = [("mark", key, paragraph, True, created) for (key, paragraph), created in self._marks.items()]
            settings = [("setting", name, value) for name, value in self._settings.items()]
        try:
            with sqlite.transaction(connection):
                for change in [*flags, *marks, *settings]:
                    _apply(connection, change)
        except sqlite3.Error as error:
            self._notice(f"Reading state not saved ({error}).")

    def _set_aside(self, error: BaseException) -> None:
        moved = sqlite.move_aside(self.path, time.strftime("corrupt-%Y%m%d-%H%M%S"))
        self._notice(f"Your reading state file was damaged ({error}); it was saved as {moved.name} and a new one started.")

    def _notice(self, text: str) -> None:
        # Info, not warning: Python prints unhandled warnings to stderr, and the caller
        # already shows `notices` once (the command on stderr, the app as a notification).
        log.info("%s", text)
        if text not in self._notices:
            self._notices.append(text)


def _read(connection: sqlite3.Connection) -> tuple[dict[str, tuple[bool, int]], dict[tuple[str, int], float], dict[str, str]]:
    """Every article's flags, every bookmark and every setting in the file."""
    flags = {str(k): (bool(r), int(p)) for k, r, p in connection.execute("SELECT key, read, position FROM articles")}
    marks = {(str(k), int(p)): float(c) for k, p, c in connection.execute("SELECT key, paragraph, created FROM bookmarks")}
    try:
        settings = {str(n): str(v) for n, v in connection.execute("SELECT name, value FROM settings")}
    except sqlite3.OperationalError:
        settings = {}  # a read-only file from before settings were kept
    return flags, marks, settings


def _apply(connection: sqlite3.Connection, change: _Change) -> None:
    """Write one change; every kind is idempotent, so replaying one is harmless."""
    kind, key = change[0], change[1]
    now = time.time()
    if kind == "flags":
        connection.execute(
            "INSERT INTO articles (key, read, position, updated) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(key) DO UPDATE SET read = excluded.read, position = excluded.position, updated = excluded.updated",
            (key, int(bool(change[2])), change[3], now),
        )
    elif kind == "mark":
        if change[3]:
            connection.execute("INSERT OR IGNORE INTO bookmarks (key, paragraph, created) VALUES (?, ?, ?)", (key, change[2], change[4]))
        else:
            connection.execute("DELETE FROM bookmarks WHERE key = ? AND paragraph = ?", (key, change[2]))
    elif kind == "setting":
        connection.execute("INSERT OR REPLACE INTO settings (name, value) VALUES (?, ?)", (key, change[2]))
    elif kind == "forget":
        connection.execute("DELETE FROM articles WHERE key = ?", (key,))
        connection.execute("DELETE FROM bookmarks WHERE key = ?", (key,))


class MemoryState(ReadingState):
    """A reading state for one run only (tests, screenshots): the same rules, nothing on disk."""

    def __init__(self) -> None:
        super().__init__(persist=False)


def _close_at_exit(reference: weakref.ref[ReadingState]) -> None:
    state = reference()
    if state is not None:
        state.close()
