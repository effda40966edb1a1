"""Reading files: every bad input becomes a per-file problem and the rest still loads."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from reader.sources import files as ingest

GOOD = "Council approves budget\nThe council approved the budget on Monday.\n"


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_folders_are_read_recursively_and_only_articles_taken(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", GOOD.encode())
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    write(tmp_path / "sub" / "deeper", "b.md", b"# Title here\n\nBody text.\n")
    write(tmp_path, "image.png", b"\x89PNG\r\n")
    write(tmp_path, ".hidden.txt", GOOD.encode())
    documents, problems = ingest.load([tmp_path])
    assert [d.id for d in documents] == ["a", "b"]
    assert problems == []


def test_utf8_with_bom(tmp_path: Path) -> None:
    documents, problems = ingest.load([write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + GOOD.encode())])
    assert documents[0].blocks[0].text == "Council approves budget"
    assert problems == []


def test_cp1252_falls_back_with_a_warning(tmp_path: Path) -> None:
    data = "Caf\u00e9 owners \u201cfurious\u201d over rent\n".encode("cp1252")
    documents, problems = ingest.load([write(tmp_path, "old.txt", data)])
    assert documents[0].blocks[0].text == "Caf\u00e9 owners \u201cfurious\u201d over rent"
    assert len(problems) == 1 and problems[0].severity == "warning" and "cp1252" in problems[0].message


def test_undecodable_in_cp1252_falls_back_to_latin1(tmp_path: Path) -> None:
    documents, problems = ingest.load([write(tmp_path, "odd.txt", b"Price \x81 rises\n")])
    assert documents[0].blocks[0].text == "Price \x81 rises"
    assert "latin-1" in problems[0].message


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("binary.txt", b"\x00\x01\x02\x03PK\x00", "binary file"),
        ("controls.txt", b"Header\n" + bytes(range(1, 32)) * 8, "binary file"),  # no NUL, mostly control bytes
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t\n", "empty file"),
    ],
)
def test_bad_files_are_reported_and_the_rest_loads(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    write(tmp_path, "good.txt", GOOD.encode())
    write(tmp_path, name, data)
    documents, problems = ingest.load([tmp_path])
    assert [d.id for d in documents] == ["good"]
    assert len(problems) == 1 and message in problems[0].message and problems[0].source.endswith(name)


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    documents, problems = ingest.load([tmp_path / "nowhere.txt"])
    assert documents == [] and problems[0].message == "no such file or folder"


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.txt", b"word " * 1000)
    documents, problems = ingest.load([path], max_bytes=100)
    assert documents == [] and "too large" in problems[0].message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", GOOD.encode())
    path.chmod(0)
    documents, problems = ingest.load([tmp_path])
    assert documents == [] and "cannot read" in problems[0].message


def test_unreadable_file_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root ignores permissions, so simulate the refusal the way the OS reports it."""
    path = write(tmp_path, "secret.txt", GOOD.encode())

    def refuse(where: object, *_: object) -> int:
        raise PermissionError(13, "Permission denied", str(where))

    monkeypatch.setattr(os, "open", refuse)
    documents, problems = ingest.load([path])
    assert documents == [] and problems[0].message == "cannot read: Permission denied"


def test_symlink_loop_does_not_trap_the_walk(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", GOOD.encode())
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    documents, _ = ingest.load([tmp_path])
    assert [d.id for d in documents] == ["a"]


def test_files_sharing_a_stem_get_distinct_ids(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, "story.txt", f"Headline {folder}\nBody {folder}.\n".encode())
    documents, _ = ingest.load([tmp_path])
    ids = [d.id for d in documents]
    assert len(set(ids)) == 2 and all(i.startswith("story-") for i in ids)


def test_bundled_seeds_are_found() -> None:
    files, problems = ingest.discover([ingest.bundled_seeds()])
    assert len(files) == 5 and problems == []


def test_file_vanishing_between_listing_and_reading(tmp_path: Path) -> None:
    keep = write(tmp_path, "keep.txt", GOOD.encode())
    gone = write(tmp_path, "gone.txt", GOOD.encode())
    files, _ = ingest.discover([tmp_path])
    gone.unlink()
    results = [ingest.read(path) for path in files]
    assert [doc.id for doc, _ in results if doc] == [keep.stem]
    assert [p.message for _, found in results for p in found] == ["cannot read: No such file or directory"]


def test_a_folder_of_ten_thousand_files(tmp_path: Path) -> None:
    for number in range(10_000):
        (tmp_path / f"{number:05d}.txt").write_text(f"Story {number} here\nBody of story {number}.\n", "utf-8")
    documents, problems = ingest.load([tmp_path])
    assert len(documents) == 10_000 and problems == []
    assert documents[0].id == "00000" and documents[-1].id == "09999"
