"""The command line: cache flags and subcommands, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def reader(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READER_CACHE_DIR": str(cache), "READER_DATA_DIR": str(cache.parent / "data")}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, encoding="utf-8", env=env, check=False
    )


def corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("Port reopens\nShips sailed again on Monday, the harbour master said.\n", "utf-8")
    return folder


def test_no_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    result = reader("export", "--no-cache", str(corpus(tmp_path / "news")), cache=cache)
    assert result.returncode == 0, result.stderr
    assert not cache.exists() or not any(cache.iterdir())


def test_export_fills_the_cache_and_the_second_run_agrees(tmp_path: Path) -> None:
    cache, news = tmp_path / "cache", corpus(tmp_path / "news")
    first = reader("export", str(news), cache=cache)
    assert (cache / "analysis.sqlite3").exists()
    second = reader("export", str(news), cache=cache)
    assert json.loads(first.stdout) == json.loads(second.stdout)


def test_changed_file_is_analysed_again(tmp_path: Path) -> None:
    cache, news = tmp_path / "cache", corpus(tmp_path / "news")
    reader("export", str(news), cache=cache)
    (news / "a.txt").write_text("Port closes\nStorms shut the harbour on Tuesday.\n", "utf-8")
    data = json.loads(reader("export", str(news), cache=cache).stdout)
    assert data["articles"][0]["paragraphs"] == ["Storms shut the harbour on Tuesday."]


def test_truncated_cache_is_rebuilt_with_a_notice(tmp_path: Path) -> None:
    cache, news = tmp_path / "cache", corpus(tmp_path / "news")
    reader("export", str(news), cache=cache)
    path = cache / "analysis.sqlite3"
    path.write_bytes(path.read_bytes()[:100])
    result = reader("export", str(news), cache=cache)
    assert result.returncode == 0
    assert json.loads(result.stdout)["articles"][0]["title"] == "Port reopens"
    assert "cache" in result.stderr.lower()


def test_cache_clear(tmp_path: Path) -> None:
    cache, news = tmp_path / "cache", corpus(tmp_path / "news")
    reader("export", str(news), cache=cache)
    result = reader("cache", "clear", cache=cache)
    assert result.returncode == 0 and "cache cleared" in result.stdout
