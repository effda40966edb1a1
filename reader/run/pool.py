"""Preparing many independent articles on every core, when that is faster than one.

Cleaning and recognition of one article never look at another, so a large
corpus is split into chunks handed to a process pool (threads would share
one interpreter lock). Starting workers costs a fixed fraction of a second,
so small corpora stay in this process. Any failure of the pool itself (no
permission to start processes, a worker killed, a function that cannot be
sent) falls back to finishing the remaining chunks here: parallelism may
make analysis faster, never make it fail. Work can be handed over
(`submit_all`) before it is needed and collected later, so the corpus-wide
stages keep the workers busy while this process does what only it can.

Measured on the two-core machine (ECB+ development articles, ~1.5 ms each
to prepare serially): a pool costs about 0.12 s to start and stop with
"fork", 0.45 s with "forkserver" and 0.7 s with "spawn", and saves about
0.65 ms per article when both cores are free; `MIN_PARALLEL` is set a little
above each break-even so the pool is used only where it clearly pays.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Future, ProcessPoolExecutor, wait
from typing import Generic, TypeVar

from reader.run import collector

D = TypeVar("D")
A = TypeVar("A")
Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)

MIN_PARALLEL = {"fork": 250, "forkserver": 800, "spawn": 1200}
"""Fewer documents than this, per start method, are prepared in this process (see module docs)."""
CHUNKS_PER_WORKER = 8
"""Several chunks per worker even out long and short articles and keep progress moving."""
MAX_CHUNK = 64


def pool_threshold(method: str) -> int:
    """Items from which a pool pays for itself with this start method (see `MIN_PARALLEL`)."""
    return MIN_PARALLEL.get(method, max(MIN_PARALLEL.values()))


def default_start_method() -> str:
    """"fork" when this process has a single thread, else a start method that does not copy threads.

    Forking a process that runs other threads (the UI, its output writer) can
    copy a lock one of them holds and hang the child, so the reader app gets
    workers from a clean "forkserver" (or "spawn" where there is none).
    """
    methods = multiprocessing.get_all_start_methods()
    with _pools_lock:
        if any(method == "fork" for method, _ in _pools):
            return "fork"  # its workers already exist and are never forked again
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _start_tracker() -> None:
    """Start multiprocessing's resource tracker with the process's own standard error.

    Every pool needs the tracker, which starts on first use and is handed
    `sys.stderr.fileno()`. Inside a terminal interface `sys.stderr` captures
    writes instead (Textual's has `fileno() == -1`): the tracker, and every
    pool with it, would fail to start ("bad value(s) in fds_to_keep") and all
    the work would stay in this process. It is started with the real stream
    for the moment it takes; a print from another thread meanwhile would reach
    the terminal rather than the capture.
    """
    if os.name != "posix":
        return
    from multiprocessing import resource_tracker

    captured = sys.stderr
    try:
        usable = captured is not None and captured.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = True  # no descriptor at all: the tracker then passes none, which works
    if not usable and sys.__stderr__ is not None:
        sys.stderr = sys.__stderr__
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


WORKER_NICENESS = 10
"""How much lower than this process the workers run (Unix `nice`; see `_yield_to_caller`)."""


def _yield_to_caller() -> None:
    """Run this worker below the process that hands it work.

    In the corpus stages that process is the critical path (it groups events
    while the workers lay the groundwork for linking), and in the app it also
    draws the interface. At equal priority two workers and it shared two
    cores, and it got about two thirds of one; below it, the workers take what
    it leaves. Sampled per process on 10,000 articles: 0.65 of a core for the
    grouping before, 0.95 after, and four paired analyses took 29.1-32.1 s
    against 31.6-38.0 s. While this process waits, the workers still get
    every core.
    """
    try:
        os.nice(WORKER_NICENESS)
    except (AttributeError, OSError):  # no `nice` here (Windows), or not allowed: equal priority
        pass


_pools: dict[tuple[str, int], ProcessPoolExecutor] = {}
_pools_lock = threading.Lock()


def _pool(method: str, workers: int) -> ProcessPoolExecutor:
    """A pool kept for the life of the process: an analysis hands work over several times (and
    the app analyses again when files change), and starting workers each time would cost more
    than the smaller hand-overs gain."""
    with _pools_lock:
        pool = _pools.get((method, workers))
        if pool is None:
            _start_tracker()
            pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context(method), initializer=_yield_to_caller
            )
            _pools[(method, workers)] = pool
        return pool


def _discard(method: str, workers: int, pool: ProcessPoolExecutor) -> None:
    with _pools_lock:
        if _pools.get((method, workers)) is pool:
            del _pools[(method, workers)]
    pool.shutdown(wait=True, cancel_futures=True)


def shutdown_pools() -> None:
    """Stop the kept worker processes (they also stop by themselves when the process exits)."""
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)


def available_cores() -> int:
    """Cores this process may run on (affinity-aware where the platform tells)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _prepare_chunk(prepare: Callable[[D], A], chunk: bytes) -> bytes:
    """Runs in a worker. Both ways go through the model codec: default pickling of frozen
    slotted dataclasses is slow enough to eat most of what the second core gains."""
    from reader.run import codec

    with collector.paused():  # what a chunk builds holds no cycles (see `collector`)
        return codec.encode([prepare(document) for document in codec.decode(chunk)])


def _chunks(count: int, workers: int) -> list[range]:
    size = max(1, min(MAX_CHUNK, math.ceil(count / (workers * CHUNKS_PER_WORKER))))
    return [range(start, min(count, start + size)) for start in range(0, count, size)]


def prepare_all(
    documents: Sequence[D],
    prepare: Callable[[D], A],
    progress: Progress | None = None,
    workers: int | None = None,
    *,
    start_method: str | None = None,
    min_parallel: int | None = None,
    on_chunk: Callable[[Sequence[A]], None] | None = None,
) -> list[A]:
    """`[prepare(d) for d in documents]`, in order, on several processes when the corpus is large enough.

    `prepare` and the documents must be picklable (a module-level function and
    frozen dataclasses are). `progress(done, total)` is called in the calling
    thread as work completes, and `on_chunk(results)` with each chunk's
    results as it arrives (in no particular order), so a caller can start on
    them while workers finish the rest. `start_method` picks the
    multiprocessing start method ("fork", "spawn", "forkserver"); None means
    `default_start_method()`. `min_parallel` overrides the size below which no
    pool is started.
    """
    pending = submit_all(documents, prepare, workers, start_method=start_method, min_parallel=min_parallel)
    return pending.result(progress, on_chunk)


def submit_all(
    documents: Sequence[D],
    prepare: Callable[[D], A],
    workers: int | None = None,
    *,
    start_method: str | None = None,
    min_parallel: int | None = None,
) -> Pending[A]:
    """Hand `prepare` of every document to the worker processes now, and collect with `result()`.

    Workers take work in the order it was handed over, so what is submitted
    after a first call runs once the first is done: a caller can queue work
    it needs later behind work it needs first, and keep both cores busy
    while it computes on its own in between. Arguments are as for `prepare_all`;
    without a pool (a small corpus) the work is done by `result()`, here.
    """
    workers = available_cores() if workers is None else max(1, workers)
    chunks = _chunks(len(documents), workers)
    pending = Pending(documents, prepare, chunks)
    if len(chunks) < 2:
        return pending  # nothing to share between workers
    return _hand_over(pending, len(documents), workers, start_method, min_parallel)


def submit_one(
    prepare: Callable[[D], A],
    document: D,
    *,
    size: int,
    start_method: str | None = None,
    workers: int | None = None,
) -> Pending[A]:
    """Hand `prepare(document)` to a worker process now, and collect with `result()`.

    For work that cannot be split but can run while this process does
    something else. `size` is how many articles the work covers: it decides,
    as the document count does for `submit_all`, whether a worker pays.
    """
    workers = available_cores() if workers is None else max(1, workers)
    return _hand_over(Pending([document], prepare, [range(1)]), size, workers, start_method, None)


def _hand_over(
    pending: Pending[A], size: int, workers: int, start_method: str | None, min_parallel: int | None
) -> Pending[A]:
    """Submit `pending` to the pool when work covering `size` articles pays for it (see `MIN_PARALLEL`)."""
    method = start_method or default_start_method()
    threshold = pool_threshold(method) if min_parallel is None else min_parallel
    if workers > 1 and size >= threshold:
        pending._submit(method, workers)
    return pending


class _CallerFailed(Exception):
    """`on_chunk` raised: its error goes to the caller instead of being taken for a pool failure."""


class Pending(Generic[A]):
    """Work handed to worker processes by `submit_all`, collected by `result`.

    Any failure of the pool (it could not start, a worker died, a function
    could not be sent) is logged, and `result` finishes what is left here.
    """

    def __init__(self, documents: Sequence[D], prepare: Callable[[D], A], chunks: list[range]) -> None:
        self._documents = documents
        self._prepare = prepare
        self._chunks = chunks
        self._futures: dict[Future[bytes], int] = {}
        self._pool: tuple[str, int, ProcessPoolExecutor] | None = None

    def _submit(self, method: str, workers: int) -> None:
        from reader.run import codec  # the storage layer depends on analysis, not the reverse, at import time

        try:
            pool = _pool(method, workers)
            self._pool = (method, workers, pool)
            for number, chunk in enumerate(self._chunks):
                payload = codec.encode([self._documents[i] for i in chunk])
                self._futures[pool.submit(_prepare_chunk, self._prepare, payload)] = number
        except Exception as error:  # noqa: BLE001 - the pool, not the analysis, failed
            self._give_up(error)

    def _give_up(self, error: Exception) -> None:
        """Stop using the pool for this work: `result` finishes the rest here."""
        log.warning("parallel preparation stopped (%s: %s); finishing in this process", type(error).__name__, error)
        self.cancel()
        if self._pool is not None and isinstance(error, BrokenExecutor):
            _discard(*self._pool)

    @property
    def on_workers(self) -> bool:
        """Whether worker processes have the work (else `result` will do it here)."""
        return bool(self._futures)

    def cancel(self) -> None:
        """Drop the work no worker has started (the caller no longer needs it)."""
        for future in self._futures:
            future.cancel()
        self._futures = {}

    def result(
        self, progress: Progress | None = None, on_chunk: Callable[[Sequence[A]], None] | None = None
    ) -> list[A]:
        """Every result, in the documents' order; `progress` and `on_chunk` as in `prepare_all`."""
        from reader.run import codec

        total = len(self._documents)
        results: list[A | None] = [None] * total
        unfinished = set(range(len(self._chunks)))
        done = 0
        waiting = set(self._futures)
        try:
            while waiting:
                finished, waiting = wait(waiting, return_when=FIRST_COMPLETED)
                for future in finished:
                    number = self._futures[future]
                    chunk = self._chunks[number]
                    prepared = codec.decode(future.result())  # re-raises a worker's failure: handled below
                    results[chunk.start : chunk.stop] = prepared
                    unfinished.discard(number)
                    done += len(chunk)
                    if on_chunk is not None:
                        try:
                            on_chunk(prepared)
                        except Exception as error:
                            raise _CallerFailed from error
                    if progress is not None:
                        progress(done, total)
        except _CallerFailed as failed:  # the caller's own code: not the pool's to recover from
            self.cancel()
            assert failed.__cause__ is not None
            raise failed.__cause__ from None
        except Exception as error:  # noqa: BLE001 - the pool, not the analysis, failed: finish here
            self._give_up(error)
        self._futures = {}
        for number in sorted(unfinished):
            chunk = self._chunks[number]
            prepared = [self._prepare(self._documents[index]) for index in chunk]
            results[chunk.start : chunk.stop] = prepared
            done += len(chunk)
            if on_chunk is not None:
                on_chunk(prepared)
            if progress is not None:
                progress(done, total)
        return results  # type: ignore[return-value]  # every slot is filled above
