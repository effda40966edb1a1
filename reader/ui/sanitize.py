"""Turns untrusted article data into text that is shown literally, never interpreted.

Every string that comes from an input file (titles, paragraphs, outlet names,
file names, problem messages) passes through `printable` before it reaches a
widget. Control characters become visible Unicode "control pictures" (ESC is
shown as ``␛``), so escape sequences can never reach the terminal. The mapping
is one character to one character, so entity and quote offsets stay valid.
Markup is never parsed because data is only ever put into `rich.text.Text` or
`textual.content.Content` objects, never into markup strings.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.content import Content

# C0 controls map onto U+2400.. ("␀".."␟"), DEL onto "␡"; C1 controls and the
# bidirectional overrides (which can reorder what a reader sees) onto "�".
_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE[0x7F] = "\u2421"
_TABLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})
_TABLE.update({code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
# Whitespace controls read best as a plain space.
_TABLE[0x09] = " "
_TABLE[0x0A] = " "
_TABLE[0x0D] = " "


def printable(text: str) -> str:
    """Return `text` with every control character replaced by a visible one of the same length."""
    if text.isprintable():
        return text
    return text.translate(_TABLE)


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
