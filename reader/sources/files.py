"""Finding article files, reading them safely and turning them into documents.

A bad file never stops the corpus: every failure becomes a `Problem` for that
file and the rest still loads. Nothing here knows about cleaning; a
`Document` is the file's text split into blocks, exactly as written.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from reader.analysis.model import Block, Document, Problem
from reader.sources.html import HTML_SUFFIXES

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""Larger files are refused with a message: no news article is this long, a log or dump is."""


def bundled_seeds() -> Path:
    """The folder of seed articles shipped with the package (wheel) or the checkout (editable)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    return here / "seeds"


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Every article file under `paths`, in a stable order.

    Files named directly are read whatever their suffix; inside folders only
    text, Markdown and HTML files are taken. Hidden entries are skipped and symbolic
    links to folders are not followed, so a link loop cannot trap the walk.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(_walk(path, problems))
        elif path.exists():
            problems.append(Problem(str(path), "not a regular file or folder"))
        else:
            problems.append(Problem(str(path), "no such file or folder"))
    return found, problems


def _walk(root: Path, problems: list[Problem]) -> list[Path]:
    def report(error: OSError) -> None:
        problems.append(Problem(str(error.filename or root), f"cannot open folder: {error.strerror or error}"))

    files: list[Path] = []
    for folder, dirs, names in os.walk(root, onerror=report):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            suffix = os.path.splitext(name)[1].lower()
            if not name.startswith(".") and (suffix in TEXT_SUFFIXES or suffix in MARKDOWN_SUFFIXES or suffix in HTML_SUFFIXES):
                files.append(Path(folder, name))
    return files


def decode(data: bytes) -> tuple[str, str | None]:
    """Text of `data` and a warning when it was not UTF-8.

    UTF-8 (with or without a byte-order mark) first; then Windows-1252, which
    is what most mis-declared web text really is; latin-1 last, as it never fails.
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        where = error.start
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, f"not valid UTF-8 (byte {where}); read as {encoding}"
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


_NOT_CONTROL = bytes(byte for byte in range(256) if byte >= 32 or byte in (9, 10, 12, 13, 27))
"""Bytes text may hold anywhere: printable ones, and tab, newline, form feed, return and escape."""


def looks_binary(data: bytes) -> bool:
    """True for data no article would hold: NUL bytes, or mostly control bytes."""
    if b"\x00" in data[:65536]:
        return True
    sample = data[:4096]
    controls = len(sample.translate(None, _NOT_CONTROL))  # deleting the rest counts them in C
    return controls > len(sample) // 10


def read(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document | None, list[Problem]]:
    """Read one file into a `Document`, or say why it cannot be read."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [Problem(source, f"file too large ({size:,} bytes; the limit is {max_bytes:,})")]
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(source, f"cannot read: {error.strerror or error}")]
    if not data.strip():
        return None, [Problem(source, "empty file")]
    if looks_binary(data):
        return None, [Problem(source, "binary file, not text")]
    if path.suffix.lower() in HTML_SUFFIXES:
        from reader.sources.html import read_html  # trafilatura is only loaded when a page is read

        return read_html(data, source, path.stem)
    text, warning = decode(data)
    problems = [Problem(source, warning, "warning")] if warning else []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        from reader.sources.markdown import blocks as markdown_blocks  # markdown-it is only loaded when needed

        blocks = markdown_blocks(text)
    else:
        blocks = tuple(map(Block, text.split("\n")))
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    return Document(path.stem, source, blocks, digest), problems


def load(paths: Sequence[Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Document], list[Problem]]:
    """Read every article under `paths`; ids are file stems, made unique where two files share one."""
    files, problems = discover(paths)
    documents: list[Document] = []
    seen: dict[str, int] = {}
    for path in files:
        document, found = read(path, max_bytes=max_bytes)
        problems.extend(found)
        if document is None:
            continue
        count = seen.get(document.id, 0) + 1
        seen[document.id] = count
        if count > 1:
            document = replace(document, id=f"{document.id}-{count}")
        documents.append(document)
    return documents, problems
