"""The cyclic collector is paused while analysis builds, and analysis leaves nothing only it could free."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator

import pytest

from reader.run import collector, pipeline
from reader.sources import files as ingest


@pytest.fixture
def collecting() -> Iterator[None]:
    """Each test starts with the collector on, and leaves it as it found it."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_pauses_nest_and_the_collector_resumes_after_the_last(collecting: None) -> None:
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(collecting: None) -> None:
    gc.disable()
    with collector.paused():
        pass
    assert not gc.isenabled()


def test_a_pause_ending_in_another_thread_does_not_end_this_one(collecting: None) -> None:
    entered, leave = threading.Event(), threading.Event()

    def other() -> None:
        with collector.paused():
            entered.set()
            leave.wait(5)

    thread = threading.Thread(target=other)
    with collector.paused():
        thread.start()
        assert entered.wait(5)
    assert not gc.isenabled(), "the other thread's pause still runs"
    leave.set()
    thread.join(5)
    assert gc.isenabled()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_process_forked_during_a_pause_starts_with_the_collector_on(collecting: None) -> None:
    read, write = os.pipe()
    with collector.paused():
        child = os.fork()
        if child == 0:  # pragma: no cover - runs in the child
            try:
                states = [gc.isenabled()]
                with collector.paused():
                    states.append(gc.isenabled())
                states.append(gc.isenabled())
                os.write(write, bytes(states))
            finally:
                os._exit(0)  # never back into the test run, whatever happened
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        states = list(pipe.read())
    os.waitpid(child, 0)
    assert states == [True, False, True]


def _ours(thing: object) -> bool:
    """Whether `thing` is, or is a method of, an object of a reader class."""
    owner = getattr(thing, "__self__", thing)
    return type(owner).__module__.startswith("reader.")


def test_analysis_leaves_no_reference_cycles_behind(collecting: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # Analysis runs with the collector paused, so a cycle among its objects
    # would stay in memory until long after; reference counting must free everything.
    monkeypatch.setattr(collector, "keep", lambda: None)  # frozen objects would hide from the check
    gc.collect()  # garbage of earlier tests (apps holding corpora) is not this analysis's
    gc.disable()
    corpus = pipeline.analyse([ingest.bundled_seeds()])
    assert corpus.articles and any(a.quotes for a in corpus.articles)
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        cyclic = sorted({type(getattr(o, "__self__", o)).__qualname__ for o in gc.garbage if _ours(o)})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert cyclic == []
