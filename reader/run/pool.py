"""Where independent pieces of analysis run: on worker processes when that is faster, else here.

The analysis stages are plain functions; this module alone decides where they
run. `Workers.map(function, items)` hands chunks of items to an `Executor`
(the standard library's `ProcessPoolExecutor` by default, or any executor
handed in, such as a Dask cluster's) and returns a `Batch` whose `results`
come back in the items' order. Work is handed over at once and collected
later, so this process can do what only it can meanwhile.

Starting workers costs a fixed fraction of a second, so small inputs stay in
this process. Any failure of the pool itself (no permission to start
processes, a worker killed, a value that cannot be sent) finishes the
remaining chunks here: parallelism may make analysis faster, never make it
fail. Chunks cross as `codec` bytes, since default pickling of frozen slotted
dataclasses is slow enough to eat most of what the second core gains.

Measured on the two-core machine (ECB+ development articles, ~1.5 ms each to
prepare serially): a pool costs about 0.12 s to start and stop with "fork",
0.45 s with "forkserver" and 0.7 s with "spawn", and saves about 0.65 ms per
article when both cores are free; `MIN_PARALLEL` is set a little above each
break-even so the pool is used only where it clearly pays.
"""

from __future__ import annotations

import contextlib
import logging
import math
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Executor, Future, ProcessPoolExecutor, wait
from typing import Any, Generic, TypeVar

from reader.run import codec
from reader.run.collector import spare_the_collector

T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)

MIN_PARALLEL = {"fork": 250, "forkserver": 800, "spawn": 1200}
"""Fewer items than this, per start method, are worked on in this process (see module docs)."""
CHUNKS_PER_WORKER = 8
"""Several chunks per worker even out long and short articles and keep progress moving."""
MAX_CHUNK = 64
WORKER_NICENESS = 10
"""How much lower than this process the workers run (Unix `nice`; see `_start_worker`)."""


def available_cores() -> int:
    """Cores this process may run on (affinity-aware where the platform tells)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def start_method() -> str:
    """"fork" when this process has a single thread, else a start method that does not copy threads.

    Forking a process that runs other threads (the UI, its output writer) can
    copy a lock one of them holds and hang the child, so the reader app gets
    workers from a clean "forkserver" (or "spawn" where there is none).
    """
    with _pools_lock:
        if any(method == "fork" for method, _ in _pools):
            return "fork"  # its workers already exist and are never forked again
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _start_worker() -> None:
    """Run in each new worker: below the process that hands it work, and never outliving it.

    In the corpus stages that process is the critical path (it groups events
    while the workers lay the groundwork for linking), and in the app it also
    draws the interface. At equal priority two workers and it shared two
    cores, and it got about two thirds of one; below it, the workers take what
    it leaves (four paired analyses of 10,000 articles: 29.1-32.1 s against
    31.6-38.0 s). A worker whose parent dies (kill -9, a crash) is sent
    SIGTERM by the kernel rather than left running for good.
    """
    with contextlib.suppress(AttributeError, OSError):  # no `nice` here, or not allowed: equal priority
        os.nice(WORKER_NICENESS)
    spare_the_collector()
    _die_with_parent()


def _die_with_parent() -> None:
    """Linux's parent-death signal: the kernel ends this process when its parent goes."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the signal was asked for
        os._exit(1)


def _start_tracker() -> None:
    """Start multiprocessing's resource tracker with the process's own standard error.

    Every pool needs the tracker, which starts on first use and is handed
    `sys.stderr.fileno()`. Inside a terminal interface `sys.stderr` captures
    writes instead (Textual's has `fileno() == -1`): the tracker, and every
    pool with it, would fail to start ("bad value(s) in fds_to_keep").
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


_pools: dict[tuple[str, int], ProcessPoolExecutor] = {}
_pools_lock = threading.Lock()


def _process_pool(method: str, workers: int) -> ProcessPoolExecutor:
    """A pool kept for the life of the process: an analysis hands work over several times, and
    the app analyses again when files change; starting workers each time would cost more."""
    with _pools_lock:
        pool = _pools.get((method, workers))
        if pool is None:
            _start_tracker()
            context = multiprocessing.get_context(method)
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker)
            _pools[(method, workers)] = pool
        return pool


def _discard(pool: Executor) -> None:
    """Forget a broken pool, so the next analysis starts a fresh one."""
    with _pools_lock:
        for key, kept in list(_pools.items()):
            if kept is pool:
                del _pools[key]
    pool.shutdown(wait=False, cancel_futures=True)


def shutdown_pools() -> None:
    """Stop the kept worker processes at once, dropping work they have not started."""
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_chunk(function: Callable[[Any], Any], chunk: bytes) -> bytes:
    """Runs in a worker: the function over a chunk of items, both ways as codec bytes."""
    return codec.encode([function(item) for item in codec.decode(chunk)])


def _chunks(count: int, workers: int) -> list[range]:
    size = max(1, min(MAX_CHUNK, math.ceil(count / (workers * CHUNKS_PER_WORKER))))
    return [range(start, min(count, start + size)) for start in range(0, count, size)]


class Workers:
    """Runs functions over many items, on an executor's workers or here (see the module docs).

    `Workers()` uses this machine's cores through a process pool kept for the
    life of the process; `Workers(executor)` hands every chunk to `executor`
    (a Dask cluster's, say), however small the input; `Workers(cores=1)`
    works here only.
    """

    def __init__(
        self, executor: Executor | None = None, *, cores: int | None = None, method: str | None = None, min_items: int | None = None
    ) -> None:
        self.executor = executor
        self.cores = available_cores() if cores is None else max(1, cores)
        self.method = method
        """The multiprocessing start method for a pool of our own (None: `start_method()`)."""
        self.min_items = min_items
        """Work covering fewer articles stays here (None: `MIN_PARALLEL` of the start method)."""

    def map(self, function: Callable[[T], R], items: Sequence[T], *, weight: int | None = None) -> Batch[R]:
        """Hand `function(item)` of every item over now; collect with `Batch.results`.

        Executors take work in the order it was handed over, so what is handed
        over later runs once earlier work is done. `weight` is how many
        articles the work covers, when not one per item: it decides whether
        workers pay for themselves.
        """
        workers = self.cores if self.executor is None else max(self.cores, 2)
        batch = Batch(function, items, _chunks(len(items), workers))
        executor = self._executor(len(items) if weight is None else weight)
        if executor is not None:
            batch.hand_over(executor)
        return batch

    def _executor(self, weight: int) -> Executor | None:
        """The executor to use for work of this weight, or None to work here."""
        if self.executor is not None:
            return self.executor
        method = self.method or start_method()
        threshold = MIN_PARALLEL.get(method, max(MIN_PARALLEL.values())) if self.min_items is None else self.min_items
        if self.cores < 2 or weight < threshold:
            return None
        try:
            return _process_pool(method, self.cores)
        except Exception as error:
            log.warning("no worker processes (%s: %s); working in this process", type(error).__name__, error)
            return None


class _CallerFailed(Exception):
    """`on_chunk` raised: its error goes to the caller instead of being taken for a pool failure."""


class Batch(Generic[R]):
    """Work handed to an executor by `Workers.map`, collected by `results`.

    Any failure of the executor (it could not start, a worker died, a value
    could not be sent) is logged, and `results` finishes what is left here.
    """

    def __init__(self, function: Callable[[Any], R], items: Sequence[Any], chunks: list[range]) -> None:
        self.function = function
        self.items = items
        self.chunks = chunks
        self._futures: dict[Future[bytes], int] = {}
        self._executor: Executor | None = None

    def hand_over(self, executor: Executor) -> None:
        """Submit every chunk to `executor` now."""
        self._executor = executor
        try:
            for number, chunk in enumerate(self.chunks):
                payload = codec.encode([self.items[i] for i in chunk])
                self._futures[executor.submit(_run_chunk, self.function, payload)] = number
        except Exception as error:
            self._give_up(error)

    @property
    def on_workers(self) -> bool:
        """Whether an executor has the work (else `results` does it here)."""
        return bool(self._futures)

    def cancel(self) -> None:
        """Drop the work no worker has started (the caller no longer needs it)."""
        for future in self._futures:
            future.cancel()
        self._futures = {}

    def _give_up(self, error: BaseException) -> None:
        log.warning("worker processes stopped (%s: %s); finishing in this process", type(error).__name__, error)
        self.cancel()
        if isinstance(error, BrokenExecutor) and self._executor is not None:
            _discard(self._executor)

    def results(self, progress: Progress | None = None, on_chunk: Callable[[Sequence[R]], None] | None = None) -> list[R]:
        """Every result in the items' order.

        `progress(done, total)` is called as chunks complete and `on_chunk(results)`
        with each chunk's results as it arrives (in no particular order), both
        in the calling thread, so a caller can start on them while workers
        finish the rest.
        """
        total = len(self.items)
        results: list[Any] = [None] * total
        unfinished = set(range(len(self.chunks)))
        done = 0

        def arrived(number: int, values: Sequence[R]) -> None:
            nonlocal done
            chunk = self.chunks[number]
            results[chunk.start : chunk.stop] = values
            unfinished.discard(number)
            done += len(chunk)
            if on_chunk is not None:
                try:
                    on_chunk(values)
                except Exception as error:
                    raise _CallerFailed from error
            if progress is not None:
                progress(done, total)

        try:
            try:
                waiting = set(self._futures)
                while waiting:
                    finished, waiting = wait(waiting, return_when=FIRST_COMPLETED)
                    for future in finished:
                        arrived(self._futures[future], codec.decode(future.result()))
            except _CallerFailed:
                raise
            except Exception as error:
                self._give_up(error)
            for number in sorted(unfinished):  # no executor, or it failed: here
                arrived(number, [self.function(self.items[i]) for i in self.chunks[number]])
        except _CallerFailed as failed:  # the caller's own code: not the executor's to recover from
            self.cancel()
            assert failed.__cause__ is not None
            raise failed.__cause__ from None
        self._futures = {}
        return results
