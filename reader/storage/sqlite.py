"""Opening the reader's SQLite files so that damage is recognised, set aside and never fatal.

Both the analysis cache and the reading state are single SQLite files the
user never edits. A file can still be truncated by a full disk, overwritten
by another program or written by a future version; every such case must end
in a fresh, working file plus a sentence the user can read, not a traceback.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

# Primary SQLite result codes that mean "this file is not a sound database".
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class DamagedDatabase(Exception):
    """The file opened but is not what this version of the reader wrote."""


def is_damage(error: BaseException) -> bool:
    """True if `error` says the file itself is bad (as opposed to busy, locked or read-only)."""
    if isinstance(error, DamagedDatabase):
        return True
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return True
    # Errors raised by the sqlite3 module itself carry no code; match SQLite's own wording.
    text = str(error).lower()
    # A table of ours gone missing (dropped by hand, or a partial copy) is damage too: only a rebuild mends it.
    return "malformed" in text or "not a database" in text or "no such table" in text


def sidecars(path: Path) -> tuple[Path, ...]:
    """The database file and the journal files SQLite keeps next to it."""
    return (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"), path.with_name(path.name + "-journal"))


def move_aside(path: Path, suffix: str | None = None) -> Path:
    """Rename a damaged database (and its journals) out of the way; returns the new name of the main file.

    Without `suffix` the name gets a timestamp, so every damaged copy is kept for inspection.
    """
    suffix = suffix or time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{suffix}")
    for index, source in enumerate(sidecars(path)):
        destination = target if index == 0 else target.with_name(target.name + source.name[len(path.name) :])
        with contextlib.suppress(FileNotFoundError):
            os.replace(source, destination)
    return target


def connect(
    path: Path,
    create_schema: Callable[[sqlite3.Connection], None],
    schema_version: int,
    *,
    synchronous: str,
    check: str | None = None,
) -> sqlite3.Connection:
    """Open `path`, creating the schema in a new file; raise `DamagedDatabase`/`sqlite3.DatabaseError` if it is bad.

    The schema version lives in SQLite's `user_version` header field, so telling
    "ours, current" from "ours, other layout" from "not ours" costs one read.
    `check` is an optional PRAGMA (e.g. "quick_check") run on open for small files.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    # Autocommit mode: every write below states its own transaction explicitly.
    connection = sqlite3.connect(path, timeout=5.0, isolation_level=None, check_same_thread=False)
    try:
        connection.execute("PRAGMA busy_timeout = 5000")
        mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode is None or str(mode[0]).lower() != "wal":
            connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute(f"PRAGMA synchronous = {synchronous}")
        if check is not None:
            result = connection.execute(f"PRAGMA {check}").fetchall()
            if result != [("ok",)]:
                raise DamagedDatabase(f"integrity check failed: {result[0][0] if result else 'no answer'}")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if version == 0 and tables == 0:
            with transaction(connection):
                create_schema(connection)
                connection.execute(f"PRAGMA user_version = {int(schema_version)}")
        elif version != schema_version:
            raise DamagedDatabase(f"unknown file layout (version {version})")
        else:
            _check_tables(connection, create_schema)
    except BaseException:
        connection.close()
        raise
    return connection


def _check_tables(connection: sqlite3.Connection, create_schema: Callable[[sqlite3.Connection], None]) -> None:
    """Raise `DamagedDatabase` if a table the schema creates is missing from the file."""
    with contextlib.closing(sqlite3.connect(":memory:")) as blank:
        create_schema(blank)
        wanted = {name for (name,) in blank.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    present = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if missing := sorted(wanted - present):
        raise DamagedDatabase(f"missing table {', '.join(missing)}")


def read_only(path: Path) -> sqlite3.Connection:
    """Open `path` for reading only, for when it cannot be written (a read-only folder, disk or file).

    `immutable` is the fallback: in a read-only folder SQLite cannot even create the
    lock files a plain read needs, and nobody else can be writing there either.
    """
    uri = path.absolute().as_uri()
    error: sqlite3.Error | None = None
    for mode in ("mode=ro", "immutable=1"):
        try:
            connection = sqlite3.connect(f"{uri}?{mode}", uri=True, check_same_thread=False)
        except sqlite3.Error as failed:
            error = failed
            continue
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.Error as failed:
            connection.close()
            error = failed
    assert error is not None
    raise error


def open_replacing_damage(
    path: Path,
    create_schema: Callable[[sqlite3.Connection], None],
    schema_version: int,
    set_aside: Callable[[BaseException], None],
    *,
    synchronous: str,
    check: str | None = None,
    after_open: Callable[[sqlite3.Connection], None] | None = None,
) -> sqlite3.Connection:
    """`connect`, but a damaged file is handed to `set_aside` once and a fresh one opened.

    `after_open` runs on the new connection inside the same guard, so damage it
    uncovers is treated alike. Any other failure, or damage twice, is raised.
    """
    for attempt in range(2):
        connection: sqlite3.Connection | None = None
        try:
            connection = connect(path, create_schema, schema_version, synchronous=synchronous, check=check)
            if after_open is not None:
                after_open(connection)
            return connection
        except (sqlite3.Error, DamagedDatabase, OSError) as error:
            if connection is not None:
                connection.close()
            if attempt == 0 and is_damage(error):
                set_aside(error)
                continue
            raise
    raise AssertionError("the loop returns or raises")  # pragma: no cover


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection, *, immediate: bool = True) -> Iterator[sqlite3.Connection]:
    """One atomic unit of work: committed as a whole on success, rolled back on any error."""
    connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        yield connection
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
