"""The analysis cache: hits skip the work, changes are noticed, damage is survived."""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import threading
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from reader.analysis import clean
from reader.sources import files as ingest
from reader.analysis.model import Block, Document
from reader.analysis.model import (
    Anchor,
    Article,
    Corpus,
    DiffRun,
    Entity,
    EntityMention,
    Event,
    Link,
    Problem,
    Quote,
    Removed,
)
from reader.run import codec
from reader.run.pool import Workers
from reader.storage.cache import FILE_NAME, AnalysisCache, corpus_key

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class Counter:
    """A stand-in for `pipeline.prepare` that records which documents it was asked to prepare."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, document: Document) -> Article:
        self.calls.append(document.id)
        paragraphs = tuple(block.text for block in document.blocks[1:])
        mentions = tuple(
            EntityMention(p, 0, len(text.split()[0]), text.split()[0], "PLACE", f"place:{text.split()[0].lower()}")
            for p, text in enumerate(paragraphs)
        )
        return Article(
            document.id, document.source, document.blocks[0].text, paragraphs, entities=mentions, content_hash=document.content_hash
        )


def through(
    cache: AnalysisCache, documents: Sequence[Document], prepare: Callable[[Document], Article], progress: Callable[[int, int], None] | None = None
) -> Corpus:
    """The pipeline's analysis of `documents` through `cache`, with `prepare` in place of the real preparation."""
    from reader.run import pipeline

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "prepare", prepare)
        return pipeline.analyse_documents(documents, (), progress, cache=cache, workers=Workers(cores=1))


def prepare_through(cache: AnalysisCache, documents: Sequence[Document], prepare: Callable[[Document], Article]) -> list[Article]:
    """The pipeline's preparation of `documents` through `cache`, with `prepare` for each miss."""
    from reader.run import pipeline

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "prepare", prepare)
        return pipeline.prepare_all(documents, cache=cache, workers=Workers(cores=1))


def document(name: str, text: str, folder: str = "/news") -> Document:
    blocks = tuple(Block(line) for line in text.splitlines())
    return Document(name, f"{folder}/{name}.txt", blocks, hashlib.sha256(text.encode()).hexdigest())


def count_prepared(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Ids of the documents `pipeline.prepare` is asked for from now on, in order (it still prepares them)."""
    from reader.run import pipeline

    asked: list[str] = []
    real_prepare = pipeline.prepare

    def counting(document: Document) -> Article:
        asked.append(document.id)
        return real_prepare(document)

    monkeypatch.setattr(pipeline, "prepare", counting)
    return asked


def corpus_of_three() -> list[Document]:
    return [
        document("flood", "River bursts its banks\nValencia streets were under water by noon.\nRescuers used boats."),
        document("vote", "Parliament passes budget\nLawmakers in Ottawa approved the plan 180 to 150."),
        document("match", "Late goal wins derby\nMilan celebrated a stoppage-time winner on Sunday."),
    ]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("READER_CACHE_DIR", str(folder))
    return folder


def test_second_run_does_not_analyse_again(cache_dir: Path) -> None:
    documents = corpus_of_three()
    first = Counter()
    with AnalysisCache() as cache:
        corpus = through(cache, documents, first)
    assert first.calls == ["flood", "vote", "match"]
    assert (cache_dir / FILE_NAME).exists()

    again = Counter()
    seen: list[tuple[int, int]] = []
    with AnalysisCache() as cache:
        reopened = through(cache, documents, again, progress=lambda d, t: seen.append((d, t)))
        assert cache.notices == ()
    assert again.calls == []
    assert reopened == corpus
    assert seen[-1] == (3, 3)


def test_a_changed_file_is_prepared_alone(cache_dir: Path) -> None:
    documents = corpus_of_three()
    with AnalysisCache() as cache:
        before = through(cache, documents, Counter())
    documents[1] = document("vote", "Parliament rejects budget\nLawmakers in Ottawa voted the plan down.")
    counter = Counter()
    with AnalysisCache() as cache:
        after = through(cache, documents, counter)
    assert counter.calls == ["vote"]
    assert after.articles[1].title == "Parliament rejects budget"
    assert after.articles[0] == before.articles[0] and after.articles[2] == before.articles[2]


def test_same_bytes_at_another_path_take_the_new_name(cache_dir: Path) -> None:
    flood = corpus_of_three()[0]
    with AnalysisCache() as cache:
        prepare_through(cache, [flood], Counter())
        moved = Document("flood-copy", "/elsewhere/flood-copy.txt", flood.blocks, flood.content_hash)
        counter = Counter()
        [article] = prepare_through(cache, [moved], counter)
    assert counter.calls == []
    assert (article.id, article.source) == ("flood-copy", "/elsewhere/flood-copy.txt")
    assert article.paragraphs[0].startswith("Valencia")


def test_corpus_key_follows_files_names_and_problems() -> None:
    documents = corpus_of_three()
    key = corpus_key(documents)
    assert corpus_key(list(reversed(documents))) == key
    assert corpus_key(documents[:2]) != key
    renamed = [Document("other", d.source, d.blocks, d.content_hash) if d.id == "vote" else d for d in documents]
    assert corpus_key(renamed) != key
    assert corpus_key(documents, [Problem("/news/x.bin", "not text")]) != key
    assert corpus_key(documents, version="another") != key


def test_another_analysis_version_rebuilds(cache_dir: Path) -> None:
    documents = corpus_of_three()
    with AnalysisCache(version="1") as cache:
        through(cache, documents, Counter())
    counter = Counter()
    with AnalysisCache(version="2") as cache:
        through(cache, documents, counter)
        assert any("changed" in notice for notice in cache.notices)
    assert counter.calls == ["flood", "vote", "match"]
    # Results of version 2 are now the ones kept.
    counter = Counter()
    with AnalysisCache(version="2") as cache:
        through(cache, documents, counter)
        assert cache.notices == ()
    assert counter.calls == []


def fill(cache_dir: Path) -> list[Document]:
    documents = corpus_of_three()
    with AnalysisCache() as cache:
        through(cache, documents, Counter())
    return documents


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty-tail"])
def test_a_damaged_file_is_set_aside_and_rebuilt(cache_dir: Path, damage: str) -> None:
    documents = fill(cache_dir)
    path = cache_dir / FILE_NAME
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 3])
    elif damage == "garbage":
        path.write_bytes(os.urandom(len(data)))
    else:
        path.write_bytes(data[:100] + b"\0" * (len(data) - 100))
    counter = Counter()
    with AnalysisCache() as cache:
        corpus = through(cache, documents, counter)
        assert cache.notices and "damaged" in cache.notices[0]
    assert [a.id for a in corpus.articles] == ["flood", "vote", "match"]
    assert counter.calls == ["flood", "vote", "match"]
    assert (cache_dir / f"{FILE_NAME}.damaged").exists()
    # The rebuilt file serves the next run.
    counter = Counter()
    with AnalysisCache() as cache:
        through(cache, documents, counter)
        assert cache.notices == ()
    assert counter.calls == []


def test_a_file_of_another_layout_is_replaced(cache_dir: Path) -> None:
    cache_dir.mkdir(parents=True)
    connection = sqlite3.connect(cache_dir / FILE_NAME)
    connection.execute("CREATE TABLE something (x)")
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    with AnalysisCache() as cache:
        assert through(cache, corpus_of_three(), Counter()).articles
        assert cache.notices and "another version" in cache.notices[0]


def test_a_damaged_entry_is_recomputed(cache_dir: Path) -> None:
    documents = fill(cache_dir)
    connection = sqlite3.connect(cache_dir / FILE_NAME)
    connection.execute("UPDATE articles SET data = substr(data, 1, 40) || x'00ff00ff' || substr(data, 45)")
    connection.execute("UPDATE corpora SET data = x'00'")
    connection.commit()
    connection.close()
    counter = Counter()
    with AnalysisCache() as cache:
        corpus = through(cache, documents, counter)
        assert any("entry" in notice for notice in cache.notices)
    assert counter.calls == ["flood", "vote", "match"]
    assert corpus.articles[0].title == "River bursts its banks"


@pytest.mark.parametrize(
    ("column", "value"),
    [("text", "x'00'"), ("data", "x'00'"), ("data", "(SELECT data FROM corpora LIMIT 1)")],
    ids=["text-damaged", "annotations-damaged", "annotations-of-another-corpus"],
)
def test_a_damaged_corpus_part_is_recomputed(cache_dir: Path, column: str, value: str) -> None:
    documents = fill(cache_dir)
    smaller = documents[:2]
    with AnalysisCache() as cache:
        through(cache, smaller, Counter())  # a second corpus, whose annotations fit two articles
    connection = sqlite3.connect(cache_dir / FILE_NAME)
    key = corpus_key(documents)
    other = corpus_key(smaller)
    if "SELECT" in value:
        connection.execute("UPDATE corpora SET data = (SELECT data FROM corpora WHERE key = ?) WHERE key = ?", (other, key))
    else:
        connection.execute(f"UPDATE corpora SET {column} = {value} WHERE key = ?", (key,))
    connection.commit()
    connection.close()
    with AnalysisCache() as cache:
        assert cache.load_corpus(key) is None
        assert any("entry" in notice for notice in cache.notices)
        assert cache.load_corpus(other) is not None  # only the damaged corpus was dropped
        counter = Counter()
        corpus = through(cache, documents, counter)
    assert counter.calls == []  # its articles were still cached one by one
    assert [a.title for a in corpus.articles] == ["River bursts its banks", "Parliament passes budget", "Late goal wins derby"]


def test_a_cached_corpus_shows_its_text_before_its_annotations(cache_dir: Path) -> None:
    documents = fill(cache_dir)
    previews: list[Corpus] = []
    with AnalysisCache() as cache:
        whole = cache.load_corpus(corpus_key(documents), previews.append)
    assert whole is not None and whole.articles[0].entities
    [text] = previews
    assert [a.paragraphs for a in text.articles] == [a.paragraphs for a in whole.articles]
    assert [a.title for a in text.articles] == [a.title for a in whole.articles]
    assert all(not a.entities and not a.quotes for a in text.articles)
    assert text.events == whole.events and text.problems == whole.problems


def test_stores_are_written_in_the_background_and_reads_wait_for_them(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    real_encode = codec.encode

    def held_up(value: object) -> bytes:
        assert gate.wait(10)
        return real_encode(value)

    monkeypatch.setattr(codec, "encode", held_up)
    documents = corpus_of_three()
    articles = [Counter()(d) for d in documents]
    with AnalysisCache() as cache:
        cache.store_articles(articles)  # returns although nothing could be encoded yet
        cache.store_corpus("k", Corpus(articles=tuple(articles)))
        threading.Timer(0.2, gate.set).start()
        assert cache.load_articles(documents) == articles  # a queued article is waited for, not missed
        assert cache.load_corpus("k") == Corpus(articles=tuple(articles))


def test_a_failed_background_store_is_a_notice(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(value: object) -> bytes:
        raise MemoryError("no room")

    monkeypatch.setattr(codec, "encode", broken)
    with AnalysisCache() as cache:
        corpus = through(cache, corpus_of_three(), Counter())
    assert len(corpus.articles) == 3
    assert any("not written" in notice and "no room" in notice for notice in cache.notices)


def test_clear_empties_the_cache(cache_dir: Path) -> None:
    documents = fill(cache_dir)
    with AnalysisCache() as cache:
        assert cache.size() == (3, 1)
        cache.clear()
        assert cache.size() == (0, 0)
    counter = Counter()
    with AnalysisCache() as cache:
        through(cache, documents, counter)
    assert counter.calls == ["flood", "vote", "match"]


def test_bypass_touches_no_file_and_always_analyses(cache_dir: Path) -> None:
    documents = corpus_of_three()
    for _ in range(2):
        counter = Counter()
        cache = AnalysisCache.disabled()
        corpus = through(cache, documents, counter)
        cache.clear()
        assert counter.calls == ["flood", "vote", "match"]
        assert len(corpus.articles) == 3
    assert not cache_dir.exists()


def test_an_unwritable_folder_means_no_cache_not_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    counter = Counter()
    with AnalysisCache(blocker) as cache:
        corpus = through(cache, corpus_of_three(), counter)
        assert cache.notices and "unavailable" in cache.notices[0]
    assert len(corpus.articles) == 3 and len(counter.calls) == 3


def test_only_recent_corpora_are_kept(cache_dir: Path) -> None:
    documents = corpus_of_three()
    with AnalysisCache() as cache:
        for n in range(1, 4):
            for subset in (documents[:n], documents[n - 1 : n]):
                through(cache, subset, Counter())
        assert cache.size()[1] <= 4


def test_every_model_class_survives_the_codec() -> None:
    article = Article(
        "a", "/a.txt", "Title", ("First paragraph \udcff with a stray byte.", "Second."),
        subtitle="Sub", byline="By Ana Ruiz", date="2024-03-01", outlet="Daily",
        removed=(Removed("Advertisement", "furniture", 0),),
        entities=(EntityMention(0, 0, 5, "First", "PERSON", "p1", title="Dr"),),
        quotes=(Quote(1, 0, 7, "Second.", "p1", "direct", "said", continued=True),),
        content_hash="abc",
    )  # fmt: skip
    corpus = Corpus(
        articles=(article,),
        entities=(Entity("p1", "First", "PERSON", ("F.",), ("a",)),),
        events=(Event("e1", "A label", None, ("a",)),),
        links=(Link("quote", 0.5, Anchor("a", 0), Anchor("a", 1), "why", (DiffRun("equal", "x"),), "e1"),),
        problems=(Problem("/b.bin", "binary", "warning"),),
    )
    assert codec.decode(codec.encode(corpus)) == corpus


def test_the_codec_refuses_foreign_and_damaged_bytes() -> None:
    blob = codec.encode(Corpus())
    with pytest.raises(codec.DecodeError):
        codec.decode(blob[:-1] + bytes([blob[-1] ^ 1]))
    with pytest.raises(codec.DecodeError):
        codec.decode(b"garbage")
    # A well-formed pickle that would call a function is refused even with a valid header and checksum.
    evil = pickle.dumps(os.getcwd, 5)
    forged = codec._HEADER + zlib.crc32(evil).to_bytes(4, "big") + evil
    with pytest.raises(codec.DecodeError, match="refusing"):
        codec.decode(forged)


def test_seed_articles_come_back_identical(cache_dir: Path) -> None:
    documents, problems = ingest.load([SEEDS])
    assert documents
    with AnalysisCache() as cache:
        first = prepare_through(cache, documents, clean.clean)
    with AnalysisCache() as cache:
        assert cache.load_articles(documents) == first


def write_archive(folder: Path, texts: dict[str, str], age: float = 60.0) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        path = folder / f"{name}.txt"
        path.write_text(text)
        past = path.stat().st_mtime - age
        os.utime(path, (past, past))


ARCHIVE = {
    "quake": "Strong quake shakes coast\n\nBuildings swayed in Lima for a minute.\n",
    "strike": "Dockers walk out\n\nPort workers in Rotterdam stopped work at dawn.\n",
}


def test_an_unchanged_archive_is_not_even_read(cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.run import pipeline

    archive = tmp_path / "archive"
    write_archive(archive, ARCHIVE)
    with AnalysisCache() as cache:
        first = pipeline.analyse([archive], cache=cache)

    def no_reading(*_: object, **__: object) -> None:
        raise AssertionError("files were read")

    real_load = ingest.load
    monkeypatch.setattr(ingest, "load", no_reading)
    with AnalysisCache() as cache:
        assert pipeline.analyse([archive], cache=cache) == first
    monkeypatch.setattr(ingest, "load", real_load)

    # A changed file changes the fingerprint; only that file is prepared again.
    write_archive(archive, {"strike": "Dockers return\n\nPort workers in Rotterdam went back to work.\n"}, age=30.0)
    counter = count_prepared(monkeypatch)
    with AnalysisCache() as cache:
        second = pipeline.analyse([archive], cache=cache)
    assert counter == ["strike"]
    assert [a.title for a in second.articles] == ["Strong quake shakes coast", "Dockers return"]


def test_a_file_changed_just_now_is_read_not_trusted_by_its_timestamps(cache_dir: Path, tmp_path: Path) -> None:
    from reader.run import pipeline
    from reader.sources.files import fingerprint

    archive = tmp_path / "archive"
    write_archive(archive, ARCHIVE, age=0.0)
    assert fingerprint([archive], 10_000, "any version") is None
    with AnalysisCache() as cache:
        corpus = pipeline.analyse([archive], cache=cache)
    assert len(corpus.articles) == 2


def test_the_pipeline_runs_through_the_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.run import pipeline

    calls = count_prepared(monkeypatch)
    previews: list[Corpus] = []
    with AnalysisCache() as cache:
        first = pipeline.analyse([SEEDS], cache=cache, on_preview=previews.append)
    assert len(calls) == len(first.articles) > 0
    # Analysing: the cleaned articles are offered before the corpus is linked.
    assert [a.id for a in previews[-1].articles] == [a.id for a in first.articles] and not previews[-1].links
    calls.clear()
    previews.clear()
    with AnalysisCache() as cache:
        assert pipeline.analyse([SEEDS], cache=cache, on_preview=previews.append) == first
    assert calls == []
    # Reopening: the text comes first, grouped into the same events, then the whole corpus.
    [text] = previews
    assert [a.paragraphs for a in text.articles] == [a.paragraphs for a in first.articles]
    assert text.events == first.events and not text.links


FORK_CHECK = """
import sys, tempfile
from pathlib import Path
from reader.run import pool as parallel, pipeline
from reader.storage.cache import AnalysisCache

parallel.MIN_PARALLEL = {"fork": 4, "forkserver": 4, "spawn": 4}
pipeline.FIRST_UPDATE, pipeline.UPDATE_EVERY = 2, 3
if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder, AnalysisCache(Path(folder)) as cache:
        corpus = pipeline.analyse([Path(sys.argv[1])], cache=cache)
    print(len(corpus.articles), sorted(method for method, _ in parallel._pools))
"""


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_a_large_corpus_forks_its_workers_before_the_cache_writer_starts(tmp_path: Path) -> None:
    # The first batch is small; were it prepared here, the cache's writer thread would exist
    # before the pool and rule out forking (a pool from a server costs several times more).
    import subprocess
    import sys

    archive = tmp_path / "archive"
    write_archive(archive, {f"n{i}": f"Story {i} about the harbour\n\nThe harbour of Port {i} reopened on Monday.\n" for i in range(8)})
    script = tmp_path / "check.py"
    script.write_text(FORK_CHECK)
    output = subprocess.run([sys.executable, str(script), str(archive)], capture_output=True, text=True, check=True).stdout
    assert output.split()[0] == "8"
    assert output.strip().endswith("['fork']")


def test_a_cancelled_analysis_stops_after_the_chunk_it_is_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.run import pipeline

    archive = tmp_path / "archive"
    write_archive(archive, {f"n{i}": f"Story {i}\n\nThe harbour of Port {i} reopened on Monday.\n" for i in range(6)})
    prepared = count_prepared(monkeypatch)
    with pytest.raises(pipeline.AnalysisCancelled):
        pipeline.analyse([archive], cancelled=lambda: bool(prepared))
    assert len(prepared) == 1  # six articles go in chunks of one; nothing after the first was prepared or linked


@pytest.mark.parametrize(("arrival", "shown"), [("in order", [2, 4, 6]), ("last first", [6])])
def test_the_list_grows_in_corpus_order_whatever_order_work_arrives_in(
    arrival: str, shown: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.run import pipeline
    from reader.run.pool import Workers

    real_map = Workers.map

    class Finished:
        """Workers that hand back the chunks of two articles in the order `arrival` says."""

        def __init__(self, documents: list[Document]) -> None:
            self.prepared = [pipeline.prepare(d) for d in documents]

        def results(self, progress: object = None, on_chunk: Callable[[list[Article]], None] | None = None) -> list[Article]:
            starts = range(0, len(self.prepared), 2)
            for start in starts if arrival == "in order" else reversed(starts):
                assert on_chunk is not None
                on_chunk(self.prepared[start : start + 2])
            return self.prepared

    def map(self, function, items, **kwargs):  # type: ignore[no-untyped-def]
        return Finished(items) if function is pipeline.prepare else real_map(self, function, items, **kwargs)

    monkeypatch.setattr(Workers, "map", map)
    monkeypatch.setattr(pipeline, "FIRST_UPDATE", 2)
    monkeypatch.setattr(pipeline, "UPDATE_EVERY", 2)
    archive = tmp_path / "archive"
    write_archive(archive, {f"n{i}": f"Story {i}\n\nThe harbour of Port {i} reopened on Monday.\n" for i in range(6)})
    previews: list[Corpus] = []
    corpus = pipeline.analyse([archive], on_preview=previews.append)
    order = [a.id for a in corpus.articles]
    assert [len(p.articles) for p in previews] == shown
    for preview in previews:  # rows already shown keep their places
        assert [a.id for a in preview.articles] == order[: len(preview.articles)]


def test_a_cancelled_corpus_stage_drops_the_work_it_handed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.run import pipeline
    from reader.run.pool import Batch

    documents, _ = ingest.load([SEEDS])
    articles = [pipeline.prepare(d) for d in documents]
    dropped: list[int] = []
    original = Batch.cancel

    def cancel(self: Batch) -> None:  # type: ignore[type-arg]
        dropped.append(len(self.items))
        original(self)

    monkeypatch.setattr(Batch, "cancel", cancel)
    asked: list[int] = []

    def cancelled() -> bool:  # asked after unification, after attribution, then after grouping: quit there
        asked.append(1)
        return len(asked) >= 3

    with pytest.raises(pipeline.AnalysisCancelled):
        pipeline.link_corpus(articles, cancelled=cancelled)
    # Detection and term counts (collected), the mention clues and every article's sentences
    # (handed over, not yet collected) are all dropped; no event's links were handed over.
    assert sorted(dropped) == sorted([len(articles), len(articles), 1, len(articles)])
