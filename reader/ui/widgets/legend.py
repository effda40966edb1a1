"""A one-line key to the highlight colours, drawn with the same styles as the text."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from .. import highlights

_ITEMS = (
    ("person", "■ person"),
    ("org", "■ organisation"),
    ("place", "■ place"),
    ("other", "■ date/money"),
    ("quote", "“quote”"),
    ("quote-term", "‘term’"),
    ("insert", "inserted"),
    ("delete", "removed"),
    ("shared", "shared"),
    ("mark", "★ bookmark"),
    ("unread", "● unread"),
)


class Legend(Widget):
    """Names each entity colour, quote and diff style and mark, so colour is never the only cue.

    The right end shows where the cursor is ("¶ 3/24") and who is quoted there.
    Both are drawn by `render`, so a cursor move repaints this one line and
    never asks for a layout pass.
    """

    position: reactive[str] = reactive("")
    """Already sanitised text for the right end."""
    panel_hidden: reactive[bool] = reactive(False)
    """True when the links panel is off screen: the line then says how to bring it back."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: dict[tuple[str, int], Text] = {}
        """The key by the gap between its items and the styles' table, made once per theme:
        every cursor move repaints this line."""

    def _key(self, gap: str) -> Text:
        styles = highlights.styles(self.app)
        key = self._keys.get((gap, id(styles)))
        if key is None:
            key = Text(end="", no_wrap=True, overflow="ellipsis")
            for name, label in _ITEMS:
                key.append(label, style=styles[name])
                key.append(gap)
            key.rstrip()
            self._keys[(gap, id(styles))] = key
        return key.copy()  # the caller pads and truncates it

    def render_line(self, y: int) -> Strip:
        """The line drawn as one strip: half the time of Textual's general path for any
        renderable, and this line repaints on every cursor move."""
        width = self.content_size.width
        base = self.rich_style
        if y or width <= 0:
            return Strip.blank(width, base)
        line = self.render()
        return Strip(list(line.render(self.app.console)), line.cell_len).extend_cell_length(width).crop(0, width).apply_style(base)

    def render(self) -> Text:
        position = Text(self.position, no_wrap=True, overflow="ellipsis", end="")
        if self.panel_hidden:
            position = Text.assemble(("s", "bold"), " links  ", position, no_wrap=True, overflow="ellipsis", end="")
        width = self.content_size.width
        key = self._key("  ")
        if key.cell_len + position.cell_len + 2 > width:
            key = self._key(" ")  # closer together rather than cut short
        # The position wins the space; the key gives way on narrow terminals.
        position.truncate(max(0, width - 8), overflow="ellipsis")
        key.truncate(max(0, width - position.cell_len - 2), overflow="ellipsis")
        key.pad_right(max(0, width - key.cell_len - position.cell_len))
        key.append_text(position)
        return key
