"""Hostile folders (issue 20): clashing names, special files, endless devices, odd encodings.

Each test is a probe that once lost articles, hung or crashed; the slow ones
run the real command in a subprocess with a timeout or a memory limit, so a
regression fails the test instead of hanging or exhausting the machine.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis.model import Document
from reader.sources import files as ingest
from reader.storage.cache import AnalysisCache

GOOD = "Council approves budget\nThe council approved the budget on Monday.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def story(number: int) -> str:
    return f"Story number {number} here\nThe harbour master said ship {number} sailed on Monday.\n"


def export(*args: str, cache: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "READER_CACHE_DIR": str(cache)} if cache else None
    command = [sys.executable, "-m", "reader", "export", *([] if cache else ["--no-cache"]), *args]
    return subprocess.run(command, capture_output=True, env=env, timeout=timeout, check=False)


# -- 1. ids ---------------------------------------------------------------------------------------


def clashing(root: Path) -> list[Path]:
    """The probe: a real `report-2` next to two `report`s in other folders."""
    return [
        write(root / "report-2.txt", story(1)),
        write(root / "2019" / "report.txt", story(2)),
        write(root / "2020" / "report.txt", story(3)),
    ]


def test_clashing_stems_lose_no_article_and_ids_are_unique(tmp_path: Path) -> None:
    clashing(tmp_path)
    documents, problems = ingest.load([tmp_path])
    assert problems == []
    assert sorted(d.source for d in documents) == sorted(str(p) for p in tmp_path.rglob("*.txt"))
    ids = [d.id for d in documents]
    assert len(set(ids)) == 3 and "report-2" in ids
    assert [d.id for d in ingest.load([tmp_path])[0]] == ids  # stable


def test_a_unique_stem_is_the_id_and_clashing_ones_get_a_path_hash(tmp_path: Path) -> None:
    write(tmp_path / "alone.txt", story(1))
    write(tmp_path / "x" / "story.txt", story(2))
    write(tmp_path / "y" / "story.md", "# Story two\n\nThe port reopened on Monday.\n")
    ids = {d.source: d.id for d in ingest.load([tmp_path])[0]}
    assert ids[str(tmp_path / "alone.txt")] == "alone"
    clashed = [ids[str(tmp_path / "x" / "story.txt")], ids[str(tmp_path / "y" / "story.md")]]
    assert all(i.startswith("story-") and len(i) == len("story-") + 8 for i in clashed) and len(set(clashed)) == 2
    # Derived from the path relative to the opened root, so the same tree elsewhere keeps its ids.
    moved = tmp_path / "elsewhere"
    for path in tmp_path.rglob("*.*"):
        if moved not in path.parents:
            write(moved / path.relative_to(tmp_path), path.read_text("utf-8"))
    again = {Path(d.source).relative_to(moved): d.id for d in ingest.load([moved])[0]}
    assert again == {Path(s).relative_to(tmp_path): i for s, i in ids.items()}


def test_ids_are_unique_even_against_a_file_named_like_a_hashed_id(tmp_path: Path) -> None:
    write(tmp_path / "a" / "story.txt", story(1))
    write(tmp_path / "b" / "story.txt", story(2))
    taken = [d.id for d in ingest.load([tmp_path])[0]]
    write(tmp_path / f"{taken[0]}.txt", story(3))  # a real file whose stem is the hashed id
    ids = [d.id for d in ingest.load([tmp_path])[0]]
    assert len(ids) == 3 and len(set(ids)) == 3


def test_same_names_under_two_opened_folders_stay_distinct(tmp_path: Path) -> None:
    write(tmp_path / "one" / "story.txt", story(1))
    write(tmp_path / "two" / "story.txt", story(2))
    documents, _ = ingest.load([tmp_path / "one", tmp_path / "two"])
    assert len({d.id for d in documents}) == 2


def test_cached_articles_keep_unique_ids(tmp_path: Path) -> None:
    """The cache re-keys articles per document: a cached copy must not bring back a clash."""
    news = tmp_path / "news"
    clashing(news)
    cold = export(str(news), cache=tmp_path / "cache")
    write(news / "2021" / "report.txt", story(4))  # one more clash: the corpus is analysed again, from the article cache
    warm = export(str(news), cache=tmp_path / "cache")
    plain = export(str(news))
    assert cold.returncode == warm.returncode == plain.returncode == 0, warm.stderr
    ids = [a["id"] for a in json.loads(warm.stdout)["articles"]]
    assert len(ids) == 4 and len(set(ids)) == 4
    assert warm.stdout == plain.stdout


def test_the_cache_loads_under_each_documents_own_id(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path) as cache:
        from reader.run import pipeline

        first = Document("a", "a.txt", ingest.load([write(tmp_path / "a.txt", GOOD)])[0][0].blocks, "h1")
        cache.store_articles([pipeline.prepare(first)])
        cache.flush()
        twins = [Document("x-1", "x/a.txt", first.blocks, "h1"), Document("y-2", "y/a.txt", first.blocks, "h1")]
        loaded = cache.load_articles(twins)
    assert [(a.id, a.source) for a in loaded if a] == [("x-1", "x/a.txt"), ("y-2", "y/a.txt")]


# -- 2. special files -----------------------------------------------------------------------------


def test_a_named_pipe_is_a_problem_not_a_hang(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    result = export(str(tmp_path), timeout=60)
    data = json.loads(result.stdout)
    assert [a["id"] for a in data["articles"]] == ["good"]
    assert [(p["source"], "not a regular file" in p["message"]) for p in data["problems"]] == [(str(tmp_path / "pipe.txt"), True)]


def test_sockets_devices_and_vanished_files_are_reported(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", GOOD)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.txt"))
    (tmp_path / "null.txt").symlink_to("/dev/null")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere")
    try:
        documents, problems = ingest.load([tmp_path])
    finally:
        server.close()
    assert [d.id for d in documents] == ["good"]
    messages = {Path(p.source).name: p.message for p in problems}
    assert messages == {
        "gone.txt": "cannot read: No such file or directory",
        "null.txt": "not a regular file (character device)",
        "sock.txt": "not a regular file (socket)",
    }


# -- 4. the size cap ------------------------------------------------------------------------------

CAPPED = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from reader.sources import files
documents, problems = files.load([Path(sys.argv[1])])
print([d.id for d in documents], [p.message for p in problems])
"""


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_an_endless_device_is_refused_within_the_cap(tmp_path: Path, device: str) -> None:
    write(tmp_path / "good.txt", GOOD)
    (tmp_path / "endless.txt").symlink_to(device)
    result = subprocess.run([sys.executable, "-c", CAPPED, str(tmp_path)], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "['good'] ['not a regular file (character device)']"


def test_the_cap_holds_while_reading_whatever_stat_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that grows after its size was asked for (or lies about it) is still cut at the cap."""
    path = write(tmp_path / "big.txt", "word " * 1000)
    real_stat, real_fstat = os.stat, os.fstat

    def empty(info: os.stat_result) -> os.stat_result:
        return os.stat_result((*info[:6], 0, *info[7:10]))

    monkeypatch.setattr(os, "stat", lambda *a, **k: empty(real_stat(*a, **k)))
    monkeypatch.setattr(os, "fstat", lambda fd: empty(real_fstat(fd)))
    document, problems = ingest.read(path, max_bytes=100)
    assert document is None and "too large" in problems[0].message


# -- 6. names that are not UTF-8 --------------------------------------------------------------------


def test_a_name_that_is_not_utf8_is_shown_losslessly_in_both_exports(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9 \xff.txt", "w", encoding="utf-8") as handle:
        handle.write(GOOD)
    with open(folder + b"/dup\xe9.txt", "w", encoding="utf-8") as handle:
        handle.write(GOOD)  # a duplicate: its problem names the other file
    json_run, markdown_run = export(str(tmp_path)), export("--format", "markdown", str(tmp_path))
    assert json_run.returncode == markdown_run.returncode == 0, json_run.stderr
    data = json.loads(json_run.stdout)
    assert [a["id"] for a in data["articles"]] == ["caf\\xe9 \\xff"]
    assert data["articles"][0]["source"] == str(tmp_path) + "/caf\\xe9 \\xff.txt"
    assert "caf\\xe9 \\xff.txt" in data["problems"][0]["message"]
    assert "caf\\\\xe9 \\\\xff.txt" in markdown_run.stdout.decode("utf-8")  # its backslashes escaped for Markdown
    assert "dup\\xe9.txt" in json_run.stderr.decode("utf-8")


# -- 9. encodings and NUL -----------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("\ufeff".encode(encoding) + "Café owners “furious”\nRent doubles.\n".encode(encoding))
    documents, problems = ingest.load([path])
    assert problems == [] and [b.text for b in documents[0].blocks][:2] == ["Café owners “furious”", "Rent doubles."]


def test_a_nul_anywhere_is_refused_alike(tmp_path: Path) -> None:
    early = tmp_path / "early.txt"
    late = tmp_path / "late.txt"
    early.write_bytes(GOOD.encode() + b"\x00" + b"x" * 10)
    late.write_bytes(GOOD.encode() + b"x" * 70_000 + b"\x00tail\n")
    documents, problems = ingest.load([tmp_path])
    assert documents == [] and [p.message for p in problems] == ["binary file, not text"] * 2
