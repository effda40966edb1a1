"""The `!` screen: every file the analysis could not read, and why."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from ...analysis.model import Problem
from ..widgets.problems import ProblemsList


class ProblemsScreen(ModalScreen[None]):
    """A list of problems over the reader, errors first; Escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,exclamation_mark", "close", "Close", show=False, id="problems.close"),
    ]

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__()
        self.problems = tuple(problems)

    def compose(self) -> ComposeResult:
        yield ProblemsList(self.problems, id="problems")

    def on_mount(self) -> None:
        self.query_one(ProblemsList).focus()

    def action_close(self) -> None:
        self.dismiss(None)
