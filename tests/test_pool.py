"""Work on a process pool: same results in the same order as serially, whatever goes wrong."""

from __future__ import annotations

import os
import threading
from functools import partial
from pathlib import Path

import pytest

from reader.run import pool as parallel
from reader.run.pool import Workers


def shout(text: str) -> tuple[str, int]:
    """A tiny picklable stand-in for `pipeline.prepare`, reporting where it ran."""
    return text.upper(), os.getpid()


def die_in_worker(parent: int, text: str) -> tuple[str, int]:
    """Kills any worker process that runs it, but works in the parent: a broken pool."""
    if os.getpid() != parent:
        os._exit(3)
    return shout(text)


def refuse(text: str) -> str:
    if text == "bad":
        raise ValueError("cannot prepare this one")
    return text


TEXTS = [f"article number {i} about the harbour" for i in range(40)]


def prepare_all(items, function, progress=None, workers=2, *, start_method=None, min_parallel=None, on_chunk=None):  # type: ignore[no-untyped-def]
    """`function` over every item through `Workers`, collected at once."""
    batch = Workers(cores=workers, method=start_method, min_items=min_parallel).map(function, items)
    return batch.results(progress, on_chunk)


def submit_all(items, function, workers=2, *, start_method=None, min_parallel=None):  # type: ignore[no-untyped-def]
    return Workers(cores=workers, method=start_method, min_items=min_parallel).map(function, items)


def test_small_inputs_stay_in_this_process_and_report_progress() -> None:
    seen: list[tuple[int, int]] = []
    results = prepare_all(TEXTS[:5], shout, lambda done, total: seen.append((done, total)), workers=2)
    assert [text for text, _ in results] == [t.upper() for t in TEXTS[:5]]
    assert {pid for _, pid in results} == {os.getpid()}
    assert seen[-1] == (5, 5)
    assert prepare_all([], shout) == []


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_large_inputs_use_worker_processes_and_keep_order(method: str) -> None:
    seen: list[tuple[int, int]] = []
    results = prepare_all(
        TEXTS, shout, lambda done, total: seen.append((done, total)), workers=2, start_method=method, min_parallel=10
    )
    assert [text for text, _ in results] == [t.upper() for t in TEXTS]
    assert os.getpid() not in {pid for _, pid in results}
    dones = [done for done, _ in seen]
    assert dones == sorted(dones) and len(dones) > 1
    assert seen[-1] == (len(TEXTS), len(TEXTS))


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_works_from_a_background_thread(method: str) -> None:
    box: list[list[tuple[str, int]]] = []
    worker = threading.Thread(
        target=lambda: box.append(prepare_all(TEXTS, shout, workers=2, start_method=method, min_parallel=10))
    )
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive()
    assert [text for text, _ in box[0]] == [t.upper() for t in TEXTS]


def test_a_function_that_cannot_be_sent_falls_back_to_serial() -> None:
    results = prepare_all(TEXTS, lambda text: text[::-1], workers=2, min_parallel=10)
    assert results == [t[::-1] for t in TEXTS]


def test_a_killed_worker_falls_back_to_serial_for_what_is_left() -> None:
    seen: list[tuple[int, int]] = []
    results = prepare_all(
        TEXTS,
        partial(die_in_worker, os.getpid()),
        lambda done, total: seen.append((done, total)),
        workers=2,
        start_method="fork",
        min_parallel=10,
    )
    assert [text for text, _ in results] == [t.upper() for t in TEXTS]
    assert seen[-1] == (len(TEXTS), len(TEXTS))


def test_an_error_in_the_analysis_itself_is_not_swallowed() -> None:
    texts = [*TEXTS[:20], "bad", *TEXTS[20:]]
    with pytest.raises(ValueError, match="cannot prepare"):
        prepare_all(texts, refuse, workers=2, start_method="fork", min_parallel=10)
    with pytest.raises(ValueError, match="cannot prepare"):
        prepare_all(["bad"], refuse, workers=2)


def test_chunks_cover_every_index_once() -> None:
    for count in (1, 7, 100, 10_000):
        chunks = parallel._chunks(count, 2)
        assert [i for chunk in chunks for i in chunk] == list(range(count))
        assert max(len(chunk) for chunk in chunks) <= parallel.MAX_CHUNK


def test_processes_are_not_forked_from_a_process_running_other_threads() -> None:
    parallel.shutdown_pools()
    methods: list[str] = []
    worker = threading.Thread(target=lambda: methods.append(parallel.start_method()))
    worker.start()
    worker.join()
    assert methods[0] in ("forkserver", "spawn")
    if threading.active_count() == 1 and os.name == "posix":
        assert parallel.start_method() == "fork"


def niceness(_: str) -> int:
    """This process's scheduling niceness (higher runs later)."""
    return os.getpriority(os.PRIO_PROCESS, 0)


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="needs Unix priorities")
@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_workers_run_below_the_process_that_hands_them_work(method: str) -> None:
    ours = niceness("")
    theirs = set(prepare_all(TEXTS, niceness, workers=2, start_method=method, min_parallel=10))
    assert theirs == {min(19, ours + parallel.WORKER_NICENESS)}
    assert niceness("") == ours


def test_workers_are_kept_for_the_next_call() -> None:
    first = prepare_all(TEXTS, shout, workers=2, start_method="spawn", min_parallel=10)
    second = prepare_all(TEXTS, shout, workers=2, start_method="spawn", min_parallel=10)
    assert {pid for _, pid in first} & {pid for _, pid in second}
    parallel.shutdown_pools()


@pytest.mark.parametrize("min_parallel", [10, 1000], ids=["pool", "serial"])
def test_each_chunk_is_handed_over_as_it_arrives(min_parallel: int) -> None:
    chunks: list[list[tuple[str, int]]] = []
    results = prepare_all(TEXTS, shout, workers=2, start_method="fork", min_parallel=min_parallel, on_chunk=chunks.append)
    assert len(chunks) > 1
    assert sorted(item for chunk in chunks for item in chunk) == sorted(results)


def test_a_failing_chunk_handler_is_the_callers_error_not_a_pool_failure() -> None:
    calls: list[int] = []

    def handler(chunk: object) -> None:
        calls.append(1)
        raise KeyError("caller bug")

    with pytest.raises(KeyError, match="caller bug"):
        prepare_all(TEXTS, shout, workers=2, start_method="fork", min_parallel=10, on_chunk=handler)
    assert calls == [1]  # not retried in this process as if the pool had broken


def test_work_handed_over_early_is_collected_later_in_order() -> None:
    first = submit_all(TEXTS, shout, workers=2, start_method="fork", min_parallel=10)
    second = submit_all(TEXTS[::-1], shout, workers=2, start_method="fork", min_parallel=10)
    assert [text for text, _ in second.results()] == [t.upper() for t in TEXTS[::-1]]
    results = first.results()
    assert [text for text, _ in results] == [t.upper() for t in TEXTS]
    assert os.getpid() not in {pid for _, pid in results}


def test_without_a_pool_the_work_waits_for_result() -> None:
    calls: list[str] = []

    def record(text: str) -> str:
        calls.append(text)
        return text

    pending = submit_all(TEXTS, record, workers=2, min_parallel=1000)
    assert not pending.on_workers
    assert calls == []  # nothing done until asked: a caller may never ask
    assert pending.results() == TEXTS


def test_cancelled_work_is_still_finished_here_if_asked_for() -> None:
    pending = submit_all(TEXTS, shout, workers=2, start_method="fork", min_parallel=10)
    assert pending.on_workers
    pending.cancel()
    assert not pending.on_workers
    assert [text for text, _ in pending.results()] == [t.upper() for t in TEXTS]


FORK_FROM_CORPUS_STAGES = """
import os, sys, threading
from pathlib import Path
from reader.run import pool as parallel, pipeline
from reader.sources import files as ingest

parallel.MIN_PARALLEL = {"fork": 4, "forkserver": 4, "spawn": 4}
threads_at_fork = []
os.register_at_fork(before=lambda: threads_at_fork.append(threading.active_count()))
if __name__ == "__main__":
    documents, _ = ingest.load([Path(sys.argv[1])])
    articles = [pipeline.prepare(d) for d in documents]  # as if every article came from the cache
    corpus = pipeline.finish(articles, [])
    print(len(corpus.articles), sorted(method for method, _ in parallel._pools), threads_at_fork)
"""


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_the_corpus_stages_fork_their_workers_from_a_single_thread(tmp_path: Path) -> None:
    # A process forked while another thread runs can inherit a lock that thread holds, and hang.
    import subprocess
    import sys

    archive = tmp_path / "archive"
    archive.mkdir()
    for i in range(8):
        (archive / f"n{i}.txt").write_text(f"Story {i} about the harbour\n\nThe harbour of Port {i} reopened on Monday.\n")
    script = tmp_path / "check.py"
    script.write_text(FORK_FROM_CORPUS_STAGES)
    output = subprocess.run([sys.executable, str(script), str(archive)], capture_output=True, text=True, check=True).stdout
    count, methods, threads = output.split(" ", 2)
    assert count == "8" and methods == "['fork']"
    assert threads.strip() == "[1, 1]"  # both workers, each forked with this process's main thread alone


CAPTURED_STDERR = """
import os, sys
sys.path.insert(0, sys.argv[1])
from test_pool import TEXTS, shout, prepare_all
from reader.run.pool import Workers


class Capture:
    '''Stands in for a terminal interface's capture of standard error (Textual's has no descriptor).'''

    def write(self, text):
        return len(text)

    def flush(self):
        pass

    def fileno(self):
        return -1


if __name__ == "__main__":
    sys.stderr = Capture()
    results = prepare_all(TEXTS, shout, workers=2, start_method=sys.argv[2], min_parallel=10)
    print(sum(pid != os.getpid() for _, pid in results), sys.stderr is not sys.__stderr__)
"""


@pytest.mark.parametrize("method", ["forkserver", "spawn"])
def test_workers_start_while_standard_error_is_captured(tmp_path: Path, method: str) -> None:
    # The reader's interface captures sys.stderr; the pool must still start, not fall back to this process.
    import subprocess
    import sys

    script = tmp_path / "captured.py"
    script.write_text(CAPTURED_STDERR)
    output = subprocess.run(
        [sys.executable, str(script), str(Path(__file__).parent), method], capture_output=True, text=True, check=True
    ).stdout
    assert output.split() == [str(len(TEXTS)), "True"]  # every text prepared by a worker; the capture put back


def thresholds(_: str) -> tuple[int, int, int]:
    import gc

    return gc.get_threshold()


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_analysis_and_its_workers_collect_cycles_in_big_batches(method: str) -> None:
    # Millions of long-lived objects: at Python's default thresholds the collector walks them again and again.
    import gc

    from reader.run import collector, pipeline

    gc.set_threshold(700, 10, 10)
    try:
        pipeline.analyse([Path(__file__).resolve().parent.parent / "seeds"], workers=Workers(cores=1))
        assert gc.get_threshold() == collector.COLLECTOR_THRESHOLDS
        theirs = set(prepare_all(TEXTS, thresholds, workers=2, start_method=method, min_parallel=10))
        assert theirs == {collector.COLLECTOR_THRESHOLDS}
    finally:
        gc.set_threshold(700, 10, 10)
