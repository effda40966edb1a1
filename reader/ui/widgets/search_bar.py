"""The `/` prompt for searching every article's text."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """Docked under the panels while the user types a search; Enter searches, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel search", show=False, id="search.cancel"),
    ]

    class Cancelled(Message):
        """The user left the search prompt without searching."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search all articles…  (Enter: search, Esc: cancel)", id=id)

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
