"""Two articles of one event in aligned columns: linked paragraphs on the same row, one scroll.

It uses Textual's line API like the article view: both articles are wrapped
once per width (`layout.wrap_starts`) and `render_line` paints only the rows
on screen, styling a paragraph (its word-level differences from the paragraph
beside it) the first time it is painted. A key therefore repaints the rows on
screen, however long the articles are. Below WIDE columns each paragraph of
the left article is followed by its counterpart from the right, indented.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...analysis.compare.alignment import Row
from ...analysis.model import Anchor, Article
from ...analysis.text.worddiff import changed_spans
from ..layout import wrap_starts
from ..sanitize import printable

WIDE = 100
"""From this many columns the articles stand in two columns; below, one above the other per row."""
RULE = " │ "
INDENT = "  ┃ "
"""Marks the counterpart paragraph under its paragraph in the one-column layout."""

Line = tuple[int, int, int]
"""One-column layouts: (row, side 0 or 1, line of that side's paragraph); two-column layouts:
(row, line of the left paragraph, line of the right one), -1 for a side that has run out.
SPACING in the second place marks the blank line between two rows."""
SPACING = -9


class AlignedView(ScrollView, can_focus=True):
    """Rows of two aligned articles; `j`/`k` move a row cursor, and both columns scroll as one."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "aligned-view--only", "aligned-view--cut", "aligned-view--added", "aligned-view--cursor", "aligned-view--rule",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Next row", show=False),
        Binding("k,up", "move(-1)", "Previous row", show=False),
        Binding("g,home", "move(-1000000)", "Top", show=False),
        Binding("G,end", "move(1000000)", "Bottom", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]

    cursor: reactive[int] = reactive(0, repaint=False)
    """Index of the row under the cursor."""

    class RowChosen(Message):
        """Enter on a row: open that paragraph (the left one, else the right one) in the reader."""

        def __init__(self, target: Anchor) -> None:
            super().__init__()
            self.target = target

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.left: Article | None = None
        self.right: Article | None = None
        self.rows: tuple[Row, ...] = ()
        self._lines: list[Line] = []
        self._first_line: list[int] = []
        self._wraps: dict[tuple[int, int], list[int]] = {}
        self._wrapped: dict[tuple[str, int, int], list[int]] = {}
        """Row starts by (article, paragraph, width), kept across `show`: swapping sides re-wraps nothing."""
        self._styled: dict[tuple[int, int], Text] = {}
        self._laid_width = -1
        self._wide = True

    def show(self, left: Article, right: Article, rows: tuple[Row, ...], row: int = 0) -> None:
        """Align `left` and `right` as `rows` (from `compare.alignment.align`), the cursor on `row`."""
        self.left, self.right, self.rows = left, right, rows
        self._styled.clear()
        self._laid_width = -1
        self._lay_out()
        self.set_reactive(AlignedView.cursor, max(0, min(row, len(rows) - 1)))
        self._scroll_to_cursor(center=True)
        self.refresh()

    def swap(self) -> None:
        """Put the right article on the left, the cursor on the same row.

        The alignment is mirrored, not worked out again, and so is the two-column layout:
        the wrapped lines do not change, only their sides (a swap repainted in 30 ms before).
        """
        if self.left is None or self.right is None:
            return
        self.left, self.right = self.right, self.left
        self.rows = tuple((b, a) for a, b in self.rows)
        self._styled.clear()  # the marks change sides: what the left cut, the right added
        if self._wide and self._laid_width != -1:
            self._wraps = {(1 - side, paragraph): starts for (side, paragraph), starts in self._wraps.items()}
            self._lines = [(row, b, a) if a != SPACING else (row, a, b) for row, a, b in self._lines]
        else:
            self._laid_width = -1
            self._lay_out()
        self.refresh()

    @property
    def wide(self) -> bool:
        return self._wide

    def on_resize(self) -> None:
        first = self._laid_width == -1
        self._lay_out()
        if first:
            self._scroll_to_cursor(center=True)
        self.refresh()

    def _text(self, side: int, paragraph: int) -> str:
        article = self.left if side == 0 else self.right
        return printable(article.paragraphs[paragraph]) if article is not None else ""

    def _lay_out(self) -> None:
        width = self.scrollable_content_region.width or self.size.width
        if width <= 0 or width == self._laid_width:
            return
        self._laid_width = width
        self._wide = width >= WIDE
        column = (width - len(RULE)) // 2 if self._wide else width - len(INDENT)
        self._wraps = {}
        lines: list[Line] = []
        first: list[int] = []
        for number, pair in enumerate(self.rows):
            if number:
                lines.append((number, SPACING, 0))
            first.append(len(lines))
            counts = []
            for side, paragraph in enumerate(pair):
                if paragraph is not None:
                    article = self.left if side == 0 else self.right
                    key = (article.id if article is not None else "", paragraph, column)
                    starts = self._wrapped.get(key)
                    if starts is None:
                        starts = self._wrapped[key] = wrap_starts(self._text(side, paragraph), column)
                    self._wraps[side, paragraph] = starts
                    counts.append(len(starts))
                else:
                    counts.append(0)
            if self._wide:
                lines.extend((number, i if i < counts[0] else -1, i if i < counts[1] else -1) for i in range(max(counts)))
            else:
                lines.extend((number, 0, i) for i in range(counts[0]))
                lines.extend((number, 1, i) for i in range(counts[1]))
        self._lines, self._first_line = lines, first
        self.virtual_size = Size(width, len(lines))

    # --- keys --------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + step))

    def action_page(self, step: int) -> None:
        if not self.rows:
            return
        target = self._first_line[self.cursor] + step * max(1, self.size.height - 2)
        self.cursor = self._row_at(max(0, min(len(self._lines) - 1, target)))

    def _row_at(self, line: int) -> int:
        return self._lines[line][0] if self._lines else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self._refresh_row(old)
        self._refresh_row(new)

    def _refresh_row(self, row: int) -> None:
        if 0 <= row < len(self._first_line):
            start = self._first_line[row]
            end = self._first_line[row + 1] if row + 1 < len(self._first_line) else len(self._lines)
            self.refresh(Region(0, start - int(self.scroll_y), self.size.width, end - start))

    def _scroll_to_cursor(self, center: bool = False) -> None:
        if not self._first_line:
            return
        start = self._first_line[self.cursor]
        end = self._first_line[self.cursor + 1] if self.cursor + 1 < len(self._first_line) else len(self._lines)
        height = max(1, self.size.height)
        top = int(self.scroll_y)
        if center:
            self.scroll_to(y=max(0, start - height // 3), animate=False, immediate=True)
        elif start < top:
            self.scroll_to(y=start, animate=False, immediate=True)
        elif end > top + height:
            self.scroll_to(y=min(start, end - height), animate=False, immediate=True)

    def choose_row(self) -> None:
        """Post `RowChosen` for the row under the cursor."""
        if not self.rows or self.left is None or self.right is None:
            return
        left, right = self.rows[self.cursor]
        target = Anchor(self.left.id, left) if left is not None else Anchor(self.right.id, right or 0)
        self.post_message(self.RowChosen(target))

    # --- painting ------------------------------------------------------------

    def _paragraph(self, row: int, side: int) -> Text:
        """One side of a row, styled: shaded when the other side has nothing, else its own words marked."""
        key = (row, side)
        found = self._styled.get(key)
        if found is None:
            pair = self.rows[row]
            paragraph = pair[side]
            assert paragraph is not None
            found = Text(self._text(side, paragraph), end="")
            other = pair[1 - side]
            if other is None:
                found.stylize(self.get_component_rich_style("aligned-view--only", partial=True))
            else:
                gone, new = changed_spans(self._text(0, pair[0] or 0), self._text(1, pair[1] or 0))
                name = "aligned-view--cut" if side == 0 else "aligned-view--added"
                style = self.get_component_rich_style(name, partial=True)
                for start, end in gone if side == 0 else new:
                    found.stylize(style, start, end)
            self._styled[key] = found
        return found

    def _piece(self, row: int, side: int, line: int, width: int, fill: Style) -> list[Segment]:
        """One line of one side as segments exactly `width` cells wide (blank where the side has none)."""
        paragraph = self.rows[row][side]
        if paragraph is None or line < 0:
            return [Segment(" " * width, fill)]
        starts = self._wraps[side, paragraph]
        text = self._paragraph(row, side)
        end = starts[line + 1] if line + 1 < len(starts) else len(text.plain)
        piece = text[starts[line] : end]
        piece.rstrip()
        return Segment.adjust_line_length(list(piece.render(self.app.console)), width, style=fill)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base = self.rich_style
        self._cursor_style = self._base + self.get_component_rich_style("aligned-view--cursor", partial=True)
        self._rule_style = self._base + self.get_component_rich_style("aligned-view--rule", partial=True)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        # Built as segments and made into one Strip: every Strip operation makes a new Strip with
        # caches of its own, and chains of them were most of a swap's repaint.
        width = self.scrollable_content_region.width
        index = int(self.scroll_y) + y
        if index >= len(self._lines):
            return Strip.blank(width, self._base)
        row, a, b = self._lines[index]
        if a == SPACING:
            return Strip.blank(width, self._base)
        fill = self._cursor_style if row == self.cursor else self._base
        if self._wide:
            column = (width - len(RULE)) // 2
            segments = self._piece(row, 0, a, column, fill)
            segments.append(Segment(RULE, self._rule_style))
            segments += self._piece(row, 1, b, width - column - len(RULE), fill)
        elif a == 0:
            segments = self._piece(row, 0, b, width, fill)
        else:
            segments = [Segment(INDENT, self._rule_style), *self._piece(row, 1, b, width - len(INDENT), fill)]
        line = Segment.adjust_line_length(segments, width, style=fill)
        return Strip(Segment.apply_style(line, self._base), width)
