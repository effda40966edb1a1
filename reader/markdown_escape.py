"""Text from articles made safe to drop into Markdown: shown as written, never taken for markup.

A file name can hold `<img onerror=…>`, an article line can start with "1." or
"---": every field of the Markdown report passes through `escape` (and `line`
where it starts a line), so the report renders exactly the words it quotes.
"""

from __future__ import annotations

import re

from .terminal import UNSAFE

_MARKUP = re.compile(r"([\\`*_\[\]<>#|]|~(?=~)|(?<=~)~)")
_LINE_START = re.compile(r"^(?:(\d{1,9})([.)])(?=\s|$)|([-+=])(?=[\s\-=]|$))")
"""What makes a line a list item, a rule or a heading underline (`#`, `>`, `*` and fences are escaped anywhere)."""


def escape(text: str) -> str:
    """Text safe to drop into Markdown: no markup, no raw control characters (shown as escapes)."""
    if not text.isprintable():
        text = "".join(_visible(ch) for ch in text)
    return _MARKUP.sub(r"\\\1", text)


def _visible(char: str) -> str:
    code = ord(char)
    if (code in UNSAFE and char != "\t") or 0xD800 <= code < 0xE000:  # a lone surrogate cannot even be written
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return char


def line(text: str) -> str:
    """`escape`, for text that starts a line: no list, rule, heading, fence or code block either."""
    text = _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escape(text))
    return f"&#{ord(text[0])};{text[1:]}" if text[:1].isspace() else text
