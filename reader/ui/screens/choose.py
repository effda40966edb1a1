"""Small dialogs for the comparison screens: pick one of a list, or type a new name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..sanitize import clip, content, printable


class Picker(ModalScreen[str | None]):
    """Choose one of `choices` ((id, label) pairs): Enter picks, Escape cancels (None)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]
    DEFAULT_CSS = """
    Picker { align: center middle; }
    Picker > Vertical { width: 80%; max-width: 100; height: auto; max-height: 80%;
                        border: round $primary; background: $surface; padding: 0 1; }
    Picker OptionList { height: auto; max-height: 20; border: none; }
    """

    def __init__(self, title: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = tuple(choices)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(content(self.title_text))
            yield OptionList(*(Option(content(clip(label, 200)), id=ident) for ident, label in self.choices))

    @on(OptionList.OptionSelected)
    def _chosen(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(message.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Rename(ModalScreen[str | None]):
    """Type a new label: Enter keeps it, Escape cancels (None)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]
    DEFAULT_CSS = """
    Rename { align: center middle; }
    Rename > Vertical { width: 80%; max-width: 100; height: auto; border: round $primary;
                        background: $surface; padding: 0 1; }
    """

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("New name for the event (Enter keeps it, Escape cancels)")
            yield Input(printable(self.label), id="label")

    @on(Input.Submitted)
    def _submitted(self, message: Input.Submitted) -> None:
        label = " ".join(message.value.split())
        self.dismiss(label or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
