"""Damaged and unwritable storage (issue 20, item 9): repaired, said once, and what was saved still read."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.storage import sqlite as sqlite_files
from reader.storage.cache import FILE_NAME, AnalysisCache
from reader.storage.state import FILE_NAME as STATE_FILE
from reader.storage.state import ArticleState, ReadingState

STORY = "Port reopens\nShips sailed again on Monday, the harbour master said.\n"


def export(news: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READER_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "reader", "export", str(news)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)


def drop(path: Path, table: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute(f"DROP TABLE {table}")
    connection.commit()
    connection.close()


@pytest.mark.parametrize("table", ["corpora", "articles", "fingerprints"])
def test_a_cache_with_a_dropped_table_is_rebuilt(tmp_path: Path, table: str) -> None:
    with AnalysisCache(tmp_path) as cache:
        assert cache.size() == (0, 0)
    drop(tmp_path / FILE_NAME, table)
    with AnalysisCache(tmp_path) as cache:
        assert len(cache.notices) == 1 and "rebuilt" in cache.notices[0]
    with AnalysisCache(tmp_path) as cache:
        assert cache.notices == ()
        assert cache.size() == (0, 0)


def test_cache_trouble_is_said_once(tmp_path: Path) -> None:
    news, cache = tmp_path / "news", tmp_path / "cache"
    news.mkdir()
    (news / "a.txt").write_text(STORY, "utf-8")
    assert export(news, cache).returncode == 0
    drop(cache / FILE_NAME, "corpora")
    damaged = export(news, cache)
    assert damaged.returncode == 0
    lines = damaged.stderr.splitlines()
    assert len(lines) == 1 and "cache" in lines[0], damaged.stderr
    again = export(news, cache)
    assert again.stderr == "" and again.stdout == damaged.stdout


def test_marks_are_read_when_the_state_cannot_be_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with ReadingState(tmp_path) as state:
        state.toggle_bookmark("k", 3)
        state.mark_read("k")
    real = sqlite_files.open_replacing_damage

    def read_only(path: Path, *args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(sqlite_files, "open_replacing_damage", read_only)
    with ReadingState(tmp_path) as state:
        assert state.get("k") == ArticleState(read=True, bookmarks=(3,))
        assert state.bookmarks() == [("k", 3)]
        assert not state.persistent
        assert len(state.notices) == 1 and "cannot be saved" in state.notices[0]
        state.toggle_bookmark("k", 5)  # lasts for the session
        assert state.get("k").bookmarks == (3, 5)
    monkeypatch.setattr(sqlite_files, "open_replacing_damage", real)
    with ReadingState(tmp_path) as state:
        assert state.get("k").bookmarks == (3,)  # the file was never touched


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through permissions")
def test_marks_are_read_from_a_read_only_folder(tmp_path: Path) -> None:
    with ReadingState(tmp_path) as state:
        state.toggle_bookmark("k", 3)
    (tmp_path / STATE_FILE).chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with ReadingState(tmp_path) as state:
            assert state.get("k").bookmarks == (3,) and not state.persistent
    finally:
        tmp_path.chmod(0o755)
