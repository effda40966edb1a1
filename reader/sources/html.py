"""A web page (a saved .html file or a fetched page) to a `Document`.

The main text and the publisher's metadata (title, author, date, site name,
canonical address) are found by trafilatura, the field's standard extractor;
what it leaves (teasers, captions, comment prompts) is for our own cleaner,
like any other text. Its output tree is mapped to blocks so that headings stay
headings and each paragraph, quotation or list item is one block, never reflowed.

A page the reader archived starts with a comment holding what only the fetch
knew (the address, the feed, the time, a note when the text came from the
feed instead of the page): `<!-- reader: {"url": ...} -->`. A page saved by a
browser may carry `<!-- saved from url=(0042)https://... -->`; both are read.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from reader.analysis.model import Block, Document, Problem

HTML_SUFFIXES = frozenset({".html", ".htm"})

_HEADER = re.compile(rb"\A\s*<!--\s*reader:\s*(\{.*?\})\s*-->", re.S)
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
_SPACES = re.compile(r"\s+")
_TEXT_TAGS = frozenset({"p", "head", "quote", "item", "row", "code"})
"""trafilatura's output elements that are one block each (a table row is one line of its cells)."""


@dataclass(frozen=True, slots=True)
class Provenance:
    """What the fetch knew about a page, written at the top of an archived copy."""

    url: str | None = None
    feed: str | None = None
    fetched: str | None = None
    note: str | None = None
    """Why the text is not the page's own (it came from the feed), for the user to see."""

    def header(self) -> bytes:
        """The comment line that carries this provenance at the top of an archived page."""
        pairs = (("url", self.url), ("feed", self.feed), ("fetched", self.fetched), ("note", self.note))
        values = {key: value for key, value in pairs if value}
        # "--" cannot appear inside an HTML comment; JSON's \u escape keeps the value intact.
        return b"<!-- reader: " + json.dumps(values).replace("--", "-\\u002d").encode("ascii") + b" -->\n"


def provenance(data: bytes) -> Provenance:
    """The provenance comment at the top of `data`, or the browser's "saved from" mark, or nothing."""
    if match := _HEADER.match(data[:8192]):
        try:
            values = json.loads(match.group(1))
        except ValueError:
            values = {}
        if isinstance(values, dict):
            fields = {key: str(values[key]) for key in ("url", "feed", "fetched", "note") if values.get(key)}
            return Provenance(**fields)
    if match := _SAVED_FROM.search(data[:4096]):
        return Provenance(url=match.group(1).decode("ascii", "replace"))
    return Provenance()


def _text(element: object) -> str:
    for breaks in element.iter("lb"):  # type: ignore[attr-defined]
        breaks.tail = " " + (breaks.tail or "")
    return _SPACES.sub(" ", "".join(element.itertext())).strip()  # type: ignore[attr-defined]


def _blocks(body: object) -> list[Block]:
    """One block per text element of trafilatura's output, headings kept as headings."""
    blocks: list[Block] = []
    for element in body:  # type: ignore[attr-defined]
        tag = element.tag
        nested = tag == "quote" and any(child.tag in _TEXT_TAGS for child in element)
        if tag in _TEXT_TAGS and not nested:
            if tag == "row":
                text = " | ".join(_text(cell) for cell in element)
            else:
                text = _text(element)
            if text:
                blocks.append(Block(text, "heading" if tag == "head" else "paragraph"))
        else:  # lists, tables, divisions and nested quotations hold text elements
            blocks.extend(_blocks(element))
    return blocks


def extract(data: bytes | str, url: str | None = None, *, metadata: bool = True) -> tuple[list[Block], dict[str, str | None]]:
    """The page's main text as blocks, and the metadata found in its markup (none when not asked for).

    `fast` skips trafilatura's second-opinion extractors (readability, jusText):
    on article pages they rarely change the result and cost several times more.
    Reading the metadata is about 40% of the work: a fetch, which only needs the
    text (to compare with the feed's and to recognise the same story twice), skips it.
    """
    import trafilatura  # loaded only when a page is read: it brings lxml and friends

    def run(favor_recall: bool) -> Any:  # a trafilatura Document (never a dict: as_dict is not asked for)
        return trafilatura.bare_extraction(
            data,
            url=url,
            fast=not favor_recall,
            favor_recall=favor_recall,
            include_comments=False,
            include_tables=True,
            with_metadata=metadata,
        )

    result = run(favor_recall=False)
    if result is not None and result.body is not None and len(result.body) == 1 and len(result.text or "") < 1000:
        # Too little text for the main extractor: its last resort runs the whole page into one
        # paragraph (a teaser above a paywall). Asked to favour recall it keeps the page's structure,
        # and what that lets through (the paywall's prompt) is our cleaner's business.
        result = run(favor_recall=True) or result
    if result is None or result.body is None:
        return [], {}
    if not metadata:
        return _blocks(result.body), {}
    meta = {"title": result.title, "author": result.author, "date": result.date, "site": result.sitename, "url": result.url}
    return _blocks(result.body), {key: (value or None) for key, value in meta.items()}


def read_html(data: bytes, source: str, name: str) -> tuple[Document | None, list[Problem]]:
    """A `Document` from page bytes, or the reason there is none; a note from the archive becomes a warning."""
    origin = provenance(data)
    try:
        blocks, meta = extract(data, origin.url)
    except Exception as error:
        return None, [Problem(source, f"cannot extract the page's text: {type(error).__name__}: {error}")]
    problems = [Problem(source, origin.note, "warning")] if origin.note else []
    if not blocks:
        return None, [*problems, Problem(source, "no article text found in the page")]
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    document = Document(
        name,
        source,
        tuple(blocks),
        digest,
        url=origin.url or meta.get("url"),
        feed=origin.feed,
        fetched=origin.fetched,
        title=meta.get("title"),
        author=meta.get("author"),
        date=meta.get("date"),
        site=meta.get("site"),
    )
    return document, problems
