"""Reading a file's bytes without hanging on it or being flooded by it.

A folder of articles may hold anything: a named pipe (whose reader waits
for a writer for ever), a socket, a link to `/dev/zero` (which `stat` says
is empty and which never ends). Only regular files are read; the size cap
is enforced on the bytes actually read, because `stat` can be wrong or
stale (a device reports 0, a file may grow after it was asked).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "folder"),
    (stat.S_ISFIFO, "named pipe"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class NotRegular(OSError):
    """The path is a pipe, socket, device or folder; the message names which."""


class TooLarge(OSError):
    """The file holds more bytes than allowed; the message says how many."""


def kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    return next((name for test, name in _KINDS if test(mode)), "special file")


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path` (links followed), at most `max_bytes` of them.

    Raises `NotRegular`, `TooLarge`, or the `OSError` of a file that cannot be read.
    The kind is checked before opening (so no device is ever opened) and again
    on the open file (in case the path was swapped in between); the open does
    not block, whatever the path turned into.
    """
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegular(kind(info.st_mode))
    if info.st_size > max_bytes:
        raise TooLarge(f"{info.st_size:,} bytes")
    descriptor = os.open(path, _FLAGS)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(kind(info.st_mode))
        chunks: list[bytes] = []
        total = 0
        while True:
            # Ask for the whole file at once (one more byte shows it has grown), never past the cap.
            chunk = os.read(descriptor, min(max(info.st_size + 1, 1 << 16), max_bytes + 1 - total))
            if not chunk:
                return b"".join(chunks)
            total += len(chunk)
            if total > max_bytes:
                raise TooLarge(f"more than {max_bytes:,} bytes")
            chunks.append(chunk)
    finally:
        os.close(descriptor)
