"""A small unchanged corpus is read from the cache before the first frame, so that frame shows its list and text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader import cli
from reader.run import pipeline
from reader.sources.files import DEFAULT_MAX_BYTES
from reader.storage.cache import AnalysisCache

TEXTS = {
    "quake": "Strong quake shakes coast\n\nBuildings swayed in Lima for a minute.\n",
    "strike": "Dockers walk out\n\nPort workers in Rotterdam stopped work at dawn.\n",
}
LIMIT = DEFAULT_MAX_BYTES


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in TEXTS.items():
        path = folder / f"{name}.txt"
        path.write_text(text)
        past = path.stat().st_mtime - 60  # older than the fingerprint's racy window
        os.utime(path, (past, past))
    return folder


def test_a_small_stored_corpus_is_read_at_once(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with AnalysisCache() as cache:
        assert pipeline.unchanged_small([folder], cache, max_bytes=LIMIT)[0] is None  # nothing stored yet
        analysed = pipeline.analyse([folder], cache=cache, max_bytes=LIMIT)
    with AnalysisCache() as cache:
        assert pipeline.unchanged_small([folder], cache, max_bytes=LIMIT)[0] == analysed
        # Larger than the limit: left to the analysis worker, which shows it as it arrives.
        corpus, fingerprint = pipeline.unchanged_small([folder], cache, max_bytes=LIMIT, within=100)
        assert corpus is None
        # The fingerprint it took is handed to the analysis, which then finds the corpus without taking it again.
        monkeypatch.setattr(pipeline.files, "fingerprint", lambda *_: pytest.fail("fingerprint taken twice"))
        assert pipeline.analyse([folder], cache=cache, max_bytes=LIMIT, fingerprint=fingerprint) == analysed


def test_a_changed_file_is_not_read_from_the_cache_before_the_first_frame(folder: Path) -> None:
    with AnalysisCache() as cache:
        pipeline.analyse([folder], cache=cache, max_bytes=LIMIT)
    (folder / "quake.txt").write_text("Quake damage assessed\n\nEngineers inspected bridges near Lima.\n")
    with AnalysisCache() as cache:
        assert pipeline.unchanged_small([folder], cache, max_bytes=LIMIT)[0] is None


def test_the_reader_opens_with_the_stored_corpus(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with AnalysisCache() as cache:
        analysed = pipeline.analyse([folder], cache=cache, max_bytes=LIMIT)
    given: list[object] = []

    def run(app: object) -> None:
        given.append(app.corpus)  # type: ignore[attr-defined]

    from reader.ui.app import ReaderApp

    monkeypatch.setattr(ReaderApp, "run", run)
    assert cli.main([str(folder)]) == 0
    assert cli.main(["--no-cache", str(folder)]) == 0
    assert given == [analysed, None]  # without a cache the analysis worker reads the files as before
