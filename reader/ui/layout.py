"""Lays an article out as terminal rows once per width, so scrolling and cursor moves stay cheap.

An article becomes a list of `Block`s (title, byline, paragraphs, removed
lines) and each block is wrapped into rows of at most `width` cells. Only
the offsets of each row are kept; the styled text of a row is produced when
the row is first painted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rich.cells import cell_len, get_character_cell_size

from ..analysis.model import CELL, Article, Shape
from .sanitize import printable

BLANK = -1
"""Block index of a spacing row between blocks."""


@dataclass(frozen=True, slots=True)
class Block:
    """One wrapped unit of the article view."""

    kind: str
    """"title", "subtitle", "meta", "paragraph", "code" or "removed"."""
    text: str
    """Sanitised text, exactly as displayed (a code block's lines joined by newlines)."""
    index: int = -1
    """Paragraph number (paragraphs) or position in `Article.removed` (removed lines)."""
    split: int = 0
    """For removed lines: where the reason starts in `text`."""
    shape: str = ""
    """For paragraphs of Markdown structure: "heading", "item", "header" or "row" (`Shape.kind`)."""
    marker: str = ""
    """Drawn before a list item's first row ("• ", "2. "), indented by its depth."""
    tight: bool = False
    """No blank row before it: the next item of a list, the next row of a table."""
    widths: tuple[int, ...] = ()
    """A table row's column widths, when the table fits the view: its cells are padded to them."""

    @property
    def indent(self) -> int:
        """Cells drawn left of the text: a list item's marker and its depth."""
        return len(self.marker)


@dataclass(frozen=True, slots=True)
class Layout:
    """Rows of an article at one width: `rows[y] == (block, start, end)`."""

    blocks: tuple[Block, ...]
    rows: tuple[tuple[int, int, int], ...]
    first_row: tuple[int, ...]
    """Row of each block's first line."""
    row_count: tuple[int, ...]
    """Number of rows each block occupies."""
    paragraph_block: tuple[int, ...]
    """Block index of each paragraph."""
    width: int


def article_blocks(article: Article, show_removed: bool) -> tuple[Block, ...]:
    """The blocks of `article` in reading order; removed lines only when asked for."""
    blocks = []
    lead = article.paragraphs[0] if article.paragraphs else ""
    if not (article.title and lead.startswith(article.title.removesuffix("…"))):
        # A title made from the lead (no headline) would show the first sentence twice.
        blocks.append(Block("title", printable(article.title or article.source)))
    if article.subtitle:
        blocks.append(Block("subtitle", printable(article.subtitle)))
    meta = [part for part in (article.byline, article.outlet, article.date) if part]
    if meta:
        blocks.append(Block("meta", printable(" · ".join(meta))))
    if article.url:  # a web article: where it lives (o opens it) and when it was fetched
        fetched = f" · fetched {article.fetched[:16].replace('T', ' ')}" if article.fetched else ""
        blocks.append(Block("meta", printable(article.url + fetched)))
    removed_before: dict[int, list[int]] = {}
    if show_removed:
        for number, line in enumerate(article.removed):
            removed_before.setdefault(line.before, []).append(number)
    code_before: dict[int, list[Block]] = {}
    for code in article.code:
        lines = (printable(line.expandtabs(4)) for line in code.text.split("\n"))
        code_before.setdefault(code.before, []).append(Block("code", "\n".join(lines)))
    shapes = {shape.paragraph: shape for shape in article.shapes}
    previous: Shape | None = None
    for number, paragraph in enumerate(article.paragraphs):
        blocks.extend(_removed_blocks(article, removed_before.get(number, ())))
        blocks.extend(code_before.get(number, ()))
        shape = shapes.get(number)
        tight = shape is not None and previous is not None and _same_run(previous, shape) and blocks[-1].kind == "paragraph"
        blocks.append(_paragraph_block(number, printable(paragraph), shape, tight))
        previous = shape
    blocks.extend(code_before.get(len(article.paragraphs), ()))
    blocks.extend(_removed_blocks(article, removed_before.get(len(article.paragraphs), ())))
    return tuple(blocks)


def _same_run(previous: Shape, shape: Shape) -> bool:
    """Items of one list, rows of one table: drawn without blank rows between them."""
    return shape.paragraph == previous.paragraph + 1 and (
        (shape.kind == previous.kind == "item") or (shape.kind == "row" and previous.kind in ("header", "row"))
    )


def _paragraph_block(number: int, text: str, shape: Shape | None, tight: bool) -> Block:
    if shape is None:
        return Block("paragraph", text, number)
    marker = ""
    if shape.kind == "item":
        marker = "  " * shape.depth + (f"{shape.marker} " if shape.marker else "  ")
    return Block("paragraph", text, number, shape=shape.kind, marker=marker, tight=tight)


def table_widths(blocks: list[Block], width: int) -> list[Block]:
    """Rows of each table padded to common column widths, when the widest row fits `width`."""
    result = list(blocks)
    run: list[int] = []
    for number in range(len(result) + 1):
        block = result[number] if number < len(result) else None
        if block is not None and block.shape in ("header", "row") and (block.tight or not run):
            run.append(number)
            continue
        if run:
            cells = [result[i].text.split(CELL) for i in run]
            columns = max(len(row) for row in cells)
            widths = tuple(max((cell_len(row[c]) for row in cells if c < len(row)), default=0) for c in range(columns))
            if sum(widths) + len(CELL) * (columns - 1) <= width:
                for i in run:
                    result[i] = replace(result[i], widths=widths)
        run = [number] if block is not None and block.shape in ("header", "row") else []
    return result


def _removed_blocks(article: Article, numbers: list[int] | tuple[()]) -> list[Block]:
    blocks = []
    for number in numbers:
        line = article.removed[number]
        text = printable(line.text.strip()) or "(blank)"
        reason = printable(f"  ✂ {line.reason}")
        blocks.append(Block("removed", text + reason, number, split=len(text)))
    return blocks


@lru_cache(maxsize=64)
def _row_pattern(width: int) -> re.Pattern[str]:
    # Greedy word wrap in one regex pass: the longest run of at most `width`
    # characters that ends before a space, or a hard cut of an over-long word.
    return re.compile(rf"[^\S\n]*(?:.{{1,{width}}}(?=\s|$)|\S{{{width}}})\s*")


def wrap_starts(text: str, width: int) -> list[int]:
    """Offsets where each row of `text` starts when wrapped to `width` cells."""
    width = max(1, width)
    if len(text) <= width and text.isascii():
        return [0]
    if cell_len(text) == len(text):
        starts = [match.start() for match in _row_pattern(width).finditer(text)]
        return starts or [0]
    return _wrap_cells(text, width)


def _wrap_cells(text: str, width: int) -> list[int]:
    """Slow path for wide characters (CJK, emoji): measure each character."""
    starts = [0]
    column = 0
    word_start = 0
    word_cells = 0
    for offset, char in enumerate(text):
        cells = get_character_cell_size(char)
        if char == " ":
            word_start, word_cells = offset + 1, 0
            column += 1
            continue
        if column + cells > width:
            if word_start > starts[-1] and word_cells + cells <= width:
                starts.append(word_start)
                column = word_cells
            else:
                starts.append(offset)
                column, word_start, word_cells = 0, offset, 0
        column += cells
        word_cells += cells
    return starts


def code_starts(text: str, width: int) -> list[int]:
    """Rows of a code block: each line of its own, cut (never re-flowed) where it is too long."""
    starts: list[int] = []
    offset = 0
    for line in text.split("\n"):
        starts.extend(range(offset, offset + max(1, len(line)), max(1, width)))
        offset += len(line) + 1
    return starts


def lay_out(blocks: tuple[Block, ...], width: int) -> Layout:
    """Wrap every block to `width` cells, with a blank row between blocks."""
    rows: list[tuple[int, int, int]] = []
    first_row: list[int] = []
    row_count: list[int] = []
    paragraph_block: list[int] = []
    if any(block.shape in ("header", "row") for block in blocks):
        blocks = tuple(table_widths(list(blocks), width))
    for number, block in enumerate(blocks):
        if number and not block.tight:
            rows.append((BLANK, 0, 0))
        first_row.append(len(rows))
        if block.kind == "code":
            starts = code_starts(block.text, width)
        elif block.widths:
            starts = [0]  # a table row that fits is one row, padded when painted
        else:
            starts = wrap_starts(block.text, width - block.indent)
        ends = [*starts[1:], len(block.text)]
        rows.extend((number, start, end) for start, end in zip(starts, ends, strict=True))
        row_count.append(len(starts))
        if block.kind == "paragraph":
            paragraph_block.append(number)
    return Layout(tuple(blocks), tuple(rows), tuple(first_row), tuple(row_count), tuple(paragraph_block), width)
