"""Files the analysis could not read, listed under the articles instead of crashing the reader."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...analysis.model import Problem
from ..sanitize import clip, literal
from ..words import plural


class ProblemsList(VerticalScroll):
    """Each problem as "file: message", errors before warnings; hidden when there are none."""

    def __init__(self, problems: Sequence[Problem] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.problems = tuple(problems)

    def compose(self) -> ComposeResult:
        yield Static(id="problem-lines")

    def on_mount(self) -> None:
        self.show(self.problems)

    def show(self, problems: Sequence[Problem]) -> None:
        """Replace the listed problems."""
        self.problems = tuple(problems)
        self.display = bool(problems)
        self.border_title = plural(len(problems), "problem")
        self.border_subtitle = "Esc closes"
        lines = Text(end="")
        for problem in sorted(problems, key=lambda p: (p.severity != "error", p.source)):
            mark = "✖ " if problem.severity == "error" else "⚠ "
            lines.append(mark, style="bold red" if problem.severity == "error" else "bold yellow")
            lines.append_text(literal(clip(problem.source, 60), "bold"))
            lines.append(": ")
            lines.append_text(literal(clip(problem.message, 200)))
            lines.append("\n")
        lines.rstrip()
        self.query_one("#problem-lines", Static).update(lines)
