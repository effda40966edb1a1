"""Turns untrusted article data into text that is shown literally, never interpreted.

Every string that comes from an input file (titles, paragraphs, outlet names,
file names, problem messages) passes through `printable` (`reader.terminal`,
the one rule every layer uses) before it reaches a widget: control characters
become visible, so escape sequences can never reach the terminal.
Markup is never parsed because data is only ever put into `rich.text.Text` or
`textual.content.Content` objects, never into markup strings.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.content import Content

from ..terminal import printable

__all__ = ["clip", "content", "literal", "printable"]


def literal(text: str, style: Style | str = "") -> Text:
    """A Rich `Text` showing `text` exactly as written (no markup, no escapes)."""
    return Text(printable(text), style=style, end="", no_wrap=False)


def content(text: str) -> Content:
    """A Textual `Content` showing `text` exactly as written."""
    return Content(printable(text))


def clip(text: str, length: int) -> str:
    """Shorten `text` to at most `length` characters, marking the cut with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: max(0, length - 1)].rstrip() + "…"
