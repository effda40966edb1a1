"""A list of selectable rows drawn with Textual's line API, for lists of any length.

`OptionList` measures and renders every option up front; overriding its
private bookkeeping to avoid that tied the reader to one Textual release.
This widget is a `ScrollView` whose `render_line` paints only the rows on
screen (as toolong paints its log lines): a row's text is built the first
time it scrolls into view, and rows of known height are laid out by adding
heights, so a list of 10,000 articles costs no more to draw than one of 20.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class Row:
    """One entry: its text (or a function making it), an id, and whether it can be chosen.

    Args:
        prompt: The row's text, or a function that builds it when first drawn.
        id: What `Highlighted` and `Selected` report (None for headings and rules).
        enabled: False for headings and notes: the cursor skips them.
        height: Lines the text takes, if known without building it (it must not wrap).
            None: the text is wrapped to the list's width and measured.
    """

    __slots__ = ("_make", "_strips", "_text", "_width", "enabled", "height", "id", "rule")

    def __init__(
        self, prompt: Text | Callable[[], Text], *, id: str | None = None, enabled: bool = True, height: int | None = None
    ) -> None:
        self._make: Callable[[], Text] | None = None if isinstance(prompt, Text) else prompt
        self._text: Text | None = prompt if isinstance(prompt, Text) else None
        self.id = id
        self.enabled = enabled
        self.height = height
        self.rule = False
        self._strips: list[Strip] | None = None
        self._width = -1

    @classmethod
    def separator(cls) -> Row:
        """A one-line rule between sections."""
        row = cls(Text(""), enabled=False, height=1)
        row.rule = True
        return row

    @property
    def text(self) -> Text:
        if self._text is None:
            assert self._make is not None
            self._text, self._make = self._make(), None
        return self._text

    def forget(self) -> None:
        """Drop the rendered lines (styles or the text changed)."""
        self._strips = None


class LazyRows(Sequence[Row]):
    """`count` rows of one height whose row objects are made when first touched.

    A list of 10,000 search hits then costs what the rows on screen cost:
    making 10,000 `Row`s up front took most of the time before the list appeared.
    Row `n` has the id `str(n)`.
    """

    def __init__(self, count: int, make: Callable[[int], Text], height: int) -> None:
        self._count = count
        self._make = make
        self.height = height
        self._made: dict[int, Row] = {}

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> Row:  # type: ignore[override]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        row = self._made.get(index)
        if row is None:
            make = self._make
            row = self._made[index] = Row(lambda: make(index), id=str(index), height=self.height)
        return row

    def __setitem__(self, index: int, row: Row) -> None:
        self._made[index] = row

    def made(self) -> list[Row]:
        """The rows made so far (the only ones with anything drawn to forget)."""
        return list(self._made.values())

    def index_of(self, row_id: str) -> int | None:
        return int(row_id) if row_id.isdigit() and int(row_id) < self._count else None


class LineList(ScrollView, can_focus=True):
    """Rows with a highlight the keyboard moves; Enter or a click chooses the highlighted row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next entry", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Previous entry", show=False, id="list.up"),
        Binding("g,home", "first", "First entry", show=False, id="list.first"),
        Binding("G,end", "last", "Last entry", show=False, id="list.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("enter", "select", "Open", show=False, id="list.select"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"line-list--highlight", "line-list--rule"}

    highlighted: reactive[int | None] = reactive(None, repaint=False, init=False)
    """Index of the highlighted row, or None."""

    class _RowMessage(Message):
        def __init__(self, line_list: LineList, index: int, row_id: str | None) -> None:
            super().__init__()
            self.line_list = line_list
            self.index = index
            self.row_id = row_id

        @property
        def control(self) -> LineList:
            return self.line_list

    class Highlighted(_RowMessage, bubble=False):
        """The highlight moved to another row.

        Only the list itself listens (the links panel tints the words a link shares):
        not bubbling spares five dispatches up the tree on every cursor move.
        """

    class Selected(_RowMessage):
        """The user chose a row (Enter or a click)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[Row] | LazyRows = []
        self._starts: list[int] = [0]
        """First line of each row, and the total line count at the end."""
        self._by_id: dict[str, int] = {}
        self._laid_width = -1
        self._width = 0
        self._base = Style.null()

    # --- content -----------------------------------------------------------

    def set_rows(self, rows: Sequence[Row], highlighted: int | None = None) -> None:
        """Replace every row; the highlight goes to `highlighted` (None: no highlight)."""
        lines_before = self._starts[-1]
        self.rows = rows if isinstance(rows, LazyRows) else list(rows)
        self._by_id = {} if isinstance(rows, LazyRows) else {row.id: n for n, row in enumerate(self.rows) if row.id is not None}
        self._lay_out()
        self.set_reactive(LineList.highlighted, None)
        if highlighted is not None:
            self.highlighted = highlighted
        # Only the lines either set of rows covers: the blank ones below stay as painted, which
        # spares a short side panel most of its repaint on every link followed.
        self.refresh_lines(0, max(lines_before, self._starts[-1]))

    def __contains__(self, row_id: str) -> bool:
        return self.index_of(row_id) is not None

    def index_of(self, row_id: str) -> int | None:
        """Position of the row with this id, or None."""
        if isinstance(self.rows, LazyRows):
            return self.rows.index_of(row_id)
        return self._by_id.get(row_id)

    def _made_rows(self) -> Sequence[Row]:
        return self.rows.made() if isinstance(self.rows, LazyRows) else self.rows

    def replace_row(self, row_id: str, row: Row) -> bool:
        """Swap one row for another of the same height; False if no row has that id."""
        index = self.index_of(row_id)
        if index is None:
            return False
        self.rows[index] = row
        row.id = row_id
        self._refresh_row(index)
        return True

    def _width_now(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def _lay_out(self) -> None:
        """Where each row starts; rows of unknown height are wrapped to the width now."""
        width = self._width_now()
        sized = self.scrollable_content_region.width > 0
        # Before the first layout there is no width to wrap to: count one line, measure on resize.
        self._laid_width = width if sized else -1
        if isinstance(self.rows, LazyRows):
            step = self.rows.height
            self._starts = list(range(0, step * (len(self.rows) + 1), step))
            size = Size(width, self._starts[-1])
            if size != self.virtual_size:
                self.virtual_size = size
            return
        heights = (
            row.height if row.height is not None else (len(self._strips_of(row, width)) if sized else 1) for row in self.rows
        )
        self._starts = [0, *accumulate(heights)]
        size = Size(width, self._starts[-1])
        if size != self.virtual_size:
            self.virtual_size = size

    def on_resize(self, event: events.Resize) -> None:
        if self._width_now() != self._laid_width:
            for row in self._made_rows():
                row.forget()
            self._lay_out()
            self._scroll_to_highlight()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        for row in self._made_rows():
            row.forget()

    # --- painting ----------------------------------------------------------

    def _strips_of(self, row: Row, width: int) -> list[Strip]:
        if row._strips is not None and row._width == width:
            return row._strips
        if row.rule:
            style = self.get_component_rich_style("line-list--rule", partial=True)
            strips = [Strip([Segment("─" * width, style)], width)]
        else:
            console = self.app.console
            if row.height is None:
                lines = list(row.text.wrap(console, width))
            else:
                lines = list(row.text.split(allow_blank=True))[: row.height]
                for line in lines:
                    line.truncate(width, overflow="ellipsis")
            strips = [Strip(list(line.render(console)), line.cell_len).crop(0, width) for line in lines]
            strips.extend(Strip.blank(0) for _ in range((row.height or 0) - len(strips)))
        row._strips, row._width = strips, width
        return strips

    def render_lines(self, crop: Region) -> list[Strip]:
        # Resolved once per paint rather than per line: both walk the DOM.
        self._base = self.rich_style
        self._width = self._width_now()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        line = int(self.scroll_y) + y
        width, base = self._width, self._base
        if line >= self._starts[-1] or not self.rows:
            return Strip.blank(width, base)
        index = bisect_right(self._starts, line) - 1
        strips = self._strips_of(self.rows[index], width)
        offset = line - self._starts[index]
        strip = strips[offset] if offset < len(strips) else Strip.blank(0)
        style = base
        if index == self.highlighted:
            style = base + self.get_component_rich_style("line-list--highlight")
        return strip.extend_cell_length(width).crop(0, width).apply_style(style)

    def _refresh_row(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            self.refresh_lines(self._starts[index], self._starts[index + 1] - self._starts[index])

    # --- highlight ---------------------------------------------------------

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        if old is not None:
            self._refresh_row(old)
        if new is not None:
            self._refresh_row(new)
            self._scroll_to_highlight()
            self.post_message(self.Highlighted(self, new, self.rows[new].id))

    def validate_highlighted(self, value: int | None) -> int | None:
        if value is None or not self.rows:
            return None
        return max(0, min(value, len(self.rows) - 1))

    def _scroll_to_highlight(self) -> None:
        index = self.highlighted
        if index is None:
            return
        top, bottom = self._starts[index], self._starts[index + 1]
        height = self.scrollable_content_region.height or 1
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif bottom > self.scroll_y + height:
            self.scroll_to(y=max(top, bottom - height) if bottom - top <= height else top, animate=False)

    def _step(self, start: int, step: int) -> int | None:
        """The first enabled row from `start` on in direction `step`."""
        index = start
        while 0 <= index < len(self.rows):
            if self.rows[index].enabled:
                return index
            index += step
        return None

    def action_cursor_down(self) -> None:
        found = self._step(0 if self.highlighted is None else self.highlighted + 1, +1)
        if found is not None:
            self.highlighted = found

    def action_cursor_up(self) -> None:
        start = len(self.rows) - 1 if self.highlighted is None else self.highlighted - 1
        found = self._step(start, -1)
        if found is not None:
            self.highlighted = found

    def action_first(self) -> None:
        found = self._step(0, +1)
        if found is not None:
            self.highlighted = found

    def action_last(self) -> None:
        found = self._step(len(self.rows) - 1, -1)
        if found is not None:
            self.highlighted = found

    def _page(self, direction: int) -> None:
        height = self.scrollable_content_region.height or 1
        here = self._starts[self.highlighted] if self.highlighted is not None else 0
        line = max(0, min(here + direction * height, self._starts[-1] - 1))
        index = bisect_right(self._starts, line) - 1
        found = self._step(index, direction) or self._step(index, -direction)
        if found is not None:
            self.highlighted = found

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_select(self) -> None:
        index = self.highlighted
        if index is not None and self.rows[index].enabled:
            self.post_message(self.Selected(self, index, self.rows[index].id))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = int(self.scroll_y) + offset.y
        if not 0 <= line < self._starts[-1]:
            return
        index = bisect_right(self._starts, line) - 1
        if self.rows[index].enabled:
            self.highlighted = index
            self.action_select()
