"""A one-line input the user opens with a key and leaves with Enter (keep) or Escape (leave)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class PromptBar(Input):
    """An `Input` that says when the user leaves it with Escape; Enter posts `Input.Submitted`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Leave", show=False, id="prompt.cancel"),
    ]

    class Cancelled(Message):
        """The user left the input with Escape."""

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())

    def take_keys(self) -> None:
        """Show the input and give it the keyboard now.

        `focus()` waits for the next turn of the message loop, so keys already
        queued (typed fast, or pasted) would still go to the old focus and run as
        commands; setting the focus at once sends them here.
        """
        self.display = True
        self.screen.set_focus(self)
