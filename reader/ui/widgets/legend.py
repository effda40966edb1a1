"""A one-line key to the highlight colours, drawn with the same styles as the text."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

_ITEMS = (
    ("person", "person"),
    ("org", "organisation"),
    ("place", "place"),
    ("other", "date/money"),
    ("quote", "“quote”"),
    ("quote-term", "‘term’"),
)


class Legend(Static):
    """Names each entity colour and quote style, so colour is never the only cue."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"legend--{name}" for name, _label in _ITEMS}

    def on_mount(self) -> None:
        self._draw()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self.call_later(self._draw)

    def _draw(self) -> None:
        line = Text(end="", no_wrap=True, overflow="ellipsis")
        for name, label in _ITEMS:
            style = self.get_component_rich_style(f"legend--{name}", partial=True)
            if not name.startswith("quote"):
                line.append("■ ", style=style)
            line.append(label, style=style)
            line.append("  ")
        self.update(line)


class Position(Widget):
    """Where the cursor is ("¶ 3/24"), beside the legend.

    A plain reactive render rather than `Label.update`, which asks for a
    layout pass of the whole screen on every cursor move.
    """

    text: reactive[str] = reactive("")

    def render(self) -> Text:
        return Text(self.text, no_wrap=True, overflow="ellipsis", end="")
