"""Finding article files, reading them safely and turning them into documents.

A bad file never stops the corpus: every failure becomes a `Problem` for that
file and the rest still loads. Nothing here knows about cleaning; a
`Document` is the file's text split into blocks, exactly as written.
"""

from __future__ import annotations

import codecs
import hashlib
import itertools
import os
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath

from reader.analysis.model import Block, Document, Problem
from reader.sources.html import HTML_SUFFIXES
from reader.sources.reading import NotRegular, TooLarge, read_capped
from reader.terminal import path_text

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
    """Every article file under `paths`, in a stable order (see `find`)."""
    found, problems = find(paths)
    return [path for path, _ in found], problems


def find(paths: Iterable[Path]) -> tuple[list[tuple[Path, PurePath]], list[Problem]]:
    """Every article file under `paths` with its path relative to the folder it was found in.

    Files named directly are read whatever their suffix (their relative path is
    their name); inside folders only text, Markdown and HTML files are taken.
    Hidden entries are skipped and symbolic links to folders are not followed,
    so a link loop cannot trap the walk.
    """
    found: list[tuple[Path, PurePath]] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found.extend((file, file.relative_to(path)) for file in _walk(path, problems))
        elif path.exists() or path.is_symlink():
            found.append((path, PurePath(path.name)))  # `read` says what is wrong with one that is not a file
        else:
            problems.append(Problem(path_text(path), "no such file or folder"))
    return found, problems


def _walk(root: Path, problems: list[Problem]) -> list[Path]:
    def report(error: OSError) -> None:
        where = path_text(error.filename or root)
        problems.append(Problem(where, f"cannot open folder: {error.strerror or error}"))

    files: list[Path] = []
    for folder, dirs, names in os.walk(root, onerror=report):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            suffix = os.path.splitext(name)[1].lower()
            if not name.startswith(".") and (suffix in TEXT_SUFFIXES or suffix in MARKDOWN_SUFFIXES or suffix in HTML_SUFFIXES):
                files.append(Path(folder, name))
    return files


def assign_ids(found: Sequence[tuple[Path, PurePath]]) -> list[str]:
    """An id for each file: its stem where no other file has it, else the stem and a short hash of its path.

    A corpus without clashing stems keeps the ids it always had. Where stems
    clash, the hash is of the path relative to the opened folder, so ids stay
    the same across runs, with or without the cache, and wherever the folder
    is moved. Ids are unique by construction: a hash is lengthened while it
    meets any other id (a real `report-1a2b3c4d.txt`, or the same relative
    path under two opened folders, where the full path decides).
    """
    stems = [path_text(path.stem) for path, _ in found]
    counts = Counter(stems)
    taken = {stem for stem in stems if counts[stem] == 1}
    ids: list[str] = []
    for (path, relative), stem in zip(found, stems, strict=True):
        if counts[stem] == 1:
            ids.append(stem)
            continue
        chosen = _hashed(stem, (os.fsencode(relative), os.fsencode(path.absolute())), taken)
        taken.add(chosen)
        ids.append(chosen)
    return ids


def _hashed(stem: str, keys: Sequence[bytes], taken: set[str]) -> str:
    """`stem-<hash>` of the first key, lengthened (then the next key tried) until no other id has it."""
    for key in keys:
        digest = hashlib.blake2b(key, digest_size=20).hexdigest()
        for length in range(8, len(digest) + 1, 4):
            if (candidate := f"{stem}-{digest[:length]}") not in taken:
                return candidate
    # The same file named twice (a folder and a file in it): a counter; the duplicate check reports it.
    return next(f"{stem}-{number}" for number in itertools.count(2) if f"{stem}-{number}" not in taken)


def decode(data: bytes) -> tuple[str, str | None]:
    """Text of `data` and a warning when it was not UTF-8.

    UTF-8 (with or without a byte-order mark) first, or UTF-16 when a byte-order
    mark says so; then Windows-1252, which is what most mis-declared web text
    really is; latin-1 last, as it never fails.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(codecs.BOM_UTF32_LE):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: read as bytes below
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
    """True for data no article would hold: a NUL byte anywhere, or mostly control bytes."""
    if b"\x00" in data:
        return True
    sample = data[:4096]
    controls = len(sample.translate(None, _NOT_CONTROL))  # deleting the rest counts them in C
    return controls > len(sample) // 10


def read(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, id: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read one file into a `Document` (named `id`, by default its stem), or say why it cannot be read."""
    source = path_text(path)
    try:
        data = read_capped(path, max_bytes)
    except NotRegular as error:
        return None, [Problem(source, f"not a regular file ({error})")]
    except TooLarge as error:
        return None, [Problem(source, f"file too large ({error}; the limit is {max_bytes:,})")]
    except OSError as error:
        return None, [Problem(source, f"cannot read: {error.strerror or error}")]
    if not data.strip():
        return None, [Problem(source, "empty file")]
    wide = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not wide and looks_binary(data):
        return None, [Problem(source, "binary file, not text")]
    if path.suffix.lower() in HTML_SUFFIXES:
        from reader.sources.html import read_html  # trafilatura is only loaded when a page is read

        return read_html(data, source, id if id is not None else path_text(path.stem))
    text, warning = decode(data)
    if wide and looks_binary(text.encode("utf-8")):  # UTF-16 is full of NUL bytes: judge its text
        return None, [Problem(source, "binary file, not text")]
    problems = [Problem(source, warning, "warning")] if warning else []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    name = id if id is not None else path_text(path.stem)
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        from reader.sources import markdown  # markdown-it is only loaded when needed

        document, warnings = markdown.document(text, name, source, digest)
        return document, [*problems, *(Problem(source, warning, "warning") for warning in warnings)]
    return Document(name, source, tuple(map(Block, text.split("\n"))), digest), problems


def load(paths: Sequence[Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Document], list[Problem]]:
    """Read every article under `paths`; ids are file stems, unique by construction (see `assign_ids`)."""
    found, problems = find(paths)
    documents: list[Document] = []
    for (path, _), id in zip(found, assign_ids(found), strict=True):
        document, trouble = read(path, max_bytes=max_bytes, id=id)
        problems.extend(trouble)
        if document is not None:
            documents.append(document)
    return documents, problems


RACY_SECONDS = 2.0
"""A file changed this recently may change again within the same timestamp tick: never trust its stat."""


def fingerprint(paths: Sequence[Path], max_bytes: int, version: str) -> str | None:
    """A digest of which files `paths` holds and their size, times and inode, without reading them.

    Reading and hashing 10,000 files takes most of a second; asking for their
    status takes a few tens of milliseconds, which is what lets an unchanged
    archive reopen at once (the analysis cache remembers corpora by it, with
    the analysis `version`). None when a file was modified too recently for
    its timestamps to be trusted (the ordinary, content-hashed path is used).
    """
    files, problems = discover(paths)
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"analysis {version}\0max {max_bytes}\n".encode())
    newest = 0
    for path in files:
        try:
            info = path.stat()
        except OSError as error:
            digest.update(f"unreadable\0{path}\0{error.errno}\n".encode("utf-8", "surrogatepass"))
            continue
        newest = max(newest, info.st_mtime_ns)
        fields = (path, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
        digest.update("\0".join(map(str, fields)).encode("utf-8", "surrogatepass") + b"\n")
    for problem in problems:
        digest.update(f"problem\0{problem.source}\0{problem.message}\n".encode("utf-8", "surrogatepass"))
    if newest / 1e9 > time.time() - RACY_SECONDS:
        return None
    return digest.hexdigest()
