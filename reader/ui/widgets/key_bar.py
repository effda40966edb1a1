"""The bottom line: the few keys that matter now, read from the active bindings.

Textual's `Footer` builds a widget per key and recomposes whenever bindings
change, which made up a large share of the reader's first frame. This bar is
one line of text, repainted (not recomposed) when bindings change; a click on
a key presses it, as with `Footer`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """Keys whose binding has `show=True`, then the command palette key on the right."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []
        """(first cell, last cell + 1, key) of each key shown, for clicks."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        text_style = self.get_component_rich_style("key-bar--description", partial=True)
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        self._spans = []
        seen: set[str] = set()
        palette = None
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if key == self.app.COMMAND_PALETTE_BINDING:
                palette = (key, active)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            self._append(line, key, self.app.get_key_display(binding), binding.description, key_style, text_style)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            key, active = palette
            display = self.app.get_key_display(active.binding)
            # Right-aligned, where Textual's footer puts it.
            line.pad_right(max(0, self.size.width - line.cell_len - len(display) - len(" palette ") - 2))
            self._append(line, key, display, "palette", key_style, text_style)
        return line

    def _append(self, line: Text, key: str, display: str, description: str, key_style, text_style) -> None:  # type: ignore[no-untyped-def]
        start = line.cell_len
        line.append(f" {display} ", style=key_style)
        line.append(f"{description} ", style=text_style)
        self._spans.append((start, line.cell_len, key))

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                break
