"""Keeping Python's cyclic garbage collector out of the way of analysis.

Analysis builds millions of small objects (term counts, vectors, annotations)
that form no reference cycles: reference counting frees them. The cyclic
collector still walks them, each time enough new objects have appeared, and
on a 10,000-article corpus that walking cost about 1.5 CPU-seconds in this
process and as much again in the worker processes. So analysis pauses the
collector while it builds, and freezes (`gc.freeze`) what it keeps, so later
collections, during key presses, do not walk it either.

Pauses nest and may come from several threads (the app analyses in one while
another decodes): the collector comes back on when the last pause ends, and
only if it was on when the first began. A process forked during a pause
(the worker pool starts during analysis) does not inherit it.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_depth = 0
_resume = False


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cyclic collector off (see the module docs)."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()


def _after_fork_in_child() -> None:
    """A worker forked during a pause starts as a fresh process would: collector on, no pause.

    Otherwise it would inherit the pause for its whole life, and the lock in
    whatever state another thread of the parent held it.
    """
    global _lock, _depth, _resume
    _lock = threading.Lock()
    _depth = 0
    _resume = False
    gc.enable()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def keep() -> None:
    """What exists now lives long and holds no cycles: leave it out of later collections."""
    gc.freeze()
