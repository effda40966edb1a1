"""Article addresses given on the command line: fetched, extracted and kept in the archive.

`reader URL [URL…]` opens them like files: each page is fetched (or found in
the archive, if it was fetched before), stored, and its stored copy is what
the reader reads. A page that cannot be had is a `Problem` with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from reader.analysis.model import Problem
from reader.fetch.feeds import now
from reader.fetch.web import Limits, Page, fetch_all
from reader.sources.html import Provenance, extract
from reader.storage.archive import Archive, Stored, canonical_url, text_hash


def is_url(argument: str) -> bool:
    """True for an http(s) address, as opposed to a path."""
    return urlsplit(argument).scheme in ("http", "https")


def fetch_pages(archive: Archive, urls: Sequence[str], limits: Limits | None = None) -> tuple[list[Path], list[Problem]]:
    """The archived copy of each address (fetched now unless stored before), and why any is missing."""
    paths: list[Path] = []
    problems: list[Problem] = []
    missing = []
    for url in urls:
        if (path := archive.file_of(url)) is not None:
            paths.append(path)
        else:
            missing.append(url)
    for url, page in zip(missing, fetch_all(missing, limits), strict=True):
        if isinstance(page, Problem):
            problems.append(page)
            continue
        stored = _store(archive, url, page)
        if isinstance(stored, Problem):
            problems.append(stored)
        else:
            paths.append(stored)
    return paths, problems


def _store(archive: Archive, url: str, page: Page) -> Path | Problem:
    blocks, meta = extract(page.content, page.url)
    if not blocks:
        return Problem(url, "no article text found in the page")
    fetched = now()
    header = Provenance(url=canonical_url(page.url), fetched=fetched).header()
    stored = Stored(
        url=url,
        page=header + page.content,
        text_hash=text_hash([block.text for block in blocks]),
        fetched=fetched,
        title=meta.get("title"),
        outlet=meta.get("site") or urlsplit(page.url).hostname,
    )
    try:
        path = archive.store(stored)
    except OSError as error:
        return Problem(url, f"cannot store in the archive: {error.strerror or error}")
    if path is None:  # the same text under another address: open the copy already kept
        path = archive.file_of_text(stored.text_hash)
    return path if path is not None else Problem(url, "could not be stored in the archive")
