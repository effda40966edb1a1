"""A list of one-line rows with a cursor, painted with Textual's line API.

`OptionList` measures and renders every option through its visual pipeline,
which made the event page of a large event slow to open; these rows are Rich
`Text`s made once, and only the rows on screen are rendered, so opening a page
of a thousand rows costs what a page of forty does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

Prompt = Text | Callable[[], Text]
"""A row's text, or how to make it: rows are made the first time they are painted."""


class SheetLines(ScrollView, can_focus=True):
    """Rows of text; the cursor skips rows that cannot be chosen, Enter posts `Chosen`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"sheet-lines--cursor"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Down", show=False),
        Binding("k,up", "move(-1)", "Up", show=False),
        Binding("g,home", "move(-1000000)", "Top", show=False),
        Binding("G,end", "move(1000000)", "Bottom", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """The row under the cursor (None when no row can be chosen)."""

    class Chosen(Message):
        """Enter on a row that can be chosen."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.prompts: list[Prompt] = []
        self.enabled: list[bool] = []

    def prompt_at(self, index: int) -> Text:
        """Row `index`'s text, made now if it was given as a maker."""
        prompt = self.prompts[index]
        if not isinstance(prompt, Text):
            prompt = self.prompts[index] = prompt()
            prompt.no_wrap, prompt.overflow, prompt.end = True, "ellipsis", ""
        return prompt

    def set_rows(self, prompts: Sequence[Prompt], enabled: Sequence[bool]) -> None:
        """Replace every row; the cursor goes to the first row that can be chosen."""
        self.prompts, self.enabled = list(prompts), list(enabled)
        self.virtual_size = Size(self.size.width, len(self.prompts))
        self.set_reactive(SheetLines.highlighted, None)
        self.highlighted = next((n for n, on in enumerate(self.enabled) if on), None)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def replace_prompt(self, index: int, prompt: Prompt) -> None:
        """Change one row's text (repaints that row only)."""
        self.prompts[index] = prompt
        self._refresh_row(index)

    def _refresh_row(self, index: int | None) -> None:
        if index is not None:
            self.refresh(Region(0, index - int(self.scroll_y), self.size.width, 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        if new is not None:
            height = max(1, self.size.height)
            top = int(self.scroll_y)
            if new < top + 1:
                self.scroll_to(y=max(0, new - 1), animate=False, immediate=True)
            elif new >= top + height:
                self.scroll_to(y=new - height + 1, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        if self.highlighted is None:
            return
        direction = 1 if step > 0 else -1
        index, target = self.highlighted, self.highlighted
        for _ in range(abs(step)):
            index += direction
            while 0 <= index < len(self.enabled) and not self.enabled[index]:
                index += direction
            if not 0 <= index < len(self.enabled):
                break
            target = index
        self.highlighted = target

    def action_page(self, step: int) -> None:
        if self.highlighted is None:
            return
        wanted = max(0, min(len(self.enabled) - 1, self.highlighted + step * max(1, self.size.height - 1)))
        # The nearest row that can be chosen, looking the way we moved first.
        ahead = range(wanted, len(self.enabled)) if step > 0 else range(wanted, -1, -1)
        behind = range(wanted, -1, -1) if step > 0 else range(wanted, len(self.enabled))
        self.highlighted = next((n for n in ahead if self.enabled[n]), next((n for n in behind if self.enabled[n]), None))

    def action_choose(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Chosen(self.highlighted))

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.prompts))

    def render_lines(self, crop: Region) -> list[Strip]:
        # Read once per paint, not per row: asking the widget its region for each row was a tenth of a paint.
        self._base = self.rich_style
        self._cursor = self._base + self.get_component_rich_style("sheet-lines--cursor", partial=True)
        self._width = self.scrollable_content_region.width
        self._top = int(self.scroll_y)
        self._rich_console = self.app.console
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self._width
        index = self._top + y
        if index >= len(self.prompts):
            return Strip.blank(width, self._base)
        style = self._cursor if index == self.highlighted else self._base
        text = self.prompt_at(index)
        return Strip(list(text.render(self._rich_console)), text.cell_len).crop_extend(0, width, style).apply_style(style)
