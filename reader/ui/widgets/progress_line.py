"""One line at the top while the analysis runs: what it is doing and a bar of how far it got.

Drawn as text rather than with Textual's `ProgressBar` (three widgets and a
clock), so it costs nothing in the first frame.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class ProgressLine(Widget):
    """"Analysing 12/40…" and a bar; `total == 0` means not known yet."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"progress-line--done", "progress-line--todo"}

    done: reactive[int] = reactive(0)
    total: reactive[int] = reactive(0)
    verb: reactive[str] = reactive("Analysing")
    """What is counted: "Analysing" articles, or "Fetching" feeds."""
    waiting: reactive[str] = reactive("Analysing…")
    """What is said while no count is known yet."""

    def render(self) -> Text:
        done, total = self.done, self.total
        if not total:
            label = self.waiting
        elif done < total:
            label = f"{self.verb} {done}/{total}…"
        else:
            label = "Linking articles…"
        line = Text(f"{label:<24}", no_wrap=True, end="")
        width = max(0, min(40, self.size.width - line.cell_len))
        filled = round(width * done / total) if total else 0
        line.append("━" * filled, style=self.get_component_rich_style("progress-line--done", partial=True))
        line.append("━" * (width - filled), style=self.get_component_rich_style("progress-line--todo", partial=True))
        if total:
            line.append(f" {100 * done // total:3d}%")
        return line
