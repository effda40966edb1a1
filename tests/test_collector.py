"""Analysis leaves nothing only the cyclic collector could free."""

from __future__ import annotations

import gc

from reader.analysis import ingest, pipeline


def _ours(thing: object) -> bool:
    """Whether `thing` is, or is a method of, an object of a reader class."""
    owner = getattr(thing, "__self__", thing)
    return type(owner).__module__.startswith("reader.")


def test_analysis_leaves_no_reference_cycles_behind() -> None:
    # A cycle among analysis objects stays in memory until a full collection
    # walks the whole heap; reference counting must free everything.
    was = gc.isenabled()
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
        if was:
            gc.enable()
    assert cyclic == []
