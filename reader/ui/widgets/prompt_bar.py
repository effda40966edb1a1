"""A one-line input the user opens with a key and leaves with Enter (keep) or Escape (leave)."""

from __future__ import annotations

from typing import ClassVar, Self

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input


class PromptBar(Input):
    """An `Input` that says when the user leaves it with Escape; Enter posts `Input.Submitted`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Leave", show=False, id="prompt.cancel"),
    ]

    class Cancelled(Message):
        """The user left the input with Escape."""

    @classmethod
    async def made_in(cls, parent: Widget, *, before: Widget, id: str) -> Self:
        """`parent`'s input of this kind, made hidden and mounted the first time it is asked for.

        The inputs are made just after the first frame (together they were about a
        fifteenth of the work before it), so they are there before anyone opens
        one; a key pressed sooner waits for the mount.
        """
        found = parent.query(cls)
        if found:
            return found.first()
        bar = cls(id=id)
        bar.display = False
        await parent.mount(bar, before=before)
        return bar

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
