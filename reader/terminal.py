"""Making untrusted text safe for a terminal, and paths readable: one rule for every layer.

Article text and file names come from anyone. Before any of it reaches a
terminal (the app's widgets and notifications, the command's stderr, a
report someone `cat`s), control characters are made visible here, so an
escape sequence in a file name can never retitle a window, clear a screen or
write to the clipboard. Nothing here imports Textual or Rich, so every layer
may use it.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath

UNSAFE = frozenset(
    [*range(0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
"""Code points a terminal may act on rather than show: C0 and C1 controls, DEL,
and the bidirectional embeddings, overrides and isolates (which reorder what a reader sees)."""

# C0 controls map onto U+2400.. ("␀".."␟"), DEL onto "␡"; C1 controls and the
# bidirectional controls onto "�". One character for one, so offsets into the text stay valid.
_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE[0x7F] = "\u2421"
_TABLE.update({code: "\ufffd" for code in UNSAFE if code >= 0x80})
# Whitespace controls read best as a plain space.
_TABLE[0x09] = " "
_TABLE[0x0A] = " "
_TABLE[0x0D] = " "

_SURROGATE = re.compile("[\udc80-\udcff]")


def printable(text: str) -> str:
    """Return `text` with every control character replaced by a visible one of the same length."""
    if text.isprintable():
        return text
    return text.translate(_TABLE)


def path_text(path: str | PurePath) -> str:
    """A path as text that is valid Unicode, readable, and tells apart every name the file system does.

    Bytes of a name that are not UTF-8 reach Python as lone surrogates
    (`os.fsdecode`), which no output can encode: each is written as a
    backslash escape of its byte instead (`caf\\xe9.txt`), the way Python and
    `ls -b` show them.
    """
    text = os.fsdecode(path)
    if not text.isprintable() and _SURROGATE.search(text):
        return _SURROGATE.sub(lambda match: f"\\x{ord(match.group()) - 0xDC00:02x}", text)
    return text

