"""Whatever a stage returns crosses to the workers and into the cache, without being registered anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import compare, links, quotes
from reader.analysis.events import features
from reader.analysis.links import mentions, passages
from reader.analysis.model import Anchor, Corpus, DiffRun, Link
from reader.run import codec, pipeline
from reader.run.pool import Workers
from reader.sources import files

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def round_trip(value: object) -> object:
    return codec.decode(codec.encode(value))


def test_every_stage_result_round_trips() -> None:
    # The values the runner hands to workers and back, and the corpus the cache stores.
    documents, problems = files.load([SEEDS])
    prepared = [pipeline.prepare(d) for d in documents]
    corpus = pipeline.analyse_documents(documents, problems, workers=Workers(cores=1))
    stage_results = [
        documents,
        prepared,
        [quotes.scan_article(a.paragraphs) for a in corpus.articles],
        [features.term_counts(features.term_input(a)) for a in corpus.articles],
        [passages.sentence_pieces(a.paragraphs) for a in corpus.articles],
        mentions.gather([links.slim(a) for a in corpus.articles]),
        corpus,
        compare.compare_jobs(corpus.articles, corpus.events, corpus.entities, corpus.links),
        corpus.comparisons,
    ]
    for value in stage_results:
        assert round_trip(value) == value


def test_something_that_is_not_analysis_data_fails_loudly() -> None:
    class Elsewhere:
        pass

    with pytest.raises(codec.EncodeError):
        codec.encode([Elsewhere()])
    with pytest.raises(codec.EncodeError):
        codec.encode({"f": lambda: 1})


def test_equal_small_values_are_stored_once() -> None:
    # Link ends repeat: one Anchor per distinct paragraph comes back, not two per link.
    links_ = tuple(Link("quote", 1.0, Anchor("a", i % 10), Anchor("b", i % 10), "why", (DiffRun("equal", "x"),)) for i in range(1000))
    back = round_trip(Corpus(links=links_))
    assert isinstance(back, Corpus) and back.links == links_
    assert len({id(link.source) for link in back.links}) == 10
    assert len({id(link.diff[0]) for link in back.links}) == 1
