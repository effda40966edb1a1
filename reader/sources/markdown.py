"""Markdown articles to blocks that keep their structure, and front matter to metadata.

markdown-it-py does the parsing, so emphasis, links and block quotes come out
as the words a reader sees; images leave no text. Headings, list items and
table rows stay blocks of their own kind so the view can show them as such;
code blocks stay literal, one block each, and the cleaner keeps them out of
the paragraphs every analysis stage reads.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.analysis.model import CELL, Block, Document
from reader.analysis.text.dates import parse_date
from reader.sources import front_matter

_PARSER = MarkdownIt("commonmark").enable("table")
_BULLETS = ("•", "◦", "▪")


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


@dataclass(slots=True)
class _Walk:
    """Where the token walk is: inside a heading, which lists, which table row."""

    blocks: list[Block] = field(default_factory=list)
    heading: bool = False
    lists: list[str] = field(default_factory=list)
    """Open lists, innermost last: "bullet" or "ordered"."""
    marker: str | None = None
    """The marker of a list item whose first paragraph is still to come."""
    cells: list[str] | None = None
    header: bool = False

    def inline(self, content: str) -> None:
        if self.cells is not None:
            self.cells.append(content.replace(CELL, " "))
        elif not content:
            return
        elif self.heading:
            self.blocks.append(Block(content, "heading"))
        elif self.lists:
            self.blocks.append(Block(content, "item", len(self.lists) - 1, self.marker or ""))
            self.marker = None
        else:
            self.blocks.append(Block(content, "paragraph"))

    def open_item(self, token: Token) -> None:
        depth = len(self.lists) - 1
        ordered = self.lists and self.lists[-1] == "ordered"
        self.marker = f"{token.info}{token.markup}" if ordered else _BULLETS[min(depth, len(_BULLETS) - 1)]


def blocks(text: str) -> tuple[Block, ...]:
    """Headings, paragraphs, list items, table rows and code blocks of a Markdown document, in order.

    HTML blocks are kept as paragraphs of their raw text so no words are lost
    silently; the cleaner decides what is junk.
    """
    walk = _Walk()
    for token in _PARSER.parse(text):
        kind = token.type
        if kind in ("heading_open", "heading_close"):
            walk.heading = kind == "heading_open"
        elif kind in ("bullet_list_open", "ordered_list_open"):
            walk.lists.append(kind.split("_")[0])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            walk.lists.pop()
        elif kind == "list_item_open":
            walk.open_item(token)
        elif kind in ("thead_open", "thead_close"):
            walk.header = kind == "thead_open"
        elif kind == "tr_open":
            walk.cells = []
        elif kind == "tr_close" and walk.cells is not None:
            walk.blocks.append(Block(CELL.join(walk.cells), "header" if walk.header else "row"))
            walk.cells = None
        elif kind == "inline":
            walk.inline(_inline_text(token))
        elif kind in ("fence", "code_block"):
            code = token.content.strip("\n")
            if code.strip():
                walk.blocks.append(Block(code, "code", marker=token.info.split()[0] if token.info.strip() else ""))
        elif kind == "html_block":
            walk.blocks.extend(Block(line, "paragraph") for line in token.content.split("\n") if line.strip())
    return tuple(walk.blocks)


def _date(text: str) -> str | None:
    """A front matter date as YYYY-MM-DD: YAML's own form ("2024-03-05", with a time or not) or written out."""
    iso = re.match(r"(\d{4})-(\d\d)-(\d\d)(?:[T ]|$)", text.strip())
    if iso:
        try:
            return datetime.date(*map(int, iso.groups())).isoformat()
        except ValueError:
            return None
    return parse_date(text)


def document(text: str, id: str, source: str, digest: str) -> tuple[Document, list[str]]:
    """The document of a Markdown file, with its front matter as metadata, and warnings about it."""
    matter, body, _lines, warning = front_matter.split(text)
    warnings = [warning] if warning else []
    if matter is None:
        return Document(id, source, blocks(text), digest), warnings
    date_text = matter.first(front_matter.DATE_KEYS)
    date = _date(date_text) if date_text else None
    if date_text and date is None:
        warnings.append(f"front matter date {date_text[:40]!r} is not a date the reader knows")
    url = matter.first(front_matter.URL_KEYS)
    return (
        Document(
            id,
            source,
            blocks(body),
            digest,
            url=url if url and url.startswith(("http://", "https://")) else None,
            title=matter.first(front_matter.TITLE_KEYS),
            author=matter.first(front_matter.AUTHOR_KEYS),
            date=date,
            site=matter.first(front_matter.SITE_KEYS),
        ),
        warnings,
    )
