"""Reading state: survives restarts and kill -9, recovers from a damaged file, answers instantly."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from reader.analysis.model import Article
from reader.storage.state import FILE_NAME, ArticleState, ReadingState, state_key

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


def article(name: str, content_hash: str = "") -> Article:
    return Article(name, f"/news/{name}.txt", name.title(), ("One.", "Two.", "Three."), content_hash=content_hash)


def test_restart_restores_position_read_marks_and_bookmarks(data_dir: Path) -> None:
    storm = article("storm", "hash-storm")
    with ReadingState() as state:
        assert state.get(storm) == ArticleState()
        state.mark_read(storm)
        state.set_position(storm, 2)
        assert state.toggle_bookmark(storm, 1) is True
        assert state.toggle_bookmark(storm, 0) is True
        assert state.toggle_bookmark("other-key", 4) is True
    assert (data_dir / FILE_NAME).exists()
    with ReadingState() as state:
        assert state.get(storm) == ArticleState(read=True, position=2, bookmarks=(0, 1))
        assert state.bookmarks() == [("hash-storm", 1), ("hash-storm", 0), ("other-key", 4)]
        assert state.notices == ()
        assert state.persistent


def test_toggling_twice_removes_the_bookmark_and_unread_undoes_read(data_dir: Path) -> None:
    with ReadingState() as state:
        assert state.toggle_bookmark("k", 3) is True
        assert state.toggle_bookmark("k", 3) is False
        state.mark_read("k")
        state.mark_read("k", read=False)
        state.set_position("k", -5)
    with ReadingState() as state:
        assert state.get("k") == ArticleState(read=False, position=0, bookmarks=())


def test_state_follows_the_content_hash_and_falls_back_to_the_id(data_dir: Path) -> None:
    assert state_key(article("a", "h1")) == "h1"
    assert state_key(article("a")) == "id:a"
    with ReadingState() as state:
        state.set_position(article("original", "same-bytes"), 1)
        state.set_position(article("no-hash"), 2)
    with ReadingState() as state:
        assert state.get(article("renamed-copy", "same-bytes")).position == 1
        assert state.get(article("no-hash")).position == 2
        found = state.get_many([article("x", "same-bytes"), article("no-hash"), article("never-seen", "zzz")])
        assert found == {"same-bytes": ArticleState(position=1), "id:no-hash": ArticleState(position=2)}


def test_forget_drops_everything_about_an_article(data_dir: Path) -> None:
    with ReadingState() as state:
        state.mark_read("gone")
        state.toggle_bookmark("gone", 1)
        state.toggle_bookmark("kept", 1)
        state.forget("gone")
    with ReadingState() as state:
        assert state.get("gone") == ArticleState()
        assert state.bookmarks() == [("kept", 1)]


def test_calls_are_fast_and_safe_from_many_threads(data_dir: Path) -> None:
    with ReadingState() as state:
        started = time.perf_counter()
        for i in range(300):
            state.set_position(f"article-{i % 30}", i)
        per_call = (time.perf_counter() - started) / 300
        assert per_call < 0.001  # the UI thread never waits for a disk sync

        def mark(offset: int) -> None:
            for i in range(50):
                state.toggle_bookmark("shared", offset * 100 + i)

        threads = [threading.Thread(target=mark, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert state.flush(timeout=30)
    with ReadingState() as state:
        assert len(state.get("shared").bookmarks) == 200
        assert state.get("article-29").position == 299


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.storage.state import ReadingState

    state = ReadingState(Path(sys.argv[1]))
    for i in range(100_000):
        state.set_position(f"article-{i}", i)
        state.toggle_bookmark(f"article-{i}", i % 7)
        state.flush()
        print(i, flush=True)
    """
)


@pytest.mark.parametrize("stop_after", [37, 211])
def test_kill_9_loses_nothing_that_was_committed(tmp_path: Path, stop_after: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    committed: list[int] = []
    for line in child.stdout:
        committed.append(int(line))
        if len(committed) >= stop_after:
            child.send_signal(signal.SIGKILL)  # while it is in the middle of later writes
            break
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    with ReadingState(tmp_path) as state:
        assert state.notices == ()
        for i in committed:
            assert state.get(f"article-{i}") == ArticleState(position=i, bookmarks=(i % 7,))


@pytest.mark.parametrize("damage", ["garbage", "truncate"])
def test_a_damaged_file_is_kept_aside_and_replaced(data_dir: Path, damage: str) -> None:
    with ReadingState() as state:
        for i in range(200):
            state.set_position(f"article-{i}", i)
    path = data_dir / FILE_NAME
    data = path.read_bytes()
    damaged = os.urandom(len(data)) if damage == "garbage" else data[: len(data) // 2]
    path.write_bytes(damaged)
    with ReadingState() as state:
        assert state.notices and "damaged" in state.notices[0]
        assert state.get("article-3") == ArticleState()
        state.set_position("article-3", 9)
    backups = [p for p in data_dir.iterdir() if p.name.startswith(f"{FILE_NAME}.corrupt-")]
    assert len(backups) == 1 and backups[0].read_bytes() == damaged
    with ReadingState() as state:
        assert state.notices == ()
        assert state.get("article-3").position == 9


def test_a_file_of_another_layout_is_kept_aside(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    connection = sqlite3.connect(data_dir / FILE_NAME)
    connection.execute("CREATE TABLE notes (x)")
    connection.execute("PRAGMA user_version = 7")
    connection.commit()
    connection.close()
    with ReadingState() as state:
        assert state.notices and "layout" in state.notices[0]
        assert state.toggle_bookmark("k", 1) is True
    with ReadingState() as state:
        assert state.get("k").bookmarks == (1,)


def test_an_unusable_folder_keeps_state_for_the_session(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with ReadingState(blocker) as state:
        assert not state.persistent
        assert state.notices and "cannot be saved" in state.notices[0]
        state.mark_read("k")
        assert state.toggle_bookmark("k", 2) is True
        assert state.get("k") == ArticleState(read=True, bookmarks=(2,))
        assert state.flush(timeout=1)


def test_damage_found_while_running_rewrites_the_state_from_memory(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.storage import state as module

    real_apply = module._apply
    failures = [sqlite3.DatabaseError("database disk image is malformed")]

    def apply_once_damaged(connection: sqlite3.Connection, change: tuple[object, ...]) -> None:
        if failures and change[1] == "article-2":
            raise failures.pop()
        real_apply(connection, change)

    with ReadingState() as state:
        for i in range(50):
            state.set_position(f"article-{i}", i)
        state.toggle_bookmark("article-1", 4)
        assert state.flush(timeout=30)
        monkeypatch.setattr(module, "_apply", apply_once_damaged)
        state.set_position("article-2", 40)
        assert state.flush(timeout=30)
        assert state.notices and "damaged" in state.notices[0]
    assert [p.name for p in data_dir.iterdir() if ".corrupt-" in p.name][:1]
    with ReadingState() as state:
        assert state.notices == ()
        assert state.get("article-2").position == 40
        assert state.get("article-1") == ArticleState(position=1, bookmarks=(4,))
        assert state.get("article-49").position == 49


def test_settings_survive_a_restart_and_an_old_file_gains_them(data_dir: Path) -> None:
    storm = article("storm", "hash-storm")
    with ReadingState() as state:
        state.mark_read(storm)
    # A file from before settings existed: drop the table, as such a file lacks it.
    connection = sqlite3.connect(data_dir / FILE_NAME)
    connection.execute("DROP TABLE settings")
    connection.commit()
    connection.close()
    with ReadingState() as state:
        assert state.get(storm).read  # the old marks are kept
        assert state.setting("sort") is None
        state.set_setting("sort", "outlet")
    with ReadingState() as state:
        assert state.setting("sort") == "outlet"
        assert not state.notices


def test_read_ids_and_bookmarked_answer_for_articles_not_keys() -> None:
    from reader.storage.state import MemoryState

    storm, flood = article("storm", "hash-storm"), article("flood")
    state = MemoryState()
    state.mark_read(flood)
    state.toggle_bookmark(flood, 2)
    state.toggle_bookmark(storm, 0)
    state.toggle_bookmark(storm, 9)  # past the end of the article: not listed
    assert state.read_ids([storm, flood]) == {"flood"}
    assert state.bookmarked([storm, flood]) == [(flood, 2), (storm, 0)]
    assert not state.persistent
