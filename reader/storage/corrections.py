"""The user's corrections of the event grouping, kept in SQLite beside the reading state.

Corrections are few and rare (a merge, a rename), so each is written at once,
in its own transaction, on the caller's thread. They name articles by content
hash (`compare.corrections.article_key`), so they survive re-analysis, cache
clears and reopening. A damaged file is set aside and a fresh one started;
an unusable folder keeps the corrections in memory only, and `notices` says so.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from reader.analysis.model import Correction

from . import sqlite
from .state import default_data_dir

FILE_NAME = "corrections.sqlite3"
SCHEMA_VERSION = 1


def _create_schema(connection: sqlite3.Connection) -> None:
    connection.execute(
        "CREATE TABLE corrections (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
        " article TEXT NOT NULL, target TEXT, label TEXT, created REAL NOT NULL)"
    )


class Corrections:
    """Every correction in the order made; `add` and `undo` persist at once."""

    def __init__(self, directory: Path | None = None, *, persist: bool = True) -> None:
        """Corrections kept under `directory` (the reading state's folder by default);
        `persist=False` keeps them in memory only (tests, screenshots)."""
        self.path = (directory if directory is not None else default_data_dir()) / FILE_NAME
        self._lock = threading.Lock()
        self._notices: list[str] = []
        self._items: list[tuple[int, Correction]] = []
        self._connection: sqlite3.Connection | None = None
        self._persist = persist
        if persist and self.path.exists():
            self._open()  # nothing is created until the first correction: opening the reader writes nothing

    def _open(self) -> None:
        try:
            self._connection = sqlite.open_replacing_damage(
                self.path, _create_schema, SCHEMA_VERSION, self._set_aside, synchronous="FULL"
            )
            rows = self._connection.execute("SELECT seq, kind, article, target, label FROM corrections ORDER BY seq")
            self._items = [(seq, Correction(kind, article, target, label)) for seq, kind, article, target, label in rows]
        except (sqlite3.Error, sqlite.DamagedDatabase, OSError) as error:
            self._connection = None
            self._notices.append(f"Corrections are kept for this session only ({error}).")

    @property
    def notices(self) -> tuple[str, ...]:
        """Sentences for the user about trouble with the file (empty when all is well)."""
        return tuple(self._notices)

    def all(self) -> tuple[Correction, ...]:
        """Every correction, oldest first: the order they are applied in."""
        with self._lock:
            return tuple(c for _, c in self._items)

    def add(self, correction: Correction) -> None:
        """Remember a correction (written before this returns)."""
        with self._lock:
            seq = (self._items[-1][0] + 1) if self._items else 1
            if self._connection is None and self._persist and not self._notices:
                self._open()
            if self._connection is not None:
                try:
                    with sqlite.transaction(self._connection):
                        cursor = self._connection.execute(
                            "INSERT INTO corrections (kind, article, target, label, created) VALUES (?, ?, ?, ?, ?)",
                            (correction.kind, correction.article, correction.target, correction.label, time.time()),
                        )
                    seq = int(cursor.lastrowid or seq)
                except sqlite3.Error as error:
                    self._notices.append(f"A correction could not be saved ({error}).")
            self._items.append((seq, correction))

    def undo(self) -> Correction | None:
        """Forget the last correction and return it (None when there is none)."""
        with self._lock:
            if not self._items:
                return None
            seq, correction = self._items.pop()
            if self._connection is not None:
                try:
                    with sqlite.transaction(self._connection):
                        self._connection.execute("DELETE FROM corrections WHERE seq = ?", (seq,))
                except sqlite3.Error as error:
                    self._notices.append(f"Undoing a correction could not be saved ({error}).")
            return correction

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _set_aside(self, error: BaseException) -> None:
        moved = sqlite.move_aside(self.path, time.strftime("corrupt-%Y%m%d-%H%M%S"))
        self._notices.append(f"The corrections file was damaged ({error}); it was moved to {moved.name}.")
